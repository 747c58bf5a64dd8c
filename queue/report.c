/*
 * report.c - the managers' figures; see report.h for the definitions.
 * Start at kz_report_build: one read transaction loads the range's
 * transfers, then its ticket rows day by day; each row's wait and service
 * time go into the vectors of its groups, and the vectors are then sorted
 * once each for their percentiles.  A year of a busy hall is a quarter of
 * a million rows: per row there is no time-zone lookup and no allocation
 * beyond the vectors' doubling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "error.h"
#include "report.h"
#include "sql.h"
#include "wait.h"

/* Durations of one group, collected before sorting. */
struct vec {
	int64_t *v;
	size_t n, cap;
};

struct acc {
	struct vec wait, service;
};

/* What one ticket row adds to the figures. */
struct row {
	int64_t id, origin, issued, called, started, finished;
	enum kz_outcome outcome;     /* KZ_OUTCOME_NONE while not done */
	int service, counter, clerk; /* indexes into the report's groups, -1 none */
	int day;                     /* index into days */
};

struct build {
	struct kz_report *r;
	struct kz_calendar *cal;
	const struct kz_config *cfg;
	int64_t first_day; /* days since 1970 of r->from */
	struct acc total, services[KZ_MAX_SERVICES], counters[KZ_MAX_COUNTERS],
		clerks[KZ_REPORT_MAX_CLERKS], hours[24];
	struct acc *day_waits; /* ndays */
	int64_t service_ids[KZ_MAX_SERVICES], counter_ids[KZ_MAX_COUNTERS],
		clerk_ids[KZ_REPORT_MAX_CLERKS];
	int failed; /* out of memory */
	/* the day of the rows now being read: its instants, worked out once */
	int64_t midnight, lunch_start, lunch_end;
};

static void
push(struct build *b, struct vec *v, int64_t x)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 64;
		int64_t *p = realloc(v->v, cap * sizeof *p);
		if (p == NULL) {
			b->failed = 1;
			return;
		}
		v->v = p;
		v->cap = cap;
	}
	v->v[v->n++] = x;
}

/* --- the range ---------------------------------------------------------- */

static int
parse_day(const char *s, struct kz_date *d, char *err)
{
	if (s == NULL || kz_date_parse(s, d) != 0)
		return kz_err(err, KZ_EINVAL,
			"'%s' is not a day; write YYYY-MM-DD, such as 2026-03-20", s ? s : "");
	return KZ_OK;
}

int
kz_report_range(const char *what, char *from, char *to, char *err)
{
	struct kz_date d;
	int y, m, n = 0;
	char tail;

	if (what == NULL)
		return kz_err(err, KZ_EINVAL, "no range; give a day, a week, a month or a year");
	if (strncmp(what, "week ", 5) == 0) {
		if (parse_day(what + 5, &d, err) != KZ_OK)
			return KZ_EINVAL;
		/* Monday to Sunday around the day */
		d = kz_date_from_days(kz_date_days(d) - (kz_date_weekday(d) + 6) % 7);
		kz_date_format(d, from);
		kz_date_format(kz_date_from_days(kz_date_days(d) + 6), to);
		return KZ_OK;
	}
	if (kz_date_parse(what, &d) == 0) {
		kz_date_format(d, from);
		kz_date_format(d, to);
		return KZ_OK;
	}
	if (sscanf(what, "%4d-%2d%n%c", &y, &m, &n, &tail) == 2 && n == 7 && m >= 1 && m <= 12 &&
		y >= 2000 && y <= 2100) {
		d = (struct kz_date){y, m, 1};
		kz_date_format(d, from);
		kz_date_format(kz_date_from_days(kz_date_days(kz_date_add_months(d, 1)) - 1), to);
		return KZ_OK;
	}
	if (sscanf(what, "%4d%n%c", &y, &n, &tail) == 1 && n == 4 && y >= 2000 && y <= 2100) {
		snprintf(from, 11, "%04d-01-01", y);
		snprintf(to, 11, "%04d-12-31", y);
		return KZ_OK;
	}
	return kz_err(err, KZ_EINVAL,
		"'%s' is not a range; give a day (2026-03-20), a week "
		"('week 2026-03-20'), a month (2026-03) or a year (2026)",
		what);
}

/* --- groups ------------------------------------------------------------- */

static int
load_groups(struct build *b, struct kz_db *db, char *err)
{
	struct kz_report *r = b->r;
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db, "SELECT id, code, name_kk, name_ru FROM services ORDER BY id", err);
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->nservices < KZ_MAX_SERVICES) {
		struct kz_report_group *g = &r->services[r->nservices];
		b->service_ids[r->nservices++] = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, g->key, sizeof g->key);
		kz_col_text(st, 2, g->name_kk, sizeof g->name_kk);
		kz_col_text(st, 3, g->name_ru, sizeof g->name_ru);
	}
	sqlite3_reset(st);
	st = kz_db_stmt(db, "SELECT id, number FROM counters ORDER BY number", err);
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->ncounters < KZ_MAX_COUNTERS) {
		b->counter_ids[r->ncounters] = sqlite3_column_int64(st, 0);
		snprintf(r->counters[r->ncounters++].key, KZ_NAME_LEN, "%d",
			sqlite3_column_int(st, 1));
	}
	sqlite3_reset(st);
	/* only the clerks who called someone in the range, by name */
	st = kz_db_stmt(db,
		"SELECT id, full_name FROM clerks WHERE id IN (SELECT DISTINCT"
		" clerk_id FROM tickets WHERE day BETWEEN ? AND ?) ORDER BY full_name",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->nclerks < KZ_REPORT_MAX_CLERKS) {
		b->clerk_ids[r->nclerks] = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, r->clerks[r->nclerks++].key, KZ_NAME_LEN);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						     : kz_db_fail(db, rc, "read the groups", err);
}

static int
index_of(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return i;
	return -1;
}

/* --- one row -------------------------------------------------------------- */

/* The rows' day changed: its midnight and lunch break as instants. */
static void
set_day(struct build *b, struct kz_date d)
{
	const struct kz_hours *h = &b->cfg->hours;

	b->midnight = kz_date_at(d, 0);
	b->lunch_start = kz_date_at(d, h->lunch_start);
	b->lunch_end = h->lunch_end > h->lunch_start ? kz_date_at(d, h->lunch_end) : b->lunch_start;
}

static void
count(struct kz_report_group *g, enum kz_outcome outcome)
{
	g->places++;
	switch (outcome) {
	case KZ_SERVED:
		g->served++;
		break;
	case KZ_NO_SHOW:
		g->no_shows++;
		break;
	case KZ_TRANSFERRED:
		g->transferred++;
		break;
	case KZ_CANCELLED:
		g->cancelled++;
		break;
	case KZ_OFFICE_CLOSED:
		g->not_served++;
		break;
	case KZ_OUTCOME_NONE:
		break;
	}
}

static void
add_to(struct build *b, struct kz_report_group *g, struct acc *a, const struct row *w, int64_t wait,
	int64_t service, int lunch)
{
	count(g, w->outcome);
	g->lunch += lunch;
	g->lunch_over += lunch && wait > b->r->wait_limit;
	if (wait >= 0)
		push(b, &a->wait, wait);
	if (service >= 0)
		push(b, &a->service, service);
}

static void
add_row(struct build *b, const struct row *w)
{
	struct kz_report *r = b->r;
	int64_t wait = -1, service = -1, end = 0;
	int hour, lunch = 0;

	if (w->called)
		end = w->called;
	else if (w->finished && w->outcome == KZ_OFFICE_CLOSED)
		end = w->finished; /* not called by closing: waited until then */
	if (end) {
		wait = kz_wait_seconds(w->issued, end, 0);
		lunch = kz_wait_spans(w->issued, end, b->lunch_start, b->lunch_end);
	}
	if (w->started && w->finished && w->called)
		service = kz_service_seconds(w->called, w->finished, 0);
	if (w->origin == 0)
		r->issued++;
	add_to(b, &r->total, &b->total, w, wait, service, lunch);
	if (w->service >= 0)
		add_to(b, &r->services[w->service], &b->services[w->service], w, wait, service,
			lunch);
	if (w->counter >= 0)
		add_to(b, &r->counters[w->counter], &b->counters[w->counter], w, wait, service,
			lunch);
	if (w->clerk >= 0)
		add_to(b, &r->clerks[w->clerk], &b->clerks[w->clerk], w, wait, service, lunch);
	/* hours from the day's local midnight: no time-zone lookup per row */
	hour = (int)((w->issued - b->midnight) / 3600);
	if (hour < 0 || hour > 23)
		hour = hour < 0 ? 0 : 23;
	add_to(b, &r->hours[hour], &b->hours[hour], w, wait, service, lunch);
	if (w->day >= 0) {
		struct kz_report_day *d = &r->days[w->day];
		struct kz_report_group g = {0};
		count(&g, w->outcome);
		d->issued += w->origin == 0;
		d->places += g.places;
		d->served += g.served;
		d->no_shows += g.no_shows;
		d->transferred += g.transferred;
		d->cancelled += g.cancelled;
		d->not_served += g.not_served;
		d->lunch += lunch;
		d->lunch_over += lunch && wait > r->wait_limit;
		if (wait >= 0)
			push(b, &b->day_waits[w->day].wait, wait);
		if (service >= 0)
			push(b, &b->day_waits[w->day].service, service);
	}
	if (wait >= 0)
		r->histogram[wait / 300 < KZ_REPORT_BINS - 1 ? wait / 300 : KZ_REPORT_BINS - 1]++;
}

/* --- the rows ------------------------------------------------------------- */

static sqlite3_stmt *
rows_stmt(struct build *b, struct kz_db *db, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT id, coalesce(origin_id, 0), day, service_id, coalesce(counter_id, 0),"
		" coalesce(clerk_id, 0), issued_at, coalesce(called_at, 0), coalesce(started_at, 0),"
		" coalesce(finished_at, 0), outcome"
		" FROM tickets WHERE day BETWEEN ? AND ?",
		err);

	if (st != NULL) {
		sqlite3_bind_text(st, 1, b->r->from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, b->r->to, -1, SQLITE_STATIC);
	}
	return st;
}

static int
load_rows(struct build *b, struct kz_db *db, char *err)
{
	sqlite3_stmt *st = rows_stmt(b, db, err);
	struct kz_date d;
	char day[11] = "";
	int rc, di = -1;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !b->failed) {
		const char *rowday = (const char *)sqlite3_column_text(st, 2);
		struct row w = {
			.id = sqlite3_column_int64(st, 0),
			.origin = sqlite3_column_int64(st, 1),
			.issued = sqlite3_column_int64(st, 6),
			.called = sqlite3_column_int64(st, 7),
			.started = sqlite3_column_int64(st, 8),
			.finished = sqlite3_column_int64(st, 9),
			.outcome = kz_outcome_from_db((const char *)sqlite3_column_text(st, 10)),
		};
		if (rowday == NULL)
			continue;
		if (strcmp(rowday, day) != 0) { /* rows of one day come together */
			snprintf(day, sizeof day, "%s", rowday);
			di = kz_date_parse(day, &d) == 0 ? (int)(kz_date_days(d) - b->first_day)
							 : -1;
			if (di >= b->r->ndays)
				di = -1;
			if (di >= 0)
				set_day(b, d);
		}
		w.day = di;
		w.service = index_of(b->service_ids, b->r->nservices, sqlite3_column_int64(st, 3));
		w.counter = index_of(b->counter_ids, b->r->ncounters, sqlite3_column_int64(st, 4));
		w.clerk = index_of(b->clerk_ids, b->r->nclerks, sqlite3_column_int64(st, 5));
		add_row(b, &w);
	}
	sqlite3_reset(st);
	if (b->failed)
		return kz_err(err, KZ_ENOMEM, "out of memory reading the range's tickets");
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the tickets", err);
}

/* --- finishing ------------------------------------------------------------ */

static void
finish_group(struct build *b, struct kz_report_group *g, struct acc *a)
{
	kz_stat_of(a->wait.v, a->wait.n, b->r->wait_limit, &g->wait);
	kz_stat_of(a->service.v, a->service.n, b->r->service_limit, &g->service);
}

static void
busiest(struct kz_report *r)
{
	for (int k = 0; k < 3; k++) {
		int best = -1;
		for (int h = 0; h < 24; h++) {
			int taken = 0;
			for (int j = 0; j < k; j++)
				taken |= r->busiest[j] == h;
			if (!taken && r->hours[h].places > 0 &&
				(best < 0 || r->hours[h].places > r->hours[best].places))
				best = h;
		}
		r->busiest[k] = best;
	}
}

static void
finish(struct build *b)
{
	struct kz_report *r = b->r;

	finish_group(b, &r->total, &b->total);
	for (int i = 0; i < r->nservices; i++)
		finish_group(b, &r->services[i], &b->services[i]);
	for (int i = 0; i < r->ncounters; i++)
		finish_group(b, &r->counters[i], &b->counters[i]);
	for (int i = 0; i < r->nclerks; i++)
		finish_group(b, &r->clerks[i], &b->clerks[i]);
	for (int h = 0; h < 24; h++) {
		snprintf(r->hours[h].key, sizeof r->hours[h].key, "%02d", h);
		finish_group(b, &r->hours[h], &b->hours[h]);
	}
	for (int i = 0; i < r->ndays; i++) {
		kz_stat_of(b->day_waits[i].wait.v, b->day_waits[i].wait.n, r->wait_limit,
			&r->days[i].wait);
		kz_stat_of(b->day_waits[i].service.v, b->day_waits[i].service.n, r->service_limit,
			&r->days[i].service);
	}
	busiest(r);
}

static void
free_acc(struct acc *a)
{
	free(a->wait.v);
	free(a->service.v);
}

static void
free_build(struct build *b)
{
	free_acc(&b->total);
	for (int i = 0; i < KZ_MAX_SERVICES; i++)
		free_acc(&b->services[i]);
	for (int i = 0; i < KZ_MAX_COUNTERS; i++)
		free_acc(&b->counters[i]);
	for (int i = 0; i < KZ_REPORT_MAX_CLERKS; i++)
		free_acc(&b->clerks[i]);
	for (int i = 0; i < 24; i++)
		free_acc(&b->hours[i]);
	for (int i = 0; b->day_waits && i < b->r->ndays; i++)
		free_acc(&b->day_waits[i]);
	free(b->day_waits);
	free(b);
}

static int
init(struct build *b, const char *from, const char *to, char *err)
{
	struct kz_report *r = b->r;
	struct kz_date f, t;
	int64_t n;

	if (parse_day(from, &f, err) != KZ_OK || parse_day(to, &t, err) != KZ_OK)
		return KZ_EINVAL;
	n = kz_date_days(t) - kz_date_days(f) + 1;
	if (n < 1)
		return kz_err(err, KZ_EINVAL,
			"the range ends (%s) before it begins (%s); swap them", to, from);
	if (n > KZ_REPORT_MAX_DAYS)
		return kz_err(err, KZ_EINVAL,
			"%s to %s is %lld days; a report covers at most ten "
			"years",
			from, to, (long long)n);
	kz_date_format(f, r->from);
	kz_date_format(t, r->to);
	r->ndays = (int)n;
	b->first_day = kz_date_days(f);
	r->wait_limit = (int64_t)b->cfg->wait_limit_min * 60;
	r->service_limit = (int64_t)b->cfg->service_limit_min * 60;
	for (int i = 0; i < r->ndays; i++) {
		struct kz_date d = kz_date_from_days(b->first_day + i);
		kz_date_format(d, r->days[i].day);
		r->days[i].working = kz_cal_is_working(b->cal, d);
	}
	snprintf(r->total.key, sizeof r->total.key, "all");
	if ((b->day_waits = calloc((size_t)n, sizeof *b->day_waits)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for a report of %lld days",
			(long long)n);
	return KZ_OK;
}

int kz_report_fill_cases(struct kz_db *db, struct kz_calendar *cal, struct kz_report *r, char *err);

int
kz_report_build(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, struct kz_report **out, char *err)
{
	struct build *b = calloc(1, sizeof *b);
	struct kz_report *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (b == NULL || r == NULL) {
		free(b);
		free(r);
		return kz_err(err, KZ_ENOMEM, "out of memory for a report");
	}
	b->r = r;
	b->cal = cal;
	b->cfg = cfg;
	if ((rc = init(b, from, to, err)) != KZ_OK || (rc = kz_db_begin_read(db, err)) != KZ_OK) {
		free_build(b);
		free(r);
		return rc;
	}
	if ((rc = load_groups(b, db, err)) == KZ_OK && (rc = load_rows(b, db, err)) == KZ_OK &&
		(rc = kz_feedback_fill(db, r->from, r->to, &r->feedback, err)) == KZ_OK)
		rc = kz_report_fill_cases(db, cal, r, err);
	if (rc == KZ_OK)
		rc = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	if (rc == KZ_OK)
		finish(b);
	free_build(b);
	if (rc != KZ_OK) {
		free(r);
		return rc;
	}
	*out = r;
	return KZ_OK;
}

void
kz_report_free(struct kz_report *r)
{
	free(r);
}
