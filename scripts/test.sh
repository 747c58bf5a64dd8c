#!/bin/bash
# test.sh - install what is missing, build, and run the whole test suite:
# once in a normal build (warnings are errors) and once under
# AddressSanitizer and UndefinedBehaviorSanitizer; then the package is
# built, installed, upgraded and purged on this machine.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
kezek_install_deps
kezek_install_npm

jobs=$(nproc)
total_passed=0
total_failed=0

# The booted system's root (scripts/test-boot.sh) is fetched from Debian's
# mirror meanwhile: it needs the network, hardly the processors.
boot_root=""
boot_prep=""
if [ "$(id -u)" -eq 0 ] && command -v debootstrap >/dev/null && command -v systemd-nspawn >/dev/null; then
	boot_root=$(mktemp -d "${TMPDIR:-/tmp}/kezek-boot-XXXXXX")
	bash scripts/test-boot.sh prepare "$boot_root/root" >"$boot_root/prepare.log" 2>&1 &
	boot_prep=$!
fi
cleanup_boot() {
	[ -n "$boot_prep" ] && kill "$boot_prep" 2>/dev/null
	[ -n "$boot_root" ] && rm -rf "$boot_root"
}
trap cleanup_boot EXIT

run_suite() {
	local dir=$1 log
	shift
	cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKEZEK_WERROR=ON "$@" >/dev/null
	cmake --build "$dir" -j "$jobs" >/dev/null
	log=$(mktemp)
	set +e
	# a test that hangs is stopped after 10 minutes (the slowest takes under
	# 3 under the sanitizers), not left to hold the whole run
	(cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 600) | tee "$log"
	set -e
	count "$log" "$dir"
}

# count LOG WHAT: add the ctest summary in LOG to the totals
count() {
	local log=$1 dir=$2
	local summary
	summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
	rm -f "$log"
	[ -n "$summary" ] || { echo "kezek: no test summary from $dir"; total_failed=$((total_failed + 1)); return; }
	local failed all
	failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
	all=$(echo "$summary" | sed -E 's/.* tests failed out of ([0-9]+).*/\1/')
	total_passed=$((total_passed + all - failed))
	total_failed=$((total_failed + failed))
}

echo "== normal build"
run_suite build
echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	run_suite build-sanitize -DKEZEK_SANITIZE=ON

echo "== coverage-guided fuzzing (clang, libFuzzer), seconds per harness"
log=$(mktemp)
set +e
KEZEK_FUZZ_SECONDS=${KEZEK_FUZZ_SECONDS:-10} bash scripts/fuzz.sh | tee "$log"
set -e
count "$log" build-fuzz

echo "== the package as installed (scripts/test-installed.sh)"
set +e
bash scripts/test-installed.sh
rc=$?
set -e
case $rc in
0) total_passed=$((total_passed + 1)) ;;
77) echo "skipped: the package's install test needs root or sudo" ;;
*) total_failed=$((total_failed + 1)) ;;
esac

echo "== the package booted with systemd (scripts/test-boot.sh)"
if [ -n "$boot_prep" ]; then
	set +e
	wait "$boot_prep"
	prep=$?
	boot_prep=""
	deb=$(ls -t build-deb/kezek_*.deb 2>/dev/null | head -1)
	if [ "$prep" -ne 0 ]; then
		tail -5 "$boot_root/prepare.log"
		echo "kezek: the booted system's root could not be made"
		total_failed=$((total_failed + 1))
	elif [ -z "$deb" ]; then
		echo "kezek: no package was built to boot with"
		total_failed=$((total_failed + 1))
	else
		bash scripts/test-boot.sh run "$boot_root/root" "$deb"
		case $? in
		0) total_passed=$((total_passed + 1)) ;;
		77) echo "skipped: systemd cannot boot a container on this machine" ;;
		*) total_failed=$((total_failed + 1)) ;;
		esac
	fi
	set -e
else
	echo "skipped: the boot test needs root, debootstrap and systemd-nspawn"
fi

echo "tests: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
