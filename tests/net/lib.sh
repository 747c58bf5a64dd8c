# lib.sh - what the tests of devices on their own machines share, on top of
# tests/hall/lib.sh (a fresh hall, kezek-hall on loopback): enrol a device,
# call the API as it, start a board or a kiosk that talks only to
# kezek-hall, and the dropping proxy (proxy.py) between them.  Every
# process started here is stopped when the test ends.
#
#   start_hall                      kezek-hall on a free port; $URL
#   device_add NAME ROLE [FOR]      kezek device add; the code in $CODE
#   device_enrol NAME ROLE [FOR]    add, then exchange the code by the API:
#                                   the credential in $T/NAME.key
#   device_api NAME METHOD PATH [JSON [KEY]]   a request as device NAME;
#                                   body in $T/body, status in $status
#   device_file NAME [SERVER]       $T/NAME/device.ini for the programs
#   start_board NAME [ARGS...]      kezek-display --device (pid in $BOARD_PID)
#   start_kiosk NAME [ARGS...]      kezek-kiosk --device on Xvfb ($KIOSK_PID)
#   start_proxy                     proxy.py in front of kezek-hall: $PROXY_URL
NET_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$NET_DIR/../hall/lib.sh"
DISPLAY_BIN=${KEZEK_DISPLAY:?set KEZEK_DISPLAY to the kezek-display binary}
KIOSK_BIN=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
NET_PIDS=()
trap 'stop_net; stop_hall; rm -rf "$T"' EXIT

stop_net() {
	local p
	for p in "${NET_PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${NET_PIDS[@]}"; do wait "$p" 2>/dev/null; done
	NET_PIDS=()
}

# device_add NAME ROLE [FOR]: the one-time code in $CODE
device_add() {
	local args=(device add "$1" --role "$2")
	[ -n "${3:-}" ] && args+=(--for "$3")
	run "${args[@]}"
	CODE=$(awk 'NF == 1 && length($1) >= 8 { print $1; exit }' "$T/out")
	[ "$rc" -eq 0 ] && [ -n "$CODE" ]
}

# device_enrol NAME ROLE [FOR]: added and enrolled by the API; the
# credential in $T/NAME.key
device_enrol() {
	device_add "$@" || { not_ok "kezek device add $1"; return 1; }
	status=$(curl -s -o "$T/body" -w '%{http_code}' -H 'Content-Type: application/json' \
		--data-binary "{\"name\":\"$1\",\"code\":\"$CODE\"}" "$URL/api/device/enrol")
	[ "$status" = 200 ] || { not_ok "enrol $1: $status $(cat "$T/body")"; return 1; }
	json credential <"$T/body" >"$T/$1.key"
}

# device_api NAME METHOD PATH [JSON [KEY]]: as device NAME (a POST's key:
# KEY, else a fresh one)
device_api() {
	local name=$1 method=$2 path=$3 data=${4:-} key=${5:-}
	local args=(-s -o "$T/body" -w '%{http_code}' -X "$method"
		-H "Authorization: Bearer $(cat "$T/$name.key")")
	if [ "$method" = POST ]; then
		[ -n "$key" ] || key=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
		args+=(-H "Idempotency-Key: $key" -H 'Content-Type: application/json'
			--data-binary "${data:-{\}}")
	fi
	status=$(curl "${args[@]}" "$URL$path")
}

# device_file NAME [SERVER]: the device's own folder $T/NAME with its
# device.ini (server: SERVER, default $URL) and its credential, if enrolled
device_file() {
	mkdir -p "$T/$1"
	chmod 700 "$T/$1"
	printf '[device]\nserver = %s\ncredential = %s\n' "${2:-$URL}" "$T/$1/device.key" \
		>"$T/$1/device.ini"
	if [ -f "$T/$1.key" ]; then
		cp "$T/$1.key" "$T/$1/device.key"
		chmod 600 "$T/$1/device.key"
	fi
}

# start_board NAME [ARGS...]: a board on "its own machine": no database,
# no hall.ini of its own, only its device file; frames to $T/NAME/board.png
start_board() {
	local name=$1
	shift
	# a board started again: its shell empties these files only once it
	# runs, and a wait would read the last board's lines first
	rm -f "$T/$name/out" "$T/$name/err"
	env -u KEZEK_DB -u KEZEK_CONFIG SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy \
		SDL_VIDEO_EGL_DRIVER=none "$DISPLAY_BIN" --device "$T/$name/device.ini" \
		--fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" --size 1366x768 \
		--snapshot "$T/$name/board.png" "$@" >"$T/$name/out" 2>"$T/$name/err" &
	BOARD_PID=$!
	NET_PIDS+=("$BOARD_PID")
}

# start_xvfb: a private X server (the kiosk's touch screen, clicked with
# xdotool); DISPLAY set
start_xvfb() {
	start_private_x 1366 768
	local rc=$?
	NET_PIDS+=("$XVFB_PID")
	return $rc
}

# start_kiosk NAME [ARGS...]: a kiosk on "its own machine" (no database,
# no hall.ini of its own) full screen on the Xvfb; the screen on show in
# $T/NAME/screen, each frame in $T/NAME/kiosk.png
start_kiosk() {
	local name=$1
	shift
	rm -f "$T/$name/out" "$T/$name/err" # as start_board's
	env -u KEZEK_DB -u KEZEK_CONFIG -u SDL_VIDEODRIVER SDL_RENDER_DRIVER=software \
		SDL_AUDIODRIVER=dummy "$KIOSK_BIN" --device "$T/$name/device.ini" --kiosk "$name" \
		--fonts "$SRC/assets/fonts" --locale "$KEZEK_LOCALE" \
		--screen-file "$T/$name/screen" --snapshot "$T/$name/kiosk.png" "$@" \
		>"$T/$name/out" 2>"$T/$name/err" &
	KIOSK_PID=$!
	NET_PIDS+=("$KIOSK_PID")
}

# kiosk_ready NAME PID: kiosk NAME's window (process PID) is shown over the
# whole 1366x768 screen and it has drawn a frame that size: a click before
# that lands on the bare screen or is not taken
kiosk_ready() {
	local win
	win=$(xdotool search --onlyvisible --pid "$2" 2>/dev/null | head -n 1)
	[ -n "$win" ] && x_full_screen "$win" 1366 768 && png_size "$T/$1/kiosk.png" 1366 768
}

# on_screen NAME SCREEN: kiosk NAME shows SCREEN
on_screen() { [ "$(cat "$T/$1/screen" 2>/dev/null)" = "$2" ]; }

# click X Y: a touch of the Xvfb's screen
click() { xdotool mousemove --sync "$1" "$2" click 1; }

# start_proxy: proxy.py between the devices and kezek-hall; $PROXY_URL,
# told what to do through proxy_cut
start_proxy() {
	local port=${URL##*:}
	python3 "$NET_DIR/proxy.py" --target "127.0.0.1:$port" --port-file "$T/proxy.port" \
		--control "$T/proxy.ctl" --log "$T/proxy.log" 2>"$T/proxy.err" &
	NET_PIDS+=("$!")
	wait_for "the proxy listens" test -s "$T/proxy.port" || return 1
	PROXY_URL="http://127.0.0.1:$(cat "$T/proxy.port")"
}

# proxy_cut TEXT: the next connection whose request holds TEXT is cut once
# the server's answer starts: the request was done, its answer never comes
proxy_cut() { printf '%s\n' "$1" >"$T/proxy.ctl"; }
