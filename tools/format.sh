#!/bin/bash
# format.sh - apply .clang-format to every C file of the tree, or, with
# --check, list the files that differ from it and exit 1 (the test
# style/format runs that).
set -eu
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build*')
if [ "${1:-}" = "--check" ]; then
	# one run for the whole tree; only on a difference, name the files
	echo "$files" | xargs clang-format --dry-run --Werror >/dev/null 2>&1 && exit 0
	bad=0
	for f in $files; do
		if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
			echo "format: $f differs from .clang-format; run tools/format.sh"
			bad=1
		fi
	done
	exit $bad
fi
echo "$files" | xargs clang-format -i
