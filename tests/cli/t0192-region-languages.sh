#!/bin/bash
# t0192: the region's report and status in the staff's Kazakh and Russian,
# every word from the catalogues, and the region's report as an A4 PDF in
# both languages: the offices' table after the first page, App. 4 and the
# registers across offices, every page rendered to PNG (screens/) to be
# looked at.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg.sh"
SYNC=${KEZEK_SYNC:?set KEZEK_SYNC to the kezek-sync binary}
SCREENS=$(dirname "${KEZEK_LOCALE:?set KEZEK_LOCALE to the locale folder of the build}")/screens
mkdir -p "$SCREENS"
unset KEZEK_DB KEZEK_NOW
offices=(akmola-akkol-district akmola-esil-district)

pg_start || { not_ok "a private PostgreSQL starts"; finish; exit 1; }
for i in 0 1; do
	sed "s|^office = .*|office = ${offices[$i]}|; s|^database = .*|database = $T/hall$i.db|;
		/^\[region\]/,\$ { s|^batch = .*|batch = 500\ncentre = $CENTRE| }" \
		"$T/hall.ini" >"$T/hall$i.ini"
	"$KEZEK" --config "$T/hall$i.ini" --now 2026-03-02T08:00 init >/dev/null 2>&1
	"$KEZEK" --config "$T/hall$i.ini" --now 2026-03-20T10:00 simulate --from 2026-03-02 \
		--to 2026-03-13 --visitors $((30 + 15 * i)) >"$T/out" 2>"$T/err" ||
		not_ok "hall $i's days"
	"$SYNC" --config "$T/hall$i.ini" --once >"$T/out" 2>"$T/err" || not_ok "hall $i shipped"
done
r() { "$KEZEK" --config "$T/hall0.ini" --now 2026-03-20T10:00 "$@" >"$T/out" 2>"$T/err"; rc=$?; }

# the terminal: no English word the staff would read
english='OFFICE|REGION|VISITORS|SERVED|WITHIN|BUSIEST|APPLICATIONS|COMPLAINTS|offices|visitors|served|PROBLEM|EVENTS'
for lang in kk ru; do
	KEZEK_LANG=$lang r region report 2026-03
	if [ "$rc" -eq 0 ] && ! grep -Eqw "$english" "$T/out"; then ok
	else not_ok "region report in $lang: $(grep -Ew "$english" "$T/out" | head -3)"; fi
	KEZEK_LANG=$lang r region status
	if [ "$rc" -eq 0 ] && ! grep -Eqw "$english" "$T/out"; then ok
	else not_ok "region status in $lang"; fi
	KEZEK_LANG=$lang r region settle
	if [ "$rc" -eq 0 ] && ! grep -Eqw "nothing|settle|agree" "$T/out"; then ok
	else not_ok "region settle in $lang"; fi
done
KEZEK_LANG=kk r region report 2026-03
has() { if grep -q "$2" "$T/$1"; then ok; else not_ok "$3"; fi; }
has out "ОБЛЫС ЕСЕБІ 2026-03-01 – 2026-03-31  бөлімдер: 2" "the Kazakh heading"
KEZEK_LANG=ru r region status
has out "отделов: 2, с проблемой: 0" "the Russian status"

# the PDF in both languages
for lang in kk ru; do
	r region report 2026-03 --pdf "$SCREENS/region-report-$lang.pdf" --lang "$lang"
	if [ "$rc" -eq 0 ] && [ -s "$SCREENS/region-report-$lang.pdf" ]; then ok
	else not_ok "the region's PDF in $lang"; fi
	pages=$(pdfinfo "$SCREENS/region-report-$lang.pdf" | sed -n 's/^Pages: *//p')
	if [ "${pages:-0}" -ge 4 ]; then ok; else not_ok "$lang: $pages pages"; fi
	pdftotext -layout -enc UTF-8 "$SCREENS/region-report-$lang.pdf" "$T/$lang.txt"
	rm -f "$SCREENS/region-report-$lang"-*.png
	pdftoppm -png -r 60 "$SCREENS/region-report-$lang.pdf" "$SCREENS/region-report-$lang"
	if [ "$(ls "$SCREENS/region-report-$lang"-*.png | wc -l)" -eq "$pages" ]; then ok
	else not_ok "every page of the $lang PDF rendered"; fi
	if ! grep -Eqw "Report|Office|Offices|Visitors|Served|Applications|Complaints|Total" "$T/$lang.txt"
	then ok; else not_ok "no English in the $lang PDF"; fi
done
has kk.txt "Облыстың жер қатынастары бөлімдері: 2" "the Kazakh PDF's heading"
has ru.txt "Отделы земельных отношений региона: 2" "the Russian PDF's heading"
has ru.txt "Отделы по доле ожиданий в пределах нормы" "the Russian offices' table"
# the offices' rows: both offices' names, each its visitors
for i in 0 1; do
	v=$("$KEZEK" --config "$T/hall$i.ini" --now 2026-03-20T10:00 report 2026-03 |
		sed -n 's/^visitors \([0-9]*\);.*/\1/p')
	if grep -E "^ *$((i == 0 ? 2 : 1)) .* $v " "$T/ru.txt" >/dev/null ||
		grep -E " $v +[0-9]+ " "$T/ru.txt" >/dev/null; then ok
	else not_ok "office $i's $v visitors in the offices' table"; fi
done
finish
