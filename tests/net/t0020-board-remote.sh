#!/bin/bash
# t0020: a hall board on a machine of its own: enrolled with its one-time
# code, it takes the hall's configuration from kezek-hall and shows a call
# a clerk makes; with kezek-hall killed it keeps what it showed and says
# "connection lost" in both languages; with kezek-hall back it reconnects
# by itself and shows the calls made meanwhile.  Frames in
# $T/hall-1/*.png (kept in build/screens/net when KEEP_SCREENS is set).
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
start_hall || { finish; exit 1; }
port=${URL##*:}
device_file hall-1
device_add hall-1 board && ok || not_ok "kezek device add hall-1"
env -u KEZEK_DB -u KEZEK_CONFIG "$DISPLAY_BIN" --device "$T/hall-1/device.ini" \
	--enrol "$CODE" --name hall-1 >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok || not_ok "kezek-display --enrol"
has out "enrolled as board" "the board is enrolled"
perm=$(stat -c %a "$T/hall-1/device.key" 2>/dev/null)
[ "$perm" = 600 ] && ok || not_ok "the credential is its user's alone: mode $perm"

scene() { cat "$T/hall-1/scene" 2>/dev/null; }
shows() { grep -qF -- "$1" "$T/hall-1/scene" 2>/dev/null; }
lost() { shows "Байланыс үзілді" && shows "Нет связи"; }
start_board hall-1 --scene-file "$T/hall-1/scene"
wait_for "the board shows the hall's services from the server" shows "service.A " || { finish; exit 1; }
[ -f "$T/hall-1/device.hall.ini" ] && ok || not_ok "the hall's configuration kept beside the credential"
if lost; then not_ok "connected, yet 'connection lost'"; else ok; fi

# a clerk calls a ticket; the board shows it, announced as on the hall machine
expect 0 "a ticket" ticket A
open_counter 2 "Омаров Ерлан"
expect 0 "call" next 2
wait_for "the board shows A-001 called to counter 2" shows "call.number A-001" && ok
shows "call.counter → 2" && ok || not_ok "to counter 2: $(scene)"
cp "$T/hall-1/board.png" "$T/hall-1/called.png"

# the server goes away: the board keeps the call and says so in kk and ru
stop_hall
wait_for "the board says the connection is lost, in both languages" lost && ok
shows "call.number A-001" && ok || not_ok "the call is kept on screen: $(scene)"
has_err() { grep -qsF -- "$1" "$T/hall-1/err"; }
has_err "connection lost" && ok || not_ok "the board's log says the connection is lost"
cp "$T/hall-1/board.png" "$T/hall-1/lost.png"
kill -0 "$BOARD_PID" 2>/dev/null && ok || not_ok "the board keeps running"

# a call made while it was away, and kezek-hall back on the same port
expect 0 "a second ticket" ticket B
expect 0 "finish" finish 2 --outcome served
expect 0 "call B-001" next 2
start_hall --port "$port" || { finish; exit 1; }
wait_for "the board reconnects by itself and shows B-001" shows "call.number B-001" && ok
if lost; then not_ok "reconnected, yet 'connection lost'"; else ok; fi
wait_for "the board's log says the server answers again" has_err "answers again" && ok
cp "$T/hall-1/board.png" "$T/hall-1/back.png"
if [ -n "${KEEP_SCREENS:-}" ]; then
	mkdir -p "$KEEP_SCREENS"
	cp "$T/hall-1/called.png" "$T/hall-1/lost.png" "$T/hall-1/back.png" "$KEEP_SCREENS/"
fi
finish
