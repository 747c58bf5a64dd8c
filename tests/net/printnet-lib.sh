# printnet-lib.sh - what the tests of print services on machines of their
# own share, on top of tests/hall/lib.sh (a fresh hall, kezek-hall on
# loopback): a printer attached to "the device" (a device file the test
# reads back), enrolment of a print service, kezek-printd run against the
# hall (directly or through tests/net/cutter.py, a forwarder that cuts
# connections on command), and reading what was printed.  Everything is
# waited for with a deadline (wait_for), never a guessed pause.
. "$(dirname "${BASH_SOURCE[0]}")/../hall/lib.sh"
PRINTD_BIN=${KEZEK_PRINTD:?set KEZEK_PRINTD to the kezek-printd binary}
PRINTD_PIDS=()
CUTTER_PID=
# every kezek command's clock starts at KEZEK_NOW again while the hall's runs
# on: a ticket issued by one looks older to the hall the longer a test runs,
# and one older than ticket_print_seconds would expire rather than print
sed -i 's/^ticket_print_seconds = .*/ticket_print_seconds = 3600/' "$T/hall.ini"
trap 'stop_all_printd; stop_cutter; stop_hall; show_logs; rm -rf "$T"' EXIT

# After a failure, what the services said (for the test's log).
show_logs() {
	[ "$failed" -gt 0 ] || return 0
	local f
	for f in "$T"/dev-*/printd.log "$T/cutter.log" "$T/hall.log"; do
		[ -f "$f" ] && { echo "--- $f:"; tail -n 40 "$f"; } >&2
	done
}

# device_printer NAME: [printer NAME] in the hall's configuration, a 80 mm
# tickets printer on a device file $T/NAME.prn (its address is a path on
# the device; on loopback the test reads it back).
device_printer() {
	drop_section "printer $1"
	cat >>"$T/hall.ini" <<INI

[printer $1]
role = tickets
transport = device
address = $T/$1.prn
paper = 80
INI
	: >"$T/$1.prn"
}

# enrol_printer NAME [SERVER]: kezek device add NAME --role printer on the
# hall, then the code exchanged by kezek-printd on "the device" (the folder
# $T/dev-NAME, its device file device.ini naming SERVER, default $URL).
enrol_printer() {
	local name=$1 server=${2:-$URL} dir="$T/dev-$1" code
	mkdir -p "$dir"
	chmod 700 "$dir"
	cat >"$dir/device.ini" <<INI
[device]
server = $server
credential = $dir/device.key
INI
	run device add "$name" --role printer
	[ "$rc" -eq 0 ] || { not_ok "kezek device add $name: exit $rc"; return 1; }
	code=$(grep -oE '[A-Za-z0-9]{4,}(-[A-Za-z0-9]{4,})+|[0-9a-f]{16,}' "$T/out" | head -1)
	[ -n "$code" ] || { not_ok "no enrolment code in: $(cat "$T/out")"; return 1; }
	"$PRINTD_BIN" --device "$dir/device.ini" --enrol "$code" --printer "$name" \
		>"$dir/enrol.out" 2>"$dir/enrol.err" ||
		{ not_ok "enrolment of $name: $(cat "$dir/enrol.err")"; return 1; }
	[ -s "$dir/device.key" ] || { not_ok "no credential for $name"; return 1; }
}

# start_printd NAME [OPTIONS...]: kezek-printd for NAME as its device runs
# it (no database, no hall.ini of its own); its pid last in PRINTD_PIDS,
# its log in $T/dev-NAME/printd.log.
start_printd() {
	local name=$1 dir="$T/dev-$1"
	shift
	env -u KEZEK_DB -u KEZEK_CONFIG "$PRINTD_BIN" --device "$dir/device.ini" --printer "$name" \
		--fonts "$SRC/assets/fonts" "$@" >>"$dir/printd.out" 2>>"$dir/printd.log" &
	PRINTD_PIDS+=($!)
}

stop_printd() {
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# wait_exit PID: wait (WAIT_SECONDS at most) for the kezek-printd PID to end
# by itself; its exit code in $code (124 when it did not end: then killed)
wait_exit() {
	code=124
	if wait_for "kezek-printd $1 ends" sh -c '! kill -0 "$0" 2>/dev/null' "$1"; then
		wait "$1" 2>/dev/null
		code=$?
	else
		kill -9 "$1" 2>/dev/null
		wait "$1" 2>/dev/null
	fi
}

stop_all_printd() {
	local p
	for p in "${PRINTD_PIDS[@]}"; do stop_printd "$p"; done
	PRINTD_PIDS=()
}

# grown FILE LINES: FILE has more than LINES lines now
grown() { [ "$(wc -l <"$1")" -gt "$2" ]; }

# printouts FILE: how many printouts a device file holds (each ends with
# its cut, GS V 66 0).
printouts() { python3 -c 'import sys; print(open(sys.argv[1],"rb").read().count(b"\x1dVB\x00"))' "$1"; }

# printouts_are N FILE: the file holds N printouts now
printouts_are() { [ "$(printouts "$2")" = "$1" ]; }

# job_is ID STATE: kezek print status shows job ID in STATE
job_is() {
	"$KEZEK" print status >"$T/status" 2>&1 &&
		grep -qE "^  job $1 +.* $2( |\$)" "$T/status"
}

# start_cutter PORT: tests/net/cutter.py in front of 127.0.0.1:PORT; sets
# CUT_URL (the address through it) and CUT_CONTROL (its control port).
start_cutter() {
	rm -f "$T/cutter.ports"
	python3 "$SRC/tests/net/cutter.py" "$1" "$T/cutter.ports" 2>"$T/cutter.log" &
	CUTTER_PID=$!
	wait_for "the cutter listens" test -s "$T/cutter.ports" || return 1
	CUT_URL="http://127.0.0.1:$(cut -d' ' -f1 "$T/cutter.ports")"
	CUT_CONTROL=$(cut -d' ' -f2 "$T/cutter.ports")
}

stop_cutter() {
	[ -n "$CUTTER_PID" ] || return 0
	kill "$CUTTER_PID" 2>/dev/null
	wait "$CUTTER_PID" 2>/dev/null
	CUTTER_PID=
}

# cutter COMMAND...: tell the cutter (see cutter.py); its answer on stdout
cutter() {
	python3 - "$CUT_CONTROL" "$*" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall((sys.argv[2] + "\n").encode())
print(s.makefile().readline().strip())
PY
}

# cutter_says N COMMAND...: the cutter answers N to COMMAND now
cutter_says() {
	local n=$1
	shift
	[ "$(cutter "$@")" = "$n" ]
}

# hall_port: the port kezek-hall listens on ($URL's)
hall_port() { echo "${URL##*:}"; }

# device_api NAME METHOD PATH [JSON]: the API as the device NAME calls it
# (its bearer credential, an idempotency key on a POST); body in $T/body,
# status in $status.
device_api() {
	local dir="$T/dev-$1" method=$2 path=$3 data=${4:-}
	local args=(-sk -o "$T/body" -w '%{http_code}' -X "$method"
		-H "Authorization: Bearer $(cat "$dir/device.key")")
	if [ "$method" = POST ]; then
		args+=(-H "Idempotency-Key: $(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
			-H 'Content-Type: application/json' --data-binary "${data:-{\}}")
	fi
	status=$(curl "${args[@]}" "$URL$path")
}

# printout_png FILE OUT: the first printout of a device file as a PNG
# (black dots on white), to look at what the device's printer received.
printout_png() {
	python3 - "$1" "$2" <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
at, rows, width = 2, [], 0
while b[at:at + 3] == b"\x1dv0":
    x, y = b[at + 4] | b[at + 5] << 8, b[at + 6] | b[at + 7] << 8
    width = x
    for r in range(y):
        rows.append(b[at + 8 + r * x:at + 8 + (r + 1) * x])
    at += 8 + x * y
raw = b"".join(b"\0" + bytes(255 - c for c in row) for row in rows)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width * 8, len(rows), 1, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[2], "wb").write(png)
PY
}
