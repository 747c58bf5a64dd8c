/*
 * i18n.h - every word Kezek shows or prints, in Kazakh and Russian, from
 * the gettext catalogues po/kk.po and po/ru.po that translators edit,
 * compiled by the build (msgfmt) into LANG/LC_MESSAGES/kezek.mo under a
 * locale folder: the build tree's locale/, or locale/ of the installed
 * data directory.
 * Source strings (msgid) are English and are marked in the code so that
 * xgettext finds them (tools/po-update.sh): T("...") and N("...") on the
 * screens and in the kezek command, kz_tr(lang, "...") in the documents,
 * TN("...", "...", n) and kz_trn for a sentence with a count in it.
 * A string without a translation, or one marked fuzzy, is missing (msgfmt
 * leaves it out): kz_i18n_get gives the English back and the translation
 * test fails.
 *
 * A program loads the catalogues once (kz_i18n_load; setup/setup.h finds
 * them) and hands them to kz_i18n_use, so code that holds no handle of its
 * own, the documents and the kezek command, translates with kz_tr.
 */
#ifndef KZ_I18N_H
#define KZ_I18N_H

struct kz_i18n;

/* The gettext domain: the catalogues' file name. */
#define KZ_I18N_DOMAIN "kezek"

/* Read dir/kk/LC_MESSAGES/kezek.mo and dir/ru/LC_MESSAGES/kezek.mo with
 * their plural rules.  KZ_ECONFIG naming the file that is missing, not a
 * compiled catalogue, or whose Plural-Forms rule cannot be read; KZ_ENOMEM. */
int kz_i18n_load(const char *dir, struct kz_i18n **out, char *err);
void kz_i18n_free(struct kz_i18n *cat);

/* The translation of msgid into lang ("kk" or "ru"), or msgid itself if
 * there is none (and counts it: kz_i18n_missed). */
const char *kz_i18n_get(struct kz_i18n *cat, const char *lang, const char *msgid);

/* The form of msgid (its English plural: plural) for the count n, by
 * lang's plural rule; English's (n == 1 or not) if there is no translation. */
const char *kz_i18n_nget(struct kz_i18n *cat, const char *lang, const char *msgid,
	const char *plural, unsigned long n);

/* How many lookups found no translation since loading. */
int kz_i18n_missed(const struct kz_i18n *cat);

/* Entries of lang's catalogue: count, and the i-th msgid and msgstr (the
 * first form of a plural entry); for tests that check every string. */
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

/* kz_i18n_nget from the catalogue in use. */
const char *kz_trn(const char *lang, const char *msgid, const char *plural, unsigned long n);

/* The language kz_err says the messages marked N_() in (error.h): "kk" or
 * "ru" from the catalogue in use, for the person at the terminal (the kezek
 * command), or NULL, the source words, for a service's log (the default).
 * Set it before any thread starts: it is read unlocked. */
void kz_i18n_errors_in(const char *lang);

/* fmt in the errors' language if the catalogue in use has it and its
 * translation takes the same conversions in the same order (a damaged
 * catalogue never makes vsnprintf read what was not passed), else fmt.
 * A message with no translation is not counted as missed: most of the
 * library's messages are the log's, in the source words. */
const char *kz_i18n_error_format(const char *fmt);

#endif
