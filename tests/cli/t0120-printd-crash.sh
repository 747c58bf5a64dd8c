#!/bin/bash
# kezek-printd killed between sending a ticket and recording it: after the
# restart the ticket is not printed again unless a person asks, and then
# exactly once more.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
drop_section "printer kiosk-1"
cat >>"$T/hall.ini" <<INI

[printer kiosk-1]
role = tickets
transport = device
address = $T/printer.bin
paper = 80
INI
: >"$T/printer.bin"
printd() { "$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --once "$@"; }

expect 0 "init" init
expect 0 "ticket with its print" ticket A --print kiosk-1
KEZEK_FAULT_AFTER_SEND=1 printd >"$T/out" 2>"$T/err"
code=$?
if [ "$code" -eq 137 ]; then ok; else not_ok "printd was not killed after sending (exit $code)"; fi
once=$(stat -c %s "$T/printer.bin")
if [ "$once" -gt 1000 ]; then ok; else not_ok "nothing reached the printer before the crash"; fi
expect 0 "status after the crash" print status
has out "sending" "the job was left sending"
printd >"$T/out" 2>"$T/err"
has err "1 job may have printed before the last stop" "the restart says so"
if [ "$(stat -c %s "$T/printer.bin")" -eq "$once" ]; then ok; else not_ok "printed twice unasked"; fi
expect 0 "status after the restart" print status
has out "uncertain" "the job is uncertain"
expect 0 "a person asks again" print reprint 1
printd >/dev/null 2>&1
if [ "$(stat -c %s "$T/printer.bin")" -eq $((once * 2)) ]; then ok
else not_ok "the reprint did not print exactly once more"; fi
expect 0 "status at the end" print status
has out "done" "the reprint is done"
finish
