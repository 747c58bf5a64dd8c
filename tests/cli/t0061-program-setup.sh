#!/bin/bash
# Every program finds its configuration and its data the same way:
# --config, else KEZEK_CONFIG, else the source tree's config/hall.ini when
# run from the build tree, else /etc/kezek/hall.ini; fonts, translations,
# holidays and directories from one data directory (--data-dir,
# KEZEK_DATA_DIR, else the one built in), never beside the configuration.
. "$(dirname "$0")/lib.sh"

KIOSK=${KEZEK_KIOSK:?set KEZEK_KIOSK to the kezek-kiosk binary}
DISPLAY_BIN="$(dirname "$KEZEK")/kezek-display"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy SDL_VIDEO_EGL_DRIVER=none

# prog_expect CODE what PROGRAM ARGS...: like expect, for another program
prog_expect() {
	local code=$1 what=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$code" ]; then ok; else not_ok "$what: exit $rc, expected $code"; fi
}

expect 0 "init" init
printf '[hall]\nname_kk = a\n' >"$T/bad.ini"

# --config is taken before KEZEK_CONFIG
KEZEK_CONFIG="$T/bad.ini" expect 0 "--config before KEZEK_CONFIG" status --config "$T/hall.ini"
KEZEK_CONFIG="$T/bad.ini" expect 3 "KEZEK_CONFIG when no --config" status
has err "bad.ini" "KEZEK_CONFIG's file named"

# From the build tree, with neither, the source tree's config/hall.ini,
# wherever the working folder is (this one has no config/ of its own)
mkdir "$T/elsewhere" && cd "$T/elsewhere" || exit 1
unset KEZEK_CONFIG
expect 0 "build tree: the source's configuration" status
has out "Отдел земельных отношений" "the source's hall shown"
KEZEK_CONFIG="" expect 0 "an empty KEZEK_CONFIG is no choice" status
cd "$T" || exit 1

# Outside the build tree, with neither: /etc/kezek/hall.ini, or a clear error
mkdir "$T/bin" && cp "$KEZEK" "$T/bin/kezek"
if [ ! -e /etc/kezek/hall.ini ]; then
	KEZEK="$T/bin/kezek" expect 3 "installed, no configuration" status
	has err "no configuration" "says none was found"
	has err "--config FILE or KEZEK_CONFIG" "says what was looked for"
	has err "/etc/kezek/hall.ini" "says where to put one"
	one_line_error "no configuration"
fi
export KEZEK_CONFIG="$T/hall.ini"

# The data directory: holidays come from it unless hall.ini names them
mkdir -p "$T/nodata"
KEZEK_DATA_DIR="$T/nodata" expect 3 "holidays missing from the data directory" calendar
has err "$T/nodata/config/holidays" "the data directory's holidays named"
expect 3 "--data-dir too" calendar --data-dir "$T/nodata"
has err "$T/nodata/config/holidays" "--data-dir's holidays named"
expect 3 "--data-dir before the command" --data-dir "$T/nodata" calendar
has err "$T/nodata/config/holidays" "--data-dir before the command taken"
expect 0 "the built-in data directory" calendar
sed -i 's|^office = .*|&\nholidays = holidays|' "$T/hall.ini"
KEZEK_DATA_DIR="$T/nodata" expect 0 "holidays named in hall.ini, beside it" calendar

# Fonts and translations: a data directory without them is said so, by name
prog_expect 3 "kiosk: fonts missing" env KEZEK_DATA_DIR="$T/nodata" \
	"$KIOSK" --screen home --snapshot "$T/home.png"
has err "no fonts at '$T/nodata/assets/fonts'" "kiosk: the missing fonts named"
has err "KEZEK_DATA_DIR" "kiosk: where the data directory came from"
prog_expect 3 "display: fonts missing" "$DISPLAY_BIN" --data-dir "$T/nodata" --exit-after 0.1
has err "no fonts at '$T/nodata/assets/fonts'" "display: the missing fonts named"
has err "--data-dir" "display: where the data directory came from"
mkdir -p "$T/data/assets" && cp -r "$SRC/assets/fonts" "$T/data/assets/"
prog_expect 3 "kiosk: translations missing" "$KIOSK" --data-dir "$T/data" \
	--screen home --snapshot "$T/home.png"
has err "no translations at '$T/data/locale'" "kiosk: the missing translations named"
cp -r "$KEZEK_LOCALE" "$SRC/config" "$T/data/"
prog_expect 0 "kiosk: a whole data directory elsewhere" "$KIOSK" --data-dir "$T/data" \
	--screen home --snapshot "$T/home.png"
[ -s "$T/home.png" ] && ok || not_ok "the kiosk drew with the data directory's fonts"
finish
