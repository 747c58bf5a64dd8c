#!/bin/bash
# Every paper printed again from its number: a ticket (by its number,
# today), a receipt, a notice and a motivated refusal (by the application's
# number), a talon (by
# the complaint's number) and the blank form, on a printer that suits it,
# with who asked in the event log.  The folder printer's PDFs are readable
# by their owner only, and kezek purge removes them with their case.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
drop_section "printer kiosk-1"
sed -i "s#^address = .*/var/a4-1#address = $T/a4#" "$T/hall.ini"
cat >>"$T/hall.ini" <<INI

[printer kiosk-1]
role = tickets
transport = device
address = $T/kiosk-1.prn
paper = 58
INI
: >"$T/kiosk-1.prn"
printd() { "$PRINTD" --printer "$1" --fonts "$SRC/assets/fonts" --once >/dev/null 2>&1; }
sql() { sqlite3 "$T/hall.db" "$1"; }
is() { # is EXPECTED SQL what
	local got
	got=$(sql "$2")
	if [ "$got" = "$1" ]; then ok; else not_ok "$3: '$got', expected '$1'"; fi
}

input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 123 45 67" \
	"address: г. Кокшетау, ул. Абая, 1" "plot: г. Кокшетау, ул. Ленина, 5"
expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
expect 0 "a ticket" ticket A --print kiosk-1 --lang ru
expect_in 0 "an application" "$T/person" accept 1 --docs application,id_copy,act,conclusion \
	--print a4-1 --lang ru
expect_in 2 "a refused one" "$T/person" accept 1 --docs application,act --print a4-1
input "$T/complaint" "name: Петров Пётр" "text: очередь"
expect_in 0 "a complaint" "$T/complaint" complaint add 1 --channel in_person --kind service \
	--print a4-1 --lang kk
printd kiosk-1
printd a4-1
is "4" "SELECT count(*) FROM print_jobs WHERE state = 'done'" "all printed once"
# the folder printer's PDFs name people: 0600
modes=$(stat -c %a "$T"/a4/*.pdf | sort -u)
if [ "$modes" = 600 ]; then ok; else not_ok "the PDFs are not 0600: $modes"; fi
if [ "$(stat -c %a "$T/a4")" = 700 ]; then ok; else not_ok "the folder is not 0700"; fi

# each again by its number, on the printer it was on, in its language
tickets=$(stat -c %s "$T/kiosk-1.prn")
expect 0 "the ticket again" print ticket A-001 --counter 1
has out "a queue ticket A-001 will print on kiosk-1" "ticket queued on its printer"
expect 0 "the receipt again" print receipt 2026-0001 --clerk "Ахметова Айгүл Серікқызы"
expect 0 "the notice again" print notice 2026-0002 --counter 1
expect 0 "the talon again" print talon 2026-C-0001
expect 0 "a blank form" print form a4-1
expect 2 "a notice of an application that was not refused" print notice 2026-0001
has err "was neither refused nor suspended: it has a receipt" "why"
expect 2 "a receipt of a refused one" print receipt 2026-0002
has err "was refused or is suspended: it has a notice" "why"
expect 2 "no such ticket" print ticket A-999
has err "there is no ticket A-999 of 2026-03-20" "what and when"
expect 2 "yesterday's ticket is another" print ticket A-001 --day 2026-03-19
expect 2 "no such complaint" print talon 2026-C-0099
expect 2 "a ticket on an A4 printer" print ticket A-001 --on a4-1
has err "prints on a thermal printer" "why"
expect 1 "nonsense" print talon
printd kiosk-1
printd a4-1
if [ "$(stat -c %s "$T/kiosk-1.prn")" -gt "$tickets" ]; then ok; else not_ok "the ticket did not print again"; fi
is "9" "SELECT count(*) FROM print_jobs WHERE state = 'done'" "each printed once more"
is "ru" "SELECT lang FROM print_jobs WHERE document = 'receipt' ORDER BY id DESC LIMIT 1" \
	"the receipt again in its language"
for doc in receipt-ru notice-kk talon-kk form-kk; do
	n=$(ls "$T"/a4/*-"$doc".pdf 2>/dev/null | wc -l)
	if [ "$n" -ge 1 ]; then ok; else not_ok "no $doc PDF"; fi
done
is "2" "SELECT count(*) FROM print_jobs j JOIN applications a ON a.id = j.application_id
	WHERE a.number = '2026-0001' AND j.state = 'done'" "the receipt twice in all"
is "4" "SELECT count(*) FROM events WHERE kind = 'print_asked'" "each asking logged"
is "1" "SELECT count(*) FROM events WHERE kind = 'print_asked' AND ticket_id IS NOT NULL
	AND detail LIKE 'ticket A-001 on kiosk-1 asked by counter 1%'" "who asked for the ticket"
is "1" "SELECT count(*) FROM events WHERE kind = 'print_asked'
	AND detail LIKE 'receipt 2026-0001 on a4-1 asked by clerk Ахметова%'" "who asked for the receipt"

# the purge, three years on: the refused application's and the answered
# complaint's PDFs go with their personal data; the open case's stay
input "$T/answer" "text: ответ"
expect_in 0 "the complaint answered" "$T/answer" complaint answer 2026-C-0001 --channel in_person
notices=$(sql "SELECT file FROM print_jobs WHERE document IN ('notice', 'talon') AND file IS NOT NULL")
receipts=$(sql "SELECT file FROM print_jobs WHERE document = 'receipt' AND file IS NOT NULL")
if [ -n "$notices" ] && [ -n "$receipts" ]; then ok; else not_ok "the jobs do not remember their files"; fi
expect 0 "purge three years on" purge --now 2029-04-01T10:00
has out "removed 4 printed files of those cases" "the files counted"
gone=1
for f in $notices; do [ -e "$f" ] && gone=0; done
if [ "$gone" -eq 1 ]; then ok; else not_ok "a purged case's PDF is still there"; fi
kept=1
for f in $receipts; do [ -e "$f" ] || kept=0; done
if [ "$kept" -eq 1 ]; then ok; else not_ok "an open case's receipt was removed"; fi
is "0" "SELECT count(*) FROM print_jobs WHERE document IN ('notice', 'talon') AND file IS NOT NULL" \
	"the purged files forgotten"

# the motivated refusal (p.5) again, by its application's number, on A4
input "$T/reason" "reason: Площадь участка в акте расходится с идентификационным документом"
expect_in 0 "a third application" "$T/person" accept 1 --docs application,id_copy,act,conclusion
expect_in 0 "rejected, its refusal on A4" "$T/reason" decide 2026-0003 reject --print a4-1 \
	--lang ru
expect 0 "the refusal again" print refusal 2026-0003 --clerk "Ахметова Айгүл Серікқызы"
has out "a motivated refusal (p.5) 2026-0003 will print on a4-1" "on the printer it was on"
expect 2 "a refusal of an application not rejected" print refusal 2026-0001
has err "has no motivated refusal (p.5): it was not rejected" "why"
expect 2 "a refusal of no application" print refusal 2026-0099
printd a4-1
is "2" "SELECT count(*) FROM print_jobs WHERE document = 'refusal' AND state = 'done'
	AND lang = 'ru'" "printed, and again in its language"
n=$(ls "$T"/a4/*-refusal-ru.pdf 2>/dev/null | wc -l)
if [ "$n" -eq 2 ]; then ok; else not_ok "$n refusal PDFs, expected 2"; fi
is "1" "SELECT count(*) FROM events WHERE kind = 'print_asked'
	AND detail LIKE 'refusal 2026-0003 on a4-1 asked by clerk Ахметова%'" "who asked for it"
finish
