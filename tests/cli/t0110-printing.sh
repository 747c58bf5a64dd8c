#!/bin/bash
# Printing from the command line: a ticket with its print, kezek-printd
# sending it to a printer (here a device file), status, test page, a blank
# form (A4 only: refused on the thermal roll, printed into an A4 folder), reprint.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
drop_section "printer kiosk-1"
drop_section "printer a4-1"
cat >>"$T/hall.ini" <<INI

[printer kiosk-1]
role = tickets
transport = device
address = $T/printer.bin
paper = 58

[printer a4-1]
role = a4
transport = folder
address = $T/a4
INI

: >"$T/printer.bin" # the device is there, as a plugged-in printer's would be
expect 0 "init" init
expect 0 "ticket with its print" ticket A --print kiosk-1 --lang ru
first_line "A-001" "the ticket"
has out "print    job 1 on kiosk-1" "its print job"
expect 2 "unknown printer" ticket A --print nowhere
has err "no printer 'nowhere'" "printer named"
expect 0 "status before printing" print status
has out "kiosk-1 (tickets, device" "the printer listed"
has out "1 waiting" "one job waiting"
has out "ticket  ru  queued" "the job queued"
# within ticket_print_seconds (30) of the ticket's issue: it prints
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --now 2026-03-20T10:00:20 --once >"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "kezek-printd --once failed"; fi
if [ "$(head -c 2 "$T/printer.bin" | od -An -tx1 | tr -d ' \n')" = 1b40 ]; then ok
else not_ok "the printer got no ESC/POS"; fi
size1=$(stat -c %s "$T/printer.bin")
expect 0 "status after printing" print status
has out "ticket  ru  done" "the job done"
has out "0 waiting" "nothing waiting"
expect 0 "test page" print test kiosk-1 --lang kk
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1
size2=$(stat -c %s "$T/printer.bin")
if [ "$size2" -gt "$size1" ]; then ok; else not_ok "the test page did not print"; fi
# the blank form goes on A4 only: refused for the thermal roll before it is
# queued, saying what, where and which printer would do
expect 2 "a blank form on a thermal roll" print form kiosk-1 --lang ru
has err "cannot print a blank application form (App. 2) on 'kiosk-1'" "what and where"
has err "A4 paper only" "why"
has err "role a4" "what to do"
expect 0 "nothing queued for the roll" print status
has out "0 waiting" "nothing waiting"
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1
size3=$(stat -c %s "$T/printer.bin")
if [ "$size3" -eq "$size2" ]; then ok; else not_ok "the roll printed something"; fi
expect 0 "a blank form" print form a4-1 --lang ru
has out "a blank application form (App. 2) for a4-1 is queued" "form queued"
"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1
if [ "$(ls "$T"/a4/*-form-ru.pdf 2>/dev/null | wc -l)" -eq 1 ]; then ok
else not_ok "the form did not print on A4"; fi
expect 0 "reprint the ticket" print reprint 1
has out "job 1 will print again" "reprint queued"
expect 2 "reprint a waiting job" print reprint 4
has err "still queued" "why said"
expect 1 "reprint nonsense" print reprint x
expect 2 "no such printer for printd" print test nowhere
"$PRINTD" --printer nowhere >"$T/out" 2>"$T/err"
if [ $? -eq 3 ] && grep -q "no \[printer nowhere\]" "$T/err"; then ok; else not_ok "printd for an unknown printer"; fi

# A ticket whose print did not reach the printer within 30 s of issue is not
# printed later by itself: expired, in the status and the history; staff can
# still have it printed by its number; a receipt or form keeps waiting.
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1 # the reprint above
before=$(stat -c %s "$T/printer.bin")
expect 0 "a ticket while its printer is down" ticket A --print kiosk-1 --lang kk
first_line "A-002" "the second ticket"
expect 0 "a form queued at the same time" print form a4-1 --lang kk
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --now 2026-03-20T10:00:45 --once >/dev/null 2>&1
if [ "$(stat -c %s "$T/printer.bin")" -eq "$before" ]; then ok; else not_ok "a stale ticket printed by itself"; fi
expect 0 "status" --now 2026-03-20T10:00:50 print status
has out "ticket  kk  expired    A-002: not at the printer within 30 s" "the job expired, saying why"
expect 0 "history" history A-002
has out "print_expired" "its history shows it"
expect 0 "the event log still agrees with the tickets (a paper's fate is no visitor's)" check
"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --now 2026-03-20T11:00 --once >/dev/null 2>&1
if [ "$(ls "$T"/a4/*-form-kk.pdf 2>/dev/null | wc -l)" -eq 1 ]; then ok
else not_ok "a form an hour late did not print"; fi
expect 0 "staff ask for the ticket" print ticket A-002 --counter 2
has out "will print" "queued"
"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --now 2026-03-20T11:00 --once >/dev/null 2>&1
if [ "$(stat -c %s "$T/printer.bin")" -gt "$before" ]; then ok; else not_ok "the asked-for ticket did not print"; fi
expect 0 "history again" history A-002
has out "asked by counter 2" "who asked is logged"
expect 0 "and after a paper asked for again" check
finish
