#!/bin/bash
# Tickets are numbered per service and per day: A-001, A-002, B-001 ...
. "$(dirname "$0")/lib.sh"

expect 3 "ticket before init" ticket A
has err "kezek init" "missing database explained"
expect 0 "init" init
has out "schema" "init reports the schema"
expect 0 "init again keeps the database" init
expect 0 "first A" ticket A
first_line "A-001" "first ticket of A"
has out "ahead    0" "nobody ahead"
expect 0 "second A" ticket A
first_line "A-002" "second ticket of A"
has out "ahead    1" "one ahead"
expect 0 "first B" ticket B
first_line "B-001" "B has its own numbers"
expect 0 "by prefix" ticket C
first_line "C-001" "C"
expect 2 "unknown service" ticket Z
has err "there is no service 'Z'" "unknown service named"
has err "A, B, C" "known services listed"
one_line_error "unknown service"
# The next day numbering starts again; yesterday's tickets stay.
expect 0 "next day" ticket A --now 2026-03-26T09:05
first_line "A-001" "numbers restart each day"
expect 0 "history of yesterday's ticket" history A-002 --day 2026-03-20
has out "A-002    issued" "yesterday's ticket is kept"
expect 0 "check" check
has out "5 tickets agree" "all five tickets audited"
finish
