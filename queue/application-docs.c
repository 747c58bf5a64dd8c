/*
 * application-docs.c - the documents of p.11 (codes, names, which ones each
 * kind of applicant brings) and an act row as the clerk types it; see
 * application.h.
 */
#include <stdio.h>
#include <string.h>

#include "application.h"
#include "error.h"
#include "i18n.h"

/* The documents of p.11 by code, and their names as the receipt and the
 * notice print them, English msgids translated from po/ (kz_tr). */
#define N(msgid) (msgid) /* a msgid for tools/po-update.sh */
static const struct {
	const char *code, *en;
} docs[KZ_APPDOC_COUNT] = {
	[KZ_APPDOC_APPLICATION] = {"application", N("Application (Appendix 2 to the standard)")},
	[KZ_APPDOC_ID_COPY] = {"id_copy", N("Copy of the identity document")},
	[KZ_APPDOC_POWER_OF_ATTORNEY] = {"power_of_attorney", N("Copy of the power of attorney")},
	[KZ_APPDOC_PROXY_ID] = {"proxy_id", N("Copy of the authorised person's identity document")},
	[KZ_APPDOC_REGISTRATION] = {"registration",
		N("Certificate of state registration of the legal entity")},
	[KZ_APPDOC_AUTHORITY] = {"authority",
		N("Document confirming the representative's authority")},
	[KZ_APPDOC_ACT] = {"act",
		N("Act determining the assessed value of the land plot (Appendix 3 to "
		  "the standard)")},
	[KZ_APPDOC_CONCLUSION] = {"conclusion",
		N("Copy of the commission's positive conclusion on granting the right to "
		  "the land plot")},
};

#define BIT(d) (1u << (d))

const char *
kz_app_doc_code(int doc)
{
	return doc >= 0 && doc < KZ_APPDOC_COUNT ? docs[doc].code : NULL;
}

const char *
kz_app_doc_name(int doc, const char *lang)
{
	if (doc < 0 || doc >= KZ_APPDOC_COUNT)
		return NULL;
	return kz_tr(lang != NULL && strcmp(lang, "kk") == 0 ? "kk" : "ru", docs[doc].en);
}

int
kz_app_docs_parse(const char *list, unsigned *out, char *err)
{
	const char *p = list ? list : "";
	unsigned set = 0;
	char code[64];

	while (*p) {
		size_t n = strcspn(p, ",");
		const char *s = p, *e = p + n;
		int found = -1;

		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		snprintf(code, sizeof code, "%.*s", (int)(e - s), s);
		for (char *c = code; *c; c++)
			if (*c == '-')
				*c = '_'; /* id-copy is id_copy */
		for (int i = 0; i < KZ_APPDOC_COUNT; i++)
			if (strcmp(code, docs[i].code) == 0)
				found = i;
		if (*code && found < 0)
			return kz_err(err, KZ_EINVAL,
				"'%.40s' is not a document of p.11; the documents are application, "
				"id_copy, power_of_attorney, proxy_id, registration, authority, act, "
				"conclusion",
				code);
		if (found >= 0)
			set |= BIT(found);
		p += n + (p[n] == ',');
	}
	*out = set;
	return KZ_OK;
}

unsigned
kz_app_docs_required(enum kz_app_kind kind, int with_proxy)
{
	unsigned common =
		BIT(KZ_APPDOC_APPLICATION) | BIT(KZ_APPDOC_ACT) | BIT(KZ_APPDOC_CONCLUSION);

	if (kind == KZ_APP_LEGAL)
		return common | BIT(KZ_APPDOC_REGISTRATION) | BIT(KZ_APPDOC_AUTHORITY) |
			BIT(KZ_APPDOC_ID_COPY);
	if (with_proxy)
		return common | BIT(KZ_APPDOC_POWER_OF_ATTORNEY) | BIT(KZ_APPDOC_PROXY_ID);
	return common | BIT(KZ_APPDOC_ID_COPY);
}

/* One field of an act row: text up to the next ';' (or the end). */
static const char *
next_field(const char *p, char *buf, size_t len, int *more)
{
	size_t n = strcspn(p, ";");

	snprintf(buf, len, "%.*s", (int)(n < len ? n : len - 1), p);
	*more = p[n] == ';';
	return p + n + (p[n] == ';');
}

int
kz_app_act_row_parse(const char *text, struct kz_act_row *out, char *err)
{
	static const struct {
		const char *what;
		int scale;
	} num[4] = {{"area (hectares)", KZ_AREA_SCALE},
		{"base rate (tenge per hectare)", KZ_RATE_SCALE}, {"coefficient", KZ_COEF_SCALE},
		{"value (tenge)", KZ_MONEY_SCALE}};
	int64_t *dst[4] = {&out->area, &out->rate, &out->coef, &out->value};
	char field[128], why[KZ_ERR_LEN];
	const char *p = text ? text : "";
	int more = 0, rc;
	size_t n;

	memset(out, 0, sizeof *out);
	p = next_field(p, field, sizeof field, &more);
	n = strspn(field, " \t");
	memmove(field, field + n, strlen(field + n) + 1);
	for (n = strlen(field); n > 0 && (field[n - 1] == ' ' || field[n - 1] == '\t'); n--)
		field[n - 1] = '\0';
	if (field[0] == '\0' || !more)
		return kz_err(err, KZ_EINVAL,
			"an act row is 'zone;area;rate;coefficient;value', such as "
			"'Зона 1;0,1500;1 200 000;1,2;216 000,00'");
	snprintf(out->zone, sizeof out->zone, "%s", field);
	for (int i = 0; i < 4; i++) {
		if (!more)
			return kz_err(err, KZ_EINVAL,
				"act row '%.40s' has no %s; a row is 'zone;area;rate;coefficient;value'",
				out->zone, num[i].what);
		p = next_field(p, field, sizeof field, &more);
		if ((rc = kz_decimal_parse(field, num[i].scale, dst[i], why)) != KZ_OK)
			return kz_err(err, rc, "act row '%.40s', %s: %s", out->zone, num[i].what,
				why);
	}
	if (more)
		return kz_err(err, KZ_EINVAL,
			"act row '%.40s' has more than 5 fields; a row is "
			"'zone;area;rate;coefficient;value'",
			out->zone);
	return KZ_OK;
}
