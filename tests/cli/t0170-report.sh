#!/bin/bash
# t0170: kezek report on a simulated fortnight: the table, CSV read back
# with Python's csv module (RFC 4180), the PDF's text read back, printing
# on the A4 folder printer, and clear refusals of malformed ranges.
. "$(dirname "$0")/lib.sh"

# the A4 printer keeps its PDFs in this test's own folder
sed -i "s|^address = .*/var/a4-1|address = $T/a4|" "$T/hall.ini"
export KEZEK_FONTS="$SRC/assets/fonts"

expect 0 "init" init
expect 0 "simulate" --now 2026-03-31T19:00 simulate --from 2026-03-02 --to 2026-03-13 --seed 7
expect 0 "report of the month" --now 2026-04-20T10:00 report 2026-03
first_line "REPORT 2026-03-01 to 2026-03-31  Отдел земельных отношений" "report heading"
has out "Сдача документов" "services by name"
has out "BUSIEST HOURS:" "busiest hours"
has out "1.1     100%" "App. 4 row 1.1 with its norm"
has out "ballots)" "App. 4 feedback rows with the ballots they rest on"
has out "applications)" "App. 4 row 1.1 with the applications it rests on"
has out "APPLICATIONS: accepted" "applications counted"
has out "COMPLAINTS: received" "complaints counted"

expect 0 "csv" --now 2026-04-20T10:00 report 2026-03 --csv
cp "$T/out" "$T/report.csv"
if python3 - "$T/report.csv" >"$T/out" 2>"$T/err" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
head, body = rows[0], rows[1:]
assert head[:3] == ["section", "key", "name"], head
assert all(len(r) == len(head) for r in body), "ragged rows"
col = {name: i for i, name in enumerate(head)}
sec = lambda s: [r for r in body if r[0] == s]
total = sec("all")[0]
services = sec("service")
assert sum(int(r[col["places"]]) for r in services) == int(total[col["places"]])
assert sum(int(r[col["served"]]) for r in services) == int(total[col["served"]])
days = sec("day")
assert len(days) == 31, len(days)
assert sum(int(r[col["places"]]) for r in days) > 0
assert [r[1] for r in sec("app4")] == ["1.1", "2.1", "3.1", "3.2", "4.1", "5.1"]
# each indicator with the n it rests on: ballots (2.1-5.1), applications (1.1)
app4 = {r[1]: r for r in sec("app4")}
for code in ("1.1", "2.1", "3.1", "4.1", "5.1"):
    n = int(app4[code][col["current_n"]])
    assert n > 0, (code, n)
assert app4["3.2"][col["current_n"]] == ""
assert all(r[col["current_n"]] == "" for r in body if r[0] != "app4")
assert all(r[col["office"]] == "akmola-kokshetau-city" for r in body), "every row names its office"
assert any("Сдача документов" == r[2] for r in services)
share = float(total[col["wait_within_limit_pct"]])
assert 0 <= share <= 100
print("csv ok", len(body))
PY
then ok; else not_ok "the CSV reads back whole and adds up"; fi

# every section adds up to the same total, and the total to the registers,
# counted here straight from the database with the definitions of queue/wait.h
if python3 - "$T/report.csv" "$T/hall.db" >"$T/out" 2>"$T/err" <<'PY'
import csv, sqlite3, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
head, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(head)}
sec = lambda s: [r for r in body if r[0] == s]
total = sec("all")[0]
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[2], uri=True)
tickets = db.execute(
    "SELECT t.day, s.code, c.number, t.clerk_id, t.issued_at, t.called_at, t.started_at,"
    " t.finished_at, t.outcome FROM tickets t JOIN services s ON s.id = t.service_id"
    " LEFT JOIN counters c ON c.id = t.counter_id"
    " WHERE t.day BETWEEN '2026-03-01' AND '2026-03-31'").fetchall()
zone = ZoneInfo("Asia/Almaty")
def lunch(day):
    d = datetime.strptime(day, "%Y-%m-%d")
    at = lambda h: int(d.replace(hour=h, tzinfo=zone).timestamp())
    return at(13), at(14)
def figures(ts):
    f = dict.fromkeys(["places", "served", "no_shows", "transferred", "cancelled",
                       "not_served", "wait_n", "service_n", "wait_over_lunch"], 0)
    within = 0
    for day, code, counter, clerk, issued, called, started, finished, outcome in ts:
        f["places"] += 1
        key = {"served": "served", "no_show": "no_shows", "transferred": "transferred",
               "cancelled": "cancelled", "office_closed": "not_served"}.get(outcome)
        if key:
            f[key] += 1
        end = called or (finished if outcome == "office_closed" else None)
        if end:
            f["wait_n"] += 1
            within += end - issued <= 30 * 60
            ls, le = lunch(day)
            f["wait_over_lunch"] += issued < le and end > ls
        if called and started and finished:
            f["service_n"] += 1
    return f, within
reg, within = figures(tickets)
assert reg["places"] > 500 and reg["wait_over_lunch"] > 0, reg  # not a sum of zeros
for k, v in reg.items():
    assert int(total[col[k]]) == v, (k, total[col[k]], v)
assert float(total[col["wait_within_limit_pct"]]) == round(1000 * within / reg["wait_n"]) / 10
for s in ("service", "hour", "day"):
    for k in reg:
        got = sum(int(r[col[k]]) for r in sec(s))
        assert got == int(total[col[k]]), (s, k, got, total[col[k]])
# counters and clerks: every place a visitor was called to
called = [t for t in tickets if t[2] is not None]
creg, _ = figures(called)
for s in ("counter", "clerk"):
    for k in creg:
        got = sum(int(r[col[k]]) for r in sec(s))
        assert got == creg[k], (s, k, got, creg[k])
# group by group against the registers
for code in {t[1] for t in tickets}:
    f, _ = figures([t for t in tickets if t[1] == code])
    row = [r for r in sec("service") if r[1] == code][0]
    assert all(int(row[col[k]]) == f[k] for k in f), (code, row)
for n in {t[2] for t in called}:
    f, _ = figures([t for t in called if t[2] == n])
    row = [r for r in sec("counter") if r[1] == str(n)][0]
    assert all(int(row[col[k]]) == f[k] for k in f), (n, row)
for r in sec("day"):
    f, _ = figures([t for t in tickets if t[0] == r[1]])
    assert all(int(r[col[k]]) == f[k] for k in f), (r[1], r, f)
assert sum(int(r[col["no_shows"]]) for r in sec("day")) > 0
print("sums ok")
PY
then ok; else not_ok "every section of the CSV adds up to the registers: $(tail -3 "$T/err")"; fi

# the days' summaries (made by the report above) give every line the tickets give
expect 0 "csv from the tickets" --now 2026-04-20T10:00 report 2026-03 --csv --scan
if cmp -s "$T/out" "$T/report.csv"; then ok; else
	not_ok "the summarised CSV equals the scanned one: $(diff "$T/report.csv" "$T/out" | head -3)"; fi
n=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM report_days WHERE day BETWEEN '2026-03-01' AND '2026-03-31'")
if [ "$n" = 31 ]; then ok; else not_ok "every day of the month summarised: $n"; fi

expect 0 "pdf" --now 2026-04-20T10:00 report 2026-03 --pdf "$T/report.pdf" --lang kk
pdftotext "$T/report.pdf" "$T/report.txt" 2>"$T/err" && ok || not_ok "pdftotext reads the report"
cp "$T/report.txt" "$T/out"
has out "01.03.2026" "the range in the PDF"
has out "5.1" "App. 4 in the PDF"
lacks out "Отчёт об обслуживании посетителей" "the Kazakh PDF has no Russian title"
# the chart of hours: each axis titled, each line in the legend, the limit on the waits' axis
has out "Келушілер" "the arrivals' axis titled"
has out "Күту медианасы, мин" "the waits' axis titled"
has out "Келген келушілер" "arrivals in the legend"
has out "оң жақ шкала)" "the wait limit in the legend, against the right axis"
has out "Келген сағаты" "the hours' axis titled"
has out "оның ішінде түскі үзіліс арқылы" "the waits over the limit across lunch, shown beside"
if [ "$(grep -c "шегінде, %" "$T/out")" -ge 5 ]; then ok; else
	not_ok "within the limit in the service, counter and clerk tables"; fi

expect 0 "print" --now 2026-04-20T10:00 report --week 2026-03-10 --print a4-1
has out "printed on a4-1" "printed"
if [ "$(ls "$T"/a4/*.pdf 2>/dev/null | wc -l)" -eq 1 ]; then ok; else not_ok "one PDF in the printer's folder"; fi

# an office printer: a private cupsd with its A4 queue, which keeps each job as a PDF
# (the test's folder is its user's alone; cupsd's helpers run as lp: they pass through)
chmod 0711 "$T"
if out=$(bash "$SRC/tests/printer/cupsd.sh" start "$T/cups" $$ 2>"$T/err"); then
	eval "export $(echo "$out" | grep '^CUPS_SERVER=')"
	printf '\n[printer office-a4]\nrole = a4\ntransport = cups\naddress = Kezek_A4\n' >>"$T/hall.ini"
	expect 0 "print on CUPS" --now 2026-04-20T10:00 report 2026-03 --print office-a4
	has out "printed on office-a4" "printed through CUPS"
	wait_for "the CUPS queue writes the report's PDF" test -s "$T/cups/out/last.pdf"
	pdftotext "$T/cups/out/last.pdf" "$T/out" 2>"$T/err"
	has out "01.03.2026" "the CUPS queue got the report"
	bash "$SRC/tests/printer/cupsd.sh" stop "$T/cups" >/dev/null 2>&1
	unset CUPS_SERVER
else
	not_ok "a private cupsd starts: $(cat "$T/err")"
fi

expect 0 "an empty day" --now 2026-04-20T10:00 report 2026-03-21
has out "visitors 0" "an empty day reports zero"
expect 1 "bad month" report 2026-13
has err "is not a range" "bad month explained"
expect 1 "from without to" report --from 2026-03-01
expect 1 "reversed range" report --from 2026-03-10 --to 2026-03-01
has err "swap them" "reversed range explained"
expect 1 "bad language" report 2026-03 --lang en
expect 1 "not an A4 printer" --now 2026-04-20T10:00 report 2026-03 --print kiosk-1
has err "is not an A4 printer" "ticket printer refused for a report"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
