#!/bin/bash
# test-installed.sh - Kezek as an office's administrator gets it: the
# package built from this tree (scripts/package.sh, lintian with no
# errors), installed on this machine with apt over a previous build,
# checked (the kezek user from the package's sysusers file, every file
# the package's), a hall day run against /etc/kezek/hall.ini and
# /var/lib/kezek as the kezek user, kezek doctor, a backup taken and put
# back, an upgrade to this build (the database kept and migrated, the
# administrator's configuration kept, the package's changed one beside
# it), then purged: nothing left but the kezek user Debian keeps.
#
# It changes the machine, so it leaves it as it found it (the trap), and
# is skipped (exit 77) without root or sudo, or on a machine where Kezek
# is installed (an office's machine is not a test bench).
# KEZEK_DEB=FILE tests a package already built instead of building one.
set -u
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		exec sudo -n --preserve-env=KEZEK_DEB bash "$0" "$@"
	fi
	echo "test-installed: skipped: needs root, or sudo without a password" >&2
	exit 77
fi
if dpkg-query -W -f '${Status}' kezek 2>/dev/null | grep -q 'installed\|config-files'; then
	echo "test-installed: skipped: Kezek is installed on this machine; the test would disturb it" >&2
	exit 77
fi
for path in /etc/kezek /var/lib/kezek /usr/share/kezek; do
	if [ -e "$path" ]; then
		echo "test-installed: skipped: $path exists on this machine" >&2
		exit 77
	fi
done

passed=0
failed=0
ok() { passed=$((passed + 1)); }
not_ok() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
	[ -s "$W/out" ] && sed 's/^/    /' "$W/out" >&2
}
W=$(mktemp -d "${TMPDIR:-/tmp}/kezek-installed-XXXXXX")
chmod 755 "$W"
had_user=$(getent passwd kezek >/dev/null && echo yes || echo no)
had_group=$(getent group kezek >/dev/null && echo yes || echo no)

# The machine as it was: the package purged (it may be half-installed),
# the user and group gone unless they were here before, the work folder.
restore_machine() {
	if dpkg-query -W kezek >/dev/null 2>&1; then
		systemctl stop 'kezek-*' >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive dpkg --purge kezek >/dev/null 2>&1
	fi
	rm -rf /etc/kezek /var/lib/kezek /usr/share/kezek
	[ "$had_user" = yes ] || userdel kezek >/dev/null 2>&1
	[ "$had_group" = yes ] || groupdel kezek >/dev/null 2>&1
	rm -rf "$W"
}
trap restore_machine EXIT
trap 'exit 130' INT TERM

as_kezek() { runuser -u kezek -- "$@"; }
phase() { echo "test-installed: $1 (at $((SECONDS - start)) s)"; }
apt_install() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
}

# 1. the package, built and checked by lintian (package.sh fails on an error)
start=$SECONDS
if [ -n "${KEZEK_DEB:-}" ]; then
	deb=$KEZEK_DEB
else
	if bash scripts/package.sh >"$W/out" 2>&1; then ok; else not_ok "the package builds, lintian without errors"; exit 1; fi
	deb=$(grep '\.deb$' "$W/out" | head -1)
fi
echo "test-installed: $deb ($((SECONDS - start)) s to build)"
version=$(dpkg-deb -f "$deb" Version)

# 2. the previous build: this one with a lower version and another shipped
# hall.ini (the upgrade then meets a conffile changed on both sides)
mkdir "$W/prev"
dpkg-deb -R "$deb" "$W/prev/root"
sed -i "s/^Version: .*/Version: ${version}~prev/" "$W/prev/root/DEBIAN/control"
sed -i '1i # The hall of the previous build.' "$W/prev/root/etc/kezek/hall.ini"
dpkg-deb -b "$W/prev/root" "$W/prev/kezek_prev.deb" >/dev/null
cp "$deb" "$W/kezek_new.deb"

phase "installing the previous build"
# 3. installed with apt: the dependencies come with it
if apt_install "$W/prev/kezek_prev.deb" >"$W/out" 2>&1; then ok; else not_ok "apt installs the previous build"; exit 1; fi
dpkg -L kezek >"$W/files"
grep -qx /usr/lib/sysusers.d/kezek.conf "$W/files" && ok || not_ok "the package ships its sysusers file"
grep -qx /usr/lib/tmpfiles.d/kezek.conf "$W/files" && ok || not_ok "the package ships its tmpfiles file"
getent passwd kezek >/dev/null && getent group kezek >/dev/null && ok || not_ok "the kezek user and group are made"
[ "$(stat -c '%U:%G %a' /var/lib/kezek)" = "kezek:kezek 2770" ] && ok ||
	not_ok "/var/lib/kezek is kezek's and its group's only: $(stat -c '%U:%G %a' /var/lib/kezek)"
db_mode=$(stat -c '%U:%G %a' /var/lib/kezek/hall.db 2>/dev/null)
case $db_mode in "kezek:kezek 6"[0-6]0) ok ;; *) not_ok "the database, made at install, for kezek and its group only: '$db_mode'" ;; esac
# every file of Kezek's places on the disk is the package's, and every one
# the package lists is on the disk
find /usr/bin/kezek* /usr/share/kezek /etc/kezek /etc/X11/kezek-xorg.conf /lib/systemd/system/kezek* \
	/usr/share/man/man*/kezek* /usr/share/man/man5/hall.ini.5.gz -not -type d >"$W/on-disk"
stray=$(grep -vxFf "$W/files" "$W/on-disk")
[ -z "$stray" ] && ok || not_ok "files no package owns: $stray"
missing=$(while read -r f; do [ -e "$f" ] || [ -L "$f" ] || echo "$f"; done <"$W/files")
[ -z "$missing" ] && ok || not_ok "files of the package not on the disk: $missing"

phase "a hall day as kezek"
# 4. a hall day as the kezek user against /etc/kezek/hall.ini and /var/lib/kezek
echo 482915 | as_kezek kezek kiosk pin kiosk-1 >"$W/out" 2>&1 && ok || not_ok "the administrator sets the kiosk PIN"
cp scripts/demo-day.sh "$W/demo-day.sh" && chmod 755 "$W/demo-day.sh"
mkdir -m 777 "$W/screens"
(cd "$W" && as_kezek env KEZEK_SHOTS="$W/screens" bash "$W/demo-day.sh" /usr/bin/kezek) >"$W/out" 2>&1
n=$(as_kezek sqlite3 /var/lib/kezek/hall.db "SELECT count(*) FROM tickets" 2>/dev/null || echo 0)
[ "${n:-0}" -ge 5 ] && ok || not_ok "the hall day issued tickets into /var/lib/kezek ($n)"
ls "$W/screens"/board-*.png >/dev/null 2>&1 && ok || not_ok "the installed board drew the hall"
# the staff's language of the installed hall.ini (ru) first; then the
# source words scripts read (KEZEK_LANG=en) for the checks below
as_kezek kezek doctor >"$W/out" 2>&1
grep -Eq '^норма +база данных' "$W/out" && grep -q 'зал может открыться' "$W/out" && ok ||
	not_ok "kezek doctor speaks the installed hall's staff language (ru)"
as_kezek env KEZEK_LANG=en kezek doctor >"$W/doctor" 2>&1
grep -Eq '^ok +configuration' "$W/doctor" && grep -Eq '^ok +database' "$W/doctor" &&
	grep -Eq '^ok +data +fonts and the kk and ru translations complete in /usr/share/kezek' "$W/doctor" &&
	! grep -E '^FAIL' "$W/doctor" | grep -Evq 'printer|service|clock|disk' && ok ||
	{ cp "$W/doctor" "$W/out"; not_ok "kezek doctor: configuration, database, data right as installed"; }
grep -iq 'sample' "$W/doctor" && { cp "$W/doctor" "$W/out"; not_ok "doctor still warns of the sample PIN after it was changed"; } || ok

phase "backup and restore"
# 5. a backup taken and put back
as_kezek kezek backup >"$W/out" 2>&1 && ok || not_ok "kezek backup as kezek"
copy=$(head -1 "$W/out")
case $copy in /var/lib/kezek/backups/hall-*.db) ok ;; *) not_ok "the copy in /var/lib/kezek/backups: $copy" ;; esac
[ "$(stat -c '%U %a' "$copy" 2>/dev/null)" = "kezek 600" ] && ok || not_ok "the copy is its owner's only"
as_kezek kezek ticket A >"$W/out" 2>&1
as_kezek kezek restore "$copy" >"$W/out" 2>&1 && ok || not_ok "kezek restore puts the copy back"
after=$(as_kezek sqlite3 /var/lib/kezek/hall.db "SELECT count(*) FROM tickets")
[ "$after" = "$n" ] && ok || not_ok "after the restore the tickets are the copy's ($after, not $n)"

phase "the upgrade"
# 6. the upgrade: the administrator has changed hall.ini; the package's
# own changed too.  Their configuration is kept, the package's beside it.
sed -i 's/^wait_limit_minutes = .*/wait_limit_minutes = 25/' /etc/kezek/hall.ini
grep -q '^wait_limit_minutes = 25' /etc/kezek/hall.ini || echo '# changed by the administrator' >>/etc/kezek/hall.ini
cp /etc/kezek/hall.ini "$W/admin.ini"
if apt_install "$W/kezek_new.deb" >"$W/out" 2>&1; then ok; else not_ok "apt upgrades to this build"; fi
[ "$(dpkg-query -W -f '${Version}' kezek)" = "$version" ] && ok || not_ok "version $version installed"
cmp -s /etc/kezek/hall.ini "$W/admin.ini" && ok || not_ok "the administrator's hall.ini kept"
[ -f /etc/kezek/hall.ini.dpkg-dist ] && ! grep -q 'previous build' /etc/kezek/hall.ini.dpkg-dist && ok ||
	not_ok "the package's new hall.ini left beside it (hall.ini.dpkg-dist)"
after=$(as_kezek sqlite3 /var/lib/kezek/hall.db "SELECT count(*) FROM tickets")
[ "$after" = "$n" ] && ok || not_ok "the hall's tickets kept over the upgrade ($after of $n)"
as_kezek env KEZEK_LANG=en kezek doctor >"$W/out" 2>&1
grep -Eq '^ok +database' "$W/out" && ok || not_ok "the database migrated to this build's schema (doctor)"
as_kezek kezek check >"$W/out" 2>&1 && ok || not_ok "kezek check passes after the upgrade"

phase "the purge"
# 7. purged: nothing left but the kezek user and group (Debian keeps system
# users: files elsewhere may be theirs)
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -q kezek >"$W/out" 2>&1; then ok; else not_ok "apt purges kezek"; fi
left=$(ls -d /etc/kezek /var/lib/kezek /usr/share/kezek /usr/bin/kezek* /lib/systemd/system/kezek* \
	/usr/lib/sysusers.d/kezek.conf /usr/lib/tmpfiles.d/kezek.conf /etc/X11/kezek-xorg.conf \
	/usr/share/doc/kezek 2>/dev/null)
[ -z "$left" ] && ok || not_ok "left after the purge: $left"
dpkg-query -W kezek >/dev/null 2>&1 && not_ok "dpkg still knows kezek" || ok
getent passwd kezek >/dev/null && ok || not_ok "the kezek user stays, as Debian policy keeps it"

echo "test-installed: $passed passed, $failed failed ($((SECONDS - start)) s)"
[ "$failed" -eq 0 ]
