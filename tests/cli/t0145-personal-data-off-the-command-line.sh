#!/bin/bash
# Personal data never in a process's arguments, which every user of the
# machine reads in /proc/PID/cmdline: a running intake and a running
# complaint hold none of it there; they read it on standard input (or a
# file only its owner can read); the old options, an argument that is an
# IIN, a file others can read and broken input are refused with the way to
# do it right.
. "$(dirname "$0")/lib.sh"

NAME="Сейтқали Ержан Болатұлы"
IIN=870412300416
pid=
# a process left waiting on the FIFO is ended with the test
trap 'exec 3>&-; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT

# within SECONDS CMD...: CMD holds within SECONDS seconds (polled)
within() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.05
	done
}
# runs_kezek: $pid has become kezek (its arguments are final) and is alive
runs_kezek() {
	[ "$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1)" = "$KEZEK" ]
}
# waits_on_input: it sleeps, its standard input the FIFO no one wrote to yet
waits_on_input() {
	[ "$(readlink "/proc/$pid/fd/0" 2>/dev/null)" = "$T/fifo" ] &&
		[ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" = S ]
}
gone() { ! kill -0 "$pid" 2>/dev/null; }

# start_held CMD...: start kezek CMD... reading a FIFO this test holds open
# (fd 3), so it is alive, waiting for its input, while the test looks
start_held() {
	rm -f "$T/fifo"
	mkfifo "$T/fifo"
	"$KEZEK" "$@" <"$T/fifo" >"$T/out" 2>"$T/err" &
	pid=$!
	exec 3>"$T/fifo"
	if within 20 runs_kezek && within 20 waits_on_input; then ok
	else not_ok "kezek $1 did not start and wait for its input within 20 s"; fi
}
# cmdline_lacks TEXT what: the running process's arguments do not hold TEXT
cmdline_lacks() {
	if [ -r "/proc/$pid/cmdline" ] && kill -0 "$pid" 2>/dev/null &&
		! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$1"; then ok
	else not_ok "$2: the arguments of a running kezek hold it, or it is not running"; fi
}
# feed FILE: give FILE on the held input, end it, wait for kezek: code in $rc
feed() {
	cat "$1" >&3
	exec 3>&-
	if within 20 gone; then ok; else not_ok "kezek did not end within 20 s of its input"; fi
	wait "$pid"
	rc=$?
	pid=
}

expect 0 "init" init
open_counter 1 "Ахметова Айгүл Серікқызы"
input "$T/person" "name: $NAME" "iin: $IIN" "id-doc: уд. личности № 012345678" \
	"phone: +7 701 123 45 67" "address: г. Кокшетау, ул. Абая, 1" \
	"plot: г. Кокшетау, ул. Ленина, 5"

# a running intake: nothing personal in its arguments
start_held accept 1 --docs application,id_copy,act,conclusion
cmdline_lacks "$NAME" "the applicant's name"
cmdline_lacks "$IIN" "the IIN"
cmdline_lacks "Ленина" "the land plot"
feed "$T/person"
if [ "$rc" -eq 0 ]; then ok; else not_ok "the intake fed on its input: exit $rc"; fi
first_line "2026-0001" "recorded"
expect 0 "the application" applications 2026-0001
has out "applicant       $NAME" "with the name given on standard input"
has out "IIN             $IIN" "and the IIN"

# a running complaint: the same
input "$T/complaint" "name: $NAME" "contact: Көкшетау, Абай көшесі 1" \
	"text: бағалаумен келіспеймін" "  екінші жол"
start_held complaint add 1 --channel post --kind result
cmdline_lacks "$NAME" "the complainant's name"
cmdline_lacks "Абай" "the contact"
cmdline_lacks "келіспеймін" "the complaint's text"
feed "$T/complaint"
if [ "$rc" -eq 0 ]; then ok; else not_ok "the complaint fed on its input: exit $rc"; fi
first_line "2026-C-0001" "registered"
expect 0 "the journal" complaints --csv
has out "$NAME" "with the complainant's name"
if tr '\n' '|' <"$T/out" | grep -qF 'келіспеймін|екінші жол'; then ok
else not_ok "the indented line does not continue the text on a new line"; fi

# the old options: refused in one line saying how, the value not repeated
expect_in 1 "--name" "$T/person" accept 1 --name "$NAME" --docs application
one_line_error "--name refused"
has err "kezek accept: --name puts personal data where every user of this machine can read it" \
	"why said"
has err "give it on standard input as 'name: ...' (see 'kezek accept --help')" "how said"
lacks err "Сейтқали" "the name not repeated"
expect_in 1 "--iin" "$T/person" accept 1 --iin=$IIN --docs application
has err "as 'iin: ...'" "the IIN's key said"
lacks err "$IIN" "the IIN not repeated"
expect_in 1 "--plot" "$T/person" accept 1 --docs application --plot x
has err "as 'plot: ...'" "the plot's key said"
expect_in 1 "complaint --text" "$T/complaint" complaint add 1 --channel post --kind result \
	--text x
has err "as 'text: ...'" "the text's key said"
expect_in 1 "complaint --contact" "$T/complaint" complaint add 1 --channel post --kind result \
	--contact x
expect_in 1 "handover --proxy-name" /dev/null handover 2026-0001 --to proxy --proxy-name x
has err "as 'proxy-name: ...'" "the proxy's key said"
expect_in 1 "decide --reason" /dev/null decide 2026-0001 reject --reason x
has err "as 'reason: ...'" "the reason's key said"
# an IIN anywhere in the arguments
expect_in 1 "an IIN as an argument" "$T/person" accept 1 --docs application "$IIN"
one_line_error "IIN argument refused"
has err "12 digits looks like an IIN or BIN" "why said"
has err "give it on standard input as 'iin: ...' or 'bin: ...'" "how said"
lacks err "$IIN" "the IIN not repeated"
expect 1 "an IIN given to a list" applications "$IIN"
has err "intake reads it on standard input (see 'kezek accept --help')" "where it goes said"
run applications --status 123456789012
lacks err "IIN" "twelve digits that are no IIN or BIN are not taken for one"
# the keys are named in --help
expect 0 "accept --help" accept --help
has out "Personal data, on standard input (or --from FILE, mode 0600), never as options" \
	"said"
has out "  iin  " "the IIN's key"
has out "  proxy-doc  " "the power of attorney's key"
lacks out "--name" "no --name option"
expect 0 "complaint --help" complaint --help
has out "  text  " "the text's key"

# --from FILE: its owner's only
cp "$T/person" "$T/person.txt"
chmod 644 "$T/person.txt"
expect 1 "a file others can read" accept 1 --docs application,id_copy,act,conclusion \
	--from "$T/person.txt"
one_line_error "mode refused"
has err "other users can read it (mode 0644); run 'chmod 600 $T/person.txt'" "chmod named"
chmod 600 "$T/person.txt"
expect 0 "a file of mode 0600" accept 1 --docs application,id_copy,act,conclusion \
	--from "$T/person.txt"
first_line "2026-0002" "recorded from the file"
chmod 400 "$T/person.txt"
expect 0 "a file of mode 0400" accept 1 --docs application,id_copy,act,conclusion \
	--from "$T/person.txt"
rm -f "$T/fifo"
mkfifo -m 600 "$T/fifo"
expect 1 "a FIFO as the file, at once" accept 1 --docs application --from "$T/fifo"
has err "not a regular file" "kind refused"
expect 1 "no such file" accept 1 --docs application --from "$T/none"
has err "cannot open it" "said"

# broken input: the line and the key named, no value repeated
input "$T/bad" "name: $NAME" "nmae: x"
expect_in 1 "an unknown key" "$T/bad" accept 1 --docs application
one_line_error "unknown key"
has err "standard input, line 2: 'nmae' is not a key of kezek accept: name, iin, bin" "named"
input "$T/bad" "name: $NAME" "iin: $IIN" "name: Другой"
expect_in 1 "a key twice" "$T/bad" accept 1 --docs application
has err "line 3: 'name' was given on line 1 already; give it once" "both lines named"
input "$T/bad" "# a comment" "" "name $NAME"
expect_in 1 "no colon" "$T/bad" accept 1 --docs application
has err "line 3: no ':' after a key" "said"
lacks err "Сейтқали" "the line not repeated"
input "$T/bad" "phone:"
expect_in 1 "an empty value" "$T/bad" accept 1 --docs application
has err "line 1: 'phone' has no value" "said"
input "$T/bad" "  continued"
expect_in 1 "a continuation first" "$T/bad" accept 1 --docs application
has err "line 1: an indented line continues" "said"
printf 'name: \xd0\x41\n' >"$T/bad"
expect_in 1 "not UTF-8" "$T/bad" accept 1 --docs application
has err "line 1: not UTF-8 text" "said"
printf 'name: a\nphone: \033[31m\n' >"$T/bad"
expect_in 1 "a control character" "$T/bad" accept 1 --docs application
has err "line 2: a control character" "said"
head -c 70000 /dev/zero | tr '\0' 'a' >"$T/big"
expect_in 1 "more than 64 KiB" "$T/big" accept 1 --docs application
has err "standard input: more than 64 KiB" "the bound said"
input "$T/bad" "name: $NAME" "iin: $IIN" "id-doc: x" "address: y" "plot: z"
expect_in 1 "a field missing" "$T/bad" accept 1 --docs application,id_copy,act,conclusion
has err "the applicant's phone is missing; give it as 'phone: ...'" "the key said"
expect 0 "only the three were recorded" applications
has out "3 applications" "three"
finish
