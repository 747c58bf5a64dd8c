#!/bin/bash
# kezek-display as a program: help, usage errors, a missing database, and
# snapshots of its frames on a machine with no screen.
. "$(dirname "$0")/lib.sh"

DISPLAY_BIN="$(dirname "$KEZEK")/kezek-display"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy SDL_VIDEO_EGL_DRIVER=none

drun() { "$DISPLAY_BIN" --fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
dexpect() {
	local code=$1 what=$2
	shift 2
	drun "$@"
	if [ "$rc" -eq "$code" ]; then ok; else not_ok "$what: exit $rc, expected $code"; fi
}

dexpect 0 "help" --help
has out "usage: kezek-display" "usage shown"
dexpect 1 "bad size" --size huge
has err "--size 'huge'" "bad size named"
dexpect 1 "unknown option" --colour
printf '[hall]\nname_kk = a\n' >"$T/bad.ini"
dexpect 3 "malformed configuration" --config "$T/bad.ini"
has err "bad.ini" "configuration named"
dexpect 1 "bad --now" --now 2026-02-30T10:00
# No database yet: the board still comes up, saying the connection is lost.
dexpect 0 "no database" --now 2026-03-20T10:00 --size 1366x768 --exit-after 0.3 --snapshot "$T/lost.png"
if [ -s "$T/lost.png" ]; then ok; else not_ok "no snapshot without a database"; fi
expect 0 "init" init
expect 0 "ticket" ticket A
dexpect 0 "a frame" --now 2026-03-20T10:05 --size 1080x1920 --exit-after 0.3 --snapshot "$T/board.png"
if [ "$(head -c 8 "$T/board.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then ok
else not_ok "the snapshot is not a PNG"; fi
lacks err "no holiday data" "no warning in March"
# From 1 November the board's log says, once a day, that next year has no
# holiday file (2028 has none; 2027's is there)
dexpect 0 "November 2027" --now 2027-11-02T10:05 --size 1366x768 --exit-after 0.3
has err "2027-11-02: warning: there is no holiday data for next year, 2028" "next year missing"
if [ "$(grep -c "no holiday data" "$T/err")" -eq 1 ]; then ok; else not_ok "said once a day"; fi
dexpect 0 "November 2026" --now 2026-11-02T10:05 --size 1366x768 --exit-after 0.3
lacks err "no holiday data" "2027's file is there"
finish
