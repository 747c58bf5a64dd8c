#!/bin/sh
# po-update.sh - gather every string staff and visitors read (the kiosk, the
# hall board, the kezek command, the printed documents, the queue's own
# words, the printers' states, the hall server's answers, the counter page and
# the manager's live page in the browser: _("...") in hall/www/*.js) into po/kezek.pot and merge them into po/kk.po and po/ru.po for
# the translators (new strings come in untranslated; the translation test
# fails until they are done).  tests/cli/t0150 scans the same folders.
set -e
cd "$(dirname "$0")/.."
xgettext --keyword=T --keyword=N --keyword=N_ --flag=N_:1:c-format --keyword=TN:1,2 --keyword=kz_tr:2 --keyword=kz_trn:2,3 --from-code=UTF-8 --sort-output \
	--add-comments=TRANSLATORS: --package-name=kezek --msgid-bugs-address=dev@kezek.kz \
	-o po/kezek.pot kiosk/*.c display/*.c clerk/*.c documents/*.c queue/*.c setup/*.c printer/*.c hall/*.c ink/*.c
xgettext --join-existing --language=JavaScript --keyword=_ --from-code=UTF-8 --sort-output \
	--add-comments=TRANSLATORS: --package-name=kezek --msgid-bugs-address=dev@kezek.kz \
	-o po/kezek.pot hall/www/*.js
for lang in kk ru; do
	msgmerge --quiet --update --backup=none --no-fuzzy-matching po/$lang.po po/kezek.pot
done
