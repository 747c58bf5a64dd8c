/*
 * report.c - the managers' figures; see report.h for the definitions.
 * Start at kz_report_build: the days of the range missing a stored summary
 * get one (queue/report-days.h), then one read transaction merges the
 * days' summaries (today's and any still missing worked out from the
 * tickets) into per-group histograms at one-second resolution, from which
 * the counts, shares within the limits and nearest-rank percentiles are
 * read exactly as from the sorted durations themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "error.h"
#include "report.h"
#include "report-days.h"
#include "sql.h"

struct acc {
	struct kz_sum_counts wait, service;
};

struct build {
	struct kz_report *r;
	struct kz_calendar *cal;
	const struct kz_config *cfg;
	int64_t first_day;  /* days since 1970 of r->from */
	char today[11];     /* from today on, figures come from the tickets as they are */
	int32_t today_days; /* the same, days since 1970 */
	struct acc total, services[KZ_MAX_SERVICES], counters[KZ_MAX_COUNTERS], hours[24];
	int64_t service_ids[KZ_MAX_SERVICES], counter_ids[KZ_MAX_COUNTERS];
	/* every clerk, by name: those with places go into r->clerks at the end */
	int nclerks;
	int64_t *clerk_ids;
	struct kz_report_group *clerks;
	struct acc *clerk_accs;
	char *merged; /* per day of the range: its figures are in */
	int failed;   /* out of memory */
	int damaged;  /* a stored summary disagreed with itself */
};

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
	int rc, cap = 0;

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
	st = kz_db_stmt(db, "SELECT id, full_name FROM clerks ORDER BY full_name, id", err);
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b->nclerks == cap) {
			int64_t *ids;
			struct kz_report_group *g;
			struct acc *a;
			cap = cap ? cap * 2 : 32;
			ids = realloc(b->clerk_ids, (size_t)cap * sizeof *ids);
			b->clerk_ids = ids ? ids : b->clerk_ids;
			g = ids ? realloc(b->clerks, (size_t)cap * sizeof *g) : NULL;
			b->clerks = g ? g : b->clerks;
			a = g ? realloc(b->clerk_accs, (size_t)cap * sizeof *a) : NULL;
			if (a == NULL) {
				sqlite3_reset(st);
				return kz_err(err, KZ_ENOMEM, "out of memory reading the clerks");
			}
			b->clerk_accs = a;
		}
		memset(&b->clerks[b->nclerks], 0, sizeof b->clerks[0]);
		memset(&b->clerk_accs[b->nclerks], 0, sizeof b->clerk_accs[0]);
		b->clerk_ids[b->nclerks] = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, b->clerks[b->nclerks++].key, KZ_NAME_LEN);
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

/* --- merging a day ---------------------------------------------------------- */

static void
dense_add(struct build *b, struct kz_sum_counts *d, const struct kz_sum_hist *h)
{
	int rc = kz_sum_counts_add(d, h);

	b->failed |= rc == KZ_ENOMEM;
	b->damaged |= rc == KZ_EINVAL;
}

static void
add_counts(struct kz_report_group *g, const struct kz_sum_group *s)
{
	g->places += s->places;
	g->served += s->served;
	g->no_shows += s->no_shows;
	g->transferred += s->transferred;
	g->cancelled += s->cancelled;
	g->not_served += s->not_served;
	g->lunch += s->lunch;
	g->lunch_over += s->lunch_over;
}

static void
merge_group(struct build *b, struct kz_report_group *g, struct acc *a, const struct kz_sum_group *s)
{
	add_counts(g, s);
	dense_add(b, &a->wait, &s->wait);
	dense_add(b, &a->service, &s->service);
}

/* The nearest-rank figures of sorted (seconds, count) pairs. */
static void
stat_of_pairs(const struct kz_sum_hist *h, int64_t limit, struct kz_stat *out)
{
	size_t n = (size_t)kz_sum_hist_total(h), r50, r90, seen = 0;
	struct kz_sum_walk w;
	int64_t secs;
	uint32_t count;

	memset(out, 0, sizeof *out);
	out->n = (int)n;
	if (n == 0)
		return;
	r50 = (50 * n + 99) / 100;
	r90 = (90 * n + 99) / 100;
	kz_sum_walk_start(&w, h);
	while (kz_sum_walk_next(&w, &secs, &count)) {
		if (seen < r50 && seen + count >= r50)
			out->median = secs;
		if (seen < r90 && seen + count >= r90)
			out->p90 = secs;
		if (secs <= limit)
			out->within += (int)count;
		seen += count;
	}
	out->max = h->max;
}

static void
set_day(struct build *b, int i, const struct kz_day_sum *s)
{
	struct kz_report_day *d = &b->r->days[i];
	const struct kz_sum_group *t = &s->g[0];

	d->issued = s->issued;
	d->places = t->places;
	d->served = t->served;
	d->no_shows = t->no_shows;
	d->transferred = t->transferred;
	d->cancelled = t->cancelled;
	d->not_served = t->not_served;
	d->lunch = t->lunch;
	d->lunch_over = t->lunch_over;
	stat_of_pairs(&t->wait, b->r->wait_limit, &d->wait);
	stat_of_pairs(&t->service, b->r->service_limit, &d->service);
}

/* Add one day's summary to the range's figures (once per day). */
static int
merge_day(const struct kz_day_sum *s, void *arg)
{
	struct build *b = arg;
	struct kz_report *r = b->r;
	struct kz_date d;
	int64_t i;

	if (kz_date_parse(s->day, &d) != 0 || s->ngroups < 1)
		return KZ_OK;
	i = kz_date_days(d) - b->first_day;
	if (i < 0 || i >= r->ndays || b->merged[i])
		return KZ_OK;
	b->merged[i] = 1;
	r->issued += s->issued;
	r->feedback.responses += s->feedback.responses;
	for (int q = 0; q < KZ_FB_QUESTIONS; q++) {
		r->feedback.yes[q] += s->feedback.yes[q];
		r->feedback.answered[q] += s->feedback.answered[q];
	}
	for (int k = 0; k < s->napps; k++)
		kz_sum_app_count(&r->apps, &s->apps[k], b->today_days);
	set_day(b, (int)i, s);
	for (int k = 0; k < s->ngroups && !b->failed; k++) {
		const struct kz_sum_group *g = &s->g[k];
		int j;
		switch (g->kind) {
		case KZ_SUM_TOTAL:
			merge_group(b, &r->total, &b->total, g);
			break;
		case KZ_SUM_SERVICE:
			if ((j = index_of(b->service_ids, r->nservices, g->id)) >= 0)
				merge_group(b, &r->services[j], &b->services[j], g);
			break;
		case KZ_SUM_COUNTER:
			if ((j = index_of(b->counter_ids, r->ncounters, g->id)) >= 0)
				merge_group(b, &r->counters[j], &b->counters[j], g);
			break;
		case KZ_SUM_CLERK:
			if ((j = index_of(b->clerk_ids, b->nclerks, g->id)) >= 0)
				merge_group(b, &b->clerks[j], &b->clerk_accs[j], g);
			break;
		case KZ_SUM_HOUR:
			if (g->id >= 0 && g->id < 24)
				merge_group(b, &r->hours[g->id], &b->hours[g->id], g);
			break;
		}
	}
	return b->failed ? KZ_ENOMEM : b->damaged ? KZ_EINVAL : KZ_OK;
}

/* The days not merged from a stored summary (today's, later ones, any
 * missing or stale), worked out from their tickets now. */
static int
merge_the_rest(struct build *b, struct kz_db *db, char *err)
{
	int rc = KZ_OK;

	for (int i = 0; i < b->r->ndays && rc == KZ_OK; i++) {
		struct kz_day_sum s;
		if (b->merged[i])
			continue;
		if ((rc = kz_day_sum_scan(db, b->cfg, b->r->days[i].day, &s, err)) == KZ_OK &&
			(rc = merge_day(&s, b)) == KZ_ENOMEM)
			kz_err(err, rc, "out of memory merging %s", b->r->days[i].day);
		kz_day_sum_free(&s);
	}
	return rc;
}

/* --- finishing ------------------------------------------------------------ */

/* The nearest-rank figures of a range's histogram. */
static void
stat_of_dense(const struct kz_sum_counts *d, int64_t limit, struct kz_stat *out)
{
	size_t r50, r90, seen = 0;

	memset(out, 0, sizeof *out);
	out->n = (int)d->n;
	if (d->n == 0)
		return;
	r50 = (50 * d->n + 99) / 100;
	r90 = (90 * d->n + 99) / 100;
	for (size_t k = 0; k < d->nblocks && seen < d->n; k++) {
		const uint32_t *c = d->block[k];
		for (int j = 0; c != NULL && j < KZ_SUM_BLOCK; j++) {
			int64_t v = (int64_t)(k * KZ_SUM_BLOCK) + j;
			if (c[j] == 0)
				continue;
			if (seen < r50 && seen + c[j] >= r50)
				out->median = v;
			if (seen < r90 && seen + c[j] >= r90)
				out->p90 = v;
			if (v <= limit)
				out->within += (int)c[j];
			seen += c[j];
			out->max = v;
		}
	}
}

static void
finish_group(struct build *b, struct kz_report_group *g, struct acc *a)
{
	stat_of_dense(&a->wait, b->r->wait_limit, &g->wait);
	stat_of_dense(&a->service, b->r->service_limit, &g->service);
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
	const struct kz_sum_counts *w = &b->total.wait;

	finish_group(b, &r->total, &b->total);
	for (int i = 0; i < r->nservices; i++)
		finish_group(b, &r->services[i], &b->services[i]);
	for (int i = 0; i < r->ncounters; i++)
		finish_group(b, &r->counters[i], &b->counters[i]);
	/* the clerks who had a visitor in the range, by name */
	for (int i = 0; i < b->nclerks && r->nclerks < KZ_REPORT_MAX_CLERKS; i++)
		if (b->clerks[i].places > 0) {
			finish_group(b, &b->clerks[i], &b->clerk_accs[i]);
			r->clerks[r->nclerks++] = b->clerks[i];
		}
	for (int h = 0; h < 24; h++) {
		snprintf(r->hours[h].key, sizeof r->hours[h].key, "%02d", h);
		finish_group(b, &r->hours[h], &b->hours[h]);
	}
	for (size_t k = 0; k < w->nblocks; k++)
		for (size_t j = 0; w->block[k] != NULL && j < KZ_SUM_BLOCK; j++) {
			size_t v = k * KZ_SUM_BLOCK + j;
			r->histogram[v / 300 < KZ_REPORT_BINS - 1 ? v / 300 : KZ_REPORT_BINS - 1] +=
				(int)w->block[k][j];
		}
	busiest(r);
}

static void
free_acc(struct acc *a)
{
	kz_sum_counts_free(&a->wait);
	kz_sum_counts_free(&a->service);
}

static void
free_build(struct build *b)
{
	free_acc(&b->total);
	for (int i = 0; i < KZ_MAX_SERVICES; i++)
		free_acc(&b->services[i]);
	for (int i = 0; i < KZ_MAX_COUNTERS; i++)
		free_acc(&b->counters[i]);
	for (int i = 0; i < 24; i++)
		free_acc(&b->hours[i]);
	for (int i = 0; i < b->nclerks; i++)
		free_acc(&b->clerk_accs[i]);
	free(b->clerk_ids);
	free(b->clerks);
	free(b->clerk_accs);
	free(b->merged);
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
	kz_clock_day(kz_clock_now(), b->today);
	if (parse_day(b->today, &f, err) != KZ_OK)
		return KZ_EINVAL;
	b->today_days = (int32_t)kz_date_days(f);
	for (int i = 0; i < r->ndays; i++) {
		struct kz_date d = kz_date_from_days(b->first_day + i);
		kz_date_format(d, r->days[i].day);
		r->days[i].working = kz_cal_is_working(b->cal, d);
	}
	snprintf(r->total.key, sizeof r->total.key, "all");
	if ((b->merged = calloc((size_t)n, 1)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for a report of %lld days",
			(long long)n);
	return KZ_OK;
}

/* The last day a stored summary may serve: the day before today, or to. */
static void
last_summarised(const struct build *b, char out[11])
{
	struct kz_date d;

	if (strcmp(b->r->to, b->today) < 0 || kz_date_parse(b->today, &d) != 0)
		snprintf(out, 11, "%s", b->r->to);
	else
		kz_date_format(kz_date_from_days(kz_date_days(d) - 1), out);
}

/* Summarise the range's past days that have no summary yet, where the
 * database can be written.  A failure here costs only time: the days
 * without one are worked out from their tickets in the report itself. */
static void
refresh(struct build *b, struct kz_db *db)
{
	char until[11], err[KZ_ERR_LEN];

	last_summarised(b, until);
	if (strcmp(until, b->r->from) >= 0 && !sqlite3_db_readonly(kz_db_sql(db), "main"))
		(void)kz_report_days_refresh(db, b->cfg, b->r->from, until, NULL, err);
}

int kz_report_fill_cases(struct kz_db *db, struct kz_calendar *cal, struct kz_report *r, char *err);

static int
build(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg, const char *from,
	const char *to, int scan, struct kz_report **out, char *err)
{
	struct build *b = calloc(1, sizeof *b);
	struct kz_report *r = calloc(1, sizeof *r);
	char until[11] = "";
	int rc, damaged;

	*out = NULL;
	if (b == NULL || r == NULL) {
		free(b);
		free(r);
		return kz_err(err, KZ_ENOMEM, "out of memory for a report");
	}
	b->r = r;
	b->cal = cal;
	b->cfg = cfg;
	if ((rc = init(b, from, to, err)) == KZ_OK && !scan)
		refresh(b, db);
	if (rc != KZ_OK || (rc = kz_db_begin_read(db, err)) != KZ_OK) {
		free_build(b);
		free(r);
		return rc;
	}
	if (!scan)
		last_summarised(b, until);
	if ((rc = load_groups(b, db, err)) == KZ_OK &&
		(scan || strcmp(until, r->from) < 0 ||
			(rc = kz_day_sum_each(db, cfg, r->from, until, merge_day, b, err)) ==
				KZ_OK) &&
		(rc = merge_the_rest(b, db, err)) == KZ_OK)
		rc = kz_report_fill_cases(db, cal, r, err);
	if (rc == KZ_OK)
		rc = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	if (rc == KZ_OK)
		finish(b);
	damaged = b->damaged;
	free_build(b);
	if (rc != KZ_OK) {
		free(r);
		/* a damaged summary is never read as figures: every ticket instead */
		return damaged ? build(db, cal, cfg, from, to, 1, out, err) : rc;
	}
	*out = r;
	return KZ_OK;
}

int
kz_report_build(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, struct kz_report **out, char *err)
{
	return build(db, cal, cfg, from, to, 0, out, err);
}

int
kz_report_build_scanned(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, struct kz_report **out, char *err)
{
	return build(db, cal, cfg, from, to, 1, out, err);
}

void
kz_report_free(struct kz_report *r)
{
	free(r);
}
