#!/bin/bash
# run-hall.sh BUILD - the whole hall on this machine: the database of
# config/hall.ini, one kezek-printd per configured printer (each started
# again whenever it ends, by scripts/keep-running.sh), the hall board and
# the kiosk.  This script is their supervisor: when the kiosk closes
# (its window, or the administrator's gesture and PIN) or this script is
# stopped, it stops the others.  Each program also runs alone.
#
# kezek-hall, the web server of the counter pages and the manager's live
# page, runs on loopback in both cases and says the counter page's address.
# With no screen (a server, CI) it says so, plays a scripted hall day
# instead and writes what the kiosk and the board show to var/screens/.
set -u
BUILD=${1:?usage: run-hall.sh BUILD}
CONFIG=${KEZEK_CONFIG:-config/hall.ini}
export KEZEK_CONFIG=$CONFIG

# kezek-hall on loopback, restarted if it stops (scripts/keep-running.sh):
# the counter pages and the manager's live page in this machine's browser.
# It says the counter page's address itself; KEZEK_HALL_PORT picks another
# port than [server]'s.
start_hall_server() {
	mkdir -p var
	"$BUILD/kezek" init >/dev/null || exit 3
	local port=()
	[ -n "${KEZEK_HALL_PORT:-}" ] && port=(--port "$KEZEK_HALL_PORT")
	bash scripts/keep-running.sh var/hall-server.log \
		"$BUILD/kezek-hall" --address 127.0.0.1 "${port[@]}" &
	pids+=($!)
	echo "kezek: the hall's web server runs on loopback (log: var/hall-server.log);" \
		"clerks log in with the PIN of 'kezek clerk pin', managers 'kezek manager pin'"
}
pids=()
stop_all() {
	[ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
	wait 2>/dev/null
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${KEZEK_HEADLESS:-}" ]; then
	echo "kezek: no screen here (DISPLAY is not set): playing a scripted hall day;"
	echo "kezek: what the kiosk and the hall board show goes to var/screens/"
	start_hall_server
	bash scripts/demo-day.sh "$BUILD/kezek"
	exit $?
fi

"$BUILD/kezek" init || exit 3
# The default hall's first run: the README's sample administrator PIN for
# kiosk-1 if it has none, warned about on its admin page and refused by
# 'kezek check' until set with 'kezek kiosk pin kiosk-1'.
if [ -z "${KEZEK_CONFIG:-}" ]; then
	"$BUILD/kezek" kiosk pin kiosk-1 --sample || exit 3
fi
mkdir -p var
start_hall_server
for printer in $(sed -n 's/^\[printer \([A-Za-z0-9-]*\)\][[:space:]]*$/\1/p' "$CONFIG"); do
	# restarted with a back-off whenever it ends: a print service that
	# dies anyway is back by itself (scripts/keep-running.sh)
	bash scripts/keep-running.sh var/printd-"$printer".log \
		"$BUILD/kezek-printd" --printer "$printer" &
	pids+=($!)
	echo "kezek: printing for $printer, restarted if it stops (log: var/printd-$printer.log)"
done
"$BUILD/kezek-display" --size "${KEZEK_BOARD_SIZE:-1280x720}" 2>>var/display.log &
pids+=($!)
echo "kezek: the hall board is open (log: var/display.log)"
kiosk_size=(--window "${KEZEK_KIOSK_SIZE:-1366x768}")
[ -n "${KEZEK_FULLSCREEN:-}" ] && kiosk_size=()
"$BUILD/kezek-kiosk" "${kiosk_size[@]}" &
kiosk=$!
pids+=($kiosk)
echo "kezek: the kiosk is open; close its window (or press Ctrl+C here) to stop the hall"
# in the background and waited for, so a signal to this script stops all at once
wait "$kiosk"
