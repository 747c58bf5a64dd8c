#!/bin/bash
# The files Kezek is given: a key or section of the configuration given
# twice is named with both lines; a configuration, holiday file, directory
# or printout that is not a regular file, or is far too large, is refused
# at once, without reading it or waiting for a writer.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init

good() { printf '[hall]\nname_kk = a\nname_ru = b\n[service A]\nname_kk = x\nname_ru = y\n[counter 1]\nservices = A\n'; }

{ good; printf '[counter 2]\nservices = A\nservices = A\n'; } >"$T/twice-key.ini"
expect 3 "a key given twice" status --config "$T/twice-key.ini"
has err "twice-key.ini:11: 'services' is given twice in [counter 2], at lines 10 and 11" \
	"both lines of the key named"
one_line_error "a key given twice"

{ good; printf '[service B]\nname_kk = x\nname_ru = y\n[counter 1]\nservices = B\n'; } >"$T/twice-section.ini"
expect 3 "a section given twice, apart" status --config "$T/twice-section.ini"
has err "twice-section.ini:12: [counter 1] is given twice, at lines 7 and 12" \
	"both lines of the section named"
one_line_error "a section given twice"

{ good; printf '[counter 1]\nname = again\n'; } >"$T/twice-adjacent.ini"
expect 3 "a section given twice, one after the other" status --config "$T/twice-adjacent.ini"
has err "[counter 1] is given twice, at lines 7 and 9" "adjacent sections named"

# A value continued on an indented line is one key, not two.
{ good; printf '[display]\ninfo_ru = Первая часть\n  и её продолжение\n'; } >"$T/continued.ini"
expect 0 "a continued value is not a duplicate" status --config "$T/continued.ini"

mkfifo "$T/fifo.ini"
timeout 10 "$KEZEK" status --config "$T/fifo.ini" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 3 ]; then ok; else not_ok "a FIFO as the configuration: exit $rc, expected 3 (124: it blocked)"; fi
has err "is not a regular file (a pipe)" "a FIFO named as such"

expect 3 "a device as the configuration" status --config /dev/zero
has err "'/dev/zero' is not a regular file (a device)" "a device named as such"
expect 3 "a folder as the configuration" status --config "$T"
has err "(a folder)" "a folder named as such"

truncate -s 5M "$T/huge.ini"
expect 3 "a huge configuration" status --config "$T/huge.ini"
has err "is 5242880 bytes, more than the 1048576" "the size and the limit said"
one_line_error "a huge configuration"

# A time zone is a real one, or the clock would silently run as UTC.
for zone in zone.tab Factory ../../../../etc/passwd /etc/passwd Asia; do
	sed "s|^timezone = .*|timezone = $zone|" "$T/hall.ini" >"$T/zone.ini"
	grep -q "^timezone = $zone" "$T/zone.ini" || not_ok "the test's hall.ini sets no timezone"
	expect 3 "time zone '$zone' refused" status --config "$T/zone.ini"
	has err "time zone '$zone' is not a time zone this machine knows" "time zone '$zone' named"
done
sed "s|^timezone = .*|timezone = Asia/Almaty|" "$T/hall.ini" >"$T/zone.ini"
expect 0 "Asia/Almaty is a time zone" status --config "$T/zone.ini"

# The office directory and the holiday files are bounded and typed too.
sed "/^\[hall\]/a offices = /dev/zero" "$T/hall.ini" >"$T/dir.ini"
grep -q "^offices = /dev/zero" "$T/dir.ini" || not_ok "the test's hall.ini names no offices file"
expect 3 "a device as the office directory" office find Алматы --config "$T/dir.ini"
has err "'/dev/zero' is not a regular file (a device)" "the directory's device named"
mkdir -p "$T/hol"
cp "$SRC"/config/holidays/*.ini "$T/hol/"
rm "$T/hol/2026.ini"
mkfifo "$T/hol/2026.ini"
sed "/^\[hall\]/a holidays = $T/hol" "$T/hall.ini" >"$T/hol.ini"
grep -q "^holidays = $T/hol" "$T/hol.ini" || not_ok "the test's hall.ini names no holidays"
timeout 10 "$KEZEK" calendar 2026 --config "$T/hol.ini" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 3 ]; then ok; else not_ok "a FIFO as a holiday file: exit $rc, expected 3 (124: it blocked)"; fi
has err "2026.ini' is not a regular file (a pipe)" "the holiday FIFO named"

# Nor is the database anything but a regular file.
mkfifo "$T/db.fifo"
for db in "$T/db.fifo" /dev/zero "$T"; do
	timeout 10 "$KEZEK" status --db "$db" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq 3 ]; then ok; else not_ok "'$db' as the database: exit $rc, expected 3"; fi
	has err "is not a regular file" "'$db' as the database named as no file"
done

# What a printer was sent, shown as a picture: bounded and typed too (it
# once read /dev/zero until memory ran out).
expect 1 "a device as a printout" print preview /dev/zero "$T/zero.png"
has err "'/dev/zero' is not a regular file (a device)" "the printout's device named"
mkfifo "$T/printout.prn"
timeout 10 "$KEZEK" print preview "$T/printout.prn" "$T/fifo.png" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 1 ]; then ok; else not_ok "a FIFO as a printout: exit $rc, expected 1 (124: it blocked)"; fi
truncate -s 17M "$T/huge.prn"
expect 1 "a 17 MB printout" print preview "$T/huge.prn" "$T/huge.png"
has err "more than the 16777216" "the printout's size and limit said"
finish
