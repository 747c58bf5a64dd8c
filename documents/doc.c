/* doc.c - the documents' shared pieces; see doc.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "queue/i18n.h"
#include "queue/application.h"
#include "queue/error.h"

void
kz_doc_source_close(struct kz_doc_source *src)
{
	kz_dir_free(src->offices);
	src->offices = NULL;
}

int
kz_doc_office_contact(struct kz_doc_source *src, const char *lang, const char **name,
	const char **address, const char **phone, char *err)
{
	const struct kz_config *cfg = src->cfg;
	const struct kz_office_entry *e;
	int kk = strcmp(lang, "kk") == 0, rc;

	if (cfg->office[0] == '\0')
		return kz_err(err, KZ_ECONFIG,
			"a receipt or notice needs this office's address and phone: set office = KEY "
			"in [hall] of %s (find the key with 'kezek office find TEXT')",
			cfg->path);
	if (src->offices == NULL && (rc = kz_dir_load(cfg->offices, &src->offices, err)) != KZ_OK)
		return rc;
	if ((e = kz_dir_find(src->offices, cfg->office)) == NULL)
		return kz_err(err, KZ_ECONFIG,
			"office '%s' is not in %s; correct office = KEY in %s", cfg->office,
			cfg->offices, cfg->path);
	*name = kk ? (cfg->office_kk.name[0] ? cfg->office_kk.name : cfg->name_kk) : e->name;
	*address = kk && cfg->office_kk.address[0] ? cfg->office_kk.address : e->address;
	*phone = e->phones;
	return KZ_OK;
}

/* s with its spaces made no-break: a phone number must not split over lines. */
void
kz_doc_unbroken(const char *s, char *out, size_t len)
{
	size_t o = 0;

	for (; *s && o + 3 < len; s++) {
		if (*s == ' ') {
			out[o++] = '\xC2';
			out[o++] = '\xA0';
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
}

int
kz_doc_missing(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* A real calendar day: it survives the round trip through a day count
 * (30 February comes back as 2 March). */
int
kz_doc_real_date(struct kz_date d)
{
	struct kz_date back;

	if (d.y < 1970 || d.y > 9999 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31)
		return 0;
	back = kz_date_from_days(kz_date_days(d));
	return back.y == d.y && back.m == d.m && back.d == d.d;
}

int
kz_doc_signature(struct kz_layout *l, const char *lang, const char *name, const char *position,
	int s, char *err)
{
	int rc;

	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_LEFT, 14, err, "%s",
		     kz_tr(lang, "Executed by:"))) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 2, err, "%s",
			 name)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 2, err, "%s",
			 position)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 1, 0, 0, 40 * s / 4, err, "%s", "")))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_LINE, 16 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
		kz_tr(lang, "(signature)"));
}

int
kz_doc_check_format(const char *what, int width, const char *lang, char *err)
{
	if (width != KZ_DOTS_58MM && width != KZ_DOTS_80MM)
		return kz_err(err, KZ_EINVAL,
			"%s is %d (58 mm paper) or %d (80 mm) dots wide, not %d", what,
			KZ_DOTS_58MM, KZ_DOTS_80MM, width);
	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL, "%s is in Kazakh (kk) or Russian (ru), not '%s'",
			what, lang ? lang : "");
	if (kz_i18n_current() == NULL)
		return kz_err(err, KZ_ECONFIG,
			"%s needs the translations (po/ of the data directory), which are not "
			"loaded",
			what);
	return KZ_OK;
}

void
kz_doc_words(const char *lang, const char *const *en, const char **out, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = en[i] ? kz_tr(lang, en[i]) : NULL;
}

int
kz_doc_start(struct kz_layout *out, int width)
{
	out->width = width;
	out->margin = KZ_DOC_MARGIN;
	out->n = 0;
	return width == KZ_DOTS_80MM ? 5 : 4;
}

int
kz_doc_app_docs(unsigned set, const char *lang, const char **names, int max)
{
	int n = 0;

	for (int i = 0; i < KZ_APPDOC_COUNT && n < max; i++)
		if (set & (1u << i))
			names[n++] = kz_app_doc_name(i, lang);
	return n;
}
