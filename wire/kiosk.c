/* kiosk.c - the kiosk's requests and answers as JSON both ways; see
 * kiosk.h. */
#include <string.h>

#include "kiosk.h"
#include "queue/error.h"
#include "read.h"

json_t *
kz_wire_estimate(const struct kz_wait_estimate *e)
{
	json_t *o = json_pack("{s:b, s:i, s:i, s:b, s:i, s:I, s:I, s:I, s:I}", "waiting",
		e->waiting, "ahead", e->ahead, "counters", e->counters, "known", e->known,
		"samples", e->samples, "avg_service", (json_int_t)e->avg_service, "now",
		(json_int_t)e->now, "call_at", (json_int_t)e->call_at, "wait", (json_int_t)e->wait);

	if (o != NULL)
		json_object_update_new(o,
			json_pack("{s:i, s:i, s:b, s:I, s:b, s:I}", "low_min", e->low_min,
				"high_min", e->high_min, "after_lunch", e->after_lunch, "lunch_end",
				(json_int_t)e->lunch_end, "after_close", e->after_close, "close_at",
				(json_int_t)e->close_at));
	return o;
}

int
kz_wire_estimate_parse(const json_t *j, struct kz_wait_estimate *e, char *err)
{
	int rc;

	memset(e, 0, sizeof *e);
	if ((rc = kz_wire_int(j, "waiting", &e->waiting, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "ahead", &e->ahead, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "counters", &e->counters, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "known", &e->known, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "samples", &e->samples, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "avg_service", &e->avg_service, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "now", &e->now, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "call_at", &e->call_at, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "wait", &e->wait, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "low_min", &e->low_min, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "high_min", &e->high_min, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "after_lunch", &e->after_lunch, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "lunch_end", &e->lunch_end, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "after_close", &e->after_close, err)) != KZ_OK)
		return rc;
	return kz_wire_int64(j, "close_at", &e->close_at, err);
}

json_t *
kz_wire_ticket(const struct kz_ticket *t)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:I, s:b, s:I}", "id", (json_int_t)t->id, "number",
		t->number, "service", t->service, "day", t->day, "issued_at",
		(json_int_t)t->issued_at, "lunch_notice", t->lunch_notice, "resumes_at",
		(json_int_t)t->resumes_at);
}

int
kz_wire_ticket_parse(const json_t *j, struct kz_ticket *t, char *err)
{
	int rc;

	memset(t, 0, sizeof *t);
	t->state = KZ_TICKET_WAITING;
	if ((rc = kz_wire_int64(j, "id", &t->id, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "number", t->number, sizeof t->number, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "service", t->service, sizeof t->service, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "day", t->day, sizeof t->day, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "issued_at", &t->issued_at, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "lunch_notice", &t->lunch_notice, err)) != KZ_OK)
		return rc;
	return kz_wire_int64(j, "resumes_at", &t->resumes_at, err);
}

json_t *
kz_wire_job(const struct kz_print_job *job)
{
	return json_pack("{s:I, s:s, s:s}", "id", (json_int_t)job->id, "state",
		kz_job_state_name(job->state), "reason", job->reason);
}

int
kz_wire_job_parse(const json_t *j, struct kz_print_job *job, char *err)
{
	char state[16];
	int rc;

	memset(job, 0, sizeof *job);
	if ((rc = kz_wire_int64(j, "id", &job->id, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "state", state, sizeof state, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "reason", job->reason, sizeof job->reason, err)) != KZ_OK)
		return rc;
	job->state = kz_job_state_from_db(state);
	return KZ_OK;
}

json_t *
kz_wire_admin_pin(const struct kz_admin_pin *p)
{
	return json_pack("{s:b, s:b, s:i, s:I}", "set", p->set, "sample", p->sample, "tries",
		p->tries, "rest_until", (json_int_t)p->rest_until);
}

int
kz_wire_admin_pin_parse(const json_t *j, struct kz_admin_pin *p, char *err)
{
	int rc;

	memset(p, 0, sizeof *p);
	if ((rc = kz_wire_int(j, "set", &p->set, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "sample", &p->sample, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "tries", &p->tries, err)) != KZ_OK)
		return rc;
	return kz_wire_int64(j, "rest_until", &p->rest_until, err);
}

static const char *const refusals[] = {
	[KZ_BALLOT_MAY_VOTE] = "may_vote",
	[KZ_BALLOT_UNKNOWN] = "unknown",
	[KZ_BALLOT_NOT_SERVED] = "not_served",
	[KZ_BALLOT_CAST] = "cast",
	[KZ_BALLOT_WRONG_CODE] = "wrong_code",
};

const char *
kz_wire_refusal(enum kz_ballot_refusal why)
{
	return (unsigned)why < sizeof refusals / sizeof refusals[0] ? refusals[why] : "unknown";
}

enum kz_ballot_refusal
kz_wire_refusal_parse(const char *word)
{
	for (size_t i = 0; word && i < sizeof refusals / sizeof refusals[0]; i++)
		if (strcmp(word, refusals[i]) == 0)
			return (enum kz_ballot_refusal)i;
	return KZ_BALLOT_UNKNOWN;
}
