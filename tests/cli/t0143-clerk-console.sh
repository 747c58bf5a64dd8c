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

# a wrong PIN, then the right one; n s f: finish asks first (n keeps the
# visitor), then y serves A-001; A-002 is called: f refuses a visit that
# never started, r calls again, x asks, then marks the no-show
console "$CLERK
1111
$CLERK
2468
n
s
f
n
f
y
n
f
r
x
y
q" 3 --now 2026-03-20T10:12
if [ "$rc" -eq 0 ]; then ok; else not_ok "console: exit $rc"; fi
has err "wrong PIN for $CLERK; 4 tries left" "the wrong PIN said"
has out "$CLERK (Бас маман) at counter 3" "logged in"
has out "called A-001 (waited 12 min)" "n called A-001"
has out "A-001 in service" "s started it"
has out "Finish A-001 as served? y: yes, n: no" "f asks first"
has out "nothing changed: A-001 is still at the counter" "n keeps the visitor"
has out "A-001 served" "f then y finished it"
has out "A-002 has not started: s when the visitor comes up, x if they did not come" \
	"f on a visit never started is refused"
has out "called A-002 again" "r recalled A-002"
has out "A-002 did not come: mark as no-show?" "x asks first"
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

# transfer and a complaint, each confirmed; the intake form checks each
# field as typed (a wrong IIN, a wrong act row, a wrong total are asked
# again), and a correction from the list keeps every other field; a
# visit that never started is served only after s; the transfer's comment
# is shown when the visitor is called again
console "2468
n
t
B
көшірмесі бар, құжаттарды береді
y
c
post
result
Сейтқали Ержан
Көкшетау, Абай көшесі 1
бағалаумен келіспеймін
15
y
a
individual
Иванов Иван Иванович
870412300417
870412300416
уд. личности № 012345678
+7 701 111 22
+7 701 111 22 33
г. Кокшетау, ул. Абая, 10

г. Кокшетау, участок 5
application,id_copy,act,conclusion
Зона 1;0,1500;1 200 000;1,2;210 000,00
Зона 1;0,1500;1 200 000;1,2;216 000,00

200 000
216 000,00
3
87041230041
870412300416
7
+7 701 222 33 44
y
n
q
s
f
y
q" 3 --clerk "$CLERK" --now 2026-03-20T10:20
if [ "$rc" -eq 0 ]; then ok; else not_ok "second console: exit $rc"; fi
has out "called C-001" "C-001 called"
has out "Send C-001 to service B, keeping its place?" "t asks first"
has out "C-001 waits for service B, keeping its place" "t transferred it"
has out "Register the complaint in the journal?" "c asks first"
has out "complaint 2026-C-0001 registered; answer by 2026-04-06" "c registered a complaint"
has out "! IIN: the control digit (the 12th) does not match; check the number on the document" \
	"the IIN's control digit checked as it is typed"
lacks out "870412300417" "the IIN is not repeated in a message"
has out "! a phone number has 10 to 15 digits" "the phone checked as typed"
has out "! row 1: area x rate x coefficient is 216 000,00 tenge, the row says 210 000,00" \
	"an act row checked against itself"
has out "! the rows add up to 216 000,00 tenge, the total says 200 000,00" \
	"the total checked against the rows"
has out "! IIN has 12 digits; 11 typed" "the correction is checked too"
has out "  7  phone: +7 701 222 33 44" "the corrected phone in the list"
has out "  2  full name: Иванов Иван Иванович" "the other fields kept"
has out "application 2026-0001 registered" "a accepted the documents"
has out "called C-001 (waited 18 min)" "the transferred ticket kept its place"
has out "Transferred with the comment: көшірмесі бар, құжаттарды береді" \
	"the transfer's comment shown where the visitor is called again"
has out "C-001 is still at the counter: finish it first" "q refused with a visitor"
has out "C-001 served" "then served"
is "transferred|served" "SELECT group_concat(outcome, '|') FROM (SELECT outcome FROM tickets
	WHERE number = 'C-001' ORDER BY id)" "C-001 transferred, then served"
is "$CLERK|3" "SELECT k.full_name, c.number FROM complaints m JOIN clerks k ON k.id = m.clerk_id
	JOIN counters c ON c.id = m.counter_id" "the complaint taken by the clerk at counter 3"
is "$CLERK|registered" "SELECT k.full_name, a.status FROM applications a
	JOIN clerks k ON k.id = a.clerk_id" "the application accepted by the clerk"
is "Иванов Иван Иванович|870412300416|+7 701 222 33 44|г. Кокшетау, ул. Абая, 10|21600000" \
	"SELECT applicant, idnum, phone, address, act_total FROM applications" \
	"every field as typed and corrected, the act's total"

# in Kazakh: postpone a visitor and call them back; l switches to Russian
expect 0 "A-003" ticket A --now 2026-03-20T10:30
printf '2468\nn\np\nкөшірме әкелу\n10\nb\n\ns\nf\ny\nl\nn\nq\n' >"$T/keys"
KEZEK_LANG=kk "$KEZEK" console 3 --clerk "$CLERK" --now 2026-03-20T10:31 <"$T/keys" \
	>"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "console in Kazakh: exit $?"; fi
has out "A-003 10:41 дейін кейінге қалдырылды; b қайта шақырады" "postponed, said in Kazakh"
has out "кейінге қалдырылғандар (b қайта шақырады):  A-003, 10:41 дейін (көшірме әкелу)" \
	"the postponed visitor listed"
has out "A-003 қайта шақырылды (шақырылды)" "called back, said in Kazakh"
has out "A-003 қызмет көрсетілді деп аяқтау керек пе? y — иә, n — жоқ" "the question in Kazakh"
has out "консоль теперь говорит по-русски" "l: Russian"
has out "к окну 3 никто не ждёт" "then the refusal in Russian"
is "served|postponed returned" "SELECT t.outcome, (SELECT group_concat(kind, ' ') FROM events e
	WHERE e.ticket_id = t.id AND kind IN ('postponed', 'returned')) FROM tickets t
	WHERE number = 'A-003'" "A-003 postponed, returned, served"
is "көшірме әкелу" "SELECT detail FROM events WHERE kind = 'postponed'" "the reason in the log"

# on a terminal, the message stays when the hall changes under it
if python3 "$SRC/tests/cli/console-pty.py" "$KEZEK" "$CLERK" >"$T/out" 2>"$T/err"; then ok
else not_ok "the message stays on the screen: $(tail -n 3 "$T/err")"; fi

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
