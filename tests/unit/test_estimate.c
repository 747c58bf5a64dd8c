/*
 * test_estimate.c - the kiosk's "N people ahead, 15-25 min", from today's
 * real service times at the counters that are open now, by the replay of
 * the calls (queue/ahead.h); test_ahead.c checks the replay against the
 * real calls, this file the figures that feed it.
 */
#include <string.h>

#include "helpers.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/estimate.h"
#include "queue/ticket.h"

static struct kz_wait_estimate
estimate(struct test_hall *h, const char *service, int64_t default_service)
{
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	if (kz_wait_estimate(h->db, &h->cfg.hours, service, default_service, &e, err) != KZ_OK)
		fail_msg("estimate %s: %s", service, err);
	return e;
}

static void
next(struct test_hall *h, int counter, const char *expect)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_next(h->db, counter, &t, err) != KZ_OK)
		fail_msg("next at %d: %s", counter, err);
	assert_string_equal(t.number, expect);
}

static void
finish(struct test_hall *h, int counter, enum kz_outcome outcome, const char *to)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_finish(h->db, counter, outcome, to, NULL, &t, err) != KZ_OK)
		fail_msg("finish at %d: %s", counter, err);
}

/* Call the next ticket at counter at local time from and finish it served
 * at local time to. */
static void
serve(struct test_hall *h, int counter, const char *expect, const char *from, const char *to)
{
	test_at(from);
	next(h, counter, expect);
	test_at(to);
	finish(h, counter, KZ_SERVED, NULL);
}

static void
test_estimate_from_today_served_visits(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T09:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_issue(h, "A");
	test_issue(h, "B");
	test_open_counter(h, 1);
	test_open_counter(h, 2);
	serve(h, 1, "A-001", "2026-03-20T09:05", "2026-03-20T09:15"); /* 600 s */
	test_at("2026-03-20T09:16");
	next(h, 2, "A-002");
	test_at("2026-03-20T09:20");
	next(h, 1, "A-003");
	test_at("2026-03-20T09:22");
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_OK);
	test_at("2026-03-20T09:35"); /* 900 s from the call, not from the start */
	finish(h, 1, KZ_SERVED, NULL);
	test_at("2026-03-20T09:36"); /* 1200 s */
	finish(h, 2, KZ_SERVED, NULL);
	serve(h, 2, "B-001", "2026-03-20T09:40", "2026-03-20T10:40"); /* another service */

	test_at("2026-03-20T11:00");
	for (int i = 0; i < 5; i++)
		test_issue(h, "A");
	test_issue(h, "B");
	next(h, 1, "A-004"); /* at the counter now: neither ahead nor a sample */
	e = estimate(h, "A", 300);
	/* A-005..A-008 and B-002: counters 1 and 2 serve both */
	assert_int_equal(e.ahead, 5);
	assert_int_equal(e.counters, 2);
	assert_int_equal(e.samples, 3);
	assert_int_equal(e.avg_service, 900); /* (600 + 1200 + 900) / 3 */
	/* 2 calls A-005 at 11:00; 1 (A-004 called at 11:00) A-006 at 11:15,
	 * 2 A-007 at 11:15; 1 A-008 at 11:30, 2 B-002 at 11:30; 1 the new
	 * one at 11:45 */
	assert_int_equal(e.wait, 2700);
	assert_int_equal(e.known, 1);
	assert_int_equal(e.low_min, 30);
	assert_int_equal(e.high_min, 60);

	test_open_counter(h, 3);
	e = estimate(h, "A", 300);
	assert_int_equal(e.counters, 3);
	assert_int_equal(e.wait, 1800); /* 2, 3 at 11:00; 1, 2, 3 at 11:15; 1 at 11:30 */
	e = estimate(h, "B", 300);
	assert_int_equal(e.ahead, 5); /* the same: a B waits behind the A's before it */
	assert_int_equal(e.counters, 3);
	assert_int_equal(e.samples, 1);
	assert_int_equal(e.avg_service, (3600 + 2 * 300) / 3);
	assert_int_equal(e.wait, 1800);
}

static void
test_few_samples_blend_with_the_default(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;

	test_at("2026-03-20T09:00");
	test_open_counter(h, 1);
	e = estimate(h, "A", 420);
	assert_int_equal(e.ahead, 0);
	assert_int_equal(e.counters, 1);
	assert_int_equal(e.samples, 0);
	assert_int_equal(e.avg_service, 420);
	assert_int_equal(e.wait, 0); /* counter 1 is free: called at once */
	assert_int_equal(e.known, 1);

	test_issue(h, "A");
	test_issue(h, "A");
	test_issue(h, "A");
	serve(h, 1, "A-001", "2026-03-20T09:00", "2026-03-20T09:10"); /* 600 s */
	e = estimate(h, "A", 300);
	assert_int_equal(e.samples, 1);
	assert_int_equal(e.avg_service, 400); /* (600 + 2 * 300) / 3 */
	assert_int_equal(e.ahead, 2);
	assert_int_equal(e.wait, 2 * 400); /* then the new one */
}

static void
test_paused_counter_is_not_counted(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	test_open_counter(h, 1);
	test_open_counter(h, 2);
	test_open_counter(h, 3);
	assert_int_equal(kz_counter_pause(h->db, 3, NULL, NULL, err), KZ_OK);
	test_issue(h, "A");
	test_issue(h, "A");
	test_issue(h, "A");
	e = estimate(h, "A", 600);
	assert_int_equal(e.ahead, 3);
	assert_int_equal(e.counters, 2);
	assert_int_equal(e.wait, 600); /* 1 and 2 call two, then 1 A-003, 2 the new one */
	/* C: counter 3 paused, counter 4 closed.  The count alone, as if all
	 * four were open: 1, 2, 3 take the A's, 4 C-001, 3 the new one */
	test_issue(h, "C");
	e = estimate(h, "C", 600);
	assert_int_equal(e.ahead, 4);
	assert_int_equal(e.counters, 0);
	assert_int_equal(e.known, 0);
	assert_int_equal(e.wait, 0);
	assert_int_equal(kz_counter_open(h->db, 3, "Clerk Number3", "Chief specialist", err),
		KZ_OK);
	e = estimate(h, "C", 600);
	assert_int_equal(e.counters, 1);
	assert_int_equal(e.known, 1);
	assert_int_equal(e.ahead, 4);
	assert_int_equal(e.wait, 2 * 600); /* 3: A-003, then C-001, then the new one */
	assert_int_equal(estimate(h, "A", 600).counters, 3);
}

static void
test_no_open_counter_means_unknown(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	test_issue(h, "B");
	test_issue(h, "B");
	e = estimate(h, "B", 500);
	assert_int_equal(e.ahead, 2);
	assert_int_equal(e.counters, 0);
	assert_int_equal(e.avg_service, 500);
	assert_int_equal(e.known, 0);
	assert_int_equal(e.wait, 0);
	/* a counter opened and closed again serves no one */
	test_open_counter(h, 2);
	assert_int_equal(kz_counter_close(h->db, 2, NULL, NULL, err), KZ_OK);
	e = estimate(h, "B", 500);
	assert_int_equal(e.counters, 0);
	assert_int_equal(e.known, 0);
}

/* Yesterday's visits are no sample of today's, only the typical visit that
 * fills the missing samples of the morning. */
static void
test_yesterday_is_typical_and_unserved_visits_are_not_counted(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;

	/* Thursday: three quick visits, two left waiting (no close of day) */
	test_at("2026-03-19T09:00");
	for (int i = 0; i < 5; i++)
		test_issue(h, "A");
	test_open_counter(h, 1);
	serve(h, 1, "A-001", "2026-03-19T09:00", "2026-03-19T09:01");
	serve(h, 1, "A-002", "2026-03-19T09:01", "2026-03-19T09:02");
	serve(h, 1, "A-003", "2026-03-19T09:02", "2026-03-19T09:03");

	/* Friday: one no-show, one transferred, one cancelled, one served */
	test_at("2026-03-20T09:00");
	for (int i = 0; i < 4; i++)
		test_issue(h, "A");
	test_at("2026-03-20T09:10");
	next(h, 1, "A-001");
	test_at("2026-03-20T09:15");
	finish(h, 1, KZ_NO_SHOW, NULL);
	test_at("2026-03-20T09:16");
	next(h, 1, "A-002");
	test_at("2026-03-20T09:40");
	finish(h, 1, KZ_TRANSFERRED, "C");
	test_at("2026-03-20T09:41");
	next(h, 1, "A-003");
	test_at("2026-03-20T10:41");
	finish(h, 1, KZ_CANCELLED, NULL);
	serve(h, 1, "A-004", "2026-03-20T10:45", "2026-03-20T11:05"); /* 1200 s */
	e = estimate(h, "A", 600);
	assert_int_equal(e.ahead, 0); /* Thursday's wait no more today */
	assert_int_equal(e.samples, 1);
	assert_int_equal(e.avg_service, (1200 + 2 * 60) / 3); /* Thursday's 60 s visits */
	assert_int_equal(e.wait, 0);
	e = estimate(h, "C", 600);
	assert_int_equal(e.ahead, 1); /* the transferred visitor */
	assert_int_equal(e.samples, 0);
}

static void
test_unknown_service_and_bad_default_are_refused(void **state)
{
	struct test_hall *h = *state;
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(kz_wait_estimate(h->db, &h->cfg.hours, "Z", 600, &e, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "no service 'Z'"));
	assert_non_null(strstr(err, "A, B, C"));
	assert_int_equal(kz_wait_estimate(h->db, &h->cfg.hours, "A", 0, &e, err), KZ_EINVAL);
	assert_non_null(strstr(err, "not positive"));
	assert_int_equal(kz_wait_estimate(h->db, &h->cfg.hours, "A", -60, &e, err), KZ_EINVAL);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_estimate_from_today_served_visits),
		T(test_few_samples_blend_with_the_default),
		T(test_paused_counter_is_not_counted),
		T(test_no_open_counter_means_unknown),
		T(test_yesterday_is_typical_and_unserved_visits_are_not_counted),
		T(test_unknown_service_and_bad_default_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
