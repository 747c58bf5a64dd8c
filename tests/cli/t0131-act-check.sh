#!/bin/bash
# The act of assessed value (App. 3) checked at the counter: each row's
# value = area x rate x coefficient, the total their sum, and the total
# spelt in words in Russian and Kazakh.
. "$(dirname "$0")/lib.sh"

person=("name: Иванов Иван Иванович" "iin: 870412300416" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
all=(--docs application,id_copy,act,conclusion)
row1="Зона 1, земли населённых пунктов;0,1500;1 200 000;1,2;216 000,00"
row2="Зона 2;0,0350;800 000;1;28 000"

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
expect_in 0 "a right act" "$T/person" accept 1 "${all[@]}" --act-row "$row1" --act-row "$row2" \
	--act-total "244 000,00"
first_line "2026-0001" "registered"
has out "act       2 rows checked, total 244 000,00 tenge" "rows and total"
has out "ru: Двести сорок четыре тысячи тенге 00 тиын" "the total in Russian words"
has out "kk: Екі жүз қырық төрт мың теңге 00 тиын" "the total in Kazakh words"

expect_in 1 "a wrong row" "$T/person" accept 1 "${all[@]}" --act-row "$row1" \
	--act-row "Зона 2;0,0350;800 000;1;29 000" --act-total "245 000,00"
one_line_error "wrong row"
has err "row 2 (Зона 2)" "the wrong row named"
has err "28 000,00" "what it should be"
expect_in 1 "a wrong total" "$T/person" accept 1 "${all[@]}" --act-row "$row1" --act-row "$row2" \
	--act-total "244 000,01"
has err "244 000,00" "the rows' sum said"
expect_in 1 "rows without a total" "$T/person" accept 1 "${all[@]}" --act-row "$row1"
has err "--act-total" "total asked for"
expect_in 1 "a total without rows" "$T/person" accept 1 "${all[@]}" --act-total 1
expect_in 1 "a row short of a field" "$T/person" accept 1 "${all[@]}" --act-row "Зона 1;0,15;1 200 000;1,2" \
	--act-total 1
has err "has no value" "the missing field named"
expect_in 1 "a rate that is no number" "$T/person" accept 1 "${all[@]}" --act-row "Зона 1;0,15;много;1,2;1" \
	--act-total 1
has err "base rate" "the bad field named"
expect_in 1 "rows without the act among the documents" "$T/person" accept 1 \
	--docs application,id_copy,conclusion --act-row "$row1" --act-total "216 000"
has err "the act is not among the documents" "act document asked for"

# a longer act from a file, one row a line
{
	echo "# zone;area;rate;coefficient;value"
	for i in $(seq 1 30); do echo "Зона $i;1;1 000;1,5;1 500"; done
} >"$T/act.txt"
expect_in 0 "30 rows from a file" "$T/person" accept 1 "${all[@]}" --act "$T/act.txt" --act-total "45 000"
has out "act       30 rows checked, total 45 000,00 tenge" "all rows read"
has out "ru: Сорок пять тысяч тенге 00 тиын" "words"
echo "Зона 31;1;1 000;1,5;1 600" >>"$T/act.txt"
expect_in 1 "a wrong row in the file" "$T/person" accept 1 "${all[@]}" --act "$T/act.txt" \
	--act-total "46 600"
has err "row 31 (Зона 31)" "the row named"
expect_in 1 "a missing file" "$T/person" accept 1 "${all[@]}" --act "$T/none.txt" --act-total 1
has err "cannot read" "file named"
echo "Зона 32;x" >>"$T/act.txt"
expect_in 1 "a malformed line" "$T/person" accept 1 "${all[@]}" --act "$T/act.txt" --act-total 1
has err "act.txt:33:" "file and line named"

# too many options are refused, never dropped
many=()
for i in $(seq 1 25); do many+=(--act-row "$row2"); done
expect_in 1 "too many options" "$T/person" accept 1 "${all[@]}" "${many[@]}" --act-total "700 000"
has err "more than 24 options" "the limit said"
expect 0 "only the right acts were registered" applications
has out "2 applications" "two applications"
finish
