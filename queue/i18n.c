/* i18n.c - reading compiled gettext catalogues (.mo, as msgfmt writes
 * them from po/kk.po and po/ru.po); see i18n.h.  Kezek reads them itself
 * rather than through the C library's gettext so that one screen can show
 * Kazakh and Russian side by side without switching the process's locale. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "error.h"
#include "file.h"
#include "plural.h"

#define LANGS 2
static const char *const langs[LANGS] = {"kk", "ru"};

#define MO_MAGIC 0x950412deu
#define MO_MAX   (8L << 20) /* a catalogue: Kezek's are tens of kilobytes */

struct entry {
	const char *id;  /* the msgid (its plural follows the NUL) */
	const char *str; /* the translation, forms separated by NULs */
	uint32_t len;    /* bytes of str, all forms */
};

struct catalogue {
	char *data; /* the .mo file, which the entries point into */
	int n;
	struct entry *e; /* sorted by id */
	struct kz_plural plural;
};

struct kz_i18n {
	struct catalogue cat[LANGS];
	int missed;
};

/* The process's catalogue for code that holds no handle (i18n.h). */
static struct kz_i18n *in_use;
/* The language of kz_err's marked messages; -1 for the source words. */
static int errors_in = -1;

static int
lang_index(const char *lang)
{
	for (int i = 0; i < LANGS; i++)
		if (lang != NULL && strcmp(lang, langs[i]) == 0)
			return i;
	return -1;
}

/* The 32-bit word at off, in the file's byte order. */
static uint32_t
word(const unsigned char *d, size_t off, int swap)
{
	uint32_t v = (uint32_t)d[off] | (uint32_t)d[off + 1] << 8 | (uint32_t)d[off + 2] << 16 |
		(uint32_t)d[off + 3] << 24;
	return swap ? (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24) : v;
}

/* The string described at table[i] (length, offset), checked to lie inside
 * the file and end with a NUL; NULL if it does not. */
static const char *
string_at(const unsigned char *d, size_t size, uint32_t table, uint32_t i, int swap, uint32_t *len)
{
	size_t at = (size_t)table + (size_t)i * 8;
	uint32_t off;

	if (at + 8 > size)
		return NULL;
	*len = word(d, at, swap);
	off = word(d, at + 4, swap);
	if ((size_t)off + *len >= size || d[(size_t)off + *len] != '\0')
		return NULL;
	return (const char *)d + off;
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
}

static int
bad_file(const char *path, const char *why, char *err)
{
	return kz_err(err, KZ_ECONFIG,
		"%s: %s; compile the catalogue again (msgfmt -o %s LANG.po) or reinstall Kezek",
		path, why, path);
}

/* Index the entries of the file in c->data (size bytes) and read the
 * header's plural rule. */
static int
index_file(const char *path, struct catalogue *c, size_t size, char *err)
{
	const unsigned char *d = (const unsigned char *)c->data;
	uint32_t magic, n, ids, strs, len;
	int swap, rc;
	char why[KZ_ERR_LEN];

	if (size < 28)
		return bad_file(path, "too short for a compiled catalogue", err);
	magic = word(d, 0, 0);
	swap = magic != MO_MAGIC;
	if (word(d, 0, swap) != MO_MAGIC || word(d, 4, swap) >> 16 != 0)
		return bad_file(path, "not a compiled gettext catalogue (.mo)", err);
	n = word(d, 8, swap);
	ids = word(d, 12, swap);
	strs = word(d, 16, swap);
	if (n > size / 16)
		return bad_file(path, "its string count does not fit the file", err);
	if ((c->e = calloc(n ? n : 1, sizeof *c->e)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory reading %s", path);
	for (uint32_t i = 0; i < n; i++) {
		struct entry *e = &c->e[c->n];
		if ((e->id = string_at(d, size, ids, i, swap, &len)) == NULL ||
			(e->str = string_at(d, size, strs, i, swap, &e->len)) == NULL)
			return bad_file(path, "a string lies outside the file", err);
		if (e->id[0] != '\0') {
			c->n++;
			continue;
		}
		if ((rc = kz_plural_parse(e->str, &c->plural, why)) != KZ_OK)
			return kz_err(err, rc, "%s: %s", path, why);
	}
	if (c->n > 1)
		qsort(c->e, (size_t)c->n, sizeof c->e[0], by_id);
	return KZ_OK;
}

static int
load_file(const char *path, struct catalogue *c, char *err)
{
	size_t size;

	c->plural = (struct kz_plural){2, "n != 1"};
	if ((c->data = kz_file_load(path, MO_MAX, N_("translations"), &size, err)) == NULL)
		return KZ_ECONFIG;
	return index_file(path, c, size, err);
}

int
kz_i18n_load(const char *dir, struct kz_i18n **out, char *err)
{
	struct kz_i18n *cat = calloc(1, sizeof *cat);
	char path[4096];
	int rc = KZ_OK;

	*out = NULL;
	if (cat == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory loading translations");
	for (int i = 0; i < LANGS && rc == KZ_OK; i++) {
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, langs[i],
			KZ_I18N_DOMAIN);
		rc = load_file(path, &cat->cat[i], err);
	}
	if (rc != KZ_OK) {
		kz_i18n_free(cat);
		return rc;
	}
	*out = cat;
	return KZ_OK;
}

void
kz_i18n_free(struct kz_i18n *cat)
{
	if (cat == NULL)
		return;
	for (int i = 0; i < LANGS; i++) {
		free(cat->cat[i].e);
		free(cat->cat[i].data);
	}
	free(cat);
}

/* msgid's entry in language l's catalogue (l < 0: none), or NULL. */
static const struct entry *
lookup(const struct kz_i18n *cat, int l, const char *msgid)
{
	struct entry key = {msgid, NULL, 0};

	if (cat == NULL || l < 0 || cat->cat[l].n == 0)
		return NULL;
	return bsearch(&key, cat->cat[l].e, (size_t)cat->cat[l].n, sizeof key, by_id);
}

/* lookup, counting a miss */
static const struct entry *
find(struct kz_i18n *cat, const char *lang, const char *msgid)
{
	const struct entry *e = lookup(cat, lang_index(lang), msgid);

	if (e == NULL && cat != NULL)
		cat->missed++;
	return e;
}

const char *
kz_i18n_get(struct kz_i18n *cat, const char *lang, const char *msgid)
{
	const struct entry *e = find(cat, lang, msgid);

	return e != NULL ? e->str : msgid;
}

const char *
kz_i18n_nget(struct kz_i18n *cat, const char *lang, const char *msgid, const char *plural,
	unsigned long n)
{
	const struct entry *e = find(cat, lang, msgid);
	const char *s;
	int form;

	if (e == NULL)
		return n == 1 ? msgid : plural;
	form = kz_plural_form(&cat->cat[lang_index(lang)].plural, n);
	/* the form-th of the NUL-separated forms; the first if it has fewer */
	for (s = e->str; form > 0; form--) {
		const char *next = s + strlen(s) + 1;
		if (next > e->str + e->len)
			return e->str;
		s = next;
	}
	return s;
}

int
kz_i18n_missed(const struct kz_i18n *cat)
{
	return cat->missed;
}

int
kz_i18n_count(const struct kz_i18n *cat, const char *lang)
{
	int l = lang_index(lang);

	return l < 0 ? 0 : cat->cat[l].n;
}

void
kz_i18n_entry(const struct kz_i18n *cat, const char *lang, int i, const char **msgid,
	const char **msgstr)
{
	int l = lang_index(lang);

	*msgid = *msgstr = "";
	if (l < 0 || i < 0 || i >= cat->cat[l].n)
		return;
	*msgid = cat->cat[l].e[i].id;
	*msgstr = cat->cat[l].e[i].str;
}

void
kz_i18n_use(struct kz_i18n *cat)
{
	in_use = cat;
}

struct kz_i18n *
kz_i18n_current(void)
{
	return in_use;
}

const char *
kz_tr(const char *lang, const char *msgid)
{
	return kz_i18n_get(in_use, lang, msgid);
}

const char *
kz_trn(const char *lang, const char *msgid, const char *plural, unsigned long n)
{
	return kz_i18n_nget(in_use, lang, msgid, plural, n);
}

void
kz_i18n_errors_in(const char *lang)
{
	errors_in = lang != NULL ? lang_index(lang) : -1;
	kz_err_translate_with(errors_in >= 0 ? kz_i18n_error_format : NULL);
}

/* The next conversion of a printf format from *p on: its length modifiers
 * and letter ("d", "ld", "zu", "s" ...) into conv (8 bytes); 0 at the end.
 * Widths and precisions may differ between the languages; a '*' counts as
 * an argument of its own. */
static int
next_conversion(const char **p, char conv[8])
{
	const char *s = *p;

	while ((s = strchr(s, '%')) != NULL) {
		size_t n = 0;

		s++;
		if (*s == '%') {
			s++;
			continue;
		}
		while (*s != '\0' && strchr("-+ #0123456789.", *s) != NULL)
			s++;
		if (*s == '*') {
			*p = s + 1;
			snprintf(conv, 8, "*");
			return 1;
		}
		while (*s != '\0' && strchr("hlLqjzt", *s) != NULL && n < 6)
			conv[n++] = *s++;
		if (*s == '\0')
			break;
		conv[n++] = *s++;
		conv[n] = '\0';
		*p = s;
		return 1;
	}
	*p = NULL;
	return 0;
}

/* 1 if a and b take the same arguments in the same order. */
static int
same_conversions(const char *a, const char *b)
{
	char ca[8], cb[8];
	int more_a, more_b;

	for (;;) {
		more_a = next_conversion(&a, ca);
		more_b = next_conversion(&b, cb);
		if (more_a != more_b)
			return 0;
		if (!more_a)
			return 1;
		if (strcmp(ca, cb) != 0)
			return 0;
	}
}

const char *
kz_i18n_error_format(const char *fmt)
{
	const struct entry *e;

	if (fmt == NULL)
		return fmt;
	e = lookup(in_use, errors_in, fmt);
	if (e == NULL || e->len == 0 || !same_conversions(fmt, e->str))
		return fmt;
	return e->str;
}
