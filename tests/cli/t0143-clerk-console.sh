#!/bin/bash
# The clerk's console driven from a file of keys, as a terminal would be
# typed into: log in with a PIN (a salted hash in the database), then
# next, start, finish, recall, no-show, transfer, complaint, documents,
# quit; the outcomes and the clerk are read back from the database.
. "$(dirname "$0")/lib.sh"

CLERK="Иванова Мария Петровна"
sql() { sqlite3 "$T/hall.db" "$1"; }
# console INPUT ARGS...: run kezek console with INPUT (lines) as its keys
console() {
	printf '%s\n' "$1" >"$T/keys"
	shift
	"$KEZEK" console "$@" <"$T/keys" >"$T/out" 2>"$T/err"
	rc=$?
}
# is VALUE SQL what: the query's answer is VALUE
is() {
	local got
	got=$(sql "$2")
	if [ "$got" = "$1" ]; then ok; else not_ok "$3: '$got', expected '$1'"; fi
}

expect 0 "init" init
open_counter 3 "$CLERK"
expect 0 "close again" counter close 3
expect 1 "no PIN on standard input" clerk pin "$CLERK" </dev/null
printf '12\n' >"$T/pin"
expect 1 "a short PIN" clerk pin "$CLERK" <"$T/pin"
has err "4 to 12 digits" "what a PIN is"
printf '2468\n' >"$T/pin"
expect 2 "unknown clerk" clerk pin "Никто Неизвестный" <"$T/pin"
has err "--position" "how to add one"
expect 0 "set the PIN" clerk pin "$CLERK" <"$T/pin"
has out "has a new PIN" "said"
is 1 "SELECT count(*) FROM clerks WHERE pin_hash LIKE '\$y\$%' AND pin_hash NOT LIKE '%2468%'" \
	"kept as a yescrypt hash"
expect 1 "not pin" clerk forget "$CLERK"

expect 0 "A-001" ticket A
expect 0 "A-002" ticket A --now 2026-03-20T10:01
expect 0 "C-001" ticket C --now 2026-03-20T10:02

# a wrong PIN, then the right one; n s f serves A-001; n r x: A-002 did not come
console "$CLERK
1111
$CLERK
2468
n
s
f
n
r
x
q" 3 --now 2026-03-20T10:12
if [ "$rc" -eq 0 ]; then ok; else not_ok "console: exit $rc"; fi
has err "wrong PIN for $CLERK; 4 tries left" "the wrong PIN said"
has out "$CLERK (Бас маман) at counter 3" "logged in"
has out "called A-001 (waited 12 min)" "n called A-001"
has out "A-001 in service" "s started it"
has out "A-001 served" "f finished it"
has out "called A-002 again" "r recalled A-002"
has out "A-002 did not come (no-show)" "x"
has out "counter 3 closed; goodbye" "q closed the counter"
is "served|$CLERK" "SELECT t.outcome, k.full_name FROM tickets t JOIN clerks k ON k.id = t.clerk_id
	WHERE t.number = 'A-001'" "A-001 served under the clerk"
is "no_show|1" "SELECT outcome, recalls FROM tickets WHERE number = 'A-002'" "A-002 no-show"
is closed "SELECT state FROM counters WHERE number = 3" "counter closed"
is 1 "SELECT count(*) FROM events e JOIN clerks k ON k.id = e.clerk_id
	WHERE e.kind = 'login_failed' AND e.detail = 'wrong PIN' AND k.full_name = '$CLERK'" \
	"the wrong PIN counted, under the clerk"
is 0 "SELECT count(*) FROM events WHERE detail LIKE '%1111%' OR detail LIKE '%2468%'" \
	"no PIN in the log"
is "clerk_login counter_opened called started served called recalled no_show counter_closed" \
	"SELECT group_concat(kind, ' ') FROM (SELECT e.kind FROM events e JOIN clerks k
	ON k.id = e.clerk_id WHERE k.full_name = '$CLERK' AND e.kind <> 'login_failed'
	AND e.id > (SELECT max(id) FROM events WHERE kind = 'clerk_pin_set') ORDER BY e.id)" \
	"every action under the clerk's name"

# transfer, a complaint and documents from the console; q waits for the visitor
console "2468
n
t
B
c
post
result
Сейтқали Ержан
Көкшетау, Абай көшесі 1
бағалаумен келіспеймін
15
a
individual
Иванов Иван Иванович
870412300416
уд. личности № 012345678
+7 701 111 22 33
г. Кокшетау, ул. Абая, 10

г. Кокшетау, участок 5
application,id_copy,act,conclusion

n
q
f
q" 3 --clerk "$CLERK" --now 2026-03-20T10:20
if [ "$rc" -eq 0 ]; then ok; else not_ok "second console: exit $rc"; fi
has out "called C-001" "C-001 called"
has out "C-001 waits for service B, keeping its place" "t transferred it"
has out "complaint 2026-C-0001 registered; answer by 2026-04-06" "c registered a complaint"
has out "application 2026-0001 registered" "a accepted the documents"
has out "called C-001 (waited 18 min)" "the transferred ticket kept its place"
has out "C-001 is still at the counter: finish it first" "q refused with a visitor"
has out "C-001 served" "then served"
is "transferred|served" "SELECT group_concat(outcome, '|') FROM (SELECT outcome FROM tickets
	WHERE number = 'C-001' ORDER BY id)" "C-001 transferred, then served"
is "$CLERK|3" "SELECT k.full_name, c.number FROM complaints m JOIN clerks k ON k.id = m.clerk_id
	JOIN counters c ON c.id = m.counter_id" "the complaint taken by the clerk at counter 3"
is "$CLERK|registered" "SELECT k.full_name, a.status FROM applications a
	JOIN clerks k ON k.id = a.clerk_id" "the application accepted by the clerk"

# someone else's counter, a locked login, the end of input
expect 0 "another clerk opens 3" counter open 3 --clerk "Басқа Клерк" --position "Маман"
console "2468" 3 --clerk "$CLERK"
if [ "$rc" -eq 2 ]; then ok; else not_ok "console at someone else's counter: exit $rc"; fi
has err "counter 3 is open under Басқа Клерк" "why said"
expect 0 "close 3" counter close 3
console "0000
0000
0000" 3 --clerk "$CLERK"
console "0000
0000
2468" 3 --clerk "$CLERK"
if [ "$rc" -eq 2 ]; then ok; else not_ok "locked console: exit $rc"; fi
has err "too many wrong PINs for $CLERK: login is locked until" "locked"
console "2468" 3 --clerk "$CLERK" --now 2026-03-20T10:40
if [ "$rc" -eq 0 ]; then ok; else not_ok "console after the lock: exit $rc"; fi
has out "counter 3 stays open under $CLERK" "input ended: the counter stays open"
expect 0 "check" check
finish
