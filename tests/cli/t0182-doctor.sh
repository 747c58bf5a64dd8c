#!/bin/bash
# t0182: kezek doctor, one check at a time: each made wrong says what is
# wrong and what to do, and the hall cannot open (exit 2) until every
# failing check is put right; warnings are told but do not close it.
. "$(dirname "$0")/lib.sh"

# line CHECK VERDICT TEXT what: a line of the doctor's answer
line() {
	if grep -E "^$2 +($1)? " "$T/out" | grep -qF -- "$3"; then ok
	else not_ok "$4: no '$2 ... $3' line"; fi
}

# a configuration that does not load: only that is said, the rest skipped
cp "$T/hall.ini" "$T/good.ini"
echo "wait_limit_minutes = soon" >>"$T/hall.ini"
expect 2 "a broken configuration cannot open" doctor
line configuration FAIL "wait_limit_minutes" "the configuration's fault named"
line database skip "no configuration" "the database not checked"
has out "the hall cannot open" "the verdict"
cp "$T/good.ini" "$T/hall.ini"

# the clock stands where the test put it
expect 2 "no database yet" doctor
line clock ok "stood at 2026-03-20 10:00" "the clock named"
line database FAIL "No such file" "the missing database"
has out "kezek init" "says to create it"
line printers skip "no database" "printers wait for the database"

expect 0 "init" init
expect 0 "a fresh hall can open, with warnings" doctor
line database ok "schema" "the database sound"
line "" warn "kiosk-1 (tickets, device" "a printer that cannot answer: a test page tells"
line "" warn "a4-1 (a4, folder" "a printer its service has not seen"
has out "kezek-printd@a4-1" "says to start its service"
has out "the hall can open, with" "the verdict with warnings"

# the same findings in the staff's language, every line of them: a year
# without holiday data, a printer whose service never ran, no PIN, no
# backup, no web server; no English sentence (four Latin words in a row,
# once typed commands such as "kezek print test kiosk-1" and the system's
# error messages are taken out)
for lang in kk ru; do
	case $lang in
	kk) words=("ҚАТЕ" "ескерту" "мерекелер" "2028: мерекелер туралы деректер жоқ"
		"не істеу керек: оның басып шығару қызметін іске қосыңыз"
		"kiosk-1: әкімші коды жоқ" "дерекқордың көшірмесі жоқ" "веб-сервер"
		"a4-1 (A4 беттері, қалта" "зал ашыла алмайды: 1 тексеру өтпеді, 6 ескерту"
		"баптауы оқылмайды: No such file" "тексерілмеді: баптау жоқ") ;;
	ru) words=("ОШИБКА" "внимание" "праздники" "2028: нет данных о праздниках"
		"что сделать: запустите его службу печати"
		"kiosk-1: нет кода администратора" "нет ни одной копии базы данных" "веб-сервер"
		"a4-1 (листы A4, папка"
		"зал не может открыться: 1 проверка не пройдена, 6 предупреждений"
		"' не прочитать: No such file" "не проверено: нет конфигурации") ;;
	esac
	KEZEK_LANG=$lang expect 2 "$lang: the findings of a fresh hall in 2028" --now 2028-03-01T10:00 doctor
	for w in "${words[@]:0:10}"; do has out "$w" "$lang: the doctor says '$w'"; done
	has out "kezek-printd@a4-1" "$lang: the command to type as it is typed"
	no_english out "$lang: kezek doctor" 4
	# a configuration that cannot be read: the staff's words from the first line
	KEZEK_LANG=$lang expect 2 "$lang: no configuration" --config "$T/none.ini" doctor
	has out "${words[0]}" "$lang: the failed configuration's verdict"
	has out "${words[10]}" "$lang: the configuration cannot be read"
	has out "${words[11]}" "$lang: the checks after it not made"
	no_english out "$lang: kezek doctor without hall.ini" 4
done

# a database readable by every user holds personal data in the open
chmod 0644 "$T/hall.db"
expect 2 "a database open to all" doctor
line database FAIL "every user (mode 0644)" "the mode named"
has out "chmod o-rwx" "says how to close it"
chmod 0600 "$T/hall.db"

# a database of an older build must be migrated first
cp "$T/hall.db" "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA user_version = 3"
expect 2 "an old schema" doctor --db "$T/old.db"
line database FAIL "has schema 3" "the old schema named"
has out "kezek init" "says to migrate"
if [ "$(sqlite3 "$T/old.db" "PRAGMA user_version")" = 3 ]; then ok
else not_ok "the doctor migrated the database it looked at"; fi

# data: a data folder without its fonts, then with an untranslated string
mkdir -p "$T/data"
cp -r "$SRC/config" "$T/data/"
expect 2 "no fonts" doctor --data-dir "$T/data"
line data FAIL "fonts" "the missing fonts"
mkdir -p "$T/data/assets" && cp -r "$SRC/assets/fonts" "$T/data/assets/"
expect 2 "no compiled translations" doctor --data-dir "$T/data"
line data FAIL "no translations at '$T/data/locale'" "the missing catalogues named"
# the compiled catalogues, the Russian one short of a string (msgfmt leaves
# out what is untranslated), then not a catalogue at all
cp -r "$KEZEK_LOCALE" "$T/data/locale"
ru_mo=$T/data/locale/ru/LC_MESSAGES/kezek.mo
msggrep --invert-match --msgid -F -e "Back" "$SRC/po/ru.po" -o "$T/short.po"
msgfmt -o "$ru_mo" "$T/short.po"
expect 2 "an untranslated string" doctor --data-dir "$T/data"
line data FAIL "1 of" "the untranslated string counted"
has out "$ru_mo" "the catalogue named"
has out "po/ru.po" "says where to translate it"
cp "$SRC/po/ru.po" "$ru_mo" # the source copied where the compiled one goes
expect 2 "a catalogue that is not compiled" doctor --data-dir "$T/data"
line data FAIL "not a compiled gettext catalogue" "the broken catalogue named"
cp "$KEZEK_LOCALE/ru/LC_MESSAGES/kezek.mo" "$ru_mo"
expect 0 "the whole data directory" doctor --data-dir "$T/data"
line data ok "translations complete" "the copied data passes"

# holidays: a year without data, a provisional one, a decreed one
expect 2 "2028 has no holiday data" --now 2028-03-01T10:00 doctor
line "" FAIL "2028: no holiday data" "the missing year"
expect 0 "2027: provisional data warns, does not close" --now 2027-03-01T10:00 doctor
line "" warn "2027: provisional" "the provisional year"
line "" warn "2028: no holiday data" "next year missing warned"

# printers: as their print services saw them last
sqlite3 "$T/hall.db" "UPDATE printers SET state = 'paper_out', reason = 'the roll is out' WHERE name = 'kiosk-1'"
expect 2 "the ticket printer out of paper closes the hall" doctor
line "" FAIL "kiosk-1 (tickets, device" "the ticket printer's fault"
has out "paper_out: the roll is out" "the state and reason said"
has out "put in a new roll" "says what to do"
sqlite3 "$T/hall.db" "UPDATE printers SET state = 'ready', reason = '' WHERE name = 'kiosk-1'"
"$KEZEK_PRINTD" --printer a4-1 --once >"$T/out" 2>"$T/err" || not_ok "printd a4-1"
run doctor
line "" ok "kiosk-1 (tickets, device" "the ticket printer ready"
line "" ok "a4-1 (a4, folder" "the folder printer ready once its service ran"

# the kiosk's administrator PIN: none, the published sample, a real one
line "" warn "kiosk-1: no administrator PIN" "no PIN warned"
expect 0 "the sample PIN" kiosk pin kiosk-1 --sample
expect 2 "the sample PIN closes the hall" doctor
line "" FAIL "kiosk-1: still the published sample PIN" "the sample PIN named"
input "$T/pin" 73915604
expect_in 0 "a real PIN" "$T/pin" kiosk pin kiosk-1
run doctor
line "" ok "kiosk-1: set" "the PIN set"

# disk: the free space of the database's folder
line disk ok "MB free for" "the free space said"

# backups: none, a fresh one, one left stale
line backups warn "no copy of the database" "no backup warned"
expect 0 "a backup" backup
run doctor
line backups ok "the newest copy" "the fresh copy seen"
touch -d '2026-03-10 10:00' "$T"/backups/hall-*.db
run doctor
line backups warn "the newest copy" "the stale copy warned"
has out "kezek-backup.timer" "says to look at the timer"

# devices: none yet; one registered whose code still waits is in order;
# left unenrolled past its code's day it warns, in the staff's words too;
# retired, it is in order again
line devices ok "0 registered, 0 enrolled" "no devices yet"
expect 0 "a board on a machine of its own" device add board-1 --role board
run doctor
line devices ok "1 registered, 0 enrolled" "a code waiting is in order"
lacks out "never enrolled" "no warning while the code waits"
expect 0 "the next day the code has expired" --now 2026-03-21T10:30 doctor
line "" warn "board-1 (board): never enrolled; its one-time code expired at 2026-03-21 10:00" \
	"the unenrolled device named with its code's end"
has out "kezek device code board-1" "says how to give it a new code"
has out "kezek device revoke board-1" "or to retire it"
KEZEK_LANG=kk run --now 2026-03-21T10:30 doctor
has out "board-1 (табло): ешқашан тіркелмеген" "said in Kazakh"
KEZEK_LANG=ru run --now 2026-03-21T10:30 doctor
has out "board-1 (табло): так и не зарегистрировано" "said in Russian"
expect 0 "retire it" device revoke board-1
run --now 2026-03-21T10:30 doctor
lacks out "never enrolled" "a retired device is not warned of"

# a database with simulated days is a demonstration, not a live hall
line visits ok "0 real visits, 0 simulated" "no visits yet"
expect 0 "simulate a day" --db "$T/demo.db" simulate --day 2026-03-19
run --db "$T/demo.db" doctor
line visits warn "0 real visits" "simulated days warned"
has out "kezek simulate" "says what they are"

# the hall can open: warnings (a provisional year) do not close it
expect 0 "everything in order: the hall can open" doctor
has out "the hall can open" "the verdict"
finish
