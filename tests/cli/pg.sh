# pg.sh - a private PostgreSQL cluster for a test: initdb and pg_ctl from
# Debian's postgresql package into the test's folder, a Unix socket there,
# no TCP, no system service; stopped when the test ends.  The server
# refuses to run as root, so under root it runs as nobody, in a folder
# nobody owns.  Source after lib.sh; then pg_start, and $CENTRE is the
# connection string.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "$PG_BIN/initdb" ]; then
	echo "skip: no PostgreSQL server here (scripts/deps.sh installs postgresql)"
	exit 77
fi
PGDIR=$T/centre
CENTRE="host=$PGDIR dbname=postgres user=centre"

pg_as() {
	if [ "$(id -u)" -eq 0 ]; then (cd "$PGDIR" && runuser -u nobody -- "$@"); else "$@"; fi
}

pg_ctl_() { pg_as "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" "$@"; }

pg_start() {
	mkdir -p "$PGDIR"
	if [ "$(id -u)" -eq 0 ]; then
		chmod 711 "$T"
		chown nobody "$PGDIR"
	fi
	pg_as "$PG_BIN/initdb" -D "$PGDIR/data" -U centre --auth=trust -E UTF8 --locale=C.UTF-8 \
		>"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; return 1; }
	pg_up
}

# start (again): -w waits until the server takes connections
pg_up() {
	pg_ctl_ -w -t 60 -o "-k $PGDIR -c listen_addresses= -c fsync=off" start >/dev/null
}

pg_down() { pg_ctl_ -w -t 60 -m "${1:-fast}" stop >/dev/null; }

# psql_ SQL: one value, unaligned
psql_() { "$PG_BIN/psql" "$CENTRE" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

pg_stop_at_exit() {
	[ -f "$PGDIR/data/postmaster.pid" ] && pg_down immediate 2>/dev/null
	rm -rf "$T"
}
trap pg_stop_at_exit EXIT
