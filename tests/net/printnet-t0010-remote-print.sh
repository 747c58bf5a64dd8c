#!/bin/bash
# A print service on a machine of its own: kezek-printd with no database,
# against kezek-hall on loopback.  A ticket issued on the hall prints once
# on the device's printer; the service may touch only its own printer's
# jobs; kezek-hall killed and restarted while the service runs: a ticket
# issued meanwhile prints once, afterwards.
. "$(dirname "$0")/printnet-lib.sh"

device_printer kiosk-1
device_printer kiosk-2
drop_section "printer a4-1"
cat >>"$T/hall.ini" <<INI

[printer a4-1]
role = a4
transport = folder
address = $T/a4
INI
expect 0 "init" init
start_hall || { finish; exit; }
enrol_printer kiosk-1 || { finish; exit; }
if [ "$(stat -c %a "$T/dev-kiosk-1/device.key")" = 600 ]; then ok
else not_ok "the credential is readable by others"; fi

expect 0 "a ticket with its print" ticket A --print kiosk-1
start_printd kiosk-1
wait_for "the ticket printed through the hall" job_is 1 done
wait_for "one printout on the device's printer" printouts_are 1 "$T/kiosk-1.prn"
# (remote/device.h, KZ_DEVICE_HALL_COPY: device.key -> device.hall.ini)
if grep -qs '^\[printer kiosk-1\]' "$T"/dev-kiosk-1/*hall.ini; then ok
else not_ok "the hall's configuration is not kept beside the credential"; fi
wait_for "the service's heartbeat reaches the hall" \
	sh -c '"$0" print status | grep -q "kiosk-1 (tickets.*ready"' "$KEZEK"

# what reached the printer is the picture the hall made: ESC @, 80 mm
# bands (72 bytes a row), the feed and the cut
python3 - "$T/kiosk-1.prn" <<'PY' && ok || not_ok "the printout is not an 80 mm raster"
import sys
b = open(sys.argv[1], "rb").read()
assert b.startswith(b"\x1b@"), b[:8]
at, bands = 2, 0
while b[at:at + 3] == b"\x1dv0":
    x, y = b[at + 4] | b[at + 5] << 8, b[at + 6] | b[at + 7] << 8
    assert x == 72, x
    at += 8 + x * y
    bands += 1
assert bands >= 1 and b[at:] == b"\x1bd\x04\x1dVB\x00", b[at:]
PY

# the picture itself, for people to look at
printout_png "$T/kiosk-1.prn" "$T/ticket.png" && [ -s "$T/ticket.png" ] && ok ||
	not_ok "the printout cannot be read back as a picture"
[ -n "${KEZEK_SCREENS:-}" ] && mkdir -p "$KEZEK_SCREENS" && cp "$T/ticket.png" "$KEZEK_SCREENS/printnet-ticket.png"

# another printer's job is refused to this service, and left alone
expect 0 "a ticket for the other printer" ticket A --print kiosk-2
device_api kiosk-1 GET /api/printer/jobs/2
status_is 403 "another printer's job cannot be read"
device_api kiosk-1 GET /api/printer/jobs/2/printout
status_is 403 "another printer's printout cannot be taken"
device_api kiosk-1 POST /api/printer/jobs/2/start '{"bands":3}'
status_is 403 "another printer's job cannot be started"
device_api kiosk-1 POST /api/printer/jobs/2/done
status_is 403 "another printer's job cannot be acknowledged"
if job_is 2 queued; then ok; else not_ok "the other printer's job changed: $(cat "$T/status")"; fi
if [ ! -s "$T/kiosk-2.prn" ]; then ok; else not_ok "the other printer's job printed"; fi
device_api kiosk-1 GET /api/printer
body_has '"printer":"kiosk-1"' "the service stands for its own printer"
api GET /api/printer/next
if [ "$status" = 401 ] || [ "$status" = 403 ]; then ok
else not_ok "the print routes answered $status to a request without a credential"; fi

# an A4 printer on a machine of its own: the hall makes the PDF, the
# device's folder printer writes it and the hall records the file
enrol_printer a4-1 || { finish; exit; }
start_printd a4-1
expect 0 "a blank form on the A4 printer" print form a4-1
wait_for "the form printed through the hall" job_is 3 done
if head -c 5 "$T"/a4/*.pdf 2>/dev/null | grep -q '%PDF-'; then ok
else not_ok "no PDF in the device's folder: $(ls -la "$T/a4" 2>&1)"; fi

# kezek-hall killed while the service runs; a ticket issued meanwhile
port=$(hall_port)
lines=$(wc -l <"$T/dev-kiosk-1/printd.log")
kill -9 "$HALL_PID"
wait "$HALL_PID" 2>/dev/null
HALL_PID=
expect 0 "a ticket while the hall server is down" ticket A --print kiosk-1
wait_for "the service says the hall is away" grown "$T/dev-kiosk-1/printd.log" "$lines"
if printouts_are 1 "$T/kiosk-1.prn"; then ok; else not_ok "printed without the hall"; fi
start_hall --port "$port" || { finish; exit; }
wait_for "the ticket printed once the hall was back" job_is 4 done
if printouts_are 2 "$T/kiosk-1.prn"; then ok
else not_ok "$(printouts "$T/kiosk-1.prn") printouts, expected 2"; fi
finish
