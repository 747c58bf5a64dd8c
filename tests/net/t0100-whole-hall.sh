#!/bin/bash
# t0100: one hall across machines.  kezek-hall holds the database; two
# kiosks (each touched through X as visitors do, each with its own ticket
# printer), two boards and two print services run as separate processes
# that know only the server's address and their own credential: none has
# the database or the hall's configuration, and none holds the database
# file open.  An hour of the hall's visitors comes through them, a clerk at
# each of two counters calling, serving and finishing through the API.
# Then the event-log audit (kezek check) and the database say that every
# ticket was issued once, called once and printed once, and each call was
# on every board before the next was made.
. "$(dirname "$0")/lib.sh"
command -v xdotool >/dev/null && command -v Xvfb >/dev/null ||
	{ echo "xdotool or Xvfb is missing (scripts/deps.sh installs them)"; exit 77; }
PRINTD_BIN=${KEZEK_PRINTD:?set KEZEK_PRINTD to the kezek-printd binary}
VISITORS=${KEZEK_WHOLE_HALL_VISITORS:-12}

# each click is meant; tickets one after another; tickets issued under the
# test's clock stay fresh for their printers however slow the machine
sed -i -e 's/^double_tap_ms = .*/double_tap_ms = 0/' \
	-e 's/^ticket_pause_seconds = .*/ticket_pause_seconds = 0/' \
	-e 's/^ticket_print_seconds = .*/ticket_print_seconds = 3600/' "$T/hall.ini"
# a second kiosk like the first, each with its own ticket printer, a
# device file on "its" machine
awk '/^\[kiosk kiosk-1\]/ {p = 1} p && /^\[/ && !/kiosk-1/ {p = 0} p' "$T/hall.ini" |
	sed -e 's/kiosk-1/kiosk-2/g' -e '/^forms_printer/d' >"$T/kiosk-2.ini"
for n in 1 2; do
	drop_section "printer kiosk-$n"
	mkdir -p "$T/printer-$n"
	: >"$T/printer-$n/tickets.prn"
	printf '\n[printer kiosk-%s]\nrole = tickets\ntransport = device\naddress = %s\npaper = 80\n' \
		"$n" "$T/printer-$n/tickets.prn" >>"$T/hall.ini"
done
cat "$T/kiosk-2.ini" >>"$T/hall.ini"
expect 0 "init" init
for c in 1 2; do
	echo "4321$c" >"$T/pin"
	expect_in 0 "clerk $c's PIN" "$T/pin" clerk pin "Clerk $c" --position "Маман"
done
start_hall || { finish; exit 1; }

# the devices: each enrolled by its own program with its one-time code
enrol() { # NAME ROLE FOR PROGRAM ARGS...
	local name=$1 role=$2 for=$3 prog=$4
	shift 4
	device_file "$name"
	if [ -n "$for" ]; then run device add "$name" --role "$role" --for "$for"
	else run device add "$name" --role "$role"; fi
	local code
	code=$(awk 'NF == 1 && length($1) >= 8 { print $1; exit }' "$T/out")
	env -u KEZEK_DB -u KEZEK_CONFIG "$prog" --device "$T/$name/device.ini" --enrol "$code" "$@" \
		>"$T/$name/enrol.out" 2>"$T/$name/enrol.err" && [ -s "$T/$name/device.key" ] && ok ||
		not_ok "$name enrols with its code: $(cat "$T/$name/enrol.err")"
}
enrol kiosk-1 kiosk kiosk-1 "$KIOSK_BIN" --kiosk kiosk-1
enrol kiosk-2 kiosk kiosk-2 "$KIOSK_BIN" --kiosk kiosk-2
enrol board-1 board "" "$DISPLAY_BIN" --name board-1
enrol board-2 board "" "$DISPLAY_BIN" --name board-2
enrol printer-1 printer kiosk-1 "$PRINTD_BIN" --name printer-1
enrol printer-2 printer kiosk-2 "$PRINTD_BIN" --name printer-2

# the boards: each frame's texts in scene.txt
for b in board-1 board-2; do start_board "$b" --scene-file "$T/$b/scene.txt"; done
# the print services on the kiosks' machines
for n in 1 2; do
	env -u KEZEK_DB -u KEZEK_CONFIG "$PRINTD_BIN" --device "$T/printer-$n/device.ini" \
		--printer "kiosk-$n" --fonts "$SRC/assets/fonts" \
		>"$T/printer-$n/out" 2>"$T/printer-$n/err" &
	NET_PIDS+=("$!")
done
# the kiosks, each on its own screen
start_xvfb || { finish; exit 1; }
SCREEN_1=$DISPLAY
start_kiosk kiosk-1 --lang ru
KIOSK_1=$KIOSK_PID
start_xvfb || { finish; exit 1; }
SCREEN_2=$DISPLAY
start_kiosk kiosk-2 --lang kk
KIOSK_2=$KIOSK_PID

# no device holds the database open: they talk only HTTP to kezek-hall
for p in "${NET_PIDS[@]}"; do
	if ls -l "/proc/$p/fd" 2>/dev/null | grep -q 'hall\.db'; then
		not_ok "process $p ($(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-60)) has the database open"
	fi
done
ok

# a visitor at kiosk N (1 or 2) takes a ticket for A, then the kiosk is
# sent home for the next one; the kiosk's screen is 1366x768 (as t0152)
visit() {
	local n=$1 name="kiosk-$1" pid
	[ "$n" = 1 ] && DISPLAY=$SCREEN_1 pid=$KIOSK_1 || DISPLAY=$SCREEN_2 pid=$KIOSK_2
	export DISPLAY
	wait_for "$name shows its window over the screen" kiosk_ready "$name" "$pid" &&
		wait_for "$name is at home" on_screen "$name" home || return 1
	click 340 470
	wait_for "$name lists the services" on_screen "$name" services || return 1
	click 683 300
	wait_for "$name asks to confirm A" on_screen "$name" confirm || return 1
	click 340 600
	wait_for "$name shows the number" on_screen "$name" issued || return 1
	click 266 715
	wait_for "$name goes home" on_screen "$name" home
}

# a clerk: logged in at counter C, counter open
for c in 1 2; do
	login "$T/jar$c" "{\"role\":\"clerk\",\"name\":\"Clerk $c\",\"pin\":\"4321$c\",\"counter\":$c,\"lang\":\"ru\"}"
	status_is 200 "clerk $c logs in"
	api POST /api/counter/open '{}' "$T/jar$c"
	status_is 200 "counter $c opens"
done
# shown NUMBER: both boards have drawn NUMBER
shown() { grep -qF -- "$1" "$T/board-1/scene.txt" 2>/dev/null && grep -qF -- "$1" "$T/board-2/scene.txt" 2>/dev/null; }
calls=0
# serve C: counter C calls the next visitor, who is on both boards before
# the clerk goes on; served and finished
serve() {
	local c=$1 number
	api POST /api/counter/next '{}' "$T/jar$c"
	[ "$status" = 200 ] || { not_ok "counter $c calls the next: $status $(cat "$T/body")"; return 1; }
	number=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["current"]["ticket"])' <"$T/body")
	calls=$((calls + 1))
	if wait_for "$number called to counter $c on both boards" shown "$number"; then ok
	else not_ok "$number is not on every board"; fi
	api POST /api/counter/start '{}' "$T/jar$c"
	api POST /api/counter/finish '{"outcome":"served"}' "$T/jar$c"
	[ "$status" = 200 ] || not_ok "counter $c finishes $number: $status $(cat "$T/body")"
}

# the hour: visitors at both kiosks in turn, the counters calling as they
# come (every second visitor), then the rest of the queue
issued=0
for i in $(seq 1 "$VISITORS"); do
	if visit $(((i - 1) % 2 + 1)); then issued=$((issued + 1))
	else not_ok "visitor $i takes a ticket"; fi
	[ $((i % 2)) -eq 0 ] && serve $(((i / 2 - 1) % 2 + 1))
done
while [ "$calls" -lt "$issued" ]; do
	serve $((calls % 2 + 1)) || break
done

# every ticket issued once, called once, printed once
q() { sqlite3 "$KEZEK_DB" "$1"; }
[ "$issued" = "$VISITORS" ] && [ "$(q 'SELECT count(*) FROM tickets')" = "$VISITORS" ] && ok ||
	not_ok "$VISITORS visitors, $issued tickets seen issued, $(q 'SELECT count(*) FROM tickets') in the hall"
[ "$(q 'SELECT count(DISTINCT number) FROM tickets')" = "$VISITORS" ] && ok ||
	not_ok "each number issued once"
twice=$(q "SELECT count(*) FROM (SELECT ticket_id FROM events WHERE kind = 'called'
	GROUP BY ticket_id HAVING count(*) <> 1)")
uncalled=$(q "SELECT count(*) FROM tickets t WHERE NOT EXISTS
	(SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.kind = 'called')")
[ "$twice" = 0 ] && [ "$uncalled" = 0 ] && ok ||
	not_ok "each ticket called once: $twice called other than once, $uncalled never"
done_jobs() { q "SELECT count(*) FROM print_jobs WHERE document = 'ticket' AND state = 'done'"; }
all_printed() { [ "$(done_jobs)" = "$VISITORS" ]; }
wait_for "every ticket printed" all_printed && ok || not_ok "$(done_jobs) of $VISITORS tickets printed"
[ "$(q "SELECT count(*) FROM (SELECT ticket_id FROM print_jobs WHERE document = 'ticket'
	GROUP BY ticket_id HAVING count(*) <> 1)")" = 0 ] && ok || not_ok "one print job a ticket"
# and on paper: each kiosk's printer cut as many tickets as its kiosk issued
cuts() { python3 -c 'import sys; print(open(sys.argv[1],"rb").read().count(b"\x1dVB\x00"))' "$1"; }
for n in 1 2; do
	want=$(q "SELECT count(*) FROM print_jobs j JOIN printers p ON p.id = j.printer_id
		WHERE j.document = 'ticket' AND p.name = 'kiosk-$n'")
	got=$(cuts "$T/printer-$n/tickets.prn")
	[ "$want" -gt 0 ] && [ "$got" = "$want" ] && ok ||
		not_ok "kiosk-$n's printer cut $got tickets, its kiosk issued $want"
done
# the event-log audit
run check
[ "$rc" -eq 0 ] && ok || not_ok "kezek check: the event log agrees with the hall"
# and the devices were served as devices, by name, in the server's log
for d in kiosk:kiosk-1 kiosk:kiosk-2 board:board-1 board:board-2 printer:printer-1 printer:printer-2; do
	grep -q "$d#" "$T/hall.log" && ok || not_ok "the server's log names $d"
done
[ -n "${KEEP_SCREENS:-}" ] && mkdir -p "$KEEP_SCREENS" &&
	cp "$T/board-1/board.png" "$KEEP_SCREENS/whole-hall-board.png" 2>/dev/null
finish
