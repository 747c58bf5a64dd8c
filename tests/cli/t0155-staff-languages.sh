#!/bin/bash
# t0155: what staff read in Kazakh or Russian has no English word in it and
# no letter cut in half: every listing, the calendar, the report's tables, a
# ticket and the clerk's console, over a hall filled with a simulated day;
# and the printed papers' text (receipt, notice, refusal, talon, the report),
# read back from their A4 PDFs.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
if ! command -v pdftotext >/dev/null; then echo "pdftotext (poppler-utils) is needed"; exit 1; fi
sed -i "s#^address = .*/var/a4-1#address = $T/a4#" "$T/hall.ini"

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

# pdf_text FILE...: the PDFs' text into $T/out, web and e-mail addresses
# left out (Latin by nature)
pdf_text() {
	local f
	for f in "$@"; do pdftotext -enc UTF-8 "$f" -; done |
		sed -E 's#[^[:space:]]*@[^[:space:]]*##g; s#www\.[^[:space:]]*##g' >"$T/out"
}
input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 123 45 67" \
	"address: г. Кокшетау, ул. Абая, 1" "plot: г. Кокшетау, ул. Ленина, 5"
input "$T/reason" "reason: Площадь участка в акте расходится с идентификационным документом"
input "$T/complaint" "name: Сейтова Гүлнар" "text: Долго ждала" "contact: +7 701 000 00 00"
open_counter 1 "Серікбаев Ерлан Нұрланұлы"
for lang in kk ru; do
	check 0 "report tables --lang $lang" report 2026-03-19 --lang "$lang"
	expect 0 "report PDF in $lang" report 2026-03-19 --lang "$lang" --pdf "$T/report-$lang.pdf"
	pdf_text "$T/report-$lang.pdf"
	if words "the report's PDF in $lang" >"$T/why"; then ok; else not_ok "$(cat "$T/why")"; fi
	# a notice (suspended), then a receipt, a refusal and a complaint's talon
	rm -rf "$T/a4"
	expect_in 2 "suspended in $lang" "$T/person" accept 1 --docs application,id_copy,act \
		--print a4-1 --lang "$lang"
	expect_in 0 "accepted in $lang" "$T/person" accept 1 \
		--docs application,id_copy,act,conclusion --print a4-1 --lang "$lang"
	expect_in 0 "refused in $lang" "$T/reason" decide "$(head -1 "$T/out")" reject \
		--print a4-1 --lang "$lang"
	expect_in 0 "a complaint in $lang" "$T/complaint" complaint add 1 --channel in_person \
		--kind service --print a4-1 --lang "$lang"
	"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --once >"$T/out" 2>"$T/err"
	pdf_text "$T"/a4/*.pdf
	if [ "$(ls "$T"/a4/*.pdf | wc -l)" -eq 4 ]; then ok; else not_ok "4 papers in $lang"; fi
	if words "the papers in $lang" >"$T/why"; then ok; else not_ok "$(cat "$T/why")"; fi
done

# a long name is cut on a whole letter, with the column after it in place
run applications --lang kk
if grep -q '…[^ ]' "$T/out"; then not_ok "a cut cell runs into the next column"; else ok; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
