#!/bin/bash
# libfuzzer.sh HARNESS CORPUS - run one libFuzzer harness for
# KEZEK_FUZZ_SECONDS (default 10) over a scratch copy of its corpus (the
# tree's corpus, seeds and regression cases, is read, never written).  A
# crash fails the test and is kept beside the build with what to do next.
set -u
harness=$1 corpus=$2
seconds=${KEZEK_FUZZ_SECONDS:-10}
name=$(basename "$harness")
work=$(mktemp -d "${TMPDIR:-/tmp}/kezek-lf-XXXXXX")
trap 'rm -rf "$work"' EXIT
found="$(dirname "$harness")/fuzz-findings/$name"
mkdir -p "$found" "$work/corpus"
"$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$found/" "$work/corpus" "$corpus" >"$work/log" 2>&1
rc=$?
grep -E '^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ +DONE)' "$work/log"
if [ "$rc" -ne 0 ]; then
	tail -n 40 "$work/log"
	echo "libfuzzer: $name found a fault (kept in $found); fix it, then add the input to"
	echo "  $corpus as a regression case"
	exit 1
fi
echo "libfuzzer: $name ran ${seconds}s with no finding"
