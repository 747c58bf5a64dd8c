#!/bin/bash
# test-under-load.sh - the whole suite, several times in a row, on a machine
# kept busy by a parallel build of the tree beside it: a test that waits by
# sleeping and hoping fails here first.  Exits 0 only if every run passed.
#
#   scripts/test-under-load.sh [--runs N] [--jobs J] [--build DIR]
#     --runs N    runs of the suite (default 3)
#     --jobs J    ctest's parallel tests (default 2)
#     --build DIR the build to test (default build; configured and built if absent)
# The load: `cmake --build -j4` of the tree in a scratch folder, cleaned and
# built again until the last run ends (or `stress` on 4 CPUs if
# KEZEK_LOAD=stress and it is installed).  Logs: DIR/under-load/.
set -u
cd "$(dirname "$0")/.."
src=$(pwd)
runs=3
jobs=2
build=build

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=${2:?--runs needs a number}; shift 2 ;;
	--jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
	--build) build=${2:?--build needs a folder}; shift 2 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "test-under-load.sh: cannot use '$1'; see --help" >&2; exit 1 ;;
	esac
done
case $runs$jobs in *[!0-9]*) echo "test-under-load.sh: --runs and --jobs are numbers" >&2; exit 1 ;; esac

if [ ! -f "$build/CTestTestfile.cmake" ]; then
	cmake -S . -B "$build" -DKEZEK_WERROR=ON >/dev/null || exit 1
fi
cmake --build "$build" -j2 >/dev/null || { echo "test-under-load.sh: the build failed" >&2; exit 1; }
logs="$build/under-load"
mkdir -p "$logs"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kezek-load-XXXXXX")
load=

stop_load() {
	[ -n "$load" ] && kill -- "-$load" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$scratch"
}
trap stop_load EXIT

# The load, in its own process group so that all of it stops at the end.
if [ "${KEZEK_LOAD:-build}" = stress ] && command -v stress >/dev/null; then
	setsid stress --cpu 4 >/dev/null 2>&1 &
	load=$!
	what="stress --cpu 4"
else
	setsid bash -c '
		while :; do
			rm -rf "$1/b"
			cmake -S "$2" -B "$1/b" >/dev/null 2>&1 && cmake --build "$1/b" -j4 >/dev/null 2>&1
		done' load "$scratch" "$src" </dev/null >/dev/null 2>&1 &
	load=$!
	what="a -j4 build of the tree in $scratch"
fi
echo "load: $what"

failed=0
for i in $(seq 1 "$runs"); do
	start=$SECONDS
	(cd "$build" && ctest -j "$jobs" --timeout 900 --output-on-failure) >"$logs/run$i.log" 2>&1
	rc=$?
	summary=$(grep -E 'tests passed|tests failed' "$logs/run$i.log" | tail -1)
	echo "run $i of $runs: ${summary:-no summary} ($((SECONDS - start)) s; $logs/run$i.log)"
	if [ $rc -ne 0 ]; then
		failed=$((failed + 1))
		grep -E '^ *[0-9]+ - .*\((Failed|Timeout|.*)\)' "$logs/run$i.log"
	fi
done
if [ $failed -eq 0 ]; then
	echo "all $runs runs passed under load"
else
	echo "$failed of $runs runs failed under load"
	exit 1
fi
