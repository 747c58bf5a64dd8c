#!/bin/bash
# keep-running.sh LOG CMD [ARG...] - run CMD, its standard error appended to
# LOG, and start it again whenever it ends, after a pause that doubles from
# 1 s to 60 s while it keeps dying young (back to 1 s once it ran a minute).
# SIGTERM or SIGINT stops CMD (with SIGTERM, waited for) and then this
# script.  The hall script runs each kezek-printd under it, so a print
# service that dies anyway is back within a minute at worst.
set -u
LOG=${1:?usage: keep-running.sh LOG CMD [ARG...]}
shift
child=
quit() {
	[ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child" 2>/dev/null
	exit 0
}
trap quit TERM INT
pause=1
while :; do
	started=$SECONDS
	"$@" 2>>"$LOG" &
	child=$!
	wait "$child"
	code=$?
	child=
	if [ $((SECONDS - started)) -ge 60 ]; then pause=1; fi
	echo "keep-running: '$1' ended (exit $code); starting it again in ${pause} s" >>"$LOG"
	sleep "$pause" &
	wait $!
	pause=$((pause * 2 > 60 ? 60 : pause * 2))
done
