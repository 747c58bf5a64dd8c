/*
 * api-kiosk.c - the /api/kiosk routes: what a kiosk on its own machine
 * does through kezek-hall, the same queue/ calls as kezek-kiosk on the hall
 * machine (kiosk/hall-local.c), each one transaction on the hall's
 * connection.  Role kiosk only, and only for its own [kiosk NAME]
 * (sess.device_for): its printers, its PIN, its name on the feedback.
 * Every POST comes with an idempotency key, kept by server.c with the
 * answer in the change's transaction: a repeat is answered, not done again.
 *
 *   GET  /api/kiosk            status, printer, may_issue, admin_pin
 *   GET  /api/kiosk/estimate   ?service=A: the wait if a ticket is taken now
 *   POST /api/kiosk/ticket     {service, lang}: the ticket, printed here
 *   POST /api/kiosk/form       {sample, lang}: a blank form on its forms printer
 *   POST /api/kiosk/test       {lang}: a test page on its ticket printer
 *   GET  /api/kiosk/job/ID     a print of this kiosk's: its state
 *   POST /api/kiosk/unprinted  {job, reason}: the visitor saw no ticket come out
 *   POST /api/kiosk/ballot     {ticket, code?}: may this ticket vote
 *   POST /api/kiosk/feedback   {ticket, code, lang, quality, ...}: a ballot
 *   POST /api/kiosk/pin        {pin}: the administrator's PIN tried
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "queue/adminpin.h"
#include "queue/clock.h"
#include "queue/estimate.h"
#include "queue/feedback.h"
#include "queue/outbox.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "routes.h"
#include "wire/board.h"
#include "wire/kiosk.h"

/* The kiosk the device stands for; NULL (answered 403) if the hall's
 * configuration has no such [kiosk]. */
static const struct kz_kiosk_conf *
kiosk_of(struct hall_req *r)
{
	const struct kz_kiosk_conf *k =
		r->sess.device_for[0] ? kz_config_kiosk(r->hall->cfg, r->sess.device_for) : NULL;

	if (k == NULL)
		hall_fail(r, 403, "kiosk",
			N("This kiosk is not in the hall's configuration; ask the administrator."),
			r->sess.device_for);
	return k;
}

/* A string a route reads: its key, the room it must fit in (its length
 * below room) and how it is checked. */
enum { OPTIONAL = 1, NONEMPTY = 2, NAMED = 4, LANG = 8 };
struct field {
	const char *key;
	size_t room;
	unsigned how; /* OPTIONAL may be left out; NONEMPTY not ""; NAMED is said
		       * in a refusal ("field"); LANG kk or ru for a printout */
};

/* A route's strings, in the order they are checked, and what a refusal
 * of one of them says (a LANG one says its own). */
struct body {
	const char *msgid;
	int n;
	struct field f[3];
};

static int
fits(const char *s, const struct field *f)
{
	if (s == NULL)
		return (f->how & OPTIONAL) != 0;
	if (f->how & LANG)
		return strcmp(s, "kk") == 0 || strcmp(s, "ru") == 0;
	return strlen(s) < f->room && (s[0] != '\0' || !(f->how & NONEMPTY));
}

/* The kiosk the device stands for, with the body's strings of b into v
 * (NULL for a missing optional one); NULL, answered 403 or 400, if there
 * is no such kiosk or a string does not fit. */
static const struct kz_kiosk_conf *
kiosk_with(struct hall_req *r, const struct body *b, const char **v)
{
	const struct kz_kiosk_conf *k = kiosk_of(r);

	for (int i = 0; k != NULL && i < b->n; i++) {
		const struct field *f = &b->f[i];
		v[i] = hall_body_str(r, f->key);
		if (fits(v[i], f))
			continue;
		if (f->how & LANG)
			hall_fail(r, 400, "invalid", N("The language is kk or ru."), v[i]);
		else
			hall_fail(r, 400, "invalid", b->msgid, NULL);
		if (f->how & NAMED)
			json_object_set_new(r->out, "field", json_string(f->key));
		return NULL;
	}
	return k;
}

/* A print's answer: its job, or rc refused with msgid. */
static int
job_answer(struct hall_req *r, int rc, const char *msgid, const char *err, int64_t job)
{
	if (rc != KZ_OK)
		return hall_refuse(r, rc, msgid, err);
	hall_ok(r, json_pack("{s:I}", "job", (json_int_t)job));
	return KZ_OK;
}

int
hall_kiosk_get(struct hall_req *r)
{
	static struct kz_status st; /* large: kept off the thread's stack, under db_lock */
	const struct kz_kiosk_conf *k = kiosk_of(r);
	enum kz_printer_condition printer = KZ_PRINTER_UNKNOWN;
	struct kz_admin_pin pin = {0};
	struct kz_office office;
	char err[KZ_ERR_LEN], reason[256] = "", why[512];
	int queued = 0, lunch = 0, may, rc;
	json_t *out = NULL;

	if (k == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_status_read(r->hall->db, &st, err);
	if (rc == KZ_OK) {
		rc = kz_printer_get_state(r->hall->db, k->printer, &printer, reason, &queued, err);
		if (rc == KZ_ENOTFOUND)
			rc = KZ_OK;
	}
	if (rc == KZ_OK)
		rc = kz_admin_pin_get(r->hall->db, k->name, &pin, err);
	if (rc == KZ_OK) {
		may = kz_ticket_may_issue(r->hall->opt.cal, st.now, &office, &lunch, why) == KZ_OK;
		out = json_pack("{s:I, s:s, s:o, s:{s:s, s:s, s:i}, s:b, s:o}", "now",
			(json_int_t)st.now, "kiosk", k->name, "status", kz_wire_status(&st),
			"printer", "state", kz_printer_condition_name(printer), "reason", reason,
			"queued", queued, "may_issue", may, "admin_pin", kz_wire_admin_pin(&pin));
	}
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The hall cannot be read now. Try again."), err);
	hall_ok(r, out);
	return KZ_OK;
}

int
hall_kiosk_estimate(struct hall_req *r)
{
	const char *service =
		MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "service");
	static const struct field want = {"service", KZ_CODE_LEN, NONEMPTY | NAMED};
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN];
	int rc;

	if (kiosk_of(r) == NULL)
		return KZ_EINVAL;
	if (!fits(service, &want))
		return hall_fail(r, 400, "invalid", N("Choose a service."), NULL);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_wait_estimate(r->hall->db, &r->hall->cfg->hours, service, KZ_ESTIMATE_TYPICAL_VISIT,
		&e, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("Choose a service."), err);
	hall_ok(r, kz_wire_estimate(&e));
	return KZ_OK;
}

int
hall_kiosk_ticket(struct hall_req *r)
{
	static const struct body b = {N("Choose a service."), 2,
		{{"lang", sizeof "kk", LANG | NAMED}, {"service", KZ_CODE_LEN, NONEMPTY | NAMED}}};
	const char *v[2] = {NULL, NULL};
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, v);
	const char *lang = v[0], *service = v[1];
	struct kz_ticket t;
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN], why[KZ_ERR_LEN];
	int64_t job = 0;
	int rc, have_estimate = 0;

	if (k == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_ticket_issue_print(r->hall->db, r->hall->opt.cal, service, k->printer, lang, &t,
		&job, err);
	/* people ahead of the ticket just taken, read after its commit */
	if (rc == KZ_OK)
		have_estimate = kz_wait_estimate_ticket(r->hall->db, &r->hall->cfg->hours, t.id,
					KZ_ESTIMATE_TYPICAL_VISIT, &e, why) == KZ_OK;
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_ECLOSED)
		return hall_fail(r, 409, "closed", N("Tickets are not issued now."), err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The ticket could not be issued."), err);
	hall_log(r->hall, "kiosk %s: ticket %s printed on %s as job %lld", k->name, t.number,
		k->printer, (long long)job);
	hall_ok(r,
		json_pack("{s:o, s:I, s:o}", "ticket", kz_wire_ticket(&t), "job", (json_int_t)job,
			"estimate", have_estimate ? kz_wire_estimate(&e) : json_null()));
	return KZ_OK;
}

int
hall_kiosk_form(struct hall_req *r)
{
	static const struct body b = {NULL, 1, {{"lang", sizeof "kk", LANG | NAMED}}};
	const char *lang = NULL;
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, &lang);
	json_t *sample = r->body ? json_object_get(r->body, "sample") : NULL;
	char err[KZ_ERR_LEN];
	int64_t job = 0;
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	if (k->forms_printer[0] == '\0')
		return hall_fail(r, 404, "not_found", N("This kiosk has no printer for forms."),
			k->name);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_outbox_add(r->hall->db, k->forms_printer,
		json_is_true(sample) ? KZ_DOC_FORM_SAMPLE : KZ_DOC_FORM, lang, &job, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	return job_answer(r, rc, N("The form could not be printed."), err, job);
}

int
hall_kiosk_test(struct hall_req *r)
{
	static const struct body b = {NULL, 1, {{"lang", sizeof "kk", LANG | NAMED}}};
	const char *lang = NULL;
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, &lang);
	char err[KZ_ERR_LEN];
	int64_t job = 0;
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_outbox_add(r->hall->db, k->printer, KZ_DOC_TEST, lang, &job, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	return job_answer(r, rc, N("The test page could not be printed."), err, job);
}

/* Job id of this kiosk's printers into *out; KZ_ENOTFOUND (answered 404)
 * for another's or none.  Under db_lock. */
static int
own_job(struct hall_req *r, const struct kz_kiosk_conf *k, int64_t id, struct kz_print_job *out,
	char *err)
{
	int rc = kz_outbox_get(r->hall->db, id, out, err);

	if (rc == KZ_OK && strcmp(out->printer, k->printer) != 0 &&
		(k->forms_printer[0] == '\0' || strcmp(out->printer, k->forms_printer) != 0))
		rc = kz_err(err, KZ_ENOTFOUND, "job %lld is printer %s's, not kiosk %s's",
			(long long)id, out->printer, k->name);
	return rc;
}

int
hall_kiosk_job(struct hall_req *r)
{
	const struct kz_kiosk_conf *k = kiosk_of(r);
	const char *tail = r->path + strlen("/api/kiosk/job/");
	struct kz_print_job j;
	char err[KZ_ERR_LEN], *end;
	long long id;
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	id = strtoll(tail, &end, 10);
	if (*tail == '\0' || *end != '\0' || id <= 0)
		return hall_fail(r, 404, "not_found", N("There is no such print."), tail);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = own_job(r, k, id, &j, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("There is no such print."), err);
	hall_ok(r, kz_wire_job(&j));
	return KZ_OK;
}

int
hall_kiosk_unprinted(struct hall_req *r)
{
	static const struct body b = {N("There is no such print."), 1, {{"reason", 256, 0}}};
	const char *reason = NULL;
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, &reason);
	struct kz_print_job j;
	char err[KZ_ERR_LEN];
	long long id = 0;
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	if (!hall_body_int(r, "job", &id))
		return hall_fail(r, 400, "invalid", N("There is no such print."), NULL);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = own_job(r, k, id, &j, err);
	if (rc == KZ_OK)
		rc = kz_outbox_report_unprinted(r->hall->db, id, k->name, reason, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	return job_answer(r, rc, N("There is no such print."), err, id);
}

/* A ballot's refusal: 409 with its word, what the kiosk's screen says. */
static int
refused(struct hall_req *r, enum kz_ballot_refusal why, const char *err)
{
	hall_fail(r, 409, "refused", N("This ticket cannot give feedback."), err);
	json_object_set_new(r->out, "refused", json_string(kz_wire_refusal(why)));
	return KZ_EREJECT;
}

int
hall_kiosk_ballot(struct hall_req *r)
{
	static const struct body b = {N("Type the number of your ticket."), 2,
		{{"ticket", KZ_BALLOT_NUMBER_LEN, 0}, {"code", KZ_BALLOT_CODE_LEN, OPTIONAL}}};
	const char *v[2] = {NULL, NULL}; /* the ticket, its code or NULL */
	enum kz_ballot_refusal why = KZ_BALLOT_MAY_VOTE;
	char err[KZ_ERR_LEN];
	int rc;

	if (kiosk_with(r, &b, v) == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_ballot_check(r->hall->db, v[0], v[1], &why, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EREJECT)
		return refused(r, why, err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("Type the number of your ticket."), err);
	hall_ok(r, json_pack("{s:b}", "may_vote", 1));
	return KZ_OK;
}

/* An answer of the body: -1 skipped, 0 no, 1 yes. */
static int
answer(struct hall_req *r, const char *key)
{
	long long v = -1;

	return hall_body_int(r, key, &v) ? (int)v : -1;
}

int
hall_kiosk_feedback(struct hall_req *r)
{
	struct kz_feedback fb = {.quality = -1};
	static const struct body b = {N("Type the number of your ticket."), 3,
		{{"ticket", sizeof fb.ticket, 0}, {"code", sizeof fb.code, 0},
			{"lang", sizeof fb.lang, 0}}};
	const char *v[3] = {NULL, NULL, NULL}; /* the ticket, its code, the language */
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, v);
	enum kz_ballot_refusal why = KZ_BALLOT_MAY_VOTE;
	char err[KZ_ERR_LEN];
	int64_t id = 0;
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	snprintf(fb.ticket, sizeof fb.ticket, "%s", v[0]);
	snprintf(fb.code, sizeof fb.code, "%s", v[1]);
	snprintf(fb.lang, sizeof fb.lang, "%s", v[2]);
	snprintf(fb.kiosk, sizeof fb.kiosk, "%s", k->name);
	fb.quality = answer(r, "quality");
	fb.information = answer(r, "information");
	fb.appeal = answer(r, "appeal");
	fb.politeness = answer(r, "politeness");
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_feedback_add(r->hall->db, &fb, &id, &why, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EREJECT)
		return refused(r, why, err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("Your answers could not be kept."), err);
	hall_ok(r, json_pack("{s:b}", "stored", 1));
	return KZ_OK;
}

int
hall_kiosk_pin(struct hall_req *r)
{
	static const struct body b = {N("Wrong PIN."), 1, {{"pin", 16, 0}}};
	const char *pin = NULL;
	const struct kz_kiosk_conf *k = kiosk_with(r, &b, &pin);
	struct kz_admin_pin state = {0};
	char err[KZ_ERR_LEN];
	int rc;

	if (k == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_admin_pin_try(r->hall->db, k->name, pin, &state, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK && rc != KZ_EREJECT && rc != KZ_ENOTFOUND)
		return hall_refuse(r, rc, N("Wrong PIN."), err);
	if (rc != KZ_OK)
		hall_log(r->hall, "kiosk %s: administrator PIN: %s", k->name, err);
	hall_ok(r,
		json_pack("{s:b, s:o}", "ok", rc == KZ_OK, "admin_pin", kz_wire_admin_pin(&state)));
	return KZ_OK;
}
