#!/bin/bash
# The talon of p.25 printed through kezek-printd: as PDF into the a4
# folder printer, read back with pdftotext in Kazakh and Russian, every
# field the standard asks for; on a thermal printer as ESC/POS; and a
# hall whose office is not in the directory is told so.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
sed -i "s#^address = .*/var/a4-1#address = $T/a4#" "$T/hall.ini"
cat >>"$T/hall.ini" <<INI

[printer thermal]
role = receipts
transport = device
address = $T/thermal.bin
paper = 80
INI
: >"$T/thermal.bin"

# "tel. X" etc. from this office's rows of App. 1 and App. 5
field() { # field FILE COLUMN: the column of this office's row
	python3 - "$T/$1" "$2" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["key"] == "akmola-kokshetau-city":
        print(row[sys.argv[2]])
PY
}
ini() { sed -n "s/^$1 = //p" "$T/hall.ini"; }

# the text of a PDF with every run of white space (NBSP too) one space
pdf_text() { pdftotext "$1" - | sed 's/\xc2\xa0/ /g' | tr -s ' \n\t' '   '; }
# pdf_has TEXT what: the talon's text holds TEXT
pdf_has() {
	if grep -qF -- "$1" "$T/talon.txt"; then ok; else not_ok "$2: talon lacks '$1'"; fi
}

expect 0 "init" init
open_counter 3 "Иванова Мария Петровна"
input "$T/seitkali" "name: Сейтқали Ержан" "contact: Көкшетау, Абай көшесі 1" "text: бағалау"
expect_in 0 "complaint with a Russian talon" "$T/seitkali" complaint add 3 --channel post \
	--kind result --print a4-1 --lang ru
has out "talon       job 1 on a4-1" "talon queued"
input "$T/petrov" "name: Петров Пётр" "text: грубость"
expect_in 0 "complaint with a Kazakh talon" "$T/petrov" complaint add 3 --channel in_person \
	--kind service --days 15 --print a4-1
has out "talon       job 2 on a4-1" "talon queued"
input "$T/kim" "name: Ким Ольга" "text: очередь"
expect_in 0 "and one on the thermal printer" "$T/kim" complaint add 3 --channel in_person \
	--kind service --print thermal --lang kk
"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --once >"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "kezek-printd a4-1"; fi
"$PRINTD" --printer thermal --fonts "$SRC/assets/fonts" --once >"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "kezek-printd thermal"; fi
expect 0 "print status" print status
has out "talon   ru  done" "the Russian talon printed"
has out "talon   kk  done" "the Kazakh talon printed"
lacks out "failed" "nothing failed"
if [ "$(head -c 2 "$T/thermal.bin" | od -An -tx1 | tr -d ' \n')" = 1b40 ] &&
	[ "$(stat -c %s "$T/thermal.bin")" -gt 10000 ]; then ok
else not_ok "the thermal printer got no ESC/POS raster"; fi

official_ru=$(field offices.csv official)
phones=$(field offices.csv phones)
address_ru=$(field offices.csv address)
akimat_ru=$(field akimats.csv name)
akimat_official_ru=$(field akimats.csv official)
akimat_phones=$(field akimats.csv phones)
akimat_email=$(field akimats.csv emails)

ru=$(ls "$T"/a4/*-000001-talon-ru.pdf 2>/dev/null)
if [ -f "$ru" ]; then ok; else not_ok "no Russian talon PDF in $T/a4"; fi
pdf_text "$ru" >"$T/talon.txt"
pdf_has "Талон о регистрации жалобы" "title"
pdf_has "$(field offices.csv name)" "the office"
pdf_has "Жалоба № 2026-C-0001" "number"
pdf_has "Дата и время регистрации: 20.03.2026 10:00" "date and time"
pdf_has "Жалобу принял(а): Иванова М. П." "surname and initials of who took it"
pdf_has "Срок ответа: до 20.04.2026 (30 календарных дней)" "when the answer is due"
pdf_has "Место получения ответа: $address_ru" "where the answer is given"
pdf_has "$official_ru, $(field offices.csv name)" "the office's official (App. 1)"
pdf_has "тел. $phones" "the office's phones"
pdf_has "$akimat_official_ru, $akimat_ru" "the App. 5 body"
pdf_has "тел. $akimat_phones" "its phones"
pdf_has "эл. почта: $akimat_email" "its e-mail"

kk=$(ls "$T"/a4/*-000002-talon-kk.pdf 2>/dev/null)
if [ -f "$kk" ]; then ok; else not_ok "no Kazakh talon PDF in $T/a4"; fi
pdf_text "$kk" >"$T/talon.txt"
pdf_has "Талон шағымды тіркеу туралы" "title"
pdf_has "$(ini name_kk | tail -n 1)" "the office"
pdf_has "Шағым № 2026-C-0002" "number"
pdf_has "Тіркелген күні мен уақыты: 20.03.2026 10:00" "date and time"
pdf_has "Шағымды қабылдаған: Иванова М. П." "surname and initials of who took it"
pdf_has "Жауап беру мерзімі: 06.04.2026 ж. дейін (15 күнтізбелік күн)" "when the answer is due"
pdf_has "Жауапты алу орны: $(ini address_kk)" "where the answer is given"
pdf_has "$(ini official_kk), $(ini name_kk | tail -n 1)" "the office's official (App. 1)"
pdf_has "тел. $phones" "the office's phones"
pdf_has "$(ini akimat_official_kk), $(ini akimat_name_kk)" "the App. 5 body"
pdf_has "тел. $akimat_phones" "its phones"
pdf_has "эл. пошта: $akimat_email" "its e-mail"

# a reprint prints the same complaint
expect 0 "reprint" print reprint 1
"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1
pdf_text "$(ls "$T"/a4/*-000004-talon-ru.pdf)" >"$T/talon.txt"
pdf_has "Жалоба № 2026-C-0001" "the reprint's number"

# an office that is not in the directory: the job fails, saying why
sed -i 's/^office = .*/office = nowhere-at-all/' "$T/hall.ini"
expect_in 0 "a talon for an unknown office" "$T/kim" complaint add 3 --channel in_person \
	--kind service --print a4-1
"$PRINTD" --printer a4-1 --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1
expect 0 "print status" print status
has out "'nowhere-at-all' is not a key" "why the talon failed"
finish
