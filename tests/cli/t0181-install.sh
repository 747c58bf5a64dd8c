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
for tail in /bin/kezek /bin/kezek-kiosk /bin/kezek-display /bin/kezek-printd \
	/etc/kezek/hall.ini /share/kezek/config/holidays/2026.ini /share/kezek/config/offices.csv \
	/share/kezek/config/akimats.csv /share/kezek/locale/kk/LC_MESSAGES/kezek.mo \
	/share/kezek/locale/ru/LC_MESSAGES/kezek.mo \
	/systemd/system/kezek-printd@.service /systemd/system/kezek-backup.service \
	/systemd/system/kezek-backup.timer /sysusers.d/kezek.conf /tmpfiles.d/kezek.conf \
	/udev/rules.d/60-kezek-printers.rules \
	/man/man1/kezek.1 /man/man1/kezek-kiosk.1 /man/man1/kezek-display.1 \
	/man/man8/kezek-printd.8 /man/man5/hall.ini.5; do
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
"$bin/kezek" calendar 2026-03 >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q 'Наурыз' "$T/out"; then ok
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

# systemd accepts every unit (the programs named by their staged paths)
for unit in "$(dirname "$(at /systemd/system/kezek-backup.service)")"/*; do
	name=$(basename "$unit")
	case $name in *@.service) name=${name/@/@test} ;; esac
	sed "s|/usr/bin/|$bin/|g; s|/etc/kezek/|$T/|g" "$unit" >"$T/$name"
	if systemd-analyze verify --man=no "$T/$name" >"$T/out" 2>"$T/err" &&
		! grep -v 'sysinit.target\|Unit .* not found' "$T/err" | grep -q .; then ok
	else not_ok "systemd-analyze verify $(basename "$unit")"; fi
done

# the system user, group and state folder: the group shares the database
users=$(at /sysusers.d/kezek.conf)
if grep -Eq '^u kezek ' "$users" && grep -Eq '^g kezek ' "$users"; then ok; else not_ok "sysusers makes kezek"; fi
if grep -Eq '^d /var/lib/kezek 2770 kezek kezek' "$(at /tmpfiles.d/kezek.conf)"; then ok
else not_ok "tmpfiles makes /var/lib/kezek for the kezek user and group only"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
