#!/bin/bash
# t0151: kezek-kiosk as a program: a snapshot of a screen for the
# database's state with no display, and clear refusals of bad options.
. "$(dirname "$0")/lib.sh"

KIOSK=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_VIDEO_EGL_DRIVER=none
ASSETS=(--fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE")
kiosk() { "$KIOSK" "$@" >"$T/out" 2>"$T/err"; rc=$?; }

expect 0 "init" init
expect 0 "a ticket" ticket A
kiosk "${ASSETS[@]}" --window 1366x768 --lang ru --screen home --snapshot "$T/home.png"
if [ "$rc" -eq 0 ] && [ "$(head -c 8 "$T/home.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
then ok; else not_ok "snapshot of home is a PNG (exit $rc)"; fi
if png_size "$T/home.png" 1366 768; then ok; else not_ok "snapshot is 1366x768"; fi
lacks err "warning" "home fits at 1366x768"

kiosk "${ASSETS[@]}" --screen basement --snapshot "$T/x.png"
[ "$rc" -eq 3 ] && ok || not_ok "unknown screen: exit $rc"
has err "no screen 'basement'; the screens are home" "unknown screen named with the list"

kiosk "${ASSETS[@]}" --window 12x12 --screen home --snapshot "$T/x.png"
[ "$rc" -eq 1 ] && ok || not_ok "bad window: exit $rc"
has err "is not WIDTHxHEIGHT" "bad window explained"

kiosk "${ASSETS[@]}" --screen home
[ "$rc" -eq 1 ] && ok || not_ok "--screen without --snapshot: exit $rc"

kiosk "${ASSETS[@]}" --kiosk hallway --screen home --snapshot "$T/x.png"
[ "$rc" -eq 3 ] && ok || not_ok "unknown kiosk: exit $rc"
has err "no [kiosk hallway]" "unknown kiosk named"

# the database gone: the kiosk still draws, saying it is unavailable
KEZEK_DB="$T/none.db" kiosk "${ASSETS[@]}" --lang kk --screen home --snapshot "$T/u.png"
[ "$rc" -eq 0 ] && [ -s "$T/u.png" ] && ok || not_ok "snapshot with no database: exit $rc"

# --list-screens: every screen file once, in the registry's order, with when it is shown
kiosk --list-screens
[ "$rc" -eq 0 ] && ok || not_ok "--list-screens: exit $rc"
for file in "$SRC"/kiosk/screen-*.c; do
	name=${file##*/screen-}
	name=${name%.c}
	[ "$(grep -cE "^$name (open|closed|after|staff|fault)\$" "$T/out")" -eq 1 ] && ok ||
		not_ok "--list-screens lists $name once"
done
[ "$(wc -l <"$T/out")" -eq "$(ls "$SRC"/kiosk/screen-*.c | wc -l)" ] && ok ||
	not_ok "--list-screens lists only the screen files"
first_line "home open" "home first"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
