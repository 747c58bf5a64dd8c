/*
 * api-visit.c - GET /api/visit/TOKEN?lang=kk|ru: what the visitor's phone
 * page shows of the ticket whose link it opened (queue/visit.h): the
 * number, the service, how many are ahead and when (the kiosk's own
 * estimate), the counter once called.  Public, from any network, no
 * session; a forged token, another day's or a malformed one are one 404.
 * Never a name, an IIN or anything else of a person: a ticket has none.
 */
#include <string.h>

#include <microhttpd.h>

#include "events.h"
#include "queue/clock.h"
#include "queue/visit.h"
#include "routes.h"

/* The request's language: ?lang=, else Russian. */
static const char *
visit_lang(struct hall_req *r)
{
	const char *l = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "lang");

	return l != NULL && strcmp(l, "kk") == 0 ? "kk" : "ru";
}

/* The estimate as the kiosk tells it, or null. */
static json_t *
estimate_json(const struct kz_wait_estimate *e)
{
	if (!e->waiting || !e->known)
		return json_null();
	return json_pack("{s:i, s:i, s:I, s:b, s:b, s:I}", "low_min", e->low_min, "high_min",
		e->high_min, "call_at", (json_int_t)kz_estimate_round_time(e->call_at),
		"after_lunch", e->after_lunch, "after_close", e->after_close, "close_at",
		(json_int_t)e->close_at);
}

int
hall_visit_find(struct hall_req *r, const char *token, struct kz_visit *v)
{
	char err[KZ_ERR_LEN];
	int rc;

	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_visit_find(r->hall->db, &r->hall->cfg->hours, token, v, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_ENOTFOUND)
		return hall_fail(r, 404, "not_found",
			N("This link is not known or no longer valid: a ticket's link works "
			  "on the day the ticket was taken."),
			err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The server could not do it; try again in a moment."),
			err);
	return KZ_OK;
}

int
hall_visit_get(struct hall_req *r)
{
	const char *token = r->path + strlen("/api/visit/");
	int kk = strcmp(r->lang = visit_lang(r), "kk") == 0;
	struct kz_visit v;
	json_t *out;

	if (hall_visit_find(r, token, &v) != KZ_OK)
		return KZ_EREJECT;
	out = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:i}", "now",
		(json_int_t)kz_clock_now(), "version",
		(json_int_t)hall_events_version(r->hall->events), "number", v.number, "service",
		v.service, "service_name", kk ? v.name_kk : v.name_ru, "state", v.state,
		"issued_at", (json_int_t)v.issued_at, "recalls", v.recalls);
	json_object_set_new(out, "outcome", v.outcome[0] ? json_string(v.outcome) : json_null());
	json_object_set_new(out, "counter", v.counter > 0 ? json_integer(v.counter) : json_null());
	json_object_set_new(out, "called_at",
		v.called_at > 0 ? json_integer(v.called_at) : json_null());
	json_object_set_new(out, "ahead", v.est.waiting ? json_integer(v.est.ahead) : json_null());
	json_object_set_new(out, "estimate", estimate_json(&v.est));
	hall_ok(r, out);
	return KZ_OK;
}
