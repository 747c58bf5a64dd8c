#!/bin/bash
# t0152: the kiosk in a real X window (a private Xvfb), touched with the
# mouse through X as a person would: a ticket is issued, and a print job
# for it is queued.  Keys do not close it; SIGTERM from its supervisor does.
. "$(dirname "$0")/lib.sh"

KIOSK=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy

# a loaded machine may hand the kiosk two clicks at once, which it takes
# for a double tap; here each click is meant
sed -i 's/^double_tap_ms = .*/double_tap_ms = 0/' "$T/hall.ini"
expect 0 "init" init
# a free display number: the lowest without a lock file
n=91
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >"$T/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $kiosk $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
for i in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
export DISPLAY=":$n"

"$KIOSK" --fonts "$SRC/assets/fonts" --po "$SRC/po" --lang ru >"$T/kiosk.out" 2>"$T/kiosk.err" &
kiosk=$!
win=""
for i in $(seq 100); do
	win=$(xdotool search --name '^Kezek$' 2>/dev/null | head -n 1)
	[ -n "$win" ] && break
	sleep 0.1
done
[ -n "$win" ] && ok || not_ok "the kiosk's window appears"
sleep 1

# full screen at 1366x768: "Взять талон" fills the left half below the top bar
click() { xdotool mousemove --sync "$1" "$2" click 1; sleep 1; }
click 340 470
click 683 300 # services: the first (A) is the first button, across the screen
click 340 600 # confirm: "Получить талон" at the bottom left of the body
sqlite3 "$KEZEK_DB" "SELECT group_concat(number) FROM tickets" >"$T/out" 2>"$T/err"
has out "A-001" "one ticket issued by the mouse through X"
lacks out "A-002" "only one ticket"
sqlite3 "$KEZEK_DB" "SELECT count(*) FROM print_jobs WHERE document = 'ticket' AND lang = 'ru'" \
	>"$T/out" 2>"$T/err"
has out "1" "its print is queued in Russian"

xdotool key --window "$win" Escape alt+F4 ctrl+q 2>/dev/null
sleep 0.5
kill -0 $kiosk 2>/dev/null && ok || not_ok "keys do not close the kiosk"
kill -TERM $kiosk
for i in $(seq 30); do kill -0 $kiosk 2>/dev/null || break; sleep 0.1; done
kill -0 $kiosk 2>/dev/null && not_ok "SIGTERM stops the kiosk" || ok

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
