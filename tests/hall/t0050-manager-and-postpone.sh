#!/bin/bash
# t0050: the manager's live page (GET /api/hall) shows every service's
# queue, every counter, alerts for a wait past 25 and 30 minutes and a
# service past its limit, and today's figures; only managers see it.  A
# clerk postpones a visitor (reason, minutes) and calls them back.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
expect_in 0 "a manager's PIN" "$T/pin" manager pin "Ахметов Серик"
expect 0 "a ticket at 09:20" --now 2026-03-20T09:20 ticket A
expect 0 "a ticket at 09:33" --now 2026-03-20T09:33 ticket B
expect 0 "a ticket at 09:58" --now 2026-03-20T09:58 ticket A
start_hall || { finish; exit 1; }

login "$T/c" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"ru"}'
api GET /api/hall "" "$T/c"
status_is 403 "a clerk does not see the manager's page"
login "$T/m" '{"role":"manager","name":"Ахметов Серик","pin":"4321","lang":"kk"}'
status_is 200 "the manager logs in"
body_has '"role":"manager"' "as a manager"
api GET /api/hall "" "$T/m"
status_is 200 "the live page"
body_has '"ticket":"A-001"' "A-001's wait is an alert"
body_has '"level":30' "past 30 minutes"
body_has '"ticket":"B-001"' "B-001's wait is an alert"
body_has '"level":25' "past 25 minutes"
if grep -q '"ticket":"A-002"' "$T/body"; then not_ok "A-002 waited 2 minutes: no alert"; else ok; fi
body_has '"issued":3' "today's figures: three issued"
body_has '"waiting":2' "two wait for A"
body_has 'Құжаттарды' "service names in the manager's language"

api POST /api/counter/open '{}' "$T/c"
api POST /api/counter/next '{}' "$T/c"
body_has '"ticket":"A-001"' "A-001 is called"
api POST /api/counter/postpone '{"reason":"копия удостоверения","minutes":15}' "$T/c"
status_is 200 "postponed"
body_has '"current":null' "the counter is free"
body_has '"reason":"копия удостоверения"' "the postponed list has the reason"
api POST /api/counter/postpone '{"reason":"","minutes":15}' "$T/c"
status_is 400 "a postponement needs a reason"
api POST /api/counter/next '{}' "$T/c"
body_has '"ticket":"B-001"' "the counter calls the next"
api POST /api/counter/return '{"ticket":"A-001"}' "$T/c"
status_is 409 "no return while another visitor is at the counter"
api POST /api/counter/finish '{"outcome":"served"}' "$T/c"
api POST /api/counter/return '{"ticket":"A-001"}' "$T/c"
status_is 200 "A-001 came back"
body_has '"ticket":"A-001"' "A-001 at the counter again"
api GET /api/hall "" "$T/m"
body_has '"counter":1,"state":"open"' "the manager sees counter 1 open"

finish
