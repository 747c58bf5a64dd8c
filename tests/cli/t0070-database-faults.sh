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
expect 0 "the real one still works" ticket A
first_line "A-002" "nothing was lost"
finish
