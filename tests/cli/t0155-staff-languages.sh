#!/bin/bash
# t0155: what staff read in Kazakh or Russian has no English word in it and
# no letter cut in half: every listing, the calendar, a ticket and the
# clerk's console, over a hall filled with a simulated day.
. "$(dirname "$0")/lib.sh"

expect 0 "kezek init" init
expect 0 "a simulated day to list" simulate --day 2026-03-19 --seed 7
run applications --csv
number=$(sed -n '2s/,.*//p' "$T/out")

# words: every output in $T/out is valid UTF-8 and has no Latin word of 3
# letters or more beyond the allowed: codes a clerk types, IIN/BIN, the
# command's own name and file names
words() {
	python3 - "$T/out" "$1" <<'PY'
import re, sys
raw = open(sys.argv[1], 'rb').read()
try:
    text = raw.decode('utf-8')
except UnicodeDecodeError as e:
    print(f"{sys.argv[2]}: a UTF-8 sequence cut in half at byte {e.start}")
    sys.exit(1)
allowed = {'IIN', 'BIN', 'PDF', 'CSV', 'kezek', 'Kezek', 'config', 'holidays', 'ini',
           'in_person', 'post', 'email', 'individual', 'legal', 'result', 'service',
           'application', 'id_copy', 'act', 'conclusion', 'counter', 'close'}
bad = sorted({w for w in re.findall(r'[A-Za-z_]{3,}', text) if w not in allowed})
if bad:
    print(f"{sys.argv[2]}: English words {bad}")
    sys.exit(1)
PY
}

# check CODE what ARGS...: run with the code expected, then look at the words
check() {
	local code=$1 what=$2
	shift 2
	expect "$code" "$what" "$@"
	if words "$what" >"$T/why"; then ok; else not_ok "$(cat "$T/why")"; fi
}

printf '2468\n' >"$T/pin"
expect 0 "a clerk's PIN" clerk pin "Ахметова Айгүл Серікқызы" --position "Бас маман" <"$T/pin"

for lang in kk ru; do
	check 0 "status --lang $lang" status --lang "$lang"
	check 0 "calendar --lang $lang" calendar 2026-03 --lang "$lang"
	check 4 "calendar due on 2028 --lang $lang" calendar due 2028-03-01 --lang "$lang"
	check 0 "calendar now --lang $lang" calendar now --lang "$lang"
	check 0 "applications --lang $lang" applications --lang "$lang"
	check 0 "one application --lang $lang" applications "$number" --lang "$lang"
	check 0 "complaints --lang $lang" complaints --lang "$lang"
	KEZEK_LANG=$lang check 0 "ticket in $lang" ticket A
	printf 'Ахметова Айгүл Серікқызы\n2468\nn\nf\nz\nq\n' >"$T/keys"
	KEZEK_LANG=$lang "$KEZEK" console 2 <"$T/keys" >"$T/out" 2>"$T/err"
	cat "$T/err" >>"$T/out"
	if words "console in $lang" >"$T/why"; then ok; else not_ok "$(cat "$T/why")"; fi
done

# a long name is cut on a whole letter, with the column after it in place
run applications --lang kk
if grep -q '…[^ ]' "$T/out"; then not_ok "a cut cell runs into the next column"; else ok; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
