#!/bin/bash
# t0060: kezek doctor checks the web server of [server]: it warns while
# kezek-hall does not answer, says so once it does, and fails a hall set
# to listen beyond loopback without a certificate.
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

finish
