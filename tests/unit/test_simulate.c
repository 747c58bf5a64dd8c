/*
 * test_simulate.c - kezek simulate's days: the same for a seed, only on
 * working days and in office hours, every ticket accounted for, the
 * database sound and in agreement with its event log after a month.
 * The month (March 2026: weekends, 8 March moved to Monday 9, Nauryz
 * 21-25) is simulated once for the group; the other tests take a day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "helpers.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/history.h"
#include "queue/simulated.h"
#include "sim/simulate.h"

static struct test_hall *month; /* 2026-03-01 .. 2026-03-31, seed 1 */
static struct kz_sim_result month_res;

/* One number from sql run on h's database through a connection of its own. */
static int64_t
q(struct test_hall *h, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(h->db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Every ticket of day as one text: number, service, times, outcome. */
static char *
tickets_text(struct test_hall *h, const char *day)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	size_t len = 0, cap = 1 << 16;
	char *out = calloc(1, cap);

	assert_non_null(out);
	assert_int_equal(sqlite3_open_v2(h->db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
				 "SELECT t.number || ' ' || s.code || ' ' || t.issued_at || ' ' ||"
				 " coalesce(t.called_at, '-') || ' ' || coalesce(t.started_at, '-') ||"
				 " ' ' || coalesce(t.finished_at, '-') || ' ' || t.outcome || ' ' ||"
				 " coalesce(c.number, '-') || ' ' || coalesce(k.full_name, '-')"
				 " FROM tickets t JOIN services s ON s.id = t.service_id"
				 " LEFT JOIN counters c ON c.id = t.counter_id"
				 " LEFT JOIN clerks k ON k.id = t.clerk_id"
				 " WHERE t.day = ? ORDER BY t.id",
				 -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(st, 0);
		size_t n = strlen(row);
		while (len + n + 2 > cap) {
			out = realloc(out, cap *= 2);
			assert_non_null(out);
		}
		memcpy(out + len, row, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static struct kz_sim_result
simulate(struct test_hall *h, const char *from, const char *to, uint64_t seed)
{
	struct kz_sim_options o;
	struct kz_sim_result r;
	char err[KZ_ERR_LEN] = "";

	kz_sim_options_init(&o);
	o.from_day = from;
	o.to_day = to;
	o.seed = seed;
	if (kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err) != KZ_OK)
		fail_msg("simulate %s .. %s: %s", from, to, err);
	return r;
}

static int
month_setup(void **state)
{
	(void)state;
	month = test_hall_new(NULL);
	month_res = simulate(month, "2026-03-01", "2026-03-31", 1);
	return 0;
}

static int
month_teardown(void **state)
{
	(void)state;
	test_hall_free(month);
	return 0;
}

static void
test_same_seed_gives_the_same_day(void **state)
{
	struct test_hall *a = test_hall_new(NULL), *b = test_hall_new(NULL);
	char *ta, *tb, *tm, *tc;

	(void)state;
	simulate(a, "2026-03-20", NULL, 1);
	simulate(b, "2026-03-20", NULL, 1);
	ta = tickets_text(a, "2026-03-20");
	tb = tickets_text(b, "2026-03-20");
	tm = tickets_text(month, "2026-03-20");
	assert_true(strlen(ta) > 1000);
	assert_string_equal(ta, tb);
	/* a day's queue depends on the seed and the date, not on the days before */
	assert_string_equal(ta, tm);
	assert_int_equal(q(a, "SELECT count(*) FROM feedback"),
		q(b, "SELECT count(*) FROM feedback"));
	assert_int_equal(q(a, "SELECT count(*) FROM events"), q(b, "SELECT count(*) FROM events"));
	test_hall_free(b);
	b = test_hall_new(NULL);
	simulate(b, "2026-03-20", NULL, 2);
	tc = tickets_text(b, "2026-03-20");
	assert_string_not_equal(ta, tc);
	free(ta);
	free(tb);
	free(tm);
	free(tc);
	test_hall_free(a);
	test_hall_free(b);
}

static void
test_only_working_days_have_tickets(void **state)
{
	(void)state;
	/* 22 weekdays, less 9 March (8 March was a Sunday) and 23-25 (Nauryz) */
	assert_int_equal(month_res.days, 18);
	assert_int_equal(q(month, "SELECT count(DISTINCT day) FROM tickets"), 18);
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets WHERE day IN ('2026-03-01',"
				 " '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-21', '2026-03-22',"
				 " '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-28')"),
		0);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE day = '2026-03-20'") > 0, 1);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE day = '2026-03-26'") > 0, 1);
}

static void
test_a_range_without_working_days_does_nothing(void **state)
{
	struct test_hall *h = test_hall_new(NULL);
	struct kz_sim_result r = simulate(h, "2026-03-21", "2026-03-25", 1);

	(void)state;
	assert_int_equal(r.days, 0);
	assert_int_equal(r.tickets, 0);
	assert_int_equal(q(h, "SELECT count(*) FROM events"), 0);
	test_hall_free(h);
}

static void
test_no_ticket_at_lunch_or_after_the_last_ticket(void **state)
{
	(void)state;
	/* local minutes: lunch 13:00-14:00, last ticket at 17:30, open at 9:00 */
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets WHERE"
				 " ((issued_at + 5 * 3600) % 86400) / 60 BETWEEN 780 AND 839"
				 " OR ((issued_at + 5 * 3600) % 86400) / 60 >= 1050"
				 " OR ((issued_at + 5 * 3600) % 86400) / 60 < 540"),
		0);
	/* those who came then were turned away */
	assert_true(month_res.turned_away > 0);
	assert_true(month_res.turned_away < month_res.tickets / 10);
	/* people waited at the door at opening */
	assert_true(q(month,
			    "SELECT count(*) FROM tickets WHERE"
			    " ((issued_at + 5 * 3600) % 86400) / 60 = 540") >= 18);
}

static void
test_numbers_run_from_one_per_day_and_service(void **state)
{
	(void)state;
	assert_int_equal(q(month,
				 "SELECT count(*) FROM (SELECT day, service_id, min(seq) lo,"
				 " max(seq) hi, count(*) n FROM tickets WHERE origin_id IS NULL"
				 " GROUP BY day, service_id) WHERE lo <> 1 OR hi <> n"),
		0);
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets t JOIN services s"
				 " ON s.id = t.service_id WHERE t.origin_id IS NULL AND t.number <>"
				 " s.prefix || '-' || printf('%03d', t.seq)"),
		0);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE origin_id IS NULL"),
		month_res.tickets);
}

static void
test_every_ticket_is_done_and_consistent(void **state)
{
	(void)state;
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE state <> 'done'"), 0);
	assert_int_equal(q(month, "SELECT count(*) FROM counters WHERE state <> 'closed'"), 0);
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets WHERE outcome = 'served' AND"
				 " (started_at IS NULL OR finished_at IS NULL OR called_at IS NULL"
				 " OR NOT (issued_at <= called_at AND called_at <= started_at AND"
				 " started_at < finished_at))"),
		0);
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets WHERE outcome = 'no_show' AND"
				 " (started_at IS NOT NULL OR recalls <> 1"
				 " OR finished_at - called_at <> 300)"),
		0);
	/* each ticket is finished on its own day */
	assert_int_equal(q(month,
				 "SELECT count(*) FROM tickets WHERE"
				 " date(finished_at, 'unixepoch', '+5 hours') <> day"),
		0);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE outcome = 'served'"),
		month_res.served);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE outcome = 'no_show'"),
		month_res.no_shows);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE outcome = 'transferred'"),
		month_res.transferred);
	assert_int_equal(q(month, "SELECT count(*) FROM tickets WHERE outcome = 'office_closed'"),
		month_res.not_served);
	/* shares near the model's: ~4% no-show, ~2% transferred */
	assert_in_range(month_res.no_shows * 1000 / month_res.tickets, 20, 70);
	assert_in_range(month_res.transferred * 1000 / month_res.tickets, 8, 40);
	assert_in_range(month_res.tickets / month_res.days, 100, 140);
	/* one clerk per counter per day, and not the same one every day */
	assert_int_equal(q(month,
				 "SELECT count(*) FROM (SELECT day, counter_id FROM tickets"
				 " WHERE counter_id IS NOT NULL GROUP BY day, counter_id"
				 " HAVING count(DISTINCT clerk_id) > 1)"),
		0);
	assert_true(q(month,
			    "SELECT count(DISTINCT t.clerk_id) FROM tickets t JOIN counters c"
			    " ON c.id = t.counter_id WHERE c.number = 1") > 5);
	/* lunch: every counter paused and resumed each day */
	assert_int_equal(q(month, "SELECT count(*) FROM events WHERE kind = 'counter_paused'"),
		4 * 18);
	assert_int_equal(q(month, "SELECT count(*) FROM events WHERE kind = 'counter_resumed'"),
		4 * 18);
}

static void
test_some_waits_exceed_the_limit(void **state)
{
	int64_t over = q(month,
		"SELECT count(*) FROM tickets WHERE origin_id IS NULL AND"
		" called_at - issued_at > 1800");

	(void)state;
	assert_true(over > 0);
	assert_int_equal(over, month_res.over_limit);
	assert_int_equal(q(month,
				 "SELECT max(called_at - issued_at) FROM tickets WHERE"
				 " origin_id IS NULL"),
		month_res.max_wait);
	/* a few services run over 30 minutes too */
	assert_true(
		q(month, "SELECT count(*) FROM tickets WHERE finished_at - started_at > 1800") > 0);
	/* but most people are seen within the limit */
	assert_true(over * 3 < month_res.tickets);
}

static void
test_feedback_comes_from_about_30_percent(void **state)
{
	int64_t rows = q(month, "SELECT count(*) FROM feedback");

	(void)state;
	assert_int_equal(rows, month_res.feedback);
	assert_in_range(rows * 100 / month_res.served, 25, 35);
	/* mostly satisfied, politeness most of all */
	assert_in_range(q(month, "SELECT 100 * sum(quality) / count(quality) FROM feedback"), 80,
		97);
	assert_in_range(q(month, "SELECT 100 * sum(politeness) / count(politeness) FROM feedback"),
		90, 99);
	assert_true(q(month, "SELECT count(*) FROM feedback WHERE appeal IS NULL") > 0);
	assert_true(q(month, "SELECT count(*) FROM feedback WHERE lang = 'ru'") > 0);
	assert_true(q(month, "SELECT count(*) FROM feedback WHERE lang = 'kk'") > 0);
}

static void
test_applications_and_complaints_follow(void **state)
{
	(void)state;
	assert_int_equal(q(month, "SELECT count(*) FROM applications"), month_res.applications);
	assert_in_range(month_res.applications, 300, 600);
	assert_int_equal(q(month,
				 "SELECT count(*) FROM applications"
				 " WHERE status IN ('suspended', 'refused')"),
		month_res.refused);
	assert_true(month_res.refused > 0 && month_res.refused < month_res.applications / 5);
	assert_true(month_res.decided > month_res.applications / 2);
	assert_true(month_res.handed_over > month_res.applications / 3);
	assert_true(q(month, "SELECT count(*) FROM applications WHERE status = 'rejected'") > 0);
	/* never decided and past the due day: deemed approved */
	assert_true(q(month,
			    "SELECT count(*) FROM applications WHERE status = 'registered'"
			    " AND due_day < '2026-03-31'") > 0);
	assert_in_range(month_res.complaints, 2, 25);
	assert_int_equal(q(month, "SELECT count(*) FROM complaints"), month_res.complaints);
	assert_int_equal(q(month, "SELECT count(*) FROM complaints WHERE answered_at IS NOT NULL"),
		month_res.answered);
}

static void
test_a_month_passes_the_check(void **state)
{
	char err[KZ_ERR_LEN] = "";
	int64_t n = 0;

	(void)state;
	if (kz_db_integrity(month->db, err) != KZ_OK)
		fail_msg("integrity: %s", err);
	if (kz_history_audit(month->db, &n, err) != KZ_OK)
		fail_msg("audit: %s", err);
	assert_int_equal(n, q(month, "SELECT count(*) FROM tickets"));
	/* the event log is in time order */
	assert_int_equal(q(month,
				 "SELECT count(*) FROM events a JOIN events b ON b.id = a.id + 1"
				 " WHERE b.at < a.at"),
		0);
}

static void
count_progress(void *ctx, int done, int total)
{
	int *calls = ctx;

	assert_int_equal(done, *calls + 1);
	assert_true(done <= total);
	(*calls)++;
}

/* What a simulation makes is marked as simulated, and a database of
 * simulated days only takes more of them without being asked. */
static void
test_simulated_tickets_are_marked(void **state)
{
	struct test_hall *h = test_hall_new(NULL);
	struct kz_sim_options o;
	struct kz_sim_result r;
	char err[KZ_ERR_LEN] = "";
	int64_t real = -1, simulated = -1;
	int calls = 0;

	(void)state;
	kz_sim_options_init(&o);
	o.from_day = "2026-03-16";
	o.to_day = "2026-03-17";
	o.progress = count_progress;
	o.progress_ctx = &calls;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_OK);
	assert_int_equal(calls, 2); /* one call a working day */
	o.from_day = o.to_day = "2026-03-18";
	o.progress = NULL;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_OK);
	assert_int_equal(kz_simulated_count(h->db, &real, &simulated, err), KZ_OK);
	assert_int_equal(real, 0);
	assert_int_equal(simulated, q(h, "SELECT count(*) FROM tickets"));
	assert_true(simulated > 100);
	assert_int_equal(q(h, "SELECT count(*) FROM simulations"), 2);
	/* a real ticket after them is told apart */
	test_at("2026-03-19T11:00");
	test_issue(h, "A");
	assert_int_equal(kz_simulated_count(h->db, &real, &simulated, err), KZ_OK);
	assert_int_equal(real, 1);
	test_hall_free(h);
}

static void
test_days_with_tickets_are_refused(void **state)
{
	struct test_hall *h = test_hall_new(NULL);
	struct kz_sim_options o;
	struct kz_sim_result r;
	char err[KZ_ERR_LEN] = "";
	int64_t events;

	(void)state;
	test_at("2026-03-19T11:00");
	test_issue(h, "A");
	events = q(h, "SELECT count(*) FROM events");
	kz_sim_options_init(&o);
	o.from_day = "2026-03-16";
	o.to_day = "2026-03-20";
	/* a real visit refuses any simulation unless it is asked for */
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_EREJECT);
	assert_non_null(strstr(err, "holds 1 real visits"));
	assert_non_null(strstr(err, "--with-real-visits"));
	assert_int_equal(q(h, "SELECT count(*) FROM events"), events);
	/* asked for, it still never touches the real visits' days */
	o.with_real = 1;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_EREJECT);
	assert_non_null(strstr(err, "2026-03-19"));
	assert_non_null(strstr(err, "never mixes"));
	/* nor a later range while that ticket still waits: close of day would end it */
	o.from_day = o.to_day = "2026-03-20";
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_EREJECT);
	assert_non_null(strstr(err, "not done"));
	assert_int_equal(q(h, "SELECT count(*) FROM events"), events);
	/* a counter left open */
	test_at("2026-03-19T18:00");
	{
		int closed = 0, at_counters = 0;
		assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	}
	test_open_counter(h, 2);
	events = q(h, "SELECT count(*) FROM events");
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err), KZ_EREJECT);
	assert_non_null(strstr(err, "counter 2 is open"));
	assert_int_equal(q(h, "SELECT count(*) FROM events"), events);
	assert_int_equal(r.days, 0);
	test_hall_free(h);
}

static void
test_bad_ranges_and_options_are_refused(void **state)
{
	struct test_hall *h = test_hall_new(NULL);
	struct kz_sim_options o;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	kz_sim_options_init(&o);
	o.from_day = "2026-03-20";
	o.to_day = "2026-03-19";
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "before"));
	o.from_day = "2026-01-01";
	o.to_day = "2027-02-05"; /* 401 days */
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "401 days"));
	o.to_day = "2026-13-01";
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "2026-13-01"));
	o.from_day = NULL;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	o.from_day = o.to_day = "2026-03-20";
	o.visitors_per_day = -1;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	o.visitors_per_day = KZ_SIM_MAX_VISITORS + 1;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, err), KZ_EINVAL);
	o.visitors_per_day = 0;
	o.feedback_percent = 101;
	assert_int_equal(kz_simulate(h->db, h->cal, &h->cfg, &o, NULL, NULL), KZ_EINVAL);
	assert_int_equal(q(h, "SELECT count(*) FROM events"), 0);
	test_hall_free(h);
}

static void
test_a_quiet_day_without_cases(void **state)
{
	struct test_hall *h = test_hall_new(NULL);
	struct kz_sim_options o;
	struct kz_sim_result r;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	kz_sim_options_init(&o);
	o.from_day = "2026-03-18";
	o.visitors_per_day = 10;
	o.feedback_percent = 0;
	o.cases = 0;
	if (kz_simulate(h->db, h->cal, &h->cfg, &o, &r, err) != KZ_OK)
		fail_msg("simulate: %s", err);
	assert_int_equal(r.days, 1);
	assert_in_range(r.tickets, 3, 25);
	assert_int_equal(r.over_limit, 0);
	assert_int_equal(r.feedback + r.applications + r.complaints, 0);
	assert_int_equal(q(h, "SELECT count(*) FROM feedback"), 0);
	assert_int_equal(q(h, "SELECT count(*) FROM applications"), 0);
	assert_int_equal(q(h, "SELECT count(*) FROM tickets WHERE state <> 'done'"), 0);
	test_hall_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_gives_the_same_day),
		cmocka_unit_test(test_only_working_days_have_tickets),
		cmocka_unit_test(test_a_range_without_working_days_does_nothing),
		cmocka_unit_test(test_no_ticket_at_lunch_or_after_the_last_ticket),
		cmocka_unit_test(test_numbers_run_from_one_per_day_and_service),
		cmocka_unit_test(test_every_ticket_is_done_and_consistent),
		cmocka_unit_test(test_some_waits_exceed_the_limit),
		cmocka_unit_test(test_feedback_comes_from_about_30_percent),
		cmocka_unit_test(test_applications_and_complaints_follow),
		cmocka_unit_test(test_a_month_passes_the_check),
		cmocka_unit_test(test_days_with_tickets_are_refused),
		cmocka_unit_test(test_simulated_tickets_are_marked),
		cmocka_unit_test(test_bad_ranges_and_options_are_refused),
		cmocka_unit_test(test_a_quiet_day_without_cases),
	};

	return cmocka_run_group_tests(tests, month_setup, month_teardown);
}
