#!/bin/bash
# t0154: a board and the kiosk each open on the screen named for them
# (--output NAME, else output = in hall.ini), as the X server names its
# outputs; a name that is not there is refused, naming the screens there
# are, rather than showing on the wrong monitor.  (This X server has one
# output, "screen": tests/cli/t0156 shows two monitors on X.Org; the name matching among several is tested in
# tests/unit/test_render.c.)
. "$(dirname "$0")/lib.sh"

DISPLAY_BIN=${KEZEK_DISPLAY:?set KEZEK_DISPLAY to the kezek-display binary}
KIOSK=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
# under the sanitizer: libdbus's own connection (SDL's X11 video) is not ours
export LSAN_OPTIONS="suppressions=$SRC/tests/lsan-system-libraries.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# prog_expect CODE what PROGRAM ARGS...: like expect, for another program
prog_expect() {
	local code=$1 what=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$code" ]; then ok; else not_ok "$what: exit $rc, expected $code"; fi
}

expect 0 "init" init
board=""
XVFB_PID=""
trap 'kill $board $XVFB_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
start_private_x 1280 720 || exit 1
out=$(xrandr | awk '/ connected/ {print $1; exit}')
[ -n "$out" ] && ok || not_ok "the X server names its output"

# the board full screen on the output named (written as an administrator
# might type it: another case)
# (the test stops it; --exit-after only bounds a board left behind)
"$DISPLAY_BIN" --fullscreen --output "${out^^}" --exit-after 600 >"$T/board.out" 2>"$T/board.err" &
board=$!
window() { win=$(xdotool search --name '^Kezek$' 2>/dev/null | head -n 1); [ -n "$win" ]; }
win=""
wait_for "the board's window appears on '${out^^}'" window || {
	kill -0 "$board" 2>/dev/null || echo "the board exited" >&2
	cat "$T/board.err" >&2
	finish
	exit 1
}
ok
geometry() { xdotool getwindowgeometry "$win" 2>/dev/null | grep -q 'Geometry: 1280x720'; }
wait_for "the board fills the named screen (1280x720)" geometry && ok
kill "$board"
wait "$board" 2>/dev/null
board=""

# a name that is not there: refused, with the names there are
prog_expect 3 "a board on an unknown output" "$DISPLAY_BIN" --fullscreen --output HDMI-9 --exit-after 0.1
has err "no screen named 'HDMI-9' here; the screens are '$out'" "the unknown output and the real ones named"
# hall.ini's output for the boards and for the kiosk, overridden by --output
sed -i "s/^\[display\]$/[display]\noutput = DP-7/" "$T/hall.ini"
sed -i "s/^\[kiosk kiosk-1\]$/[kiosk kiosk-1]\noutput = DP-8/" "$T/hall.ini"
prog_expect 3 "a board on hall.ini's output" "$DISPLAY_BIN" --fullscreen --exit-after 0.1
has err "no screen named 'DP-7'" "[display] output is read"
prog_expect 3 "the kiosk on hall.ini's output" "$KIOSK" --exit-after 0.1
has err "no screen named 'DP-8'" "[kiosk] output is read"
prog_expect 0 "--output comes before hall.ini" "$DISPLAY_BIN" --fullscreen --output "$out" --exit-after 0.1
prog_expect 0 "the kiosk too" "$KIOSK" --output "$out" --exit-after 0.1
finish
