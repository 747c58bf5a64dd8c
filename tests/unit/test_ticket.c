/*
 * test_ticket.c - the queue: issue, call, recall, start, finish, transfer,
 * close of day.  Every rejected call is checked to have changed nothing.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/estimate.h"
#include "queue/history.h"
#include "queue/status.h"
#include "queue/ticket.h"

#define DAY1 "2026-03-20"
#define DAY2 "2026-03-26" /* Thursday, the first working day after Nauryz */

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
start(struct test_hall *h, int counter)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_start(h->db, counter, &t, err) != KZ_OK)
		fail_msg("start %d: %s", counter, err);
	return t;
}

static struct kz_ticket
finish(struct test_hall *h, int counter, enum kz_outcome o, const char *to)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_finish(h->db, counter, o, to, NULL, &t, err) != KZ_OK)
		fail_msg("finish %d %s: %s", counter, kz_outcome_name(o), err);
	return t;
}

/* The current place of number on day (NULL: today). */
static struct kz_ticket
find(struct test_hall *h, const char *number, const char *day)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_find(h->db, number, day, &t, err) != KZ_OK)
		fail_msg("find %s %s: %s", number, day ? day : "today", err);
	return t;
}

static void
assert_same_ticket(const struct kz_ticket *a, const struct kz_ticket *b)
{
	assert_int_equal(a->id, b->id);
	assert_string_equal(a->number, b->number);
	assert_string_equal(a->service, b->service);
	assert_string_equal(a->day, b->day);
	assert_int_equal(a->state, b->state);
	assert_int_equal(a->outcome, b->outcome);
	assert_int_equal(a->issued_at, b->issued_at);
	assert_int_equal(a->called_at, b->called_at);
	assert_int_equal(a->started_at, b->started_at);
	assert_int_equal(a->finished_at, b->finished_at);
	assert_int_equal(a->counter, b->counter);
	assert_int_equal(a->recalls, b->recalls);
	assert_string_equal(a->clerk, b->clerk);
}

/* A ticket's history, collected. */
struct events {
	int n;
	struct kz_event ev[32];
};

static int
collect(const struct kz_event *ev, void *arg)
{
	struct events *e = arg;

	if (e->n < 32)
		e->ev[e->n++] = *ev;
	return 0;
}

static int
history_len(struct test_hall *h, const char *number, const char *day)
{
	struct events e = {0};
	char err[KZ_ERR_LEN] = "";

	if (kz_history_ticket(h->db, number, day, collect, &e, err) != KZ_OK)
		fail_msg("history %s: %s", number, err);
	return e.n;
}

static void
assert_audit_ok(struct test_hall *h, int64_t rows)
{
	char err[KZ_ERR_LEN] = "";
	int64_t n = -1;

	if (kz_history_audit(h->db, &n, err) != KZ_OK)
		fail_msg("audit: %s", err);
	assert_int_equal(n, rows);
	if (kz_db_integrity(h->db, err) != KZ_OK)
		fail_msg("integrity: %s", err);
}

/* ---- issue ---- */

static void
test_issue_numbers_each_service_from_001(void **state)
{
	struct test_hall *h = *state;
	int64_t t = test_at(DAY1 "T10:00");
	struct kz_ticket a1 = test_issue(h, "A"), a2 = test_issue(h, "A"), b1 = test_issue(h, "B"),
			 a3 = test_issue(h, "A");

	assert_string_equal(a1.number, "A-001");
	assert_string_equal(a2.number, "A-002");
	assert_string_equal(b1.number, "B-001");
	assert_string_equal(a3.number, "A-003");
	assert_int_equal(a1.state, KZ_TICKET_WAITING);
	assert_string_equal(a1.service, "A");
	assert_string_equal(b1.service, "B");
	assert_string_equal(a1.day, DAY1);
	assert_int_equal(a1.outcome, KZ_OUTCOME_NONE);
	assert_int_equal(a1.issued_at, t);
	assert_int_equal(a1.counter, 0);
	assert_int_equal(a1.called_at, 0);
}

/* People ahead of a ticket just issued, as the kiosk and the paper say it
 * (estimate.h): every ticket its counters call first, of any service. */
static int
ahead(struct test_hall *h, struct kz_ticket t)
{
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	if (kz_wait_estimate_ticket(h->db, &h->cfg.hours, t.id, 600, &e, err) != KZ_OK)
		fail_msg("%s", err);
	assert_true(e.waiting);
	return e.ahead;
}

static void
test_issue_ahead_counts_waiting_called_first(void **state)
{
	struct test_hall *h = *state;

	test_at(DAY1 "T10:00");
	assert_int_equal(ahead(h, test_issue(h, "A")), 0);
	test_at(DAY1 "T10:01");
	assert_int_equal(ahead(h, test_issue(h, "A")), 1);
	test_at(DAY1 "T10:02");
	/* counters 1-3 serve A and B alike: the two A's go first */
	assert_int_equal(ahead(h, test_issue(h, "B")), 2);
	assert_int_equal(ahead(h, test_issue(h, "A")), 3);
	test_open_counter(h, 1);
	assert_string_equal(call(h, 1).number, "A-001");
	/* A-001 is at the counter now, no longer ahead of anyone */
	assert_int_equal(ahead(h, test_issue(h, "A")), 3);
}

static void
test_issue_numbering_restarts_next_day_and_day_one_keeps_its_tickets(void **state)
{
	struct test_hall *h = *state;
	int64_t t1 = test_at(DAY1 "T10:00");
	struct kz_ticket old = test_issue(h, "A"), today, kept;
	char err[KZ_ERR_LEN] = "";

	test_issue(h, "A");
	test_issue(h, "B");
	test_at(DAY2 "T09:00");
	today = test_issue(h, "A");
	assert_string_equal(today.number, "A-001");
	assert_string_equal(today.day, DAY2);
	assert_int_equal(ahead(h, today), 0); /* yesterday's do not count */
	assert_string_equal(test_issue(h, "B").number, "B-001");

	kept = find(h, "A-001", DAY1);
	assert_same_ticket(&kept, &old);
	assert_int_equal(kept.issued_at, t1);
	assert_int_equal(find(h, "A-002", DAY1).state, KZ_TICKET_WAITING);
	assert_int_equal(find(h, "A-001", NULL).id, today.id);
	assert_int_equal(kz_ticket_find(h->db, "A-002", NULL, &kept, err), KZ_ENOTFOUND);
}

static void
test_issue_unknown_service_names_known_services(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "Z", &t, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "'Z'"));
	assert_non_null(strstr(err, "A, B, C"));
	/* nothing was issued and no number was used up */
	assert_int_equal(kz_ticket_find(h->db, "Z-001", NULL, &t, err), KZ_ENOTFOUND);
	assert_string_equal(test_issue(h, "A").number, "A-001");
}

/* ---- next ---- */

static void
test_next_calls_longest_waiting_across_services(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	int64_t called;

	test_at(DAY1 "T10:01");
	test_issue(h, "B");
	test_at(DAY1 "T10:02");
	test_issue(h, "A");
	test_open_counter(h, 1);
	called = test_at(DAY1 "T10:05");
	t = call(h, 1);
	assert_string_equal(t.number, "B-001");
	assert_int_equal(t.state, KZ_TICKET_CALLED);
	assert_int_equal(t.counter, 1);
	assert_int_equal(t.called_at, called);
	assert_string_equal(t.clerk, "Clerk Number1");
	assert_int_equal(find(h, "A-001", NULL).state, KZ_TICKET_WAITING);
	finish(h, 1, KZ_SERVED, NULL);
	assert_string_equal(call(h, 1).number, "A-001");
}

static void
test_next_on_counter_serving_only_c_never_calls_a(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_at(DAY1 "T10:01");
	test_issue(h, "C");
	test_open_counter(h, 4);
	assert_string_equal(call(h, 4).number, "C-001");
	finish(h, 4, KZ_SERVED, NULL);
	assert_int_equal(kz_ticket_next(h->db, 4, &t, err), KZ_EEMPTY);
	t = find(h, "A-001", NULL);
	assert_int_equal(t.state, KZ_TICKET_WAITING);
	assert_int_equal(t.counter, 0);
}

static void
test_next_does_not_call_yesterdays_tickets(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T17:20");
	test_issue(h, "A");
	test_open_counter(h, 1);
	test_at(DAY2 "T09:00");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EEMPTY);
	assert_int_equal(find(h, "A-001", DAY1).state, KZ_TICKET_WAITING);
	test_at(DAY2 "T09:05");
	test_issue(h, "A");
	t = call(h, 1);
	assert_string_equal(t.number, "A-001");
	assert_string_equal(t.day, DAY2);
	assert_int_equal(find(h, "A-001", DAY1).state, KZ_TICKET_WAITING);
}

static void
test_next_with_no_one_waiting_is_empty(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EEMPTY);
	test_issue(h, "C"); /* counter 1 serves A and B only */
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EEMPTY);
	assert_int_equal(find(h, "C-001", NULL).state, KZ_TICKET_WAITING);
}

static void
test_next_on_closed_counter_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	before = test_issue(h, "A");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "closed"));
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 1);
}

static void
test_next_with_visitor_at_counter_is_rejected_and_changes_nothing(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, first, second;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	test_open_counter(h, 2);
	call(h, 1);
	first = find(h, "A-001", NULL);
	second = find(h, "A-002", NULL);
	test_at(DAY1 "T10:03");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "A-001"));
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &first);
	t = find(h, "A-002", NULL);
	assert_same_ticket(&t, &second);
	assert_string_equal(call(h, 2).number, "A-002"); /* it was not taken */
}

static void
test_two_counters_never_get_the_same_ticket(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t1, t2, t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "B");
	test_open_counter(h, 1);
	test_open_counter(h, 2);
	test_open_counter(h, 3);
	t1 = call(h, 1);
	t2 = call(h, 2);
	assert_string_equal(t1.number, "A-001");
	assert_string_equal(t2.number, "B-001");
	assert_int_equal(kz_ticket_next(h->db, 3, &t, err), KZ_EEMPTY);
	assert_int_equal(find(h, "A-001", NULL).counter, 1);
	assert_int_equal(find(h, "B-001", NULL).counter, 2);
	assert_audit_ok(h, 2);
}

/* ---- recall, start ---- */

static void
test_recall_counts_only_while_called(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_recall(h->db, 1, &t, err), KZ_EREJECT); /* nobody there */
	call(h, 1);
	assert_int_equal(kz_ticket_recall(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(t.recalls, 1);
	assert_int_equal(kz_ticket_recall(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(t.recalls, 2);
	assert_int_equal(t.state, KZ_TICKET_CALLED);
	start(h, 1);
	assert_int_equal(kz_ticket_recall(h->db, 1, &t, err), KZ_EREJECT);
	t = find(h, "A-001", NULL);
	assert_int_equal(t.recalls, 2);
	assert_int_equal(t.state, KZ_TICKET_SERVING);
}

static void
test_start_serves_called_ticket_from_now(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	int64_t called, started;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	called = test_at(DAY1 "T10:05");
	call(h, 1);
	started = test_at(DAY1 "T10:07");
	t = start(h, 1);
	assert_string_equal(t.number, "A-001");
	assert_int_equal(t.state, KZ_TICKET_SERVING);
	assert_int_equal(t.called_at, called);
	assert_int_equal(t.started_at, started);
	assert_int_equal(t.counter, 1);
}

static void
test_start_twice_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	test_at(DAY1 "T10:02");
	before = start(h, 1);
	test_at(DAY1 "T10:09");
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_EREJECT);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
}

static void
test_start_without_ticket_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_EREJECT);
	assert_int_equal(find(h, "A-001", NULL).state, KZ_TICKET_WAITING);
}

/* ---- finish ---- */

static void
test_finish_served_from_called_frees_counter(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	int64_t done;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	done = test_at(DAY1 "T10:04");
	t = finish(h, 1, KZ_SERVED, NULL);
	assert_string_equal(t.number, "A-001");
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_SERVED);
	assert_int_equal(t.finished_at, done);
	assert_int_equal(t.started_at, 0);
	assert_string_equal(call(h, 1).number, "A-002");
}

static void
test_finish_served_from_serving(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	int64_t started, done;

	test_at(DAY1 "T10:00");
	test_issue(h, "B");
	test_open_counter(h, 2);
	call(h, 2);
	started = test_at(DAY1 "T10:01");
	start(h, 2);
	done = test_at(DAY1 "T10:20");
	t = finish(h, 2, KZ_SERVED, NULL);
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_SERVED);
	assert_int_equal(t.started_at, started);
	assert_int_equal(t.finished_at, done);
	assert_int_equal(t.counter, 2);
}

static void
test_no_show_from_called(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	test_at(DAY1 "T10:03");
	t = finish(h, 1, KZ_NO_SHOW, NULL);
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_NO_SHOW);
	assert_int_equal(find(h, "A-001", NULL).outcome, KZ_NO_SHOW);
}

static void
test_no_show_after_start_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	before = start(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_NO_SHOW, NULL, NULL, &t, err), KZ_EREJECT);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(finish(h, 1, KZ_SERVED, NULL).outcome, KZ_SERVED);
}

static void
test_finish_cancelled(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;

	test_at(DAY1 "T10:00");
	test_issue(h, "C");
	test_open_counter(h, 4);
	call(h, 4);
	start(h, 4);
	t = finish(h, 4, KZ_CANCELLED, NULL);
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_CANCELLED);
	assert_int_equal(find(h, "C-001", NULL).outcome, KZ_CANCELLED);
}

static void
test_finish_without_ticket_at_counter_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_EREJECT);
	assert_int_equal(find(h, "A-001", NULL).state, KZ_TICKET_WAITING);
	assert_int_equal(history_len(h, "A-001", NULL), 1);
}

static void
test_finish_with_wrong_expected_number_is_rejected_and_changes_nothing(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	test_at(DAY1 "T10:05");
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, "A-002", &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "A-001"));
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 2); /* issued, called */
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, "B", "A-002", &t, err),
		KZ_EREJECT);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before); /* no new place in B */
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, "A-001", &t, err), KZ_OK);
	assert_int_equal(t.outcome, KZ_SERVED);
}

static void
test_finish_with_office_closed_is_invalid(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_OFFICE_CLOSED, NULL, NULL, &t, err),
		KZ_EINVAL);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
}

static void
test_finish_with_target_but_no_transfer_is_invalid(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, "B", NULL, &t, err), KZ_EINVAL);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 2);
}

/* ---- transfer ---- */

static void
test_transfer_keeps_number_and_turn_in_target_service(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket moved;
	int64_t issued = test_at(DAY1 "T10:00");

	test_issue(h, "A");
	test_at(DAY1 "T10:05");
	test_issue(h, "C"); /* C-001 came later than A-001 */
	test_open_counter(h, 1);
	test_open_counter(h, 4);
	test_at(DAY1 "T10:10");
	call(h, 1);
	test_at(DAY1 "T10:15");
	moved = finish(h, 1, KZ_TRANSFERRED, "C");
	assert_string_equal(moved.number, "A-001");
	assert_string_equal(moved.service, "C");
	assert_int_equal(moved.state, KZ_TICKET_WAITING);
	assert_int_equal(moved.issued_at, issued);
	assert_int_equal(moved.counter, 0);
	assert_int_equal(find(h, "A-001", NULL).id, moved.id);
	/* A-001 went ahead of C-001, issued after it */
	assert_string_equal(call(h, 4).number, "A-001");
	assert_int_equal(find(h, "C-001", NULL).state, KZ_TICKET_WAITING);
}

static void
test_transferred_visitor_is_called_again_in_new_service(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket moved, t;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	call(h, 1);
	moved = finish(h, 1, KZ_TRANSFERRED, "B");
	/* counter 1 serves B too: it calls the visitor again in the new queue */
	t = call(h, 1);
	assert_int_equal(t.id, moved.id);
	assert_string_equal(t.service, "B");
	finish(h, 1, KZ_SERVED, NULL);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EEMPTY);
	assert_audit_ok(h, 2);
}

static void
test_transfer_to_same_service_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, "A", NULL, &t, err),
		KZ_EREJECT);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 2);
}

static void
test_transfer_to_unknown_service_is_not_found(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, "Z", NULL, &t, err),
		KZ_ENOTFOUND);
	assert_non_null(strstr(err, "A, B, C"));
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 2);
}

static void
test_transfer_without_target_is_invalid(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, NULL, NULL, &t, err),
		KZ_EINVAL);
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, "", NULL, &t, err), KZ_EINVAL);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_int_equal(history_len(h, "A-001", NULL), 2);
}

static void
test_history_follows_ticket_across_transfer(void **state)
{
	struct test_hall *h = *state;
	struct events e = {0};
	char err[KZ_ERR_LEN] = "";
	int64_t t0 = test_at(DAY1 "T10:00"), t1, t2, t3;
	static const char *const kinds[] = {"issued", "called", "transferred", "requeued", "called",
		"started", "served"};

	test_issue(h, "A");
	test_open_counter(h, 1);
	test_open_counter(h, 4);
	t1 = test_at(DAY1 "T10:05");
	call(h, 1);
	t2 = test_at(DAY1 "T10:10");
	finish(h, 1, KZ_TRANSFERRED, "C");
	t3 = test_at(DAY1 "T10:20");
	call(h, 4);
	start(h, 4);
	finish(h, 4, KZ_SERVED, NULL);

	assert_int_equal(kz_history_ticket(h->db, "A-001", NULL, collect, &e, err), KZ_OK);
	assert_int_equal(e.n, 7);
	for (int i = 0; i < 7; i++) {
		assert_string_equal(e.ev[i].kind, kinds[i]);
		assert_string_equal(e.ev[i].number, "A-001");
	}
	assert_int_equal(e.ev[0].at, t0);
	assert_string_equal(e.ev[0].service, "A");
	assert_int_equal(e.ev[1].at, t1);
	assert_int_equal(e.ev[1].counter, 1);
	assert_string_equal(e.ev[1].clerk, "Clerk Number1");
	assert_int_equal(e.ev[2].at, t2);
	assert_string_equal(e.ev[2].service, "C");
	assert_int_equal(e.ev[3].at, t2);
	assert_string_equal(e.ev[3].service, "C");
	assert_int_equal(e.ev[4].at, t3);
	assert_int_equal(e.ev[4].counter, 4);
	for (int i = 1; i < 7; i++)
		assert_true(e.ev[i].id > e.ev[i - 1].id);
	assert_audit_ok(h, 2);
}

/* ---- close of day ---- */

static void
test_close_day_closes_waiting_of_today_and_earlier(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, called, serving;
	char err[KZ_ERR_LEN] = "";
	int closed = -1, at_counters = -1;
	int64_t closing;

	test_at(DAY1 "T17:00");
	test_issue(h, "A");
	test_issue(h, "B");
	test_open_counter(h, 1);
	test_open_counter(h, 4);
	test_at(DAY2 "T09:00");
	test_issue(h, "A");
	test_issue(h, "C");
	test_issue(h, "B");
	called = call(h, 1); /* today's A-001 */
	call(h, 4);          /* C-001 */
	serving = start(h, 4);
	closing = test_at(DAY2 "T18:00");
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	assert_int_equal(closed, 3); /* yesterday's A-001, B-001 and today's B-001 */
	assert_int_equal(at_counters, 2);

	t = find(h, "A-001", DAY1);
	assert_int_equal(t.state, KZ_TICKET_DONE);
	assert_int_equal(t.outcome, KZ_OFFICE_CLOSED);
	assert_int_equal(t.finished_at, closing);
	assert_int_equal(find(h, "B-001", DAY1).outcome, KZ_OFFICE_CLOSED);
	assert_int_equal(find(h, "B-001", NULL).outcome, KZ_OFFICE_CLOSED);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &called);
	t = find(h, "C-001", NULL);
	assert_same_ticket(&t, &serving);

	/* the visitors at counters are finished by their clerks as usual */
	assert_int_equal(finish(h, 1, KZ_SERVED, NULL).outcome, KZ_SERVED);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EEMPTY);
	assert_audit_ok(h, 5);
}

static void
test_close_day_twice_closes_nothing_more(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	int closed = -1, at_counters = -1;

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_at(DAY1 "T18:00");
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	assert_int_equal(closed, 1);
	assert_int_equal(at_counters, 0);
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	assert_int_equal(closed, 0);
	assert_int_equal(at_counters, 0);
}

/* ---- the log ---- */

static void
test_audit_agrees_after_mixed_sequence(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";
	int closed, at_counters;

	test_at(DAY1 "T09:00");
	for (int i = 0; i < 3; i++)
		test_issue(h, "A");
	test_issue(h, "B");
	test_issue(h, "C");
	test_open_counter(h, 1);
	test_open_counter(h, 3);
	test_at(DAY1 "T09:10");
	call(h, 1); /* */
	kz_ticket_recall(h->db, 1, &t, err);
	finish(h, 1, KZ_NO_SHOW, NULL);
	call(h, 3); /* */
	start(h, 3);
	finish(h, 3, KZ_TRANSFERRED, "C"); /* A-002 into C, ahead of C-001 */
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK); /* */
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EREJECT);
	assert_string_equal(call(h, 3).number, "A-002");
	finish(h, 3, KZ_CANCELLED, NULL);
	test_at(DAY1 "T18:00");
	assert_int_equal(kz_ticket_close_day(h->db, &closed, &at_counters, err), KZ_OK);
	assert_int_equal(closed, 2);      /* B-001, C-001 */
	assert_int_equal(at_counters, 1); /* */
	assert_audit_ok(h, 6);
}

static void
test_outcome_names_parse_back(void **state)
{
	enum kz_outcome o;

	(void)state;
	for (int i = KZ_SERVED; i <= KZ_OFFICE_CLOSED; i++) {
		assert_int_equal(kz_outcome_parse(kz_outcome_name((enum kz_outcome)i), &o), KZ_OK);
		assert_int_equal(o, i);
	}
	assert_int_equal(kz_outcome_parse("no-show", &o), KZ_OK);
	assert_int_equal(o, KZ_NO_SHOW);
	assert_int_equal(kz_outcome_parse("gone", &o), KZ_EINVAL);
}

/* history's callback: keep the comment of the requeued event */
static int
requeued_comment(const struct kz_event *ev, void *arg)
{
	if (strcmp(ev->kind, "requeued") == 0)
		snprintf(arg, KZ_TRANSFER_COMMENT_LEN, "%s", ev->comment);
	return 0;
}

/* A transfer's comment goes with the new place, is read with it and in
 * its history; a comment with a control character or too long is refused
 * and changes nothing; without a comment there is none. */
static void
test_transfer_comment_goes_with_the_new_place(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t, before;
	char err[KZ_ERR_LEN] = "", long_text[KZ_TRANSFER_COMMENT_LEN + 8],
	     seen[KZ_TRANSFER_COMMENT_LEN] = "";

	test_at(DAY1 "T10:00");
	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 1);
	before = call(h, 1);
	assert_int_equal(kz_ticket_transfer(h->db, 1, "B", "two\nlines", NULL, &t, err), KZ_EINVAL);
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	assert_int_equal(kz_ticket_transfer(h->db, 1, "B", long_text, NULL, &t, err), KZ_EINVAL);
	t = find(h, "A-001", NULL);
	assert_same_ticket(&t, &before);
	assert_string_equal(t.comment, "");

	assert_int_equal(kz_ticket_transfer(h->db, 1, "B", "көшірмесі бар", "A-001", &t, err),
		KZ_OK);
	assert_string_equal(t.service, "B");
	assert_string_equal(t.comment, "көшірмесі бар");
	t = find(h, "A-001", NULL);
	assert_string_equal(t.comment, "көшірмесі бар");
	assert_int_equal(kz_history_ticket(h->db, "A-001", NULL, requeued_comment, seen, err),
		KZ_OK);
	assert_string_equal(seen, "көшірмесі бар");

	call(h, 1); /* the next of A-002 and A-001 (now in B): either, transferred bare */
	assert_int_equal(kz_ticket_transfer(h->db, 1, "C", NULL, NULL, &t, err), KZ_OK);
	assert_string_equal(t.comment, "");
	assert_audit_ok(h, 4);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_issue_numbers_each_service_from_001),
		T(test_issue_ahead_counts_waiting_called_first),
		T(test_issue_numbering_restarts_next_day_and_day_one_keeps_its_tickets),
		T(test_issue_unknown_service_names_known_services),
		T(test_next_calls_longest_waiting_across_services),
		T(test_next_on_counter_serving_only_c_never_calls_a),
		T(test_next_does_not_call_yesterdays_tickets),
		T(test_next_with_no_one_waiting_is_empty),
		T(test_next_on_closed_counter_is_rejected),
		T(test_next_with_visitor_at_counter_is_rejected_and_changes_nothing),
		T(test_two_counters_never_get_the_same_ticket),
		T(test_recall_counts_only_while_called),
		T(test_start_serves_called_ticket_from_now),
		T(test_start_twice_is_rejected),
		T(test_start_without_ticket_is_rejected),
		T(test_finish_served_from_called_frees_counter),
		T(test_finish_served_from_serving),
		T(test_no_show_from_called),
		T(test_no_show_after_start_is_rejected),
		T(test_finish_cancelled),
		T(test_finish_without_ticket_at_counter_is_rejected),
		T(test_finish_with_wrong_expected_number_is_rejected_and_changes_nothing),
		T(test_finish_with_office_closed_is_invalid),
		T(test_finish_with_target_but_no_transfer_is_invalid),
		T(test_transfer_keeps_number_and_turn_in_target_service),
		T(test_transferred_visitor_is_called_again_in_new_service),
		T(test_transfer_to_same_service_is_rejected),
		T(test_transfer_to_unknown_service_is_not_found),
		T(test_transfer_without_target_is_invalid),
		T(test_transfer_comment_goes_with_the_new_place),
		T(test_history_follows_ticket_across_transfer),
		T(test_close_day_closes_waiting_of_today_and_earlier),
		T(test_close_day_twice_closes_nothing_more),
		T(test_audit_agrees_after_mixed_sequence),
		T(test_outcome_names_parse_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
