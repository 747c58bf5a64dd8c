#!/bin/bash
# t0159: what the kezek command says when a step succeeds (accept, resume,
# decide, notice-sent, handover, ticket, next, recall, start, finish,
# postpone, return, counter, complaint, close-day, check, print) is in the staff's
# Kazakh or Russian (po/), never English: each output under KEZEK_LANG=kk and
# ru holds no English sentence (three Latin words in a row, once the
# command's own form such as "kezek resume 2026-0001 --docs LIST" is taken
# out) and says its key word in the staff's language; history's labels too.
. "$(dirname "$0")/lib.sh"

CLERK="Омаров Ерлан"
# said what WORD: the last output is not English and says WORD
said() {
	no_english out "$1"
	has out "$2" "$1 says '$2'"
}
declare -A W
W[kk.testpage]="сынақ беті"
W[ru.testpage]="пробная страница"
W[kk.again]="принтерінде басылады"
W[ru.again]="будет напечатан на принтере"
W[kk.suspended]="тоқтатылды"
W[ru.suspended]="приостановлено"
W[kk.resumed]="жалғастырылды"
W[ru.resumed]="возобновлено"
W[kk.registered]="тіркелді"
W[ru.registered]="зарегистрировано"
W[kk.refusal]="дәлелді бас тарту"
W[ru.refusal]="мотивированный отказ"
W[kk.approved]="мақұлданды"
W[ru.approved]="одобрено"
W[kk.counter]="терезе"
W[ru.counter]="окно"
W[kk.served]="қызмет көрсетілді"
W[ru.served]="обслужен"
W[kk.recalls]="қайта шақыру"
W[ru.recalls]="повторы"
W[kk.started]="басталды"
W[ru.started]="начато"
W[kk.notice]="хабарлама жіберілді"
W[ru.notice]="уведомление отправлено"
W[kk.handed]="өтініш берушіге"
W[ru.handed]="заявителю"
W[kk.postponed]="шегерілді"
W[ru.postponed]="отложен"
W[kk.listed]="оралу"
W[ru.listed]="вернуться до"
W[kk.complaint]="жауап мерзімі"
W[ru.complaint]="ответ до"
W[kk.closeday]="кеңсе жабық"
W[ru.closeday]="офис закрыт"
W[kk.check]="тұтастығы дұрыс"
W[ru.check]="целостность в порядке"
W[kk.transferred]="кезектегі бұрынғы орнымен"
W[ru.transferred]="прежним местом в очереди"

input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 123 45 67" \
	"address: г. Кокшетау, ул. Абая, 1" "plot: г. Кокшетау, ул. Ленина, 5"
input "$T/complaint" "name: Сейтова Гүлнар" "text: Долго ждала" "contact: +7 701 000 00 00"
input "$T/reason" "reason: Площадь участка в акте расходится с идентификационным документом"

expect 0 "init" init
for lang in kk ru; do
	export KEZEK_LANG=$lang
	expect 0 "counter open ($lang)" counter open 1 --clerk "$CLERK" --position "Бас маман"
	said "counter open ($lang)" "${W[$lang.counter]}"

	# an application suspended, then resumed; one accepted whole; decided
	expect_in 2 "suspended ($lang)" "$T/person" accept 1 --docs application,id_copy,act \
		--print a4-1
	said "accept suspended ($lang)" "${W[$lang.suspended]}"
	num=$(head -1 "$T/out")
	case "$num" in [0-9][0-9][0-9][0-9]-[0-9]*) ok ;; *) not_ok "its number first: '$num'" ;; esac
	expect 0 "notice sent ($lang)" notice-sent "$num"
	said "notice-sent ($lang)" "${W[$lang.notice]}"
	expect 0 "resumed ($lang)" resume "$num" --docs conclusion --counter 1
	first_line "$num" "resume: its number first ($lang)"
	said "resume ($lang)" "${W[$lang.resumed]}"
	expect_in 0 "accepted ($lang)" "$T/person" accept 1 \
		--docs application,id_copy,act,conclusion --print a4-1
	said "accept registered ($lang)" "${W[$lang.registered]}"
	other=$(head -1 "$T/out")
	expect_in 0 "rejected ($lang)" "$T/reason" decide "$num" reject --print a4-1
	said "decide reject ($lang)" "${W[$lang.refusal]}"
	expect 0 "approved ($lang)" decide "$other" approve
	said "decide approve ($lang)" "${W[$lang.approved]}"
	first_line "$other ${W[$lang.approved]}" "decide: the number first ($lang)"
	expect 0 "handed over ($lang)" handover "$other" --to applicant --counter 1
	said "handover ($lang)" "${W[$lang.handed]}"

	# a visitor: ticket, call, call again, start, finish; one transferred
	expect 0 "a ticket ($lang)" ticket A
	said "ticket ($lang)" "$(head -1 "$T/out")"
	expect 0 "next ($lang)" next 1
	said "next ($lang)" "${W[$lang.counter]}"
	expect 0 "recall ($lang)" recall 1
	said "recall ($lang)" "${W[$lang.recalls]}"
	expect 0 "start ($lang)" start 1
	said "start ($lang)" "${W[$lang.started]}"
	expect 0 "finish ($lang)" finish 1 --outcome served
	said "finish ($lang)" "${W[$lang.served]}"
	# one steps away and comes back
	expect 0 "a ticket to postpone ($lang)" ticket A
	expect 0 "call it ($lang)" next 1
	tnum=$(head -1 "$T/out")
	expect 0 "postponed ($lang)" postpone --counter 1 --reason "көшірме" --minutes 10
	said "postpone ($lang)" "${W[$lang.postponed]}"
	expect 0 "the postponed ($lang)" postpone --counter 1 --list
	said "postpone --list ($lang)" "${W[$lang.listed]}"
	expect 0 "back ($lang)" return "$tnum" --counter 1
	said "return ($lang)" "${W[$lang.counter]}"
	expect 0 "served after return ($lang)" finish 1 --outcome served
	expect 0 "its history ($lang)" history "$tnum"
	has out "${W[$lang.counter]}" "history says the counter's word ($lang)"
	# issued, called, postponed, returned, served: each kind in the staff's words
	no_english out "history ($lang)"
	if ! grep -Eq '(issued|called|postponed|returned|served|started)( |$)' "$T/out"; then ok
	else not_ok "history's kinds in $lang: $(cat "$T/out")"; fi
	expect 0 "another ticket ($lang)" ticket A
	expect 0 "call it ($lang)" next 1
	expect 0 "start it ($lang)" start 1
	expect 0 "transferred ($lang)" finish 1 --outcome transferred --to B
	said "finish transferred ($lang)" "${W[$lang.transferred]}"
	expect_in 0 "a complaint ($lang)" "$T/complaint" complaint add 1 --channel in_person \
		--kind service --print a4-1
	said "complaint add ($lang)" "${W[$lang.complaint]}"
	expect 0 "counter close ($lang)" counter close 1
	said "counter close ($lang)" "${W[$lang.counter]}"
	expect 0 "a ticket left waiting ($lang)" ticket A
	left=$(head -1 "$T/out" | cut -d' ' -f1)
	expect 0 "close-day ($lang)" close-day
	said "close-day ($lang)" "${W[$lang.closeday]}"
	expect 0 "check ($lang)" check
	said "check ($lang)" "${W[$lang.check]}"
	# the printers: a test page queued, a ticket's paper again
	expect 0 "print test ($lang)" print test kiosk-1
	said "print test ($lang)" "${W[$lang.testpage]}"
	expect 0 "print ticket ($lang)" print ticket "$left"
	said "print ticket ($lang)" "${W[$lang.again]}"
done

finish
