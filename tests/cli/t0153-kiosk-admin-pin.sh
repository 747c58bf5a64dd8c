#!/bin/bash
# t0153: the kiosk administrator's PIN is kept in the database, never in
# hall.ini: an old admin_pin line is refused with the way to move it; the
# PIN is read from standard input, 6 digits at least, not the README's
# sample; the sample, given knowingly for a first run, is refused by check.
. "$(dirname "$0")/lib.sh"

cp "$T/hall.ini" "$T/hall.ini.good"
sed -i 's/^admin_gesture = 1234$/&\nadmin_pin = $y$j9T$7xRxlRO0jBBeVzda0RW79\/$BJOLtgDps/' "$T/hall.ini"
expect 3 "an old admin_pin line" status
one_line_error "an old admin_pin line"
has err "admin_pin" "names the key"
has err "delete this line" "says to delete it"
has err "kezek kiosk pin kiosk-1" "says how to set the PIN now"
line=$(grep -n '^admin_pin' "$T/hall.ini" | cut -d: -f1)
has err ":$line:" "names the line"
cp "$T/hall.ini.good" "$T/hall.ini"
if grep -q 'admin_pin\|\$y\$' "$T/hall.ini"; then not_ok "hall.ini holds no secret"; else ok; fi

expect 0 "init" init
expect 1 "no PIN on standard input" kiosk pin kiosk-1 </dev/null
expect 1 "no PIN as an argument" kiosk pin kiosk-1 739164
expect 1 "an unknown kiosk" kiosk pin kiosk-9 </dev/null
printf '2580\n' >"$T/pin"
expect 1 "a 4-digit PIN" kiosk pin kiosk-1 <"$T/pin"
has err "6 to 12 digits" "an administrator's PIN is longer"
printf '258025\n' >"$T/pin"
expect 1 "the sample PIN typed" kiosk pin kiosk-1 <"$T/pin"
has err "sample" "the sample is refused"
is_rows() {
	local got
	got=$(sqlite3 "$T/hall.db" "$1")
	if [ "$got" = "$2" ]; then ok; else not_ok "$3: '$got', expected '$2'"; fi
}
is_rows "SELECT count(*) FROM admin_pins" 0 "nothing set by a refused PIN"

# the sample, for a first run: marked, refused by check until changed
expect 0 "the sample PIN" kiosk pin kiosk-1 --sample
has out "258025" "says which"
is_rows "SELECT sample FROM admin_pins WHERE kiosk = 'kiosk-1'" 1 "marked as the sample"
expect 2 "check refuses the sample PIN" check
has err "kiosk kiosk-1 still has the sample administrator PIN" "says which kiosk"
has err "kezek kiosk pin kiosk-1" "and how to change it"
printf '739164\n' >"$T/pin"
expect 0 "a PIN of 6 digits" kiosk pin kiosk-1 <"$T/pin"
is_rows "SELECT sample, hash LIKE '\$y\$%', instr(hash, '739164') FROM admin_pins" "0|1|0" \
	"kept as a salted hash, not the sample"
expect 0 "check, with its own PIN" check
expect 0 "--sample leaves a set PIN alone" kiosk pin kiosk-1 --sample
is_rows "SELECT sample FROM admin_pins" 0 "still its own PIN"
if [ "$(stat -c %a "$T/hall.db")" = 600 ]; then ok; else not_ok "the database is the service user's only"; fi
expect 1 "pin-hash is gone" pin-hash </dev/null
finish
