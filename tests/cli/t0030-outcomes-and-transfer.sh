#!/bin/bash
# Finishing a visit: outcomes, wrong transitions, and transfer keeping the place.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 1 "Клерк Бірінші"
open_counter 3 "Клерк Үшінші"
expect 2 "finish with nobody called" finish 1 --outcome served
has err "no ticket at counter 1" "nothing to finish said"
expect 0 "A-001" ticket A --now 2026-03-20T10:00
expect 0 "C-001" ticket C --now 2026-03-20T10:10
expect 0 "call A-001" next 1 --now 2026-03-20T10:12
expect 1 "finish without outcome" finish 1
expect 1 "unknown outcome" finish 1 --outcome vanished
expect 1 "office_closed is not the clerk's" finish 1 --outcome office_closed
expect 2 "wrong ticket named" finish 1 --outcome served --ticket A-002
has err "counter 1 has A-001, not A-002" "mismatch said"
expect 0 "start" start 1
expect 2 "no-show after start" finish 1 --outcome no-show
has err "already in service" "why said"
expect 1 "transfer without target" finish 1 --outcome transferred
has err "--to SERVICE" "target asked for"
expect 2 "transfer to its own service" finish 1 --outcome transferred --to A
expect 0 "transfer to C" finish 1 --outcome transferred --to C --now 2026-03-20T10:20
first_line "A-001" "the visitor keeps the number"
# A-001 was issued at 10:00, before C-001 at 10:10: it is called first.
expect 0 "counter 3 calls" next 3 --now 2026-03-20T10:21
first_line "A-001" "transfer keeps the original place in line"
has out "waited 21 min" "wait counted from the original issue"
expect 0 "no-show" finish 3 --outcome no-show
expect 0 "next" next 3
first_line "C-001" "then C-001"
expect 0 "cancelled" finish 3 --outcome cancelled
expect 0 "history" history A-001 --now 2026-03-20T11:00
has out "transferred    service C  counter 1" "transfer in the history"
has out "requeued       service C  (from A)" "new place in the history"
has out "no_show" "the end in the history"
expect 0 "check" check
finish
