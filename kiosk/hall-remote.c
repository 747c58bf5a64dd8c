/*
 * hall-remote.c - the kiosk's hall on a machine of its own: kezek-hall's
 * /api/kiosk routes (docs/hall-api.md, Devices: Kiosk) and its change
 * stream; see hall.h.  Every POST carries the action's idempotency key.
 * A request that gets no answer is KZ_EDEVICE, and the hall is down until
 * a read goes through again (tried every retry_ms, by itself: remote/link.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hall.h"
#include "queue/error.h"
#include "remote/link.h"
#include "wire/board.h"
#include "wire/kiosk.h"
#include "wire/read.h"

/* The server's refusal as the queue's code: what the local hall would
 * have returned for the same action. */
static int
refusal(int status, const json_t *answer, char *err)
{
	const char *code = json_string_value(json_object_get(answer, "error"));
	const char *msg = json_string_value(json_object_get(answer, "message"));

	if (code == NULL)
		code = "";
	if (msg == NULL)
		msg = "no message";
	switch (status) {
	case 400:
		return kz_err(err, KZ_EINVAL, "the hall server refused the request: %s", msg);
	case 404:
		return kz_err(err, KZ_ENOTFOUND, "the hall server has no such thing: %s", msg);
	case 409:
		return kz_err(err, strcmp(code, "closed") == 0 ? KZ_ECLOSED : KZ_EREJECT, "%s",
			msg);
	case 429:
	case 503:
		return kz_err(err, KZ_EBUSY, "the hall server is busy: %s", msg);
	case 401:
	case 403:
		return kz_err(err, KZ_EDEVICE,
			"the hall server does not accept this kiosk (%d %s: %s): is its device "
			"revoked, or enrolled under another role?",
			status, code, msg);
	default:
		return kz_err(err, KZ_EDB, "the hall server answered %d: %s", status, msg);
	}
}

/* One request; *answer (may be NULL) is the JSON answer of a 2xx, the
 * caller's.  No answer: KZ_EDEVICE, and the hall is down. */
static int
call(struct kz_remote_link *m, const char *method, const char *path, json_t *body, const char *key,
	json_t **answer, char *err)
{
	json_t *a = NULL;
	int status = 0, rc = kz_remote_call(m->r, method, path, body, key, &status, &a, err);

	json_decref(body);
	if (answer)
		*answer = NULL;
	if (rc == KZ_EDEVICE)
		kz_remote_link_down(m);
	if (rc != KZ_OK) {
		json_decref(a);
		return rc;
	}
	m->up = 1;
	if (status < 200 || status > 299) {
		rc = refusal(status, a, err);
		if (answer && status == 409)
			*answer = a; /* a refusal with its reason (a ballot's) */
		else
			json_decref(a);
		return rc;
	}
	if (answer)
		*answer = a;
	else
		json_decref(a);
	return KZ_OK;
}

static enum kz_watch_state
r_poll(void *impl)
{
	char err[KZ_ERR_LEN];

	return kz_remote_link_poll(impl, err);
}

static void
r_seen(void *impl)
{
	((struct kz_remote_link *)impl)->stale = 0;
}

static void
r_failed(void *impl, int rc)
{
	kz_remote_link_failed(impl, rc);
}

static void
r_stale(void *impl)
{
	((struct kz_remote_link *)impl)->stale = 1;
}

static int
r_up(const void *impl)
{
	return ((const struct kz_remote_link *)impl)->up;
}

static int
r_read(void *impl, struct kz_kiosk_view *out, char *err)
{
	json_t *a, *printer;
	char state[32];
	int rc = call(impl, "GET", "/api/kiosk", NULL, NULL, &a, err);

	if (rc != KZ_OK)
		return rc;
	printer = json_object_get(a, "printer");
	if ((rc = kz_wire_status_parse(json_object_get(a, "status"), &out->status, err)) == KZ_OK &&
		(rc = kz_wire_text(printer, "state", state, sizeof state, err)) == KZ_OK &&
		(rc = kz_wire_text(printer, "reason", out->printer_reason,
			 sizeof out->printer_reason, err)) == KZ_OK)
		out->printer = kz_printer_condition_from_db(state);
	json_decref(a);
	return rc;
}

static int
r_estimate(void *impl, const char *service, struct kz_wait_estimate *out, char *err)
{
	char path[96];
	json_t *a;
	int rc;

	snprintf(path, sizeof path, "/api/kiosk/estimate?service=%s", service);
	if ((rc = call(impl, "GET", path, NULL, NULL, &a, err)) != KZ_OK)
		return rc;
	rc = kz_wire_estimate_parse(a, out, err);
	json_decref(a);
	return rc;
}

static int
r_issue(void *impl, const char *key, const char *service, const char *lang,
	struct kz_kiosk_issued *out, char *err)
{
	json_t *a, *est;
	int rc = call(impl, "POST", "/api/kiosk/ticket",
		json_pack("{s:s, s:s}", "service", service, "lang", lang), key, &a, err);

	if (rc != KZ_OK) {
		json_decref(a);
		return rc;
	}
	memset(out, 0, sizeof *out);
	est = json_object_get(a, "estimate");
	if ((rc = kz_wire_ticket_parse(json_object_get(a, "ticket"), &out->ticket, err)) == KZ_OK &&
		(rc = kz_wire_int64(a, "job", &out->job, err)) == KZ_OK && json_is_object(est))
		out->have_estimate = kz_wire_estimate_parse(est, &out->est, err) == KZ_OK;
	json_decref(a);
	return rc;
}

static int
r_form(void *impl, const char *key, int sample, const char *lang, int64_t *job, char *err)
{
	json_t *a;
	int rc = call(impl, "POST", "/api/kiosk/form",
		json_pack("{s:b, s:s}", "sample", sample, "lang", lang), key, &a, err);

	if (rc == KZ_OK)
		rc = kz_wire_int64(a, "job", job, err);
	json_decref(a);
	return rc;
}

static int
r_test_page(void *impl, const char *key, const char *lang, char *err)
{
	return call(impl, "POST", "/api/kiosk/test", json_pack("{s:s}", "lang", lang), key, NULL,
		err);
}

static int
r_job(void *impl, int64_t job, struct kz_print_job *out, char *err)
{
	char path[64];
	json_t *a;
	int rc;

	snprintf(path, sizeof path, "/api/kiosk/job/%lld", (long long)job);
	if ((rc = call(impl, "GET", path, NULL, NULL, &a, err)) != KZ_OK)
		return rc;
	rc = kz_wire_job_parse(a, out, err);
	json_decref(a);
	return rc;
}

static int
r_unprinted(void *impl, const char *key, int64_t job, const char *reason, char *err)
{
	return call(impl, "POST", "/api/kiosk/unprinted",
		json_pack("{s:I, s:s}", "job", (json_int_t)job, "reason", reason), key, NULL, err);
}

/* A refusal's reason, from a 409's answer. */
static void
refused_why(json_t *a, enum kz_ballot_refusal *why)
{
	if (why)
		*why = kz_wire_refusal_parse(json_string_value(json_object_get(a, "refused")));
}

static int
r_ballot(void *impl, const char *ticket, const char *code, enum kz_ballot_refusal *why, char *err)
{
	char key[33];
	json_t *a, *body = json_pack("{s:s}", "ticket", ticket);
	int rc;

	if (code != NULL)
		json_object_set_new(body, "code", json_string(code));
	kz_kiosk_hall_key(key); /* a check, changes nothing: a key of its own */
	rc = call(impl, "POST", "/api/kiosk/ballot", body, key, &a, err);
	if (why)
		*why = KZ_BALLOT_MAY_VOTE;
	if (rc == KZ_EREJECT)
		refused_why(a, why);
	json_decref(a);
	return rc;
}

static int
r_feedback(void *impl, const char *key, const struct kz_feedback *fb, enum kz_ballot_refusal *why,
	char *err)
{
	json_t *a;
	int rc = call(impl, "POST", "/api/kiosk/feedback",
		json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i}", "ticket", fb->ticket, "code",
			fb->code, "lang", fb->lang, "quality", fb->quality, "information",
			fb->information, "appeal", fb->appeal, "politeness", fb->politeness),
		key, &a, err);

	if (why)
		*why = KZ_BALLOT_MAY_VOTE;
	if (rc == KZ_EREJECT)
		refused_why(a, why);
	json_decref(a);
	return rc;
}

static int
r_pin_get(void *impl, struct kz_admin_pin *out, char *err)
{
	json_t *a;
	int rc = call(impl, "GET", "/api/kiosk", NULL, NULL, &a, err);

	if (rc == KZ_OK)
		rc = kz_wire_admin_pin_parse(json_object_get(a, "admin_pin"), out, err);
	json_decref(a);
	return rc;
}

static int
r_pin_try(void *impl, const char *key, const char *pin, struct kz_admin_pin *out, char *err)
{
	json_t *a;
	int rc = call(impl, "POST", "/api/kiosk/pin", json_pack("{s:s}", "pin", pin), key, &a, err);
	int ok = 0;

	if (rc == KZ_OK &&
		(rc = kz_wire_admin_pin_parse(json_object_get(a, "admin_pin"), out, err)) ==
			KZ_OK &&
		(rc = kz_wire_int(a, "ok", &ok, err)) == KZ_OK && !ok)
		rc = kz_err(err, KZ_EREJECT, "wrong PIN");
	json_decref(a);
	return rc;
}

static void
r_close(void *impl)
{
	struct kz_remote_link *m = impl;

	kz_remote_link_close(m);
	free(m);
}

static const struct kz_kiosk_hall_ops remote_ops = {
	.poll = r_poll,
	.seen = r_seen,
	.failed = r_failed,
	.stale = r_stale,
	.up = r_up,
	.read = r_read,
	.estimate = r_estimate,
	.issue = r_issue,
	.form = r_form,
	.test_page = r_test_page,
	.job = r_job,
	.unprinted = r_unprinted,
	.ballot = r_ballot,
	.feedback = r_feedback,
	.pin_get = r_pin_get,
	.pin_try = r_pin_try,
	.close = r_close,
};

int
kz_kiosk_hall_remote(struct kz_remote *r, int retry_ms, struct kz_kiosk_hall **out, char *err)
{
	struct kz_kiosk_hall *h = calloc(1, sizeof *h);
	struct kz_remote_link *m = calloc(1, sizeof *m);

	*out = NULL;
	if (h == NULL || m == NULL) {
		free(h);
		free(m);
		kz_remote_close(r);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the kiosk");
	}
	kz_remote_link_init(m, r, retry_ms);
	h->ops = &remote_ops;
	h->impl = m;
	*out = h;
	return KZ_OK;
}
