#!/bin/bash
# kezek simulate: a working day (or a range) played through the queue's
# own operations; the same seed gives the same day; days that have tickets
# and malformed ranges are refused; the database passes kezek check after.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 0 "simulate --help" simulate --help
has out "usage: kezek simulate" "help shows usage"
has out "--visitors N" "help lists --visitors"

# the clock's today: Friday 2026-03-20
expect 0 "simulate today" simulate
first_line "simulated 2026-03-20: a working day (seed 1)" "summary names the day and seed"
for what in "tickets " "served " "no-shows " "not served " "waits > 30 min" "longest" \
	"feedback " "applications " "complaints "; do
	has out "$what" "summary has $what"
done
cp "$T/out" "$T/first"
expect 0 "check after a simulated day" check
has out "integrity ok" "integrity ok"
expect 0 "a simulated ticket has its history" history A-001 --day 2026-03-20
has out "issued" "history shows the issue"
expect 0 "status after the day" status --now 2026-03-20T19:00
has out "waiting 0" "nobody waits after closing"

# a day that has tickets is refused, and nothing changes
expect 2 "the same day again" simulate --day 2026-03-20
one_line_error "refusal"
has err "never mixes with real days" "refusal says why"
expect 2 "a range over it" simulate --from 2026-03-19 --to 2026-03-23
expect 0 "check after refusals" check

# the same seed and day in another database: the same summary
# (simulate makes a database that is not there yet)
expect 0 "simulate there" --db "$T/other.db" simulate --day 2026-03-20 --seed 1
if cmp -s "$T/first" "$T/out"; then ok; else not_ok "same seed, same day: same summary"; fi
expect 0 "simulate with seed 2" --db "$T/third.db" simulate --day 2026-03-20 --seed 2
if cmp -s "$T/first" "$T/out"; then not_ok "another seed, another day"; else ok; fi

# days off do nothing; a range skips them
expect 0 "a Saturday" simulate --day 2026-03-21
has out "not a working day" "Saturday said"
expect 0 "Nauryz week" simulate --from 2026-03-23 --to 2026-03-27 --seed 7 --visitors 40
first_line "simulated 2026-03-23 .. 2026-03-27: 2 working days (seed 7)" "Nauryz skipped"
expect 0 "check after a range" check

# usage errors
expect 1 "range backwards" simulate --from 2026-04-03 --to 2026-04-01
one_line_error "backwards range"
has err "before" "backwards range said"
expect 1 "too long a range" simulate --from 2026-04-01 --to 2027-06-01
has err "at most 400" "limit said"
expect 1 "not a date" simulate --day 2026-02-30
has err "2026-02-30" "bad date named"
expect 1 "--day with --from" simulate --day 2026-04-01 --from 2026-04-01 --to 2026-04-02
expect 1 "--from alone" simulate --from 2026-04-01
has err "go together" "--from needs --to"
expect 1 "no visitors" simulate --day 2026-04-01 --visitors 0
has err "--visitors '0'" "bad visitors named"
expect 1 "seed not a number" simulate --day 2026-04-01 --seed x1
expect 1 "negative seed" simulate --day 2026-04-01 --seed -1
expect 2 "nothing was simulated by usage errors" history A-001 --day 2026-04-01
expect 0 "check at the end" check

# a database with real visits: refused unless asked, and nothing changes
expect 0 "a fresh hall" --db "$T/live.db" init
expect 0 "a real ticket in it" --db "$T/live.db" ticket A
before=$(sqlite3 "$T/live.db" "SELECT count(*) FROM events")
expect 2 "simulate into a live hall" --db "$T/live.db" simulate --day 2026-03-24
has err "holds 1 real visits" "the real visits counted"
has err "--with-real-visits" "says how to mean it"
if [ "$(sqlite3 "$T/live.db" "SELECT count(*) FROM events")" = "$before" ]; then ok
else not_ok "a refused simulation changed the live hall"; fi
expect 0 "the live day closed" --db "$T/live.db" --now 2026-03-20T18:30 close-day
expect 0 "asked for" --db "$T/live.db" simulate --day 2026-03-24 --with-real-visits
n=$(sqlite3 "$T/live.db" "SELECT count(*) FROM simulations WHERE first_day = '2026-03-24'")
if [ "$n" = 1 ]; then ok; else not_ok "the simulated range is recorded ($n)"; fi

# progress only on a terminal: a pipe or a file stays quiet
expect 0 "into a file" --db "$T/quiet.db" simulate --from 2026-04-01 --to 2026-04-03
if [ ! -s "$T/err" ]; then ok; else not_ok "progress written to a file: $(head -c 80 "$T/err")"; fi
finish
