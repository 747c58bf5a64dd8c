/*
 * simulate.c - days of the hall played through the queue's own operations;
 * see simulate.h for the model.  Start at kz_simulate, then sim_day: a
 * discrete-event loop over one working day whose every event stands the
 * clock at its moment and calls one library operation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/application.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/simulated.h"
#include "queue/ticket.h"
#include "sim/cases.h"
#include "sim/people.h"
#include "sim/simulate.h"
#include "sim/state.h"

/* --- random numbers (rng.h: the same on every machine) ------------------ */

/* Stream tag of day (days since 1970) for seed: each day and purpose has
 * its own, so a day's queue does not depend on the days before it. */
enum { RNG_ARRIVALS = 1, RNG_VISITORS, RNG_ANSWERS, RNG_CASES, RNG_STAFF };

static struct kz_rng
rng_stream(uint64_t seed, int64_t day, int tag)
{
	struct kz_rng r = {seed};

	r.s = kz_rng_next(&r) ^ ((uint64_t)day * 0xD1B54A32D192ED03u);
	r.s = kz_rng_next(&r) ^ ((uint64_t)tag * 0xA24BAED4963EE407u);
	kz_rng_next(&r);
	return r;
}

/* Standard normal, near enough: twelve uniforms (Irwin-Hall), tails cut at 6. */
static double
rng_normal(struct kz_rng *r)
{
	double sum = 0;

	for (int i = 0; i < 12; i++)
		sum += kz_rng_unit(r);
	return sum - 6.0;
}

/* e^x by IEEE arithmetic alone (no libm: the same bits everywhere). */
static double
sim_exp(double x)
{
	const double ln2 = 0.69314718055994530942;
	double term = 1, sum = 1;
	int k = 0;

	while (x > 0.5) {
		x -= ln2;
		k++;
	}
	while (x < -0.5) {
		x += ln2;
		k--;
	}
	for (int n = 1; n < 20; n++) {
		term *= x / n;
		sum += term;
	}
	for (; k > 0; k--)
		sum *= 2;
	for (; k < 0; k++)
		sum /= 2;
	return sum;
}

/* --- the people ---------------------------------------------------------- */

/* The hall's staff; counters take them in turn, one a day each. */
static const struct sim_clerk roster[] = {
	{"Ахметова Айгерім Серікқызы", "бас маман"},
	{"Иванов Сергей Петрович", "главный специалист"},
	{"Жұмабаев Ерлан Болатұлы", "жетекші маман"},
	{"Смагулова Динара Маратовна", "ведущий специалист"},
	{"Петренко Ольга Николаевна", "специалист"},
	{"Сейітқали Нұрлан Асқарұлы", "бас маман"},
	{"Нурпеисова Гульнара Ериковна", "главный специалист"},
	{"Ким Виктория Александровна", "ведущий специалист"},
	{"Оспанов Даурен Кайратович", "специалист"},
	{"Әбдірахманова Салтанат Бақытжанқызы", "жетекші маман"},
	{"Кузнецов Андрей Владимирович", "главный специалист"},
	{"Тоқтарова Жанар Әділбекқызы", "маман"},
};

/* --- the model ----------------------------------------------------------- */

/* Per service by its place in the configuration: share of visitors,
 * median minutes at the counter, and the spread of the lognormal. */
static const struct {
	int weight;
	double median, sigma;
} service_model[] = {{50, 12, 0.42}, {35, 5, 0.35}, {15, 8, 0.35}};
static const int other_weight = 10;
static const double other_median = 8, other_sigma = 0.4;

/* Relative arrival rate at minute m of the day: a ramp from opening, a
 * peak before lunch, a lull after it, a smaller afternoon peak; a trickle
 * at lunch and after the last ticket (they are turned away). */
struct knot {
	int m;
	double w;
};

static double
interp(const struct knot *k, int n, int m)
{
	if (m <= k[0].m)
		return k[0].w;
	for (int i = 1; i < n; i++)
		if (m < k[i].m)
			return k[i - 1].w +
				(k[i].w - k[i - 1].w) * (m - k[i - 1].m) /
				(double)(k[i].m - k[i - 1].m);
	return k[n - 1].w;
}

/* Knots clamped into lo..hi and in order. */
static void
clamp_knots(struct knot *k, int n, int lo, int hi)
{
	for (int i = 0; i < n; i++) {
		if (k[i].m < lo)
			k[i].m = lo;
		if (k[i].m > hi)
			k[i].m = hi;
		if (i > 0 && k[i].m < k[i - 1].m)
			k[i].m = k[i - 1].m;
	}
}

static double
profile(const struct kz_hours *h, int m)
{
	int ls = h->lunch_start, le = h->lunch_end, last = h->close - h->last_ticket;

	if (le <= ls)
		ls = le = (h->open + h->close) / 2;
	if (m < h->open || m >= h->close)
		return 0;
	if ((m >= ls && m < le) || m >= last)
		return 0.25;
	if (m < ls) {
		struct knot k[] = {{h->open, 0.6}, {h->open + 60, 1.1}, {ls - 150, 1.35},
			{ls - 60, 1.3}, {ls - 30, 0.8}, {ls, 0.5}};
		clamp_knots(k, NELEM(k), h->open, ls);
		return interp(k, NELEM(k), m);
	}
	struct knot k[] = {{le, 0.7}, {le + 60, 0.9}, {le + 120, 1.1}, {le + 180, 1.0},
		{last, 0.6}};
	clamp_knots(k, NELEM(k), le, last > le ? last : le);
	return interp(k, NELEM(k), m);
}

/* May a ticket be had at minute m (the calendar's rule, by the minute)? */
static int
issuing(const struct kz_hours *h, int m)
{
	return m >= h->open && m < h->close - h->last_ticket &&
		!(m >= h->lunch_start && m < h->lunch_end);
}

static int
svc_index(const struct kz_config *cfg, const char *code)
{
	for (int i = 0; i < cfg->nservices; i++)
		if (strcmp(cfg->services[i].code, code) == 0)
			return i;
	return -1;
}

/* The library's message, said to be the simulation's at instant t. */
static int
stopped(struct sim *s, int rc, int64_t t)
{
	char msg[KZ_ERR_LEN], when[32];

	snprintf(msg, sizeof msg, "%s", s->err);
	kz_clock_format(t, "%Y-%m-%d %H:%M:%S", when, sizeof when);
	return kz_err(s->err, rc,
		"the simulation stopped at %s (the days before are in the database): %s", when,
		msg);
}

/* --- the hall ------------------------------------------------------------ */

/* Counters serving service svc that sit idle call the next at once. */
static int
wake(struct sim *s, int svc, int64_t t)
{
	for (int i = 0; i < s->ncounters; i++) {
		struct sim_counter *c = &s->counters[i];
		if (c->state != C_IDLE || c->call_pending || !(c->serves & (1u << svc)))
			continue;
		c->call_pending = 1;
		if (kz_sim_schedule(s, t + kz_rng_int(&s->visitors, 3, 20), EV_CALL, i, 0) != KZ_OK)
			return KZ_ENOMEM;
	}
	return KZ_OK;
}

static int
pause_counter(struct sim *s, struct sim_counter *c)
{
	c->state = C_PAUSED;
	c->call_pending = 0;
	c->lunch_due = 0;
	return kz_counter_pause(s->db, c->conf->number, NULL, NULL, s->err);
}

/* Counter c is free at its closing: it closes, and the last one first
 * closes the day. */
static int
counter_done(struct sim *s, struct sim_counter *c, int64_t t)
{
	int rc, closed = 0, at_counters = 0;

	c->state = C_DONE;
	c->call_pending = 0;
	if (++s->done == s->ncounters) {
		if ((rc = kz_ticket_close_day(s->db, &closed, &at_counters, s->err)) != KZ_OK)
			return rc;
		s->res->not_served += closed;
		kz_clock_set(t); /* however long that commit took */
	}
	return kz_counter_close(s->db, c->conf->number, NULL, NULL, s->err);
}

/* Counter c's visitor has gone at t. */
static int
counter_free(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];

	c->number[0] = '\0';
	if (c->closing)
		return counter_done(s, c, t);
	if (c->lunch_due)
		return pause_counter(s, c);
	c->state = C_IDLE;
	c->call_pending = 1;
	return kz_sim_schedule(s, t + kz_rng_int(&s->visitors, 5, 20), EV_CALL, i, 0);
}

static int
moved_today(struct sim *s, int64_t id)
{
	for (size_t i = 0; i < s->nmoved; i++)
		if (s->moved[i] == id)
			return 1;
	return 0;
}

static int
on_call(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	const struct kz_hours *h = s->h;
	struct kz_ticket tk;
	struct tm tm;
	int64_t wait;
	int rc, first, minute, lunch_waiter;

	if (c->state != C_IDLE || !c->call_pending)
		return KZ_OK; /* paused or closed since */
	c->call_pending = 0;
	kz_clock_local(t, &tm);
	minute = tm.tm_hour * 60 + tm.tm_min;
	if (minute >= h->lunch_start && minute < h->lunch_end)
		return pause_counter(s, c);
	rc = kz_ticket_next(s->db, c->conf->number, &tk, s->err);
	if (rc == KZ_EEMPTY)
		return KZ_OK; /* idle until someone comes */
	if (rc != KZ_OK)
		return rc;
	c->state = C_BUSY;
	snprintf(c->number, sizeof c->number, "%s", tk.number);
	c->svc = svc_index(s->cfg, tk.service);
	first = !moved_today(s, tk.id);
	wait = tk.called_at - tk.issued_at;
	c->waited_long = wait > (int64_t)s->cfg->wait_limit_min * 60;
	if (first) {
		if (wait > s->res->max_wait)
			s->res->max_wait = wait;
		s->res->over_limit += c->waited_long;
	}
	c->comes = 1;
	/* some who took a ticket just before lunch did not wait it out */
	lunch_waiter = h->lunch_end > h->lunch_start &&
		tk.issued_at < kz_date_at(s->today, h->lunch_start) &&
		tk.called_at >= kz_date_at(s->today, h->lunch_end);
	if (first && kz_rng_chance(&s->visitors, lunch_waiter ? P_ABSENT_LUNCH : P_ABSENT))
		c->comes = kz_rng_chance(&s->visitors, P_AFTER_RECALL) ? 2 : 0;
	if (c->comes == 1)
		return kz_sim_schedule(s, t + kz_rng_int(&s->visitors, 10, 40), EV_START, i, 0);
	return kz_sim_schedule(s, t + 120, EV_RECALL, i, 0);
}

static int
on_recall(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	struct kz_ticket tk;
	int rc = kz_ticket_recall(s->db, c->conf->number, &tk, s->err);

	if (rc != KZ_OK)
		return rc;
	if (c->comes == 2)
		return kz_sim_schedule(s, t + kz_rng_int(&s->visitors, 20, 90), EV_START, i, 0);
	return kz_sim_schedule(s, t + 180, EV_NO_SHOW, i, 0);
}

static int
on_no_show(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	struct kz_ticket tk;
	int rc = kz_ticket_finish(s->db, c->conf->number, KZ_NO_SHOW, NULL, c->number, &tk, s->err);

	if (rc != KZ_OK)
		return rc;
	s->res->no_shows++;
	return counter_free(s, i, t);
}

static int64_t
service_seconds(struct sim *s, int svc)
{
	double median = other_median, sigma = other_sigma, sec;

	if (svc >= 0 && svc < NELEM(service_model)) {
		median = service_model[svc].median;
		sigma = service_model[svc].sigma;
	}
	sec = median * 60 * sim_exp(sigma * rng_normal(&s->visitors));
	if (sec < 60)
		sec = 60;
	if (sec > 7200)
		sec = 7200;
	return (int64_t)sec;
}

static int
on_start(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	struct kz_ticket tk;
	int rc = kz_ticket_start(s->db, c->conf->number, &tk, s->err);

	if (rc != KZ_OK)
		return rc;
	return kz_sim_schedule(s, t + service_seconds(s, c->svc), EV_FINISH, i, 0);
}

/* Another service someone comes for, by weight; -1 if there is none. */
static int
transfer_target(struct sim *s, int svc)
{
	int total = s->total_weight - (svc >= 0 ? s->weight[svc] : 0), r;

	if (total <= 0)
		return -1;
	r = kz_rng_int(&s->visitors, 0, total - 1);
	for (int j = 0; j < s->cfg->nservices; j++) {
		if (j == svc)
			continue;
		if (r < s->weight[j])
			return j;
		r -= s->weight[j];
	}
	return -1;
}

/* The index of the service whose prefix begins number ("A-015"): a
 * ballot's ticket is the number the visitor holds. */
static int
ballot_service(const struct sim *s, const char *number)
{
	size_t n = strcspn(number, "-");

	for (int i = 0; i < s->cfg->nservices; i++)
		if (strlen(s->cfg->services[i].prefix) == n &&
			strncmp(s->cfg->services[i].prefix, number, n) == 0)
			return i;
	return 0;
}

static int
on_finish(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	struct kz_ticket tk;
	int64_t *moved;
	int to = kz_rng_chance(&s->visitors, P_TRANSFER) ? transfer_target(s, c->svc) : -1, rc;

	if (to >= 0) {
		rc = kz_ticket_finish(s->db, c->conf->number, KZ_TRANSFERRED,
			s->cfg->services[to].code, c->number, &tk, s->err);
		if (rc != KZ_OK)
			return rc;
		s->res->transferred++;
		if ((moved = kz_sim_grow(s->moved, &s->moved_cap, s->nmoved, sizeof *moved)) ==
			NULL)
			return kz_sim_nomem(s);
		s->moved = moved;
		s->moved[s->nmoved++] = tk.id;
		if ((rc = wake(s, to, t)) != KZ_OK)
			return rc;
		return counter_free(s, i, t);
	}
	/* whether they answer at the kiosk: drawn before the cases, whose
	 * draws come from their own stream */
	if (kz_rng_chance(&s->visitors, s->o->feedback_percent / 100.0) &&
		(rc = kz_sim_schedule(s, t + kz_rng_int(&s->visitors, 60, 240), EV_FEEDBACK,
			 ballot_service(s, c->number),
			 atoi(strchr(c->number, '-') + 1) * 2 + c->waited_long)) != KZ_OK)
		return rc;
	if (s->o->cases && (rc = kz_sim_case_hooks(s, c)) != KZ_OK)
		return rc;
	kz_clock_set(t); /* however long the case's commit took */
	rc = kz_ticket_finish(s->db, c->conf->number, KZ_SERVED, NULL, c->number, &tk, s->err);
	if (rc != KZ_OK)
		return rc;
	s->res->served++;
	return counter_free(s, i, t);
}

static int
on_lunch(struct sim *s, int i)
{
	struct sim_counter *c = &s->counters[i];

	if (c->state == C_IDLE)
		return pause_counter(s, c);
	if (c->state == C_BUSY)
		c->lunch_due = 1;
	return KZ_OK;
}

static int
on_resume(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	int rc;

	c->lunch_due = 0;
	if (c->state != C_PAUSED)
		return KZ_OK;
	if ((rc = kz_counter_open(s->db, c->conf->number, c->clerk, c->position, s->err)) != KZ_OK)
		return rc;
	c->state = C_IDLE;
	c->call_pending = 1;
	return kz_sim_schedule(s, t, EV_CALL, i, 0);
}

static int
on_close(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];

	c->closing = 1;
	if (c->state == C_IDLE || c->state == C_PAUSED)
		return counter_done(s, c, t);
	return KZ_OK;
}

static int
on_open(struct sim *s, int i, int64_t t)
{
	struct sim_counter *c = &s->counters[i];
	int rc = kz_counter_open(s->db, c->conf->number, c->clerk, c->position, s->err);

	if (rc != KZ_OK)
		return rc;
	c->state = C_IDLE;
	c->call_pending = 1;
	return kz_sim_schedule(s, t, EV_CALL, i, 0);
}

static int
on_arrive(struct sim *s, int svc, int64_t t)
{
	struct kz_ticket tk;
	int rc = kz_ticket_issue(s->db, s->cal, s->cfg->services[svc].code, &tk, s->err);

	if (rc == KZ_ECLOSED) {
		s->res->turned_away++;
		return KZ_OK;
	}
	if (rc != KZ_OK)
		return rc;
	s->res->tickets++;
	if (s->o->on_issue &&
		(rc = s->o->on_issue(s->o->on_issue_ctx, s->db, &tk, s->err)) != KZ_OK)
		return rc;
	return wake(s, svc, t);
}

/* An answer, skipped now and then. */
static int
answer(struct sim *s, double yes)
{
	if (kz_rng_chance(&s->answers, 0.05))
		return -1;
	return kz_rng_chance(&s->answers, yes) ? 1 : 0;
}

/* who of the ballot's EV_FEEDBACK: the service whose prefix its number
 * carries (a transferred visitor keeps the first service's number); arg is
 * the sequence times two plus whether the wait was over the limit. */
static int
on_feedback(struct sim *s, int who, int arg)
{
	struct kz_feedback fb = {.lang = "kk"};
	/* a long wait colours the answers: ten points less on quality and
	 * appeal than after a short one, near the targets overall */
	double shift = arg % 2 ? -0.08 : 0.02;
	char day[11];
	int rc;

	snprintf(fb.ticket, sizeof fb.ticket, "%.15s-%03d", s->cfg->services[who].prefix,
		(arg / 2) % 1000000);
	/* the check code the visitor reads off their ticket */
	kz_clock_day(kz_clock_now(), day);
	if ((rc = kz_ballot_code(s->db, day, fb.ticket, fb.code, s->err)) != KZ_OK)
		return rc;
	if (kz_rng_chance(&s->answers, 0.45))
		memcpy(fb.lang, "ru", 3);
	if (s->cfg->nkiosks > 0)
		snprintf(fb.kiosk, sizeof fb.kiosk, "%.31s", s->cfg->kiosks[0].name);
	fb.quality = answer(s, 0.92 + shift);
	fb.information = answer(s, 0.88);
	fb.appeal = answer(s, 0.80 + shift);
	fb.politeness = answer(s, 0.95);
	if (fb.quality < 0 && fb.information < 0 && fb.appeal < 0 && fb.politeness < 0)
		fb.quality = kz_rng_chance(&s->answers, 0.92 + shift);
	if ((rc = kz_feedback_add(s->db, &fb, NULL, NULL, s->err)) != KZ_OK)
		return rc;
	s->res->feedback++;
	return KZ_OK;
}

/* --- one day ------------------------------------------------------------ */

static int
pick_service(struct sim *s)
{
	int r = kz_rng_int(&s->arrivals, 0, s->total_weight - 1);

	for (int j = 0; j < s->cfg->nservices; j++) {
		if (r < s->weight[j])
			return j;
		r -= s->weight[j];
	}
	return 0;
}

/* The day's visitors: a few at the door at opening, then one a second
 * with the chance the profile gives. */
static int
plan_arrivals(struct sim *s)
{
	static const double by_weekday[] = {0.9, 1.15, 1.05, 1.0, 0.95, 0.85, 0.9};
	const struct kz_hours *h = s->h;
	double target = s->per_day * by_weekday[kz_date_weekday(s->today)] *
		(0.9 + 0.2 * kz_rng_unit(&s->arrivals));
	double door = target / 30 * (0.5 + kz_rng_unit(&s->arrivals)), w = 0, scale;
	int64_t open = kz_date_at(s->today, h->open);
	int ndoor = (int)(door + 0.5), rc;

	for (int i = 0; i < ndoor; i++)
		if ((rc = kz_sim_schedule(s, open + 5 + i * kz_rng_int(&s->arrivals, 8, 20),
			     EV_ARRIVE, pick_service(s), 0)) != KZ_OK)
			return rc;
	for (int m = h->open; m < h->close; m++)
		if (issuing(h, m))
			w += profile(h, m) * 60;
	if (w <= 0)
		return KZ_OK;
	scale = (target - ndoor > 0 ? target - ndoor : 0) / w;
	for (int m = h->open; m < h->close; m++) {
		double p = profile(h, m) * scale;
		for (int sec = 0; sec < 60; sec++)
			if (kz_rng_chance(&s->arrivals, p) &&
				(rc = kz_sim_schedule(s, kz_date_at(s->today, m) + sec, EV_ARRIVE,
					 pick_service(s), 0)) != KZ_OK)
				return rc;
	}
	return KZ_OK;
}

/* Counters open under today's clerks, break for lunch, close. */
static int
plan_counters(struct sim *s, int64_t day_index)
{
	const struct kz_hours *h = s->h;
	int n = NELEM(roster) > s->ncounters ? NELEM(roster) : s->ncounters, rc;

	for (int i = 0; i < s->ncounters; i++) {
		struct sim_counter *c = &s->counters[i];
		int k = (int)((day_index + i) % n);
		int64_t open = kz_date_at(s->today, h->open);
		c->state = C_CLOSED;
		c->call_pending = c->lunch_due = c->closing = 0;
		c->number[0] = '\0';
		if (k < NELEM(roster)) {
			snprintf(c->clerk, sizeof c->clerk, "%s", roster[k].name);
			c->position = roster[k].position;
		} else {
			/* a hall larger than the roster: more staff, named in turn */
			kz_sim_staff_name(k, c->clerk, sizeof c->clerk);
			c->position = "специалист";
		}
		open += kz_rng_chance(&s->staff, 0.9) ? -kz_rng_int(&s->staff, 120, 600)
						      : kz_rng_int(&s->staff, 60, 480);
		if ((rc = kz_sim_schedule(s, open, EV_OPEN, i, 0)) != KZ_OK)
			return rc;
		if (h->lunch_end > h->lunch_start &&
			((rc = kz_sim_schedule(s, kz_date_at(s->today, h->lunch_start), EV_LUNCH, i,
				  0)) != KZ_OK ||
				(rc = kz_sim_schedule(s,
					 kz_date_at(s->today, h->lunch_end) +
						 kz_rng_int(&s->staff, 0, 90),
					 EV_RESUME, i, 0)) != KZ_OK))
			return rc;
		if ((rc = kz_sim_schedule(s, kz_date_at(s->today, h->close), EV_CLOSE, i, 0)) !=
			KZ_OK)
			return rc;
	}
	return KZ_OK;
}

/* Today's case events from the agenda, and perhaps a complaint by post. */
static int
plan_cases(struct sim *s)
{
	size_t keep = 0;
	int rc;

	for (size_t i = 0; i < s->nagenda; i++) {
		struct event e = s->agenda[i];
		int cmp = kz_date_cmp(kz_date_of(e.at), s->today);
		if (cmp == 0 && (rc = kz_sim_schedule(s, e.at, e.kind, e.who, e.arg)) != KZ_OK)
			return rc;
		if (cmp > 0)
			s->agenda[keep++] = e;
	}
	s->nagenda = keep;
	if (s->o->cases && kz_rng_chance(&s->cases, P_MAIL_COMPLAINT))
		return kz_sim_schedule(s,
			kz_sim_office_moment(s, s->today, s->h->open + 60, s->h->lunch_start),
			EV_MAIL, 0, 0);
	return KZ_OK;
}

static int
handle(struct sim *s, const struct event *e)
{
	switch (e->kind) {
	case EV_OPEN:
		return on_open(s, e->who, e->at);
	case EV_ARRIVE:
		return on_arrive(s, e->who, e->at);
	case EV_CALL:
		return on_call(s, e->who, e->at);
	case EV_RECALL:
		return on_recall(s, e->who, e->at);
	case EV_NO_SHOW:
		return on_no_show(s, e->who, e->at);
	case EV_START:
		return on_start(s, e->who, e->at);
	case EV_FINISH:
		return on_finish(s, e->who, e->at);
	case EV_LUNCH:
		return on_lunch(s, e->who);
	case EV_RESUME:
		return on_resume(s, e->who, e->at);
	case EV_CLOSE:
		return on_close(s, e->who, e->at);
	case EV_FEEDBACK:
		return on_feedback(s, e->who, e->arg);
	case EV_DECIDE:
		return kz_sim_on_decide(s, e->who, e->arg);
	case EV_NOTICE:
		return kz_sim_on_notice(s, e->who);
	case EV_MAIL:
		return kz_sim_complain(s, 0,
			kz_rng_chance(&s->cases, 0.5) ? KZ_CHANNEL_POST : KZ_CHANNEL_EMAIL);
	case EV_ANSWER:
		return kz_sim_on_answer(s, e->who);
	}
	return KZ_OK;
}

static int
sim_day(struct sim *s)
{
	int64_t day_index = kz_date_days(s->today);
	int rc;

	kz_date_format(s->today, s->day);
	s->arrivals = rng_stream(s->o->seed, day_index, RNG_ARRIVALS);
	s->visitors = rng_stream(s->o->seed, day_index, RNG_VISITORS);
	s->answers = rng_stream(s->o->seed, day_index, RNG_ANSWERS);
	s->cases = rng_stream(s->o->seed, day_index, RNG_CASES);
	s->staff = rng_stream(s->o->seed, day_index, RNG_STAFF);
	s->heap.n = 0;
	s->nmoved = 0;
	s->done = 0;
	if ((rc = plan_counters(s, day_index)) != KZ_OK || (rc = plan_arrivals(s)) != KZ_OK ||
		(rc = plan_cases(s)) != KZ_OK)
		return rc;
	while (s->heap.n > 0) {
		struct event e = kz_sim_heap_pop(&s->heap);
		kz_clock_set(e.at);
		if ((rc = handle(s, &e)) != KZ_OK)
			return rc == KZ_ENOMEM ? rc : stopped(s, rc, e.at);
	}
	s->res->days++;
	return KZ_OK;
}

/* --- checks and the range ---------------------------------------------- */

/* Nothing in db that the range would mix with or disturb. */
static int
check_db(struct kz_db *db, const struct kz_sim_options *o, const char *from, const char *to,
	char *err)
{
	enum kz_counter_state state;
	char first[11] = "";
	int64_t n = 0, simulated = 0;
	int rc, number = 0;

	if ((rc = kz_simulated_count(db, &n, &simulated, err)) != KZ_OK)
		return rc;
	if (n > 0 && !o->with_real)
		return kz_err(err, KZ_EREJECT,
			"the database holds %lld real visits (tickets no simulation made); simulated "
			"days would mix with them in every report: simulate into another database "
			"(--db FILE), or say --with-real-visits if that is what you mean",
			(long long)n);

	if ((rc = kz_ticket_count_days(db, from, to, &n, first, err)) != KZ_OK)
		return rc;
	if (n > 0)
		return kz_err(err, KZ_EREJECT,
			"the database has %lld tickets from %s on, within %s .. %s; a simulation never "
			"mixes with real days: simulate into another database (--db FILE) or other "
			"days",
			(long long)n, first, from, to);
	if ((rc = kz_ticket_count_unfinished(db, from, &n, first, err)) != KZ_OK)
		return rc;
	if (n > 0)
		return kz_err(err, KZ_EREJECT,
			"%lld tickets of earlier days (from %s) are not done, and the simulated close "
			"of day would end them; finish them and close that day first",
			(long long)n, first);
	if ((rc = kz_counter_first_unclosed(db, &number, &state, err)) != KZ_OK)
		return rc;
	if (number != 0)
		return kz_err(err, KZ_EREJECT,
			"counter %d is %s; the simulated clerks open every counter, so close it first "
			"('kezek counter close %d')",
			number, kz_counter_state_name(state), number);
	return KZ_OK;
}

static int
check_options(const struct kz_config *cfg, const struct kz_sim_options *o, struct kz_date *from,
	struct kz_date *to, char *err)
{
	const char *last = o->to_day ? o->to_day : o->from_day;
	int64_t days;

	if (o->from_day == NULL || kz_date_parse(o->from_day, from) != 0)
		return kz_err(err, KZ_EINVAL, "'%s' is not a day; write it as 2026-03-20",
			o->from_day ? o->from_day : "");
	if (kz_date_parse(last, to) != 0)
		return kz_err(err, KZ_EINVAL, "'%s' is not a day; write it as 2026-03-31", last);
	days = kz_date_days(*to) - kz_date_days(*from) + 1;
	if (days < 1)
		return kz_err(err, KZ_EINVAL, "the last day %s is before the first %s; swap them",
			last, o->from_day);
	if (days > KZ_SIM_MAX_DAYS)
		return kz_err(err, KZ_EINVAL,
			"%s .. %s is %lld days; simulate at most %d at a time", o->from_day, last,
			(long long)days, KZ_SIM_MAX_DAYS);
	if (o->visitors_per_day < 0 || o->visitors_per_day > KZ_SIM_MAX_VISITORS)
		return kz_err(err, KZ_EINVAL, "%d visitors a day is out of range; give 1 to %d",
			o->visitors_per_day, KZ_SIM_MAX_VISITORS);
	if (o->feedback_percent < 0 || o->feedback_percent > 100)
		return kz_err(err, KZ_EINVAL,
			"feedback from %d%% of visitors is not a share; give "
			"0 to 100",
			o->feedback_percent);
	if (cfg->nservices == 0 || cfg->ncounters == 0)
		return kz_err(err, KZ_EINVAL,
			"the hall has no %s to simulate; add [%s] sections to %s",
			cfg->nservices == 0 ? "service" : "counter",
			cfg->nservices == 0 ? "service CODE" : "counter NUMBER",
			cfg->path[0] ? cfg->path : "hall.ini");
	return KZ_OK;
}

/* Counters, service weights and the rates that follow from cfg. */
static int
setup_hall(struct sim *s, char *err)
{
	const struct kz_config *cfg = s->cfg;
	int intake_counters = 0;

	s->ncounters = cfg->ncounters;
	for (int i = 0; i < cfg->ncounters; i++) {
		struct sim_counter *c = &s->counters[i];
		c->conf = &cfg->counters[i];
		for (int k = 0; k < c->conf->nservices; k++) {
			int j = svc_index(cfg, c->conf->services[k]);
			if (j >= 0)
				c->serves |= 1u << j;
		}
		intake_counters += (c->serves & 1u) != 0;
	}
	for (int j = 0; j < cfg->nservices; j++) {
		int served = 0;
		for (int i = 0; i < s->ncounters; i++)
			served |= (s->counters[i].serves >> j) & 1u;
		s->weight[j] = !served             ? 0
			: j < NELEM(service_model) ? service_model[j].weight
						   : other_weight;
		s->total_weight += s->weight[j];
	}
	if (s->total_weight == 0)
		return kz_err(err, KZ_EINVAL,
			"no counter serves any service; list services under [counter N] in %s",
			cfg->path[0] ? cfg->path : "hall.ini");
	s->per_day = s->o->visitors_per_day
		? s->o->visitors_per_day
		: 34 * (intake_counters ? intake_counters : s->ncounters);
	if (cfg->nservices > COMPLAINT_SVC && s->weight[COMPLAINT_SVC] > 0) {
		/* most complaints are written at that service's counter */
		double expected = s->per_day * s->weight[COMPLAINT_SVC] / (double)s->total_weight;
		s->complaint_p = (COMPLAINTS_A_DAY - P_MAIL_COMPLAINT) / expected;
		if (s->complaint_p > 1)
			s->complaint_p = 1;
	}
	return KZ_OK;
}

void
kz_sim_options_init(struct kz_sim_options *o)
{
	memset(o, 0, sizeof *o);
	o->seed = 1;
	o->feedback_percent = 30;
	o->cases = 1;
}

int
kz_simulate(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const struct kz_sim_options *o, struct kz_sim_result *out, char *err)
{
	struct kz_sim_result res = {0};
	char buf[KZ_ERR_LEN] = "", from_day[11], to_day[11];
	struct kz_date from, to;
	struct sim *s;
	int64_t first_id = 0;
	int rc, done = 0, total = 0;

	if (err == NULL)
		err = buf;
	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = check_options(cfg, o, &from, &to, err)) != KZ_OK)
		return rc;
	kz_date_format(from, from_day);
	kz_date_format(to, to_day);
	if ((rc = check_db(db, o, from_day, to_day, err)) != KZ_OK ||
		(rc = kz_simulated_next_id(db, &first_id, err)) != KZ_OK)
		return rc;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory starting a simulation");
	s->db = db;
	s->cal = cal;
	s->cfg = cfg;
	s->h = kz_cal_hours(cal);
	s->o = o;
	s->res = &res;
	s->err = err;
	s->last = to;
	for (int64_t d = kz_date_days(from); d <= kz_date_days(to); d++)
		total += kz_cal_is_working(cal, kz_date_from_days(d));
	if ((rc = setup_hall(s, err)) == KZ_OK)
		for (int64_t d = kz_date_days(from); d <= kz_date_days(to); d++) {
			s->today = kz_date_from_days(d);
			if (!kz_cal_is_working(cal, s->today))
				continue;
			if ((rc = sim_day(s)) != KZ_OK)
				break;
			if (o->progress != NULL)
				o->progress(o->progress_ctx, ++done, total);
		}
	/* whatever was made, even by a run that stopped, is marked */
	if (kz_simulated_record(db, from_day, to_day, o->seed, first_id, rc == KZ_OK ? err : buf) !=
			KZ_OK &&
		rc == KZ_OK)
		rc = KZ_EDB;
	free(s->heap.v);
	free(s->agenda);
	free(s->moved);
	free(s->apps);
	free(s->complaints);
	free(s);
	if (out)
		*out = res;
	return rc;
}
