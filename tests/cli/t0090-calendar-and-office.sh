#!/bin/bash
# kezek calendar prints days off marked and named; kezek office shows this
# office and where complaints go, and searches both directories.
. "$(dirname "$0")/lib.sh"

expect 0 "March 2026" calendar 2026-03
has out "March 2026" "month title"
has out " 23* 24* 25* 26 " "Nauryz days off marked in the grid"
has out "  24 Tue  day off for Наурыз мейрамы (2026-03-21)" "moved day named"
expect 0 "in Kazakh" calendar 2026-12 --lang kk
has out "Тәуелсіздік күні" "holiday named in Kazakh"
lacks out "День Независимости" "no Russian in the Kazakh listing"
expect 0 "January 2025" calendar 2025-01
has out "  5+" "the worked Sunday marked"
has out "working day, for the day off on 2025-01-03" "worked Sunday explained"
expect 0 "the whole year" calendar 2026
for m in January February March April May June July August September October November December; do
	has out "$m 2026" "$m in the year"
done
expect 0 "this month by the clock" calendar --now 2026-05-04T10:00
has out "May 2026" "the clock's month"
has out "  11 Mon  day off for День Победы (2026-05-09)" "9 May moved"
expect 0 "year without data" calendar 2028-01
has out "no decreed data for 2028" "missing data said"
expect 0 "due" calendar due 2026-12-14
first_line "2026-12-18" "due date first"
expect 1 "due without date" calendar due
expect 1 "bad date" calendar due 2026-02-30
expect 1 "bad month" calendar 2026-13
expect 0 "now, at lunch" calendar now --now 2026-03-20T13:10
has out "closed: lunch; opens 2026-03-20 14:00" "lunch now"
expect 0 "now, on a holiday" calendar now --now 2026-12-16T10:00
has out "closed: day off (День Независимости); opens 2026-12-17 09:00" "holiday now"

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
