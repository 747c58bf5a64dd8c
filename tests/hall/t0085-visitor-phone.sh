#!/bin/bash
# t0085: the visitor's phone.  A ticket printed with [server] public_url
# carries a QR code; read back from the printout (zbarimg) it is the link
# that opens the ticket's page on kezek-hall, from a network outside
# [server] allow, with no cookie.  The answer has the number, the service,
# who is ahead, the counter once called, and nothing of a person.  A forged
# token, a malformed one and another day's get one plain "not found" in
# both languages; the token never reaches the server's log.  Without
# public_url no QR code is printed.
. "$(dirname "$0")/lib.sh"

PRINTD="$(dirname "$KEZEK")/kezek-printd"
command -v zbarimg >/dev/null || { echo "zbarimg (zbar-tools) is needed"; exit 77; }
# the staff's browsers are 10.0.0.0/8 here: loopback is "the internet"
sed -i "s#^allow = .*#allow = 10.0.0.0/8#" "$T/hall.ini"
# the ticket printer's device file, as lib.sh placed it
PRN=$(sed -n 's/^address = \(.*kiosk-1\.prn\)$/\1/p' "$T/hall.ini")
case $PRN in /*) ;; *) PRN="$T/$PRN" ;; esac
mkdir -p "$(dirname "$PRN")"

# print_ticket LANG PNG: a ticket of A on kiosk-1 printed by kezek-printd
# and its printout made a picture
print_ticket() {
	: >"$PRN"
	expect 0 "a ticket in $1" ticket A --print kiosk-1 --lang "$1"
	"$PRINTD" --printer kiosk-1 --fonts "$SRC/assets/fonts" --once >"$T/out" 2>"$T/err" &&
		ok || not_ok "kezek-printd prints the ticket"
	expect 0 "the printout as a picture" print preview "$PRN" "$2"
}
# get URL: status in $status, body in $T/body, headers in $T/headers (no cookie jar)
get() { status=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' "$1"); }
body_lacks() {
	if grep -qF -- "$1" "$T/body"; then not_ok "$2: '$1' in $(head -c 600 "$T/body")"; else ok; fi
}

expect 0 "init" init
cp -r "$SRC/hall/www" "$T/www" # the real pages: the phone page's own
start_hall || { finish; exit 1; }

# without public_url: no code on the ticket
print_ticket kk "$T/plain.png"
if zbarimg -q --raw "$T/plain.png" >"$T/out" 2>&1; then not_ok "no QR code without public_url"; else ok; fi

# with it (the server's own address): the code is the link
sed -i "s#^allow = 10.0.0.0/8#&\npublic_url = $URL/#" "$T/hall.ini"
print_ticket kk "$T/ticket-kk.png"
link=$(zbarimg -q --raw "$T/ticket-kk.png" 2>/dev/null)
token=${link#"$URL/t/"}
token=${token%"?lang=kk"}
[[ $link == "$URL/t/"*"?lang=kk" ]] && ok || not_ok "the QR code is the page's link: '$link'"
[[ $token =~ ^[A-Za-z0-9_-]{22}$ ]] && ok || not_ok "a token of 128 bits, URL-safe: '$token'"
sqlite3 "$KEZEK_DB" .dump >"$T/dump"
if grep -qF -- "$token" "$T/dump"; then not_ok "the token is stored"; else ok; fi

get "$link"
status_is 200 "the link opens the page"
body_has 'src="/phone/phone.js"' "the phone page"
grep -qi '^connection: close' "$T/headers" && ok || not_ok "a phone's connection is not kept"
if grep -qi '^set-cookie' "$T/headers"; then not_ok "no cookie is set"; else ok; fi
get "$URL/phone/phone.js"
status_is 200 "its script, from outside the staff's network"
get "$URL/phone/counter.html"
status_is 404 "only the phone page's own files"
get "$URL/api/words?lang=ru"
status_is 200 "its words"
api GET /api/session
status_is 403 "the staff's pages stay closed to this network"

get "$URL/api/visit/$token?lang=kk"
status_is 200 "the ticket's state"
body_has '"number":"A-002"' "its number"
body_has '"service_name":"Құжаттарды тапсыру"' "its service in Kazakh"
body_has '"state":"waiting"' "waiting"
body_has '"ahead":1' "one ahead (A-001)"
body_has '"now":' "the server's clock"
get "$URL/api/visit/$token?lang=ru"
body_has '"service_name":"Сдача документов"' "its service in Russian"

# called, with a person's application at the counter: the page says where,
# and nothing of who
echo 4321 >"$T/pin"
expect_in 0 "a clerk" "$T/pin" clerk pin "Ахметова Айгүл Серікқызы" --position "Бас маман"
open_counter 3 "Ахметова Айгүл Серікқызы"
expect 0 "A-001 called" next 3
expect 0 "A-001 served" finish 3 --outcome served
expect 0 "A-002 called" next 3
input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 123 45 67" \
	"address: г. Кокшетау, ул. Абая, 1" "plot: г. Кокшетау, ул. Ленина, 5"
expect_in 0 "an application at counter 3" "$T/person" accept 3 \
	--docs application,id_copy,act,conclusion
get "$URL/api/visit/$token?lang=ru"
status_is 200 "the called ticket"
body_has '"state":"called"' "called"
body_has '"counter":3' "to counter 3"
for personal in "Иванов" "870412300416" "012345678" "701 123" "Абая" "Ленина" "Ахметова" "2026-0001"; do
	body_lacks "$personal" "nothing personal in the answer"
done
python3 -c 'import json,sys; k=set(json.load(open(sys.argv[1]))); extra=k-{"now","version","number","service","service_name","state","issued_at","recalls","outcome","counter","called_at","ahead","estimate"}; sys.exit(1 if extra else 0)' "$T/body" &&
	ok || not_ok "only the ticket's own fields: $(cat "$T/body")"

# forged, malformed: one "not found", in both languages
forged=$( [ "${token:0:1}" = A ] && echo "B${token:1}" || echo "A${token:1}")
for bad in "$forged" "${token:0:21}" "${token}A" "..%2fcounter.html"; do
	get "$URL/api/visit/$bad?lang=kk"
	status_is 404 "a forged or malformed token: $bad"
	body_has '"error":"not_found"' "said not found"
	get "$URL/t/$bad"
	status_is 404 "its page: $bad"
	body_has "Бұл сілтеме белгісіз немесе енді жарамсыз" "in Kazakh"
	body_has "Эта ссылка неизвестна или больше не действует" "and in Russian"
done

# the log follows a phone by a hash of its token, never the token
log_has "GET /t/#" "the page's requests logged"
log_has "GET /api/visit/#" "the answers' requests logged"
if grep -qF -- "$token" "$T/hall.log"; then not_ok "the token is in the log"; else ok; fi
if grep -qF -- "${forged}" "$T/hall.log"; then not_ok "a forged token is in the log"; else ok; fi

# too many requests from one address: 429, like every other route
seq 1 600 | sed "s#.*#url = \"$URL/api/visit/$forged\"\noutput = \"/dev/null\"#" >"$T/many"
curl -s -K "$T/many" -w '%{http_code}\n' >"$T/codes"
grep -qx 429 "$T/codes" && ok || not_ok "a flood of guesses is limited: $(sort "$T/codes" | uniq -c)"

# the next day: yesterday's link is dead, today's ticket has another
stop_hall
export KEZEK_NOW=2026-03-26T10:00 # after Nauryz
start_hall || { finish; exit 1; }
get "$URL/api/visit/$token?lang=kk"
status_is 404 "another day's token"
get "$URL/t/$token?lang=kk"
status_is 404 "another day's page"
body_has "Эта ссылка неизвестна" "said plainly"
sed -i "s#^public_url = .*#public_url = $URL#" "$T/hall.ini"
print_ticket ru "$T/ticket-ru.png"
link2=$(zbarimg -q --raw "$T/ticket-ru.png" 2>/dev/null)
token2=${link2#"$URL/t/"}
token2=${token2%"?lang=ru"}
[[ $link2 == "$URL/t/"*"?lang=ru" ]] && ok || not_ok "the new day's link: '$link2'"
[ "$token2" != "$token" ] && ok || not_ok "a new day, a new token"
get "$link2"
status_is 200 "today's link works"
get "$URL/api/visit/$token2?lang=ru"
body_has '"number":"A-001"' "today's A-001"
[ "$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM ballot_keys WHERE day = '2026-03-20'")" = 0 ] &&
	ok || not_ok "the past day's key is forgotten"

finish
