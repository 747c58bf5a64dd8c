/*
 * jobs-remote.c - a print service's jobs at kezek-hall, for a service on a
 * machine of its own: each operation of jobs.h is a request to the
 * /api/printer routes (hall/api-printer.c) through remote/client.h, every
 * POST with an idempotency key, so one repeated after a lost answer is
 * done once.  See jobs.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "printer/jobs.h"
#include "printer/printout.h"
#include "queue/error.h"
#include "remote/client.h"

#define KEPT_MAX 8 /* acknowledgements kept while the hall does not answer */

/* A request whose answer was lost, to be sent again with its key. */
struct kept {
	char path[96];
	json_t *body;
	char key[33];
	int start; /* a start: the job is given back (nothing was sent) if it was taken */
	int64_t job;
};

struct remote {
	struct kz_jobs base;
	struct kz_remote *r;
	const struct kz_printer_conf *printer;
	int down; /* not asked since the last loss: check and recover first */
	struct kept kept[KEPT_MAX];
	int nkept;
};

/* The answer's "message" (or "reason"), "" for none. */
static const char *
message_of(const json_t *answer)
{
	const char *m = json_string_value(json_object_get(answer, "reason"));

	if (m == NULL)
		m = json_string_value(json_object_get(answer, "message"));
	return m ? m : "";
}

/* An answer's status as the store's error: what the hall said. */
static int
status_rc(int status, const json_t *answer, const char *path, char *err)
{
	const char *m = message_of(answer);
	const char *code = json_string_value(json_object_get(answer, "error"));

	if (status >= 200 && status < 300)
		return KZ_OK;
	if (status == 409 && code != NULL && strcmp(code, "gone") == 0)
		return kz_err(err, KZ_EEMPTY, "the hall says: %s", m);
	if (status == 404)
		return kz_err(err, KZ_ENOTFOUND, "the hall has no %s: %s", path, m);
	if (status == 400 || status == 422)
		return kz_err(err, KZ_EINVAL, "%s", m[0] ? m : "the hall refused the request");
	if (status == 401 || status == 403)
		return kz_err(err, KZ_EREJECT,
			"the hall refuses this print service (%d %s: %s); is it enrolled for this "
			"printer and not revoked?",
			status, code ? code : "", m);
	if (status == 409)
		return kz_err(err, KZ_EREJECT, "the hall refuses %s: %s", path, m);
	if (status == 429 || status == 503)
		return kz_err(err, KZ_EBUSY, "the hall is busy (%d); trying again", status);
	return kz_err(err, KZ_EDEVICE, "the hall answered %d to %s: %s; see its log", status, path,
		m);
}

/* One request; the answer (may be NULL) is the caller's. */
static int
call(struct remote *rm, const char *method, const char *path, json_t *body, const char *key,
	json_t **answer, char *err)
{
	json_t *a = NULL;
	int status = 0, rc;

	if (answer)
		*answer = NULL;
	rc = kz_remote_call(rm->r, method, path, body, key, &status, &a, err);
	if (rc != KZ_OK) {
		json_decref(a);
		return rc == KZ_EINVAL ? KZ_EDEVICE : rc; /* a garbled answer: as none */
	}
	rc = status_rc(status, a, path, err);
	if (rc == KZ_OK && answer)
		*answer = a;
	else
		json_decref(a);
	return rc;
}

static int
str_into(const json_t *o, const char *key, char *out, size_t len)
{
	const char *s = json_string_value(json_object_get(o, key));

	snprintf(out, len, "%s", s ? s : "");
	return s != NULL;
}

/* A job as the hall sends it. */
static int
job_of(const json_t *o, struct kz_print_job *j, char *err)
{
	char word[32];

	memset(j, 0, sizeof *j);
	if (!json_is_object(o) || !json_is_integer(json_object_get(o, "id")))
		return kz_err(err, KZ_EDEVICE, "the hall sent a print job without its id");
	j->id = json_integer_value(json_object_get(o, "id"));
	str_into(o, "printer", j->printer, sizeof j->printer);
	str_into(o, "document", word, sizeof word);
	j->document = kz_outbox_doc_kind(word);
	str_into(o, "lang", j->lang, sizeof j->lang);
	str_into(o, "state", word, sizeof word);
	j->state = kz_job_state_from_db(word);
	j->attempts = (int)json_integer_value(json_object_get(o, "attempts"));
	j->created_at = json_integer_value(json_object_get(o, "created_at"));
	str_into(o, "reason", j->reason, sizeof j->reason);
	j->reprint_of = json_integer_value(json_object_get(o, "reprint_of"));
	j->ticket_id = json_integer_value(json_object_get(o, "ticket_id"));
	str_into(o, "number", j->number, sizeof j->number);
	str_into(o, "service", j->service, sizeof j->service);
	j->issued_at = json_integer_value(json_object_get(o, "issued_at"));
	j->resumes_at = json_integer_value(json_object_get(o, "resumes_at"));
	j->bands = (int)json_integer_value(json_object_get(o, "bands"));
	j->bands_sent = (int)json_integer_value(json_object_get(o, "bands_sent"));
	str_into(o, "file", j->file, sizeof j->file);
	return KZ_OK;
}

/* GET path → {"job": ...}; KZ_EEMPTY for null. */
static int
get_job(struct remote *rm, const char *path, struct kz_print_job *j, char *err)
{
	json_t *a;
	int rc = call(rm, "GET", path, NULL, NULL, &a, err);

	if (rc != KZ_OK)
		return rc;
	if (json_is_null(json_object_get(a, "job")))
		rc = KZ_EEMPTY;
	else
		rc = job_of(json_object_get(a, "job"), j, err);
	json_decref(a);
	return rc;
}

static void
forget(struct kept *k)
{
	json_decref(k->body);
	k->body = NULL;
}

/* Keep a request to send again with its key; KZ_EDEVICE (err as given)
 * either way, or, kept, KZ_OK when ok_when_kept. */
static int
keep(struct remote *rm, const char *path, json_t *body, const char *key, int start, int64_t job,
	int ok_when_kept)
{
	struct kept *k;

	if (rm->nkept == KEPT_MAX) {
		json_decref(body);
		return KZ_EDEVICE;
	}
	k = &rm->kept[rm->nkept++];
	snprintf(k->path, sizeof k->path, "%s", path);
	k->body = body;
	snprintf(k->key, sizeof k->key, "%s", key);
	k->start = start;
	k->job = job;
	return ok_when_kept ? KZ_OK : KZ_EDEVICE;
}

/* Send what was kept, in order, with the keys it first went with.  An
 * answer other than yes is said (err) and the request forgotten: the hall
 * has seen it. */
static int
send_kept(struct remote *rm, char *err)
{
	while (rm->nkept > 0) {
		struct kept *k = &rm->kept[0];
		json_t *body;
		char key[33];
		int rc = call(rm, "POST", k->path, k->body, k->key, NULL, err);

		if (rc == KZ_EDEVICE || rc == KZ_EBUSY)
			return rc;
		if (rc == KZ_OK && k->start) {
			/* taken, but not a byte went: give it back at once */
			char path[96];
			snprintf(path, sizeof path, "/api/printer/jobs/%lld/retry",
				(long long)k->job);
			body = json_pack("{s:s, s:i}", "reason",
				"the hall's answer to its start was lost; nothing was sent",
				"delay", 0);
			kz_remote_new_key(key);
			forget(k);
			*k = (struct kept){.body = body};
			snprintf(k->path, sizeof k->path, "%s", path);
			snprintf(k->key, sizeof k->key, "%s", key);
			continue;
		}
		forget(k);
		memmove(&rm->kept[0], &rm->kept[1], (size_t)(rm->nkept - 1) * sizeof rm->kept[0]);
		rm->nkept--;
	}
	return KZ_OK;
}

/* A POST about a job; body is taken.  kept: an acknowledgement, kept when
 * its answer is lost (and then taken as given: KZ_OK). */
static int
post_job(struct remote *rm, int64_t job, const char *action, json_t *body, int kept, char *err)
{
	char path[96], key[33];
	int rc;

	snprintf(path, sizeof path, "/api/printer/jobs/%lld/%s", (long long)job, action);
	if (body == NULL)
		body = json_object();
	kz_remote_new_key(key);
	if (rm->nkept > 0 && kept) /* in order, after what waits */
		return keep(rm, path, body, key, 0, job, 1);
	if (rm->nkept > 0 && (rc = send_kept(rm, err)) != KZ_OK) {
		json_decref(body);
		return rc;
	}
	rc = call(rm, "POST", path, body, key, NULL, err);
	if (rc == KZ_EDEVICE && kept)
		return keep(rm, path, body, key, 0, job, 1);
	if (rc == KZ_EDEVICE && strcmp(action, "start") == 0)
		return keep(rm, path, body, key, 1, job, 0);
	json_decref(body);
	return rc;
}

static int
r_connect(struct kz_jobs *j, int *fresh, char *err)
{
	struct remote *rm = (struct remote *)j;
	json_t *a;
	int rc;

	*fresh = 0;
	if ((rc = send_kept(rm, err)) != KZ_OK)
		return rc;
	if (!rm->down)
		return KZ_OK;
	if ((rc = call(rm, "GET", "/api/printer", NULL, NULL, &a, err)) != KZ_OK)
		return rc;
	const char *name = json_string_value(json_object_get(a, "printer"));
	if (name == NULL || strcmp(name, rm->printer->name) != 0) {
		rc = kz_err(err, KZ_ECONFIG,
			"this print service is enrolled at the hall for [printer %s], not [printer "
			"%s]; run it with --printer %s",
			name ? name : "?", rm->printer->name, name ? name : "NAME");
		json_decref(a);
		return rc;
	}
	json_decref(a);
	rm->down = 0;
	*fresh = 1;
	return KZ_OK;
}

static void
r_lost(struct kz_jobs *j, int rc)
{
	(void)rc;
	((struct remote *)j)->down = 1;
}

static int
r_next(struct kz_jobs *j, int expire_seconds, struct kz_print_job *job, char *err)
{
	(void)expire_seconds; /* the hall's own configuration says it */
	return get_job((struct remote *)j, "/api/printer/next", job, err);
}

static int
r_printout(struct kz_jobs *j, const struct kz_print_job *job, struct kz_typeset *ts,
	struct kz_bytes *out, struct kz_escpos_bands *bands, char *err)
{
	struct remote *rm = (struct remote *)j;
	char path[96];
	unsigned char *data = NULL;
	size_t len = 0;
	int status = 0, rc;

	(void)ts; /* made at the hall */
	out->len = 0;
	bands->n = 0;
	snprintf(path, sizeof path, "/api/printer/jobs/%lld/printout", (long long)job->id);
	if ((rc = kz_remote_fetch(rm->r, path, &status, &data, &len, err)) != KZ_OK) {
		free(data);
		return rc == KZ_EINVAL ? KZ_EDEVICE : rc;
	}
	if (status != 200) {
		json_t *a = json_loadb((const char *)data, len, 0, NULL);
		rc = status_rc(status, a, path, err);
		json_decref(a);
		free(data);
		return rc == KZ_OK ? kz_err(err, KZ_EDEVICE, "the hall answered %d", status) : rc;
	}
	rc = kz_bytes_add(out, data, len);
	free(data);
	if (rc != KZ_OK)
		return kz_err(err, rc, "out of memory taking a printout of %zu bytes", len);
	if (rm->printer->role != KZ_ROLE_A4)
		return kz_printout_bands(out->data, out->len, bands, err);
	return KZ_OK;
}

static int
r_start(struct kz_jobs *j, int64_t job, int bands, int expire_seconds, char *err)
{
	(void)expire_seconds;
	return post_job((struct remote *)j, job, "start", json_pack("{s:i}", "bands", bands), 0,
		err);
}

static int
r_progress(struct kz_jobs *j, int64_t job, int band, char *err)
{
	return post_job((struct remote *)j, job, "progress", json_pack("{s:i}", "band", band), 0,
		err);
}

static int
r_set_file(struct kz_jobs *j, int64_t job, const char *path, char *err)
{
	return post_job((struct remote *)j, job, "file", json_pack("{s:s}", "path", path), 1, err);
}

static int
r_unfinished(struct kz_jobs *j, struct kz_print_job *job, char *err)
{
	return get_job((struct remote *)j, "/api/printer/unfinished", job, err);
}

static int
r_get(struct kz_jobs *j, int64_t job, struct kz_print_job *out, char *err)
{
	char path[96];

	snprintf(path, sizeof path, "/api/printer/jobs/%lld", (long long)job);
	return get_job((struct remote *)j, path, out, err);
}

static int
r_done(struct kz_jobs *j, int64_t job, char *err)
{
	return post_job((struct remote *)j, job, "done", NULL, 1, err);
}

static int
r_retry(struct kz_jobs *j, int64_t job, const char *reason, int delay, char *err)
{
	return post_job((struct remote *)j, job, "retry",
		json_pack("{s:s, s:i}", "reason", reason, "delay", delay), 1, err);
}

static int
r_fail(struct kz_jobs *j, int64_t job, const char *reason, char *err)
{
	return post_job((struct remote *)j, job, "fail", json_pack("{s:s}", "reason", reason), 1,
		err);
}

static int
r_uncertain(struct kz_jobs *j, int64_t job, const char *reason, char *err)
{
	return post_job((struct remote *)j, job, "uncertain", json_pack("{s:s}", "reason", reason),
		1, err);
}

/* POST path {"state","reason"}, said once: a lost one is told again later. */
static int
report(struct remote *rm, const char *path, const char *state, const char *reason, char *err)
{
	json_t *body = json_pack("{s:s, s:s}", "state", state, "reason", reason);
	char key[33];
	int rc;

	kz_remote_new_key(key);
	rc = call(rm, "POST", path, body, key, NULL, err);
	json_decref(body);
	return rc;
}

static int
r_set_state(struct kz_jobs *j, enum kz_printer_condition state, const char *reason, char *err)
{
	return report((struct remote *)j, "/api/printer/state", kz_printer_condition_name(state),
		reason, err);
}

static int
r_heartbeat(struct kz_jobs *j, enum kz_service_state state, const char *reason, char *err)
{
	return report((struct remote *)j, "/api/printer/heartbeat", kz_service_state_name(state),
		reason, err);
}

static void
r_close(struct kz_jobs *j)
{
	struct remote *rm = (struct remote *)j;

	for (int i = 0; i < rm->nkept; i++)
		forget(&rm->kept[i]);
	kz_remote_close(rm->r);
	free(rm);
}

static const struct kz_jobs_ops remote_ops = {"hall server", r_connect, r_lost, r_next, r_printout,
	r_start, r_progress, r_set_file, r_unfinished, r_get, r_done, r_retry, r_fail, r_uncertain,
	r_set_state, r_heartbeat, r_close};

int
kz_jobs_remote_open(struct kz_remote *r, const struct kz_printer_conf *pr, struct kz_jobs **out,
	char *err)
{
	struct remote *rm = calloc(1, sizeof *rm);

	*out = NULL;
	if (rm == NULL) {
		kz_remote_close(r);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the printer service");
	}
	rm->base.ops = &remote_ops;
	rm->r = r;
	rm->printer = pr;
	rm->down = 1;
	*out = &rm->base;
	return KZ_OK;
}
