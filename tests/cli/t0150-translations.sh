#!/bin/bash
# t0150: the translators' catalogues cover every string the kiosk, the
# hall board, the kezek command, the printed documents and the pages in the
# browser (hall/www/*.js) say: xgettext
# gathers them from the code (the folders tools/po-update.sh scans), and each of po/kk.po and po/ru.po
# has every one, translated, not fuzzy, with the same printf directives.
. "$(dirname "$0")/lib.sh"

xgettext --keyword=T --keyword=N --keyword=N_ --flag=N_:1:c-format --keyword=TN:1,2 --keyword=kz_tr:2 --keyword=kz_trn:2,3 --from-code=UTF-8 -o "$T/kezek.pot" \
	"$SRC"/kiosk/*.c "$SRC"/display/*.c "$SRC"/clerk/*.c "$SRC"/documents/*.c "$SRC"/queue/*.c \
	"$SRC"/setup/*.c "$SRC"/printer/*.c "$SRC"/hall/*.c "$SRC"/ink/*.c >"$T/out" 2>"$T/err" &&
	xgettext --join-existing --language=JavaScript --keyword=_ --from-code=UTF-8 \
		-o "$T/kezek.pot" "$SRC"/hall/www/*.js >>"$T/out" 2>>"$T/err"
if [ $? -eq 0 ] && [ "$(grep -c '^msgid' "$T/kezek.pot")" -gt 90 ]; then ok
else not_ok "xgettext finds the strings"; fi

for lang in kk ru; do
	if msgcmp "$SRC/po/$lang.po" "$T/kezek.pot" >"$T/out" 2>"$T/err"; then ok
	else not_ok "$lang.po has every string of the code"; fi
	msgfmt --check --statistics -o /dev/null "$SRC/po/$lang.po" >"$T/out" 2>"$T/err"
	if [ $? -eq 0 ]; then ok; else not_ok "$lang.po passes msgfmt --check"; fi
	lacks err "untranslated" "$lang.po has no untranslated string"
	lacks err "fuzzy" "$lang.po has no fuzzy string"
done

# the scanned folders are the ones tools/po-update.sh scans
for dir in kiosk display clerk documents queue setup hall ink; do
	if grep -q "$dir/\*\.c" "$SRC/tools/po-update.sh"; then ok
	else not_ok "tools/po-update.sh scans $dir/"; fi
done

# the pages' words too: _("...") in hall/www/*.js
if grep -q 'hall/www/\*\.js' "$SRC/tools/po-update.sh"; then ok
else not_ok "tools/po-update.sh scans hall/www/*.js"; fi

# the shipped pot is current: a translator works from it
if msgcmp --use-untranslated "$SRC/po/kezek.pot" "$T/kezek.pot" >"$T/out" 2>"$T/err" &&
	msgcmp --use-untranslated "$T/kezek.pot" "$SRC/po/kezek.pot" >>"$T/out" 2>>"$T/err"; then ok
else not_ok "po/kezek.pot is current: run tools/po-update.sh"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
