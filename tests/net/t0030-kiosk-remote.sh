#!/bin/bash
# t0030: a kiosk on a machine of its own, touched through X as a visitor
# would (a private Xvfb): enrolled with its code, it takes the hall's
# configuration from kezek-hall and issues tickets through its API, in
# Russian and in Kazakh; a ticket request whose answer a proxy cuts (the
# server did it, the kiosk never heard) is sent again with the same key and
# one ticket exists; with kezek-hall killed it says "one moment" and issues
# the ticket when the server is back, or, after a bounded time, says a
# ticket cannot be issued now and issues none.  Screens in $T/kiosk-1/*.png
# (copied to $KEEP_SCREENS when set).
. "$(dirname "$0")/lib.sh"
command -v xdotool >/dev/null && command -v Xvfb >/dev/null ||
	{ echo "xdotool or Xvfb is missing (scripts/deps.sh installs them)"; exit 77; }

# each click is meant (a loaded machine may deliver two at once); tickets
# one after another without the pause between visitors
sed -i -e 's/^double_tap_ms = .*/double_tap_ms = 0/' \
	-e 's/^ticket_pause_seconds = .*/ticket_pause_seconds = 0/' "$T/hall.ini"
expect 0 "init" init
start_hall || { finish; exit 1; }
port=${URL##*:}
device_file kiosk-1
device_add kiosk-1 kiosk && ok || not_ok "kezek device add kiosk-1"
env -u KEZEK_DB -u KEZEK_CONFIG "$KIOSK_BIN" --device "$T/kiosk-1/device.ini" \
	--enrol "$CODE" --kiosk kiosk-1 >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok || not_ok "kezek-kiosk --enrol"
has out "enrolled as kiosk" "the kiosk is enrolled"
start_xvfb || { finish; exit 1; }

tickets() { sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets"; }
keep() { cp "$T/kiosk-1/kiosk.png" "$T/kiosk-1/$1.png"; }
logged() { grep -qsF -- "$1" "$T/kiosk-1/err"; }
# the frame drawn after the kiosk's log last changed (the notice it logged)
frame_after_log() {
	python3 -c 'import os,sys; sys.exit(os.stat(sys.argv[1]).st_mtime_ns < os.stat(sys.argv[2]).st_mtime_ns)' \
		"$T/kiosk-1/kiosk.png" "$T/kiosk-1/err"
}
# home -> services -> A -> the confirmation (full screen 1366x768, as t0152)
# wait_quietly CMD...: as wait_for, without a failure when it does not come
wait_quietly() {
	local end=$((SECONDS + ${WAIT_SECONDS:-60}))
	until "$@"; do
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.05
	done
}
# its window shown (a click before it lands nowhere)
window() { xdotool search --onlyvisible --pid "$KIOSK_PID" >/dev/null 2>&1; }
to_confirm() {
	wait_for "the home screen" on_screen kiosk-1 home || return 1
	wait_for "the kiosk's window over the screen" kiosk_ready kiosk-1 "$KIOSK_PID" || return 1
	# a window just shown may miss a first click (its input not set up
	# yet): on the home screen a click again is the same touch
	local i
	for i in 1 2 3; do
		click 340 470
		WAIT_SECONDS=5 wait_quietly on_screen kiosk-1 services && break
	done
	wait_for "the services" on_screen kiosk-1 services || return 1
	click 683 300
	wait_for "the confirmation of A" on_screen kiosk-1 confirm
}
take() { click 340 600; }
restart_kiosk() {
	stop_net_kiosk
	start_kiosk kiosk-1 "$@"
}
stop_net_kiosk() {
	kill "$KIOSK_PID" 2>/dev/null
	wait "$KIOSK_PID" 2>/dev/null
	rm -f "$T/kiosk-1/screen"
}

# 1. a ticket in Russian, then in Kazakh, through the API
start_kiosk kiosk-1 --lang ru
to_confirm && take
wait_for "the number is shown" on_screen kiosk-1 issued && ok
keep issued-ru
[ "$(tickets)" = 1 ] && ok || not_ok "one ticket, $(tickets) in the database"
[ -f "$T/kiosk-1/device.hall.ini" ] && ok || not_ok "the hall's configuration kept beside the credential"
p=$(sqlite3 "$KEZEK_DB" "SELECT p.name || ' ' || j.lang FROM print_jobs j JOIN printers p ON p.id = j.printer_id")
[ "$p" = "kiosk-1 ru" ] && ok || not_ok "its print on the kiosk's printer in Russian: '$p'"
restart_kiosk --lang kk
to_confirm && take
wait_for "the number is shown in Kazakh" on_screen kiosk-1 issued && ok
keep issued-kk
[ "$(tickets)" = 2 ] && ok || not_ok "two tickets, $(tickets) in the database"

# 2. the answer to a ticket request is lost on the way back: sent again
# with the same key, one ticket
start_proxy || { finish; exit 1; }
device_file kiosk-1 "$PROXY_URL"
restart_kiosk --lang ru
to_confirm || { finish; exit 1; }
proxy_cut "POST /api/kiosk/ticket"
take
wait_for "the proxy cut the ticket's answer" grep -q "cut" "$T/proxy.log" && ok
wait_for "the ticket is shown after all" on_screen kiosk-1 issued && ok
keep issued-after-cut
replayed() { grep "/api/kiosk/ticket" "$T/hall.log" | grep -q "replayed"; }
replayed && ok || not_ok "the ticket request was sent again and answered from the kept answer"
[ "$(tickets)" = 3 ] && ok || not_ok "one ticket for the request cut, $(tickets) in all (3 expected)"
keys=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM device_requests WHERE path = '/api/kiosk/ticket'" 2>&1)
[ "$keys" = 3 ] && ok || not_ok "three keys kept for three visitors' tickets: $keys"

# 3. kezek-hall killed with a visitor at the confirmation: "one moment",
# and the ticket when it is back
restart_kiosk --lang kk
to_confirm || { finish; exit 1; }
stop_hall
take
wait_for "the kiosk tries again" logged "issuing a ticket" && ok
wait_for "the 'one moment' frame" frame_after_log && keep one-moment
on_screen kiosk-1 confirm && ok || not_ok "the visitor stays at the confirmation"
start_hall --port "$port" || { cat "$T/hall.out" "$T/hall.log" >&2; finish; exit 1; }
wait_for "the ticket is issued when kezek-hall is back" on_screen kiosk-1 issued && ok
[ "$(tickets)" = 4 ] && ok || not_ok "four tickets, $(tickets) in the database"

# 4. ... and when it does not come back in time: "cannot issue now", none issued
restart_kiosk --lang ru
to_confirm || { finish; exit 1; }
stop_hall
: >"$T/kiosk-1/err"
take
WAIT_SECONDS=60 wait_for "the kiosk gives up" logged "trying again" && ok
WAIT_SECONDS=60 wait_for "the kiosk says it cannot issue now" \
	bash -c "[ \$(grep -c 'issuing a ticket' '$T/kiosk-1/err') -ge 2 ]" && ok
wait_for "the 'cannot issue now' frame" frame_after_log && keep cannot-issue
on_screen kiosk-1 confirm && ok || not_ok "no number shown"
start_hall --port "$port" || { cat "$T/hall.out" "$T/hall.log" >&2; finish; exit 1; }
[ "$(tickets)" = 4 ] && ok || not_ok "no ticket issued, $(tickets) in the database"
if [ -n "${KEEP_SCREENS:-}" ]; then
	mkdir -p "$KEEP_SCREENS"
	cp "$T"/kiosk-1/{issued-ru,issued-kk,issued-after-cut,one-moment,cannot-issue}.png \
		"$KEEP_SCREENS/" 2>/dev/null
fi
finish
