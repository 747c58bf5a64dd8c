#!/bin/bash
# hall.sh - install what is missing, build, and run the hall on its
# embedded default: the database named in config/hall.ini (var/hall.db),
# created if it is not there, its printers, the hall board and the kiosk
# (scripts/run-hall.sh; with no screen, a scripted day and screenshots).
set -eu
cd "$(dirname "$0")/.."
. scripts/deps.sh
kezek_install_deps

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
export KEZEK_CONFIG=${KEZEK_CONFIG:-config/hall.ini}
exec bash scripts/run-hall.sh build
