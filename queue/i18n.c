/* i18n.c - reading gettext .po catalogues; see i18n.h.  Only what Kezek's
 * catalogues use: msgid, msgstr, continued strings, the fuzzy flag.  Plural
 * forms and contexts are refused by name, so a translator hears why. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "error.h"
#include "file.h"

#define LANGS 2
static const char *const langs[LANGS] = {"kk", "ru"};

struct entry {
	char *id, *str; /* str "" when untranslated or fuzzy */
};

struct catalogue {
	int n, cap;
	struct entry *e; /* sorted by id after loading */
};

struct kz_i18n {
	struct catalogue cat[LANGS];
	int missed;
};

/* The process's catalogue for code that holds no handle (i18n.h). */
static struct kz_i18n *in_use;

/* The entry being read. */
struct reader {
	const char *path;
	int line;
	char *field; /* "msgid" or "msgstr": where continued strings go */
	char *id, *str;
	size_t idlen, strlen_;
	int have_id, fuzzy, next_fuzzy;
	char *err;
};

static int
lang_index(const char *lang)
{
	for (int i = 0; i < LANGS; i++)
		if (lang != NULL && strcmp(lang, langs[i]) == 0)
			return i;
	return -1;
}

/* Append the C-quoted string at p (after its opening quote) to *buf. */
static int
append_quoted(struct reader *r, const char *p, char **buf, size_t *len)
{
	size_t n = strlen(p);
	char *out = realloc(*buf, *len + n + 1), *o;

	if (out == NULL)
		return kz_err(r->err, KZ_ENOMEM, "out of memory reading %s", r->path);
	*buf = out;
	o = out + *len;
	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case '"':
			*o++ = '"';
			break;
		case '\\':
			*o++ = '\\';
			break;
		default:
			return kz_err(r->err, KZ_ECONFIG,
				"%s:%d: unknown escape '\\%c'; use \\n, \\t, \\\" or \\\\", r->path,
				r->line, *p ? *p : ' ');
		}
	}
	if (*p != '"')
		return kz_err(r->err, KZ_ECONFIG, "%s:%d: the string has no closing quote", r->path,
			r->line);
	for (p++; *p == ' ' || *p == '\t' || *p == '\r'; p++)
		;
	if (*p != '\0')
		return kz_err(r->err, KZ_ECONFIG, "%s:%d: text after the closing quote: '%s'",
			r->path, r->line, p);
	*o = '\0';
	*len = (size_t)(o - out);
	return KZ_OK;
}

static int
store(struct reader *r, struct catalogue *c)
{
	struct entry *e;

	if (!r->have_id)
		return KZ_OK;
	r->have_id = 0;
	if (r->id == NULL || r->id[0] == '\0') /* the header entry */
		goto done;
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 64;
		if ((e = realloc(c->e, sizeof *e * (size_t)cap)) == NULL)
			return kz_err(r->err, KZ_ENOMEM, "out of memory reading %s", r->path);
		c->e = e;
		c->cap = cap;
	}
	e = &c->e[c->n++];
	e->id = r->id;
	e->str = r->str != NULL && !r->fuzzy ? r->str : NULL;
	if (e->str == NULL) {
		free(r->str);
		e->str = strdup("");
		if (e->str == NULL)
			return kz_err(r->err, KZ_ENOMEM, "out of memory reading %s", r->path);
	}
	r->id = r->str = NULL;
done:
	free(r->id);
	free(r->str);
	r->id = r->str = NULL;
	r->idlen = r->strlen_ = 0;
	return KZ_OK;
}

static int
keyword(struct reader *r, struct catalogue *c, const char *p)
{
	int rc;

	if (strncmp(p, "msgid_plural", 12) == 0 || strncmp(p, "msgctxt", 7) == 0 ||
		strncmp(p, "msgstr[", 7) == 0)
		return kz_err(r->err, KZ_ECONFIG,
			"%s:%d: plural forms and contexts are not used by Kezek's screens; "
			"write a plain msgid and msgstr",
			r->path, r->line);
	if (strncmp(p, "msgid \"", 7) == 0) {
		if ((rc = store(r, c)) != KZ_OK)
			return rc;
		r->have_id = 1;
		r->fuzzy = r->next_fuzzy;
		r->next_fuzzy = 0;
		r->field = "msgid";
		r->id = strdup("");
		return r->id ? append_quoted(r, p + 7, &r->id, &r->idlen) : KZ_ENOMEM;
	}
	if (strncmp(p, "msgstr \"", 8) == 0 && r->have_id && r->str == NULL) {
		r->field = "msgstr";
		r->str = strdup("");
		return r->str ? append_quoted(r, p + 8, &r->str, &r->strlen_) : KZ_ENOMEM;
	}
	return kz_err(r->err, KZ_ECONFIG,
		"%s:%d: expected msgid \"...\", msgstr \"...\" or a continued \"...\" line, not '%.40s'",
		r->path, r->line, p);
}

static int
parse_line(struct reader *r, struct catalogue *c, char *p)
{
	size_t n = strlen(p);

	while (n > 0 &&
		(p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
		p[--n] = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return KZ_OK;
	if (*p == '#') {
		if (p[1] == ',' && strstr(p, "fuzzy") != NULL)
			r->next_fuzzy = 1;
		return KZ_OK;
	}
	if (*p == '"') {
		if (r->field == NULL)
			return kz_err(r->err, KZ_ECONFIG, "%s:%d: a string outside msgid or msgstr",
				r->path, r->line);
		if (strcmp(r->field, "msgid") == 0)
			return append_quoted(r, p + 1, &r->id, &r->idlen);
		return append_quoted(r, p + 1, &r->str, &r->strlen_);
	}
	return keyword(r, c, p);
}

static int
by_id(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id, ((const struct entry *)b)->id);
}

static int
load_file(const char *path, struct catalogue *c, char *err)
{
	struct reader r = {.path = path, .err = err};
	char line[4096];
	FILE *f = kz_file_open(path, KZ_FILE_MAX_CONFIG, "translations", err);
	int rc = KZ_OK;

	if (f == NULL)
		return KZ_ECONFIG;
	while (rc == KZ_OK && fgets(line, sizeof line, f) != NULL) {
		r.line++;
		if (strchr(line, '\n') == NULL && !feof(f))
			rc = kz_err(err, KZ_ECONFIG,
				"%s:%d: line longer than %zu bytes; split "
				"the string over several \"...\" lines",
				path, r.line, sizeof line);
		else
			rc = parse_line(&r, c, line);
	}
	if (rc == KZ_OK)
		rc = store(&r, c);
	free(r.id);
	free(r.str);
	fclose(f);
	if (rc == KZ_OK && c->n > 0)
		qsort(c->e, (size_t)c->n, sizeof c->e[0], by_id);
	for (int i = 1; rc == KZ_OK && i < c->n; i++)
		if (strcmp(c->e[i - 1].id, c->e[i].id) == 0)
			rc = kz_err(err, KZ_ECONFIG, "%s: \"%.60s\" is translated twice; keep one",
				path, c->e[i].id);
	return rc;
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
		snprintf(path, sizeof path, "%s/%s.po", dir, langs[i]);
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
		for (int j = 0; j < cat->cat[i].n; j++) {
			free(cat->cat[i].e[j].id);
			free(cat->cat[i].e[j].str);
		}
		free(cat->cat[i].e);
	}
	free(cat);
}

const char *
kz_i18n_get(struct kz_i18n *cat, const char *lang, const char *msgid)
{
	int l = lang_index(lang);
	struct entry key = {(char *)msgid, NULL}, *e = NULL;

	if (cat != NULL && l >= 0 && cat->cat[l].n > 0)
		e = bsearch(&key, cat->cat[l].e, (size_t)cat->cat[l].n, sizeof key, by_id);
	if (e != NULL && e->str[0] != '\0')
		return e->str;
	if (cat != NULL)
		cat->missed++;
	return msgid;
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
