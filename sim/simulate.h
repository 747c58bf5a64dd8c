/*
 * simulate.h - a simulated day (or month) in the hall, for demonstrations
 * and for the managers' reports' tests.
 *
 * kz_simulate plays working days through the very operations the kiosk and
 * the clerks use (counter.h, ticket.h, feedback.h, application.h,
 * complaint.h), each with the clock stood at its moment (kz_clock_set) and
 * in time order, so the database holds exactly what real days would leave:
 * the rows, the event log, the numbering.  Nothing is printed (no print
 * jobs are queued).
 *
 * The model, per working day (kz_cal_is_working; hours from kz_cal_hours):
 *  - each configured counter opens a few minutes before opening (now and
 *    then a few after) under a clerk of a fixed roster of Kazakh and
 *    Russian names, one clerk per counter a day, rotating by day;
 *  - visitors arrive through the day: a few waiting at the door at
 *    opening, a ramp to a peak in the late morning, fewer in the half hour
 *    before lunch, a lull after it, a smaller afternoon peak; Mondays are
 *    busier than Fridays, and each day varies by up to 10%.  Those who come
 *    at lunch or after the last ticket are refused by kz_ticket_issue and
 *    go away (turned_away);
 *  - they take a ticket of a service by weight (the configuration's 1st,
 *    2nd, 3rd service: 50, 35, 15; any further one 10; a service no
 *    counter serves gets nobody); a free counter calls the next at once;
 *  - ~6% are not there when called (15% of those who waited through
 *    lunch): a third come up after the recall at 2 minutes, the rest are
 *    marked no-show 3 minutes later (~4% of tickets);
 *  - service takes a lognormal time: medians 12, 5 and 8 minutes for the
 *    1st, 2nd and 3rd service (8 for others), a tail in which ~2% of the
 *    1st service's run past 30 minutes; ~2% are transferred to another
 *    service and keep their turn there;
 *  - counters pause for lunch once their visitor is done and resume at
 *    its end; at closing they stop calling and finish the visitor they
 *    have; when the last is free it closes the day (kz_ticket_close_day:
 *    whoever still waits is not_served) and each counter closes;
 *  - feedback_percent of the served answer the four App. 4 questions at
 *    the kiosk 1-4 minutes later, in Kazakh or Russian (yes: quality 92%,
 *    information 88%, appeal 80%, politeness 95%, quality and appeal ten
 *    points lower after a wait over the limit than after a short one;
 *    ~5% of answers skipped);
 *  - with cases: ~40% of the 1st service's served visitors hand in an
 *    application (kz_app_accept; 15% legal entities, ~8% refused for a
 *    missing document, the notice sent the next working day); the rest
 *    are decided on the 1st to 3rd working day after, ~10% later (then
 *    approved), ~8% never (deemed approved after the due day); 65% of the
 *    2nd service's visitors collect the oldest ready result, in person or
 *    by proxy, and 5% of results are never collected; about one complaint
 *    every two days, most in person at the 3rd service's counter, some by
 *    post or e-mail, 85% answered within their term, 10% late.
 * With the default 102 visitors and 3 counters the hall is busy: queues
 * build towards lunch and about one wait in twelve exceeds 30 minutes,
 * the point of the managers' report (40 a counter overloads it: a quarter
 * of the waits go past the limit).
 * Each day's queue depends only on the seed and the date (its own random
 * streams, a generator of our own: the same database on every machine);
 * applications and complaints also carry over from the days before.
 */
#ifndef KZ_SIMULATE_H
#define KZ_SIMULATE_H

#include <stdint.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"

struct kz_ticket;

#define KZ_SIM_MAX_DAYS     400  /* days in one range, both ends included */
#define KZ_SIM_MAX_VISITORS 2000 /* visitors_per_day */

struct kz_sim_options {
	const char *from_day; /* first day, YYYY-MM-DD (required) */
	const char *to_day;   /* last day, included; NULL: from_day alone */
	uint64_t seed;        /* the same seed and days give the same database */
	int visitors_per_day; /* mean tickets of a day; 0: 34 for each counter
				   serving the 1st service (102 in the default hall) */
	int feedback_percent; /* of served visitors, 0-100 (default 30) */
	int cases;            /* also applications and complaints (default 1) */
	int with_real;        /* may go into a database that holds real visits */
	/* Called after each simulated working day (done of total); NULL: none. */
	void (*progress)(void *ctx, int done, int total);
	void *progress_ctx;
	/* Called after each ticket is issued, the clock standing at its
	 * moment, with on_issue_ctx: what the kiosk would tell that visitor
	 * can be asked here (bench/estimate_bench.c).  Another code than KZ_OK
	 * stops the simulation with it.  NULL: none. */
	int (*on_issue)(void *ctx, struct kz_db *db, const struct kz_ticket *t, char *err);
	void *on_issue_ctx;
};

struct kz_sim_result {
	int days;         /* working days simulated */
	int tickets;      /* tickets issued (transfers not counted again) */
	int served;       /* finished served */
	int no_shows;     /* finished no_show */
	int transferred;  /* finished transferred (then served elsewhere) */
	int turned_away;  /* came at lunch or after the last ticket: refused */
	int not_served;   /* still waiting at closing: office_closed */
	int feedback;     /* kiosk answers stored */
	int over_limit;   /* first calls after more than wait_limit minutes */
	int64_t max_wait; /* longest wait to a first call, seconds */
	int applications; /* accepted (registered or refused) */
	int refused;      /* of them refused for a missing document */
	int decided;      /* decisions recorded */
	int handed_over;  /* results collected */
	int complaints;   /* registered */
	int answered;     /* answers recorded */
};

/* The defaults: seed 1, the default visitors, 30% feedback, cases on;
 * from_day and to_day NULL. */
void kz_sim_options_init(struct kz_sim_options *o);

/* Simulate every working day of o->from_day .. o->to_day into db with the
 * hall cfg (its services and counters, in db already: kz_hall_sync) and
 * the calendar cal.  *out (may be NULL) is filled in either case with what
 * was done.  The clock is left standing at the last simulated moment.
 * Refused with nothing done:
 *  KZ_EINVAL   a malformed day, to_day before from_day, more than
 *              KZ_SIM_MAX_DAYS days, visitors_per_day outside
 *              0..KZ_SIM_MAX_VISITORS, feedback_percent outside 0..100, a
 *              hall with no service or no counter;
 *  KZ_EREJECT  db has tickets on a day of the range (a simulation never
 *              mixes with real days), a ticket of an earlier day is not
 *              done (close of day would end it), or a counter is not
 *              closed.
 * A range with no working day is KZ_OK with out->days 0.  Any other error
 * (KZ_EDB, KZ_EBUSY ...) stops the simulation where it happened: the days
 * and events before it stay in db, and err says at which moment. */
int kz_simulate(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const struct kz_sim_options *o, struct kz_sim_result *out, char *err);

#endif
