/*
 * api-manager.c - GET /api/hall, the manager's live page: every service's
 * waiting count and longest wait, every counter's state (since when) and
 * its visitor's service time, alerts for waits and services past 25 and
 * 30 minutes (the limits of p.7.2 and p.7.3 and a warning before them),
 * and today's figures so far from the report (queue/report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/report.h"
#include "queue/status.h"
#include "queue/wait.h"
#include "routes.h"

#define WARN_BEFORE (5 * 60) /* seconds before a limit that an alert comes */
#define MAX_ALERTS  64

static const char *
name_of(const struct hall_req *r, const char *kk, const char *ru)
{
	return strcmp(r->lang, "kk") == 0 ? kk : ru;
}

static json_t *
services_json(const struct hall_req *r, const struct kz_status *st)
{
	json_t *a = json_array();

	for (int i = 0; i < st->nservices; i++) {
		const struct kz_service_status *s = &st->services[i];
		json_array_append_new(a,
			json_pack("{s:s, s:s, s:i, s:I}", "service", s->code, "name",
				name_of(r, s->name_kk, s->name_ru), "waiting", s->waiting,
				"longest_wait_seconds", (json_int_t)s->longest_wait));
	}
	return a;
}

/* The counters, with a service alert for each visitor near or past the limit. */
static int
counters_json(struct hall_req *r, const struct kz_status *st, json_t *counters, json_t *alerts,
	char *err)
{
	int64_t limit = r->hall->cfg->service_limit_min * 60L;
	int rc;

	for (int i = 0; i < st->ncounters; i++) {
		const struct kz_counter_status *k = &st->counters[i];
		int64_t since = 0, served = k->ticket[0] ? st->now - k->ticket_since : 0;
		json_t *o;

		if ((rc = kz_counter_since(r->hall->db, k->number, &since, err)) != KZ_OK)
			return rc;
		o = json_pack("{s:i, s:s, s:I, s:s}", "counter", k->number, "state",
			kz_counter_state_name(k->state), "since", (json_int_t)since, "clerk",
			k->clerk);
		json_object_set_new(o, "ticket",
			k->ticket[0] ? json_string(k->ticket) : json_null());
		json_object_set_new(o, "ticket_state",
			k->ticket[0] ? json_string(k->ticket_state == KZ_TICKET_SERVING ? "serving"
											: "called")
				     : json_null());
		json_object_set_new(o, "service_seconds",
			k->ticket[0] ? json_integer(served) : json_null());
		json_array_append_new(counters, o);
		if (k->ticket[0] && served >= limit - WARN_BEFORE)
			json_array_append_new(alerts,
				json_pack("{s:s, s:i, s:s, s:i, s:I}", "kind", "service", "level",
					served >= limit ? (int)(limit / 60)
							: (int)((limit - WARN_BEFORE) / 60),
					"ticket", k->ticket, "counter", k->number, "seconds",
					(json_int_t)served));
	}
	return KZ_OK;
}

/* A wait alert for each ticket waiting near or past the limit. */
static int
wait_alerts(struct hall_req *r, const struct kz_status *st, json_t *alerts, char *err)
{
	int64_t limit = r->hall->cfg->wait_limit_min * 60L;
	struct kz_waiting w[MAX_ALERTS];
	int n, rc;

	if ((rc = kz_status_waiting(r->hall->db, limit - WARN_BEFORE, w, MAX_ALERTS, &n, err)) !=
		KZ_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		int64_t waited = kz_wait_seconds(w[i].issued_at, 0, st->now);
		json_t *a = json_pack("{s:s, s:i, s:s, s:s, s:I}", "kind", "wait", "level",
			waited >= limit ? (int)(limit / 60) : (int)((limit - WARN_BEFORE) / 60),
			"ticket", w[i].number, "service", w[i].service, "seconds",
			(json_int_t)waited);
		json_object_set_new(a, "counter", json_null());
		json_array_append_new(alerts, a);
	}
	return KZ_OK;
}

static json_t *
share(const struct kz_stat *s)
{
	return s->n ? json_real((double)s->within * 100.0 / s->n) : json_null();
}

static int
today_json(struct hall_req *r, const struct kz_status *st, json_t **out, char *err)
{
	struct kz_report *rep = NULL;
	json_t *hours = json_array();
	int rc = kz_report_build(r->hall->db, r->hall->opt.cal, r->hall->cfg, st->day, st->day,
		&rep, err);

	if (rc != KZ_OK) {
		json_decref(hours);
		return rc;
	}
	for (int h = 0; h < 24; h++) {
		const struct kz_report_group *g = &rep->hours[h];
		if (g->places == 0)
			continue;
		json_array_append_new(hours,
			json_pack("{s:i, s:i, s:i, s:I}", "hour", h, "issued", g->places, "served",
				g->served, "median_wait_seconds", (json_int_t)g->wait.median));
	}
	*out = json_pack("{s:i, s:i, s:i, s:i, s:o, s:o, s:I, s:I, s:o}", "issued", rep->issued,
		"served", rep->total.served, "no_shows", rep->total.no_shows, "not_served",
		rep->total.not_served, "within_wait_share", share(&rep->total.wait),
		"within_service_share", share(&rep->total.service), "median_wait_seconds",
		(json_int_t)rep->total.wait.median, "median_service_seconds",
		(json_int_t)rep->total.service.median, "by_hour", hours);
	kz_report_free(rep);
	return KZ_OK;
}

static int
hall_answer(struct hall_req *r)
{
	static struct kz_status st; /* large: kept off the thread's stack, under db_lock */
	json_t *counters = json_array(), *alerts = json_array(), *today = NULL;
	char err[KZ_ERR_LEN];
	int rc;

	if ((rc = kz_status_read(r->hall->db, &st, err)) != KZ_OK ||
		(rc = wait_alerts(r, &st, alerts, err)) != KZ_OK ||
		(rc = counters_json(r, &st, counters, alerts, err)) != KZ_OK ||
		(rc = today_json(r, &st, &today, err)) != KZ_OK) {
		json_decref(counters);
		json_decref(alerts);
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	}
	hall_ok(r,
		json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:{s:i, s:i, s:i}}", "now",
			(json_int_t)st.now, "day", st.day, "services", services_json(r, &st),
			"counters", counters, "alerts", alerts, "today", today, "limits",
			"wait_seconds", r->hall->cfg->wait_limit_min * 60, "service_seconds",
			r->hall->cfg->service_limit_min * 60, "warn_before_seconds", WARN_BEFORE));
	return KZ_OK;
}

int
hall_hall(struct hall_req *r)
{
	int rc;

	pthread_mutex_lock(&r->hall->db_lock);
	rc = hall_answer(r);
	pthread_mutex_unlock(&r->hall->db_lock);
	return rc;
}
