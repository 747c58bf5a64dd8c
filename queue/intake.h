/*
 * intake.h - the intake form (p.11, kz_app_accept) checked one field at a
 * time, as the clerk types it: at the terminal console and on the counter
 * page (/api/intake/check), with the same words in Kazakh or Russian.
 * Each check says what is wrong and what to type, never quoting the value
 * (an IIN is personal data).  Pure: no clock, no database.  The whole form
 * is checked again by kz_app_accept when it is sent.
 */
#ifndef KZ_INTAKE_H
#define KZ_INTAKE_H

#include "act.h"
#include "application.h"

/* The fields, in the order the form asks them. */
enum kz_intake_field {
	KZ_INTAKE_KIND,           /* "individual" or "legal" */
	KZ_INTAKE_NAME,           /* full name, or the entity's name */
	KZ_INTAKE_IDNUM,          /* IIN (individual) or BIN (legal) */
	KZ_INTAKE_REPRESENTATIVE, /* legal: the representative's full name */
	KZ_INTAKE_AUTHORITY,      /* legal: their authority */
	KZ_INTAKE_ID_DOC,         /* identity document */
	KZ_INTAKE_PHONE,
	KZ_INTAKE_ADDRESS,
	KZ_INTAKE_PROXY,     /* individual: who hands it in for them ("" none) */
	KZ_INTAKE_PROXY_DOC, /* with a proxy: the power of attorney */
	KZ_INTAKE_PLOT,      /* the land plot's address */
	KZ_INTAKE_DOCS,      /* "application,id_copy,act ..." */
	KZ_INTAKE_ACT_ROW,   /* one row "zone;area;rate;coefficient;value" */
	KZ_INTAKE_ACT_TOTAL, /* the act's stated total, tenge */
	KZ_INTAKE_NFIELDS
};

/* The form as typed so far: what the field checks need of the other
 * fields (the kind, whether there is a proxy, the act's rows). */
struct kz_intake_form {
	enum kz_app_kind kind;
	int with_proxy;
	const struct kz_act_row *rows; /* the rows accepted so far */
	int nrows;
};

/* The field's name on the page and in the API: "kind", "name", "idnum",
 * "representative", "authority", "id_doc", "phone", "address", "proxy",
 * "proxy_doc", "plot", "docs", "act_row", "act_total"; and back
 * (KZ_EINVAL for a name not in the list). */
const char *kz_intake_field_name(enum kz_intake_field f);
int kz_intake_field_parse(const char *name, enum kz_intake_field *out);

/* The label of field f for kind in lang ("kk" or "ru"; anything else: the
 * English source): "IIN", "BIN", "the entity's name" ... */
const char *kz_intake_label(enum kz_intake_field f, enum kz_app_kind kind, const char *lang);

/* Does the form ask field f of this applicant (kind, proxy)?  The act's
 * rows and total are asked when the act is among the documents. */
int kz_intake_asks(const struct kz_intake_form *form, enum kz_intake_field f);

/* Must field f be filled for this applicant?  (An act's rows are never
 * required: an empty row ends them; the total is, once there are rows.) */
int kz_intake_required(const struct kz_intake_form *form, enum kz_intake_field f);

/* Check value typed for field f in the light of form, in lang.  KZ_OK,
 * or KZ_EINVAL with one line in err: what is wrong and what to type
 * (e.g. "the IIN's control digit does not match: check the number on
 * the document").  An empty value of a field the form does not require
 * is KZ_OK.  A row of the act is also checked against itself (area x
 * rate x coefficient = value, give or take a tiyn); the total must equal
 * form's rows added up.  *parsed (may be NULL) receives what the value
 * means, for the fields that are more than text. */
struct kz_intake_value {
	enum kz_app_kind kind; /* KZ_INTAKE_KIND */
	unsigned docs;         /* KZ_INTAKE_DOCS: the set */
	struct kz_act_row row; /* KZ_INTAKE_ACT_ROW */
	int64_t total;         /* KZ_INTAKE_ACT_TOTAL: tiyn */
};
int kz_intake_check_field(const struct kz_intake_form *form, enum kz_intake_field f,
	const char *value, const char *lang, struct kz_intake_value *parsed, char *err);

#endif
