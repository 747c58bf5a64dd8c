#!/bin/bash
# Faults of the database file are refused with a clear message, exit 3.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 0 "ticket" ticket A
perms=$(stat -c %a "$T/hall.db")
if [ "$perms" = 600 ]; then ok; else not_ok "database readable by others: $perms"; fi
# The event log is append-only, whatever tool touches the file.
if sqlite3 "$T/hall.db" "UPDATE events SET kind = 'x'" 2>"$T/err"; then
	not_ok "the event log was changed"
else
	has err "append-only" "update of the log refused"
fi
if sqlite3 "$T/hall.db" "DELETE FROM events" 2>"$T/err"; then
	not_ok "the event log was emptied"
else
	has err "append-only" "delete from the log refused"
fi
# A database from a newer build is not touched.
cp "$T/hall.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
expect 3 "newer schema" status --db "$T/newer.db"
has err "schema version 99, newer than this build" "newer schema said"
# A file that is not ours.
echo "not a database at all, just some text that is long enough" >"$T/notes.db"
expect 3 "not a database" status --db "$T/notes.db"
has err "notes.db" "file named"
one_line_error "not a database"
sqlite3 "$T/foreign.db" "CREATE TABLE x (y); PRAGMA user_version = 1"
expect 3 "another program's database" status --db "$T/foreign.db"
has err "not a Kezek database" "foreign database said"
# Only our own database: a file Kezek did not make is refused by every
# command, read-only ones too, and left exactly as it was (no WAL, no tables).
untouched() { # file what: same bytes as before, no -wal or -shm beside it
	if [ "$(sha256sum <"$1")" = "$sum" ] && [ ! -e "$1-wal" ] && [ ! -e "$1-shm" ]; then ok
	else not_ok "$2: $1 was changed"; fi
}
sqlite3 "$T/other.db" "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')"
: >"$T/empty.db"
for f in other.db empty.db; do
	sum=$(sha256sum <"$T/$f")
	for cmd in status "ticket A" check "history A-001" "report 2026-03-20"; do
		# shellcheck disable=SC2086
		expect 3 "$cmd on $f refused" $cmd --db "$T/$f"
		has err "$f" "$cmd on $f: the file named"
		one_line_error "$cmd on $f"
		untouched "$T/$f" "$cmd on $f"
	done
done
has err "make the database with 'kezek init'" "an empty file: what to do"
expect 3 "init does not adopt another program's file" init --db "$T/other.db"
has err "another program" "init on a foreign file: said whose"
has err "left untouched" "init on a foreign file: said it was not touched"
sum=$(sha256sum <"$T/other.db")
untouched "$T/other.db" "init on a foreign file"
expect 0 "init makes an empty file a database" init --db "$T/empty.db"
expect 0 "which then issues tickets" ticket A --db "$T/empty.db"
first_line "A-001" "the new database starts at 1"
expect 0 "the real one still works" ticket A
first_line "A-002" "nothing was lost"
finish
