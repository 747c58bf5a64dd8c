#!/bin/bash
# t0180: the manual pages say what the programs do: every command and
# option the programs' --help names is in their page, every option a page
# names exists, and hall.ini(5) names every section and key the
# configuration reader knows (taken from its own refusals).
. "$(dirname "$0")/lib.sh"
MAN="$SRC/docs/man"

# options written in a page: \-\-name
page_options() { grep -o '\\-\\-[a-z]\([a-z]\|\\-\)*' "$1" | sed 's/\\//g' | sort -u; }
help_options() { grep -o -- '--[a-z][a-z-]*' "$1" | sort -u; }

check_program() {
	local prog=$1 page=$2
	"$prog" --help >"$T/help" 2>&1
	page_options "$MAN/$page" >"$T/in-page"
	help_options "$T/help" >"$T/in-help"
	missing=$(comm -23 "$T/in-help" "$T/in-page" | tr '\n' ' ')
	extra=$(comm -13 "$T/in-help" "$T/in-page" | tr '\n' ' ')
	if [ -z "$missing" ]; then ok; else not_ok "$page lacks $(basename "$prog")'s options: $missing"; fi
	if [ -z "$extra" ]; then ok; else not_ok "$page names options $(basename "$prog") has not: $extra"; fi
}
check_program "$KEZEK_KIOSK" kezek-kiosk.1
check_program "${KEZEK_DISPLAY:?}" kezek-display.1
check_program "$KEZEK_PRINTD" kezek-printd.8
check_program "${KEZEK_HALL:?}" kezek-hall.8

# kezek(1): every command, and every command's own options
"$KEZEK" --help >"$T/help" 2>&1
: >"$T/all-help"
for cmd in $(awk '/^  [a-z]/{print $1}' "$T/help"); do
	word=$(printf '%s' "$cmd" | sed 's/-/\\\\-/g')
	if grep -Eq "^\.B[IR]? \"?$word( |\"|$)" "$MAN/kezek.1"; then ok
	else not_ok "kezek.1 has no entry for the command '$cmd'"; fi
	"$KEZEK" "$cmd" --help >>"$T/all-help" 2>&1
done
cat "$T/help" >>"$T/all-help"
help_options "$T/all-help" >"$T/in-help"
page_options "$MAN/kezek.1" >"$T/in-page"
missing=$(comm -23 "$T/in-help" "$T/in-page" | tr '\n' ' ')
extra=$(comm -13 "$T/in-help" "$T/in-page" | tr '\n' ' ')
if [ -z "$missing" ]; then ok; else not_ok "kezek.1 lacks options: $missing"; fi
if [ -z "$extra" ]; then ok; else not_ok "kezek.1 names options kezek has not: $extra"; fi

# hall.ini(5): the reader's own lists of sections and keys, from its
# refusal of an unknown section or key put into the default hall's file
probe() { "$KEZEK" --config "$T/probe.ini" check >"$T/out" 2>"$T/err"; }
{ cat "$T/hall.ini"; printf '[nosuch]\nx = 1\n'; } >"$T/probe.ini"
probe
sections=$(grep -o 'known sections: .*' "$T/err" | sed 's/known sections: //; s/[][]//g; s/, /\n/g' | awk '{print $1}')
[ "$(echo "$sections" | wc -w)" -ge 9 ] && ok || not_ok "the reader lists its sections"
for s in $sections; do
	if grep -q "^\.SH \[$s" "$MAN/hall.ini.5"; then ok; else not_ok "hall.ini.5 has no section [$s]"; fi
	awk -v s="$s" '{ print } !done && $0 ~ "^\\[" s "( [^]]*)?\\]" { print "nosuchkey = 1"; done = 1 }' \
		"$T/hall.ini" >"$T/probe.ini"
	probe
	keys=$(grep -o 'known keys: [a-z_, 0-9]*' "$T/err" | sed 's/known keys: //; s/, /\n/g')
	[ -n "$keys" ] && ok || not_ok "the reader lists the keys of [$s] (is it in the default hall.ini?)"
	for k in $keys; do
		if grep -q "\\b$k\\b" "$MAN/hall.ini.5"; then ok; else not_ok "hall.ini.5 lacks [$s] $k"; fi
	done
done

# groff reads every page without a warning
for page in "$MAN"/*.[158]; do
	if LC_ALL=C.UTF-8 MANWIDTH=80 man -l --warnings "$page" 2>"$T/err" >/dev/null && [ ! -s "$T/err" ]; then ok
	else not_ok "$(basename "$page") formats cleanly: $(head -2 "$T/err")"; fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
