#!/bin/bash
# kezek-printd never gives up: a database locked for 12 s and more, a print service
# killed (the hall's supervisor starts it again), a database removed and
# made anew; each time the next ticket still prints.  `kezek print status`
# tells a service that runs from one that stopped or died (its heartbeat,
# read against the clock).
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
drop_section "printer kiosk-1"
# the clocks of the processes here start at KEZEK_NOW each: keep tickets fresh
sed -i 's/^ticket_print_seconds = .*/ticket_print_seconds = 600/' "$T/hall.ini"
cat >>"$T/hall.ini" <<INI

[printer kiosk-1]
role = tickets
transport = device
address = $T/printer.bin
paper = 58
INI
: >"$T/printer.bin"

# wait_for SECONDS what COMMAND...: until COMMAND succeeds, or fail at the deadline
wait_for() {
	local limit=$1 what=$2 end
	shift 2
	end=$((SECONDS + limit))
	until "$@"; do
		if [ "$SECONDS" -ge "$end" ]; then not_ok "$what: not within $limit s"; return 1; fi
		sleep 0.1
	done
	ok
}
size() { stat -c %s "$T/printer.bin"; }
grew() { [ "$(size)" -gt "$1" ]; }
logged() { grep -qF -- "$1" "$T/printd.log"; }
service_running() { "$KEZEK" print status >"$T/out" 2>"$T/err" && grep -q "service: running" "$T/out"; }
child() { pgrep -P "$sup" -f kezek-printd; }

expect 0 "init" init
bash "$SRC/scripts/keep-running.sh" "$T/printd.log" \
	"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" &
sup=$!
trap 'kill -TERM $sup 2>/dev/null; wait $sup 2>/dev/null; rm -rf "$T"' EXIT
wait_for 60 "the service says it runs" service_running

before=$(size)
expect 0 "a ticket" ticket A --print kiosk-1
wait_for 60 "the first ticket prints" grew "$before"

# An exclusive lock of 12 s at least, and held until the service has said
# the database is locked (its heartbeat writes every 5 s and waits 10 s for
# a lock before it says so: on a loaded machine that may come later than
# any fixed length); 120 s at most.  The service waits it out, then prints.
# The lock waits its turn (the service may be writing its heartbeat at that
# moment) and says when it holds the database; -bail: no loop without it.
sqlite3 -bail "$T/hall.db" ".timeout 60000" "BEGIN EXCLUSIVE;" ".shell touch '$T/held'" \
	".shell i=0; while [ \$i -lt 1200 ] && { [ \$i -lt 120 ] || [ ! -e '$T/unlock' ]; }; do sleep 0.1; i=\$((i + 1)); done" \
	"COMMIT;" &
locker=$!
held() { [ -e "$T/held" ]; }
wait_for 60 "the test holds the database" held
wait_for 90 "the service says the database is locked" logged "locked"
: >"$T/unlock"
wait "$locker"
before=$(size)
expect 0 "a ticket after the lock" ticket A --print kiosk-1
wait_for 60 "the ticket after the lock prints" grew "$before"
# said once the step that printed it has ended, a moment after the paper
wait_for 60 "the service says it prints again" logged "printing again"
first=$(child)
if [ -n "$first" ]; then ok; else not_ok "the service is gone after the lock"; fi

# killed outright: the supervisor starts it again
kill -KILL "$first"
restarted() { local c; c=$(child) && [ -n "$c" ] && [ "$c" != "$first" ]; }
wait_for 60 "the killed service is started again" restarted
before=$(size)
expect 0 "a ticket after the kill" ticket A --print kiosk-1
wait_for 60 "the ticket after the kill prints" grew "$before"

# the database removed and made anew: the service reconnects
rm -f "$T/hall.db" "$T/hall.db-wal" "$T/hall.db-shm"
expect 0 "init anew" init
before=$(size)
expect 0 "a ticket in the new database" ticket A --print kiosk-1
first_line "A-001" "numbers start again in the new database"
wait_for 60 "the ticket in the new database prints" grew "$before"
wait_for 60 "the new database has the heartbeat" service_running

# stopped as asked: said so at once
kill -TERM "$sup"
wait "$sup"
expect 0 "status after the stop" print status
has out "service: not running: stopped as asked" "a stopped service is no 'ready'"
has out "kiosk-1 (tickets, device $T/printer.bin): service not running (last seen ready)" \
	"the printer's state is history"

# died with nobody to restart it: its heartbeat goes stale against the clock
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" 2>/dev/null &
lone=$!
wait_for 60 "a lone service runs" service_running
kill -KILL "$lone"
wait "$lone" 2>/dev/null
expect 0 "status a minute on" --now 2026-03-20T10:02 print status
has out "service: not running: no heartbeat since" "a dead service is told from a ready one"
finish
