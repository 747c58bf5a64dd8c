#!/bin/bash
# t0010: the board's and the kiosk's routes of kezek-hall, called as the
# enrolled devices would (curl with their bearer credentials): the board
# reads the hall; the kiosk issues a ticket printed on its own printer, and
# the same idempotency key sent again answers the same ticket without a
# second; forms, the print's state, ballots; each role only its routes, a
# kiosk only for its own [kiosk NAME].
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
start_hall || { finish; exit 1; }
device_enrol hall-1 board && ok
device_enrol kiosk-1 kiosk && ok

device_api hall-1 GET /api/board
status_is 200 "the board reads the hall"
body_has '"calls":[]' "no calls yet"
body_has '"last_call":0' "and none before"
body_has '"name_kk":' "the services' names in both languages"
device_api kiosk-1 GET /api/board
status_is 403 "a kiosk is not a board"
device_api hall-1 GET /api/kiosk
status_is 403 "a board is not a kiosk"
device_api hall-1 POST /api/kiosk/ticket '{"service":"A","lang":"kk"}'
status_is 403 "a board issues no tickets"

device_api kiosk-1 GET /api/kiosk
status_is 200 "the kiosk reads its state"
body_has '"kiosk":"kiosk-1"' "as kiosk-1"
body_has '"may_issue":true' "tickets are issued at 10:00 on a Friday"
body_has '"state":"unknown"' "its printer not heard of yet"
device_api kiosk-1 GET "/api/kiosk/estimate?service=A"
status_is 200 "the wait if a ticket is taken now"
body_has '"ahead":0' "nobody ahead"

key=kiosk1ticket0000000000000000001
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"A","lang":"ru"}' "$key"
status_is 200 "a ticket issued"
body_has '"number":"A-001"' "A-001"
cp "$T/body" "$T/first"
job=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])' <"$T/first")
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"A","lang":"ru"}' "$key"
status_is 200 "the same request again, its answer lost"
if cmp -s "$T/first" "$T/body"; then ok; else not_ok "the same answer: $(cat "$T/body")"; fi
n=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets")
[ "$n" = 1 ] && ok || not_ok "one ticket for one key, $n in the database"
p=$(sqlite3 "$KEZEK_DB" "SELECT p.name FROM print_jobs j JOIN printers p ON p.id = j.printer_id WHERE j.id = $job" 2>&1)
[ "$p" = kiosk-1 ] && ok || not_ok "printed on the kiosk's own printer: '$p'"
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"A","lang":"kk"}'
status_is 200 "another visitor, another key"
body_has '"number":"A-002"' "A-002"
body_has '"ahead":1' "one ahead of A-002"
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"Z","lang":"kk"}'
status_is 404 "no service Z"
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"A","lang":"en"}'
status_is 400 "a printout in kk or ru"

device_api kiosk-1 GET "/api/kiosk/job/$job"
status_is 200 "the ticket's print"
body_has '"state":"queued"' "waits for its printer"
device_api kiosk-1 GET /api/kiosk/job/999999
status_is 404 "no such print"
device_api kiosk-1 POST /api/kiosk/unprinted "{\"job\":$job,\"reason\":\"not printed within 8 s\"}"
status_is 200 "the visitor saw no ticket: the staff are told"
device_api kiosk-1 POST /api/kiosk/form '{"sample":false,"lang":"ru"}'
status_is 200 "a blank form on the forms printer"

device_api kiosk-1 POST /api/kiosk/ballot '{"ticket":"A-001"}'
status_is 409 "A-001 is not served yet"
body_has '"refused":"not_served"' "says why"
open_counter 1 "Омаров Ерлан"
expect 0 "call" next 1
expect 0 "start" start 1
expect 0 "served" finish 1 --outcome served
device_api kiosk-1 POST /api/kiosk/ballot '{"ticket":"A-001"}'
status_is 200 "A-001 may give feedback"
device_api kiosk-1 POST /api/kiosk/feedback \
	'{"ticket":"A-001","code":"0000","lang":"kk","quality":1,"information":1,"appeal":-1,"politeness":1}'
if [ "$status" = 409 ] && grep -q '"refused":"wrong_code"' "$T/body"; then ok
elif [ "$status" = 200 ]; then ok # 0000 happened to be its code
else not_ok "feedback with a wrong code: $status $(cat "$T/body")"; fi

device_api kiosk-1 POST /api/kiosk/pin '{"pin":"111111"}'
status_is 200 "a PIN tried"
body_has '"ok":false' "no PIN set: refused"

# a revoked kiosk can do nothing more
expect 0 "revoke" device revoke kiosk-1
device_api kiosk-1 POST /api/kiosk/ticket '{"service":"A","lang":"kk"}'
status_is 401 "a revoked kiosk issues nothing"
n=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets")
[ "$n" = 2 ] && ok || not_ok "still two tickets, $n in the database"
finish
