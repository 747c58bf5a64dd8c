#!/bin/bash
# region_bench.sh - figures, never a pass or fail: how fast halls' event
# logs are shipped to the region's centre, and how long the region's report
# takes over a year of all its offices.  Starts a private PostgreSQL
# (tests/cli/pg.sh), simulates one hall's year (kezek simulate) and ships
# its event log under each of OFFICES office keys (App. 1) in turn with
# kezek-sync --once, each office's log a separate history at the centre;
# then times kezek region report for the year over all of them (median of
# three), and its A4 PDF once (kept as region-bench.pdf in KEZEK_BENCH_OUT
# when that is set).  Prints the machine's load average beside the figures.
#
#   region_bench.sh [--quick] [OFFICES [VISITORS_A_DAY]]   (40 25)
#
# --quick: 3 offices, 3 days, 10 visitors a day: a check that it works.
set -u
usage() {
	echo "usage: region_bench.sh [--quick] [OFFICES [VISITORS_A_DAY]]"
	echo "Ships a simulated year of one hall under OFFICES office keys (default 40,"
	echo "VISITORS_A_DAY default 25) to a private PostgreSQL through kezek-sync, and"
	echo "times kezek region report for the year over all offices."
	echo "  --quick   3 offices, 3 days at 10 visitors a day: a few seconds"
}
quick=0
args=()
for a in "$@"; do
	case $a in
	--quick) quick=1 ;;
	-h | --help) usage; exit 0 ;;
	-*) echo "region_bench: unknown option '$a'; see --help" >&2; exit 1 ;;
	*) args+=("$a") ;;
	esac
done
KEZEK=${KEZEK_BIN:?set KEZEK_BIN to the kezek binary}
SYNC=${KEZEK_SYNC:?set KEZEK_SYNC to the kezek-sync binary}
SRC=${KEZEK_SOURCE:?set KEZEK_SOURCE to the source tree}
offices=${args[0]:-40}
visitors=${args[1]:-25}
from=2025-01-01 to=2025-12-31 year=2025
if [ "$quick" -eq 1 ]; then
	offices=3 visitors=10 from=2025-03-03 to=2025-03-05
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/region-bench-XXXXXX")
. "$SRC/tests/cli/pg.sh"
unset KEZEK_DB KEZEK_NOW
export KEZEK_LANG=en
cp -r "$SRC/config/." "$T/"
pg_start || { echo "region_bench: PostgreSQL did not start" >&2; exit 1; }
keys=($(awk -F, 'NR > 1 { print $1 }' "$SRC/config/offices.csv" | head -n "$offices"))
[ "${#keys[@]}" -eq "$offices" ] || { echo "region_bench: only ${#keys[@]} offices in App. 1" >&2; exit 1; }
ini() { # the hall's configuration as office $1
	sed "s|^office = .*|office = $1|; s|^database = .*|database = $T/hall.db|;
		/^\[region\]/,\$ { s|^batch = .*|batch = 500\ncentre = $CENTRE| }" "$T/hall.ini" >"$T/office.ini"
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }

ini "${keys[0]}"
t0=$(now)
"$KEZEK" --config "$T/office.ini" --now 2026-01-20T10:00 simulate --from "$from" --to "$to" \
	--visitors "$visitors" >"$T/sim.log" 2>&1 || { cat "$T/sim.log" >&2; exit 1; }
events=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM events" 2>/dev/null)
printf 'one hall, %s to %s at %s visitors a day: %s events (simulated in %.0f s)\n' \
	"$from" "$to" "$visitors" "$events" "$(since "$t0")"

t0=$(now)
for key in "${keys[@]}"; do
	ini "$key"
	"$SYNC" --config "$T/office.ini" --once 2>>"$T/sync.log" || { cat "$T/sync.log" >&2; exit 1; }
done
secs=$(since "$t0")
held=$(psql_ "SELECT sum(held_id) FROM offices")
places=$(psql_ "SELECT count(*) FROM places")
printf 'shipped: %s offices, %s events (%s places) in %.1f s: %.0f events/s\n' "$offices" "$held" \
	"$places" "$secs" "$(awk -v e="$held" -v s="$secs" 'BEGIN { print e / s }')"
[ "$held" -eq $((events * offices)) ] || { echo "region_bench: the centre holds $held events" >&2; exit 1; }
printf 'with them: %s applications, %s complaints, %s ballots (no personal data)\n' \
	"$(psql_ "SELECT count(*) FROM applications")" "$(psql_ "SELECT count(*) FROM complaints")" \
	"$(psql_ "SELECT count(*) FROM ballots")"

times=()
for run in 1 2 3; do
	t0=$(now)
	"$KEZEK" --config "$T/office.ini" --now 2026-01-20T10:00 region report "${year:-$from}" \
		${year:+} --csv >"$T/region.csv" 2>"$T/err" || { cat "$T/err" >&2; exit 1; }
	times+=("$(since "$t0")")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
rows=$(wc -l <"$T/region.csv")
printf 'region report for %s over all %s offices (each side by side, then together): %.2f s median of 3 (%s CSV rows)\n' \
	"$year" "$offices" "$median" "$rows"
t0=$(now)
"$KEZEK" --config "$T/office.ini" --now 2026-01-20T10:00 region report "${year:-$from}" \
	--pdf "$T/region.pdf" --lang ru >/dev/null 2>"$T/err" || { cat "$T/err" >&2; exit 1; }
secs=$(since "$t0")
printf 'its A4 PDF: %s pages in %.2f s\n' "$(pdfinfo "$T/region.pdf" | sed -n 's/^Pages: *//p')" "$secs"
[ -n "${KEZEK_BENCH_OUT:-}" ] && cp "$T/region.pdf" "$KEZEK_BENCH_OUT/region-bench.pdf"
printf 'load average: %s; %s cores\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
