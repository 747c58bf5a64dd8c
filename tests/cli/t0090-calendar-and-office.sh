#!/bin/bash
# kezek calendar prints days off marked and named; kezek office shows this
# office and where complaints go, and searches both directories.
. "$(dirname "$0")/lib.sh"

expect 0 "March 2026" calendar 2026-03
has out "March 2026" "month title"
has out " 23* 24* 25* 26 " "Nauryz days off marked in the grid"
has out "  24 Tue  day off for Nauryz meiramy (2026-03-21)" "moved day named (scripts: English)"
# the Law's holidays are named as the Law names them, in the language asked
expect 0 "in Kazakh" calendar 2026-12 --lang kk
has out "  16 Ср  Тәуелсіздік күні" "holiday named in Kazakh"
lacks out "День Независимости" "no Russian in the Kazakh listing"
lacks out "Independence" "no English in the Kazakh listing"
expect 0 "in Russian" calendar 2026-12 --lang ru
has out "День Независимости" "holiday named in Russian"
lacks out "Тәуелсіздік" "no Kazakh in the Russian listing"
expect 0 "May in Kazakh" calendar 2026-05 --lang kk
has out "Қазақстан халқының бірлігі мерекесі" "1 May in Kazakh"
has out "«Жеңіс күні» мерекесі үшін демалыс (2026-05-09)" "9 May moved, in Kazakh"
expect 0 "May in Russian" calendar 2026-05 --lang ru
has out "Праздник единства народа Казахстана" "1 May in Russian"
has out "День защитника Отечества" "7 May in Russian"
has out "выходной за праздник «День Победы» (2026-05-09)" "9 May moved, in Russian"
expect 0 "Kurban Ait in Kazakh" calendar 2026-05 --lang kk
has out "Құрбан айт" "Kurban Ait in Kazakh"
expect 0 "Constitution Day 2027 in Russian" calendar 2027-03 --lang ru
has out "День Конституции Республики Казахстан" "15 March 2027 in Russian"
expect 0 "January 2025" calendar 2025-01
has out "  5+" "the worked Sunday marked"
has out "working day, for the day off on 2025-01-03" "worked Sunday explained"
expect 0 "the whole year" calendar 2026
for m in January February March April May June July August September October November December; do
	has out "$m 2026" "$m in the year"
done
expect 0 "this month by the clock" calendar --now 2026-05-04T10:00
has out "May 2026" "the clock's month"
has out "  11 Mon  day off for Victory Day (2026-05-09)" "9 May moved"
expect 0 "year without data" calendar 2028-01
has out "there is no holiday data for 2028" "missing data said"

# an answer on a year with no holiday file or a provisional one says so, and
# exits 4 (answered, on data not decreed); a decreed year answers plainly
expect 4 "due date on a year without data" calendar due 2028-03-01
first_line "2028-03-06" "the due date is still the first line"
has out "there is no holiday data for 2028" "the due date's warning"
expect 4 "due date on the provisional 2027" calendar due 2027-05-13
has out "the holiday data for 2027 is provisional" "the provisional year's warning"
expect 4 "due date from 2026 into 2027" calendar due 2026-12-30
has out "2027 is provisional" "a due date in the next year rests on its data"
expect 0 "due date on a decreed year" calendar due 2026-12-14
lacks out "warning" "a decreed year gives no warning"
KEZEK_NOW=2028-01-05T10:00 expect 4 "calendar now on a year without data" calendar now
has out "there is no holiday data for 2028" "calendar now's warning"
KEZEK_NOW=2028-01-05T10:00 expect 4 "in Kazakh too" calendar now --lang kk
has out "2028 жылғы мерекелер туралы деректер жоқ" "the warning in Kazakh"
KEZEK_NOW=2028-01-05T10:00 expect 4 "in Russian too" calendar due 2028-01-05 --lang ru
has out "нет данных о праздниках на 2028 год" "the warning in Russian"
# from 1 November, status warns that next year's file is missing
mkdir -p "$T/hol" && cp "$SRC"/config/holidays/202[4-7].ini "$T/hol/"
sed -i 's|^office = |holidays = hol\noffice = |' "$T/hall.ini"
expect 0 "kezek init" init
KEZEK_NOW=2027-10-31T10:00 expect 0 "status in October" status
lacks out "next year" "no warning before November"
KEZEK_NOW=2027-11-01T10:00 expect 0 "status on 1 November" status
has out "there is no holiday data for next year, 2028" "status warns from 1 November"
has out "the holiday data for 2027 is provisional" "and that today rests on provisional data"
# the clerk's console says it too: today's due dates rest on 2027's data
printf '2468\n' >"$T/pin"
expect 0 "a clerk's PIN" clerk pin "Ахметова Айгүл Серікқызы" --position "Бас маман" <"$T/pin"
printf 'Ахметова Айгүл Серікқызы\n2468\nq\n' >"$T/keys"
KEZEK_NOW=2027-05-13T10:00 "$KEZEK" console 2 <"$T/keys" >"$T/out" 2>"$T/err"
has out "the holiday data for 2027 is provisional" "the console's warning"
KEZEK_NOW=2027-05-13T10:00 KEZEK_LANG=kk "$KEZEK" console 2 <"$T/keys" >"$T/out" 2>"$T/err"
has out "2027 жылғы мерекелер туралы деректер алдын ала" "the console's warning in Kazakh"
KEZEK_NOW=2027-11-01T10:00 "$KEZEK" console 2 <"$T/keys" >"$T/out" 2>"$T/err"
has out "there is no holiday data for next year, 2028" "the console warns from 1 November"
expect 0 "due" calendar due 2026-12-14
first_line "2026-12-18" "due date first"
expect 1 "due without date" calendar due
expect 1 "bad date" calendar due 2026-02-30
expect 1 "bad month" calendar 2026-13
expect 0 "now, at lunch" calendar now --now 2026-03-20T13:10
has out "closed: lunch; opens 2026-03-20 14:00" "lunch now"
expect 0 "now, on a holiday" calendar now --now 2026-12-16T10:00
has out "closed: day off (Independence Day); opens 2026-12-17 09:00" "holiday now"
expect 0 "now, on a holiday, in Kazakh" calendar now --now 2026-12-16T10:00 --lang kk
has out "(Тәуелсіздік күні)" "holiday now, in Kazakh"
expect 0 "now, on a holiday, in Russian" calendar now --now 2026-12-16T10:00 --lang ru
has out "(День Независимости)" "holiday now, in Russian"

expect 0 "office show" office show
has out "Отдел земельных отношений города Кокшетау" "this office"
has out "Аппарат акима города Кокшетау" "where complaints go"
has out "Akimat_kokshetay@mail.ru" "their e-mail"
expect 0 "find, any case" office find "зЕРЕНДИНСК"
has out "App.1  akmola-zerendin-district" "found in App. 1"
has out "App.5  akmola-zerendin-district" "found in App. 5"
expect 2 "find nothing" office find "Нарния"
one_line_error "nothing found"
sed -i 's/^office = .*/office = nowhere-district/' "$T/hall.ini"
expect 3 "unknown office key" office show
has err "office 'nowhere-district' is not in" "bad key named"
sed -i '/^office = /d' "$T/hall.ini"
expect 3 "no office configured" office show
has err "names no office" "missing key said"
finish
