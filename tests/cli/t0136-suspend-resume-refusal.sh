#!/bin/bash
# The standard's path end to end: an application with a document missing is
# suspended (p.16) with its numbered notice; the missing document brought the
# day before the Nauryz days off, it goes on, due from that day; its receipt
# is owed while the receipt printer is dead and cleared once it prints
# (p.14); a rejection and a suspension past its term end in the motivated
# refusal (p.5), each numbered, printed on A4 and read back field by field.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
if ! command -v pdftotext >/dev/null; then echo "pdftotext (poppler-utils) is needed"; exit 1; fi
cat >>"$T/hall.ini" <<INI

[printer counter-1]
role = receipts
transport = device
address = $T/dead/counter-1.prn
paper = 80
INI
sed -i "s#^address = .*/var/a4-1#address = $T/a4#" "$T/hall.ini"
# printd NAME [NOW]: one pass of the printer's queue, standing at NOW
printd() {
	KEZEK_NOW=${2:-$KEZEK_NOW} "$PRINTD" --printer "$1" --fonts "$SRC/assets/fonts" --once \
		>"$T/out" 2>"$T/err"
}
pdf_words() {
	pdftotext -enc UTF-8 "$1" - | sed 's/\xc2\xa0/ /g' | tr '\n\f' '  ' | tr -s ' ' >"$T/out"
}

input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 123 45 67" \
	"address: г. Кокшетау, ул. Абая, 1" "plot: г. Кокшетау, ул. Ленина, 5"
input "$T/reason" "reason: Площадь участка в акте расходится с идентификационным документом"

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"

# Thursday 19 March: the conclusion is missing
expect_in 2 "suspended" "$T/person" accept 1 --docs application,id_copy,act --print a4-1 \
	--lang ru --now 2026-03-19T10:00
first_line "2026-0001" "its number"
has out "status    suspended (p.16)" "suspension said"
has out "suspended until 2026-03-27; the written notice 2026-O-0001 of 2026-03-19" \
	"the term and the notice's outgoing number"
has out "the notice (p.16)" "the notice queued"
expect 0 "listed suspended" applications --status suspended --now 2026-03-19T11:00
has out "2026-0001" "in the list"

# what cannot be brought
expect 1 "no documents named" resume 2026-0001 --counter 1
expect 1 "no counter named" resume 2026-0001 --docs conclusion
expect 1 "one handed in already" resume 2026-0001 --docs act,conclusion --counter 1 \
	--now 2026-03-20T16:00
has err "act of 2026-0001 was handed in already" "which one said"
expect 2 "a closed counter" resume 2026-0001 --docs conclusion --counter 2 \
	--now 2026-03-20T16:00
expect 2 "nothing suspended" resume 2026-0404 --docs conclusion --counter 1

# Friday 20 March, 16:00, before the Nauryz days off (21-25 March): the set
# is complete; due on the 3rd working day after: 26, 27, 30 March
expect 0 "resumed" resume 2026-0001 --docs conclusion --counter 1 --now 2026-03-20T16:00
first_line "2026-0001" "its number"
has out "status    registered" "going on"
has out "due       2026-03-30" "due after the holidays"
has out "print     job 2 on counter-1: the receipt (p.14)" "a new receipt on the receipt printer"
expect 2 "resumed once" resume 2026-0001 --docs conclusion --counter 1 --now 2026-03-20T16:01

# the receipt printer is dead: the receipt is owed, and staff see it
printd counter-1 2026-03-20T16:02
expect 0 "owed in full" applications 2026-0001 --now 2026-03-20T16:03
has out "receipt         OWED (p.14)" "owed on the application"
has out "resumed         2026-03-20 16:00" "when it went on"
has out "due             2026-03-30" "the new due day"
expect 0 "owed in the list" applications --now 2026-03-20T16:03
has out "RECEIPT OWED (p.14)" "owed in the list"
expect 0 "owed in status" status --now 2026-03-20T16:03
has out "RECEIPTS OWED (p.14): 2026-0001" "owed in status"
# the printer back: printed, and no longer owed
mkdir "$T/dead" && : >"$T/dead/counter-1.prn"
printd counter-1 2026-03-20T16:20
if [ -s "$T/dead/counter-1.prn" ]; then ok; else not_ok "the receipt reached the printer"; fi
expect 0 "printed" applications 2026-0001 --now 2026-03-20T16:21
has out "receipt         printed 2026-03-20 16:2" "printed on the application"
lacks out "OWED" "no longer owed"
expect 0 "status clear" status --now 2026-03-20T16:21
lacks out "RECEIPTS OWED" "status clear"

# Thursday 26 March: rejected with its grounds; the refusal goes to A4 in
# the applicant's language, with the next outgoing number
expect_in 2 "a refusal on a roll" "$T/reason" decide 2026-0001 reject --print counter-1 \
	--now 2026-03-26T10:00
has err "a motivated refusal is a letter on A4" "why said"
expect_in 0 "rejected" "$T/reason" decide 2026-0001 reject --now 2026-03-26T10:00
has out "refusal   outgoing 2026-O-0002 of 2026-03-26" "the refusal's number"
has out "print     job 3 on a4-1: the motivated refusal (p.5)" "queued on A4"

# a second application, suspended on Friday 20 March, never completed
expect_in 2 "suspended again" "$T/person" accept 1 --docs application,id_copy,act \
	--print a4-1 --lang kk --now 2026-03-20T11:00
has out "suspended until 2026-03-30" "its term"
expect 0 "still in its term" close-day --now 2026-03-30T18:10
lacks out "refused" "nothing refused on the last day"
expect 0 "past its term" applications 2026-0002 --now 2026-03-31T09:00
has out "TERM PASSED 2026-03-30" "seen past its term"
expect 2 "too late to resume" resume 2026-0002 --docs conclusion --counter 1 \
	--now 2026-03-31T09:00
has err "ended on 2026-03-30" "why said"
expect 0 "closing refuses it" close-day --now 2026-03-31T18:10
has out "1 suspended application refused" "refused at close"
expect 0 "listed refused" applications --status refused --now 2026-03-31T18:11
has out "2026-0002" "the refusal listed"
expect 0 "its refusal" applications 2026-0002 --now 2026-03-31T18:11
has out "refusal         outgoing 2026-O-0004 of 2026-03-31" "its refusal numbered"

# the same step in the clerk's console, confirmed with y: a third application's act brought
# to counter 2 on Wednesday 1 April; due on 2, 3, 6 April
expect_in 2 "suspended third" "$T/person" accept 1 --docs application,id_copy,conclusion \
	--now 2026-04-01T10:00
printf '2468\n' >"$T/pin"
expect 0 "a clerk's PIN" clerk pin "Иванова Мария Петровна" --position "Бас маман" <"$T/pin"
printf '%s\n' "2468" d 2026-0003 act y q >"$T/keys"
KEZEK_NOW=2026-04-01T11:00 "$KEZEK" console 2 --clerk "Иванова Мария Петровна" <"$T/keys" \
	>"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "the console ran"; fi
has out "application 2026-0003 goes on, due 2026-04-06 (p.7.1); receipt printing on counter-1" \
	"resumed in the console"
# every step in the event log, under the number only
got=$(sqlite3 "$T/hall.db" "SELECT group_concat(kind || ' ' || detail, ';') FROM
	(SELECT kind, detail FROM events WHERE kind LIKE 'app_%' ORDER BY id)")
want="app_suspended 2026-0001;app_resumed 2026-0001;app_rejected 2026-0001;app_suspended 2026-0002;app_refused 2026-0002;app_suspended 2026-0003;app_resumed 2026-0003"
if [ "$got" = "$want" ]; then ok; else not_ok "the event log: '$got'"; fi
got=$(sqlite3 "$T/hall.db" "SELECT k.full_name FROM events e JOIN clerks k ON k.id = e.clerk_id
	WHERE e.kind = 'app_resumed' AND e.detail = '2026-0003'")
if [ "$got" = "Иванова Мария Петровна" ]; then ok; else not_ok "resumed under its clerk: '$got'"; fi

printd a4-1 2026-03-31T18:12
if [ "$(ls "$T"/a4/*.pdf | wc -l)" -eq 4 ]; then ok; else not_ok "four A4 papers printed"; fi

# the notice of p.16, in Russian: its own number and date
pdf_words "$T"/a4/*-000001-notice-ru.pdf
has out "Исх. № 2026-O-0001 от 19.03.2026" "ru notice: outgoing number and date"
has out "По заявлению № 2026-0001 от 19.03.2026" "ru notice: the request"
has out "Срок приостановления: до 27.03.2026" "ru notice: the term"

# the motivated refusal in Russian, field by field
pdf_words "$T"/a4/*-000003-refusal-ru.pdf
has out "Исх. № 2026-O-0002 от 26.03.2026" "ru refusal: outgoing number and date"
has out "Мотивированный ответ об отказе в оказании государственной услуги" "ru refusal: title"
has out "Получатель государственной услуги: Иванов Иван Иванович" "ru refusal: to whom"
has out "По заявлению № 2026-0001 от 19.03.2026" "ru refusal: the request"
has out "Площадь участка в акте расходится с идентификационным документом" "ru refusal: grounds"
has out "(пункт 20)" "ru refusal: whom to ask (p.20)"
has out "на имя ответственного должностного лица" "ru refusal: complaints on the result (p.21)"
has out "на имя руководителя аппарата" "ru refusal: complaints on the service (p.22)"
has out "30 календарных дней" "ru refusal: the term (p.25)"
has out "15 календарных дней" "ru refusal: the short term (p.25)"
has out "обратиться в суд" "ru refusal: the court (p.23)"
has out "Ахметова Айгүл Серікқызы" "ru refusal: the clerk"

# the refusal of a suspension past its term, in Kazakh
pdf_words "$T"/a4/*-000005-refusal-kk.pdf
has out "31.03.2026 ж. шығыс № 2026-O-0004" "kk refusal: outgoing number and date"
has out "Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап" "kk refusal: title"
has out "20.03.2026 ж. № 2026-0002 өтініш бойынша" "kk refusal: the request"
has out "тоқтата тұру мерзімінде (30.03.2026 ж. дейін) ұсынылмады" "kk refusal: grounds"
has out "1. Жер учаскесіне құқық беру туралы комиссияның оң қорытындысының көшірмесі" \
	"kk refusal: the missing document"
has out "(20-тармақ)" "kk refusal: whom to ask (p.20)"
has out "30 күнтізбелік күн" "kk refusal: the term (p.25)"
has out "сотқа жүгінуге" "kk refusal: the court (p.23)"
lacks out "Исх." "kk refusal: no Russian label"

finish
