#!/bin/bash
# The command explains itself, and usage errors exit 1 with one line.
. "$(dirname "$0")/lib.sh"

expect 0 "kezek --help" --help
for c in init ticket counter next recall start finish status close-day history check; do
	has out "  $c " "help lists $c"
done
expect 1 "no command" 
expect 1 "unknown command" fly
has err "'fly' is not a command" "unknown command named"
for c in init ticket counter next recall start finish status close-day history check; do
	expect 0 "$c --help" "$c" --help
	has out "usage: kezek $c" "$c --help shows usage"
done
expect 1 "ticket without service" ticket
has err "missing arguments" "missing argument said"
expect 1 "too many arguments" ticket A B
expect 1 "unknown option" status --colour
has err "--colour" "unknown option named"
expect 1 "counter number not a number" next one
has err "'one' is not a counter number" "bad counter named"
expect 1 "bad --now" status --now 2026-13-01T10:00
has err "2026-13-01T10:00" "bad time named"

# the help in the staff's language: its sentences from the catalogues, the
# commands' and options' names as typed; no English sentence left (four
# Latin words in a row)
for lang in kk ru; do
	case $lang in
	kk) words=("Пәрмендер:" "Барлық пәрменге ортақ опциялар:" "қолданылуы:" "осы анықтаманы көрсету") ;;
	ru) words=("Команды:" "Опции любой команды:" "использование:" "показать эту справку") ;;
	esac
	KEZEK_LANG=$lang expect 0 "$lang: kezek --help" --help
	for w in "${words[@]}"; do has out "$w" "$lang: kezek --help says '$w'"; done
	has out "  close-day " "$lang: the command's name as typed"
	has out "--data-dir DIR" "$lang: the option's name as typed"
	no_english out "$lang: kezek --help" 4 --spaced
	for c in $(KEZEK_LANG=en "$KEZEK" --help | awk '/^  [a-z][a-z-]* /{print $1}'); do
		KEZEK_LANG=$lang run "$c" --help
		if [ "$rc" -eq 0 ] && grep -q "^${words[2]} kezek $c" "$T/out"
		then ok; else not_ok "$lang: kezek $c --help in the staff's words"; fi
		no_english out "$lang: kezek $c --help" 4 --spaced
	done
	KEZEK_LANG=$lang expect 0 "$lang: kezek help accept" help accept
	has out "${words[2]} kezek accept N" "$lang: the form of the command"
	lacks out "Personal data" "$lang: how personal data is given, translated"
	KEZEK_LANG=$lang expect 1 "$lang: kezek alone" 
	if grep -q "^${words[2]} kezek" "$T/err"; then ok; else not_ok "$lang: the usage on stderr"; fi
	# the usage errors in the staff's words too: a command that is none, and
	# one written wrong where the hall's configuration does not load
	case $lang in
	kk) said=("'fly' деген пәрмен жоқ" "Команда дұрыс жазылмаған" "оның түрі: kezek ticket SERVICE") ;;
	ru) said=("'fly' — не команда" "Команда записана неверно" "её вид: kezek ticket SERVICE") ;;
	esac
	KEZEK_LANG=$lang expect 1 "$lang: unknown command" fly
	has err "${said[0]}" "$lang: the unknown command said in the staff's words"
	KEZEK_LANG=$lang expect 1 "$lang: ticket without service, no configuration" \
		--config "$T/none.ini" ticket
	has err "${said[1]}" "$lang: the usage error in the staff's words"
	has err "${said[2]}" "$lang: the command's form in the staff's words"
	lacks err "missing arguments" "$lang: no English reason"
done
# the hall's staff language when KEZEK_LANG says nothing
sed -i 's/^staff_lang = .*/staff_lang = kk/' "$T/hall.ini"
KEZEK_LANG= expect 0 "the hall's staff language" --help
has out "Пәрмендер:" "kezek --help in [hall] staff_lang"

# --version: every program says its name and the version it was built as
expect 0 "kezek --version" --version
if grep -qxE 'kezek [0-9]+\.[0-9]+(\.[0-9]+)*' "$T/out"; then ok; else not_ok "kezek version line"; fi
version=$(cat "$T/out")
expect 0 "kezek COMMAND --version" status --version
first_line "$version" "the same line after a command"
expect 0 "kezek --help" --help
has out "--version" "kezek --help names --version"
has out "--data-dir" "kezek --help names --data-dir"
for prog in kezek-kiosk kezek-display kezek-printd; do
	bin="$(dirname "$KEZEK")/$prog"
	"$bin" --version >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 0 ]; then ok; else not_ok "$prog --version: exit $rc, expected 0"; fi
	if grep -qxE "$prog [0-9]+\.[0-9]+(\.[0-9]+)*" "$T/out"; then ok
	else not_ok "$prog --version prints '$prog VERSION'"; fi
	"$bin" --help >"$T/out" 2>"$T/err"
	has out "--version" "$prog --help names --version"
	has out "--data-dir" "$prog --help names --data-dir"
	has out "KEZEK_CONFIG" "$prog --help tells where the configuration comes from"
done
# What was typed is quoted on one line, its control characters escaped,
# by every program: a newline or an escape sequence never reaches the
# terminal raw.
bad=$(printf 'A\nB\033[31m')
for prog in "$KEZEK status" "$(dirname "$KEZEK")/kezek-kiosk" "$(dirname "$KEZEK")/kezek-display" \
	"$(dirname "$KEZEK")/kezek-printd"; do
	# shellcheck disable=SC2086
	$prog "--$bad" >"$T/out" 2>"$T/err"
	rc=$?
	name=$(basename "${prog% status}")
	if [ "$rc" -eq 1 ]; then ok; else not_ok "$name with a bad option: exit $rc, expected 1"; fi
	if [ "$(wc -l <"$T/err")" -le 2 ] && ! grep -q "$(printf '\033')" "$T/err"; then ok
	else not_ok "$name: the bad option reached the terminal raw"; fi
	has err '\nB\x1B[31m' "$name: the option shown escaped"
done
expect 1 "a command name with a newline" "$bad"
has err "'A\nB\x1B[31m' is not a command" "the command name shown escaped"
one_line_error "a command name with a newline"
expect 1 "a counter with an escape" next "$bad"
has err "'A\nB\x1B[31m' is not a counter number" "the counter shown escaped"
finish
