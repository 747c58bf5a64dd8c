/*
 * intake.c - the intake form's fields checked one at a time; see
 * intake.h.  Every message is a catalogue string (po/, through kz_tr),
 * worded for the clerk in front of the visitor, and never quotes what was
 * typed.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "i18n.h"
#include "idnum.h"
#include "intake.h"
#include "utf8.h"

#define BIT(d) (1u << (d))

static const char *const names[KZ_INTAKE_NFIELDS] = {
	[KZ_INTAKE_KIND] = "kind",
	[KZ_INTAKE_NAME] = "name",
	[KZ_INTAKE_IDNUM] = "idnum",
	[KZ_INTAKE_REPRESENTATIVE] = "representative",
	[KZ_INTAKE_AUTHORITY] = "authority",
	[KZ_INTAKE_ID_DOC] = "id_doc",
	[KZ_INTAKE_PHONE] = "phone",
	[KZ_INTAKE_ADDRESS] = "address",
	[KZ_INTAKE_PROXY] = "proxy",
	[KZ_INTAKE_PROXY_DOC] = "proxy_doc",
	[KZ_INTAKE_PLOT] = "plot",
	[KZ_INTAKE_DOCS] = "docs",
	[KZ_INTAKE_ACT_ROW] = "act_row",
	[KZ_INTAKE_ACT_TOTAL] = "act_total",
};

const char *
kz_intake_field_name(enum kz_intake_field f)
{
	return f >= 0 && f < KZ_INTAKE_NFIELDS ? names[f] : "?";
}

int
kz_intake_field_parse(const char *name, enum kz_intake_field *out)
{
	for (int f = 0; name != NULL && f < KZ_INTAKE_NFIELDS; f++)
		if (strcmp(names[f], name) == 0) {
			*out = (enum kz_intake_field)f;
			return KZ_OK;
		}
	return KZ_EINVAL;
}

const char *
kz_intake_label(enum kz_intake_field f, enum kz_app_kind kind, const char *lang)
{
	int legal = kind == KZ_APP_LEGAL;

	switch (f) {
	case KZ_INTAKE_KIND:
		return kz_tr(lang, "applicant (individual, legal)");
	case KZ_INTAKE_NAME:
		return legal ? kz_tr(lang, "entity's name") : kz_tr(lang, "full name");
	case KZ_INTAKE_IDNUM:
		return legal ? kz_tr(lang, "BIN") : kz_tr(lang, "IIN");
	case KZ_INTAKE_REPRESENTATIVE:
		return kz_tr(lang, "representative");
	case KZ_INTAKE_AUTHORITY:
		return kz_tr(lang, "their authority");
	case KZ_INTAKE_ID_DOC:
		return legal ? kz_tr(lang, "representative's identity document")
			     : kz_tr(lang, "identity document");
	case KZ_INTAKE_PHONE:
		return kz_tr(lang, "phone");
	case KZ_INTAKE_ADDRESS:
		return legal ? kz_tr(lang, "entity's address") : kz_tr(lang, "address");
	case KZ_INTAKE_PROXY:
		return kz_tr(lang, "proxy (empty: none)");
	case KZ_INTAKE_PROXY_DOC:
		return kz_tr(lang, "power of attorney");
	case KZ_INTAKE_PLOT:
		return kz_tr(lang, "land plot's address");
	case KZ_INTAKE_DOCS:
		return kz_tr(lang, "documents handed in");
	case KZ_INTAKE_ACT_ROW:
		return kz_tr(lang, "act row 'zone;area;rate;coefficient;value'");
	case KZ_INTAKE_ACT_TOTAL:
		return kz_tr(lang, "the act's total, tenge");
	default:
		return "?";
	}
}

int
kz_intake_asks(const struct kz_intake_form *form, enum kz_intake_field f)
{
	int legal = form->kind == KZ_APP_LEGAL;

	switch (f) {
	case KZ_INTAKE_REPRESENTATIVE:
	case KZ_INTAKE_AUTHORITY:
		return legal;
	case KZ_INTAKE_PROXY:
		return !legal;
	case KZ_INTAKE_PROXY_DOC:
		return !legal && form->with_proxy;
	default:
		return f >= 0 && f < KZ_INTAKE_NFIELDS;
	}
}

int
kz_intake_required(const struct kz_intake_form *form, enum kz_intake_field f)
{
	int legal = form->kind == KZ_APP_LEGAL;

	switch (f) {
	case KZ_INTAKE_ID_DOC:
	case KZ_INTAKE_PHONE:
	case KZ_INTAKE_ADDRESS:
		return !legal;
	case KZ_INTAKE_PROXY:
		return 0;
	case KZ_INTAKE_ACT_ROW:
		return 0; /* an empty row ends the act */
	case KZ_INTAKE_ACT_TOTAL:
		return form->nrows > 0;
	default:
		return kz_intake_asks(form, f);
	}
}

/* One line of UTF-8 text, not too long. */
static int
check_text(const char *s, const char *label, const char *lang, char *err)
{
	const unsigned char *p = (const unsigned char *)s;

	if (strlen(s) > KZ_APP_TEXT_MAX)
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang, "%s is too long: at most %d bytes; shorten it"), label,
			KZ_APP_TEXT_MAX);
	while (*p) {
		uint32_t cp;
		p += kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE || cp < 0x20 || cp == 0x7F)
			return kz_err(err, KZ_EINVAL,
				kz_tr(lang, "%s has a character that is not text; type it again"),
				label);
	}
	return KZ_OK;
}

/* What is wrong with an IIN or BIN, in the clerk's words. */
static int
check_idnum(const char *s, int legal, const char *lang, char *err)
{
	const char *what = legal ? kz_tr(lang, "BIN") : kz_tr(lang, "IIN");
	size_t n = strlen(s), digits = strspn(s, "0123456789");

	if (digits != n)
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang, "%s: digits only, no spaces or letters (position %d)"), what,
			(int)digits + 1);
	if (n != KZ_IDNUM_LEN)
		return kz_err(err, KZ_EINVAL, kz_tr(lang, "%s has 12 digits; %d typed"), what,
			(int)n);
	if (kz_idnum_control(s) != s[11] - '0')
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang,
				"%s: the control digit (the 12th) does not match; check the "
				"number on the document"),
			what);
	if ((legal ? kz_bin_check(s, NULL) : kz_iin_check(s, NULL)) != KZ_OK)
		return kz_err(err, KZ_EINVAL,
			legal ? kz_tr(lang,
					"BIN: digits 1-4 are not a year and month of "
					"registration, or digits 5-6 not a type of entity; "
					"check the number")
			      : kz_tr(lang,
					"IIN: digits 1-6 are not a birth date or the 7th is "
					"not 1 to 6; check the number"),
			what);
	return KZ_OK;
}

/* Digits, spaces, "+", "(", ")", "-"; 10 to 15 digits. */
static int
check_phone(const char *s, const char *lang, char *err)
{
	int digits = 0;

	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" +()-", *p) == NULL)
			return kz_err(err, KZ_EINVAL, "%s",
				kz_tr(lang,
					"a phone number has digits, spaces, +, ( ) and - only"));
	}
	if (digits < 10 || digits > 15)
		return kz_err(err, KZ_EINVAL, "%s",
			kz_tr(lang,
				"a phone number has 10 to 15 digits, such as +7 701 111 22 33"));
	return KZ_OK;
}

static int
check_docs(const struct kz_intake_form *form, const char *s, const char *lang, unsigned *set,
	char *err)
{
	char list[256] = "";
	unsigned allowed = kz_app_docs_required(form->kind, form->with_proxy);

	if (form->kind == KZ_APP_INDIVIDUAL && form->with_proxy)
		allowed |= BIT(KZ_APPDOC_ID_COPY);
	for (int i = 0; i < KZ_APPDOC_COUNT; i++)
		if (allowed & BIT(i))
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				list[0] ? ", " : "", kz_app_doc_code(i));
	if (kz_app_docs_parse(s, set, NULL) != KZ_OK)
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang, "a document code is not known; this applicant's are: %s"),
			list);
	if (*set & ~allowed)
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang,
				"a document is not one of p.11 for this applicant; theirs are: "
				"%s"),
			list);
	return KZ_OK;
}

static int
check_row(const struct kz_intake_form *form, const char *s, const char *lang,
	struct kz_act_row *row, char *err)
{
	struct kz_act_result res;
	char want[32], said[32];

	if (form->nrows >= KZ_ACT_MAX_ROWS)
		return kz_err(err, KZ_EINVAL, kz_tr(lang, "an act has at most %d rows"),
			KZ_ACT_MAX_ROWS);
	if (kz_app_act_row_parse(s, row, NULL) != KZ_OK)
		return kz_err(err, KZ_EINVAL, "%s",
			kz_tr(lang,
				"a row is 'zone;area;rate;coefficient;value' with numbers as "
				"on the act, such as 'Zone 1;0,1500;1 200 000;1,2;216 000,00'"));
	if (kz_act_check(row, 1, row->value, &res, NULL) == KZ_OK)
		return KZ_OK;
	if (res.expected < 0)
		return kz_err(err, KZ_EINVAL, "%s",
			kz_tr(lang, "the row's numbers are too large to be an act's; check them"));
	kz_money_format(res.expected, want, sizeof want);
	kz_money_format(res.stated, said, sizeof said);
	return kz_err(err, KZ_EINVAL,
		kz_tr(lang,
			"row %d: area x rate x coefficient is %s tenge, the row says %s; check "
			"the act"),
		form->nrows + 1, want, said);
}

static int
check_total(const struct kz_intake_form *form, const char *s, const char *lang, int64_t *total,
	char *err)
{
	char want[32], said[32];
	int64_t sum = 0;

	if (kz_decimal_parse(s, KZ_MONEY_SCALE, total, NULL) != KZ_OK)
		return kz_err(err, KZ_EINVAL, "%s",
			kz_tr(lang, "the total is an amount in tenge, such as 216 000,00"));
	for (int i = 0; i < form->nrows; i++)
		sum += form->rows[i].value;
	if (form->nrows > 0 && *total != sum) {
		kz_money_format(sum, want, sizeof want);
		kz_money_format(*total, said, sizeof said);
		return kz_err(err, KZ_EINVAL,
			kz_tr(lang,
				"the rows add up to %s tenge, the total says %s; check the act"),
			want, said);
	}
	return KZ_OK;
}

int
kz_intake_check_field(const struct kz_intake_form *form, enum kz_intake_field f, const char *value,
	const char *lang, struct kz_intake_value *parsed, char *err)
{
	const char *label = kz_intake_label(f, form->kind, lang);
	struct kz_intake_value scratch;
	struct kz_intake_value *v = parsed ? parsed : &scratch;
	int rc;

	memset(v, 0, sizeof *v);
	if (f < 0 || f >= KZ_INTAKE_NFIELDS)
		return kz_err(err, KZ_EINVAL, "%s", kz_tr(lang, "the form has no such field"));
	if (value == NULL || value[0] == '\0')
		return kz_intake_required(form, f)
			? kz_err(err, KZ_EINVAL, kz_tr(lang, "%s is required; type it"), label)
			: KZ_OK;
	if ((rc = check_text(value, label, lang, err)) != KZ_OK)
		return rc;
	switch (f) {
	case KZ_INTAKE_KIND:
		return kz_app_kind_parse(value, &v->kind, NULL) == KZ_OK
			? KZ_OK
			: kz_err(err, KZ_EINVAL, "%s",
				  kz_tr(lang, "the applicant is 'individual' or 'legal'"));
	case KZ_INTAKE_IDNUM:
		return check_idnum(value, form->kind == KZ_APP_LEGAL, lang, err);
	case KZ_INTAKE_PHONE:
		return check_phone(value, lang, err);
	case KZ_INTAKE_DOCS:
		return check_docs(form, value, lang, &v->docs, err);
	case KZ_INTAKE_ACT_ROW:
		return check_row(form, value, lang, &v->row, err);
	case KZ_INTAKE_ACT_TOTAL:
		return check_total(form, value, lang, &v->total, err);
	default:
		return KZ_OK;
	}
}
