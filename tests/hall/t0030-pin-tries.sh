#!/bin/bash
# t0030: guessing a PIN through kezek-hall gets nowhere: five wrong PINs
# lock the account for 15 minutes (the lockout of kezek console: the right
# PIN is refused too, and the event log has every attempt), ten wrong
# PINs from one address stop that address (429 with Retry-After) whatever
# the names; and a browser asking too fast is slowed down (429).
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "clerk 1's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
expect_in 0 "clerk 2's PIN" "$T/pin" clerk pin "Сейтова Дана" --position "Маман"
start_hall || { finish; exit 1; }

for i in 1 2 3 4; do
	login "$T/j" '{"role":"clerk","name":"Омаров Ерлан","pin":"0000","counter":1,"lang":"ru"}'
	status_is 401 "wrong PIN $i"
done
body_has 'Осталось попыток до блокировки входа: 1' "the last try is announced"
login "$T/j" '{"role":"clerk","name":"Омаров Ерлан","pin":"0001","counter":1,"lang":"ru"}'
status_is 401 "wrong PIN 5"
login "$T/j" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"ru"}'
status_is 401 "the right PIN after five wrong ones"
body_has '"error":"locked"' "the account is locked"
body_has 'заблокирован до 10:' "until when"
n=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM events WHERE kind = 'login_failed'")
[ "$n" -eq 6 ] && ok || not_ok "six failed logins in the event log, not $n"
if sqlite3 "$T/hall.db" "SELECT detail FROM events" | grep -q '4321\|0000\|0001'; then
	not_ok "a PIN in the event log"; else ok; fi

# the address: four more wrong PINs, for another name, make ten
for i in 1 2 3 4; do
	login "$T/j" '{"role":"clerk","name":"Сейтова Дана","pin":"9999","counter":2,"lang":"ru"}'
	status_is 401 "wrong PIN for another name $i"
done
curl -s -D "$T/headers" -o "$T/body" -H 'Content-Type: application/json' \
	-d '{"role":"clerk","name":"Сейтова Дана","pin":"4321","counter":2,"lang":"ru"}' \
	"$URL/api/login" >/dev/null
if head -1 "$T/headers" | grep -q ' 429'; then ok; else not_ok "the address is stopped: $(head -1 "$T/headers")"; fi
grep -qi '^Retry-After: [0-9]' "$T/headers" && ok || not_ok "with Retry-After"
body_has 'слишком много неверных PIN-кодов' "said in the page's language"
n=$(sqlite3 "$T/hall.db" "SELECT count(*) FROM events WHERE kind = 'clerk_login'")
[ "$n" -eq 0 ] && ok || not_ok "no login got through: $n"
log_has 'POST /api/login 429 too_many' "logged"

# a browser asking too fast: 400 requests in one connection
urls=()
for i in $(seq 400); do urls+=(-o /dev/null "$URL/api/session"); done
curl -s -w '%{http_code}\n' "${urls[@]}" >"$T/codes"
grep -q '^429$' "$T/codes" && ok || not_ok "400 requests at once meet 429"
grep -q '^401$' "$T/codes" && ok || not_ok "the first of them are answered"

finish
