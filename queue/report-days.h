/*
 * report-days.h - the report's per-day summaries: a day's counts by
 * service, counter, clerk and hour, and its waits and service times as
 * histograms at one-second resolution (sorted pairs of seconds and how
 * many), from which a report over any range is merged (queue/report.c)
 * without reading a ticket of a past day.
 *
 * The day's kiosk feedback (App. 4) and the applications accepted that day
 * (their terms, as days) are kept with it, since a report reads them too.
 *
 * A summary is worked out from the day's ticket rows (the event log's
 * projection, which `kezek check` rebuilds and compares) with the
 * definitions of queue/wait.h, and kept in report_days with what it was
 * worked out under (the time zone, the lunch break and the wait limit):
 *  - triggers on tickets, feedback and applications delete a day's summary
 *    whenever a row of that day is added, changed or removed (a late
 *    finish, close of day, a transfer, a decision, a hand-over, a repair),
 *    so a stored summary always matches its rows; the purge of personal
 *    data changes none of the columns a summary reads;
 *  - a summary made under other hours or limits is stale and not used;
 *  - a day with none is summarised on demand (kz_report_days_refresh) or,
 *    where the database cannot be written, worked out in memory each time;
 *  - today and later days are never read from a summary: their figures are
 *    the tickets' as they are now.
 */
#ifndef KZ_REPORT_DAYS_H
#define KZ_REPORT_DAYS_H

#include <stdint.h>

#include "config.h"
#include "db.h"
#include "feedback.h"
#include "report.h"

enum kz_sum_kind { KZ_SUM_TOTAL, KZ_SUM_SERVICE, KZ_SUM_COUNTER, KZ_SUM_CLERK, KZ_SUM_HOUR };

/* Durations as (seconds, count) pairs, seconds rising; no count is 0.
 * Worked out from tickets, the pairs are in secs and count; read from a
 * stored summary, they stay in their stored bytes (packed, packed_len),
 * which a report adds into its histograms as it reads them
 * (kz_sum_hist_add) with no copy made. */
struct kz_sum_hist {
	int64_t *secs;
	uint32_t *count;
	int n, cap;
	int64_t total; /* the counts' sum */
	int64_t max;   /* the last pair's seconds; -1 when there are none */
	const unsigned char *packed;
	size_t packed_len;
};

/* Where a walk through a histogram's pairs has got to. */
struct kz_sum_walk {
	const struct kz_sum_hist *h;
	const unsigned char *p;
	int i;
	int64_t at;
};

/* One group's figures for the day. */
struct kz_sum_group {
	int kind;   /* enum kz_sum_kind */
	int64_t id; /* the service's, counter's or clerk's row id; the hour; 0 for the total */
	int places, served, no_shows, transferred, cancelled, not_served;
	int lunch, lunch_over; /* as struct kz_report_group's */
	struct kz_sum_hist wait, service;
};

/* An application accepted that day, its dates as days since 1970 (-1:
 * none), so that the report can judge it against any today. */
struct kz_sum_app {
	int status; /* enum kz_app_state as recorded */
	int handed; /* the result was collected */
	int32_t due, decided, notice_due, notice_sent;
	int32_t kept; /* a result is kept to this day (p.26) */
};

/* A day: g[0] is its total. */
struct kz_day_sum {
	char day[11];
	int issued; /* visitors: tickets issued (not places opened by a transfer) */
	int ngroups, cap;
	struct kz_sum_group *g;
	struct kz_feedback_summary feedback;
	int napps;
	struct kz_sum_app *apps;
};

/* Count one application into a as of today (days since 1970): the rules of
 * the applications list (application-list.c). */
void kz_sum_app_count(struct kz_report_apps *a, const struct kz_sum_app *x, int32_t today);

/* Work out day's summary from its tickets, inside the caller's transaction.
 * KZ_ENOMEM, KZ_EDB. */
int kz_day_sum_scan(struct kz_db *db, const struct kz_config *cfg, const char *day,
	struct kz_day_sum *out, char *err);

/* The stored summaries of from..to (inside the caller's read transaction)
 * that are current for cfg, each given to fn in day order; fn returns
 * KZ_OK to go on.  Days with none are not given.  Their histograms are
 * packed (valid only during fn): read them with kz_sum_hist_add or
 * kz_sum_walk_*. */
int kz_day_sum_each(struct kz_db *db, const struct kz_config *cfg, const char *from, const char *to,
	int (*fn)(const struct kz_day_sum *s, void *arg), void *arg, char *err);

/* Store a summary for every day of from..to that has no current one, a few
 * days to a short transaction; *built (may be NULL) says how many. */
int kz_report_days_refresh(struct kz_db *db, const struct kz_config *cfg, const char *from,
	const char *to, int *built, char *err);

/* How many durations h holds. */
int64_t kz_sum_hist_total(const struct kz_sum_hist *h);

/* A range's durations of one group: a counter per second, in blocks of
 * KZ_SUM_BLOCK seconds, a block made only when a count lands in it (a
 * few long waits cost a block each, not the seconds up to them). */
#define KZ_SUM_BLOCK 64
struct kz_sum_counts {
	uint32_t **block; /* block[s / KZ_SUM_BLOCK][s % KZ_SUM_BLOCK]; NULL: all 0 */
	size_t nblocks;
	size_t n; /* durations counted */
};

/* Add h's counts into c.  KZ_ENOMEM; KZ_EINVAL if stored pairs disagree
 * with their header (a damaged summary): c may then hold part of them. */
int kz_sum_counts_add(struct kz_sum_counts *c, const struct kz_sum_hist *h);

void kz_sum_counts_free(struct kz_sum_counts *c);

/* The pairs of h one by one: start with kz_sum_walk_start, then
 * kz_sum_walk_next gives 1 and a pair while there is one, else 0. */
void kz_sum_walk_start(struct kz_sum_walk *w, const struct kz_sum_hist *h);
int kz_sum_walk_next(struct kz_sum_walk *w, int64_t *secs, uint32_t *count);

void kz_day_sum_free(struct kz_day_sum *s);

#endif
