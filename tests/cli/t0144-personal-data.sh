#!/bin/bash
# Personal data (p.17.7): the database is readable by the service's user
# only, kezek check warns when it is not, and kezek purge removes the
# personal data of closed cases after the retention, from the file too,
# keeping the numbers the reports count.
. "$(dirname "$0")/lib.sh"

sql() { sqlite3 "$T/private/hall.db" "$1"; }
is() {
	local got
	got=$(sql "$2")
	if [ "$got" = "$1" ]; then ok; else not_ok "$3: '$got', expected '$1'"; fi
}
# in_file TEXT: the database's files hold TEXT's bytes
in_file() { cat "$T"/private/hall.db* | grep -qaF -- "$1"; }
export KEZEK_DB="$T/private/hall.db"
input "$T/person" "name: Иванов Иван Иванович" "iin: 870412300416" \
	"id-doc: уд. личности № 012345678" "phone: +7 701 111 22 33" \
	"address: г. Кокшетау, ул. Абая, 10" "plot: участок 5"

expect 0 "init" init
if [ "$(stat -c %a "$T/private")" = 700 ]; then ok; else not_ok "the folder is not 0700"; fi
if [ "$(stat -c %a "$T/private/hall.db")" = 600 ]; then ok; else not_ok "the file is not 0600"; fi
expect 0 "check, private" check
lacks err "warning" "no warning"
chmod 644 "$T/private/hall.db"
expect 0 "check, readable by others" check
has err "warning: '$T/private/hall.db' can be read or written by other users (mode 0644)" \
	"warned"
has err "chmod 600" "what to do said"
chmod 600 "$T/private/hall.db"

open_counter 1 "Клерк Бірінші"
input "$T/first" "name: Жалобщик Первый" "contact: ул. Мира 1" "text: хамство в зале"
expect_in 0 "complaint answered soon" "$T/first" complaint add 1 --channel post --kind service
input "$T/answer" "text: извинились"
expect_in 0 "its answer" "$T/answer" complaint answer 2026-C-0001 --channel post \
	--now 2026-03-26T11:00
input "$T/second" "name: Жалобщик Второй" "text: не ответили"
expect_in 0 "complaint never answered" "$T/second" complaint add 1 --channel in_person \
	--kind result
expect_in 0 "application" "$T/person" accept 1 --docs application,id_copy,act,conclusion
first_line "2026-0001" "numbered"
expect 0 "decided" decide 2026-0001 approve --now 2026-03-26T10:00
expect 0 "handed over" handover 2026-0001 --to applicant --counter 1 --now 2026-03-27T10:00
if in_file "Жалобщик Первый" && in_file "870412300416"; then ok
else not_ok "the personal data is not there to begin with"; fi

expect 1 "bad --older-than" purge --older-than soon
expect 1 "zero days" purge --older-than 0
expect 0 "purge within the retention" purge --now 2027-03-20T10:00
has out "purged the personal data of 0 complaints and 0 applications" "nothing yet"
expect 0 "purge three years on" purge --now 2029-04-01T10:00
has out "purged the personal data of 1 complaint and 1 application closed before 2026-04-0" \
	"counts"
has out "kept for the reports: 2 complaints and 1 application" "what stays"
lacks err "warning" "the file was rebuilt"
is "||||0|post|service|2026-04-20" "SELECT complainant, contact, summary, answer,
	purged_at IS NULL, answer_channel, kind, due_day FROM complaints WHERE number = '2026-C-0001'" \
	"the complaint's personal data gone, its figures kept"
is "Жалобщик Второй" "SELECT complainant FROM complaints WHERE number = '2026-C-0002'" \
	"an open complaint keeps it"
is "||||||2026-0001|approved|individual" "SELECT applicant, idnum, id_doc, phone, address,
	plot_address, number, status, kind FROM applications" "the application's too"
is 1 "SELECT count(*) FROM events WHERE kind = 'purged' AND detail LIKE '1 complaints, 1 applications%'" \
	"the purge logged, with counts only"
if in_file "Жалобщик Первый" || in_file "хамство" || in_file "870412300416" ||
	in_file "Иванов Иван"; then not_ok "purged text is still in the file"; else ok; fi
if in_file "Жалобщик Второй"; then ok; else not_ok "the open complaint's text went too"; fi
expect 0 "the journal lists it" complaints --now 2029-04-01T10:00
has out "(purged)" "shown as purged"
has out "2 complaints" "still counted"
expect 0 "check" check

# the retention comes from [hall] retention_days
sed -i 's/^retention_days = .*/retention_days = 30/' "$T/hall.ini"
input "$T/third" "name: Третий" "text: x"
expect_in 0 "complaint 3" "$T/third" complaint add 1 --channel in_person --kind service \
	--now 2029-04-01T11:00
input "$T/y" "text: y"
expect_in 0 "answered" "$T/y" complaint answer 2029-C-0001 --channel in_person \
	--now 2029-04-01T12:00
expect 0 "purge after 30 days" purge --now 2029-05-02T10:00
has out "purged the personal data of 1 complaint" "30 days taken from hall.ini"
sed -i 's/^retention_days = .*/retention_days = forever/' "$T/hall.ini"
expect 3 "a malformed retention" purge
has err "retention_days must be a number of days" "said"
finish
