#!/bin/bash
# kezek decide, handover and notice-sent: the decision with its reason, the
# result collected in person or by a proxy with a power of attorney (p.15),
# and the written notice of a refusal sent within one day (p.16).
. "$(dirname "$0")/lib.sh"

person=("name: Иванов Иван Иванович" "iin: 870412300416" "id-doc: уд. личности № 012345678"
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1"
	"plot: г. Кокшетау, ул. Ленина, 5")
input "$T/person" "${person[@]}"
all=(--docs application,id_copy,act,conclusion)

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
expect_in 0 "first" "$T/person" accept 1 "${all[@]}"
expect_in 0 "second" "$T/person" accept 1 "${all[@]}"
expect_in 2 "third, refused" "$T/person" accept 1 --docs application,id_copy,act

expect 2 "nothing to hand over before a decision" handover 2026-0001 --to applicant
has err "no decision yet (due 2026-03-30)" "why said"
expect 1 "reject without a reason" decide 2026-0002 reject --now 2026-03-26T11:00
has err "reason" "reason asked for"
expect 1 "neither approve nor reject" decide 2026-0002 maybe
expect 0 "approve" decide 2026-0001 approve --now 2026-03-26T11:00
first_line "2026-0001 approved" "approved"
has out "decided   2026-03-26, due 2026-03-30" "when"
lacks out "deemed" "in time: not deemed"
input "$T/reason" "reason: зона в акте не та"
expect_in 0 "reject with a reason" "$T/reason" decide 2026-0002 reject \
	--now 2026-03-26T11:05
first_line "2026-0002 rejected" "rejected"
has out "reason    зона в акте не та" "the reason"
input "$T/x" "reason: x"
expect_in 2 "decide twice" "$T/x" decide 2026-0001 reject --now 2026-03-26T11:10
has err "already approved on 2026-03-26" "already decided"
expect 2 "decide a refusal" decide 2026-0003 approve
has err "suspended until 2026-03-30 for missing documents (p.16)" "suspension said"
has err "kezek resume 2026-0003 --docs LIST" "the way on said"
expect 2 "no such application" decide 2026-0099 approve
has err "there is no application 2026-0099" "unknown named"

expect 1 "hand over to nobody" handover 2026-0001
has err "--to applicant or --to proxy" "who asked for"
input "$T/proxy-alone" "proxy-name: Петров Пётр"
expect_in 1 "a proxy without a power of attorney" "$T/proxy-alone" handover 2026-0001 --to proxy
has err "proxy-doc: ..." "power of attorney asked for"
expect 0 "to the applicant" handover 2026-0001 --to applicant --counter 1 \
	--now 2026-03-30T10:00
first_line "2026-0001 handed over" "handed over"
has out "result    approved" "what it was"
has out "handed    2026-03-30 10:00 to the applicant" "to whom and when"
expect 2 "twice" handover 2026-0001 --to applicant --now 2026-03-30T10:05
has err "handed over on 2026-03-30 already" "already said"
input "$T/proxy" "proxy-name: Петров Пётр Петрович" "proxy-doc: доверенность № 3 от 28.03.2026"
expect_in 0 "to a proxy" "$T/proxy" handover 2026-0002 --to proxy --now 2026-03-30T11:00
has out "handed    2026-03-30 11:00 to the proxy under доверенность № 3 от 28.03.2026" \
	"the proxy and the power of attorney"
expect 0 "show" applications 2026-0002
has out "handed over     2026-03-30 11:00 to the proxy, Петров Пётр Петрович, under доверенность № 3" \
	"the proxy recorded"
expect 2 "hand over a refusal" handover 2026-0003 --to applicant
has err "no result to hand over" "refusal said"

# the notice of p.16: due by the next working day; late after it
expect 0 "not late on its day" applications --overdue --now 2026-03-26T17:00
has out "0 applications" "nothing overdue"
expect 0 "late the day after" applications --overdue --now 2026-03-27T09:00
has out "2026-0003" "the refusal listed"
has out "OVERDUE: notice due by 2026-03-26" "why"
expect 0 "sent" notice-sent 2026-0003 --now 2026-03-27T09:30
first_line "2026-0003 notice sent 2026-03-27 09:30 (due by 2026-03-26, late)" "recorded, late"
expect 2 "sent twice" notice-sent 2026-0003
has err "already" "already said"
expect 2 "no notice for a decided one" notice-sent 2026-0001
has err "only with a suspension" "why said"
expect 0 "nothing overdue now" applications --overdue --now 2026-03-27T10:00
has out "0 applications" "the notice is no longer overdue"
finish
