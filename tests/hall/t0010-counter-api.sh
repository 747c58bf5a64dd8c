#!/bin/bash
# t0010: a clerk works a counter through kezek-hall's API as through the
# kezek command: log in with the PIN of 'kezek clerk pin', open, call,
# start, finish, transfer; refusals come as 409 with the message in the
# session's language; the stream says a change within a moment of a
# ticket issued by another program.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
start_hall || { finish; exit 1; }

api GET "/api/words?lang=kk"
status_is 200 "the catalogue needs no session"
body_has '"lang":"kk"' "the Kazakh catalogue"
body_has '"Log in first.":' "the server's own words are in it"

login "$T/jar" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":2,"lang":"ru"}'
status_is 200 "the clerk logs in"
body_has '"counter":2' "at counter 2"
[ -s "$T/jar.csrf" ] && ok || not_ok "the login gives a CSRF token"
api GET /api/session
status_is 200 "the session"
body_has '"role":"clerk"' "of a clerk"

api POST /api/counter/open '{}'
status_is 200 "open the counter"
body_has '"state":"open"' "the counter is open"
api POST /api/counter/next '{}'
status_is 409 "nobody waits"
body_has 'Никто не ждёт' "the refusal in the session's language"

expect 0 "a ticket" ticket A
api POST /api/counter/next '{}'
status_is 200 "call the next visitor"
body_has '"ticket":"A-001"' "A-001 is called"
body_has '"state":"called"' "called, not yet started"
api POST /api/counter/start '{}'
status_is 200 "service starts"
body_has '"state":"serving"' "in service"
api POST /api/counter/finish '{"outcome":"no_show"}'
status_is 409 "no-show refused once service started"
api POST /api/counter/finish '{"outcome":"transferred","to_service":"B"}'
status_is 200 "transferred to B"
body_has '"current":null' "nobody at the counter"
expect 0 "history" history A-001
has out "transferred" "the event log has the transfer"
has out "Омаров Ерлан" "under the clerk who logged in"

api POST /api/counter/next '{}'
api POST /api/counter/finish '{"outcome":"served","ticket":"A-001"}'
status_is 200 "served, with the number the page showed"
api POST /api/counter/finish '{"outcome":"served"}'
status_is 409 "nothing left to finish"
api POST /api/counter/finish '{"outcome":"lost"}'
status_is 400 "an unknown outcome"
body_has '"field":"outcome"' "names the field"
api GET /api/services
status_is 200 "the services"
body_has '"service":"B"' "B among them"

api POST /api/lang '{"lang":"kk"}'
status_is 200 "the clerk switches to Kazakh"
api POST /api/counter/next '{}'
body_has 'ешкім күтіп тұрған жоқ' "refusals now in Kazakh"

# the stream: a change reaches a listener soon after another program's commit
curl -sN -b "$T/jar" "$URL/api/events" >"$T/sse" 2>/dev/null &
sse=$!
wait_for "the stream opens" grep -q '^event: change' "$T/sse"
before=$(grep -c '^event: change' "$T/sse")
expect 0 "a ticket from the command" ticket B
changed() { [ "$(grep -c '^event: change' "$T/sse")" -gt "$before" ]; }
WAIT_SECONDS=5 wait_for "the stream says the change" changed
kill "$sse" 2>/dev/null
wait "$sse" 2>/dev/null

api POST /api/counter/pause '{}'
status_is 200 "pause"
body_has '"state":"paused"' "paused"
api POST /api/counter/close '{}'
status_is 200 "close"
log_has 'POST /api/counter/close 200' "the log has the request"
log_has 'clerk#' "with who made it"
if grep -q '4321\|Омаров' "$T/hall.log"; then not_ok "the log holds a PIN or a name"; else ok; fi

finish
