#!/bin/bash
# t0196: a fault in the administrator's files (hall.ini, the database, a
# holiday file) is said wholly in the staff's language, kk and ru: the lead
# sentence and the library's detail after it, with no English sentence
# left (keys, values and commands are typed, so they stay as typed).
. "$(dirname "$0")/lib.sh"

# in_lang FILE LANG what: the detail (after "NAME.ini:LINE: ", else after
# "kezek: ") is in LANG: Cyrillic, and for kk with letters Russian lacks
in_lang() {
	if python3 - "$T/$1" "$2" >"$T/why" <<'EOF'; then ok; else not_ok "$3: $(cat "$T/why")"; fi
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\.ini:\d+: (.*)", text) or re.search(r"kezek: (.*)", text)
detail = m.group(1) if m else ""
kazakh = re.search("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", detail) is not None
if not re.search("[а-яА-Я]", detail) or kazakh != (sys.argv[2] == "kk"):
    print("not said in %s: %r" % (sys.argv[2], detail))
    sys.exit(1)
EOF
}

# without FILE TEXT: FILE.less, FILE (out or err) with TEXT taken out
without() {
	python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[1] + ".less", "w", encoding="utf-8").write(t.replace(sys.argv[2], " "))' \
		"$T/$1" "$2"
}

expect 0 "init" init
cp "$T/hall.ini" "$T/good.ini"
# (a) hall.ini: a key [hall] does not know, and a value it does not take
sed 's/^\[hall\]$/[hall]\nfoo = 1/' "$T/good.ini" >"$T/key.ini"
sed 's/^staff_lang = .*/staff_lang = de/' "$T/good.ini" >"$T/value.ini"
if grep -q '^foo = 1$' "$T/key.ini" && grep -q '^staff_lang = de$' "$T/value.ini"; then ok
else not_ok "the broken copies of hall.ini were not made"; fi
# the keys [hall] knows, as the file spells them: typed, never translated
expect 3 "en: the unknown key" --config "$T/key.ini" status
known=$(sed -n 's/.*known keys: //p' "$T/err")
if [ -n "$known" ]; then ok; else not_ok "en: the keys [hall] knows are not listed"; fi

# (b) a database file of random bytes, and another program's database
python3 -c 'import random, sys; random.seed(196)
sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(8192)))' >"$T/random.db"
sqlite3 "$T/other.db" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')"
# (c) a holiday file with a date no calendar has
mkdir "$T/bad-holidays"
cp "$SRC/config/holidays/"*.ini "$T/bad-holidays/"
sed -i 's/^date = 2026-05-27$/date = 2026-02-30/' "$T/bad-holidays/2026.ini"
if grep -q '^date = 2026-02-30$' "$T/bad-holidays/2026.ini"; then ok
else not_ok "the bad date was not written"; fi
sed 's|^\[hall\]$|[hall]\nholidays = '"$T"'/bad-holidays|' "$T/good.ini" >"$T/holidays.ini"

for lang in kk ru; do
	case $lang in
	kk) lead="баптау жүктелмейді" damaged="дерекқоры бүлінген" db_lead="дерекқор ашылмайды"
		other="басқа бағдарламаның SQLite файлы" not_date="түріндегі күн емес" ;;
	ru) lead="конфигурация не загружается" damaged="повреждена" db_lead="база данных"
		other="файл SQLite другой программы" not_date="не дата" ;;
	esac
	export KEZEK_LANG=$lang
	# (a) the unknown key and the bad value, by status and by doctor
	for fault in key value; do
		case $fault in
		key) named="'foo'" ;;
		value) named="'de'" ;;
		esac
		expect 3 "$lang: status refuses hall.ini with a bad $fault" --config "$T/$fault.ini" status
		has err "$fault.ini:" "$lang: status names the file and line ($fault)"
		has err "$named" "$lang: status names the $fault"
		expect 2 "$lang: doctor: the hall cannot open ($fault)" --config "$T/$fault.ini" doctor
		has out "$lead" "$lang: doctor says the configuration does not load ($fault)"
		has out "$named" "$lang: doctor names the $fault"
		# the configuration's own words too, not only the lead around them
		run --config "$T/$fault.ini" status
		in_lang err $lang "$lang: status, the bad $fault"
		without err "$known"
		no_english err.less "$lang: status, the bad $fault"
		run --config "$T/$fault.ini" doctor
		in_lang out $lang "$lang: doctor, the bad $fault"
		without out "$known"
		no_english out.less "$lang: doctor, the bad $fault"
	done
	# (b) the damaged file and another program's database, by status
	expect 3 "$lang: status refuses a file of random bytes" --db "$T/random.db" status
	has err "random.db" "$lang: the damaged file named"
	has err "$damaged" "$lang: the file said damaged"
	has err "kezek restore FILE" "$lang: the command to put a copy back, as typed"
	one_line_error "$lang: the damaged file"
	in_lang err $lang "$lang: status, the damaged file"
	no_english err "$lang: status, the damaged file"
	expect 2 "$lang: doctor: the hall cannot open on random bytes" --db "$T/random.db" doctor
	has out "$db_lead" "$lang: doctor, the database's lead"
	has out "$damaged" "$lang: doctor, the file said damaged"
	no_english out "$lang: doctor, the damaged file" 4
	expect 3 "$lang: status refuses another program's database" --db "$T/other.db" status
	has err "$other" "$lang: said whose file it is"
	in_lang err $lang "$lang: status, another program's database"
	no_english err "$lang: status, another program's database"
	# (c) the holiday file's bad date
	expect 3 "$lang: status refuses the holiday file" --config "$T/holidays.ini" status
	has err "2026.ini:" "$lang: the holiday file and line named"
	has err "2026-02-30" "$lang: the bad date named"
	has err "$not_date" "$lang: said it is no date"
	in_lang err $lang "$lang: status, the bad date"
	no_english err "$lang: status, the bad date"
	# the doctor reads the holiday files as the commands do: not only there
	expect 2 "$lang: doctor: the hall cannot open with the bad date" --config "$T/holidays.ini" doctor
	has out "2026-02-30" "$lang: doctor names the bad date"
	has out "$not_date" "$lang: doctor says it is no date"
	no_english out "$lang: doctor, the bad date" 4
done
unset KEZEK_LANG
finish
