/*
 * api-printer.c - /api/printer/...: a print service on a machine of its
 * own (role printer) takes its printer's jobs and reports how they went,
 * each answer the outbox's own (queue/outbox.h), so the at-most-once
 * promise of the outbox holds across the network: a job is claimed
 * ('sending' from its first byte), its bands recorded before each goes,
 * then acknowledged.  The printout is made here, where the database, the
 * fonts and the configuration are (printer/printout.h), and handed over
 * as the bytes the printer takes.  A device sees and touches the jobs of
 * the one printer it stands for (sess.device_for), any other → 403.
 *
 *   GET  /api/printer                    who: {"printer","state","reason","queued"}
 *   GET  /api/printer/next               {"job": the next job | null}
 *   GET  /api/printer/unfinished         {"job": the job left 'sending' | null}
 *   GET  /api/printer/jobs/ID            {"job"}
 *   GET  /api/printer/jobs/ID/printout   the bytes (ESC/POS raster, or a PDF)
 *   POST /api/printer/jobs/ID/ACTION     start {"bands"}, progress {"band"}, done,
 *                                        retry {"reason","delay"}, fail {"reason"},
 *                                        uncertain {"reason"}, file {"path"} → {"job"}
 *   POST /api/printer/state              {"state":"paper_out","reason"}
 *   POST /api/printer/heartbeat          {"state":"running","reason"}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "documents/doc.h"
#include "ink/typeset.h"
#include "printer/printout.h"
#include "queue/clock.h"
#include "queue/outbox.h"
#include "routes.h"

#define PRINTER_ERROR N("The print service's request cannot be done; see the hall's log.")

static json_t *
job_json(const struct kz_print_job *j)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:i, s:I, s:s, s:I, s:I, s:s, s:s, s:I, s:I, "
			 "s:i, s:i, s:s}",
		"id", (json_int_t)j->id, "printer", j->printer, "document",
		kz_outbox_doc_name(j->document), "lang", j->lang, "state",
		kz_job_state_name(j->state), "attempts", j->attempts, "created_at",
		(json_int_t)j->created_at, "reason", j->reason, "reprint_of",
		(json_int_t)j->reprint_of, "ticket_id", (json_int_t)j->ticket_id, "number",
		j->number, "service", j->service, "issued_at", (json_int_t)j->issued_at,
		"resumes_at", (json_int_t)j->resumes_at, "bands", j->bands, "bands_sent",
		j->bands_sent, "file", j->file);
}

/* {"now", "job": job or null}. */
static void
answer_job(struct hall_req *r, const struct kz_print_job *j)
{
	hall_ok(r,
		json_pack("{s:I, s:o}", "now", (json_int_t)kz_clock_now(), "job",
			j ? job_json(j) : json_null()));
}

/* The printer the device stands for, as the hall configures it; NULL
 * (answered 403) when the hall has no such printer. */
static const struct kz_printer_conf *
own_printer(struct hall_req *r)
{
	const struct kz_printer_conf *pr = kz_config_printer(r->hall->cfg, r->sess.device_for);

	if (pr == NULL)
		hall_fail(r, 403, "printer",
			N("This device stands for no printer of the hall; enrol it again."),
			r->sess.device_for);
	return pr;
}

int
hall_printer_get(struct hall_req *r)
{
	enum kz_printer_condition state;
	char reason[256], err[KZ_ERR_LEN];
	int queued = 0, rc;

	if (own_printer(r) == NULL)
		return KZ_EREJECT;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_printer_get_state(r->hall->db, r->sess.device_for, &state, reason, &queued, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	hall_ok(r,
		json_pack("{s:I, s:s, s:s, s:s, s:i}", "now", (json_int_t)kz_clock_now(), "printer",
			r->sess.device_for, "state", kz_printer_condition_name(state), "reason",
			reason, "queued", queued));
	return KZ_OK;
}

/* GET /api/printer/next and /api/printer/unfinished. */
int
hall_printer_next(struct hall_req *r)
{
	struct kz_print_job j;
	char err[KZ_ERR_LEN];
	int unfinished = strcmp(r->path, "/api/printer/unfinished") == 0, rc;

	if (own_printer(r) == NULL)
		return KZ_EREJECT;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = unfinished ? kz_outbox_unfinished(r->hall->db, r->sess.device_for, &j, err)
			: kz_outbox_next(r->hall->db, r->sess.device_for,
				  r->hall->cfg->ticket_print_seconds, &j, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK && rc != KZ_EEMPTY)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	answer_job(r, rc == KZ_OK ? &j : NULL);
	return KZ_OK;
}

/* The job of path /api/printer/jobs/ID[/action] into *j, its action into
 * action ("" for none); only a job of the device's own printer.  Locks
 * nothing; KZ_OK, or answered. */
static int
find_job(struct hall_req *r, struct kz_print_job *j, char *action, size_t len)
{
	const char *p = r->path + strlen("/api/printer/jobs/");
	char *end, err[KZ_ERR_LEN];
	long long id = strtoll(p, &end, 10);
	int rc;

	if (end == p || id <= 0 || (*end != '\0' && *end != '/') || strlen(end) >= len)
		return hall_fail(r, 404, "not_found", N("There is no such print job."), r->path);
	snprintf(action, len, "%s", *end == '/' ? end + 1 : "");
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_outbox_get(r->hall->db, id, j, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_ENOTFOUND)
		return hall_fail(r, 404, "not_found", N("There is no such print job."), err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	if (strcmp(j->printer, r->sess.device_for) != 0)
		return hall_fail(r, 403, "printer",
			N("This print job is another printer's; a print service takes only its own printer's jobs."),
			j->printer);
	return KZ_OK;
}

/* The bytes its printer takes for job j, made here. */
static int
printout(struct hall_req *r, const struct kz_printer_conf *pr, const struct kz_print_job *j)
{
	char fonts[KZ_PATH_LEN + 32], err[KZ_ERR_LEN];
	const char *env = getenv("KEZEK_FONTS");
	struct kz_doc_source src = {r->hall->db, r->hall->cfg, pr->name, NULL};
	struct kz_bytes out = {0};
	struct kz_typeset *ts = NULL;
	int rc;

	if (env != NULL && env[0] != '\0')
		snprintf(fonts, sizeof fonts, "%s", env);
	else
		snprintf(fonts, sizeof fonts, "%s/assets/fonts", r->hall->opt.data_dir);
	if ((rc = kz_typeset_open(fonts, &ts, err)) != KZ_OK)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_printout_make(&src, pr, ts, fonts, j, &out, NULL, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	kz_doc_source_close(&src);
	kz_typeset_close(ts);
	if (rc == KZ_EBUSY)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	if (rc != KZ_OK) {
		/* made from what the job holds, so made no better by asking again:
		 * the service records the job failed, saying why */
		kz_bytes_free(&out);
		hall_fail(r, 422, "document", PRINTER_ERROR, err);
		json_object_set_new(r->out, "reason", json_string(err));
		return KZ_EINVAL;
	}
	r->resp = MHD_create_response_from_buffer(out.len, out.data, MHD_RESPMEM_MUST_FREE);
	if (r->resp == NULL) {
		kz_bytes_free(&out);
		return hall_fail(r, 500, "failed", PRINTER_ERROR, "out of memory");
	}
	MHD_add_response_header(r->resp, "Content-Type",
		pr->role == KZ_ROLE_A4 ? "application/pdf" : "application/octet-stream");
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	r->status = 200;
	return KZ_OK;
}

int
hall_printer_job_get(struct hall_req *r)
{
	const struct kz_printer_conf *pr = own_printer(r);
	struct kz_print_job j;
	char action[16];

	if (pr == NULL || find_job(r, &j, action, sizeof action) != KZ_OK)
		return KZ_EREJECT;
	if (strcmp(action, "printout") == 0)
		return printout(r, pr, &j);
	if (action[0] != '\0')
		return hall_fail(r, 404, "not_found", N("There is no such print job."), r->path);
	answer_job(r, &j);
	return KZ_OK;
}

/* The body's reason, or "" ; NULL (answered 400) when too long. */
static const char *
reason_of(struct hall_req *r)
{
	const char *s = hall_body_str(r, "reason");

	if (s == NULL)
		return "";
	if (strlen(s) >= KZ_ERR_LEN) {
		hall_fail(r, 400, "invalid", PRINTER_ERROR, "reason too long");
		json_object_set_new(r->out, "field", json_string("reason"));
		return NULL;
	}
	return s;
}

/* An integer field in [lo, hi], or -1 (answered 400). */
static long long
int_of(struct hall_req *r, const char *key, long long lo, long long hi)
{
	long long v;

	if (!hall_body_int(r, key, &v) || v < lo || v > hi) {
		hall_fail(r, 400, "invalid", PRINTER_ERROR, key);
		json_object_set_new(r->out, "field", json_string(key));
		return -1;
	}
	return v;
}

/* What a print service reports of a job: POST /api/printer/jobs/ID/NAME. */
enum job_action { START, PROGRESS, DONE, RETRY, FAIL, UNCERTAIN, SET_FILE, ACTIONS };
static const char *const action_names[ACTIONS] = {"start", "progress", "done", "retry", "fail",
	"uncertain", "file"};

/* The action's change, on the hall's connection (db_lock held). */
static int
act(struct hall_req *r, enum job_action a, int64_t job, long long n, const char *reason,
	const char *path, char *err)
{
	struct kz_db *db = r->hall->db;

	switch (a) {
	case START:
		return kz_outbox_start(db, job, (int)n, r->hall->cfg->ticket_print_seconds, err);
	case PROGRESS:
		return kz_outbox_progress(db, job, (int)n, err);
	case DONE:
		return kz_outbox_done(db, job, err);
	case RETRY:
		return kz_outbox_retry(db, job, reason, (int)n, err);
	case FAIL:
		return kz_outbox_fail(db, job, reason, err);
	case UNCERTAIN:
		return kz_outbox_uncertain(db, job, reason, err);
	default:
		return kz_outbox_set_file(db, job, path, err);
	}
}

int
hall_printer_job_post(struct hall_req *r)
{
	struct kz_print_job j;
	char name[16], err[KZ_ERR_LEN];
	const char *reason = "", *path = NULL;
	long long n = 0;
	int a, rc;

	if (own_printer(r) == NULL || find_job(r, &j, name, sizeof name) != KZ_OK)
		return KZ_EREJECT;
	for (a = 0; a < ACTIONS && strcmp(name, action_names[a]) != 0; a++)
		;
	if (a == ACTIONS)
		return hall_fail(r, 404, "not_found", N("There is no such print job."), r->path);
	if (a == START || a == PROGRESS)
		n = int_of(r, a == START ? "bands" : "band", 0, KZ_ESCPOS_MAX_BANDS);
	else if (a == RETRY && (reason = reason_of(r)) != NULL)
		n = int_of(r, "delay", 0, 86400);
	else if (a == FAIL || a == UNCERTAIN)
		reason = reason_of(r);
	else if (a == SET_FILE &&
		((path = hall_body_str(r, "path")) == NULL || strlen(path) >= sizeof j.file)) {
		hall_fail(r, 400, "invalid", PRINTER_ERROR, "path");
		json_object_set_new(r->out, "field", json_string("path"));
		return KZ_EINVAL;
	}
	if (n < 0 || reason == NULL)
		return KZ_EINVAL;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = act(r, (enum job_action)a, j.id, n, reason, path, err);
	if (rc == KZ_OK)
		rc = kz_outbox_get(r->hall->db, j.id, &j, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EEMPTY)
		return hall_fail(r, 409, "gone",
			N("This print job is no longer waiting: it expired or was taken."), err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	answer_job(r, &j);
	return KZ_OK;
}

/* POST /api/printer/state and /api/printer/heartbeat. */
int
hall_printer_report(struct hall_req *r)
{
	int beat = strcmp(r->path, "/api/printer/heartbeat") == 0, state = -1, rc;
	const char *word = hall_body_str(r, "state"), *reason = reason_of(r);
	char err[KZ_ERR_LEN];

	if (own_printer(r) == NULL || reason == NULL)
		return KZ_EREJECT;
	for (int s = beat ? KZ_SERVICE_RUNNING : KZ_PRINTER_UNKNOWN;
		word != NULL && s <= (beat ? KZ_SERVICE_STOPPED : KZ_PRINTER_PAUSED); s++)
		if (strcmp(word,
			    beat ? kz_service_state_name((enum kz_service_state)s)
				 : kz_printer_condition_name((enum kz_printer_condition)s)) == 0)
			state = s;
	if (state < 0) {
		hall_fail(r, 400, "invalid", PRINTER_ERROR, word);
		json_object_set_new(r->out, "field", json_string("state"));
		return KZ_EINVAL;
	}
	pthread_mutex_lock(&r->hall->db_lock);
	rc = beat ? kz_printer_heartbeat(r->hall->db, r->sess.device_for,
			    (enum kz_service_state)state, reason, err)
		  : kz_printer_set_state(r->hall->db, r->sess.device_for,
			    (enum kz_printer_condition)state, reason, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, PRINTER_ERROR, err);
	hall_ok(r, json_pack("{s:I}", "now", (json_int_t)kz_clock_now()));
	return KZ_OK;
}
