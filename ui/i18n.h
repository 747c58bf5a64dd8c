/*
 * i18n.h - what the screens say, in Kazakh and Russian, from the gettext
 * catalogues po/kk.po and po/ru.po that translators edit.  Source strings
 * (msgid) are English and are marked in the code with a macro named T, so
 * xgettext finds them (po/README.md).  A string without a translation, or
 * one marked fuzzy, is missing: kz_i18n_get gives the English back and
 * the translation test fails.
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

#endif
