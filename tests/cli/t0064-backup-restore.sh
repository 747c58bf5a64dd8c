#!/bin/bash
# kezek backup takes a checked copy while tickets are being issued; kezek
# restore checks a copy and puts it back; bad copies are refused and the
# database is left as it was.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
expect 0 "a first ticket" ticket A
# tickets issued by another process all through the backup
(for i in $(seq 40); do "$KEZEK" ticket B >/dev/null 2>&1 || exit 1; done) &
issuer=$!
# wait until the issuer is under way, then copy while it runs
under_way() {
	n=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets WHERE number LIKE 'B-%'" 2>/dev/null)
	[ "${n:-0}" -ge 3 ]
}
wait_for "the issuer has issued 3 tickets" under_way
expect 0 "a backup while tickets are issued" backup "$T/copy.db"
first_line "$T/copy.db" "the copy's path first"
has out "tickets agree with the event log" "the copy checked"
wait $issuer
if [ $? -eq 0 ]; then ok; else not_ok "the issuer failed while the backup ran"; fi
mode=$(stat -c %a "$T/copy.db")
if [ "$mode" = 600 ]; then ok; else not_ok "the copy is readable by others: $mode"; fi
if [ ! -e "$T/copy.db-wal" ] && [ ! -e "$T/copy.db.partial" ]; then ok; else not_ok "the copy is not one file"; fi
in_copy=$(sqlite3 "$T/copy.db" "SELECT count(*) FROM tickets")
in_db=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets")
if [ "$in_db" -eq 41 ] && [ "$in_copy" -ge 4 ] && [ "$in_copy" -le 41 ]; then ok
else not_ok "tickets: $in_db in the database, $in_copy in the copy"; fi
expect 0 "the copy passes kezek check" check --db "$T/copy.db"

# progress on a terminal only: quiet into a file (above), told on a terminal
if [ ! -s "$T/err" ] || ! grep -q 'pages copied' "$T/err"; then ok; else not_ok "backup progress into a file"; fi
on_tty() { script -qec "$(printf '%q ' "$KEZEK" "$@")" /dev/null >"$T/tty" 2>&1 </dev/null; }
on_tty backup "$T/tty-copy.db"
if grep -q 'backup: pages copied: 0 of [0-9]' "$T/tty" && grep -q "$T/tty-copy.db" "$T/tty"; then ok
else not_ok "backup progress on a terminal"; cat "$T/tty" >&2; fi
on_tty purge
if grep -q 'purge: complaints, step: 0 of 4' "$T/tty" && grep -q 'purged the personal data' "$T/tty"; then ok
else not_ok "purge progress on a terminal"; cat "$T/tty" >&2; fi
expect 0 "purge into a file" purge
if ! grep -q 'step' "$T/err"; then ok; else not_ok "purge progress into a file"; fi

expect 0 "a backup into backups/ by default" backup
path=$(head -n 1 "$T/out")
case "$path" in "$T"/backups/hall-*.db) ok ;; *) not_ok "default backup path: $path" ;; esac
if [ "$(stat -c %a "$T/backups")" = 700 ]; then ok; else not_ok "backups/ is open to others"; fi
expect 1 "a backup never overwrites" backup "$T/copy.db"
has err "already exists" "said why"

# the daily timer's --keep: the newest N copies stay, nothing else is touched
echo "the office's own notes" >"$T/backups/notes.txt"
for at in 2026-03-21T20:30 2026-03-22T20:30 2026-03-23T20:30; do
	expect 0 "a daily copy at $at" --now "$at" backup --keep 2
done
has out "removed 1 older copy, kept the newest 2" "the oldest copies went"
left=$(cd "$T/backups" && ls hall-*.db | tr '\n' ' ')
if [ "$left" = "hall-20260322-203000.db hall-20260323-203000.db " ]; then ok
else not_ok "--keep 2 left: $left"; fi
if [ -f "$T/backups/notes.txt" ]; then ok; else not_ok "--keep removed a file that is no copy"; fi
expect 1 "--keep must be a number" backup --keep none
has err "--keep is a number of copies" "said what --keep takes"

# refused copies leave the database as it was
before=$(sqlite3 "$KEZEK_DB" "SELECT count(*) || ':' || max(id) FROM events")
echo "not a database, just text that is long enough to look like a file" >"$T/junk.db"
expect 3 "a file that is no database" restore "$T/junk.db"
has err "is not sound" "the junk named unsound"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
expect 3 "another program's database" restore "$T/other.db"
cp "$T/copy.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
expect 3 "a copy from a newer build" restore "$T/newer.db"
has err "newer than this build" "the newer schema said"
cp "$T/copy.db" "$T/bent.db"
sqlite3 "$T/bent.db" "UPDATE tickets SET state = 'done', outcome = 'served', finished_at = issued_at WHERE id = 2"
expect 3 "a copy whose tickets disagree with its log" restore "$T/bent.db"
has err "does not agree with the event log" "the disagreement named"
after=$(sqlite3 "$KEZEK_DB" "SELECT count(*) || ':' || max(id) FROM events")
if [ "$before" = "$after" ]; then ok; else not_ok "a refused restore changed the database"; fi

expect 0 "restore the copy" restore "$T/copy.db"
has out "is back in place" "restored"
now=$(sqlite3 "$KEZEK_DB" "SELECT count(*) FROM tickets")
if [ "$now" -eq "$in_copy" ]; then ok; else not_ok "after restore $now tickets, the copy had $in_copy"; fi
expect 0 "the restored database passes kezek check" check
expect 0 "and issues the next number after the copy's" ticket A
first_line "A-002" "numbers go on from the copy"
finish
