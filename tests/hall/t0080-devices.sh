#!/bin/bash
# t0080: boards, kiosks and print services on machines of their own:
# 'kezek device add' prints a one-time code, the device exchanges it once
# for its credential (POST /api/device/enrol) and proves itself with
# Authorization: Bearer; a wrong code counts as a wrong PIN (the name's
# code spent after five, the address stopped after ten); a revoked device
# is refused at once and its stream ends; a device can do only its role's
# work and a clerk's cookie none of a device's; a browser's page cannot
# speak for a device; the code and the credential are in no log and no URL.
. "$(dirname "$0")/lib.sh"

CODE_RE='[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z]\{4\}'
code_of() { grep -o "$CODE_RE" "$T/out" | head -1; }

# dev METHOD PATH CREDENTIAL [JSON]: a device's request; body in $T/body, status in $status
dev() {
	local args=(-sk -o "$T/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	status=$(curl "${args[@]}" "$URL$2")
}
enrol() { api POST /api/device/enrol "$1" "$T/nojar"; }

expect 0 "init" init
expect 0 "a board" device add board-1 --role board
has out "board-1" "the command names the device"
board_code=$(code_of)
[ -n "$board_code" ] && ok || not_ok "a code is printed"
expect 0 "a kiosk" device add kiosk-1 --role kiosk
kiosk_code=$(code_of)
expect 2 "a name twice" device add kiosk-1 --role board
has err "exists" "said"
expect 1 "a kiosk the hall has not" device add kiosk-9 --role kiosk
has err "[kiosk kiosk-9]" "said, naming the section"
expect 0 "a kiosk standing for kiosk-1" device add kiosk-1b --role kiosk --for kiosk-1
expect 1 "a board standing for something" device add board-2 --role board --for kiosk-1
expect 1 "no role" device add board-3
expect 1 "a bad name" device add "board 3" --role board
expect 0 "list" device list
has out "code waiting until" "a code waits"
if grep -q "$board_code\|$kiosk_code" "$T/out"; then not_ok "the list shows a code"; else ok; fi
n=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM devices WHERE length(code) = 64")
[ "$n" -eq 3 ] && ok || not_ok "only the codes' hashes are stored: $n"
if sqlite3 "$T/hall.db" .dump | grep -q "$board_code"; then not_ok "a code in the database"; else ok; fi

echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
start_hall || { finish; exit 1; }

# enrolment: once
enrol "{\"name\":\"board-1\",\"code\":\"$board_code\"}"
status_is 200 "the board enrols"
board=$(json credential <"$T/body")
[ ${#board} -eq 64 ] && ok || not_ok "a credential of 64 hex: '$board'"
body_has '"role":"board"' "its role"
enrol "{\"name\":\"board-1\",\"code\":\"$board_code\"}"
status_is 401 "the code is spent"
# the code alone, typed in lower case with spaces
typed=$(echo "$kiosk_code" | tr 'A-Z-' 'a-z ')
enrol "{\"code\":\"$typed\"}"
status_is 200 "the kiosk enrols with its code alone, as typed"
kiosk=$(json credential <"$T/body")
body_has '"for":"kiosk-1"' "standing for its kiosk"

# what each may do
dev GET /api/device/config "$board"
status_is 200 "a device reads the hall's configuration"
body_has "[hall]" "the configuration"
if grep -q '^\[server\]\|^\[region\]' "$T/body"; then not_ok "[server] or [region] given to a device"; else ok; fi
dev GET /api/counter "$board"
status_is 403 "a board on a clerk's route"
body_has '"error":"role"' "refused for its role"
dev POST /api/counter/next "$kiosk" '{}'
status_is 403 "a kiosk on a clerk's state change"
dev GET /api/hall "$kiosk"
status_is 403 "a kiosk on the manager's route"
dev GET /api/device/config 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
status_is 401 "an unknown credential"
body_has '"error":"device"' "refused as no device"
dev GET /api/device/config "not-hex"
status_is 401 "a malformed one"
# a browser's page cannot speak for a device
status=$(curl -sk -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer $kiosk" \
	-H "Origin: http://evil.example" "$URL/api/device/config")
status_is 403 "a device's credential with Origin"
body_has '"error":"origin"' "refused as a browser's"
# a clerk's cookie opens no device route
login "$T/jar" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"ru"}'
status_is 200 "a clerk logs in"
api GET /api/device/config
status_is 403 "a clerk on a device's route"
# the stream serves devices
curl -sk -m 3 -H "Authorization: Bearer $board" -o "$T/stream" "$URL/api/events"
grep -q '^event: change' "$T/stream" && ok || not_ok "a board's stream: $(head -c 200 "$T/stream")"

# revoked: refused at once, its stream ends
curl -sk -N -H "Authorization: Bearer $board" -o "$T/stream2" "$URL/api/events" &
reader=$!
wait_for "the board's stream opens" grep -qs '^event: change' "$T/stream2"
expect 0 "revoke the board" device revoke board-1
has out "revoked" "said"
dev GET /api/device/config "$board"
status_is 401 "a revoked board"
body_has '"error":"device"' "refused as no device"
ended() { ! kill -0 "$reader" 2>/dev/null; }
wait_for "the revoked board's stream ends" ended
wait "$reader" 2>/dev/null
log_has 'device#1 revoked: its stream ended' "the end logged"
dev GET /api/device/config "$kiosk"
status_is 200 "the kiosk goes on"
expect 0 "list" device list
has out "revoked" "the list says revoked"
has out "enrolled" "and enrolled"
# a new code for its replacement: the old credential stays dead
expect 0 "a new code for board-1" device code board-1
new=$(code_of)
enrol "{\"code\":\"$new\"}"
status_is 200 "the replacement enrols"
board2=$(json credential <"$T/body")
dev GET /api/device/config "$board2"
status_is 200 "the replacement works"
dev GET /api/device/config "$board"
status_is 401 "the old credential does not"

# wrong codes: four for kiosk-1b, the fifth spends its code
expect 0 "a new code for the count" device code kiosk-1b
right=$(code_of)
for i in 1 2 3 4; do
	enrol '{"name":"kiosk-1b","code":"AAAA-BBBB-CCCC-DDDD"}'
	status_is 401 "wrong code $i"
done
body_has "аннулирования кода: 1" "the last try announced, in the device's language"
body_has '"tries_left":1' "and counted"
enrol '{"name":"kiosk-1b","code":"AAAA-BBBB-CCCC-DDDE"}'
status_is 401 "wrong code 5"
enrol "{\"name\":\"kiosk-1b\",\"code\":\"$right\"}"
status_is 401 "the right code after five wrong ones"
body_has '"error":"locked"' "its code is spent"
# the address: ten wrong codes and PINs stop it, the right code too
for i in 1 2 3 4; do
	enrol '{"code":"AAAA-BBBB-CCCC-DDDD"}'
done
curl -s -D "$T/headers" -o "$T/body" -H 'Content-Type: application/json' \
	-d "{\"code\":\"$right\"}" "$URL/api/device/enrol" >/dev/null
head -1 "$T/headers" | grep -q ' 429' && ok || not_ok "the address is stopped: $(head -1 "$T/headers")"
grep -qi '^Retry-After: [0-9]' "$T/headers" && ok || not_ok "with Retry-After"
log_has 'POST /api/device/enrol 429 too_many' "logged"

# the log names devices, never their secrets
log_has 'board:board-1#1 POST /api/device/enrol 200: enrolled' "an enrolment logged"
log_has 'board:board-1#1 GET /api/counter 403 role' "a refusal logged with name and role"
log_has 'GET /api/device/config 401 device' "an unknown credential logged"
log_has 'GET /api/device/config 401 device: revoked board:board-1#1' "a revoked device knocking is named"
for secret in "$board" "$kiosk" "$board2" "$board_code" "$kiosk_code" "$right" "$new" "$typed"; do
	if grep -qiF -- "$secret" "$T/hall.log" "$T/hall.out"; then not_ok "a secret in the server's log"; else ok; fi
done
# nor in a URL: every path the server was asked is in its log
if grep -o 'GET [^ ]*\|POST [^ ]*' "$T/hall.log" | grep -qi '[0-9a-f]\{64\}\|[0-9A-Z]\{4\}-[0-9A-Z]\{4\}'; then
	not_ok "a secret in a URL"; else ok; fi
# a body that is not JSON is logged without its text
curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"code\":\"$new" "$URL/api/device/enrol"
log_has 'POST /api/device/enrol 400 json: not JSON at line' "a broken body logged by place"
if grep -qF "$new" "$T/hall.log"; then not_ok "a broken body's text in the log"; else ok; fi

finish
