#!/bin/bash
# hall.sh - install what is missing, build, and run the hall on its
# embedded default: the database named in config/hall.ini (var/hall.db),
# created if it is not there.  Until the kiosk and the display exist, the
# hall's day is a script of visitors and clerks driven through `kezek`.
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
kezek_install_deps

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
export KEZEK_CONFIG=${KEZEK_CONFIG:-config/hall.ini}
exec bash scripts/demo-day.sh build/kezek "$@"
