#!/bin/bash
# t0015: kezek-hall stopped and started again, on the port it had (where
# the devices look for it) and on a new one, answers each time at the
# address it says: the address is its own, never the one the hall before
# it said (read before the new one wrote its own, on a busy machine).
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
start_hall || { finish; exit 1; }
port=${URL##*:}
for i in 1 2 3 4 5 6 7 8; do
	stop_hall
	if [ $((i % 2)) = 1 ]; then
		start_hall --port "$port" || { finish; exit 1; }
		[ "$URL" = "http://127.0.0.1:$port" ] && ok ||
			not_ok "start $i: on port $port again, at $URL"
	else
		start_hall || { finish; exit 1; }
	fi
	status=$(curl -s -o "$T/body" -w '%{http_code}' "$URL/api/words?lang=kk")
	status_is 200 "start $i: the words at $URL"
done
finish
