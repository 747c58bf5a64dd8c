#!/bin/bash
# t0090: a counter's papers on its own printer (hall.ini's [counter N]
# printer =, refused when it names no printer or one of tickets), others'
# on the hall's; and a transfer's comment, kept with the visitor's new
# place, shown to the counter that calls them and in their history.
. "$(dirname "$0")/lib.sh"

sql() { sqlite3 "$T/hall.db" "$1"; }
is() {
	local got
	got=$(sql "$2")
	if [ "$got" = "$1" ]; then ok; else not_ok "$3: '$got', expected '$1'"; fi
}

# the configuration's checks
cp "$T/hall.ini" "$T/good.ini"
sed -i 's/^\[counter 2\]$/[counter 2]\nprinter = nosuch/' "$T/hall.ini"
expect 3 "a counter's printer that is not configured" status
has err "[counter 2] prints on 'nosuch', which is not a [printer]" "named, with the counter"
cp "$T/good.ini" "$T/hall.ini"
sed -i 's/^\[counter 2\]$/[counter 2]\nprinter = kiosk-1/' "$T/hall.ini"
expect 3 "a counter's printer of tickets" status
has err "a tickets printer; name one of role receipts or a4" "the role refused"
cp "$T/good.ini" "$T/hall.ini"
sed -i 's/^\[counter 2\]$/[counter 2]\nprinter = desk-2/' "$T/hall.ini"
# the hall's receipts printer first (the one a counter without its own uses)
printf '\n[printer hall-r]\nrole = receipts\ntransport = device\naddress = %s/hall-r.prn\n' "$T" \
	>>"$T/hall.ini"
printf '\n[printer desk-2]\nrole = receipts\ntransport = device\naddress = %s/desk-2.prn\n' "$T" \
	>>"$T/hall.ini"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
echo 5678 >"$T/pin2"
expect_in 0 "another clerk's PIN" "$T/pin2" clerk pin "Жанибекова Әсем" --position "Маман"
start_hall || { finish; exit 1; }
login "$T/c2" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":2,"lang":"kk"}'
api POST /api/counter/open '{}' "$T/c2"
login "$T/c3" '{"role":"clerk","name":"Жанибекова Әсем","pin":"5678","counter":3,"lang":"ru"}'
api POST /api/counter/open '{}' "$T/c3"

# papers: counter 2's on desk-2, counter 3's on the hall's (hall-r)
api POST /api/complaints '{"name":"Петров Пётр","contact":"г. Кокшетау, ул. Мира, 2","kind":"service","text":"долго ждал","channel":"in_person"}' "$T/c2"
status_is 200 "a complaint at counter 2"
is "desk-2" "SELECT p.name FROM print_jobs j JOIN printers p ON p.id = j.printer_id
	ORDER BY j.id DESC LIMIT 1" "its talon on counter 2's printer"
talon=$(json complaint <"$T/body")
api POST /api/complaints '{"name":"Сидоров Иван","contact":"г. Кокшетау, ул. Мира, 3","kind":"result","text":"не согласен","channel":"in_person"}' "$T/c3"
status_is 200 "a complaint at counter 3"
is "hall-r" "SELECT p.name FROM print_jobs j JOIN printers p ON p.id = j.printer_id
	ORDER BY j.id DESC LIMIT 1" "counter 3's talon on the hall's printer"
api POST /api/print "{\"doc\":\"talon\",\"number\":\"$talon\"}" "$T/c2"
status_is 200 "the talon again at counter 2"
body_has '"printer":"desk-2"' "on counter 2's printer"
api POST /api/print "{\"doc\":\"talon\",\"number\":\"$talon\"}" "$T/c3"
status_is 200 "the talon again at counter 3"
body_has '"printer":"hall-r"' "on the hall's printer"

# the transfer's comment: from counter 2 (A) to C, which counter 3 serves
expect 0 "a ticket" ticket A
api POST /api/counter/next '{}' "$T/c2"
api POST /api/counter/start '{}' "$T/c2"
long=$(python3 -c 'print("ж" * 200)')
api POST /api/counter/finish "{\"outcome\":\"transferred\",\"to_service\":\"C\",\"comment\":\"$long\"}" "$T/c2"
status_is 400 "a comment too long"
body_has '"field":"comment"' "names the comment"
api POST /api/counter/finish '{"outcome":"served","comment":"x"}' "$T/c2"
status_is 400 "a comment without a transfer"
is "serving" "SELECT state FROM tickets WHERE number = 'A-001'" "nothing changed"
api POST /api/counter/finish '{"outcome":"transferred","to_service":"C","comment":"төлем түбіртегі бар, кеңес керек","ticket":"A-001"}' "$T/c2"
status_is 200 "transferred with a comment"
is "төлем түбіртегі бар, кеңес керек" "SELECT transfer_comment FROM tickets
	WHERE number = 'A-001' AND state = 'waiting'" "kept with the new place"
is "0" "SELECT count(*) FROM events WHERE detail LIKE '%түбіртегі%'" \
	"not in the event log (free text)"
api POST /api/counter/next '{}' "$T/c3"
status_is 200 "counter 3 calls the visitor"
python3 -c 'import json,sys; print(json.load(sys.stdin)["current"]["comment"])' <"$T/body" >"$T/got"
[ "$(cat "$T/got")" = "төлем түбіртегі бар, кеңес керек" ] && ok ||
	not_ok "the receiving counter sees the comment: $(cat "$T/got")"
api GET /api/counter "" "$T/c2"
body_has '"current":null' "the sending counter is free"
expect 0 "history" history A-001
has out '"төлем түбіртегі бар, кеңес керек"' "the comment in the history"
api POST /api/counter/finish '{"outcome":"served"}' "$T/c3"
expect 0 "the tickets agree with the event log" check

# the kezek command: --comment with a transfer only
expect 0 "another ticket" ticket A
expect 0 "call it" next 2 --now 2026-03-20T10:05
expect 1 "a comment on a served visit" finish 2 --outcome served --comment "x"
expect 0 "transfer with a comment" finish 2 --outcome transferred --to C --comment "копия есть"
is "копия есть" "SELECT transfer_comment FROM tickets WHERE number = 'A-002' AND state = 'waiting'" \
	"the command's comment kept"
finish
