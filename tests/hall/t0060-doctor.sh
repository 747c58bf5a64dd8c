#!/bin/bash
# t0060: kezek doctor checks the web server of [server]: it warns while
# kezek-hall does not answer, says so once it does, and fails a hall set
# to listen beyond loopback without a certificate.  It tells of the
# registered devices that need the administrator: one gone quiet, a
# printer's service that stopped beating; none while all is well.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/^port = .*/port = $port/" "$T/hall.ini"
run doctor
line() { grep -E "^$1 +web server " "$T/out" | grep -qF -- "$2"; }
line warn "does not answer on 127.0.0.1 port $port" && ok || not_ok "doctor warns: $(grep 'web server' "$T/out")"
"$HALL_BIN" --www "$SRC/tests/hall/www" >"$T/hall.out" 2>"$T/hall.log" &
HALL_PID=$!
wait_for "kezek-hall listens" grep -q "127.0.0.1:$port/counter" "$T/hall.out"
run doctor
line ok "answers on 127.0.0.1 port $port" && ok || not_ok "doctor sees it: $(grep 'web server' "$T/out")"
stop_hall
sed -i "s/^address = 127.0.0.1/address = 192.0.2.10/" "$T/hall.ini"
expect 2 "beyond loopback without a certificate" doctor
line FAIL "without a certificate" && ok || not_ok "doctor says why: $(grep 'web server' "$T/out")"

# devices: a board and a4-1's print service on machines of their own,
# enrolled through kezek-hall; each asks once (the hall notes when)
sed -i "s/^address = 192.0.2.10/address = 127.0.0.1/" "$T/hall.ini"
code_of() { grep -o '[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z]\{4\}-[0-9A-Z]\{4\}' "$T/out" | head -1; }
expect 0 "a board" device add board-1 --role board
board_code=$(code_of)
expect 0 "a printer's service" device add a4-remote --role printer --for a4-1
printer_code=$(code_of)
start_hall || { finish; exit 1; }
# dev METHOD PATH CREDENTIAL [JSON]: a device's request
dev() {
	local args=(-sk -o "$T/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4"
		-H "Idempotency-Key: $(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')")
	status=$(curl "${args[@]}" "$URL$2")
}
api POST /api/device/enrol "{\"name\":\"board-1\",\"code\":\"$board_code\"}" "$T/nojar"
board=$(json credential <"$T/body")
api POST /api/device/enrol "{\"name\":\"a4-remote\",\"code\":\"$printer_code\"}" "$T/nojar"
printer=$(json credential <"$T/body")
dev GET /api/board "$board"
status_is 200 "the board reads the board"
dev POST /api/printer/heartbeat "$printer" '{"state":"running","reason":""}'
status_is 200 "the print service beats"
stop_hall
run doctor
if grep -qE "^ok +devices +2 registered, 2 enrolled$" "$T/out" &&
	! grep -qE "^(warn|FAIL) +(board-1|a4-remote) " "$T/out"; then ok
else not_ok "all devices in order"; fi

# an hour on, neither has been heard from
run --now 2026-03-20T11:00 doctor
has out "board-1 (board): not heard from since 2026-03-20 10:00" "the quiet board named"
has out "kezek device revoke board-1" "says what to do with one retired"
has out "a4-remote (printer for a4-1): the print service of printer a4-1 has sent no heartbeat since 2026-03-20 10:00" \
	"the silent print service named with its printer"
has out "kezek-printd --printer a4-1 --server URL" "says to start it on its machine"
lacks out "a4-remote (printer for a4-1): not heard from" "one cause, one line"

finish
