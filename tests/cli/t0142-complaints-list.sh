#!/bin/bash
# kezek complaints: all, open, overdue, as a table and as CSV (RFC 4180,
# UTF-8) parsed back with Python's csv module, awkward text included.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
open_counter 3 "Иванова Мария Петровна"
expect 0 "empty journal" complaints
has out "0 complaints" "none yet"
input "$T/seitkali" "name: Сейтқали, Ержан" "contact: Көкшетау, Абай көшесі 1" \
	'text: says "unfair"; two lines' '  second line'
expect_in 0 "0001, due 20 April" "$T/seitkali" complaint add 3 --channel post --kind result
input "$T/petrov" "name: Петров Пётр" "text: грубость"
expect_in 0 "0002, due 6 April" "$T/petrov" complaint add 3 --channel in_person --kind service \
	--days 15
input "$T/kim" "name: Ким Ольга" "contact: olga@example.kz" "text: очередь"
expect_in 0 "0003, due 6 April" "$T/kim" complaint add 3 --channel email --kind service --days 15
input "$T/answer" "text: ответили"
expect_in 0 "0003 answered" "$T/answer" complaint answer 2026-C-0003 --channel email

expect 0 "open on 6 April" complaints --open --now 2026-04-06T17:00
has out "2 complaints open" "two open"
lacks out "2026-C-0003" "the answered one is not open"
expect 0 "overdue on the due day" complaints --overdue --now 2026-04-06T17:00
has out "0 complaints overdue" "the due day is still in time"
expect 0 "overdue the day after" complaints --overdue --now 2026-04-07T09:00
has out "1 complaint overdue" "one overdue"
has out "2026-C-0002" "which"
has out "OVERDUE" "marked"
lacks out "2026-C-0001" "0001 is due later"
expect 0 "all on 21 April" complaints --now 2026-04-21T09:00
has out "3 complaints" "three in all"
has out "Сейтқали, Ержан" "the complainant"

expect 0 "CSV" complaints --csv --now 2026-04-21T09:00
python3 - "$T/out" >"$T/err" 2>&1 <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "records end with CRLF"
assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
head, data = rows[0], rows[1:]
assert head[:4] == ["number", "registered", "channel", "kind"], head
assert len(data) == 3, data
assert all(len(r) == len(head) for r in data), "every row has every column"
r = dict(zip(head, data[0]))
assert r["number"] == "2026-C-0001", r
assert r["complainant"] == "Сейтқали, Ержан", r
assert r["contact"] == "Көкшетау, Абай көшесі 1", r
assert r["summary"] == 'says "unfair"; two lines\nsecond line', repr(r["summary"])
assert r["due_day"] == "2026-04-20" and r["days"] == "30", r
assert r["state"] == "OVERDUE", r
assert r["taken_by"] == "Иванова Мария Петровна" and r["counter"] == "3", r
r = dict(zip(head, data[2]))
assert r["state"] == "answered" and r["answer_channel"] == "email", r
assert r["answer"] == "ответили" and r["purged"] == "no", r
assert all(dict(zip(head, d))["office"] == "akmola-kokshetau-city" for d in data), "rows name their office"
PY
if [ $? -eq 0 ]; then ok; else not_ok "the CSV does not read back"; fi
expect 0 "CSV of the overdue" complaints --csv --overdue --now 2026-04-21T09:00
if [ "$(grep -c '^2026-C-' "$T/out")" -eq 2 ]; then ok; else not_ok "two overdue rows"; fi
finish
