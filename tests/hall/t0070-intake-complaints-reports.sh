#!/bin/bash
# t0070: the clerk's papers through kezek-hall, as through kezek accept,
# kezek complaint add and kezek print: each intake field checked alone (a
# wrong IIN, an act that does not add up) with the field named, the
# application accepted with its receipt queued, a complaint with its
# talon, a receipt printed again; and the manager's report as CSV and PDF.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
expect_in 0 "a manager's PIN" "$T/pin" manager pin "Ахметов Серик"
start_hall || { finish; exit 1; }
login "$T/c" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"ru"}'
api POST /api/counter/open '{}' "$T/c"

api POST /api/intake/check '{"kind":"individual","field":"iin","value":"870412300417"}' "$T/c"
status_is 400 "a wrong IIN"
body_has '"field":"iin"' "names the field"
body_has 'ИИН' "in the session's language"
api POST /api/intake/check '{"kind":"individual","field":"iin","value":"870412300416"}' "$T/c"
status_is 200 "the corrected IIN"
api POST /api/intake/check '{"field":"act","act_rows":[{"zone":"Жилая","area":"0,1","rate":"1 000 000","coef":"1","value":"90 000"}],"act_total":"90 000"}' "$T/c"
status_is 400 "an act row that does not add up"
body_has '"field":"act"' "names the act"
body_has '100 000,00' "and what the row comes to"
act='"act_rows":[{"zone":"Жилая","area":"0,1","rate":"1 000 000","coef":"1","value":"100 000"}],"act_total":"100 000"'
api POST /api/intake/check "{\"field\":\"act\",$act}" "$T/c"
status_is 200 "the corrected act"

form='"kind":"individual","name":"Иванов Иван Иванович","id_doc":"уд. личности № 012345678","phone":"+7 701 123 45 67","address":"г. Кокшетау, ул. Абая, 1","plot":"г. Кокшетау, ул. Ленина, 5","docs":["application","id_copy","act","conclusion"]'
api POST /api/intake "{$form,\"iin\":\"870412300417\",$act}" "$T/c"
status_is 400 "the form with a wrong IIN"
body_has '"field":"iin"' "the IIN is named"
api POST /api/intake "{$form,\"iin\":\"870412300416\",$act}" "$T/c"
status_is 200 "the application is accepted"
body_has '"receipt":"queued"' "its receipt queued"
number=$(json application <"$T/body")
expect 0 "the application" applications "$number"
has out "870412300416" "in the register with its IIN"
has out "Омаров Ерлан" "taken by the clerk who logged in"
if grep -q '870412300416\|Иванов' "$T/hall.log"; then not_ok "the log holds personal data"; else ok; fi

api POST /api/complaints '{"name":"Петров Пётр","contact":"г. Кокшетау, ул. Мира, 2","kind":"service","text":"долго ждал","channel":"in_person"}' "$T/c"
status_is 200 "a complaint"
body_has '"talon":"queued"' "its talon queued"
api POST /api/complaints '{"name":"Петров Пётр","kind":"service","text":""}' "$T/c"
status_is 400 "a complaint without its text"
body_has '"field":"text"' "names the text"

api POST /api/print "{\"doc\":\"receipt\",\"number\":\"$number\"}" "$T/c"
status_is 200 "the receipt again"
body_has '"job":' "a print job"
api POST /api/print '{"doc":"receipt","number":"2026-9999"}' "$T/c"
status_is 404 "no such application"

api GET "/api/report.csv?from=2026-03-20&to=2026-03-20&lang=ru" "" "$T/c"
status_is 403 "a clerk has no report"
login "$T/m" '{"role":"manager","name":"Ахметов Серик","pin":"4321","lang":"kk"}'
api GET "/api/report.csv?from=2026-03-01&to=2026-03-31&lang=ru" "" "$T/m"
status_is 200 "the month as CSV"
body_has 'section,key,name,places' "with its header"
body_has 'app4,1.1' "and App. 4"
api GET "/api/report.pdf?lang=kk" "" "$T/m"
status_is 200 "today as PDF"
head -c 5 "$T/body" | grep -q '%PDF-' && ok || not_ok "a PDF"
api GET "/api/report.csv?from=2026-03&to=x" "" "$T/m"
status_is 400 "a malformed range"

finish
