/*
 * api-counter.c - the clerk's own counter: GET /api/counter (the counter,
 * its visitor and the queue for its services), and POST
 * /api/counter/open|pause|close|next|recall|start|finish, each the same
 * queue/ call as the kezek command's, recorded under the logged-in clerk.
 * A clerk acts only on the session's counter: a body naming another is
 * refused (403).  POST /api/counter/postpone and /return send the visitor
 * away for a while and call them back (queue/postpone.h).  GET
 * /api/services lists the services to transfer to.
 */
#include <stdio.h>
#include <string.h>

#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/postpone.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "queue/wait.h"
#include "routes.h"

static const char *
service_name(const struct hall_req *r, const struct kz_service_status *s)
{
	return strcmp(r->lang, "kk") == 0 ? s->name_kk : s->name_ru;
}

static json_t *
current_json(struct hall_req *r, const struct kz_status *st, const char *number)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN];
	json_t *o;

	if (number[0] == '\0' || kz_ticket_find(r->hall->db, number, NULL, &t, err) != KZ_OK)
		return json_null();
	o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "ticket", t.number, "service", t.service,
		"state", t.state == KZ_TICKET_SERVING ? "serving" : "called", "issued_at",
		(json_int_t)t.issued_at, "called_at", (json_int_t)t.called_at, "wait_seconds",
		(json_int_t)kz_wait_seconds(t.issued_at, t.called_at, st->now));
	for (int i = 0; i < st->nservices; i++)
		if (strcmp(st->services[i].code, t.service) == 0)
			json_object_set_new(o, "service_name",
				json_string(service_name(r, &st->services[i])));
	json_object_set_new(o, "started_at",
		t.started_at ? json_integer(t.started_at) : json_null());
	json_object_set_new(o, "service_seconds",
		json_integer(kz_service_seconds(t.called_at, 0, st->now)));
	/* the comment of the counter that transferred the visitor here */
	json_object_set_new(o, "comment", t.comment[0] ? json_string(t.comment) : json_null());
	return o;
}

static json_t *
queue_json(struct hall_req *r, const struct kz_status *st)
{
	const struct kz_counter_conf *cc = kz_config_counter(r->hall->cfg, r->sess.counter);
	json_t *a = json_array();

	for (int i = 0; cc && i < st->nservices; i++) {
		const struct kz_service_status *s = &st->services[i];
		for (int j = 0; j < cc->nservices; j++)
			if (strcmp(cc->services[j], s->code) == 0)
				json_array_append_new(a,
					json_pack("{s:s, s:s, s:i, s:I}", "service", s->code,
						"name", service_name(r, s), "waiting", s->waiting,
						"longest_wait_seconds",
						(json_int_t)s->longest_wait));
	}
	return a;
}

static json_t *
postponed_json(struct hall_req *r, char *err, int *rc)
{
	struct kz_postponed p[32];
	json_t *a = json_array();
	int n = 0;

	*rc = kz_postponed_list(r->hall->db, r->sess.counter, p, 32, &n, err);
	for (int i = 0; *rc == KZ_OK && i < n && i < 32; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "ticket", json_string(p[i].number));
		json_object_set_new(o, "service", json_string(p[i].service));
		json_object_set_new(o, "reason", json_string(p[i].reason));
		json_object_set_new(o, "until", json_integer(p[i].until));
		json_object_set_new(o, "postponed_at", json_integer(p[i].postponed_at));
		json_object_set_new(o, "issued_at", json_integer(p[i].issued_at));
		json_array_append_new(a, o);
	}
	return a;
}

/* The counter object every counter call answers with; under db_lock. */
static int
counter_answer(struct hall_req *r)
{
	static struct kz_status st; /* large: kept off the thread's stack, under db_lock */
	const struct kz_counter_status *k = NULL;
	char err[KZ_ERR_LEN];
	int64_t since = 0;
	json_t *postponed;
	int rc;

	/* first: it ends the postponements that ran out */
	postponed = postponed_json(r, err, &rc);
	if (rc != KZ_OK) {
		json_decref(postponed);
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	}
	if ((rc = kz_status_read(r->hall->db, &st, err)) != KZ_OK ||
		(rc = kz_counter_since(r->hall->db, r->sess.counter, &since, err)) != KZ_OK) {
		json_decref(postponed);
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	}
	for (int i = 0; i < st.ncounters; i++)
		if (st.counters[i].number == r->sess.counter)
			k = &st.counters[i];
	if (k == NULL) {
		json_decref(postponed);
		return hall_fail(r, 404, "not_found", N("This counter is not in the hall."), NULL);
	}
	hall_ok(r,
		json_pack("{s:I, s:i, s:s, s:I, s:s, s:o, s:o, s:o, s:{s:i, s:i}}", "now",
			(json_int_t)st.now, "counter", k->number, "state",
			kz_counter_state_name(k->state), "since", (json_int_t)since, "clerk",
			k->clerk, "current", current_json(r, &st, k->ticket), "queue",
			queue_json(r, &st), "postponed", postponed, "limits", "wait_seconds",
			r->hall->cfg->wait_limit_min * 60, "service_seconds",
			r->hall->cfg->service_limit_min * 60));
	return KZ_OK;
}

int
hall_counter_get(struct hall_req *r)
{
	int rc;

	pthread_mutex_lock(&r->hall->db_lock);
	rc = counter_answer(r);
	pthread_mutex_unlock(&r->hall->db_lock);
	return rc;
}

/* A body that names a counter must name the clerk's own. */
static int
own_counter(struct hall_req *r)
{
	long long n;

	if (r->body && json_object_get(r->body, "counter") &&
		(!hall_body_int(r, "counter", &n) || n != r->sess.counter))
		return hall_fail(r, 403, "counter", N("You work at another counter."), NULL);
	return KZ_OK;
}

/* One counter operation: the queue's call (op), then the counter object;
 * a refusal is said as msgid. */
static int
act(struct hall_req *r, int (*op)(struct hall_req *r, char *err), const char *msgid)
{
	char err[KZ_ERR_LEN] = "";
	int rc;

	if ((rc = own_counter(r)) != KZ_OK)
		return rc;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = op(r, err);
	if (rc == KZ_OK)
		rc = counter_answer(r);
	else if (r->status == 0) /* op said nothing more precise */
		hall_refuse(r, rc, msgid, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	return rc;
}

static int
do_open(struct hall_req *r, char *err)
{
	return kz_counter_open(r->hall->db, r->sess.counter, r->sess.name, r->sess.position, err);
}

static int
do_pause(struct hall_req *r, char *err)
{
	return kz_counter_pause(r->hall->db, r->sess.counter, r->sess.name, r->sess.position, err);
}

static int
do_close(struct hall_req *r, char *err)
{
	return kz_counter_close(r->hall->db, r->sess.counter, r->sess.name, r->sess.position, err);
}

static int
do_next(struct hall_req *r, char *err)
{
	struct kz_ticket t;
	int rc = kz_ticket_next(r->hall->db, r->sess.counter, &t, err);

	if (rc == KZ_EEMPTY)
		hall_fail(r, 409, "empty", N("Nobody is waiting for this counter's services."),
			err);
	return rc;
}

static int
do_recall(struct hall_req *r, char *err)
{
	struct kz_ticket t;

	return kz_ticket_recall(r->hall->db, r->sess.counter, &t, err);
}

static int
do_start(struct hall_req *r, char *err)
{
	struct kz_ticket t;

	return kz_ticket_start(r->hall->db, r->sess.counter, &t, err);
}

int
hall_counter_open(struct hall_req *r)
{
	return act(r, do_open,
		N("The counter cannot open: it is open already, or you are logged in at another "
		  "counter."));
}

int
hall_counter_pause(struct hall_req *r)
{
	return act(r, do_pause,
		N("The counter cannot pause: finish the visitor first, or it is not open."));
}

int
hall_counter_close(struct hall_req *r)
{
	return act(r, do_close,
		N("The counter cannot close: finish the visitor first, or it is closed already."));
}

int
hall_counter_next(struct hall_req *r)
{
	return act(r, do_next,
		N("Cannot call the next visitor: open the counter and finish the current visitor "
		  "first."));
}

int
hall_counter_recall(struct hall_req *r)
{
	return act(r, do_recall,
		N("Only a visitor who was called and has not come up can be called again."));
}

int
hall_counter_start(struct hall_req *r)
{
	return act(r, do_start, N("Service can start only for a visitor who was called."));
}

static int
do_finish(struct hall_req *r, char *err)
{
	const char *outcome = hall_body_str(r, "outcome"), *to = hall_body_str(r, "to_service");
	const char *expect = hall_body_str(r, "ticket");
	const char *comment = hall_body_str(r, "comment");
	enum kz_outcome o;
	struct kz_ticket t;
	int rc;

	if (outcome == NULL || kz_outcome_parse(outcome, &o) != KZ_OK || o == KZ_OFFICE_CLOSED) {
		hall_fail(r, 400, "invalid",
			N("Choose how it ended: served, no-show, transferred or cancelled."),
			outcome);
		json_object_set_new(r->out, "field", json_string("outcome"));
		return KZ_EINVAL;
	}
	if (o == KZ_TRANSFERRED && (to == NULL || to[0] == '\0')) {
		hall_fail(r, 400, "invalid", N("Choose the service to transfer the visitor to."),
			NULL);
		json_object_set_new(r->out, "field", json_string("to_service"));
		return KZ_EINVAL;
	}
	if (o != KZ_TRANSFERRED && comment != NULL && comment[0] != '\0') {
		hall_fail(r, 400, "invalid", N("A comment goes only with a transfer."), NULL);
		json_object_set_new(r->out, "field", json_string("comment"));
		return KZ_EINVAL;
	}
	if (o == KZ_TRANSFERRED && comment != NULL && strlen(comment) >= KZ_TRANSFER_COMMENT_LEN) {
		hall_fail(r, 400, "invalid", N("The comment is too long; say it shorter."), NULL);
		json_object_set_new(r->out, "field", json_string("comment"));
		return KZ_EINVAL;
	}
	rc = o == KZ_TRANSFERRED
		? kz_ticket_transfer(r->hall->db, r->sess.counter, to, comment, expect, &t, err)
		: kz_ticket_finish(r->hall->db, r->sess.counter, o, NULL, expect, &t, err);
	if (rc == KZ_EINVAL && o == KZ_TRANSFERRED) {
		hall_fail(r, 400, "invalid",
			N("The comment is one line of text, without special characters."), err);
		json_object_set_new(r->out, "field", json_string("comment"));
	} else if (rc == KZ_EREJECT && o == KZ_NO_SHOW)
		hall_fail(r, 409, "refused",
			N("No-show only for a visitor who was called and did not come up; service has "
			  "started."),
			err);
	else if (rc == KZ_ENOTFOUND && o == KZ_TRANSFERRED)
		hall_fail(r, 409, "refused", N("There is no such service to transfer to."), err);
	return rc;
}

int
hall_counter_finish(struct hall_req *r)
{
	return act(r, do_finish,
		N("Nobody is at the counter to finish, or the visitor cannot be sent there."));
}

static int
do_postpone(struct hall_req *r, char *err)
{
	const char *reason = hall_body_str(r, "reason");
	long long minutes = 0;
	struct kz_ticket t;
	int rc;

	if (reason == NULL || reason[0] == '\0' || strlen(reason) >= KZ_POSTPONE_REASON_LEN) {
		hall_fail(r, 400, "invalid", N("Say why the visitor steps away, in a few words."),
			NULL);
		json_object_set_new(r->out, "field", json_string("reason"));
		return KZ_EINVAL;
	}
	if (!hall_body_int(r, "minutes", &minutes) || minutes < 1 ||
		minutes > KZ_POSTPONE_MAX_MINUTES) {
		hall_fail(r, 400, "invalid",
			N("Give the minutes the visitor may be away: 1 to 240."), NULL);
		json_object_set_new(r->out, "field", json_string("minutes"));
		return KZ_EINVAL;
	}
	rc = kz_ticket_postpone(r->hall->db, r->sess.counter, reason, (int)minutes, &t, err);
	if (rc == KZ_EINVAL)
		hall_fail(r, 400, "invalid", N("Say why the visitor steps away, in a few words."),
			err);
	return rc;
}

static int
do_return(struct hall_req *r, char *err)
{
	const char *number = hall_body_str(r, "ticket");
	struct kz_ticket t;

	if (number == NULL || number[0] == '\0' || strlen(number) > 23) {
		hall_fail(r, 400, "invalid", N("Choose the visitor who came back."), NULL);
		json_object_set_new(r->out, "field", json_string("ticket"));
		return KZ_EINVAL;
	}
	return kz_ticket_return(r->hall->db, r->sess.counter, number, &t, err);
}

int
hall_counter_postpone(struct hall_req *r)
{
	return act(r, do_postpone, N("Only a visitor at the counter can be postponed."));
}

int
hall_counter_return(struct hall_req *r)
{
	return act(r, do_return,
		N("This visitor cannot be called back: finish the current visitor first, or "
		  "their time ran out."));
}

int
hall_services(struct hall_req *r)
{
	const struct kz_config *cfg = r->hall->cfg;
	json_t *a = json_array();

	for (int i = 0; i < cfg->nservices; i++) {
		const struct kz_service_conf *s = &cfg->services[i];
		json_array_append_new(a,
			json_pack("{s:s, s:s, s:b}", "service", s->code, "name",
				strcmp(r->lang, "kk") == 0 ? s->name_kk : s->name_ru, "transfer_to",
				1));
	}
	hall_ok(r, a);
	return KZ_OK;
}
