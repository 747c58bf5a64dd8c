#!/bin/bash
# kezek status measures waits and service against the 30-minute limits.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 0 "A" ticket A --now 2026-03-20T10:00
expect 0 "B" ticket B --now 2026-03-20T10:20
expect 0 "status at 10:25" status --now 2026-03-20T10:25
has out "waiting 2, longest wait 25 min (limit 30 min)" "longest wait at 10:25"
lacks out "OVER" "nothing over the limit yet"
expect 0 "status at 10:31" status --now 2026-03-20T10:31
has out "longest wait 31 min (limit 30 min)  OVER LIMIT" "over the limit at 10:31"
has out "Сдача документов" "Russian names by default"
expect 0 "status in Kazakh" status --lang kk --now 2026-03-20T10:31
has out "Құжаттарды тапсыру" "Kazakh names"
has out "Жер қатынастары бөлімі" "office name in Kazakh"
lacks out "Сдача документов" "no Russian in the Kazakh view"
open_counter 2 "Клерк Екінші"
expect 0 "call" next 2 --now 2026-03-20T10:32
expect 0 "status during service" status --now 2026-03-20T11:03
has out "A-001 called" "counter shows its ticket"
has out "OVER 30 MIN" "service over 30 minutes flagged"
has out "Клерк Екінші, Бас маман" "clerk and position shown"
finish
