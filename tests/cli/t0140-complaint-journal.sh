#!/bin/bash
# The complaints journal (p.20-25): registering at a counter or by a named
# clerk, the 15- and 30-day terms moved off days off, the answer, and what
# is refused.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 3 "Иванова Мария Петровна"
input "$T/person" "name: Сейтқали Ержан" "contact: Көкшетау, Абай көшесі 1" \
	"text: бағалаумен келіспеймін"

expect_in 0 "a complaint by post" "$T/person" complaint add 3 --channel post --kind result
first_line "2026-C-0001" "numbered by year"
has out "registered  2026-03-20 10:00, post, about the result" "when and how"
has out "taken by    Иванова Мария Петровна (Бас маман), counter 3" "who took it"
# 20 March + 30 days is Sunday 19 April: the term ends on Monday 20 April
has out "answer by   2026-04-20 (30 calendar days)" "30 days, off the weekend"
input "$T/petrov" "name: Петров Пётр" "text: грубость"
expect_in 0 "15 days" "$T/petrov" complaint add 3 --channel in_person --kind service --days 15
first_line "2026-C-0002" "the next number"
has out "answer by   2026-04-06 (15 calendar days)" "15 days, off the weekend"
# 9 April + 30 days is Saturday 9 May (Victory Day), off on Monday 11 May
input "$T/akhmetova" "name: Ахметова Г." "contact: g@example.kz" "text: срок"
expect_in 0 "term over a holiday" "$T/akhmetova" complaint add 3 --channel email --kind result \
	--now 2026-04-09T11:00
has out "answer by   2026-05-12 (30 calendar days)" "moved off the holiday"
input "$T/kim" "name: Ким Ольга" "text: очередь"
expect_in 0 "taken by a named clerk" "$T/kim" complaint add --clerk "Әбдіров Нұрлан" \
	--position "Маман" --channel in-person --kind service
has out "taken by    Әбдіров Нұрлан (Маман)" "the named clerk"
lacks out "counter" "no counter named"

expect_in 1 "no taker" "$T/person" complaint add --channel post --kind result
has err "say who took it" "taker asked for"
expect_in 1 "counter and clerk" "$T/person" complaint add 3 --clerk "X" --position "Y" \
	--channel post --kind result
expect_in 1 "missing options" "$T/person" complaint add 3 --channel post
has err "--channel and --kind" "options named"
input "$T/no-text" "name: Кто-то"
expect_in 1 "missing fields" "$T/no-text" complaint add 3 --channel post --kind result
has err "'name: ...' and 'text: ...' on standard input" "fields named"
expect_in 1 "20 days" "$T/person" complaint add 3 --channel post --kind result --days 20
has err "15 or 30" "terms named"
expect_in 1 "a fax" "$T/person" complaint add 3 --channel fax --kind result
has err "in_person, post or email" "channels named"
one_line_error "channel"
input "$T/no-contact" "name: Кто-то" "text: что-то"
expect_in 1 "by post without an address" "$T/no-contact" complaint add 3 --channel post \
	--kind result
has err "contact: ..." "contact asked for"
expect_in 2 "closed counter" "$T/person" complaint add 1 --channel post --kind result
has err "counter 1 is closed" "why said"
expect_in 2 "no such counter" "$T/person" complaint add 9 --channel post --kind result
expect_in 2 "no such printer" "$T/person" complaint add 3 --channel post --kind result \
	--print nowhere
has err "no printer 'nowhere'" "printer named"
expect 1 "not add or answer" complaint remove 3
expect 0 "nothing of the refused was recorded" complaints
has out "4 complaints" "four in the journal"

input "$T/answer" "text: акт қайта қаралды"
expect_in 0 "answer" "$T/answer" complaint answer 2026-C-0001 --channel post --counter 3 \
	--now 2026-04-10T15:00
first_line "2026-C-0001" "the number first"
has out "answered    2026-04-10 15:00 by post, in time" "answer recorded"
input "$T/again" "text: again"
expect_in 2 "answered twice" "$T/again" complaint answer 2026-C-0001 --channel post
has err "was answered on 2026-04-10 15:00" "when said"
expect_in 2 "unknown complaint" "$T/again" complaint answer 2026-C-0099 --channel post
has err "no complaint 2026-C-0099" "number named"
expect_in 1 "answer without text" /dev/null complaint answer 2026-C-0002 --channel post
input "$T/sorry" "text: извинились"
expect_in 0 "late answer" "$T/sorry" complaint answer 2026-C-0002 --channel in_person \
	--now 2026-04-07T09:00
has out "by in_person, late" "late said"
expect 0 "check" check
finish
