#!/bin/bash
# bench-help.sh BENCHMARK... - every benchmark answers --help and -h with
# its usage naming --quick on stdout and exit 0, and refuses an unknown
# option with one line on stderr and exit 1.
set -u
fail=0
for bench in "$@"; do
	name=$(basename "$bench")
	for opt in --help -h; do
		if ! out=$("$bench" "$opt" 2>/dev/null); then
			echo "FAIL: $name $opt exits non-zero"
			fail=1
		elif ! grep -q -- '--quick' <<<"$out"; then
			echo "FAIL: $name $opt does not name --quick"
			fail=1
		fi
	done
	err=$("$bench" --no-such-option 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -ne 1 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ] ||
		! grep -q -- '--help' <<<"$err"; then
		echo "FAIL: $name --no-such-option: exit $rc, said: $err"
		fail=1
	fi
	[ "$fail" -eq 0 ] && echo "ok: $name"
done
exit $fail
