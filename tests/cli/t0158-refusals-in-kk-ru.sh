#!/bin/bash
# t0158: every refusal the clerk reads from the kezek command and the
# console is in Kazakh or Russian (po/), never the queue's English: each
# refusal is provoked under KEZEK_LANG=kk and ru, and its words hold no
# English sentence (three Latin words in a row, once the command's own
# form such as "kezek next --help" is taken out).
. "$(dirname "$0")/lib.sh"

CLERK="Омаров Ерлан"
# refused CODE what ARGS...: kezek refuses with CODE, in the staff's words
refused() {
	local code=$1 what=$2
	shift 2
	expect "$code" "$what" "$@"
	if [ -s "$T/err" ]; then ok; else not_ok "$what: nothing said"; fi
	no_english err "$what"
}

expect 0 "init" init
printf '2468\n' >"$T/pin"
expect_in 0 "a clerk's PIN" "$T/pin" clerk pin "$CLERK" --position "Бас маман"
for lang in kk ru; do
	export KEZEK_LANG=$lang
	refused 2 "next at a closed counter ($lang)" next 1
	refused 2 "pause a closed counter ($lang)" counter pause 1
	open_counter 1 "$CLERK"
	refused 2 "open twice ($lang)" counter open 1 --clerk "$CLERK" --position "Бас маман"
	refused 2 "nobody waiting ($lang)" next 1
	refused 2 "recall nobody ($lang)" recall 1
	refused 2 "start nobody ($lang)" start 1
	refused 2 "finish nobody ($lang)" finish 1 --outcome served
	refused 2 "no-show of nobody ($lang)" finish 1 --outcome no-show
	refused 2 "postpone nobody ($lang)" postpone --counter 1 --reason "көшірме" --minutes 10
	refused 2 "call back who is not postponed ($lang)" return A-999 --counter 1
	refused 2 "an unknown service ($lang)" ticket Z
	refused 2 "a Saturday ($lang)" ticket A --now 2026-03-21T10:00
	refused 2 "no such ticket ($lang)" history Z-999
	refused 1 "a counter that is no number ($lang)" next abc
	refused 1 "finish without its outcome ($lang)" finish 1
	expect 0 "a ticket ($lang)" ticket A
	expect 0 "call it ($lang)" next 1
	expect 0 "start it ($lang)" start 1
	refused 2 "no-show after the start ($lang)" finish 1 --outcome no-show
	refused 2 "transfer to no service ($lang)" finish 1 --outcome transferred --to Z
	refused 2 "close with a visitor ($lang)" counter close 1
	refused 2 "the wrong ticket ($lang)" finish 1 --outcome served --ticket A-999
	expect 0 "served ($lang)" finish 1 --outcome served
	expect 0 "close ($lang)" counter close 1

	# the console: a wrong PIN, then the refusals of the keys
	expect 0 "a ticket for the console ($lang)" ticket A
	printf '%s\n' "$CLERK" 1111 "$CLERK" 2468 n n f t Z "көшірмесі бар" y p "көшірме" 999 s x n \
		f y n r b ж q >"$T/keys"
	"$KEZEK" console 1 <"$T/keys" >"$T/out" 2>"$T/err"
	cat "$T/err" >>"$T/out"
	has out "$CLERK" "the console ran ($lang)"
	no_english out "console ($lang)"
	expect 0 "open for another ($lang)" counter open 2 --clerk "Басқа Адам" --position "Маман"
	printf '%s\n' "$CLERK" 2468 >"$T/keys"
	"$KEZEK" console 2 <"$T/keys" >"$T/out" 2>"$T/err"
	[ $? -eq 2 ] && ok || not_ok "a counter open under another clerk refused ($lang)"
	no_english err "console at another's counter ($lang)"
	expect 0 "close it ($lang)" counter close 2
	# the locked login: too many wrong PINs
	printf '%s\n' "$CLERK" 1 "$CLERK" 1 "$CLERK" 1 >"$T/keys"
	"$KEZEK" console 3 <"$T/keys" >"$T/out" 2>"$T/err"
	no_english err "console with wrong PINs ($lang)"
	expect_in 0 "the PIN again ($lang)" "$T/pin" clerk pin "$CLERK" --position "Бас маман"
done
finish
