#!/bin/bash
# t0183: a service that keeps failing at once is restarted ever more slowly
# (kezek-backoff, run by every unit before each start and after each stop):
# no pause at first, then 2, 4, 8 ... at most 60 s; a clean stop or a run
# that lasted starts the count again; a bad unit name is refused.  The
# clock is the test's (KEZEK_BACKOFF_NOW), so nothing here waits.
. "$(dirname "$0")/lib.sh"
B="$SRC/config/libexec/kezek-backoff"
export KEZEK_BACKOFF_DIR="$T/backoff"
unit=kezek-printd@tickets.service
now=1000

# one run of the unit: start at $now, stop after $1 s, ending as $2
run() {
	KEZEK_BACKOFF_NOW=$now "$B" start "$unit" >>"$T/out" 2>>"$T/err" || return 1
	now=$((now + $1))
	KEZEK_BACKOFF_NOW=$now SERVICE_RESULT=$2 EXIT_STATUS=1 "$B" stop "$unit" >>"$T/out" 2>>"$T/err"
}
delay() { KEZEK_BACKOFF_NOW=$now "$B" delay "$unit"; }

if [ "$(delay)" = 0 ]; then ok; else not_ok "a unit that never failed starts at once"; fi
want=(2 4 8 16 32 60 60)
for i in "${!want[@]}"; do
	run 1 exit-code
	got=$(delay)
	if [ "$got" = "${want[$i]}" ]; then ok
	else not_ok "after $((i + 1)) quick failures the pause is ${want[$i]} s, not $got"; fi
done
# the start says why it waits (the journal shows it)
KEZEK_BACKOFF_NOW=$now "$B" start "$unit" >"$T/out" 2>"$T/err"
if grep -q "failed 7 times in a row; waiting 60 s" "$T/out"; then ok
else not_ok "the start says how long it waits and why"; fi

# a run that lasted (60 s or more) before failing forgets the failures
now=$((now + 120))
KEZEK_BACKOFF_NOW=$now SERVICE_RESULT=exit-code "$B" stop "$unit" >"$T/out" 2>"$T/err"
if [ "$(delay)" = 0 ]; then ok; else not_ok "a long run starts the count again"; fi

# a clean stop forgets them too
run 1 exit-code
run 1 signal
if [ "$(delay)" = 4 ]; then ok; else not_ok "two quick failures: 4 s, got $(delay)"; fi
run 1 success
if [ "$(delay)" = 0 ]; then ok; else not_ok "a clean stop starts the count again"; fi

# each unit counts its own failures
run 1 exit-code
if [ "$(KEZEK_BACKOFF_NOW=$now "$B" delay kezek-hall.service)" = 0 ] && [ "$(delay)" = 2 ]; then ok
else not_ok "one unit's failures do not slow another"; fi

# a name that could leave the folder is refused, and nothing is written
"$B" stop ../../etc/passwd >"$T/out" 2>"$T/err"
if [ $? -eq 2 ] && grep -q "is not a unit name" "$T/err" && [ ! -e "$T/etc" ]; then ok
else not_ok "a unit name with a slash is refused"; fi
"$B" >"$T/out" 2>"$T/err"
if [ $? -eq 2 ] && grep -q '^usage: kezek-backoff' "$T/err"; then ok; else not_ok "usage"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
