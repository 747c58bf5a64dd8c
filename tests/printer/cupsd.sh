#!/bin/bash
# cupsd.sh - a private cupsd for tests, everything under one folder: only its
# own socket and a loopback port, no browsing, no authentication.
#
#   cupsd.sh start DIR [WATCH_PID]  start it; prints CUPS_SERVER=DIR/cups.sock
#                                   and CUPS_PORT=PORT; queue Kezek_A4 writes
#                                   each job to DIR/out/last.pdf, one at a time
#   cupsd.sh stop DIR               stop it and its printers (TERM, then KILL)
#   cupsd.sh printer DIR NAME KIND [PORT]
#                                   an IPP Everywhere printer (ippeveprinter)
#                                   on PORT (else a free one) behind queue NAME
#                                   (lpadmin -m everywhere); it keeps each
#                                   document in DIR/NAME/.  KIND: pdf (takes
#                                   PDF), raster (PWG raster only: CUPS
#                                   converts) or slow (PDF, 2 s a job).
#                                   Prints PORT= and PID=
#   cupsd.sh raw DIR NAME URI       a raw queue (no driver) to device URI
#
# With WATCH_PID, cupsd and its printers are also stopped soon after that process ends, so a
# test that crashes before its teardown leaves no daemon behind.  As root
# the daemon runs its helpers as lp (as Debian's own does); as anyone else
# it runs as that user, the way CUPS' own test suite runs it.
set -eu

PPD=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd

die() {
	echo "cupsd.sh: $*" >&2
	exit 1
}

# A port nothing listens on.  Two runs may still pick the same one at the
# same moment: cupsd then logs the clash and keeps its socket, which is
# what the tests use; the port only serves lpstat -h and the like.
free_port() {
	local p i low=32768 high span
	# below the kernel's ephemeral range: a port there may be taken by any
	# outgoing connection between this look and the daemon's bind
	read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
	span=$((low - 20000))
	[ "$span" -ge 1000 ] || span=40000
	for i in $(seq 1 50); do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % span))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	die "no free port on 127.0.0.1 after 50 tries"
}

write_conf() {
	local dir=$1 port=$2 user group sysgroup
	# Group and SystemGroup must differ: root, or a group not the user's.
	if [ "$(id -u)" -eq 0 ]; then
		user=lp group=lp sysgroup=root
	else
		user=$(id -un) group=$(id -gn) sysgroup=nogroup
	fi
	mkdir -p "$dir"/{spool,cache,state,tmp,log,out,ppd,ssl}
	cat >"$dir/cupsd.conf" <<EOF
LogLevel warn
Listen $dir/cups.sock
Listen 127.0.0.1:$port
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
JobRetryLimit 0
MaxJobs 100
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow from 127.0.0.1
  Allow from @LOCAL
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
	cat >"$dir/cups-files.conf" <<EOF
ServerRoot $dir
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/tmp
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
User $user
Group $group
SystemGroup $sysgroup
FileDevice Yes
EOF
	chmod 0755 "$dir"
	# cupsd refuses a ServerRoot its helpers could not read, or others could write.
	chmod 0640 "$dir/cupsd.conf" "$dir/cups-files.conf"
	if [ "$(id -u)" -eq 0 ]; then
		chown root:"$group" "$dir/cupsd.conf" "$dir/cups-files.conf"
		chown "$user:$group" "$dir/spool" "$dir/tmp" "$dir/cache"
	fi
}

# Until the scheduler answers on its socket, 30 s at most (a loaded machine).
wait_ready() {
	local dir=$1 end=$((SECONDS + 30))
	while [ "$SECONDS" -lt "$end" ]; do
		lpstat -h "$dir/cups.sock" -r 2>/dev/null | grep -q "is running" && return 0
		kill -0 "$(cat "$dir/run.pid")" 2>/dev/null ||
			die "cupsd exited at once; see $dir/log/error_log and $dir/log/cupsd.out"
		sleep 0.1
	done
	return 1
}

start() {
	local dir=$1 watch=${2:-} port pid
	command -v cupsd >/dev/null || PATH=$PATH:/usr/sbin
	command -v cupsd >/dev/null || die "no cupsd: install cups-daemon (scripts/deps.sh)"
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ ${#dir} -le 90 ] || die "$dir is too long a path for a unix socket"
	[ ! -e "$dir/run.pid" ] || ! kill -0 "$(cat "$dir/run.pid")" 2>/dev/null ||
		die "a cupsd already runs in $dir"
	port=$(free_port)
	write_conf "$dir" "$port"
	# stdout and stderr to a file: a daemon holding the caller's pipe
	# would keep ctest waiting for it.
	setsid cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" \
		</dev/null >"$dir/log/cupsd.out" 2>&1 &
	pid=$!
	echo "$pid" >"$dir/run.pid"
	if ! wait_ready "$dir"; then
		stop "$dir"
		die "cupsd did not answer within 30 s; see $dir/log/error_log"
	fi
	# A raw queue (no PPD) completes a PDF job to a file: device without
	# writing it at all (CUPS 2.4.2); cups-filters' generic PDF printer
	# passes it through pdftopdf, which keeps the text.  Printer drivers
	# are deprecated, and lpadmin says so, but still work in 2.4.
	[ -r "$PPD" ] || die "no $PPD: install cups-filters (scripts/deps.sh)"
	if ! lpadmin -h "$dir/cups.sock" -p Kezek_A4 -E -v "file://$dir/out/last.pdf" -P "$PPD" \
		-o printer-error-policy=abort-job >"$dir/log/lpadmin.out" 2>&1; then
		cat "$dir/log/lpadmin.out" >&2
		stop "$dir"
		die "lpadmin could not create Kezek_A4"
	fi
	if [ -n "$watch" ]; then
		(
			while kill -0 "$watch" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do
				sleep 1
			done
			stop "$dir"
		) </dev/null >/dev/null 2>&1 &
		disown
	fi
	echo "CUPS_SERVER=$dir/cups.sock"
	echo "CUPS_PORT=$port"
}

# A private system bus for ippeveprinter's DNS-SD client: no avahi is
# needed, and none is asked (-r off), but it will not start without a bus.
start_bus() {
	local dir=$1
	[ -f "$dir/bus.pid" ] && kill -0 "$(cat "$dir/bus.pid")" 2>/dev/null && return 0
	command -v dbus-daemon >/dev/null || die "no dbus-daemon: install dbus (scripts/deps.sh)"
	cat >"$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=$dir/bus.sock</listen>
<auth>EXTERNAL</auth><policy context="default"><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/><allow user="*"/></policy></busconfig>
EOF
	dbus-daemon --config-file="$dir/bus.conf" --fork --print-pid >"$dir/bus.pid" ||
		die "the private dbus-daemon did not start"
}

# Until something answers on 127.0.0.1:PORT, 10 s at most.
wait_port() {
	local port=$1 pid=$2 i
	for i in $(seq 1 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

printer() {
	local dir=$1 name=$2 kind=$3 port=${4:-} pid args=() try
	command -v ippeveprinter >/dev/null || PATH=$PATH:/usr/sbin
	command -v ippeveprinter >/dev/null ||
		die "no ippeveprinter: install cups-ipp-utils (scripts/deps.sh)"
	dir=$(cd "$dir" && pwd)
	start_bus "$dir"
	[ -n "$port" ] || port=$(free_port)
	mkdir -p "$dir/$name"
	# a job is its document kept (-k) and a command run on it: without
	# one, ippeveprinter pretends to print for 5 to 15 s
	printf '#!/bin/sh\nexit 0\n' >"$dir/$name.cmd"
	case $kind in
	pdf) args=(-f application/pdf) ;;
	raster) args=(-f image/pwg-raster) ;;
	slow)
		# the printer's own printing time, longer than any I/O deadline
		args=(-f application/pdf)
		printf '#!/bin/sh\nsleep 2\nexit 0\n' >"$dir/$name.cmd"
		;;
	*) die "printer kind is pdf, raster or slow, not '$kind'" ;;
	esac
	chmod 0755 "$dir/$name.cmd"
	# a port of its own choosing may be taken by another program between the
	# look and the bind (the printer then exits at once): another, 5 at most
	for try in 1 2 3 4 5; do
		DBUS_SYSTEM_BUS_ADDRESS="unix:path=$dir/bus.sock" setsid ippeveprinter -r off \
			-n localhost -p "$port" "${args[@]}" -k -d "$dir/$name" -c "$dir/$name.cmd" \
			-s 60 "$name" </dev/null >"$dir/log/$name.out" 2>&1 &
		pid=$!
		echo "$pid" >"$dir/$name.pid"
		wait_port "$port" "$pid" && break
		kill -KILL "$pid" 2>/dev/null
		[ -z "${4:-}" ] && [ "$try" -lt 5 ] ||
			die "ippeveprinter $name did not answer on port $port; see $dir/log/$name.out: $(tail -n 3 "$dir/log/$name.out")"
		port=$(free_port)
	done
	lpadmin -h "$dir/cups.sock" -p "$name" -E -v "ipp://localhost:$port/ipp/print" \
		-m everywhere >"$dir/log/lpadmin-$name.out" 2>&1 ||
		die "lpadmin could not make queue $name: $(cat "$dir/log/lpadmin-$name.out")"
	echo "PORT=$port"
	echo "PID=$pid"
}

raw() {
	local dir=$1 name=$2 uri=$3
	lpadmin -h "$dir/cups.sock" -p "$name" -E -v "$uri" -m raw \
		>"$dir/log/lpadmin-$name.out" 2>&1 ||
		die "lpadmin could not make raw queue $name: $(cat "$dir/log/lpadmin-$name.out")"
}

stop() {
	local dir=$1 pid i f
	# the printers and their bus keep nothing worth a clean stop
	for f in "$dir"/*.pid; do
		[ -f "$f" ] && [ "$f" != "$dir/run.pid" ] || continue
		kill -KILL "$(cat "$f")" 2>/dev/null || true
		rm -f "$f"
	done
	[ -f "$dir/run.pid" ] || return 0
	pid=$(cat "$dir/run.pid")
	if kill "$pid" 2>/dev/null; then
		for i in $(seq 1 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$dir/run.pid"
}

case "${1:-}:${2:-}" in
start:?*) start "$2" "${3:-}" ;;
stop:?*) stop "$2" ;;
printer:?*) [ $# -ge 4 ] && printer "$2" "$3" "$4" "${5:-}" ;;
raw:?*) [ $# -eq 4 ] && raw "$2" "$3" "$4" ;;
*) die "usage: cupsd.sh start DIR [WATCH_PID] | stop DIR | printer DIR NAME KIND [PORT] | raw DIR NAME URI" ;;
esac
