#!/bin/bash
# test-boot.sh - the package on a Debian 12 system that boots: a fresh
# root (debootstrap) with the package installed by apt is booted with
# systemd as its first process (systemd-nspawn), and a unit that runs last
# at boot checks what an office would see after switching the machine on:
# kezek-hall answering, the print service printing, the kiosk full screen
# on the screens' X server, each as the kezek user; then a print service
# killed again and again comes back each time after a growing pause.
#
#   scripts/test-boot.sh prepare ROOT   make ROOT (network: Debian's mirror)
#   scripts/test-boot.sh run ROOT DEB   install DEB into ROOT, boot, check
#
# The screens' server is the one thing not as in an office: a container has
# no monitor and no console, so a drop-in runs Xvfb (a 1920x1080 screen in
# memory) in place of Xorg on tty7; the kiosk's unit, its start at boot and
# its window are the package's own.  Needs root; exits 77 (skipped) where
# debootstrap or systemd-nspawn is missing or systemd cannot boot here.
set -u
verb=${1:-}
root=${2:-}
case $verb in prepare | run) ;; *)
	echo "usage: test-boot.sh prepare ROOT | run ROOT DEB" >&2
	exit 2
	;;
esac
[ -n "$root" ] || { echo "test-boot.sh: name the root folder" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "test-boot.sh: skipped: needs root" >&2; exit 77; }
for tool in debootstrap systemd-nspawn; do
	command -v "$tool" >/dev/null || { echo "test-boot.sh: skipped: no $tool" >&2; exit 77; }
done
mirror=${KEZEK_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# what the root has beyond a minimal system: systemd to boot, the stand-in
# screen and what the check reads the screen and the hall with
extras=systemd,systemd-sysv,dbus,xvfb,xauth,x11-utils,x11-apps,netpbm,curl,sqlite3,ca-certificates

if [ "$verb" = prepare ]; then
	rm -rf "$root"
	debootstrap --variant=minbase --include="$extras" bookworm "$root" "$mirror" ||
		{ echo "test-boot.sh: debootstrap failed" >&2; exit 1; }
	# the security mirror too, as a real machine has it
	echo "deb ${mirror%/debian}/debian-security bookworm-security main" \
		>"$root/etc/apt/sources.list.d/security.list"
	exit 0
fi

deb=${3:-}
[ -f "$deb" ] || { echo "test-boot.sh: no package '$deb'" >&2; exit 2; }
[ -x "$root/lib/systemd/systemd" ] || { echo "test-boot.sh: $root is not prepared" >&2; exit 1; }
out=$(dirname "$deb")
log="$out/boot.log"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
# a command in the root, with /proc, /dev and the host's network, no boot
inside() { systemd-nspawn -q -D "$root" --register=no --keep-unit --pipe "$@"; }

cp "$deb" "$root/opt/kezek.deb"
cp /etc/resolv.conf "$root/etc/resolv.conf"
if inside env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 &&
	inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		/opt/kezek.deb >>"$log" 2>&1; then ok
else not_ok "apt installs the package in the fresh system (see $log)"; tail -20 "$log" >&2; exit 1; fi

# the stand-in monitor: Xvfb for Xorg on tty7 (no console in a container)
mkdir -p "$root/etc/systemd/system/kezek-screens.service.d"
cat >"$root/etc/systemd/system/kezek-screens.service.d/no-monitor.conf" <<'EOF'
[Service]
SupplementaryGroups=
PAMName=
TTYPath=
StandardInput=null
ExecStart=
ExecStart=/usr/bin/Xvfb :0 -screen 0 1920x1080x24 -nolisten tcp -auth /var/lib/kezek/.Xauthority
EOF

# the check: runs when the boot is done, writes its lines, powers off
cat >"$root/etc/systemd/system/kezek-boot-check.service" <<'EOF'
[Unit]
Description=What an office sees after switching the hall machine on
After=graphical.target multi-user.target

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/kezek-boot-check
ExecStopPost=/bin/systemctl poweroff --no-block

[Install]
WantedBy=graphical.target
EOF
cat >"$root/usr/local/sbin/kezek-boot-check" <<'EOF'
#!/bin/bash
set -u
R=/var/log/kezek-boot-check
: >"$R"
say() { echo "$*" >>"$R"; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then say "ok $what"; else say "FAIL $what"; fi; }
# wait_for SECONDS CMD...: until CMD succeeds, or the deadline
wait_for() {
	local end=$((SECONDS + $1)); shift
	until "$@" >/dev/null 2>&1; do [ $SECONDS -ge $end ] && return 1; sleep 0.2; done
}
units="kezek-hall.service kezek-printd@kiosk-1.service kezek-kiosk@kiosk-1.service kezek-screens.service"
for u in $units; do
	wait_for 90 systemctl is-active --quiet "$u"
	say "$(systemctl is-active "$u") $u"
	pid=$(systemctl show -p MainPID --value "$u")
	say "user $u $(stat -c %U "/proc/$pid" 2>/dev/null)"
done
check "the hall server answers in Kazakh" \
	wait_for 30 sh -c 'curl -sf "http://127.0.0.1:8080/api/words?lang=kk" | grep -q "\"lang\":\"kk\""'
# the ticket printer: the device file its section names (a USB printer's
# /dev/usb/lp0 in an office; an empty file here, as the source tree's hall has)
runuser -u kezek -- sh -c ': >/var/lib/kezek/kiosk-1.prn'
runuser -u kezek -- kezek print test kiosk-1 >>"$R" 2>&1
check "the print service prints a test page on the kiosk's printer" \
	wait_for 30 test -s /var/lib/kezek/kiosk-1.prn
export DISPLAY=:0 XAUTHORITY=/var/lib/kezek/.Xauthority
kiosk_window() { xwininfo -root -tree | grep '"Kezek"' | grep -q '1920x1080+0+0'; }
check "the kiosk's window covers the whole screen" wait_for 30 kiosk_window
xwininfo -root -tree | grep -i kezek >>"$R"
xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >/var/log/kezek-kiosk-at-boot.png 2>/dev/null
# a print service that dies at once, again and again, waits longer each time
for i in 1 2 3; do
	wait_for 60 systemctl is-active --quiet kezek-printd@kiosk-1.service
	systemctl kill -s KILL kezek-printd@kiosk-1.service
	wait_for 10 sh -c '! systemctl is-active --quiet kezek-printd@kiosk-1.service'
done
check "the print service is back after three kills" \
	wait_for 60 systemctl is-active --quiet kezek-printd@kiosk-1.service
journalctl -b -u kezek-printd@kiosk-1.service -o cat | grep 'kezek-backoff' >>"$R"
say "restarts $(systemctl show -p NRestarts --value kezek-printd@kiosk-1.service)"
say "done"
EOF
chmod 755 "$root/usr/local/sbin/kezek-boot-check"

# the services an office enables: the hall server, the kiosk's printer and
# the kiosk (which brings the screens' server); and the check
for unit in kezek-hall.service kezek-printd@kiosk-1.service kezek-kiosk@kiosk-1.service \
	kezek-boot-check.service; do
	if inside systemctl enable "$unit" >>"$log" 2>&1; then ok
	else not_ok "systemctl enable $unit (see $log)"; fi
done
rm -f "$root/var/log/kezek-boot-check" "$root/var/log/kezek-kiosk-at-boot.png"

# boot; the check powers the system off when done
echo "test-boot: booting the fresh system with systemd"
timeout 420 systemd-nspawn -D "$root" --register=no --keep-unit -b >"$out/boot-console.log" 2>&1 </dev/null
R="$root/var/log/kezek-boot-check"
if [ ! -s "$R" ]; then
	if grep -q 'Welcome to' "$out/boot-console.log"; then
		not_ok "the check ran at boot (see $out/boot-console.log)"
		tail -30 "$out/boot-console.log" >&2
		exit 1
	fi
	echo "test-boot.sh: skipped: systemd cannot boot in a container here" >&2
	tail -5 "$out/boot-console.log" >&2
	exit 77
fi
cp "$R" "$out/boot-check.txt"
cp "$root/var/log/kezek-kiosk-at-boot.png" "$out/" 2>/dev/null
sed 's/^/    /' "$R"
for u in kezek-hall.service kezek-printd@kiosk-1.service kezek-kiosk@kiosk-1.service; do
	grep -qx "active $u" "$R" && ok || not_ok "$u started at boot"
	grep -qx "user $u kezek" "$R" && ok || not_ok "$u runs as kezek"
done
grep -q '^FAIL' "$R" && not_ok "$(grep '^FAIL' "$R" | tr '\n' ';')" || ok
grep -q 'waiting 2 s' "$R" && grep -q 'waiting 4 s' "$R" && ok ||
	not_ok "the print service killed again and again waits 2, then 4 s before starting"
grep -qx done "$R" && ok || not_ok "the check ran to its end"
[ -s "$out/kezek-kiosk-at-boot.png" ] && ok || not_ok "a picture of the screen at boot"
echo "test-boot: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
