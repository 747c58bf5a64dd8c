#!/bin/bash
# t0086: every request that changes something and every refusal is in the
# hall's event log with who made it (role, account, counter), what (method
# and route) and the outcome (status, the refusal's code), and never a PIN,
# a session or a visitor's data; kezek history --requests lists them and
# the tickets' audit still passes.
. "$(dirname "$0")/lib.sh"

sql() { sqlite3 "$T/hall.db" "$1"; }
# is VALUE SQL what: the query's answer is VALUE
is() {
	local got
	got=$(sql "$2")
	if [ "$got" = "$1" ]; then ok; else not_ok "$3: '$got', expected '$1'"; fi
}

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
echo 8642 >"$T/mpin"
expect_in 0 "a manager's PIN" "$T/mpin" manager pin "Сейтова Гүлнар"
start_hall || { finish; exit 1; }

login "$T/jar" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":2,"lang":"kk"}'
status_is 200 "the clerk logs in"
clerk_id=$(sql "SELECT id FROM clerks WHERE full_name = 'Омаров Ерлан'")
counter_id=$(sql "SELECT id FROM counters WHERE number = 2")
token=$(awk '$6 == "kezek_session" {print $7}' "$T/jar")
is "hall_request|$counter_id|$clerk_id|clerk 127.0.0.1 POST /api/login 200" \
	"SELECT kind, counter_id, clerk_id, detail FROM events ORDER BY id DESC LIMIT 1" \
	"the login, recorded under the clerk who logged in"

api POST /api/counter/open '{}'
status_is 200 "open the counter"
is "hall_request|$counter_id|$clerk_id|clerk 127.0.0.1 POST /api/counter/open 200" \
	"SELECT kind, counter_id, clerk_id, detail FROM events ORDER BY id DESC LIMIT 1" \
	"the opening, recorded with the clerk, the counter, the route and the status"
api POST /api/counter/next '{}'
status_is 409 "nobody waits"
is "hall_refused|$counter_id|$clerk_id|clerk 127.0.0.1 POST /api/counter/next 409 empty" \
	"SELECT kind, counter_id, clerk_id, detail FROM events ORDER BY id DESC LIMIT 1" \
	"the refusal, with its code"
api POST /api/counter/next '{"counter":3}'
status_is 403 "another counter"
is "clerk 127.0.0.1 POST /api/counter/next 403 counter" \
	"SELECT detail FROM events ORDER BY id DESC LIMIT 1" "acting on another counter, refused"

# a forged request: the session's cookie without its CSRF token
curl -sk -o "$T/body" -w '%{http_code}' -b "$T/jar" -X POST -H 'Content-Type: application/json' \
	--data-binary '{}' "$URL/api/counter/pause" >"$T/code"
[ "$(cat "$T/code")" = 403 ] && ok || not_ok "a forged pause: $(cat "$T/code")"
is "hall_refused|clerk 127.0.0.1 POST /api/counter/pause 403 csrf" \
	"SELECT kind, detail FROM events ORDER BY id DESC LIMIT 1" "the forged request, refused"

# a manager's refusal: the clerks' routes are not theirs
login "$T/mjar" '{"role":"manager","name":"Сейтова Гүлнар","pin":"8642","lang":"ru"}'
status_is 200 "the manager logs in"
api POST /api/counter/next '{}' "$T/mjar"
status_is 403 "a manager may not call"
is "hall_refused||manager 127.0.0.1 POST /api/counter/next 403 role" \
	"SELECT kind, counter_id, detail FROM events ORDER BY id DESC LIMIT 1" \
	"the manager's refusal, with no counter"

# nobody: no session, a wrong PIN, an unknown path
rm -f "$T/nojar"
api GET /api/counter "" "$T/nojar"
status_is 401 "no session"
is "hall_refused|||nobody 127.0.0.1 GET /api/counter 401 session" \
	"SELECT kind, counter_id, clerk_id, detail FROM events ORDER BY id DESC LIMIT 1" \
	"a request without a session, refused"
login "$T/bad" '{"role":"clerk","name":"Омаров Ерлан","pin":"9999","counter":2,"lang":"kk"}'
status_is 401 "a wrong PIN"
is "nobody 127.0.0.1 POST /api/login 401 login" \
	"SELECT detail FROM events WHERE kind = 'hall_refused' ORDER BY id DESC LIMIT 1" \
	"the wrong PIN's request, refused"
api GET "/static/../hall.ini" "" "$T/nojar"
[ "$status" = 404 ] || [ "$status" = 400 ] && ok || not_ok "path traversal: $status"
is "0" "SELECT count(*) FROM events WHERE detail LIKE '%..%' OR detail LIKE '%hall.ini%'" \
	"a path that is no route is not written as it came"

# an intake's personal data and the PINs never reach the log
expect 0 "a ticket" ticket A
api POST /api/counter/next '{}'
api POST /api/counter/start '{}'
api POST /api/intake/check '{"field":"iin","value":"870412300416"}'
status_is 200 "an IIN checked"
api POST /api/logout '{}'
status_is 204 "log out"
is "hall_request|clerk 127.0.0.1 POST /api/logout 204" \
	"SELECT kind, detail FROM events ORDER BY id DESC LIMIT 1" "the logout, under the clerk"
is "0" "SELECT count(*) FROM events WHERE detail LIKE '%4321%' OR detail LIKE '%9999%'
	OR detail LIKE '%8642%' OR detail LIKE '%870412300416%' OR detail LIKE '%$token%'" \
	"no PIN, IIN or session token in the event log"
is "0" "SELECT count(*) FROM events WHERE kind = 'hall_request' AND detail LIKE '%GET %'" \
	"reading is not recorded, only changes and refusals"

expect 0 "the requests of the day" history --requests
has out "hall_refused  counter 2  Омаров Ерлан  clerk 127.0.0.1 POST /api/counter/next 409 empty" \
	"the refusal listed with the clerk and the counter"
has out "hall_request  counter 2  Омаров Ерлан  clerk 127.0.0.1 POST /api/counter/open 200" \
	"the opening listed"
has out "Сейтова Гүлнар  manager 127.0.0.1 POST /api/counter/next 403 role" \
	"the manager's refusal listed"
lacks out "4321" "no PIN listed"
expect 0 "no requests another day" history --requests --day 2026-03-19
[ ! -s "$T/out" ] && ok || not_ok "another day lists nothing: $(cat "$T/out")"
expect 1 "a number and --requests together" history A-001 --requests
expect 0 "the tickets agree with the event log" check

# a flood of refusals from nobody: recorded up to 20 a second, the rest
# counted in the server's log, not written.  The server's seconds are its
# own (a monotonic clock), not the wall's: a flood lasting d seconds
# touches at most floor(d) + 2 of them.
before=$(sql "SELECT count(*) FROM events WHERE kind = 'hall_refused'")
start=$(date +%s%N)
urls=()
for i in $(seq 150); do urls+=(-o /dev/null "$URL/api/counter"); done
curl -sk "${urls[@]}"
end=$(date +%s%N)
n=$(($(sql "SELECT count(*) FROM events WHERE kind = 'hall_refused'") - before))
seconds=$(((end - start) / 1000000000 + 2))
if [ "$n" -ge 1 ] && [ "$n" -le $((20 * seconds)) ]; then ok
else not_ok "150 refusals touching $seconds of the server's seconds: $n recorded"; fi
# the first refusal of a later second says how many were left out
told() {
	curl -sk -o /dev/null "$URL/api/counter"
	grep -q "refusals of browsers not logged in were not recorded" "$T/hall.log"
}
if [ "$n" -lt 150 ]; then wait_for "the refusals left out are counted in the server's log" told; fi
finish
