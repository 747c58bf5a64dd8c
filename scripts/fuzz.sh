#!/bin/bash
# fuzz.sh [--fuzz-minutes N] - coverage-guided fuzzing of every file Kezek
# reads and of the ESC/POS decoder, with clang's libFuzzer, in a build of
# its own (build-fuzz).  The test suite runs it for seconds per harness;
# run it longer by hand before a release.
set -eu
cd "$(dirname "$0")/.."
seconds=${KEZEK_FUZZ_SECONDS:-10}
if [ "${1:-}" = "--fuzz-minutes" ]; then
	seconds=$(( ${2:?--fuzz-minutes needs a number} * 60 ))
fi
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
	-DKEZEK_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target libfuzzers >/dev/null
cd build-fuzz
KEZEK_FUZZ_SECONDS=$seconds ctest -L libfuzzer --output-on-failure --timeout $((seconds + 300))
