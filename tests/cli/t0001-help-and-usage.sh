#!/bin/bash
# The command explains itself, and usage errors exit 1 with one line.
. "$(dirname "$0")/lib.sh"

expect 0 "kezek --help" --help
for c in init ticket counter next recall start finish status close-day history check; do
	has out "  $c " "help lists $c"
done
expect 1 "no command" 
expect 1 "unknown command" fly
has err "'fly' is not a command" "unknown command named"
for c in init ticket counter next recall start finish status close-day history check; do
	expect 0 "$c --help" "$c" --help
	has out "usage: kezek $c" "$c --help shows usage"
done
expect 1 "ticket without service" ticket
has err "missing arguments" "missing argument said"
expect 1 "too many arguments" ticket A B
expect 1 "unknown option" status --colour
has err "--colour" "unknown option named"
expect 1 "counter number not a number" next one
has err "'one' is not a counter number" "bad counter named"
expect 1 "bad --now" status --now 2026-13-01T10:00
has err "2026-13-01T10:00" "bad time named"
finish
