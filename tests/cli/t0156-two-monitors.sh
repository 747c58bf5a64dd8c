#!/bin/bash
# t0156: one computer, two monitors: the X.Org server itself (not a stand-in)
# with two outputs, DUMMY0 and DUMMY1 side by side (its dummy video driver:
# a machine with no monitor), the kiosk full screen on the first and a board
# on the second, each named in hall.ini's output = as an administrator
# would, and each drawn on its own monitor: what the screens' service
# (kezek-screens, Xorg) gives the kiosk and a board at boot.  Needs root
# for the server (exit 77, skipped, without it).
. "$(dirname "$0")/lib.sh"

DISPLAY_BIN=${KEZEK_DISPLAY:?set KEZEK_DISPLAY to the kezek-display binary}
KIOSK=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
if [ "$(id -u)" != 0 ] || ! command -v Xorg >/dev/null ||
	[ ! -e /usr/lib/xorg/modules/drivers/dummy_drv.so ]; then
	echo "skipped: needs root, Xorg and its dummy driver" >&2
	exit 77
fi
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
export LSAN_OPTIONS="suppressions=$SRC/tests/lsan-system-libraries.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# the server's settings: kezek-xorg.conf's flags (no terminal switching, no
# zap, no blanking) and a video device with room for two 1920x1080 screens
cat >"$T/xorg.conf" <<'CONF'
Section "ServerFlags"
    Option "AutoAddDevices" "false"
    Option "DontVTSwitch" "true"
    Option "DontZap" "true"
    Option "BlankTime" "0"
EndSection
Section "Device"
    Identifier "video"
    Driver "dummy"
    VideoRam 64000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0-1000.0
    VertRefresh 5.0-200.0
EndSection
Section "Screen"
    Identifier "screens"
    Device "video"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 3840 1080
    EndSubSection
EndSection
CONF
expect 0 "init" init
n=81
while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xorg ":$n" -config "$T/xorg.conf" -logfile "$T/xorg.log" -nolisten tcp -noreset -novtswitch \
	-sharevts >"$T/xorg.out" 2>&1 &
xorg=$!
kiosk=""
board=""
trap 'kill $kiosk $board $xorg 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
x_up() { [ -e "/tmp/.X11-unix/X$n" ] && DISPLAY=":$n" xrandr >/dev/null 2>&1; }
wait_for "Xorg :$n starts" x_up || { cat "$T/xorg.log" >&2; exit 1; }
export DISPLAY=":$n"

# two monitors side by side, as the administrator's xrandr shows them
xrandr --output DUMMY0 --mode 1920x1080 --pos 0x0 >"$T/out" 2>"$T/err" &&
	xrandr --addmode DUMMY1 1920x1080 >"$T/out" 2>"$T/err" &&
	xrandr --output DUMMY1 --mode 1920x1080 --right-of DUMMY0 >"$T/out" 2>"$T/err" && ok ||
	not_ok "xrandr sets up two 1920x1080 monitors"
xrandr --listmonitors >"$T/out" 2>"$T/err"
has out "Monitors: 2" "the server has two monitors"
has out "+1920+0  DUMMY1" "the second to the right of the first"

# hall.ini names each program's monitor: the kiosk's section and the board's
sed -i "/^\[kiosk kiosk-1\]/a output = DUMMY0" "$T/hall.ini"
sed -i "/^\[display\]/a output = DUMMY1" "$T/hall.ini"
grep -q '^\[display\]' "$T/hall.ini" || printf '\n[display]\noutput = DUMMY1\n' >>"$T/hall.ini"
"$KIOSK" --fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" --lang kk --screen-file "$T/screen" \
	--exit-after 120 >"$T/kiosk.out" 2>"$T/kiosk.err" &
kiosk=$!
"$DISPLAY_BIN" --fullscreen --fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" --exit-after 120 \
	>"$T/board.out" 2>"$T/board.err" &
board=$!
# window NAME GEOMETRY: the program's window covers exactly that monitor
window() { xwininfo -root -tree 2>/dev/null | grep "(\"$1\" " | grep -q " $2 "; }
if wait_for "the kiosk full screen on DUMMY0" window kezek-kiosk 1920x1080+0+0; then ok
else cp "$T/kiosk.err" "$T/err"; not_ok "the kiosk's window covers DUMMY0"; fi
if wait_for "the board full screen on DUMMY1" window kezek-display 1920x1080+1920+0; then ok
else cp "$T/board.err" "$T/err"; not_ok "the board's window covers DUMMY1"; fi
on_home() { [ "$(cat "$T/screen" 2>/dev/null)" = home ]; }
wait_for "the kiosk shows its home screen" on_home && ok
# each monitor shows its own program: the kiosk's white page on the left,
# the board's dark blue on the right (a pixel well inside each)
if command -v xwd >/dev/null && command -v xwdtopnm >/dev/null; then
	drawn() {
		xwd -root -silent | xwdtopnm >"$T/screens.ppm" 2>/dev/null &&
			python3 - "$T/screens.ppm" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
fields, pos = [], 0
while len(fields) < 4:  # P6 WIDTH HEIGHT MAXVAL, then one byte of space
    while data[pos:pos + 1].isspace(): pos += 1
    end = pos
    while not data[end:end + 1].isspace(): end += 1
    fields.append(data[pos:end]); pos = end
w, body = int(fields[1]), data[pos + 1:]
size = 2 if int(fields[3]) > 255 else 1  # bytes a sample (xwdtopnm writes 16-bit ones)
def px(x, y):  # a pixel's red, green and blue, 0-255 (the high byte of each)
    at = (y * w + x) * 3 * size
    return [body[at + i * size] for i in range(3)]
left, right = px(960, 1070), px(2880, 1070)
sys.exit(0 if sum(left) > 600 and sum(right) < 250 else 1)
PY
	}
	if wait_for "each monitor drawn by its own program" drawn; then ok
	else not_ok "the left monitor shows the kiosk and the right the board"; fi
	[ -n "${KEZEK_SHOTS:-}" ] && pnmtopng "$T/screens.ppm" >"$KEZEK_SHOTS/two-monitors.png" 2>/dev/null
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
