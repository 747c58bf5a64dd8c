#!/bin/bash
# kezek accept: an application's documents taken at a counter (p.11), the
# IIN or BIN checked by its control digit, registered with its number and
# due day (p.7.1), or refused with the missing documents named (p.16).
. "$(dirname "$0")/lib.sh"

IIN=870412300416
person=(--name "Иванов Иван Иванович" --iin $IIN --id-doc "уд. личности № 012345678"
	--phone "+7 701 123 45 67" --address "г. Кокшетау, ул. Абая, 1"
	--plot "г. Кокшетау, ул. Ленина, 5")
entity=(--legal --name "ТОО «Жер»" --bin 080540001238 --representative "Сериков Серік"
	--authority "доверенность № 7 от 02.03.2026" --plot "г. Кокшетау, ул. Мира, 10")

expect 0 "init" init
expect 2 "a closed counter accepts nothing" accept 1 "${person[@]}" --docs application
has err "counter 1 is closed" "closed counter said"
open_counter 1 "Ахметова Айгүл Серікқызы"

expect 0 "an individual, all documents" accept 1 "${person[@]}" \
	--docs application,id_copy,act,conclusion
first_line "2026-0001" "the number first"
has out "status    registered" "registered"
has out "accepted  2026-03-20 10:00 at counter 1 by Ахметова Айгүл Серікқызы, Бас маман" \
	"when, where and by whom"
has out "documents 4: application id_copy act conclusion" "the documents"
has out "Копия положительного заключения комиссии" "the documents named"
has out "due       2026-03-30" "due the 3rd working day after, past Nauryz"

expect 0 "a legal entity" accept 1 "${entity[@]}" \
	--docs application,registration,authority,id_copy,act,conclusion
first_line "2026-0002" "numbers run on"
has out "status    registered" "legal entity registered"

expect 0 "an individual through a proxy" accept 1 "${person[@]}" --proxy "Петров Пётр" \
	--proxy-doc "доверенность № 12 от 10.03.2026" \
	--docs application,power_of_attorney,proxy_id,act,conclusion
first_line "2026-0003" "proxy's application"

expect 2 "a document missing: refused (p.16)" accept 1 "${person[@]}" \
	--docs application,id_copy,act
first_line "2026-0004" "a refusal has a number too"
has out "status    refused (p.16)" "refusal said"
has out "missing   1: conclusion" "the missing document"
has out "suspended until 2026-03-30; the written notice is due by 2026-03-26" \
	"suspension and the notice's day"
expect 2 "a legal entity without its registration" accept 1 "${entity[@]}" \
	--docs application,authority,id_copy,act,conclusion
has out "missing   1: registration" "registration missing"

# malformed: nothing is recorded, no number used
expect 1 "a wrong IIN" accept 1 "${person[@]}" --iin 870412300415 \
	--docs application,id_copy,act,conclusion
one_line_error "wrong IIN"
has err "control digit is 5 but should be 6" "the control digit explained"
lacks err "870412300415" "the IIN is not repeated"
expect 1 "a short IIN" accept 1 "${person[@]}" --iin 87041230041 \
	--docs application,id_copy,act,conclusion
has err "has 11 digits" "the length explained"
lacks err "87041230041" "nor a short one"
expect 1 "a wrong BIN" accept 1 "${entity[@]}" --bin 080540001239 \
	--docs application,registration,authority,id_copy,act,conclusion
has err "BIN (as typed): its control digit is 9 but should be 8" "BIN's digit explained"
expect 1 "an IIN for a legal entity" accept 1 "${entity[@]}" --iin $IIN \
	--docs application
has err "a legal entity has a BIN" "BIN asked for"
expect 1 "a missing phone" accept 1 --name "Иванов И" --iin $IIN --id-doc x --address y \
	--plot z --docs application
has err "the applicant's phone is missing; give it with --phone" "phone asked for"
lacks err "Иванов" "no name in the message"
expect 1 "no documents named" accept 1 "${person[@]}"
has err "--docs" "documents asked for"
expect 1 "an unknown document" accept 1 "${person[@]}" --docs application,passport
has err "'passport' is not a document of p.11" "unknown document named"
expect 1 "a document of the other kind" accept 1 "${person[@]}" \
	--docs application,registration,id_copy,act,conclusion
has err "registration is not a document of p.11 for an individual" "wrong kind said"
expect 1 "a proxy without a power of attorney" accept 1 "${person[@]}" --proxy "Петров Пётр" \
	--docs application,power_of_attorney,proxy_id,act,conclusion
has err "power of attorney is missing" "power of attorney asked for"
expect 1 "both kinds" accept 1 --individual "${entity[@]}" --docs application
expect 1 "counter not a number" accept one "${person[@]}" --docs application
expect 2 "no such counter" accept 9 "${person[@]}" --docs application,id_copy,act,conclusion
expect 0 "the next number is still 2026-0006" accept 1 "${person[@]}" \
	--docs application,id_copy,act,conclusion
first_line "2026-0006" "no number was used up"
expect 0 "help" accept --help
has out "usage: kezek accept N" "usage"
finish
