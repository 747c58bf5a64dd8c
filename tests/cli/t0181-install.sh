#!/bin/bash
# t0181: 'cmake --install' lays Kezek out as an office's machine has it:
# the programs, the data directory (holidays, directories, translations,
# the system's fonts), /etc/kezek/hall.ini naming /var/lib/kezek, the
# service units (which systemd accepts), the sysusers and tmpfiles
# entries and the manual pages; and the installed programs run a hall from
# that layout.
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$KEZEK")
STAGE="$T/stage"

DESTDIR="$STAGE" cmake --install "$BUILD" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ]; then ok; else not_ok "cmake --install into a stage"; fi

# one path under the stage by its tail: where the layout put it
at() { find "$STAGE" -path "*$1" -print -quit; }
for tail in /bin/kezek /bin/kezek-kiosk /bin/kezek-display /bin/kezek-printd /bin/kezek-sync \
	/etc/kezek/hall.ini /etc/kezek/device.ini /share/kezek/config/holidays/2026.ini /share/kezek/config/offices.csv \
	/share/kezek/config/akimats.csv /share/kezek/locale/kk/LC_MESSAGES/kezek.mo \
	/share/kezek/locale/ru/LC_MESSAGES/kezek.mo \
	/systemd/system/kezek-printd@.service /systemd/system/kezek-backup.service \
	/systemd/system/kezek-backup.timer /systemd/system/kezek-sync.service /systemd/system/kezek-hall.service /systemd/system/kezek-screens.service \
	/systemd/system/kezek-kiosk@.service /systemd/system/kezek-display@.service \
	/etc/X11/kezek-xorg.conf /sysusers.d/kezek.conf /tmpfiles.d/kezek.conf \
	/udev/rules.d/60-kezek-printers.rules /libexec/kezek/kezek-backoff \
	/man/man1/kezek.1 /man/man1/kezek-kiosk.1 /man/man1/kezek-display.1 \
	/man/man8/kezek-printd.8 /man/man8/kezek-sync.8 /man/man5/hall.ini.5 /man/man5/device.ini.5; do
	if [ -n "$(at "$tail")" ]; then ok; else not_ok "nothing installed as ...$tail"; fi
done

# one copy of a font on the system: the data folder points at Debian's DejaVu
for font in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
	f=$(at "/share/kezek/assets/fonts/$font")
	if [ -L "$f" ] && [ "$(readlink "$f")" = "/usr/share/fonts/truetype/dejavu/$font" ] &&
		[ -s "/usr/share/fonts/truetype/dejavu/$font" ]; then ok
	else not_ok "$font is a link to the system's DejaVu (fonts-dejavu-core)"; fi
done

# the installed configuration keeps the hall's state in /var/lib/kezek
ini=$(at /etc/kezek/hall.ini)
if grep -q '^database = /var/lib/kezek/hall.db$' "$ini" && ! grep -q '\.\./var' "$ini"; then ok
else not_ok "the installed hall.ini names /var/lib/kezek"; fi

# the installed programs run a hall from the installed layout: its state
# moved into the test's folder (the machine's /var/lib is not the test's)
data=$(dirname "$(dirname "$(at /share/kezek/config/offices.csv)")")
sed "s|/var/lib/kezek/|$T/state/|" "$ini" >"$T/installed.ini"
mkdir -p "$T/state"
bin=$(dirname "$(at /bin/kezek)")
export KEZEK_CONFIG="$T/installed.ini" KEZEK_DATA_DIR="$data"
unset KEZEK_DB
"$bin/kezek" init >"$T/out" 2>"$T/err" && "$bin/kezek" ticket A >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '^A-001' "$T/out" && [ -f "$T/state/hall.db" ]; then ok
else not_ok "the installed kezek issues a ticket into /var/lib/kezek's stand-in"; fi
"$bin/kezek" calendar 2026-03 --lang ru >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q 'Наурыз мейрамы' "$T/out"; then ok
else not_ok "the installed kezek reads the installed holidays"; fi
"$bin/kezek-kiosk" --version >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '^kezek-kiosk [0-9]' "$T/out"; then ok; else not_ok "kezek-kiosk --version"; fi
# the installed kiosk draws its Russian words from the installed catalogues
"$bin/kezek-kiosk" --lang ru --screen home --snapshot "$T/home.png" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && [ -s "$T/home.png" ]; then ok; else not_ok "the installed kiosk draws its home screen"; fi
"$bin/kezek" doctor >"$T/out" 2>"$T/err"
if grep -qE "^ok +data +fonts and the kk and ru translations complete in $data" "$T/out"; then ok
else not_ok "doctor finds the installed translations complete"; fi

# under systemd (stderr is the journal's stream, JOURNAL_STREAM names it)
# a line carries its level as "<N>", which the journal strips and keeps;
# elsewhere it names the program
: >"$T/journal"
export JOURNAL_STREAM=$(stat -c '%d:%i' "$T/journal")
"$bin/kezek-printd" --printer nosuch 2>>"$T/journal"
"$bin/kezek" ticket Z 2>>"$T/journal"
"$bin/kezek-printd" --printer nosuch 2>"$T/err"
unset JOURNAL_STREAM
if grep -q '^<3>.*has no \[printer nosuch\]' "$T/journal" && grep -q '^<3>.*Z' "$T/journal" &&
	! grep -q '^kezek' "$T/journal" && grep -q '^kezek-printd: .*nosuch' "$T/err"; then ok
else not_ok "error lines carry the journal's level <3> on the journal's stream only"; cat "$T/journal" >&2; fi

# systemd accepts every unit (Kezek's programs named by their staged
# paths; the X server by its own if installed, else by a stand-in, for a
# build machine has none), together, as they name each other
units=$(dirname "$(at /systemd/system/kezek-backup.service)")
xorg=$(command -v Xorg || echo /bin/true)
mkdir -p "$T/units"
for unit in "$units"/*; do
	sed "s|/usr/bin/kezek|$bin/kezek|g; s|/usr/libexec/kezek/|$(dirname "$(at /libexec/kezek/kezek-backoff)")/|g; s|/usr/bin/Xorg|$xorg|; s|/etc/kezek/|$T/|g" "$unit" \
		>"$T/units/$(basename "$unit")"
done
for unit in "$units"/*; do
	name=$(basename "$unit")
	case $name in *@.service) name=${name/@/@HDMI-1} ;; esac
	if (cd "$T/units" && systemd-analyze verify --man=no "$name") >"$T/out" 2>"$T/err" &&
		! grep -v 'sysinit.target\|Unit .* not found' "$T/err" | grep -q .; then ok
	else not_ok "systemd-analyze verify $(basename "$unit")"; cat "$T/err" >&2; fi
done
# each service restarts on failure with a pause, and runs as kezek with the hardening
for unit in "$units"/*.service; do
	case $unit in *backup*) continue ;; esac
	for line in '^Restart=always' '^RestartSec=' '^User=kezek' '^NoNewPrivileges=yes' \
		'^ProtectSystem=strict' '^ReadWritePaths=/var/lib/kezek$' \
		'^ExecStartPre=/usr/libexec/kezek/kezek-backoff start %n$' \
		'^ExecStopPost=/usr/libexec/kezek/kezek-backoff stop %n$'; do
		if grep -q "$line" "$unit"; then ok; else not_ok "$(basename "$unit") lacks $line"; fi
	done
done
# the kiosk and the boards draw on the screens' server, full screen on their output
grep -q -- '--fullscreen --output %i' "$units/kezek-display@.service" && ok ||
	not_ok "kezek-display@SCREEN shows on the output SCREEN"
grep -q '^Requires=kezek-screens.service' "$units/kezek-kiosk@.service" && ok ||
	not_ok "the kiosk starts the screens' server"
grep -q '"DontVTSwitch" "true"' "$(at /etc/X11/kezek-xorg.conf)" && ok ||
	not_ok "the screens' server lets no one switch to a terminal"

# the system user, group and state folder: the group shares the database
users=$(at /sysusers.d/kezek.conf)
if grep -Eq '^u kezek ' "$users" && grep -Eq '^g kezek ' "$users"; then ok; else not_ok "sysusers makes kezek"; fi
if grep -Eq '^d /var/lib/kezek 2770 kezek kezek' "$(at /tmpfiles.d/kezek.conf)"; then ok
else not_ok "tmpfiles makes /var/lib/kezek for the kezek user and group only"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
