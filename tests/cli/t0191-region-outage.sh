#!/bin/bash
# t0191: the centre down for a whole working day while the hall works on.
# The hall issues, calls and serves a simulated day (and takes
# applications, complaints and ballots) with its kezek-sync running and the
# centre's PostgreSQL stopped; kezek-sync waits the fault out, saying it
# once.  When the centre is back it catches up by itself: the centre then
# holds every event of the hall's log once (the same count, the same
# newest id, the same fingerprints), every application, complaint and
# ballot the log names, and its report equals the hall's row for row.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg.sh"
SYNC=${KEZEK_SYNC:?set KEZEK_SYNC to the kezek-sync binary}
export WAIT_SECONDS=90
unset KEZEK_DB KEZEK_NOW
OFFICE=akmola-akkol-district

pg_start || { not_ok "a private PostgreSQL starts"; finish; exit 1; }
sed -i "s|^office = .*|office = $OFFICE|; s|^database = .*|database = $T/hall.db|;
	/^\[region\]/,\$ { s|^batch = .*|batch = 100\ncentre = $CENTRE|;
	s|^idle_seconds = .*|idle_seconds = 1|; s|^retry_seconds = .*|retry_seconds = 1| }" \
	"$T/hall.ini"
k() { "$KEZEK" "$@"; }
held() {
	psql_ "SELECT coalesce((SELECT held_id FROM offices WHERE office = '$OFFICE'), 0)" \
		2>/dev/null || echo 0
}
newest() { sqlite3 "$T/hall.db" "SELECT coalesce(max(id), 0) FROM events"; }
caught_up() { [ "$(held)" -eq "$(newest)" ]; }
sync_says() { grep -q "$1" "$T/sync.log"; }

k --now 2026-03-02T08:00 init >/dev/null 2>&1
k --now 2026-03-10T10:00 simulate --from 2026-03-02 --to 2026-03-02 --visitors 60 \
	>"$T/out" 2>"$T/err" || not_ok "the first day"
"$SYNC" >"$T/sync.log" 2>&1 &
sync=$!
wait_for "the first day at the centre" caught_up && ok

# the centre down: a whole working day in the hall, and tickets issued by hand
pg_down fast && ok || not_ok "the centre stops"
before=$(newest)
if k --now 2026-03-10T10:00 simulate --from 2026-03-03 --to 2026-03-03 --visitors 120 \
	>"$T/out" 2>"$T/err"; then ok; else not_ok "the hall works its day with the centre down"; fi
run --now 2026-03-04T09:30 ticket A
if [ "$rc" -eq 0 ]; then ok; else not_ok "a ticket issued with the centre down"; fi
if [ "$(newest)" -gt $((before + 500)) ]; then ok; else not_ok "the day's events: $before to $(newest)"; fi
wait_for "kezek-sync tells the centre is unreachable" sync_says "region's centre"
if kill -0 "$sync" 2>/dev/null; then ok; else not_ok "kezek-sync waits the centre out"; fi
if ! psql_ "SELECT 1" >/dev/null 2>&1; then ok; else not_ok "the centre is really down"; fi

# back: kezek-sync catches up by itself
pg_up && ok || not_ok "the centre starts again"
wait_for "the day caught up by itself" caught_up && ok
# a fault that lasts is one line, not one a try (the server starting up is another)
if [ -z "$(sort "$T/sync.log" | uniq -d)" ] && [ "$(wc -l <"$T/sync.log")" -le 5 ] &&
	grep -q "shipping again" "$T/sync.log"; then ok
else not_ok "the fault said once and the recovery told: $(cat "$T/sync.log")"; fi
kill "$sync"
wait "$sync"

# nothing lost, nothing twice: the hall's log against the centre's
run check
audit=$(sed -n 's/.* \([0-9]*\) tickets agree with the event log.*/\1/p' "$T/out")
hall_events=$(sqlite3 "$T/hall.db" "SELECT count(*) || ' ' || max(id) FROM events")
centre_events=$(psql_ "SELECT count(*) || ' ' || max(event_id) FROM events WHERE office = '$OFFICE'")
if [ "$hall_events" = "$centre_events" ]; then ok
else not_ok "events: the hall's $hall_events, the centre's $centre_events"; fi
tickets=$(psql_ "SELECT count(*) FROM places WHERE office = '$OFFICE'")
if [ -n "$audit" ] && [ "$tickets" -eq "$audit" ]; then ok
else not_ok "the hall's audit ($audit tickets) and the centre's places ($tickets)"; fi
for t in applications complaints; do
	h=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM $t")
	c=$(psql_ "SELECT count(*) FROM $t WHERE office = '$OFFICE'")
	if [ "$h" -gt 0 ] && [ "$h" -eq "$c" ]; then ok; else not_ok "$t: the hall's $h, the centre's $c"; fi
done
h=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM feedback")
c=$(psql_ "SELECT count(*) FROM ballots WHERE office = '$OFFICE'")
if [ "$h" -gt 0 ] && [ "$h" -eq "$c" ]; then ok; else not_ok "ballots: the hall's $h, the centre's $c"; fi
# the same fingerprints, event by event
sqlite3 -separator ' ' "$T/hall.db" "SELECT id, kind, coalesce(ticket_id, 0), at FROM events ORDER BY id" \
	>"$T/hall.log"
psql_ "SELECT event_id || ' ' || kind || ' ' || coalesce(ticket_id, 0) || ' ' || at FROM events
	WHERE office = '$OFFICE' ORDER BY event_id" >"$T/centre.log"
if cmp -s "$T/hall.log" "$T/centre.log"; then ok; else not_ok "the centre's log is the hall's"; fi
# a centre that held the events before it took the registers gets their rows once
registers() { psql_ "SELECT (SELECT count(*) FROM applications) || ' ' ||
	(SELECT count(*) FROM complaints) || ' ' || (SELECT count(*) FROM ballots)"; }
had=$(registers)
psql_ "DELETE FROM applications; DELETE FROM complaints; DELETE FROM ballots;
	UPDATE offices SET registers = false" >/dev/null
"$SYNC" --once >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && [ "$(registers)" = "$had" ]; then ok
else not_ok "the registers sent once more to a centre without them: $(registers), not $had"; fi
k --now 2026-03-10T10:00 report --from 2026-03-02 --to 2026-03-03 --csv >"$T/hall.csv"
run --now 2026-03-10T10:00 region report --from 2026-03-02 --to 2026-03-03 --csv
if [ "$rc" -eq 0 ] && [ "$(grep -c ",$OFFICE.$" "$T/hall.csv")" -gt 20 ] &&
	diff <(grep ",$OFFICE.$" "$T/out") <(grep ",$OFFICE.$" "$T/hall.csv") >"$T/diff"
then ok; else not_ok "the centre's report is the hall's: $(head "$T/diff")"; fi
finish
