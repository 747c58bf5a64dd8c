#!/bin/bash
# At close of day, tickets still waiting end as "not served: office closed".
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 2 "Клерк Екінші"
for s in A A B; do expect 0 "ticket $s" ticket $s --now 2026-03-20T17:20; done
expect 0 "call one" next 2 --now 2026-03-20T17:25
expect 0 "close day" close-day --now 2026-03-20T18:00
has out "2 waiting tickets closed" "two waiting closed"
has out "1 ticket is still at counters" "the one at the counter is left to its clerk"
expect 0 "history" history A-002 --day 2026-03-20 --now 2026-03-20T18:01
has out "office_closed" "the outcome is recorded"
expect 0 "status" status --now 2026-03-20T18:01
has out "waiting 0" "nobody waits after closing"
expect 0 "finish the last" finish 2 --outcome served
expect 0 "check" check
finish
