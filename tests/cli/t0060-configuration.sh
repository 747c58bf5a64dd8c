#!/bin/bash
# Configuration: where it comes from, and refusal of a malformed file.
. "$(dirname "$0")/lib.sh"

expect 0 "init" init
printf '[hall]\nname_kk = a\nname_ru = b\n[service A]\nname_kk = x\nname_ru = y\nprefx = A\n[counter 1]\nservices = A\n' >"$T/bad.ini"
expect 3 "malformed configuration" --config "$T/bad.ini" status
has err "bad.ini:7: unknown key 'prefx'" "file, line and reason"
one_line_error "malformed configuration"
expect 3 "missing configuration" status --config "$T/nope.ini"
has err "nope.ini" "missing file named"
KEZEK_CONFIG="$T/bad.ini" expect 3 "KEZEK_CONFIG is read" status
# --db overrides KEZEK_DB, which overrides the configuration's path.
expect 0 "ticket in the default database" ticket A
expect 0 "init another" init --db "$T/other.db"
expect 0 "ticket in the other" ticket A --db "$T/other.db"
first_line "A-001" "the other database has its own numbers"
expect 0 "back to the first" ticket A
first_line "A-002" "the first database went on"
unset KEZEK_DB
sed -i "s|^database = .*|database = $T/from-config.db|" "$T/hall.ini"
expect 0 "database from the configuration" init
has out "$T/from-config.db" "the configuration's path is used"
finish
