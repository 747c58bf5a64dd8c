#!/bin/bash
# p.16: an application with no decision by its due day counts as approved
# from that day.  Accepted Friday 20 March 2026, due Monday 30 March past
# the Nauryz days off (21-25 March): not deemed on the 30th, deemed from it
# on the 31st, in the list, the CSV and the single view.  Then p.26: a
# result not collected within 6 months is listed.
. "$(dirname "$0")/lib.sh"

person=("name: Иванов Иван Иванович" "iin: 870412300416" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
all=(--docs application,id_copy,act,conclusion)

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
expect_in 0 "accepted on Friday" "$T/person" accept 1 "${all[@]}"
has out "due       2026-03-30" "due past Nauryz"
expect_in 0 "another" "$T/person" accept 1 "${all[@]}"

expect 0 "on a Nauryz day off" applications --deemed --now 2026-03-24T12:00
has out "0 applications" "not deemed during the holiday"
expect 0 "on the due day" applications --deemed --now 2026-03-30T17:59
has out "0 applications" "not deemed on the due day"
expect 0 "on the due day, all" applications --now 2026-03-30T17:59
has out "2026-0001  2026-03-20 indiv 2026-03-30 registered" "still registered"
expect 0 "the day after" applications --deemed --now 2026-03-31T09:00
has out "2026-0001  2026-03-20 indiv 2026-03-30 deemed approved" "deemed in the table"
has out "OVERDUE: no decision; deemed approved from 2026-03-30" "from the due day"
has out "2 applications" "both"
expect 0 "by state" applications --status deemed_approved --now 2026-03-31T09:00
has out "2 applications" "both deemed"
expect 0 "none still registered" applications --status registered --now 2026-03-31T09:00
has out "0 applications" "none registered"
expect 0 "as CSV" applications --deemed --csv --now 2026-03-31T09:00
has out "2026-0001,2026-03-20 10:00,individual,Иванов Иван Иванович" "the CSV row"
has out ",2026-03-30,deemed_approved,2026-03-30," "state and deemed_from in CSV"
expect 0 "one in full" applications 2026-0001 --now 2026-03-31T09:00
has out "state           deemed approved" "deemed in the single view"
has out "deemed          approved from 2026-03-30 (p.16: no decision by the due day)" \
	"from when"
input "$T/late" "reason: поздно"
expect_in 2 "too late to reject" "$T/late" decide 2026-0001 reject --now 2026-03-31T10:00
has err "deemed approved from 2026-03-30 (p.16)" "the reason said"
expect 0 "a late approval" decide 2026-0001 approve --now 2026-03-31T10:00
has out "deemed    approved from 2026-03-30 (p.16): no decision by the due day" \
	"still deemed from the due day"
expect 0 "no longer overdue" applications --overdue --now 2026-03-31T10:00
has out "2026-0002" "the undecided one is"
lacks out "2026-0001" "the approved one is not"
expect 0 "hand over the deemed one" handover 2026-0002 --to applicant --now 2026-04-01T10:00
has out "result    deemed approved from 2026-03-30" "what was handed over"

# p.26: kept 6 months from the day the result is ready
expect 0 "kept until" applications 2026-0001 --now 2026-09-30T12:00
has out "kept until      2026-09-30" "6 months from the late approval of 31 March"
expect 0 "not yet uncollected" applications --uncollected --now 2026-09-30T12:00
has out "0 applications" "still within 6 months"
expect 0 "uncollected" applications --uncollected --now 2026-10-01T09:00
has out "2026-0001" "the uncollected one"
has out "UNCOLLECTED: kept until 2026-09-30 (p.26)" "why"
lacks out "2026-0002" "the collected one is not"
has out "1 application" "one"
finish
