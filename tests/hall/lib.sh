# lib.sh - what the kezek-hall tests share, on top of tests/cli/lib.sh (a
# fresh hall each): start kezek-hall on loopback on a free port, wait until
# it answers, log staff in, and call its API with curl.  The server is
# stopped when the test ends.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"
HALL_BIN=${KEZEK_HALL:?set KEZEK_HALL to the kezek-hall binary}
command -v curl >/dev/null || { echo "curl is missing (scripts/deps.sh installs it)"; exit 77; }
HALL_PID=
trap 'stop_hall; rm -rf "$T"' EXIT

# start_hall [OPTIONS...]: kezek-hall on 127.0.0.1, a free port (--port 0),
# the test pages of tests/hall/www copied to $T/www, beside the test's
# hall.ini (what a path out of the folder would reach); sets $URL (http or
# https) once it answers.
start_hall() {
	[ -d "$T/www" ] || cp -r "$SRC/tests/hall/www" "$T/www"
	# a hall started again: its shell empties hall.out only once it runs, and
	# on a busy machine the wait below would read the last hall's line first
	# (then an empty or stale $URL, and nothing ever answers): no file until
	# this hall's shell makes it
	rm -f "$T/hall.out"
	"$HALL_BIN" --port 0 --www "$T/www" "$@" >"$T/hall.out" 2>"$T/hall.log" &
	HALL_PID=$!
	wait_for "kezek-hall says where it listens" grep -qs '/counter' "$T/hall.out" || return 1
	URL=$(grep -o 'https\?://[^ ]*/counter' "$T/hall.out" | sed 's|/counter$||')
	case $URL in
	http://*:[1-9]* | https://*:[1-9]*) ;;
	*)
		not_ok "kezek-hall's address read whole: '$URL' from '$(cat "$T/hall.out")'"
		return 1
		;;
	esac
	wait_for "kezek-hall answers at $URL" curl -sk --max-time 10 -o /dev/null "$URL/api/words?lang=ru" || {
		# on stdout: a test may silence start_hall's stderr
		kill -0 "$HALL_PID" 2>/dev/null || echo "kezek-hall has exited"
		echo "--- kezek-hall's log:"
		tail -n 20 "$T/hall.log"
		return 1
	}
}

stop_hall() {
	[ -n "$HALL_PID" ] || return 0
	kill "$HALL_PID" 2>/dev/null
	wait "$HALL_PID" 2>/dev/null
	HALL_PID=
}

# api METHOD PATH [JSON] [JAR]: call the API with the cookie jar JAR
# (default $T/jar) and its CSRF token; body in $T/body, status in $status.
api() {
	local method=$1 path=$2 data=${3:-} jar=${4:-$T/jar} csrf=""
	[ -f "$jar.csrf" ] && csrf=$(cat "$jar.csrf")
	local args=(-sk -o "$T/body" -w '%{http_code}' -X "$method" -b "$jar" -c "$jar")
	[ -n "$csrf" ] && args+=(-H "X-CSRF-Token: $csrf")
	[ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
	status=$(curl "${args[@]}" "$URL$path")
}

# login JAR JSON: log in; the CSRF token goes beside the jar
login() {
	local jar=$1
	rm -f "$jar" "$jar.csrf"
	api POST /api/login "$2" "$jar"
	[ "$status" = 200 ] && json csrf <"$T/body" >"$jar.csrf"
}

# json KEY: the value of a top-level key of the JSON on standard input
json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }

# status_is CODE what: the last api call answered CODE
status_is() {
	if [ "$status" = "$1" ]; then ok
	else not_ok "$2: status $status, expected $1 ($(head -c 300 "$T/body"))"; fi
}

# body_has TEXT what: the last answer contains TEXT
body_has() {
	if grep -qF -- "$1" "$T/body"; then ok
	else not_ok "$2: '$1' not in $(head -c 1500 "$T/body")"; fi
}

# log_has TEXT what: the server's log has a line with TEXT
log_has() {
	if grep -qF -- "$1" "$T/hall.log"; then ok
	else not_ok "$2: '$1' not in the server's log"; fi
}
