/*
 * i18n.h - every word Kezek shows or prints, in Kazakh and Russian, from
 * the gettext catalogues po/kk.po and po/ru.po that translators edit.
 * Source strings (msgid) are English and are marked in the code so that
 * xgettext finds them (tools/po-update.sh): T("...") and N("...") on the
 * screens and in the kezek command, kz_tr(lang, "...") in the documents.
 * A string without a translation, or one marked fuzzy, is missing:
 * kz_i18n_get gives the English back and the translation test fails.
 *
 * A program loads the catalogues once (kz_i18n_load; setup/setup.h finds
 * them) and hands them to kz_i18n_use, so code that holds no handle of its
 * own, the documents and the kezek command, translates with kz_tr.
 */
#ifndef KZ_I18N_H
#define KZ_I18N_H

struct kz_i18n;

/* Read dir/kk.po and dir/ru.po.  KZ_ECONFIG naming file and line for a
 * catalogue that is not a gettext .po file; KZ_ENOMEM. */
int kz_i18n_load(const char *dir, struct kz_i18n **out, char *err);
void kz_i18n_free(struct kz_i18n *cat);

/* The translation of msgid into lang ("kk" or "ru"), or msgid itself if
 * there is none (and counts it: kz_i18n_missed). */
const char *kz_i18n_get(struct kz_i18n *cat, const char *lang, const char *msgid);

/* How many lookups found no translation since loading. */
int kz_i18n_missed(const struct kz_i18n *cat);

/* Entries of lang's catalogue: count, and the i-th msgid and msgstr
 * ("" if untranslated or fuzzy); for tests that check every string. */
int kz_i18n_count(const struct kz_i18n *cat, const char *lang);
void kz_i18n_entry(const struct kz_i18n *cat, const char *lang, int i, const char **msgid,
	const char **msgstr);

/* Make cat (may be NULL: no translations) the one kz_tr reads.  The
 * caller keeps it alive while it is in use and frees it after
 * kz_i18n_use(NULL). */
void kz_i18n_use(struct kz_i18n *cat);

/* The catalogue kz_i18n_use set, NULL if none. */
struct kz_i18n *kz_i18n_current(void);

/* msgid in lang ("kk" or "ru") from the catalogue in use: msgid itself if
 * there is none or it lacks the string. */
const char *kz_tr(const char *lang, const char *msgid);

#endif
