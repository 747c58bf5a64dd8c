#!/bin/bash
# kezek ticket obeys the working calendar and the office's hours (p.9).
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 2 "before opening" ticket A --now 2026-03-20T08:59
has err "not open yet; tickets from 09:00 today" "opening time said"
one_line_error "before opening"
expect 0 "at opening" ticket A --now 2026-03-20T09:00
first_line "A-001" "first ticket at 09:00"
expect 0 "before the lunch notice" ticket A --now 2026-03-20T12:29
lacks out "lunch" "no lunch notice at 12:29"
expect 0 "shortly before lunch" ticket A --now 2026-03-20T12:45
first_line "A-003" "issued before lunch"
has out "reception breaks for lunch" "lunch notice on the ticket"
has out "called after 14:00" "when reception resumes"
expect 0 "at 12:59" ticket A --now 2026-03-20T12:59
expect 2 "at lunch" ticket A --now 2026-03-20T13:00
has err "closed for lunch; tickets again from 14:00 today" "lunch said"
expect 2 "end of lunch" ticket A --now 2026-03-20T13:59
expect 0 "after lunch" ticket A --now 2026-03-20T14:00
first_line "A-005" "refusals used up no numbers"
expect 0 "the last ticket of the day" ticket A --now 2026-03-20T17:29
expect 2 "past the last ticket" ticket A --now 2026-03-20T17:30
has err "tickets are issued until 17:30" "cut-off said"
# Friday 20 March 2026: Monday 23 is Nauryz, 24-25 are its moved days off.
has err "opens Thursday 26 March 2026 at 09:00" "next opening after Nauryz"
expect 2 "after closing" ticket A --now 2026-03-20T18:00
has err "closed for the day" "after hours said"
expect 2 "weekend" ticket A --now 2026-03-28T10:00
has err "closed at weekends; it opens Monday 30 March 2026 at 09:00" "weekend said"
expect 2 "holiday" ticket A --now 2026-03-23T10:00
has err "Nauryz meiramy" "holiday named (the refusal's English, for the log)"
expect 2 "moved day off" ticket A --now 2026-03-24T10:00
has err "day off for Nauryz meiramy (2026-03-21)" "moved day off explained"
expect 2 "9 May on Saturday moves to Monday 11 May" ticket A --now 2026-05-11T10:00
has err "Victory Day (2026-05-09)" "Victory Day moved"
expect 0 "a working day" ticket A --now 2026-03-26T09:00
first_line "A-001" "a new day, new numbers"
expect 0 "check" check
has out "7 tickets agree" "nothing else was written"
finish
