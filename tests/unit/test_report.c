/*
 * test_report.c - the managers' figures on a hand-made day where every
 * figure is known in advance: waits of 5, 19, 23, 50 (B, then sent on to
 * C at 10:10 and called there at 10:15: 65 from the ticket's issue at
 * 09:10, as status and the board count it), 75 (issued 12:50, called
 * 14:05: the lunch break counts whole, and is shown as the reason) and 60
 * (not called by closing) minutes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/application.h"
#include "queue/complaint.h"
#include "queue/report.h"
#include "sim/generate.h"
#include "sim/simulate.h"
#include "queue/report-days.h"
#include "queue/sql.h"
#include "queue/stats.h"
#include "queue/status.h"
#include "queue/wait.h"

#define MIN 60

static void
at(const char *hhmm)
{
	char t[32];

	snprintf(t, sizeof t, "2026-03-20T%s", hhmm);
	test_at(t);
}

/* The wait `next` reports for the called ticket, in seconds. */
static int64_t
call(struct test_hall *h, int counter, const char *hhmm, const char *expect)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	at(hhmm);
	if (kz_ticket_next(h->db, counter, &t, err) != KZ_OK)
		fail_msg("next at %s: %s", hhmm, err);
	assert_string_equal(t.number, expect);
	return kz_wait_seconds(t.issued_at, t.called_at, 0);
}

/* The longest wait `status` and the board show now, in seconds. */
static int64_t
longest_wait(struct test_hall *h)
{
	struct kz_status s;
	char err[KZ_ERR_LEN] = "";

	if (kz_status_read(h->db, &s, err) != KZ_OK)
		fail_msg("status: %s", err);
	return s.longest_wait;
}

static void
finish(struct test_hall *h, int counter, const char *hhmm, enum kz_outcome o, const char *to)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	at(hhmm);
	if (o != KZ_NO_SHOW && kz_ticket_start(h->db, counter, &t, err) != KZ_OK &&
		strstr(err, "serving") == NULL)
		fail_msg("start at %s: %s", hhmm, err);
	if (kz_ticket_finish(h->db, counter, o, to, NULL, &t, err) != KZ_OK)
		fail_msg("finish at %s: %s", hhmm, err);
}

static void
issue(struct test_hall *h, const char *hhmm, const char *service)
{
	at(hhmm);
	test_issue(h, service);
}

/* The day of the header comment. */
static void
make_day(struct test_hall *h)
{
	char err[KZ_ERR_LEN] = "";
	int closed, busy;

	at("09:00");
	test_open_counter(h, 1);
	issue(h, "09:00", "A");
	issue(h, "09:01", "A");
	issue(h, "09:02", "A");
	issue(h, "09:10", "B");
	call(h, 1, "09:05", "A-001");
	finish(h, 1, "09:20", KZ_SERVED, NULL);
	call(h, 1, "09:20", "A-002");
	finish(h, 1, "09:25", KZ_NO_SHOW, NULL);
	call(h, 1, "09:25", "A-003");
	finish(h, 1, "10:00", KZ_SERVED, NULL);
	call(h, 1, "10:00", "B-001");
	finish(h, 1, "10:10", KZ_TRANSFERRED, "C");
	at("10:14");
	test_open_counter(h, 3);
	assert_int_equal(call(h, 3, "10:15", "B-001"), 65 * MIN); /* from the first issue */
	finish(h, 3, "10:25", KZ_SERVED, NULL);
	issue(h, "12:50", "A");
	at("14:04");
	assert_int_equal(longest_wait(h), 74 * MIN); /* status and the board: lunch counts */
	assert_int_equal(call(h, 1, "14:05", "A-004"), 75 * MIN);
	finish(h, 1, "14:20", KZ_SERVED, NULL);
	issue(h, "17:00", "A");
	at("18:00");
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &busy, err), KZ_OK);
	assert_int_equal(closed, 1);
}

static struct kz_report *
report(struct test_hall *h, const char *from, const char *to)
{
	struct kz_report *r = NULL;
	char err[KZ_ERR_LEN] = "";

	if (kz_report_build(h->db, h->cal, &h->cfg, from, to, &r, err) != KZ_OK)
		fail_msg("report: %s", err);
	return r;
}

static const struct kz_report_group *
group(const struct kz_report_group *g, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(g[i].key, key) == 0)
			return &g[i];
	fail_msg("no group %s", key);
	return NULL;
}

static void
test_percentiles_by_nearest_rank(void **state)
{
	int64_t v[] = {60, 5, 23, 19, 5, 50, 15}, one[] = {7}, ten[10];
	struct kz_stat s;

	(void)state;
	kz_stat_of(v, 7, 30, &s);
	assert_int_equal(s.n, 7);
	assert_int_equal(s.median, 19); /* rank ceil(3.5) = 4 of 5 5 15 19 23 50 60 */
	assert_int_equal(s.p90, 60);    /* rank ceil(6.3) = 7 */
	assert_int_equal(s.max, 60);
	assert_int_equal(s.within, 5);
	assert_true(kz_stat_share(&s) == 71.4);
	kz_stat_of(one, 1, 30, &s);
	assert_int_equal(s.median, 7);
	assert_int_equal(s.p90, 7);
	for (int i = 0; i < 10; i++)
		ten[i] = (i + 1) * 10;
	kz_stat_of(ten, 10, 30, &s);
	assert_int_equal(s.median, 50); /* even count: the lower middle, rank 5 */
	assert_int_equal(s.p90, 90);    /* rank 9 */
	kz_stat_of(NULL, 0, 30, &s);
	assert_int_equal(s.n, 0);
	assert_true(kz_stat_share(&s) < 0);
}

static int
cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Many values take the quick sort by radix: the same answers as qsort. */
static void
test_percentiles_of_many(void **state)
{
	enum { N = 5001 };
	static int64_t v[N], w[N];
	uint64_t x = 42;
	struct kz_stat s;

	(void)state;
	for (int i = 0; i < N; i++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		v[i] = w[i] = (int64_t)(x >> 40) % 20000; /* up to five and a half hours */
	}
	v[7] = w[7] = 0;
	qsort(w, N, sizeof w[0], cmp);
	kz_stat_of(v, N, 1800, &s);
	for (int i = 0; i < N; i++)
		assert_int_equal(v[i], w[i]);
	assert_int_equal(s.median, w[2500]); /* rank ceil(2500.5) = 2501 */
	assert_int_equal(s.p90, w[4500]);    /* rank ceil(4500.9) = 4501 */
	assert_int_equal(s.max, w[N - 1]);
}

static void
test_known_day(void **state)
{
	struct test_hall *h = *state;
	struct kz_report *r;
	const struct kz_report_group *a, *b, *c, *k1;

	make_day(h);
	r = report(h, "2026-03-20", "2026-03-20");
	assert_int_equal(r->issued, 6);
	assert_int_equal(r->total.places, 7);
	assert_int_equal(r->total.served, 4);
	assert_int_equal(r->total.no_shows, 1);
	assert_int_equal(r->total.transferred, 1);
	assert_int_equal(r->total.not_served, 1);
	/* waits 5 19 23 50 60 65 75, as `next` and `status` gave them */
	assert_int_equal(r->total.wait.n, 7);
	assert_int_equal(r->total.wait.median, 50 * MIN); /* rank ceil(3.5) = 4 */
	assert_int_equal(r->total.wait.p90, 75 * MIN);    /* rank ceil(6.3) = 7 */
	assert_int_equal(r->total.wait.max, 75 * MIN);
	assert_int_equal(r->total.wait.within, 3);
	assert_int_equal(r->total.lunch, 1);      /* A-004, 12:50 to 14:05 */
	assert_int_equal(r->total.lunch_over, 1); /* and over the limit: explained */
	/* service: 15, 35, 10 (until the transfer), 10, 15 */
	assert_int_equal(r->total.service.n, 5);
	assert_int_equal(r->total.service.median, 15 * MIN);
	assert_int_equal(r->total.service.p90, 35 * MIN);
	assert_int_equal(r->total.service.within, 4);
	a = group(r->services, r->nservices, "A");
	assert_int_equal(a->places, 5);
	assert_int_equal(a->served, 3);
	assert_int_equal(a->wait.median, 23 * MIN); /* 5 19 23 60 75 */
	assert_int_equal(a->wait.within, 3);
	assert_int_equal(a->lunch, 1);
	b = group(r->services, r->nservices, "B");
	assert_int_equal(b->transferred, 1);
	assert_int_equal(b->wait.max, 50 * MIN);
	c = group(r->services, r->nservices, "C");
	assert_int_equal(c->places, 1);
	assert_int_equal(c->served, 1);
	assert_int_equal(c->wait.max, 65 * MIN); /* from the issue at 09:10 (wait.h) */
	assert_int_equal(c->lunch, 0);
	k1 = group(r->counters, r->ncounters, "1");
	assert_int_equal(k1->places, 5);
	assert_int_equal(group(r->counters, r->ncounters, "3")->places, 1);
	assert_int_equal(r->nclerks, 2);
	assert_int_equal(group(r->clerks, r->nclerks, "Clerk Number1")->places, 5);
	assert_int_equal(r->hours[9].places, 5); /* C's place counts at B-001's issue, 09:10 */
	assert_int_equal(r->hours[10].places, 0);
	assert_int_equal(r->hours[12].wait.max, 75 * MIN); /* 12:50 to 14:05, lunch and all */
	assert_int_equal(r->busiest[0], 9);
	assert_int_equal(r->histogram[1], 1);  /* 5: the 5-10 minute bin */
	assert_int_equal(r->histogram[10], 1); /* 50 */
	assert_int_equal(r->histogram[12], 3); /* 60, 65, 75: an hour or more */
	assert_int_equal(r->ndays, 1);
	assert_int_equal(r->days[0].issued, 6);
	assert_int_equal(r->days[0].places, 7); /* as every section adds up to */
	assert_int_equal(r->days[0].no_shows, 1);
	assert_int_equal(r->days[0].transferred, 1);
	assert_int_equal(r->days[0].service.n, 5);
	assert_int_equal(r->days[0].lunch_over, 1);
	assert_int_equal(r->days[0].wait.within, 3);
	kz_report_free(r);
}

/* A range with a holiday and a weekend: days there, with nothing in them. */
static void
test_empty_days_and_ranges(void **state)
{
	struct test_hall *h = *state;
	struct kz_report *r;
	char from[11], to[11], err[KZ_ERR_LEN] = "";

	make_day(h);
	r = report(h, "2026-03-20", "2026-03-23");
	assert_int_equal(r->ndays, 4);
	assert_int_equal(r->issued, 6);
	assert_int_equal(r->days[1].issued, 0);
	assert_int_equal(r->days[1].wait.n, 0);
	assert_false(r->days[1].working); /* Nauryz */
	assert_true(r->days[0].working);
	kz_report_free(r);
	r = report(h, "2026-03-21", "2026-03-21");
	assert_int_equal(r->total.wait.n, 0);
	assert_int_equal(r->busiest[0], -1);
	kz_report_free(r);
	assert_int_equal(kz_report_range("week 2026-03-20", from, to, err), KZ_OK);
	assert_string_equal(from, "2026-03-16");
	assert_string_equal(to, "2026-03-22");
	assert_int_equal(kz_report_range("2026-02", from, to, err), KZ_OK);
	assert_string_equal(to, "2026-02-28");
	assert_int_equal(kz_report_range("2024", from, to, err), KZ_OK);
	assert_string_equal(from, "2024-01-01");
	assert_int_equal(kz_report_range("2026-13", from, to, err), KZ_EINVAL);
	assert_non_null(strstr(err, "is not a range"));
	assert_int_equal(kz_report_build(h->db, h->cal, &h->cfg, "2026-03-22", "2026-03-20", &r,
				 err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "swap them"));
}

static int
count_complaint(const struct kz_complaint *c, void *arg)
{
	(void)c;
	++*(int *)arg;
	return 0;
}

static int
count_app(const struct kz_application *a, void *arg)
{
	(void)a;
	++*(int *)arg;
	return 0;
}

/* A simulated month, read two ways: the report's counts of applications
 * and complaints agree with the registers' own lists (queue/application,
 * queue/complaint), which work out deemed approval and overdue alone. */
static void
test_cases_agree_with_the_registers(void **state)
{
	struct test_hall *h = *state;
	struct kz_sim_options o;
	struct kz_report *r;
	struct kz_app_filter deemed = {.deemed = 1}, uncollected = {.uncollected = 1}, any = {0};
	char err[KZ_ERR_LEN] = "";
	int n_deemed = 0, n_uncollected = 0, n_overdue = 0, n_all = 0;

	kz_sim_options_init(&o);
	o.from_day = "2026-03-02";
	o.to_day = "2026-03-13";
	if (kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err) != KZ_OK)
		fail_msg("simulate: %s", err);
	test_at("2026-10-01T10:00"); /* months later: terms over, results uncollected */
	r = report(h, "2026-03-01", "2026-03-31");
	assert_true(r->apps.available && r->complaints.available);
	assert_int_equal(kz_app_list(h->db, &deemed, count_app, &n_deemed, err), KZ_OK);
	assert_int_equal(kz_app_list(h->db, &uncollected, count_app, &n_uncollected, err), KZ_OK);
	assert_int_equal(kz_app_list(h->db, &any, count_app, &n_all, err), KZ_OK);
	assert_int_equal(kz_complaint_list(h->db, KZ_COMPLAINTS_OVERDUE, count_complaint,
				 &n_overdue, NULL, err),
		KZ_OK);
	assert_true(r->apps.accepted > 20);
	assert_true(n_deemed > 0 && n_uncollected > 0); /* the comparison is not of zeros */
	assert_int_equal(r->apps.accepted + r->apps.refused, n_all);
	assert_int_equal(r->apps.deemed, n_deemed);
	assert_int_equal(r->apps.uncollected, n_uncollected);
	assert_int_equal(r->apps.on_time + r->apps.late, r->apps.due);
	assert_int_equal(r->complaints.overdue, n_overdue);
	assert_int_equal(r->complaints.on_time + r->complaints.late, r->complaints.answered);
	assert_true(r->feedback.responses > 0);
	kz_report_free(r);
}

static struct kz_report *
scanned(struct test_hall *h, const char *from, const char *to)
{
	struct kz_report *r = NULL;
	char err[KZ_ERR_LEN] = "";

	if (kz_report_build_scanned(h->db, h->cal, &h->cfg, from, to, &r, err) != KZ_OK)
		fail_msg("scanned report: %s", err);
	return r;
}

static int
summaries(struct test_hall *h, const char *day)
{
	sqlite3_stmt *st;
	int n;

	assert_int_equal(sqlite3_prepare_v2(kz_db_sql(h->db),
				 "SELECT count(*) FROM report_days WHERE day = ?1 OR ?1 = ''", -1,
				 &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The report from the days' summaries equals the one from every ticket,
 * every field of the struct (the CSV, the table and the PDF are drawn from
 * nothing else), over a generated quarter and the ranges within it. */
static void
assert_same(struct test_hall *h, const char *from, const char *to)
{
	struct kz_report *a = scanned(h, from, to), *b = report(h, from, to);

	assert_int_equal(a->total.places, b->total.places);
	assert_int_equal(a->total.wait.median, b->total.wait.median);
	assert_int_equal(a->total.wait.p90, b->total.wait.p90);
	assert_int_equal(memcmp(a, b, sizeof *a), 0);
	kz_report_free(a);
	kz_report_free(b);
}

static void
test_summaries_equal_the_tickets(void **state)
{
	struct test_hall *h = *state;
	struct kz_gen_result g;
	struct kz_report *r;
	char err[KZ_ERR_LEN] = "";

	if (kz_generate_history(h->db, h->cal, &h->cfg, "2026-01-01", "2026-03-31", 120, 7, &g,
		    err) != KZ_OK)
		fail_msg("generate: %s", err);
	test_at("2026-04-15T10:00");
	assert_int_equal(summaries(h, ""), 0);
	r = scanned(h, "2026-01-01", "2026-03-31");
	assert_true(r->total.places > 5000 && r->total.transferred > 0 && r->nclerks > 1);
	kz_report_free(r);
	assert_same(h, "2026-01-01", "2026-03-31"); /* summarised on the way */
	assert_int_equal(summaries(h, ""), 90);     /* every day of the quarter, empty ones too */
	assert_same(h, "2026-01-01", "2026-03-31"); /* now from the summaries alone */
	assert_same(h, "2026-02-01", "2026-02-28");
	assert_same(h, "2026-03-16", "2026-03-22");
	assert_same(h, "2026-03-18", "2026-03-18");
	assert_same(h, "2025-12-25", "2026-04-15"); /* days before, and today live */
	/* other limits: the summaries made under 30 minutes are not used */
	h->cfg.wait_limit_min = 20;
	assert_same(h, "2026-01-01", "2026-03-31");
}

/* A past day changes (close of day ends its waiting ticket, its last
 * visitor is finished late): its summary goes, and the report follows. */
static void
test_a_changed_day_is_summarised_again(void **state)
{
	struct test_hall *h = *state;
	struct kz_report *r;
	char err[KZ_ERR_LEN] = "";
	int closed, busy;

	at("09:00");
	test_open_counter(h, 1);
	issue(h, "10:00", "A");
	call(h, 1, "10:05", "A-001");
	issue(h, "10:10", "A");
	test_at("2026-03-26T09:00"); /* after Nauryz: the 20th is a past day */
	r = report(h, "2026-03-20", "2026-03-20");
	assert_int_equal(summaries(h, "2026-03-20"), 1);
	assert_int_equal(r->total.places, 2);
	assert_int_equal(r->total.wait.n, 1); /* the other still waits: no figure yet */
	kz_report_free(r);
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &busy, err), KZ_OK);
	assert_int_equal(closed, 1);
	assert_int_equal(busy, 1);
	assert_int_equal(summaries(h, "2026-03-20"), 0);
	r = report(h, "2026-03-20", "2026-03-20");
	assert_int_equal(r->total.not_served, 1);
	assert_int_equal(r->total.wait.n, 2);
	kz_report_free(r);
	assert_same(h, "2026-03-20", "2026-03-20");
	test_at("2026-03-26T09:05"); /* the clerk comes back to the visitor of the 20th */
	{
		struct kz_ticket t;
		assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_OK);
		assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	}
	r = report(h, "2026-03-20", "2026-03-20");
	assert_int_equal(r->total.served, 1);
	assert_int_equal(r->total.service.n, 1);
	kz_report_free(r);
	assert_same(h, "2026-03-20", "2026-03-20");
}

/* Stored pairs that disagree with their header are caught as they are
 * added, never taken as figures. */
static void
test_stored_pairs_are_checked(void **state)
{
	/* 2 pairs, 3 durations, 7 s the longest: 3 s once, then 7 s twice */
	static const unsigned char good[] = {3 * 2, 4 * 2 + 1, 2};
	static const unsigned char longer[] = {3 * 2, 5 * 2 + 1, 2}; /* ends at 8 s */
	static const unsigned char more[] = {3 * 2, 4 * 2 + 1, 3};   /* 4 durations */
	static const unsigned char cut[] = {3 * 2, 4 * 2 + 1, 0x82}; /* a varint cut short */
	struct kz_sum_hist h = {.n = 2,
		.total = 3,
		.max = 7,
		.packed = good,
		.packed_len = sizeof good};
	struct kz_sum_counts c = {0};

	(void)state;
	assert_int_equal(kz_sum_counts_add(&c, &h), KZ_OK);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.block[0][3], 1);
	assert_int_equal(c.block[0][7], 2);
	h.packed = longer;
	assert_int_equal(kz_sum_counts_add(&c, &h), KZ_EINVAL);
	h.packed = more;
	assert_int_equal(kz_sum_counts_add(&c, &h), KZ_EINVAL);
	h.packed = cut;
	assert_int_equal(kz_sum_counts_add(&c, &h), KZ_EINVAL);
	h.packed = good;
	h.packed_len = 2; /* the last byte is not the histogram's */
	assert_int_equal(kz_sum_counts_add(&c, &h), KZ_EINVAL);
	kz_sum_counts_free(&c);
}

static void
exec_sql(struct test_hall *h, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(kz_db_sql(h->db), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* Change one byte, at, of a day's stored summary. */
static void
damage(struct test_hall *h, const char *day, int at, unsigned char byte)
{
	sqlite3 *db = kz_db_sql(h->db);
	sqlite3_stmt *st;
	unsigned char *data;
	int n;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT data FROM report_days WHERE day = ?", -1,
				 &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_bytes(st, 0);
	assert_true(n > at);
	data = malloc((size_t)n);
	assert_non_null(data);
	memcpy(data, sqlite3_column_blob(st, 0), (size_t)n);
	sqlite3_finalize(st);
	data[at] = byte;
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE report_days SET data = ? WHERE day = ?", -1,
				 &st, NULL),
		SQLITE_OK);
	sqlite3_bind_blob(st, 1, data, n, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(data);
}

static int
count_of(struct test_hall *h, const char *sql)
{
	sqlite3_stmt *st;
	int n;

	assert_int_equal(sqlite3_prepare_v2(kz_db_sql(h->db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Summaries stored in an older form, cut short, or with a histogram's
 * pairs damaged are never read as figures: the report still equals the
 * one from the tickets, and the old ones are worked out again. */
static void
test_old_or_damaged_summaries_are_not_read(void **state)
{
	struct test_hall *h = *state;
	struct kz_gen_result g;
	char err[KZ_ERR_LEN] = "";

	if (kz_generate_history(h->db, h->cal, &h->cfg, "2026-01-01", "2026-01-31", 80, 3, &g,
		    err) != KZ_OK)
		fail_msg("generate: %s", err);
	test_at("2026-02-10T10:00");
	assert_same(h, "2026-01-01", "2026-01-31");
	assert_int_equal(summaries(h, ""), 31);
	exec_sql(h, "UPDATE report_days SET params = '2' || substr(params, 2)");
	assert_same(h, "2026-01-01", "2026-01-31");
	assert_int_equal(count_of(h, "SELECT count(*) FROM report_days WHERE params LIKE '3 %'"),
		31);
	exec_sql(h,
		"UPDATE report_days SET data = substr(data, 1, length(data) - 1)"
		" WHERE day = '2026-01-14'");
	assert_same(h, "2026-01-01", "2026-01-31");
	/* inside the first histogram's pairs: a rise of 63 s where there was another */
	damage(h, "2026-01-15", 30, 0x7e);
	assert_same(h, "2026-01-01", "2026-01-31");
	assert_same(h, "2026-01-15", "2026-01-15");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percentiles_by_nearest_rank),
		cmocka_unit_test(test_percentiles_of_many),
		cmocka_unit_test_setup_teardown(test_known_day, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_empty_days_and_ranges, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_cases_agree_with_the_registers,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_summaries_equal_the_tickets, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_a_changed_day_is_summarised_again,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test(test_stored_pairs_are_checked),
		cmocka_unit_test_setup_teardown(test_old_or_damaged_summaries_are_not_read,
			test_hall_setup, test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
