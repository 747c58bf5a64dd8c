/*
 * api-intake.c - the application form of the counter page (p.11), as
 * 'kezek accept': POST /api/intake/check {"field", "value", ...the form so
 * far} checks one field (the IIN's or BIN's control digit, the act's rows
 * and total, a text's length); POST /api/intake {...the form} checks
 * everything again and accepts the application at the clerk's counter,
 * its receipt (or notice) queued on the counter's printer ([counter N] printer =, else the hall's receipts printer).  A fault
 * is 400 naming the field, so the page keeps what was typed.  The keys
 * are accept's with '_' for '-' (see hall-api.md); no value is logged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/act.h"
#include "queue/application.h"
#include "queue/idnum.h"
#include "routes.h"

/* The act as the page sends it: rows and the stated total. */
struct act {
	struct kz_act_row rows[KZ_ACT_MAX_ROWS];
	int n;
	int64_t total;
};

static int
field(struct hall_req *r, const char *name, const char *msgid, const char *detail)
{
	hall_fail(r, 400, "invalid", msgid, detail);
	json_object_set_new(r->out, "field", json_string(name));
	return KZ_EINVAL;
}

/* A text field: absent, or one line of at most KZ_APP_TEXT_MAX bytes. */
static int
text_ok(struct hall_req *r, const char *name, int required)
{
	const char *v = hall_body_str(r, name);

	if (v == NULL || v[0] == '\0')
		return required ? field(r, name, N("This field is needed."), NULL) : KZ_OK;
	if (strlen(v) > KZ_APP_TEXT_MAX || strpbrk(v, "\n\r\t") != NULL)
		return field(r, name, N("This is too long, or is more than one line."), NULL);
	return KZ_OK;
}

static int
idnum_ok(struct hall_req *r, int legal)
{
	const char *key = legal ? "bin" : "iin", *v = hall_body_str(r, key);
	char err[KZ_ERR_LEN];

	if (v == NULL || v[0] == '\0')
		return field(r, key, N("This field is needed."), NULL);
	if ((legal ? kz_bin_check(v, err) : kz_iin_check(v, err)) != KZ_OK)
		return field(r, key,
			legal ? N("This BIN is not right: check its 12 digits against the document.")
			      : N("This IIN is not right: check its 12 digits against the document."),
			err);
	return KZ_OK;
}

/* The act's rows and total, parsed and checked (none: a->n == 0). */
static int
act_ok(struct hall_req *r, struct act *a)
{
	json_t *rows = json_object_get(r->body, "act_rows");
	const char *total = hall_body_str(r, "act_total");
	char err[KZ_ERR_LEN], msg[KZ_ERR_LEN], money[32];
	struct kz_act_result res;
	size_t i;
	json_t *row;

	a->n = 0;
	if ((rows == NULL || json_array_size(rows) == 0) && (total == NULL || !total[0]))
		return KZ_OK;
	if (!json_is_array(rows) || json_array_size(rows) == 0 ||
		json_array_size(rows) > KZ_ACT_MAX_ROWS)
		return field(r, "act", N("Enter the act's rows (at most 64)."), NULL);
	json_array_foreach(rows, i, row)
	{
		const char *k[] = {"zone", "area", "rate", "coef", "value"};
		char line[640] = "";
		for (int j = 0; j < 5; j++) {
			const char *v = json_string_value(json_object_get(row, k[j]));
			size_t at = strlen(line);
			snprintf(line + at, sizeof line - at, "%s%s", j ? ";" : "",
				v && !strchr(v, ';') ? v : "");
		}
		if (kz_app_act_row_parse(line, &a->rows[a->n], err) != KZ_OK) {
			snprintf(msg, sizeof msg,
				hall_tr(r, N("Row %d of the act is not written right.")),
				(int)i + 1);
			field(r, "act", N("Row %d of the act is not written right."), err);
			json_object_set_new(r->out, "message", json_string(msg));
			return KZ_EINVAL;
		}
		a->n++;
	}
	if (total == NULL || kz_decimal_parse(total, KZ_MONEY_SCALE, &a->total, err) != KZ_OK)
		return field(r, "act", N("Write the act's total in tenge."), NULL);
	if (kz_act_check(a->rows, a->n, a->total, &res, err) == KZ_OK)
		return KZ_OK;
	if (res.bad_row > 0 && res.expected >= 0) {
		kz_money_format(res.expected, money, sizeof money);
		snprintf(msg, sizeof msg,
			hall_tr(r,
				N("Row %d of the act does not add up: area x rate x coefficient is "
				  "%s tenge.")),
			res.bad_row, money);
	} else if (res.bad_row == 0) {
		kz_money_format(res.sum, money, sizeof money);
		snprintf(msg, sizeof msg,
			hall_tr(r, N("The act's total must be %s tenge, its rows added up.")),
			money);
	} else {
		snprintf(msg, sizeof msg, "%s", hall_tr(r, N("The act's rows do not add up.")));
	}
	field(r, "act", N("The act's rows do not add up."), err);
	json_object_set_new(r->out, "message", json_string(msg));
	return KZ_EINVAL;
}

static int
legal_form(struct hall_req *r, int *legal)
{
	const char *kind = hall_body_str(r, "kind");

	if (kind == NULL || (strcmp(kind, "individual") != 0 && strcmp(kind, "legal") != 0))
		return field(r, "kind", N("Choose an individual or a legal entity."), kind);
	*legal = kind[0] == 'l';
	return KZ_OK;
}

/* Every field of the form, in the order the page asks them. */
static int
form_ok(struct hall_req *r, int legal, struct act *a)
{
	static const char *const individual[] = {"name", "id_doc", "phone", "address", "plot",
		NULL};
	static const char *const legal_keys[] = {"name", "address", "representative", "authority",
		"plot", NULL};
	const char *const *keys = legal ? legal_keys : individual;
	int rc;

	for (int i = 0; keys[i]; i++)
		if ((rc = text_ok(r, keys[i], 1)) != KZ_OK)
			return rc;
	if ((rc = idnum_ok(r, legal)) != KZ_OK || (rc = text_ok(r, "proxy", 0)) != KZ_OK ||
		(rc = text_ok(r, "proxy_doc",
			 hall_body_str(r, "proxy") && hall_body_str(r, "proxy")[0])) != KZ_OK)
		return rc;
	return act_ok(r, a);
}

int
hall_intake_check(struct hall_req *r)
{
	const char *name = hall_body_str(r, "field"), *value = hall_body_str(r, "value");
	struct act *a = calloc(1, sizeof *a);
	int legal = 0, rc;

	if (a == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	if (name == NULL) {
		free(a);
		return field(r, "field", N("Name the field to check."), NULL);
	}
	/* the value goes where the field's own key would be */
	if (value != NULL && strcmp(name, "act") != 0)
		json_object_set(r->body, name, json_object_get(r->body, "value"));
	if (strcmp(name, "kind") == 0)
		rc = legal_form(r, &legal);
	else if (strcmp(name, "iin") == 0 || strcmp(name, "bin") == 0)
		rc = idnum_ok(r, name[0] == 'b');
	else if (strcmp(name, "act") == 0)
		rc = act_ok(r, a);
	else if (strcmp(name, "proxy") == 0 || strcmp(name, "proxy_doc") == 0)
		rc = text_ok(r, name, 0);
	else
		rc = text_ok(r, name, 1);
	free(a);
	if (rc == KZ_OK)
		hall_ok(r, json_pack("{s:b}", "ok", 1));
	return rc;
}

static json_t *
missing_json(const struct kz_application *app, const char *lang)
{
	json_t *m = json_array();

	for (int d = 0; d < 32; d++)
		if (app->missing & (1u << d) && kz_app_doc_code(d))
			json_array_append_new(m,
				json_pack("{s:s, s:s}", "doc", kz_app_doc_code(d), "name",
					kz_app_doc_name(d, lang)));
	return m;
}

static int
accept_form(struct hall_req *r, struct act *a)
{
	json_t *docs = json_object_get(r->body, "docs"), *d;
	struct kz_app_input in = {0};
	struct kz_application app;
	char list[512] = "", printer[32], err[KZ_ERR_LEN];
	int64_t job = 0;
	int legal, rc, has_printer;
	size_t i;

	if ((rc = legal_form(r, &legal)) != KZ_OK || (rc = form_ok(r, legal, a)) != KZ_OK)
		return rc;
	if (!json_is_array(docs) || json_array_size(docs) == 0)
		return field(r, "docs", N("Tick the documents handed in."), NULL);
	json_array_foreach(docs, i, d)
	{
		size_t at = strlen(list);
		if (!json_is_string(d) || strlen(json_string_value(d)) > 32)
			return field(r, "docs", N("Tick the documents handed in."), NULL);
		snprintf(list + at, sizeof list - at, "%s%s", at ? "," : "", json_string_value(d));
	}
	in.kind = legal ? KZ_APP_LEGAL : KZ_APP_INDIVIDUAL;
	if (kz_app_docs_parse(list, &in.docs, err) != KZ_OK)
		return field(r, "docs", N("Tick the documents handed in."), err);
	in.name = hall_body_str(r, "name");
	in.idnum = hall_body_str(r, legal ? "bin" : "iin");
	in.id_doc = hall_body_str(r, "id_doc");
	in.phone = hall_body_str(r, "phone");
	in.address = hall_body_str(r, "address");
	in.representative = hall_body_str(r, "representative");
	in.authority = hall_body_str(r, "authority");
	in.proxy = hall_body_str(r, "proxy");
	in.proxy_doc = hall_body_str(r, "proxy_doc");
	in.plot_address = hall_body_str(r, "plot");
	in.nact = a->n;
	in.act = a->rows;
	in.act_total = a->total;
	pthread_mutex_lock(&r->hall->db_lock);
	has_printer = kz_app_counter_printer(r->hall->db, r->hall->cfg, r->sess.counter, printer,
			      err) == KZ_OK;
	rc = kz_app_accept(r->hall->db, r->hall->opt.cal, r->sess.counter, &in,
		has_printer ? printer : NULL, r->lang, &app, &job, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EINVAL)
		return field(r, "docs",
			N("These documents do not belong to this kind of applicant."), err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc,
			N("Open the counter first: an application is accepted by its clerk."), err);
	hall_ok(r,
		json_pack("{s:s, s:s, s:s, s:s, s:o}", "application", app.number, "due",
			app.due_day, "status", kz_app_state_name(app.status), "receipt",
			job ? "queued" : "owed", "missing", missing_json(&app, r->lang)));
	return KZ_OK;
}

int
hall_intake(struct hall_req *r)
{
	struct act *a = calloc(1, sizeof *a);
	int rc;

	if (a == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	rc = accept_form(r, a);
	free(a);
	return rc;
}
