#!/bin/bash
# The database's folders: kezek init makes every missing one, for the
# hall's user only; in a folder a user cannot write, the commands that only
# read still answer, and one that writes says what to do.
. "$(dirname "$0")/lib.sh"

expect 0 "init in folders that are not there yet" init --db "$T/a/b/c/hall.db"
modes=$(stat -c %a "$T/a" "$T/a/b" "$T/a/b/c" "$T/a/b/c/hall.db" | tr '\n' ' ')
if [ "$modes" = "700 700 700 600 " ]; then ok; else not_ok "folders and file modes: $modes"; fi

# The rest needs a user other than root, who may write anywhere.
if [ "$(id -u)" -ne 0 ] || ! command -v runuser >/dev/null || ! id nobody >/dev/null 2>&1; then
	echo "skipped: needs root to run as another user"
	exit 77
fi
expect 0 "a ticket before the folder turns read-only" ticket A --db "$T/a/b/c/hall.db"
expect 0 "and one called" counter open 1 --clerk "Серік Асанов" --position "маман" --db "$T/a/b/c/hall.db"
ro="$T/ro"
mkdir "$ro"
cp "$T/a/b/c/hall.db" "$ro/hall.db"
cp "$T/hall.ini" "$ro/hall.ini"
chown -R nobody "$ro"
chmod 500 "$ro"
chmod 711 "$T" # nobody may pass through to the folder, not list it
# the program and its data where nobody can reach them, wherever the tree is
mkdir -p "$T/bin" "$T/data"
cp "$KEZEK" "$T/bin/kezek"
cp -r "$SRC/config" "$T/data/config"
chmod -R a+rX "$T/bin" "$T/data"
sum=$(sha256sum <"$ro/hall.db")
# as_nobody ARGS...: kezek as user nobody on the read-only copy
as_nobody() {
	runuser -u nobody -- env KEZEK_NOW="$KEZEK_NOW" KEZEK_CONFIG="$ro/hall.ini" KEZEK_DB="$ro/hall.db" \
		KEZEK_DATA_DIR="$T/data" "$T/bin/kezek" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
for cmd in status "history A-001" check applications complaints "report 2026-03-20"; do
	# shellcheck disable=SC2086
	as_nobody $cmd
	if [ "$rc" -eq 0 ]; then ok; else not_ok "'$cmd' in a read-only folder: exit $rc"; fi
done
as_nobody status
has out "waiting 1" "status read the waiting ticket"
as_nobody ticket A
if [ "$rc" -eq 3 ]; then ok; else not_ok "a ticket in a read-only folder: exit $rc, expected 3"; fi
has err "chmod u+w '$ro'" "the way to make it writable said"
one_line_error "a ticket in a read-only folder"
if [ "$(sha256sum <"$ro/hall.db")" = "$sum" ] && [ ! -e "$ro/hall.db-wal" ]; then ok
else not_ok "the read-only copy was changed"; fi
chmod 700 "$ro"
finish
