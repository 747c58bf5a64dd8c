#!/bin/bash
# The complaints journal (p.20-25): registering at a counter or by a named
# clerk, the 15- and 30-day terms moved off days off, the answer, and what
# is refused.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 3 "Иванова Мария Петровна"
person=(--name "Сейтқали Ержан" --contact "Көкшетау, Абай көшесі 1" --text "бағалаумен келіспеймін")

expect 0 "a complaint by post" complaint add 3 --channel post --kind result "${person[@]}"
first_line "2026-C-0001" "numbered by year"
has out "registered  2026-03-20 10:00, post, about the result" "when and how"
has out "taken by    Иванова Мария Петровна (Бас маман), counter 3" "who took it"
# 20 March + 30 days is Sunday 19 April: the term ends on Monday 20 April
has out "answer by   2026-04-20 (30 calendar days)" "30 days, off the weekend"
expect 0 "15 days" complaint add 3 --channel in_person --kind service --name "Петров Пётр" \
	--text "грубость" --days 15
first_line "2026-C-0002" "the next number"
has out "answer by   2026-04-06 (15 calendar days)" "15 days, off the weekend"
# 9 April + 30 days is Saturday 9 May (Victory Day), off on Monday 11 May
expect 0 "term over a holiday" complaint add 3 --channel email --kind result \
	--name "Ахметова Г." --contact "g@example.kz" --text "срок" --now 2026-04-09T11:00
has out "answer by   2026-05-12 (30 calendar days)" "moved off the holiday"
expect 0 "taken by a named clerk" complaint add --clerk "Әбдіров Нұрлан" --position "Маман" \
	--channel in-person --kind service --name "Ким Ольга" --text "очередь"
has out "taken by    Әбдіров Нұрлан (Маман)" "the named clerk"
lacks out "counter" "no counter named"

expect 1 "no taker" complaint add --channel post --kind result "${person[@]}"
has err "say who took it" "taker asked for"
expect 1 "counter and clerk" complaint add 3 --clerk "X" --position "Y" --channel post \
	--kind result "${person[@]}"
expect 1 "missing fields" complaint add 3 --channel post
has err "--channel, --kind, --name and --text" "fields named"
expect 1 "20 days" complaint add 3 --channel post --kind result "${person[@]}" --days 20
has err "15 or 30" "terms named"
expect 1 "a fax" complaint add 3 --channel fax --kind result "${person[@]}"
has err "in_person, post or email" "channels named"
one_line_error "channel"
expect 1 "by post without an address" complaint add 3 --channel post --kind result \
	--name "Кто-то" --text "что-то"
has err "--contact" "contact asked for"
expect 2 "closed counter" complaint add 1 --channel post --kind result "${person[@]}"
has err "counter 1 is closed" "why said"
expect 2 "no such counter" complaint add 9 --channel post --kind result "${person[@]}"
expect 2 "no such printer" complaint add 3 --channel post --kind result "${person[@]}" \
	--print nowhere
has err "no printer 'nowhere'" "printer named"
expect 1 "not add or answer" complaint remove 3
expect 0 "nothing of the refused was recorded" complaints
has out "4 complaints" "four in the journal"

expect 0 "answer" complaint answer 2026-C-0001 --channel post --text "акт қайта қаралды" \
	--counter 3 --now 2026-04-10T15:00
first_line "2026-C-0001" "the number first"
has out "answered    2026-04-10 15:00 by post, in time" "answer recorded"
expect 2 "answered twice" complaint answer 2026-C-0001 --channel post --text "again"
has err "was answered on 2026-04-10 15:00" "when said"
expect 2 "unknown complaint" complaint answer 2026-C-0099 --channel post --text "x"
has err "no complaint 2026-C-0099" "number named"
expect 1 "answer without text" complaint answer 2026-C-0002 --channel post
expect 0 "late answer" complaint answer 2026-C-0002 --channel in_person --text "извинились" \
	--now 2026-04-07T09:00
has out "by in_person, late" "late said"
expect 0 "check" check
finish
