#!/bin/bash
# t0190: three halls ship a simulated month to the region's centre, a
# private PostgreSQL, through faults: kezek-sync killed (kill -9), the
# centre stopped mid-batch and started again while the halls work on, the
# connections dropped (pg_terminate_backend), one hall's clock two hours
# ahead.  Then each office's figures at the centre equal its hall's own
# report row for row, the region's total is their sum, and a hall restored
# from an older backup is told apart and never counted twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg.sh"
SYNC=${KEZEK_SYNC:?set KEZEK_SYNC to the kezek-sync binary}
export WAIT_SECONDS=90
unset KEZEK_DB KEZEK_NOW

pg_start || { not_ok "a private PostgreSQL starts"; finish; exit 1; }
offices=(akmola-akkol-district akmola-esil-district aktobe-temir-district)
for i in 0 1 2; do
	sed "s|^office = .*|office = ${offices[$i]}|; s|^database = .*|database = $T/hall$i.db|;
		/^\[region\]/,\$ { s|^batch = .*|batch = 50\ncentre = $CENTRE|;
		s|^idle_seconds = .*|idle_seconds = 1|; s|^retry_seconds = .*|retry_seconds = 1| }" \
		"$T/hall.ini" >"$T/hall$i.ini"
done
k() { local i=$1; shift; "$KEZEK" --config "$T/hall$i.ini" "$@"; }
held() { # 0 until the first kezek-sync made the centre's schema
	psql_ "SELECT coalesce((SELECT held_id FROM offices WHERE office = '${offices[$1]}'), 0)" \
		2>/dev/null || echo 0
}
newest() { sqlite3 "$T/hall$1.db" "SELECT coalesce(max(id), 0) FROM events" 2>/dev/null || echo 0; }
# for wait_for: asked again each time
held_over() { [ "$(held "$1")" -gt "$2" ]; }
newest_over() { [ "$(newest "$1")" -gt "$2" ]; }
caught_up() { [ "$(held "$1")" -eq "$(newest "$1")" ]; }
connected() {
	[ "$(psql_ "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kezek-sync'" \
		2>/dev/null || echo 0)" -ge 1 ]
}

# the halls' month: hall 0 in two parts, a backup kept between them
k 0 --now 2026-03-01T08:00 init >/dev/null 2>&1
for i in 1 2; do k "$i" --now 2026-03-01T08:00 init >/dev/null 2>&1; done
(k 0 --now 2026-04-20T10:00 simulate --from 2026-03-01 --to 2026-03-27 --visitors 25 &&
	k 0 --now 2026-04-20T10:00 backup "$T/hall0-older.db" &&
	k 0 --now 2026-04-20T10:00 simulate --from 2026-03-28 --to 2026-03-31 --visitors 25) \
	>"$T/sim0.log" 2>&1 &
sims=($!)
for i in 1 2; do
	k "$i" --now 2026-04-20T10:00 simulate --from 2026-03-01 --to 2026-03-31 --visitors 25 \
		>"$T/sim$i.log" 2>&1 &
	sims+=($!)
done

# each hall's kezek-sync; hall 2's clock two hours ahead of the centre's
start_sync() {
	local i=$1
	shift
	"$SYNC" --config "$T/hall$i.ini" "$@" >>"$T/sync$i.log" 2>&1 &
	syncs[$i]=$!
}
start_sync 0
start_sync 1
start_sync 2 --now "$(TZ=Asia/Almaty date -d '+2 hours' +%Y-%m-%dT%H:%M:%S)"

# killed mid-run: a new one goes on from where the centre says it stopped
wait_for "hall 0's first batches at the centre" held_over 0 100
kill -9 "${syncs[0]}"
wait "${syncs[0]}" 2>/dev/null
start_sync 0

# the centre stopped mid-batch: the halls work on, their events wait
wait_for "hall 1's first batches at the centre" held_over 1 100
pg_down fast && ok || not_ok "the centre stops"
before=$(newest 1)
wait_for "hall 1 works on with the centre down" newest_over 1 $((before + 200))
if kill -0 "${syncs[1]}" 2>/dev/null; then ok; else not_ok "kezek-sync waits the centre out"; fi
pg_up && ok || not_ok "the centre starts again"

# the connections dropped
wait_for "kezek-sync connected again" connected
psql_ "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
	WHERE application_name = 'kezek-sync'" >/dev/null && ok || not_ok "connections dropped"

for p in "${sims[@]}"; do
	if wait "$p"; then ok; else not_ok "a hall's simulated month: $(tail -3 "$T"/sim*.log)"; fi
done
for i in 0 1 2; do
	wait_for "hall $i caught up by itself" caught_up "$i"
done
for i in 0 1 2; do kill "${syncs[$i]}"; wait "${syncs[$i]}"; done
if grep -q "clock is 7[0-9]* s ahead of the centre's" "$T/sync2.log"; then ok
else not_ok "hall 2's clock skew told: $(cat "$T/sync2.log")"; fi

# the centre's figures are each hall's own, and their sum
for i in 0 1 2; do k "$i" --now 2026-04-20T10:00 report 2026-03 --csv >"$T/hall$i.csv"; done
run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-03 --csv
if [ "$rc" -eq 0 ]; then ok; else not_ok "kezek region report"; fi
cp "$T/out" "$T/region.csv"
check_figures() {
	python3 - "$T/region.csv" "$T"/hall[012].csv <<'PY'
import csv, sys
read = lambda p: list(csv.reader(open(p, encoding="utf-8", newline="")))
region = read(sys.argv[1])
head, rows = region[0], region[1:]
col = {n: i for i, n in enumerate(head)}
figs = lambda r: [r[i] for i in range(col["places"], col["wait_over_limit_over_lunch"] + 1)]
counts = ["places", "served", "no_shows", "transferred", "cancelled", "not_served", "wait_n",
          "service_n", "wait_over_lunch", "wait_over_limit_over_lunch"]
total = {c: 0 for c in counts}
for path in sys.argv[2:]:
    hall = read(path)
    assert hall[0] == head, "the same columns"
    office = hall[1][col["office"]]
    mine = hall[1:]
    theirs = [r for r in rows if r[col["office"]] == office]
    assert len(mine) == len(theirs) > 40, (office, len(mine), len(theirs))
    for a, b in zip(mine, theirs):
        assert a == b, (office, a, b)
    for c in counts:
        total[c] += int(mine[0][col[c]])
    assert total["places"] > 0
region_all = [r for r in rows if r[col["office"]] == "region" and r[0] == "all"][0]
for c in counts:
    assert int(region_all[col[c]]) == total[c], (c, region_all[col[c]], total[c])
app4 = [r for r in rows if r[col["office"]] == "region" and r[0] == "app4"]
assert app4 and all(r[col["current_n"]] not in ("", "0") for r in app4 if r[1] != "3.2"), app4
print("equal", total["places"])
PY
}
if check_figures >"$T/out" 2>"$T/err"; then ok; else not_ok "the centre's figures equal the halls'"; fi

# applications and complaints: each office's as its hall counts them, the region's their sum
cases() { # the figures only, not the standard's points and terms in the words
	grep -E "^(APPLICATIONS|COMPLAINTS):" "$1" | sed 's/(p\.16)//; s/ 6 months//' |
		tr -cs '0-9' ' '
}
sum_cases() { awk '{ for (i = 1; i <= NF; i++) s[i] += $i; n = NF }
	END { for (i = 1; i <= n; i++) printf "%d ", s[i]; print "" }'; }
for i in 0 1 2; do
	k "$i" --now 2026-04-20T10:00 report 2026-03 >"$T/hall$i.txt"
	cases "$T/hall$i.txt" >"$T/cases$i"
	run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-03 \
		--offices "${offices[$i]}"
	if [ "$(cases "$T/out")" = "$(cat "$T/cases$i")" ]; then ok
	else not_ok "${offices[$i]}'s applications and complaints: $(cases "$T/out") against $(cat "$T/cases$i")"; fi
done
if [ "$(tr '\n' ' ' <"$T/cases0" | wc -w)" -gt 10 ]; then ok
else not_ok "the halls have applications and complaints: $(cat "$T/cases0")"; fi
run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-03
want=$(for i in 0 1 2; do paste -sd' ' "$T/cases$i"; done | sum_cases)
got=$(cases "$T/out" | paste -sd' ' | sum_cases)
if [ "$got" = "$want" ]; then ok; else not_ok "the region's applications and complaints: $got, not $want"; fi
# no person's data at the centre: the registers' columns are numbers, kinds and days
cols=$(psql_ "SELECT string_agg(column_name, ' ' ORDER BY table_name, column_name)
	FROM information_schema.columns WHERE table_name IN ('applications', 'complaints', 'ballots')")
if ! echo "$cols" | grep -Eqw "applicant|idnum|phone|address|complainant|contact|summary|answer|handed_name|plot_address"
then ok; else not_ok "no personal columns at the centre: $cols"; fi

# side by side, ranked by the share of waits within the limit
run --config "$T/hall0.ini" region report 2026-03
has out "REGION REPORT 2026-03-01 to 2026-03-31  offices: 3" "the region's heading"
shares=$(awk '/^OFFICES/{on=1; next} on && /^ *[0-9]+ /{print $7} on && /^$/{exit}' "$T/out" |
	tr -d '%' | tr '\n' ' ')
if [ "$(echo "$shares" | wc -w)" -eq 3 ] &&
	[ "$(echo "$shares" | tr ' ' '\n' | grep . | sort -gr | tr '\n' ' ')" = "$shares" ]; then ok
else not_ok "three offices ranked by share: $shares"; fi
run --config "$T/hall0.ini" region status
if [ "$rc" -eq 0 ] && grep -q "aktobe-temir-district .*+ *7[0-9]* s" "$T/out"; then ok
else not_ok "status shows the offices and hall 2's clock skew"; fi

# hall 0 restored from the backup taken before its last days were shipped
k 0 --now 2026-04-20T10:00 restore "$T/hall0-older.db" >"$T/out" 2>"$T/err" && ok ||
	not_ok "restore hall 0"
"$SYNC" --config "$T/hall0.ini" --once >"$T/out" 2>"$T/err"
if [ $? -eq 4 ] && grep -q "restored from an older backup" "$T/err"; then ok
else not_ok "a hall behind the centre is told apart (exit 4)"; fi
run --config "$T/hall0.ini" region status
if [ "$rc" -eq 2 ] && grep -q "akmola-akkol-district .*restored from an older backup" "$T/out"
then ok; else not_ok "the region's status names the restored office"; fi
# the administrator lets it try again; its new days reuse the shipped ids
psql_ "UPDATE offices SET problem = '' WHERE office = 'akmola-akkol-district'"
k 0 --now 2026-04-20T10:00 simulate --from 2026-04-01 --to 2026-04-08 --visitors 25 \
	>"$T/out" 2>"$T/err" || not_ok "hall 0 works on after the restore"
"$SYNC" --config "$T/hall0.ini" --once >"$T/out" 2>"$T/err"
if [ $? -eq 4 ] && grep -q "differ from those the centre holds" "$T/err"; then ok
else not_ok "events sent again with other content are refused (exit 4)"; fi
if [ "$(psql_ "SELECT count(*) FROM conflicts")" -gt 0 ]; then ok
else not_ok "the conflicting events are kept for the operator"; fi
run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-03 --csv
if cmp -s "$T/out" "$T/region.csv"; then ok; else not_ok "nothing counted twice"; fi

# the administrator settles it in the hall: first what it would do, then done
run --config "$T/hall0.ini" region settle
moved=$(sed -n 's/.*lost by this hall: \([0-9]*\) events.*/\1/p' "$T/out")
if [ "$rc" -eq 0 ] && [ "${moved:-0}" -gt 0 ] && grep -q "nothing changed" "$T/out"; then ok
else not_ok "region settle says what it would do: $(cat "$T/out" "$T/err")"; fi
"$SYNC" --config "$T/hall0.ini" --once >/dev/null 2>&1
if [ $? -eq 4 ]; then ok; else not_ok "nothing shipped before it is settled"; fi
run --config "$T/hall0.ini" region settle --yes
if [ "$rc" -eq 0 ] && grep -q "^settled: the centre keeps them" "$T/out"; then ok
else not_ok "region settle --yes: $(cat "$T/out" "$T/err")"; fi
"$SYNC" --config "$T/hall0.ini" --once >"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "kezek-sync ships again after the settlement: $(cat "$T/err")"; fi
run --config "$T/hall0.ini" region status
if [ "$rc" -eq 0 ]; then ok; else not_ok "no problem left: $(cat "$T/out")"; fi
# nothing lost, nothing twice: the centre has the hall's log and what it alone kept
hall_events=$(sqlite3 "$T/hall0.db" "SELECT count(*) FROM events")
centre_events=$(psql_ "SELECT count(*) FROM events WHERE office = 'akmola-akkol-district'")
if [ "$centre_events" -eq $((hall_events + moved)) ]; then ok
else not_ok "the centre's events: $centre_events, not $hall_events + $moved"; fi
run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-03 --csv
if diff <(grep -v '^app4' "$T/out") <(grep -v '^app4' "$T/region.csv") >/dev/null; then ok
else not_ok "March kept whole at the centre after the settlement"; fi
k 0 --now 2026-04-20T10:00 report 2026-04 --csv | grep -v '^app4' >"$T/hall0-april.csv"
run --config "$T/hall0.ini" --now 2026-04-20T10:00 region report 2026-04 \
	--offices akmola-akkol-district --csv
if [ "$(grep -c ,akmola-akkol-district "$T/hall0-april.csv")" -gt 20 ] &&
	diff <(grep ',akmola-akkol-district.$' "$T/out" | grep -v '^app4') \
		<(grep ',akmola-akkol-district.$' "$T/hall0-april.csv") >"$T/diff"; then ok
else not_ok "the restored hall's April at the centre as in the hall: $(head "$T/diff")"; fi
finish
