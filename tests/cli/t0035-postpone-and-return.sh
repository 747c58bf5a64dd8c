#!/bin/bash
# Postpone and return: a visitor sent for a copy, the counter serving others
# meanwhile, called back with the wait counted from the first issue; a
# postponement that runs out ends as a no-show; the board's data says nothing.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 1 "Клерк Бірінші"
open_counter 2 "Клерк Екінші"
expect 0 "A-001" ticket A --now 2026-03-20T10:00
expect 0 "A-002" ticket A --now 2026-03-20T10:01
expect 0 "A-003" ticket A --now 2026-03-20T10:02
expect 2 "postpone with nobody at the counter" postpone --counter 1 --reason "көшірме" --minutes 20
has err "no ticket at counter 1" "why said"
expect 0 "call A-001" next 1 --now 2026-03-20T10:10
expect 1 "postpone without a counter" postpone --reason copy --minutes 20
expect 1 "postpone without a reason" postpone --counter 1 --minutes 20
expect 1 "postpone without minutes" postpone --counter 1 --reason copy
expect 1 "postpone for too long" postpone --counter 1 --reason copy --minutes 241
has err "1 to 240" "the bounds said"
expect 1 "a blank reason" postpone --counter 1 --reason "   " --minutes 20
one_line_error "a blank reason"
expect 0 "postpone A-001" postpone --counter 1 --reason "копия удостоверения личности" \
	--minutes 20 --now 2026-03-20T10:12
first_line "A-001" "the number first"
has out "until 10:32" "the limit said"
has out "kezek return A-001 --counter 1" "how to call back said"
# the counter is free: it calls the next visitor while A-001 is away
expect 0 "counter 1 calls again" next 1 --now 2026-03-20T10:13
first_line "A-002" "the counter calls others meanwhile"
expect 0 "status" status --now 2026-03-20T10:14
lacks out "A-001" "the hall's picture says nothing of the postponed visitor"
expect 0 "list" postpone --counter 1 --list --now 2026-03-20T10:14
has out "A-001" "the postponed visitor listed"
has out "back by 10:32" "with the limit"
has out "копия удостоверения личности" "and the reason"
expect 0 "list of counter 2" postpone --counter 2 --list
has out "no one is postponed" "another counter has none"
expect 2 "return while the counter has a visitor" return A-001 --counter 1
has err "still has A-002" "finish it first said"
expect 0 "finish A-002" finish 1 --outcome served --now 2026-03-20T10:20
expect 2 "return at another counter" return A-001 --counter 2
has err "only counter 1 calls it back" "the right counter named"
expect 2 "return of a ticket not postponed" return A-002 --counter 1
has err "not postponed" "why said"
expect 2 "return of an unknown ticket" return A-099 --counter 1
expect 0 "return A-001" return A-001 --counter 1 --now 2026-03-20T10:25
first_line "A-001" "called back"
has out "state    called" "not started yet: called"
has out "waited 10 min (to the first call), away 13 min" "wait from the first issue, not growing"
expect 0 "start" start 1 --now 2026-03-20T10:26
expect 0 "served" finish 1 --outcome served --now 2026-03-20T10:30
# A-003 is sent away for 5 minutes and does not come back
expect 0 "call A-003" next 1 --now 2026-03-20T10:31
expect 0 "postpone A-003" postpone --counter 1 --reason copy --minutes 5 --now 2026-03-20T10:32
expect 0 "history" history A-003 --now 2026-03-20T10:33
has out "postponed" "the postponement in the history"
has out "(copy)" "with its reason"
expect 2 "too late" return A-003 --counter 1 --now 2026-03-20T10:50
has err "did not come back by 10:37" "the run-out said"
has err "no-show" "and how it ended"
expect 0 "history after" history A-003 --now 2026-03-20T10:51
has out "no_show" "ended as a no-show"
expect 0 "history of the returned" history A-001 --now 2026-03-20T10:51
has out "returned" "the return in the history"
expect 0 "check" check
has out "agree" "the event log audit passes"
finish
