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
x_up() { [ -e "/tmp/.X11-unix/X$n" ]; }
wait_for "Xvfb :$n starts" x_up || exit 1
export DISPLAY=":$n"

"$KIOSK" --fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" --lang ru --screen-file "$T/screen" \
	--snapshot "$T/frame.png" \
	>"$T/kiosk.out" 2>"$T/kiosk.err" &
kiosk=$!

on_screen() { [ "$(cat "$T/screen" 2>/dev/null)" = "$1" ]; }
window() { win=$(xdotool search --name '^Kezek$' 2>/dev/null | head -n 1); [ -n "$win" ]; }

win=""
wait_for "the kiosk's window appears" window && ok
wait_for "the home screen is shown" on_screen home && ok
full() { x_full_screen "$win" 1366 768; }
wait_for "the kiosk's window is shown over the whole screen" full && ok
# and the kiosk has drawn a frame that size (a tap before it is not taken)
drawn_full() { png_size "$T/frame.png" 1366 768; }
wait_for "the kiosk has drawn its whole screen" drawn_full && ok
# drawn in software on a real X11 window: no GL, Mesa driver or LLVM mapped
gl=$(grep -o -E '[^/]*(libGL|libEGL|libGLX|libGLES|libglapi|_dri\.so|libLLVM)[^/]*$' \
	"/proc/$kiosk/maps" | sort -u | tr '\n' ' ')
if [ -z "$gl" ]; then ok; else not_ok "the kiosk maps GL libraries without --gpu: $gl"; fi

# full screen at 1366x768: "Взять талон" fills the left half below the top
# bar; each click waits for the screen it leads to
click() { xdotool mousemove --sync "$1" "$2" click 1; }
# keys that close a window elsewhere: the kiosk takes them in order before
# the click below, so the click's screen shows only if they did not close it
xdotool key --window "$win" Escape alt+F4 ctrl+q 2>/dev/null
click 340 470
wait_for "the services are shown after 'take a ticket' (and keys did not close the kiosk)" \
	on_screen services && ok
kill -0 $kiosk 2>/dev/null && ok || not_ok "keys do not close the kiosk"
click 683 300 # services: the first (A) is the first button, across the screen
wait_for "the confirmation is shown after choosing A" on_screen confirm && ok
click 340 600 # confirm: "Получить талон" at the bottom left of the body
wait_for "the number is shown after 'get the ticket'" on_screen issued && ok
tickets() {
	sqlite3 "$KEZEK_DB" "SELECT group_concat(number) FROM tickets" >"$T/out" 2>"$T/err"
	[ -s "$T/out" ] && [ "$(cat "$T/out")" != "" ]
}
wait_for "a ticket in the database" tickets
has out "A-001" "one ticket issued by the mouse through X"
lacks out "A-002" "only one ticket"
sqlite3 "$KEZEK_DB" "SELECT count(*) FROM print_jobs WHERE document = 'ticket' AND lang = 'ru'" \
	>"$T/out" 2>"$T/err"
has out "1" "its print is queued in Russian"

kill -TERM $kiosk
stopped() { ! kill -0 $kiosk 2>/dev/null; }
wait_for "SIGTERM stops the kiosk" stopped && ok

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
