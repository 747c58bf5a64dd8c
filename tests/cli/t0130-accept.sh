#!/bin/bash
# kezek accept: an application's documents taken at a counter (p.11), the
# IIN or BIN checked by its control digit, registered with its number and
# due day (p.7.1), or suspended with the missing documents named (p.16).
. "$(dirname "$0")/lib.sh"

IIN=870412300416
person=("name: Иванов Иван Иванович" "iin: $IIN" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
input "$T/entity" "name: ТОО «Жер»" "bin: 080540001238" "representative: Сериков Серік" \
	"authority: доверенность № 7 от 02.03.2026" "plot: г. Кокшетау, ул. Мира, 10"
input "$T/proxy" "${person[@]}" "proxy: Петров Пётр" "proxy-doc: доверенность № 12 от 10.03.2026"
input "$T/proxy-alone" "${person[@]}" "proxy: Петров Пётр"

expect 0 "init" init
expect_in 2 "a closed counter accepts nothing" "$T/person" accept 1 --docs application
has err "counter 1 is closed" "closed counter said"
open_counter 1 "Ахметова Айгүл Серікқызы"

expect_in 0 "an individual, all documents" "$T/person" accept 1 \
	--docs application,id_copy,act,conclusion
first_line "2026-0001" "the number first"
has out "status    registered" "registered"
has out "accepted  2026-03-20 10:00 at counter 1 by Ахметова Айгүл Серікқызы, Бас маман" \
	"when, where and by whom"
has out "documents 4: application id_copy act conclusion" "the documents"
has out "Copy of the commission's positive conclusion" "the documents named"
has out "due       2026-03-30" "due the 3rd working day after, past Nauryz"

expect_in 0 "a legal entity" "$T/entity" accept 1 --legal \
	--docs application,registration,authority,id_copy,act,conclusion
first_line "2026-0002" "numbers run on"
has out "status    registered" "legal entity registered"

expect_in 0 "an individual through a proxy" "$T/proxy" accept 1 \
	--docs application,power_of_attorney,proxy_id,act,conclusion
first_line "2026-0003" "proxy's application"

expect_in 2 "a document missing: suspended (p.16)" "$T/person" accept 1 \
	--docs application,id_copy,act
first_line "2026-0004" "a suspension has a number too"
has out "status    suspended (p.16)" "suspension said"
has out "written notice 2026-O-0001 of 2026-03-20" "the notice's outgoing number"
has out "missing   1: conclusion" "the missing document"
has out "suspended until 2026-03-30; the written notice 2026-O-0001 of 2026-03-20 is due by 2026-03-26" \
	"suspension and the notice's day"
expect_in 2 "a legal entity without its registration" "$T/entity" accept 1 --legal \
	--docs application,authority,id_copy,act,conclusion
has out "missing   1: registration" "registration missing"

# malformed: nothing is recorded, no number used
sed 's/^iin: .*/iin: 870412300415/' "$T/person" >"$T/wrong-iin"
expect_in 1 "a wrong IIN" "$T/wrong-iin" accept 1 \
	--docs application,id_copy,act,conclusion
one_line_error "wrong IIN"
has err "control digit is 5 but should be 6" "the control digit explained"
lacks err "870412300415" "the IIN is not repeated"
sed 's/^iin: .*/iin: 87041230041/' "$T/person" >"$T/short-iin"
expect_in 1 "a short IIN" "$T/short-iin" accept 1 \
	--docs application,id_copy,act,conclusion
has err "has 11 digits" "the length explained"
lacks err "87041230041" "nor a short one"
sed 's/^bin: .*/bin: 080540001239/' "$T/entity" >"$T/wrong-bin"
expect_in 1 "a wrong BIN" "$T/wrong-bin" accept 1 --legal \
	--docs application,registration,authority,id_copy,act,conclusion
has err "BIN (as typed): its control digit is 9 but should be 8" "BIN's digit explained"
sed "s/^bin: .*/iin: $IIN/" "$T/entity" >"$T/entity-iin"
expect_in 1 "an IIN for a legal entity" "$T/entity-iin" accept 1 --legal \
	--docs application
has err "a legal entity has a BIN" "BIN asked for"
input "$T/no-phone" "name: Иванов И" "iin: $IIN" "id-doc: x" "address: y" "plot: z"
expect_in 1 "a missing phone" "$T/no-phone" accept 1 --docs application
has err "the applicant's phone is missing; give it as 'phone: ...'" "phone asked for"
lacks err "Иванов" "no name in the message"
expect_in 1 "no documents named" "$T/person" accept 1
has err "--docs" "documents asked for"
expect_in 1 "an unknown document" "$T/person" accept 1 --docs application,passport
has err "'passport' is not a document of p.11" "unknown document named"
expect_in 1 "a document of the other kind" "$T/person" accept 1 \
	--docs application,registration,id_copy,act,conclusion
has err "registration is not a document of p.11 for an individual" "wrong kind said"
expect_in 1 "a proxy without a power of attorney" "$T/proxy-alone" accept 1 \
	--docs application,power_of_attorney,proxy_id,act,conclusion
has err "power of attorney is missing" "power of attorney asked for"
expect_in 1 "both kinds" "$T/entity" accept 1 --individual --legal --docs application
expect_in 1 "counter not a number" "$T/person" accept one --docs application
expect_in 2 "no such counter" "$T/person" accept 9 --docs application,id_copy,act,conclusion
expect_in 0 "the next number is still 2026-0006" "$T/person" accept 1 \
	--docs application,id_copy,act,conclusion
first_line "2026-0006" "no number was used up"

# a due day counted on holiday data not decreed says so beside it, and the
# application keeps it: Thursday 13 May 2027 (2027 is provisional: Kurban
# Ait not set) and Wednesday 1 March 2028 (no file for 2028)
expect_in 0 "accepted on a provisional year" "$T/person" accept 1 \
	--docs application,id_copy,act,conclusion --now 2027-05-13T10:00
first_line "2027-0001" "its number"
has out "due       2027-05-18" "the due day"
has out "warning: the due day 2027-05-18 was counted on provisional holiday data" \
	"the warning beside it"
expect 0 "the application keeps it" applications 2027-0001 --now 2027-05-13T10:05
has out "calendar        warning: the due day 2027-05-18 was counted on provisional" \
	"recorded on the application"
expect 0 "in Kazakh too" applications 2027-0001 --lang kk --now 2027-05-13T10:05
has out "2027-05-18 мерзімі мерекелер туралы алдын ала деректер" "the record's warning in Kazakh"
expect 0 "in Russian too" applications 2027-0001 --lang ru --now 2027-05-13T10:05
has out "срок 2027-05-18 рассчитан по предварительным данным о праздниках" \
	"the record's warning in Russian"
expect_in 0 "accepted on a year without data" "$T/person" accept 1 \
	--docs application,id_copy,act,conclusion --now 2028-03-01T10:00
has out "due       2028-03-06" "the due day on the law's days only"
has out "warning: the due day 2028-03-06 was counted without holiday data for its year" \
	"the missing year's warning"
expect_in 2 "suspended on a provisional year" "$T/person" accept 1 \
	--docs application,id_copy,act --now 2027-05-12T10:00
first_line "2027-0002" "its number"
expect 0 "resumed on a provisional year" resume 2027-0002 --docs conclusion --counter 1 \
	--now 2027-05-13T11:00
has out "due       2027-05-18" "due from the day the set was complete"
has out "warning: the due day 2027-05-18 was counted on provisional holiday data" \
	"the resumed due day's warning"
got=$(sqlite3 "$T/hall.db" "SELECT group_concat(number || ' ' || due_calendar, ';')
	FROM (SELECT number, due_calendar FROM applications WHERE number >= '2027' ORDER BY number)")
want="2027-0001 1;2027-0002 1;2028-0001 2"
if [ "$got" = "$want" ]; then ok; else not_ok "the data each due day rests on: '$got'"; fi
expect_in 0 "a decreed year says nothing" "$T/person" accept 1 \
	--docs application,id_copy,act,conclusion --now 2026-12-14T10:00
has out "due       2026-12-18" "the due day"
lacks out "warning" "no warning on a decreed year"
expect 0 "help" accept --help
has out "usage: kezek accept N" "usage"
finish
