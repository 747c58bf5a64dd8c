/*
 * report.h - the managers' figures for a range of days: tickets, waits
 * and service times against the limits of p.7.2 and p.7.3, per service,
 * counter, clerk, hour of day and day; the App. 4 satisfaction answers;
 * applications and complaints against their terms.  Read in one read
 * transaction, so every figure belongs to the same moment.
 *
 * Past days come from their stored summaries (queue/report-days.h), kept
 * current by the database itself; today's figures are the tickets' now.
 *
 * The definitions, as the report states them:
 *  - a wait is from the ticket's issue to its first call (p.7.2), as
 *    queue/wait.h defines it for every screen and paper: a visitor sent
 *    on to another service keeps the ticket's first issue time, so the
 *    wait at the next service runs from that issue too (SPEC: wait =
 *    called - issued; the stricter reading, which never hides a breach);
 *  - a wait across the office's lunch break counts whole; how many waits
 *    crossed it, and how many of the waits over the limit did, is shown
 *    beside the figure (lunch, lunch_over) as its explanation;
 *  - a visitor not called by the close of day waited until then, and
 *    counts among the waits (leaving them out would flatter the figure);
 *  - a service time is from the call to the finish, for visitors who came
 *    up (served, sent on, or gave up at the counter);
 *  - percentiles by nearest rank (stats.h).
 */
#ifndef KZ_REPORT_H
#define KZ_REPORT_H

#include <stdint.h>

#include "calendar.h"
#include "config.h"
#include "db.h"
#include "feedback.h"
#include "stats.h"

#define KZ_REPORT_MAX_CLERKS 256
#define KZ_REPORT_BINS       13   /* waits in 5-minute bins up to an hour, then over */
#define KZ_REPORT_MAX_DAYS   3700 /* ten years */

struct kz_report_group {
	char key[KZ_NAME_LEN]; /* service code, counter number, clerk's name, hour "09" */
	char name_kk[KZ_NAME_LEN], name_ru[KZ_NAME_LEN]; /* services: their names */
	int places; /* places in the queue: tickets, and visitors sent on here */
	int served, no_shows, transferred, cancelled, not_served;
	struct kz_stat wait, service;
	int lunch;      /* of the waits, those that crossed the lunch break */
	int lunch_over; /* of those, waits over the limit: breaches the lunch explains */
};

/* A day's figures: the same counts as a group's, so the days add up to the
 * range's total as every other section does. */
struct kz_report_day {
	char day[11];
	int working; /* the office worked that day */
	int issued;  /* visitors: tickets issued that day */
	int places, served, no_shows, transferred, cancelled, not_served;
	struct kz_stat wait, service;
	int lunch, lunch_over; /* as in a group */
};

struct kz_report_apps {
	int accepted;     /* registered with all documents, in the range */
	int refused;      /* refused for missing documents (p.16) */
	int due;          /* of all, those whose term ended by today */
	int on_time;      /* decided on or before the due day */
	int late;         /* decided after it */
	int deemed;       /* not decided by the due day: deemed approved (p.16) */
	int uncollected;  /* decided over 6 months ago, not handed over (p.26) */
	int notices_late; /* refusal notices sent after their 1-day limit, or not yet */
	int available;    /* 0: this database has no applications yet */
};

struct kz_report_complaints {
	int received, answered, on_time, late, overdue; /* overdue: open past due */
	int available;
};

struct kz_report {
	char from[11], to[11];
	int64_t wait_limit, service_limit; /* seconds (p.7.2, p.7.3) */
	int issued;                        /* visitors: tickets issued */
	struct kz_report_group total;
	int nservices, ncounters, nclerks;
	struct kz_report_group services[KZ_MAX_SERVICES];
	struct kz_report_group counters[KZ_MAX_COUNTERS];
	struct kz_report_group clerks[KZ_REPORT_MAX_CLERKS];
	struct kz_report_group hours[24]; /* by the hour the visitor arrived */
	int busiest[3];                   /* hours of most arrivals, or -1 */
	int ndays;
	struct kz_report_day days[KZ_REPORT_MAX_DAYS];
	int histogram[KZ_REPORT_BINS];
	struct kz_feedback_summary feedback;
	struct kz_report_apps apps;
	struct kz_report_complaints complaints;
};

/* One indicator of App. 4, as the standard's table draws it. */
struct kz_app4_row {
	const char *code;              /* "1.1" */
	const char *name_ru, *name_kk; /* as App. 4 words it */
	int norm, target;              /* per cent: the standard's norm, next year's target */
	double current;                /* per cent, one decimal; -1: nothing to count yet */
	int count, of;                 /* current = count of "of" (3.2: from the configuration) */
	const char *basis;             /* what "of" counts, the n the value rests on: "ballots"
					  (2.1-5.1: the kiosk's, one per ticket served),
					  "applications" (1.1), "" (3.2: configured) */
};

/* Fill the App. 4 table from r and the configured targets: 1.1 from the
 * applications whose term ended in the range, 2.1, 3.1, 4.1 and 5.1 from
 * the kiosk's answers, 3.2 as configured. */
void kz_report_app4(const struct kz_report *r, const struct kz_targets *t,
	struct kz_app4_row rows[KZ_APP4_ROWS]);

/* The report for local days from..to inclusive ("YYYY-MM-DD").  *out is
 * malloc'd (free it with kz_report_free).  KZ_EINVAL for a malformed or
 * reversed range or one over ten years. */
int kz_report_build(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, struct kz_report **out, char *err);

/* The same report worked out from every ticket of the range, not from the
 * days' stored summaries (queue/report-days.h): what they are checked
 * against, and `kezek report --scan`. */
int kz_report_build_scanned(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, struct kz_report **out, char *err);
void kz_report_free(struct kz_report *r);

/* A range from what a person types: DATE (a day), "week DATE" (its Monday
 * to Sunday), YYYY-MM (a month), YYYY (a year).  from and to: 11 bytes. */
int kz_report_range(const char *what, char *from, char *to, char *err);

#endif
