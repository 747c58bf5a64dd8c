#!/bin/bash
# t0082: from 1 November kezek-hall's log says, once a day, that next year
# has no holiday file yet; before November it says nothing of it.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
start_hall --now 2027-10-31T10:00 || not_ok "kezek-hall started in October"
stop_hall
if grep -q "no holiday data" "$T/hall.log"; then not_ok "no warning in October"; else ok; fi
start_hall --now 2027-11-02T10:00 || not_ok "kezek-hall started in November"
wait_for "the warning logged" grep -q "no holiday data" "$T/hall.log"
stop_hall
log_has "2027-11-02T10:00:00 kezek-hall: warning: there is no holiday data for next year, 2028: add config/holidays/2028.ini" \
	"next year's missing file, in the hall's log"
if [ "$(grep -c 'no holiday data' "$T/hall.log")" -eq 1 ]; then ok; else not_ok "said once that day"; fi

finish
