#!/bin/bash
# The connection between a print service and kezek-hall cut between the
# printout and its acknowledgement (tests/net/cutter.py in between): the
# ticket never prints twice unasked, and the hall records what is true:
# 'done' once the acknowledgement gets through (sent again with its
# idempotency key), 'uncertain' when the service was killed before it
# could; a service killed part way through a picture finishes the printer's
# band and prints the ticket again whole.
. "$(dirname "$0")/printnet-lib.sh"

prn="$T/kiosk-1.prn"
device_printer kiosk-1
expect 0 "init" init
start_hall || { finish; exit; }
start_cutter "$(hall_port)" || { finish; exit; }
enrol_printer kiosk-1 "$CUT_URL" || { finish; exit; }
start_printd kiosk-1
expect 0 "ticket 1" ticket A --print kiosk-1
wait_for "ticket 1 printed through the cutter" job_is 1 done
wait_for "one printout" printouts_are 1 "$prn"

# 1. the hall takes the acknowledgement; its answer is lost
cutter drop-answer /api/printer/jobs/2/done >/dev/null
expect 0 "ticket 2" ticket A --print kiosk-1
wait_for "the answer to the acknowledgement is dropped" cutter_says 1 dropped
if printouts_are 2 "$prn"; then ok; else not_ok "ticket 2 did not reach the printer"; fi
if job_is 2 done; then ok; else not_ok "the hall did not record ticket 2: $(cat "$T/status")"; fi
cutter up >/dev/null
wait_for "the acknowledgement is sent again" cutter_says 2 seen /api/printer/jobs/2/done
expect 0 "ticket 3" ticket A --print kiosk-1
wait_for "ticket 3 printed after it" job_is 3 done
if job_is 2 done && printouts_are 3 "$prn"; then ok
else not_ok "$(printouts "$prn") printouts, expected 3: $(cat "$T/status")"; fi

# 2. the acknowledgement never reaches the hall until the cable is back
cutter drop-request /api/printer/jobs/4/done >/dev/null
expect 0 "ticket 4" ticket A --print kiosk-1
wait_for "the acknowledgement is dropped" cutter_says 2 dropped
if job_is 4 sending; then ok; else not_ok "ticket 4 is not 'sending': $(cat "$T/status")"; fi
if printouts_are 4 "$prn"; then ok; else not_ok "ticket 4 did not reach the printer"; fi
cutter up >/dev/null
wait_for "the kept acknowledgement is delivered" job_is 4 done
if printouts_are 4 "$prn"; then ok; else not_ok "ticket 4 printed again"; fi

# 3. the same, and the service killed while the hall cannot be reached
cutter drop-request /api/printer/jobs/5/done >/dev/null
expect 0 "ticket 5" ticket A --print kiosk-1
wait_for "the acknowledgement is dropped" cutter_says 3 dropped
kill -9 "${PRINTD_PIDS[0]}"
wait "${PRINTD_PIDS[0]}" 2>/dev/null
PRINTD_PIDS=()
cutter up >/dev/null
start_printd kiosk-1
wait_for "the job the killed service left is uncertain" job_is 5 uncertain
if printouts_are 5 "$prn"; then ok; else not_ok "ticket 5 printed twice unasked"; fi
wait_for "the service says so" grep -q "1 job may have printed" "$T/dev-kiosk-1/printd.log"
stop_all_printd

# 4. killed between the send and the acknowledgement (the fault injected)
expect 0 "ticket 6" ticket A --print kiosk-1
KEZEK_FAULT_AFTER_SEND=1 start_printd kiosk-1
wait_exit "${PRINTD_PIDS[0]}"
PRINTD_PIDS=()
if [ "$code" -eq 137 ]; then ok; else not_ok "the service was not killed after sending (exit $code)"; fi
if job_is 6 sending && printouts_are 6 "$prn"; then ok
else not_ok "ticket 6 is not out and 'sending': $(cat "$T/status")"; fi
start_printd kiosk-1
wait_for "ticket 6 is uncertain after the restart" job_is 6 uncertain
if printouts_are 6 "$prn"; then ok; else not_ok "ticket 6 printed twice unasked"; fi
stop_all_printd

# 5. killed inside a band of the picture: the printer's band is finished
# and the ticket printed again whole
expect 0 "ticket 7" ticket A --print kiosk-1
before=$(stat -c %s "$prn")
KEZEK_FAULT_KILL_AT=3000 start_printd kiosk-1
wait_exit "${PRINTD_PIDS[0]}"
PRINTD_PIDS=()
if job_is 7 sending && [ "$(stat -c %s "$prn")" -gt "$before" ]; then ok
else not_ok "ticket 7 was not cut off part way: $(cat "$T/status")"; fi
start_printd kiosk-1
wait_for "ticket 7 printed again whole" job_is 7 done
# the cut-off picture's line "interrupted" has its own cut, then the ticket
if printouts_are 8 "$prn"; then ok
else not_ok "$(printouts "$prn") printouts, expected 8 (6, the note, ticket 7)"; fi
finish
