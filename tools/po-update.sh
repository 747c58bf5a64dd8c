#!/bin/sh
# po-update.sh - gather the kiosk's strings into po/kezek.pot and merge
# them into po/kk.po and po/ru.po for the translators (new strings come
# in untranslated; the translation test fails until they are done).
set -e
cd "$(dirname "$0")/.."
xgettext --keyword=T --keyword=N --from-code=UTF-8 --sort-output --add-comments=TRANSLATORS: \
	--package-name=kezek --msgid-bugs-address=dev@kezek.kz -o po/kezek.pot kiosk/*.c display/*.c printer/cups-reasons.c
for lang in kk ru; do
	msgmerge --quiet --update --backup=none --no-fuzzy-matching po/$lang.po po/kezek.pot
done
