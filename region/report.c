/*
 * report.c - the region's report, worked out in PostgreSQL: one query over
 * the places of the chosen offices and days (index places_day) with
 * grouping sets for the total, services, counters, clerks, hours and days,
 * the percentiles by nearest rank (percentile_disc: the value at rank
 * ceil(p * n), as queue/stats.h defines them), and one for the histogram.
 * Only the figures come back, never the rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/clock.h"
#include "queue/error.h"
#include "report.h"

/* A text array literal of n keys, into out (len bytes). */
static int
key_array(const char *const *keys, int n, char *out, size_t len, char *err)
{
	size_t j = 0;

	out[j++] = '{';
	for (int i = 0; i < n; i++) {
		if (j + strlen(keys[i]) * 2 + 4 >= len)
			return kz_err(err, KZ_EINVAL,
				"too many offices for one report; name fewer");
		if (i > 0)
			out[j++] = ',';
		out[j++] = '"';
		for (const char *s = keys[i]; *s; s++) {
			if (*s == '"' || *s == '\\')
				out[j++] = '\\';
			out[j++] = *s;
		}
		out[j++] = '"';
	}
	out[j++] = '}';
	out[j] = '\0';
	return KZ_OK;
}

int
kz_region_offices(struct kz_pg *pg, struct kz_region_office **out, int *n, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg,
		"SELECT o.office, o.name_kk, o.name_ru, o.held_id, o.batches,"
		" coalesce(to_char(o.shipped_at AT TIME ZONE o.timezone, 'YYYY-MM-DD HH24:MI:SS'),"
		"  ''), o.skew_seconds, (SELECT count(*) FROM conflicts c WHERE c.office = o.office),"
		" o.problem FROM offices o ORDER BY o.office",
		0, NULL, &res, "list the offices", err);

	*out = NULL;
	*n = 0;
	if (rc != KZ_OK)
		return rc;
	if ((*out = calloc((size_t)PQntuples(res) + 1, sizeof **out)) == NULL) {
		PQclear(res);
		return kz_err(err, KZ_ENOMEM, "out of memory listing the offices");
	}
	for (int i = 0; i < PQntuples(res); i++) {
		struct kz_region_office *o = &(*out)[i];
		snprintf(o->office, sizeof o->office, "%s", PQgetvalue(res, i, 0));
		snprintf(o->name_kk, sizeof o->name_kk, "%s", PQgetvalue(res, i, 1));
		snprintf(o->name_ru, sizeof o->name_ru, "%s", PQgetvalue(res, i, 2));
		o->held_id = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		o->batches = strtoll(PQgetvalue(res, i, 4), NULL, 10);
		snprintf(o->shipped_at, sizeof o->shipped_at, "%s", PQgetvalue(res, i, 5));
		o->skew_seconds = atoi(PQgetvalue(res, i, 6));
		o->conflicts = atoi(PQgetvalue(res, i, 7));
		snprintf(o->problem, sizeof o->problem, "%s", PQgetvalue(res, i, 8));
	}
	*n = PQntuples(res);
	PQclear(res);
	return KZ_OK;
}

/* The figures of one group: the columns every grouped query returns. */
#define FIGURES                                                                                    \
	" count(*), count(*) FILTER (WHERE p.outcome = 'served'),"                                 \
	" count(*) FILTER (WHERE p.outcome = 'no_show'),"                                          \
	" count(*) FILTER (WHERE p.outcome = 'transferred'),"                                      \
	" count(*) FILTER (WHERE p.outcome = 'cancelled'),"                                        \
	" count(*) FILTER (WHERE p.outcome = 'office_closed'),"                                    \
	" count(p.wait), percentile_disc(0.5) WITHIN GROUP (ORDER BY p.wait),"                     \
	" percentile_disc(0.9) WITHIN GROUP (ORDER BY p.wait), max(p.wait),"                       \
	" count(*) FILTER (WHERE p.wait_ok),"                                                      \
	" count(p.service), percentile_disc(0.5) WITHIN GROUP (ORDER BY p.service),"               \
	" percentile_disc(0.9) WITHIN GROUP (ORDER BY p.service), max(p.service),"                 \
	" count(*) FILTER (WHERE p.service_ok),"                                                   \
	" count(*) FILTER (WHERE p.lunch), count(*) FILTER (WHERE p.lunch AND NOT p.wait_ok),"     \
	" count(*) FILTER (WHERE p.origin)"
#define NFIGURES 19

enum { G_TOTAL = 31, G_SERVICE = 15, G_COUNTER = 23, G_CLERK = 27, G_HOUR = 29, G_DAY = 30 };

static const char groups_sql[] =
	"SELECT GROUPING(s.code, c.number, p.office, p.hour, p.day), s.code, c.number,"
	" p.office, p.clerk_id, k.full_name, p.hour, to_char(p.day, 'YYYY-MM-DD')," FIGURES
	" FROM places p JOIN services s ON s.office = p.office AND s.id = p.service_id"
	" LEFT JOIN counters c ON c.office = p.office AND c.id = p.counter_id"
	" LEFT JOIN clerks k ON k.office = p.office AND k.id = p.clerk_id"
	" WHERE p.office = ANY($1::text[]) AND p.day BETWEEN $2::date AND $3::date"
	" GROUP BY GROUPING SETS ((), (s.code), (c.number), (p.office, p.clerk_id, k.full_name),"
	"  (p.hour), (p.day))"
	" ORDER BY 1, k.full_name, p.office, p.clerk_id";

static int64_t
num(PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static void
read_stat(PGresult *res, int row, int col, struct kz_stat *s)
{
	s->n = (int)num(res, row, col);
	s->median = num(res, row, col + 1);
	s->p90 = num(res, row, col + 2);
	s->max = num(res, row, col + 3);
	s->within = (int)num(res, row, col + 4);
}

/* The figures from column col on into g; the tickets issued returned. */
static int
read_figures(PGresult *res, int row, int col, struct kz_report_group *g)
{
	g->places = (int)num(res, row, col);
	g->served = (int)num(res, row, col + 1);
	g->no_shows = (int)num(res, row, col + 2);
	g->transferred = (int)num(res, row, col + 3);
	g->cancelled = (int)num(res, row, col + 4);
	g->not_served = (int)num(res, row, col + 5);
	read_stat(res, row, col + 6, &g->wait);
	read_stat(res, row, col + 11, &g->service);
	g->lunch = (int)num(res, row, col + 16);
	g->lunch_over = (int)num(res, row, col + 17);
	return (int)num(res, row, col + 18);
}

static struct kz_report_group *
find_group(struct kz_report_group *g, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(g[i].key, key) == 0)
			return &g[i];
	return NULL;
}

static void
put_day(struct kz_report *r, PGresult *res, int row, int col)
{
	struct kz_report_group g = {0};
	const char *day = PQgetvalue(res, row, 7);

	for (int i = 0; i < r->ndays; i++)
		if (strcmp(r->days[i].day, day) == 0) {
			struct kz_report_day *d = &r->days[i];
			d->issued = read_figures(res, row, col, &g);
			d->places = g.places;
			d->served = g.served;
			d->no_shows = g.no_shows;
			d->transferred = g.transferred;
			d->cancelled = g.cancelled;
			d->not_served = g.not_served;
			d->wait = g.wait;
			d->service = g.service;
			d->lunch = g.lunch;
			d->lunch_over = g.lunch_over;
		}
}

static void
put_row(struct kz_report *r, PGresult *res, int row, int several)
{
	int g = (int)num(res, row, 0), col = 8;
	struct kz_report_group *grp = NULL, tmp = {0};
	char key[KZ_NAME_LEN];

	switch (g) {
	case G_TOTAL:
		r->issued = read_figures(res, row, col, &r->total);
		return;
	case G_SERVICE:
		grp = find_group(r->services, r->nservices, PQgetvalue(res, row, 1));
		break;
	case G_COUNTER:
		if (!PQgetisnull(res, row, 2))
			grp = find_group(r->counters, r->ncounters, PQgetvalue(res, row, 2));
		break;
	case G_CLERK:
		if (PQgetisnull(res, row, 4) || r->nclerks >= KZ_REPORT_MAX_CLERKS)
			return;
		grp = &r->clerks[r->nclerks++];
		/* several offices: a clerk is named with the office */
		snprintf(key, sizeof key, "%s%s%s", several ? PQgetvalue(res, row, 3) : "",
			several ? ": " : "", PQgetvalue(res, row, 5));
		snprintf(grp->key, sizeof grp->key, "%s", key);
		break;
	case G_HOUR: {
		int h = (int)num(res, row, 6);
		grp = h >= 0 && h < 24 ? &r->hours[h] : NULL;
		break;
	}
	case G_DAY:
		put_day(r, res, row, col);
		return;
	default:
		return;
	}
	(void)read_figures(res, row, col, grp ? grp : &tmp);
}

static int
read_lists(struct kz_pg *pg, const char *const *p, struct kz_report *r, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg,
		"SELECT code, min(name_kk), min(name_ru) FROM services WHERE office = ANY($1::text[])"
		" GROUP BY code ORDER BY min(id), code",
		1, p, &res, "read the services", err);

	if (rc != KZ_OK)
		return rc;
	for (int i = 0; i < PQntuples(res) && r->nservices < KZ_MAX_SERVICES; i++) {
		struct kz_report_group *g = &r->services[r->nservices++];
		snprintf(g->key, sizeof g->key, "%s", PQgetvalue(res, i, 0));
		snprintf(g->name_kk, sizeof g->name_kk, "%s", PQgetvalue(res, i, 1));
		snprintf(g->name_ru, sizeof g->name_ru, "%s", PQgetvalue(res, i, 2));
	}
	PQclear(res);
	rc = kz_pg_query(pg,
		"SELECT number FROM counters WHERE office = ANY($1::text[]) GROUP BY number"
		" ORDER BY number",
		1, p, &res, "read the counters", err);
	if (rc != KZ_OK)
		return rc;
	for (int i = 0; i < PQntuples(res) && r->ncounters < KZ_MAX_COUNTERS; i++)
		snprintf(r->counters[r->ncounters++].key, KZ_NAME_LEN, "%s", PQgetvalue(res, i, 0));
	PQclear(res);
	for (int h = 0; h < 24; h++)
		snprintf(r->hours[h].key, sizeof r->hours[h].key, "%02d", h);
	snprintf(r->total.key, sizeof r->total.key, "all");
	return KZ_OK;
}

static int
read_limits(struct kz_pg *pg, const char *const *p, int n, struct kz_report *r, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg,
		"SELECT count(*), min(wait_limit), min(service_limit),"
		" (SELECT string_agg(k, ', ') FROM unnest($1::text[]) k"
		"  WHERE k NOT IN (SELECT office FROM offices))"
		" FROM offices WHERE office = ANY($1::text[])",
		1, p, &res, "read the offices' limits", err);

	if (rc != KZ_OK)
		return rc;
	if (num(res, 0, 0) != n) {
		rc = kz_err(err, KZ_ENOTFOUND,
			"the centre has no events of office %s; see kezek region status for "
			"the offices it has",
			PQgetvalue(res, 0, 3));
		PQclear(res);
		return rc;
	}
	r->wait_limit = num(res, 0, 1);
	r->service_limit = num(res, 0, 2);
	PQclear(res);
	return KZ_OK;
}

static int
read_histogram(struct kz_pg *pg, const char *const *p, struct kz_report *r, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg,
		"SELECT least(p.wait / 300, $4::int), count(*) FROM places p"
		" WHERE p.office = ANY($1::text[]) AND p.day BETWEEN $2::date AND $3::date"
		" AND p.wait IS NOT NULL GROUP BY 1",
		4, p, &res, "read the waits' histogram", err);

	if (rc != KZ_OK)
		return rc;
	for (int i = 0; i < PQntuples(res); i++) {
		int bin = (int)num(res, i, 0);
		if (bin >= 0 && bin < KZ_REPORT_BINS)
			r->histogram[bin] = (int)num(res, i, 1);
	}
	PQclear(res);
	return KZ_OK;
}

/* The three hours of most arrivals, as queue/report.c picks them. */
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

static int
init_days(struct kz_report *r, struct kz_calendar *cal, const char *from, const char *to, char *err)
{
	struct kz_date f, t;
	int64_t n;

	if (kz_date_parse(from, &f) != 0 || kz_date_parse(to, &t) != 0)
		return kz_err(err, KZ_EINVAL,
			"'%s' to '%s' is not a range of days; write YYYY-MM-DD", from, to);
	n = kz_date_days(t) - kz_date_days(f) + 1;
	if (n < 1 || n > KZ_REPORT_MAX_DAYS)
		return kz_err(err, KZ_EINVAL,
			"%s to %s: a report covers one day to ten years, in order", from, to);
	kz_date_format(f, r->from);
	kz_date_format(t, r->to);
	r->ndays = (int)n;
	for (int i = 0; i < r->ndays; i++) {
		struct kz_date d = kz_date_from_days(kz_date_days(f) + i);
		kz_date_format(d, r->days[i].day);
		r->days[i].working = kz_cal_is_working(cal, d);
	}
	return KZ_OK;
}

/* Applications by their day of acceptance, judged as of today as the
 * hall's report judges them (queue/report-days.c, kz_sum_app_count): a
 * refusal or suspension (p.16) with its notice's day; the rest against
 * their term (p.7.1), deemed approved (p.16), uncollected 6 months after
 * the result was ready (p.26). */
static const char apps_sql[] =
	"SELECT count(*) FILTER (WHERE NOT r), count(*) FILTER (WHERE r),"
	" count(*) FILTER (WHERE NOT r AND (decided_day IS NOT NULL OR $4::date > due_day)),"
	" count(*) FILTER (WHERE NOT r AND decided_day <= due_day),"
	" count(*) FILTER (WHERE NOT r AND (decided_day > due_day"
	"  OR (decided_day IS NULL AND $4::date > due_day))),"
	" count(*) FILTER (WHERE NOT r AND ((status = 'registered' AND $4::date > due_day)"
	"  OR (status = 'approved' AND decided_day > due_day))),"
	" count(*) FILTER (WHERE NOT r AND NOT (status = 'registered' AND $4::date <= due_day)"
	"  AND NOT handed AND $4::date > (greatest(coalesce(decided_day, due_day), due_day)"
	"   + interval '6 months')::date),"
	" count(*) FILTER (WHERE r AND CASE WHEN notice_sent_day IS NULL"
	"  THEN $4::date > notice_due_day ELSE notice_sent_day > notice_due_day END)"
	" FROM (SELECT *, status IN ('refused', 'suspended') AS r FROM applications"
	"  WHERE office = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date) a";

/* Complaints by the day they were registered (p.25). */
static const char complaints_sql[] =
	"SELECT count(*), count(answered_day), count(*) FILTER (WHERE answered_day <= due_day),"
	" count(*) FILTER (WHERE answered_day > due_day),"
	" count(*) FILTER (WHERE answered_day IS NULL AND $4::date > due_day)"
	" FROM complaints"
	" WHERE office = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date";

/* The kiosk's ballots (App. 4): sum counts the satisfied, count leaves the
 * skipped out, as queue/feedback.c counts them. */
static const char ballots_sql[] =
	"SELECT count(*), coalesce(sum(quality), 0), count(quality),"
	" coalesce(sum(information), 0), count(information), coalesce(sum(appeal), 0),"
	" count(appeal), coalesce(sum(politeness), 0), count(politeness)"
	" FROM ballots"
	" WHERE office = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date";

static int
read_cases(struct kz_pg *pg, const char *const *p, struct kz_report *r, char *err)
{
	struct kz_report_apps *a = &r->apps;
	struct kz_report_complaints *c = &r->complaints;
	PGresult *res;
	int rc;

	if ((rc = kz_pg_query(pg, apps_sql, 4, p, &res, "count the applications", err)) != KZ_OK)
		return rc;
	a->accepted = (int)num(res, 0, 0);
	a->refused = (int)num(res, 0, 1);
	a->due = (int)num(res, 0, 2);
	a->on_time = (int)num(res, 0, 3);
	a->late = (int)num(res, 0, 4);
	a->deemed = (int)num(res, 0, 5);
	a->uncollected = (int)num(res, 0, 6);
	a->notices_late = (int)num(res, 0, 7);
	a->available = 1;
	PQclear(res);
	if ((rc = kz_pg_query(pg, complaints_sql, 4, p, &res, "count the complaints", err)) !=
		KZ_OK)
		return rc;
	c->received = (int)num(res, 0, 0);
	c->answered = (int)num(res, 0, 1);
	c->on_time = (int)num(res, 0, 2);
	c->late = (int)num(res, 0, 3);
	c->overdue = (int)num(res, 0, 4);
	c->available = 1;
	PQclear(res);
	if ((rc = kz_pg_query(pg, ballots_sql, 3, p, &res, "count the ballots", err)) != KZ_OK)
		return rc;
	r->feedback.responses = (int)num(res, 0, 0);
	for (int q = 0; q < KZ_FB_QUESTIONS && q < 4; q++) {
		r->feedback.yes[q] = (int)num(res, 0, 1 + 2 * q);
		r->feedback.answered[q] = (int)num(res, 0, 2 + 2 * q);
	}
	PQclear(res);
	return KZ_OK;
}

static int
fill(struct kz_pg *pg, const char *const *p, int n, const char *today, struct kz_report *r,
	char *err)
{
	PGresult *res;
	int rc;

	if ((rc = read_limits(pg, p, n, r, err)) != KZ_OK ||
		(rc = read_lists(pg, p, r, err)) != KZ_OK ||
		(rc = kz_pg_query(pg, groups_sql, 3, p, &res, "work out the figures", err)) !=
			KZ_OK)
		return rc;
	for (int i = 0; i < PQntuples(res); i++)
		put_row(r, res, i, n > 1);
	PQclear(res);
	if ((rc = read_histogram(pg, p, r, err)) != KZ_OK)
		return rc;
	{
		const char *q[] = {p[0], p[1], p[2], today};
		if ((rc = read_cases(pg, q, r, err)) != KZ_OK)
			return rc;
	}
	busiest(r);
	return KZ_OK;
}

int
kz_region_report(struct kz_pg *pg, struct kz_calendar *cal, const char *const *offices, int n,
	const char *from, const char *to, struct kz_report **out, char *err)
{
	char keys[KZ_REGION_MAX_OFFICES * 72], last[8], today[11];
	const char *p[] = {keys, from, to, last};
	struct kz_report *r;
	int rc;

	*out = NULL;
	if (n < 1)
		return kz_err(err, KZ_EINVAL, "no office to report on");
	if ((r = calloc(1, sizeof *r)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for a report");
	snprintf(last, sizeof last, "%d", KZ_REPORT_BINS - 1);
	if ((rc = init_days(r, cal, from, to, err)) != KZ_OK ||
		(rc = key_array(offices, n, keys, sizeof keys, err)) != KZ_OK ||
		(rc = kz_pg_exec(pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
			 "begin the report", err)) != KZ_OK) {
		free(r);
		return rc;
	}
	/* one snapshot: every figure of the same moment */
	kz_clock_day(kz_clock_now(), today);
	rc = fill(pg, p, n, today, r, err);
	(void)kz_pg_exec(pg, rc == KZ_OK ? "COMMIT" : "ROLLBACK", "end the report", NULL);
	if (rc != KZ_OK) {
		free(r);
		return rc;
	}
	*out = r;
	return KZ_OK;
}
