#!/bin/bash
# t0040: HTTPS: 'kezek-hall --make-certificate DIR' makes a self-signed
# pair (the key 0600, never overwritten); kezek-hall serves HTTPS with it,
# a client that trusts the certificate verifies it, the session cookie is
# Secure; without a certificate it refuses to listen beyond loopback, and
# plain HTTP gets nothing from the HTTPS port.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
"$HALL_BIN" --make-certificate "$T" --name hall.example.kz --name 192.168.7.10 >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] && ok || not_ok "make a certificate: exit $rc"
[ "$(stat -c %a "$T/hall.key")" = 600 ] && ok || not_ok "the key is 0600"
[ -s "$T/hall.crt" ] && ok || not_ok "the certificate is there"
if command -v certtool >/dev/null; then
	certtool -i --infile "$T/hall.crt" >"$T/info" 2>&1
	has info "hall.example.kz" "the certificate names the extra name"
	has info "192.168.7.10" "and the extra address"
	has info "127.0.0.1" "and loopback"
fi
sum=$(sha256sum "$T/hall.key")
"$HALL_BIN" --make-certificate "$T" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 3 ] && ok || not_ok "a second pair is refused: exit $rc"
[ "$(sha256sum "$T/hall.key")" = "$sum" ] && ok || not_ok "the key is kept"

# no certificate: only loopback
"$HALL_BIN" --address 0.0.0.0 --port 0 >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 3 ] && ok || not_ok "plain HTTP beyond loopback refused: exit $rc"
has err "without HTTPS" "and says why"
has err "--make-certificate" "and what to do"

printf 'certificate = hall.crt\nkey = hall.key\n' >"$T/server.add"
sed -i '/^\[server\]/r '"$T/server.add" "$T/hall.ini"
echo 4321 >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "Омаров Ерлан" --position "Бас маман"
start_hall || { finish; exit 1; }
case "$URL" in https://*) ok ;; *) not_ok "the address printed is https: $URL" ;; esac
curl -s --cacert "$T/hall.crt" -o "$T/body" -w '%{http_code}' "$URL/api/words?lang=kk" >"$T/code"
[ "$(cat "$T/code")" = 200 ] && ok || not_ok "a client trusting the certificate verifies it: $(cat "$T/code")"
curl -s -D "$T/headers" -o "$T/body" --cacert "$T/hall.crt" -H 'Content-Type: application/json' \
	-d '{"role":"clerk","name":"Омаров Ерлан","pin":"4321","counter":1,"lang":"kk"}' "$URL/api/login"
has headers "Secure" "the cookie is Secure"
has headers "HttpOnly" "HttpOnly"
has headers "SameSite=Strict" "SameSite=Strict"
plain=${URL/https:/http:}
if curl -s -m 5 -o /dev/null "$plain/api/words?lang=kk"; then not_ok "plain HTTP on the HTTPS port"; else ok; fi

finish
