#!/bin/bash
# kezek applications: the table, the filters, and CSV by RFC 4180 (CRLF,
# quoted commas and quotes, UTF-8) that a spreadsheet opens as it is.
. "$(dirname "$0")/lib.sh"

person=("name: Иванов Иван Иванович" "iin: 870412300416" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
input "$T/entity" 'name: ТОО "Жер, вода и лес"' "bin: 080540001238" \
	"representative: Сериков Серік" "authority: доверенность № 7" "plot: ул. Мира, 10"

expect 0 "init" init
expect 0 "nothing yet" applications
has out "0 applications" "empty list"
open_counter 1 "Ахметова Айгүл Серікқызы"
expect_in 0 "an individual" "$T/person" accept 1 --docs application,id_copy,act,conclusion
expect_in 0 "a legal entity" "$T/entity" accept 1 --legal \
	--docs application,registration,authority,id_copy,act,conclusion
expect_in 2 "refused" "$T/person" accept 1 --docs application,act
expect 0 "approve" decide 2026-0001 approve --now 2026-03-25T10:00

expect 0 "the table" applications
has out "NUMBER     ACCEPTED   KIND  DUE        STATE            HANDED     APPLICANT" "header"
has out "2026-0001  2026-03-20 indiv 2026-03-30 approved         -          Иванов Иван Иванович" \
	"an approved row"
has out "2026-0002  2026-03-20 legal 2026-03-30 registered" "a registered row"
has out "2026-0003  2026-03-20 indiv 2026-03-30 suspended" "a suspended row"
has out "notice due by 2026-03-26" "the notice's day"
has out "3 applications" "count"
expect 0 "by state" applications --status suspended
has out "1 application" "one suspended"
expect 1 "an unknown state" applications --status lost
has err "'lost' is not a state" "state named"
expect 2 "an unknown number" applications 2026-0404
has err "there is no application 2026-0404" "number named"

expect 0 "CSV" applications --csv
header='number,accepted,kind,applicant,phone,plot_address,documents,missing,due_day,state,deemed_from,decided_day,reason,notice_due_day,notice_sent,handed_over,handed_to,kept_until,overdue,uncollected,clerk,receipt_owed,notice_out,refusal_out,office'
if [ "$(head -n 1 "$T/out" | tr -d '\r')" = "$header" ]; then ok; else not_ok "the CSV header"; fi
if [ "$(grep -c $'\r$' "$T/out")" -eq 4 ] && [ "$(wc -l <"$T/out")" -eq 4 ]; then ok
else not_ok "every CSV line ends in CRLF"; fi
if iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null; then ok; else not_ok "the CSV is UTF-8"; fi
has out '2026-0001,2026-03-20 10:00,individual,Иванов Иван Иванович,+7 701 123 45 67,"г. Кокшетау, ул. Ленина, 5",application id_copy act conclusion,,2026-03-30,approved,,2026-03-25,,,,,,2026-09-30,no,no,Ахметова Айгүл Серікқызы' \
	"an approved row in full"
has out ',legal,"ТОО ""Жер, вода и лес""",' "quotes doubled, field quoted"
has out ',application act,id_copy conclusion,2026-03-30,suspended,,,,2026-03-26,' \
	"a refusal's documents, missing ones and notice day"
# every row has 25 fields once quoted fields are taken whole
fields=$(tr -d '\r' <"$T/out" | sed -E 's/"([^"]|"")*"/X/g' | awk -F, '{print NF}' | sort -u)
if [ "$fields" = "25" ]; then ok; else not_ok "rows of 25 fields (got $fields)"; fi
# the office's key (App. 1) beside every number: numbers restart in each office
if [ "$(tr -d '\r' <"$T/out" | tail -n +2 | awk -F, '{print $NF}' | sort -u)" = "akmola-kokshetau-city" ]
then ok; else not_ok "every row names its office"; fi
finish
