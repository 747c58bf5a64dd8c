#!/bin/bash
# t0095: the public feed of waits, GET /open/waits.json and .csv: for
# anyone, with no session; per service the number waiting, the longest wait
# now and today's share of waits within 30 minutes, right for a hall whose
# tickets were issued and called at known times; valid against its schema
# (docs/open-waits.schema.json); no name, no ticket number, nothing of a
# clerk; an ETag that gives 304, CORS for anyone, a change seen live, and
# 429 for an address that asks too fast.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
expect 0 "A-001 at 09:20" --now 2026-03-20T09:20 ticket A
expect 0 "counter 1 opens at 09:25" --now 2026-03-20T09:25 counter open 1 --clerk "Омаров Ерлан" --position "Бас маман"
expect 0 "A-001 called at 09:30: 10 minutes" --now 2026-03-20T09:30 next 1
expect 0 "A-001 starts" --now 2026-03-20T09:31 start 1
expect 0 "A-001 served" --now 2026-03-20T09:36 finish 1 --outcome served
expect 0 "A-002 at 09:40" --now 2026-03-20T09:40 ticket A
expect 0 "B-001 at 09:45" --now 2026-03-20T09:45 ticket B
expect 0 "A-003 at 09:58" --now 2026-03-20T09:58 ticket A
expect 0 "A-002 called at 10:15: 35 minutes" --now 2026-03-20T10:15 next 1
cp -r "$SRC/tests/hall/www" "$T/www" && cp "$SRC/hall/www/open.html" "$T/www/"
start_hall --now 2026-03-20T10:20 || { finish; exit 1; }

# get PATH [CURL ARGS...]: status in $status, body in $T/body, headers in $T/head
get() {
	local path=$1
	shift
	rm -f "$T/body" # curl makes no file of an empty answer
	status=$(curl -sk -D "$T/head" -o "$T/body" -w '%{http_code}' "$@" "$URL$path")
}
head_has() {
	if grep -qiF -- "$1" "$T/head"; then ok
	else not_ok "$2: '$1' not in the headers: $(cat "$T/head")"; fi
}
# py EXPR: EXPR over the answer d (the JSON of $T/body), printed
py() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$T/body" "$1"; }
# figure EXPR WANT what
figure() {
	local got
	got=$(py "$1")
	if [ "$got" = "$2" ]; then ok; else not_ok "$3: $1 is $got, expected $2"; fi
}
# between EXPR LO HI what: the figure is in LO..HI (the clock runs while the test does)
between() {
	local got
	got=$(py "$1")
	if [ "$got" -ge "$2" ] && [ "$got" -le "$3" ]; then ok
	else not_ok "$4: $1 is $got, expected $2..$3"; fi
}

get /open/waits.json
status_is 200 "the feed answers without a session"
head_has "Content-Type: application/json" "as JSON"
head_has "Access-Control-Allow-Origin: *" "to a page of any site"
head_has "Cache-Control: public, max-age=10" "cacheable for 10 s"
head_has "ETag: \"" "with an ETag"
if python3 "$SRC/tests/hall/json-schema.py" "$SRC/docs/open-waits.schema.json" "$T/body" >"$T/out" 2>"$T/err"; then ok
else not_ok "the answer follows docs/open-waits.schema.json: $(cat "$T/out" "$T/err")"; fi

figure 'd["schema"]' kezek-open-waits/1 "the schema's name"
figure 'd["day"]' 2026-03-20 "today"
figure 'd["wait_limit_seconds"]' 1800 "the limit: 30 minutes"
between 'd["now"] - 1773984000' 0 120 "now is 10:20 on the hall's clock (2026-03-20T10:20+05:00)"
figure 'len(d["offices"])' 1 "one office: this hall's"
figure 'd["offices"][0]["office"]' akmola-kokshetau-city "the office's key from the configuration"
figure 'd["offices"][0]["name_kk"]' "Жер қатынастары бөлімі" "its name in Kazakh"
figure 'd["offices"][0]["name_ru"]' "Отдел земельных отношений" "and in Russian"
figure '[s["service"] for s in d["offices"][0]["services"]]' "['A', 'B', 'C']" "every service"
A='[s for s in d["offices"][0]["services"] if s["service"]=="A"][0]'
B='[s for s in d["offices"][0]["services"] if s["service"]=="B"][0]'
C='[s for s in d["offices"][0]["services"] if s["service"]=="C"][0]'
figure "$A[\"name_ru\"]" "Сдача документов" "A's name in Russian"
figure "$A[\"waiting\"]" 1 "one waits for A (A-003)"
between "$A[\"longest_wait_seconds\"]" 1320 1440 "A-003 has waited 22 minutes"
figure "$A[\"today_waits\"]" 2 "two waits ended in a call today: A-001 and A-002"
figure "$A[\"today_within_limit\"]" 1 "A-001's 10 minutes within the limit, A-002's 35 not"
figure "$A[\"today_within_share\"]" 50.0 "half of them"
figure "$B[\"waiting\"]" 1 "one waits for B"
between "$B[\"longest_wait_seconds\"]" 2100 2220 "B-001 has waited 35 minutes"
figure "$B[\"today_waits\"]" 0 "no B called yet"
figure "$B[\"today_within_share\"]" None "no share of nothing"
figure "$C[\"waiting\"]" 0 "nobody waits for C"
figure "$C[\"longest_wait_seconds\"]" 0 "so no wait"
figure 'd["offices"][0]["waiting"]' 2 "two wait in the office"
between 'd["offices"][0]["longest_wait_seconds"]' 2100 2220 "the office's longest wait is B-001's"
figure 'd["offices"][0]["today_within_share"]' 50.0 "the office's share"

# no personal data: no ticket number, no name, nothing of a counter or a clerk
for word in A-001 A-002 A-003 B-001 Омаров Ерлан маман clerk ticket counter number; do
	if grep -qF -- "$word" "$T/body"; then not_ok "'$word' is in the public feed"; else ok; fi
done

get /open/waits.csv
status_is 200 "the CSV answers"
head_has "Content-Type: text/csv" "as CSV"
head_has "Access-Control-Allow-Origin: *" "the CSV to any site too"
first=$(head -n 1 "$T/body" | tr -d '\r')
if [ "$first" = "day,now,office,office_name_kk,office_name_ru,service,service_name_kk,service_name_ru,waiting,longest_wait_seconds,today_waits,today_within_limit,today_within_share" ]; then ok
else not_ok "the CSV's header: $first"; fi
if grep -q '^2026-03-20,[0-9]*,"akmola-kokshetau-city","Жер қатынастары бөлімі","Отдел земельных отношений","A","Құжаттарды тапсыру","Сдача документов",1,1[34][0-9][0-9],2,1,50.0' "$T/body"; then ok
else not_ok "the CSV's row of A: $(cat "$T/body")"; fi
if grep -q ',"B",.*,1,2[12][0-9][0-9],0,0,$' <(tr -d '\r' <"$T/body"); then ok
else not_ok "the CSV's row of B: no share of nothing: $(cat "$T/body")"; fi
for word in A-001 A-003 B-001 Омаров; do
	if grep -qF -- "$word" "$T/body"; then not_ok "'$word' is in the CSV"; else ok; fi
done

# the same answer again: 304 with its ETag (a new answer is made at most
# every 10 s of the hall's clock, so the ETag is asked again until it holds)
not_modified() {
	get /open/waits.json
	local etag
	etag=$(grep -i '^ETag:' "$T/head" | sed 's/^[^:]*: *//' | tr -d '\r')
	get /open/waits.json -H "If-None-Match: $etag"
	[ "$status" = 304 ] && [ ! -s "$T/body" ] && grep -qiF "ETag: $etag" "$T/head"
}
wait_for "304 Not Modified for the ETag just given, with no body" not_modified && ok

# only GET: a POST is refused, and carries no CORS header
get /open/waits.json -X POST -H 'Content-Type: application/json' --data '{}'
status_is 405 "a POST to the feed"
if grep -qi 'Access-Control-Allow-Origin' "$T/head"; then not_ok "CORS on a refused POST"; else ok; fi

# live: a ticket issued now is in the feed within moments
expect 0 "C-001 issued while the server runs" --now 2026-03-20T10:21 ticket C
c_waits() { get /open/waits.json && [ "$(py "$C[\"waiting\"]")" = 1 ]; }
wait_for "the feed shows C-001 waiting" c_waits && ok

# the page of the feed is served
get /open
status_is 200 "the public page"
body_has 'open.js' "with its script"

# too fast from one address: 429 with Retry-After, and the others still served
for _ in $(seq 1 300); do printf 'url = "%s"\noutput = "/dev/null"\n' "$URL/open/waits.json"; done >"$T/many"
curl -sk -D "$T/head" -w '%{http_code}\n' -K "$T/many" >"$T/codes"
if grep -q '^429$' "$T/codes"; then ok; else not_ok "429 after 300 requests at once: $(sort "$T/codes" | uniq -c)"; fi
if [ "$(grep -c '^200$' "$T/codes")" -ge 150 ]; then ok; else not_ok "the first of them served: $(sort "$T/codes" | uniq -c)"; fi
head_has "Retry-After: 1" "a 429 says when to ask again"
log_has "GET /open/waits.json 429 too_many" "the refusal is in the server's log"

finish
