#!/bin/bash
# t0020: kezek-hall refuses what it must: no session (401), a clerk acting
# on another counter or a manager's page (403), a forged request without
# or with a wrong CSRF token or from another site (403), a cookie replayed
# after logout (401), oversized (413), non-JSON (415) and malformed JSON
# (400), path traversal out of the pages' folder, plain or encoded (404),
# a browser outside [server] allow (403); and every refusal is logged
# with who made it.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "clerk 1's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
expect_in 0 "clerk 2's PIN" "$T/pin" clerk pin "Сейтова Дана" --position "Маман"
expect_in 0 "a manager's PIN" "$T/pin" manager pin "Ахметов Серик"
start_hall || { finish; exit 1; }

# no session
for p in /api/session /api/counter /api/services /api/events; do
	api GET "$p" "" "$T/none"
	status_is 401 "GET $p without a session"
done
api POST /api/counter/next '{}' "$T/none"
status_is 401 "a state change without a session"

login "$T/a" '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"ru"}'
status_is 200 "clerk at counter 1"
login "$T/b" '{"role":"clerk","name":"Сейтова Дана","pin":"4321","counter":2,"lang":"ru"}'
status_is 200 "clerk at counter 2"
api POST /api/counter/open '{}' "$T/b"
status_is 200 "counter 2 opens"

# a clerk acting on another counter
api POST /api/counter/open '{"counter":2}' "$T/a"
status_is 403 "clerk 1 acts on counter 2"
body_has '"error":"counter"' "said as another counter"
api POST /api/counter/close '{"counter":"2"}' "$T/a"
status_is 403 "counter named as text"
expect 0 "status" status
has out "Сейтова" "counter 2 still under its clerk"
api GET /api/counter "" "$T/a"
body_has '"counter":1' "clerk 1 sees only counter 1"

# managers' and clerks' accounts are apart
login "$T/m" '{"role":"clerk","name":"Ахметов Серик","pin":"4321","counter":3,"lang":"ru"}'
status_is 401 "a manager's PIN does not open a counter"
login "$T/m" '{"role":"manager","name":"Омаров Ерлан","pin":"4321","lang":"ru"}'
status_is 401 "a clerk's PIN does not open the manager's page"
login "$T/m" '{"role":"manager","name":"Ахметов Серик","pin":"4321","lang":"ru"}'
status_is 200 "the manager logs in"
api POST /api/counter/next '{}' "$T/m"
status_is 403 "a manager does not work a counter"
body_has '"error":"role"' "said as the role"

# forged requests
csrf=$(cat "$T/a.csrf")
rm "$T/a.csrf"
api POST /api/counter/open '{}' "$T/a"
status_is 403 "no CSRF token"
body_has '"error":"csrf"' "said as CSRF"
echo 0123456789abcdef0123456789abcdef >"$T/a.csrf"
api POST /api/counter/open '{}' "$T/a"
status_is 403 "a wrong CSRF token"
cp "$T/b.csrf" "$T/a.csrf"
api POST /api/counter/open '{}' "$T/a"
status_is 403 "another session's CSRF token"
echo "$csrf" >"$T/a.csrf"
status=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/a" -H "X-CSRF-Token: $csrf" \
	-H 'Content-Type: application/json' -H 'Origin: http://evil.example' -d '{}' \
	"$URL/api/counter/open")
status_is 403 "a request from another site"
status=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/a" -H "X-CSRF-Token: $csrf" \
	-d 'x=1' "$URL/api/counter/open")
status_is 415 "a form post, not JSON"
api POST /api/counter/open '{}' "$T/a"
status_is 200 "the page's own request goes through"

# malformed and oversized
api POST /api/counter/finish '{"outcome":' "$T/a"
status_is 400 "malformed JSON"
body_has '"error":"json"' "said as JSON"
api POST /api/counter/finish '["served"]' "$T/a"
status_is 400 "JSON that is not an object"
api POST /api/counter/finish '{"outcome":"served","outcome":"served"}' "$T/a"
status_is 400 "a key given twice"
python3 -c 'print("{\"comment\":\"" + "x" * 70000 + "\"}")' >"$T/big.json"
status=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/a" -H "X-CSRF-Token: $csrf" \
	-H 'Content-Type: application/json' --data-binary @"$T/big.json" "$URL/api/counter/finish")
status_is 413 "a body over 64 KiB"
status=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/a" -H "X-CSRF-Token: $csrf" \
	-H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' \
	--data-binary @"$T/big.json" "$URL/api/counter/finish")
status_is 413 "a chunked body over 64 KiB"

# a cookie replayed after logout
cp "$T/a" "$T/a.saved"
api POST /api/logout '{}' "$T/a"
status_is 204 "logout"
grep -q 'kezek_session' "$T/a" && grep -q 'kezek_session.*[0-9a-f]\{64\}' "$T/a" &&
	not_ok "the cookie is cleared in the browser" || ok
cp "$T/a.saved" "$T/a"
api GET /api/session "" "$T/a"
status_is 401 "the old cookie after logout"
api POST /api/counter/next '{}' "$T/a"
status_is 401 "a state change with the old cookie"

# the pages' files, and nothing beside them
for p in /static/app.js /counter /manager /; do
	status=$(curl -s -o "$T/body" -w '%{http_code}' "$URL$p")
	status_is 200 "GET $p"
done
for p in /static/../hall.ini /static/..%2fhall.ini /static/%2e%2e/hall.ini \
	/static/%2e%2e%2fhall.ini /static/..%5chall.ini /static/.%2e/hall.db /static/%2e%2e%2f%2e%2e%2fetc%2fpasswd \
	/static/....//hall.ini /static/ /static/.hidden /static/hall.ini; do
	status=$(curl -s --path-as-is -o "$T/body" -w '%{http_code}' "$URL$p")
	if [ "$status" = 404 ] || [ "$status" = 400 ]; then ok; else not_ok "GET $p: $status"; fi
	if grep -q 'name_kk\|root:\|SQLite' "$T/body"; then not_ok "GET $p leaked a file"; else ok; fi
done

# every refusal is in the log, with who made it
log_has 'POST /api/counter/open 403 csrf' "the forged request is logged"
log_has 'POST /api/counter/open 403 counter' "the other counter's request is logged"
log_has 'manager#' "a manager's request names the manager"
log_has '- GET /api/session 401 session' "an anonymous refusal says nobody"
if grep -q '4321\|Омаров\|Сейтова\|Ахметов' "$T/hall.log"; then not_ok "the log holds a PIN or a name"; else ok; fi

# a browser outside the allowed networks
stop_hall
printf '\n[server]\nallow = 10.0.0.0/8\n' >>"$T/hall.ini.tmp"
drop_section server
cat "$T/hall.ini.tmp" >>"$T/hall.ini"
start_hall || { finish; exit 1; }
status=$(curl -s -o "$T/body" -w '%{http_code}' "$URL/counter")
status_is 403 "loopback outside [server] allow = 10.0.0.0/8"
log_has '127.0.0.1 - GET /counter 403 network' "logged"
# the words are the visitor's phone page's too, from any network
status=$(curl -s -o "$T/body" -w '%{http_code}' "$URL/api/words?lang=ru")
status_is 200 "the words answer any network"

finish
