# lib.sh - what the numbered CLI tests share.  Each test runs in a fresh
# temporary hall (its own configuration and database) standing at a fixed
# moment, and ends with "N passed, N failed".  Never pipe the program under
# test: a pipe hides its exit code.
set -u

KEZEK=${KEZEK_BIN:?set KEZEK_BIN to the kezek binary}
SRC=${KEZEK_SOURCE:?set KEZEK_SOURCE to the source tree}
T=$(mktemp -d "${TMPDIR:-/tmp}/kezek-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
cp -r "$SRC/config/." "$T/"
# the printers' files and folders (../var/ beside the source tree's
# configuration) in the test's own folder, never one that other tests share
sed -i "s|= \.\./var/|= $T/var/|" "$T/hall.ini"
mkdir -p "$T/var"
# the staff language "en" keeps the source strings the tests were written against;
# t0155 checks what kk and ru staff read
export KEZEK_CONFIG="$T/hall.ini" KEZEK_DB="$T/hall.db" KEZEK_NOW=2026-03-20T10:00 KEZEK_LANG=en
unset TZ
cd "$T" || exit 1

passed=0
failed=0
rc=0

ok() { passed=$((passed + 1)); }
not_ok() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
	echo "--- stdout:" >&2; cat "$T/out" >&2
	echo "--- stderr:" >&2; cat "$T/err" >&2
}

# wait_for WHAT CMD...: run CMD every 0.05 s until it succeeds, for the
# state a test needs (a screen, a row, a file), never a guessed pause;
# WAIT_SECONDS (default 60: a machine at load 30 is slow) at most, then
# not_ok WHAT and return 1.
wait_for() {
	local what=$1 end=$((SECONDS + ${WAIT_SECONDS:-60}))
	shift
	until "$@"; do
		if [ "$SECONDS" -ge "$end" ]; then
			not_ok "$what (gave up after ${WAIT_SECONDS:-60} s)"
			return 1
		fi
		sleep 0.05
	done
}

# start_private_x W H: a private X server of W x H pixels that picks a
# free display number itself and says it once it takes clients (Xvfb
# -displayfd): two tests never pick the same number, and nobody connects
# to a socket the last server left behind; DISPLAY set, its pid in XVFB_PID
XVFB_STARTED=0
start_private_x() {
	XVFB_STARTED=$((XVFB_STARTED + 1))
	local said="$T/xvfb$XVFB_STARTED.display" log="$T/xvfb$XVFB_STARTED.log"
	Xvfb -displayfd 3 -screen 0 "${1}x${2}x24" -nolisten tcp 3>"$said" >"$log" 2>&1 &
	XVFB_PID=$!
	x_said() { grep -q '^[0-9][0-9]*$' "$said" 2>/dev/null; }
	wait_for "Xvfb starts and says its display" x_said || { cat "$log" >&2; return 1; }
	export DISPLAY=":$(head -n 1 "$said")"
}

# x_full_screen WIN W H: X window WIN is mapped, viewable and covers the
# W x H screen from its top left corner (a click before that lands on the
# bare screen, or on the wrong spot of a window still being placed)
x_full_screen() {
	[ -n "$1" ] && xwininfo -id "$1" >"$T/xwininfo" 2>/dev/null &&
		grep -q 'Map State: IsViewable' "$T/xwininfo" &&
		grep -q "Width: $2\$" "$T/xwininfo" && grep -q "Height: $3\$" "$T/xwininfo" &&
		grep -q 'Absolute upper-left X:  0$' "$T/xwininfo" &&
		grep -q 'Absolute upper-left Y:  0$' "$T/xwininfo"
}

# png_size FILE W H: FILE is a PNG image of W x H pixels (its signature
# and IHDR header say so): a frame of another size, or not a PNG at all,
# is not taken for the one a test waits for
png_size() {
	python3 -c 'import struct,sys
d = open(sys.argv[1], "rb").read(24)
sys.exit(d[:8] != b"\x89PNG\r\n\x1a\n" or d[12:16] != b"IHDR" or
	struct.unpack(">II", d[16:24]) != (int(sys.argv[2]), int(sys.argv[3])))' "$1" "$2" "$3" 2>/dev/null
}

# run CMD...: run kezek with the arguments; output in $T/out, $T/err, code in $rc
run() { "$KEZEK" "$@" >"$T/out" 2>"$T/err"; rc=$?; }

# expect CODE what CMD...: run kezek, expect exit CODE
expect() {
	local code=$1 what=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$code" ]; then ok; else not_ok "$what: exit $rc, expected $code"; fi
}

# expect_in CODE what FILE CMD...: as expect, with FILE on kezek's standard
# input: personal data is given there, never in the arguments
expect_in() {
	local code=$1 what=$2 input=$3
	shift 3
	"$KEZEK" "$@" <"$input" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$code" ]; then ok; else not_ok "$what: exit $rc, expected $code"; fi
}

# input FILE LINE...: write the lines ("key: value") to FILE, for expect_in
input() {
	local file=$1
	shift
	printf '%s\n' "$@" >"$file"
}

# first_line TEXT what: the first line of stdout is exactly TEXT
first_line() {
	local got
	got=$(head -n 1 "$T/out")
	if [ "$got" = "$1" ]; then ok; else not_ok "$2: first line '$got', expected '$1'"; fi
}

# has FILE TEXT what: FILE (out or err) contains TEXT
has() {
	if grep -qF -- "$2" "$T/$1"; then ok; else not_ok "$3: $1 lacks '$2'"; fi
}

# lacks FILE TEXT what
lacks() {
	if grep -qF -- "$2" "$T/$1"; then not_ok "$3: $1 has '$2'"; else ok; fi
}

# one_line_error what: stderr is exactly one line starting "kezek"
one_line_error() {
	if [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q '^kezek' "$T/err"; then ok
	else not_ok "$1: stderr is not one 'kezek...' line"; fi
}

# drop_section NAME: remove [NAME] and its keys from the test's hall.ini, to
# give it anew (a section given twice is refused)
drop_section() {
	awk -v s="[$1]" '/^\[/ { skip = ($0 == s) } !skip' "$T/hall.ini" >"$T/hall.ini.new" &&
		mv "$T/hall.ini.new" "$T/hall.ini"
}

open_counter() { expect 0 "open counter $1" counter open "$1" --clerk "$2" --position "Бас маман"; }

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# no_english FILE what [RUN [--spaced]]: FILE (out or err), which a person
# reads in Kazakh or Russian, holds no English sentence: RUN Latin words in
# a row (3 unless told; --spaced: joined by single spaces, as in a help
# text) once typed commands, options and codes are taken out (english.py)
no_english() {
	if python3 "$SRC/tests/cli/english.py" "$T/$1" ${3:+--run "$3"} ${4:+"$4"} >"$T/why"; then ok
	else not_ok "$2: $(cat "$T/why")"; fi
}
