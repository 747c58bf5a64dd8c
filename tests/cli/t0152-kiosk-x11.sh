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
kiosk=""
XVFB_PID=""
trap 'kill $kiosk $XVFB_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
start_private_x 1366 768 || exit 1

"$KIOSK" --fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" --lang ru --screen-file "$T/screen" \
	--snapshot "$T/frame.png" \
	>"$T/kiosk.out" 2>"$T/kiosk.err" &
kiosk=$!

on_screen() { [ "$(cat "$T/screen" 2>/dev/null)" = "$1" ]; }
window() { win=$(xdotool search --name '^Kezek$' 2>/dev/null | head -n 1); [ -n "$win" ]; }

win=""
wait_for "the kiosk's window appears" window || { cat "$T/kiosk.err" >&2; exit 1; }
ok
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

# an X server that cannot be reached (not started yet, or gone): the kiosk
# says so and exits for its supervisor to start it again, never drawing
# where nobody sees it
timeout 60 env DISPLAY=":$((${DISPLAY#:} + 1000))" "$KIOSK" --fonts "$SRC/assets/fonts" \
	--locale "$KEZEK_LOCALE" --lang ru >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]; then ok; else not_ok "a kiosk with no X server exits: $rc"; fi
has err "no screen can be reached (DISPLAY=:$((${DISPLAY#:} + 1000)))" "it says why"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
