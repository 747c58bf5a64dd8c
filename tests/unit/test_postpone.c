/*
 * test_postpone.c - postpone and return: the counter calls others while
 * its visitor is away, calls them back, a postponement that runs out ends
 * as a no-show, the wait and the service time, the event log's audit.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/history.h"
#include "queue/postpone.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "queue/wait.h"

#define DAY1 "2026-03-20"

static struct kz_ticket
call(struct test_hall *h, int counter)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_next(h->db, counter, &t, err) != KZ_OK)
		fail_msg("next %d: %s", counter, err);
	return t;
}

static struct kz_ticket
postpone(struct test_hall *h, int counter, const char *reason, int minutes)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_postpone(h->db, counter, reason, minutes, &t, err) != KZ_OK)
		fail_msg("postpone %d: %s", counter, err);
	return t;
}

static struct kz_ticket
back(struct test_hall *h, int counter, const char *number)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_return(h->db, counter, number, &t, err) != KZ_OK)
		fail_msg("return %s to %d: %s", number, counter, err);
	return t;
}

static struct kz_ticket
find(struct test_hall *h, const char *number)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_find(h->db, number, NULL, &t, err) != KZ_OK)
		fail_msg("find %s: %s", number, err);
	return t;
}

static void
assert_audit_ok(struct test_hall *h)
{
	char err[KZ_ERR_LEN] = "";

	if (kz_history_audit(h->db, NULL, err) != KZ_OK)
		fail_msg("audit: %s", err);
}

static int
listed(struct test_hall *h, int counter, struct kz_postponed *out, int max)
{
	char err[KZ_ERR_LEN] = "";
	int n = -1;

	if (kz_postponed_list(h->db, counter, out, max, &n, err) != KZ_OK)
		fail_msg("list %d: %s", counter, err);
	return n;
}

/* The clerk sends A-001 for a copy, serves A-002 meanwhile, and calls
 * A-001 back: still called (service had not started), the wait as it was
 * at the first call, the counter free while they were away. */
static void
test_postponed_visitor_waits_aside_while_the_counter_calls_others(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_postponed p[4];
	struct kz_status *s = test_malloc(sizeof *s);
	struct kz_ticket a1, t;
	int64_t t0 = test_at(DAY1 "T10:00"), t1, t2;

	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	t1 = test_at(DAY1 "T10:12");
	a1 = call(h, 1);
	assert_string_equal(a1.number, "A-001");
	test_at(DAY1 "T10:13");
	t = postpone(h, 1, "копия удостоверения", 20);
	assert_int_equal(t.state, KZ_TICKET_POSTPONED);
	assert_int_equal(t.postponed_until, test_at(DAY1 "T10:33"));
	test_at(DAY1 "T10:13");

	/* the counter is free and says nothing of A-001; the list does */
	assert_int_equal(kz_status_read(h->db, s, err), KZ_OK);
	assert_string_equal(s->counters[0].ticket, "");
	assert_int_equal(s->waiting, 1);
	assert_int_equal(listed(h, 1, p, 4), 1);
	assert_string_equal(p[0].number, "A-001");
	assert_string_equal(p[0].service, "A");
	assert_string_equal(p[0].reason, "копия удостоверения");
	assert_int_equal(p[0].issued_at, t0);
	assert_int_equal(listed(h, 2, p, 4), 0);
	assert_string_equal(call(h, 1).number, "A-002");
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);

	t2 = test_at(DAY1 "T10:25");
	t = back(h, 1, "A-001");
	assert_int_equal(t.state, KZ_TICKET_CALLED);
	assert_int_equal(t.counter, 1);
	assert_int_equal(t.called_at, t1);
	assert_int_equal(kz_wait_seconds(t.issued_at, t.called_at, 0), 12 * 60);
	assert_int_equal(t.away_seconds, t2 - test_at(DAY1 "T10:13"));
	test_at(DAY1 "T10:25");
	assert_int_equal(listed(h, 1, p, 4), 0);
	assert_int_equal(kz_status_read(h->db, s, err), KZ_OK);
	assert_string_equal(s->counters[0].ticket, "A-001");
	/* the service clock does not count the 12 minutes away */
	assert_int_equal(s->counters[0].ticket_since, t1 + 12 * 60);
	/* never started: it can still be a no-show */
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_NO_SHOW, NULL, NULL, &t, err), KZ_OK);
	assert_audit_ok(h);
	test_free(s);
}

/* A visitor in service goes for a copy and comes back into service; the
 * served visit's service time leaves the time away out. */
static void
test_visitor_in_service_comes_back_into_service(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;
	int64_t called, started;

	test_at(DAY1 "T10:00");
	test_issue(h, "B");
	test_open_counter(h, 2);
	called = test_at(DAY1 "T10:05");
	call(h, 2);
	started = test_at(DAY1 "T10:06");
	assert_int_equal(kz_ticket_start(h->db, 2, &t, err), KZ_OK);
	test_at(DAY1 "T10:10");
	postpone(h, 2, "fee receipt", 30);
	test_at(DAY1 "T10:30");
	t = back(h, 2, "B-001");
	assert_int_equal(t.state, KZ_TICKET_SERVING);
	assert_int_equal(t.started_at, started);
	assert_int_equal(t.called_at, called);
	assert_int_equal(t.away_seconds, 20 * 60);
	/* no-show only for a call not started */
	assert_int_equal(kz_ticket_finish(h->db, 2, KZ_NO_SHOW, NULL, NULL, &t, err), KZ_EREJECT);
	test_at(DAY1 "T10:34");
	assert_int_equal(kz_ticket_finish(h->db, 2, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	/* 29 minutes from call to finish, 20 of them away: 9 of service */
	assert_int_equal(kz_service_seconds(t.called_at + t.away_seconds, t.finished_at, 0),
		9 * 60);
	assert_audit_ok(h);
}

/* Nobody came back in time: the next operation on the counter ends the
 * postponement as a no-show at its limit, and a late return is refused
 * saying so. */
static void
test_postponement_that_runs_out_ends_as_a_no_show(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_postponed p[2];
	struct kz_ticket t;
	int64_t until;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	until = postpone(h, 1, "copy", 10).postponed_until;
	test_at(DAY1 "T10:09");
	assert_int_equal(find(h, "A-001").state, KZ_TICKET_POSTPONED);
	test_at(DAY1 "T10:11");
	/* still postponed until something touches the counter */
	assert_int_equal(find(h, "A-001").state, KZ_TICKET_POSTPONED);
	assert_string_equal(call(h, 1).number, "A-002");
	t = find(h, "A-001");
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_NO_SHOW);
	assert_int_equal(t.finished_at, until);
	assert_int_equal(listed(h, 1, p, 2), 0);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_return(h->db, 1, "A-001", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "did not come back by 10:10"));
	assert_audit_ok(h);
}

/* A late return is refused, and the no-show it finds is kept. */
static void
test_late_return_records_the_no_show(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	postpone(h, 1, "copy", 5);
	test_at(DAY1 "T10:30");
	assert_int_equal(kz_ticket_return(h->db, 1, "A-001", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "no-show"));
	t = find(h, "A-001");
	assert_int_equal(t.outcome, KZ_NO_SHOW);
	assert_audit_ok(h);
}

/* The list ends the run-out ones too, so a clerk never sees a stale one. */
static void
test_list_ends_postponements_that_ran_out(void **state)
{
	struct test_hall *h = *state;
	struct kz_postponed p[4];

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "B");
	test_open_counter(h, 1);
	call(h, 1);
	postpone(h, 1, "copy", 5);
	call(h, 1);
	postpone(h, 1, "power of attorney", 40);
	test_at(DAY1 "T10:20");
	assert_int_equal(listed(h, 1, p, 4), 1);
	assert_string_equal(p[0].number, "B-001");
	assert_string_equal(p[0].reason, "power of attorney");
	assert_int_equal(find(h, "A-001").outcome, KZ_NO_SHOW);
	assert_audit_ok(h);
}

/* Close of day: a postponement run out is a no-show, one still running
 * ends with the office closed. */
static void
test_close_day_ends_every_postponement(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	int closed = -1, at_counters = -1;

	test_at(DAY1 "T17:00");
	test_issue(h, "A");
	test_issue(h, "B");
	test_open_counter(h, 1);
	test_open_counter(h, 2);
	call(h, 1);
	postpone(h, 1, "copy", 5);
	call(h, 2);
	postpone(h, 2, "copy", 60);
	test_at(DAY1 "T17:30");
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	assert_int_equal(at_counters, 0);
	assert_int_equal(find(h, "A-001").outcome, KZ_NO_SHOW);
	assert_int_equal(find(h, "B-001").outcome, KZ_OFFICE_CLOSED);
	assert_int_equal(find(h, "B-001").finished_at, test_at(DAY1 "T17:30"));
	assert_audit_ok(h);
}

/* What a postponement and a return refuse, each changing nothing. */
static void
test_refusals_change_nothing(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	test_open_counter(h, 2);
	assert_int_equal(kz_ticket_postpone(h->db, 1, "copy", 10, &t, err), KZ_EREJECT);
	call(h, 1);
	assert_int_equal(kz_ticket_postpone(h->db, 1, "  ", 10, &t, err), KZ_EINVAL);
	assert_int_equal(kz_ticket_postpone(h->db, 1, NULL, 10, &t, err), KZ_EINVAL);
	assert_int_equal(kz_ticket_postpone(h->db, 1, "line\nbreak", 10, &t, err), KZ_EINVAL);
	assert_int_equal(kz_ticket_postpone(h->db, 1, "copy", 0, &t, err), KZ_EINVAL);
	assert_int_equal(kz_ticket_postpone(h->db, 1, "copy", KZ_POSTPONE_MAX_MINUTES + 1, &t, err),
		KZ_EINVAL);
	assert_int_equal(find(h, "A-001").state, KZ_TICKET_CALLED);
	postpone(h, 1, "copy", 30);
	/* only its own counter calls it back */
	assert_int_equal(kz_ticket_return(h->db, 2, "A-001", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "counter 1"));
	assert_int_equal(kz_ticket_return(h->db, 1, "A-002", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "not postponed"));
	assert_int_equal(kz_ticket_return(h->db, 1, "A-009", &t, err), KZ_ENOTFOUND);
	/* a counter with a visitor finishes that one first */
	call(h, 1);
	assert_int_equal(kz_ticket_return(h->db, 1, "A-001", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "A-002"));
	assert_int_equal(find(h, "A-001").state, KZ_TICKET_POSTPONED);
	assert_audit_ok(h);
}

struct story {
	char kind[8][20], detail[8][192];
	int n;
};

static int
collect(const struct kz_event *ev, void *arg)
{
	struct story *e = arg;

	if (e->n < 8) {
		snprintf(e->kind[e->n], sizeof e->kind[0], "%s", ev->kind);
		snprintf(e->detail[e->n], sizeof e->detail[0], "%s", ev->detail);
	}
	e->n++;
	return 0;
}

/* The log tells the whole story, with the reason. */
static void
test_history_tells_postponement_and_return(void **state)
{
	static const char *const kinds[] = {"issued", "called", "postponed", "returned", "started",
		"served"};
	struct test_hall *h = *state;
	struct story e = {0};
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	postpone(h, 1, "нотариалды көшірме", 15);
	back(h, 1, "A-001");
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	assert_int_equal(kz_history_ticket(h->db, "A-001", NULL, collect, &e, err), KZ_OK);
	assert_int_equal(e.n, 6);
	for (int i = 0; i < 6; i++)
		assert_string_equal(e.kind[i], kinds[i]);
	assert_string_equal(e.detail[2], "нотариалды көшірме");
	assert_audit_ok(h);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_postponed_visitor_waits_aside_while_the_counter_calls_others),
		T(test_visitor_in_service_comes_back_into_service),
		T(test_postponement_that_runs_out_ends_as_a_no_show),
		T(test_late_return_records_the_no_show),
		T(test_list_ends_postponements_that_ran_out),
		T(test_close_day_ends_every_postponement),
		T(test_refusals_change_nothing),
		T(test_history_tells_postponement_and_return),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
