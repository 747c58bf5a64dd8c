/*
 * test_counter.c - counters open, pause, resume and close under a clerk;
 * every rejected change is checked to have left the counter as it was.
 */
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/status.h"
#include "queue/ticket.h"

#define POS "Chief specialist"

/* Counter number as kz_status_read sees it now. */
static struct kz_counter_status
counter(struct test_hall *h, int number)
{
	static struct kz_status s;
	char err[KZ_ERR_LEN] = "";

	if (kz_status_read(h->db, &s, err) != KZ_OK)
		fail_msg("status: %s", err);
	for (int i = 0; i < s.ncounters; i++)
		if (s.counters[i].number == number)
			return s.counters[i];
	fail_msg("counter %d is not in the status", number);
	return s.counters[0];
}

static void
assert_counter(struct test_hall *h, int number, const char *state, const char *clerk,
	const char *ticket)
{
	struct kz_counter_status c = counter(h, number);

	assert_string_equal(kz_counter_state_name(c.state), state);
	assert_string_equal(c.clerk, clerk);
	assert_string_equal(c.ticket, ticket);
}

static void
test_open_records_clerk_and_position(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_counter_status c;

	test_at("2026-03-20T09:00");
	assert_int_equal(kz_counter_open(h->db, 2, "Aigerim Seitkali", POS, err), KZ_OK);
	c = counter(h, 2);
	assert_int_equal(c.state, KZ_COUNTER_OPEN);
	assert_string_equal(c.clerk, "Aigerim Seitkali");
	assert_string_equal(c.position, POS);
	assert_counter(h, 1, "closed", "", "");
}

static void
test_open_needs_clerk_and_position(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", longname[260];

	memset(longname, 'x', 201);
	longname[201] = '\0';
	test_at("2026-03-20T09:00");
	assert_int_equal(kz_counter_open(h->db, 1, "", POS, err), KZ_EINVAL);
	assert_int_equal(kz_counter_open(h->db, 1, NULL, POS, err), KZ_EINVAL);
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", "", err), KZ_EINVAL);
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", NULL, err), KZ_EINVAL);
	assert_int_equal(kz_counter_open(h->db, 1, longname, POS, err), KZ_EINVAL);
	assert_counter(h, 1, "closed", "", "");
}

static void
test_open_twice_is_rejected_and_keeps_first_clerk(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T09:00");
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", POS, err), KZ_OK);
	assert_int_equal(kz_counter_open(h->db, 1, "Nurlan Abenov", POS, err), KZ_EREJECT);
	assert_non_null(strstr(err, "Aigerim Seitkali"));
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", POS, err), KZ_EREJECT);
	assert_counter(h, 1, "open", "Aigerim Seitkali", "");
}

static void
test_same_clerk_at_two_counters_is_rejected(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T09:00");
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", POS, err), KZ_OK);
	assert_int_equal(kz_counter_open(h->db, 2, "Aigerim Seitkali", POS, err), KZ_EREJECT);
	assert_non_null(strstr(err, "counter 1"));
	assert_counter(h, 2, "closed", "", "");
	assert_counter(h, 1, "open", "Aigerim Seitkali", "");
	/* once she has closed counter 1 she may open counter 2 */
	assert_int_equal(kz_counter_close(h->db, 1, NULL, NULL, err), KZ_OK);
	assert_int_equal(kz_counter_open(h->db, 2, "Aigerim Seitkali", POS, err), KZ_OK);
	assert_counter(h, 2, "open", "Aigerim Seitkali", "");
}

static void
test_clerk_of_paused_counter_cannot_open_another(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T09:00");
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", POS, err), KZ_OK);
	assert_int_equal(kz_counter_pause(h->db, 1, NULL, NULL, err), KZ_OK);
	assert_int_equal(kz_counter_open(h->db, 3, "Aigerim Seitkali", POS, err), KZ_EREJECT);
	assert_counter(h, 3, "closed", "", "");
	assert_counter(h, 1, "paused", "Aigerim Seitkali", "");
}

static void
test_pause_with_visitor_at_counter_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(kz_counter_pause(h->db, 1, NULL, NULL, err), KZ_EREJECT);
	assert_non_null(strstr(err, "visitor"));
	assert_counter(h, 1, "open", "Clerk Number1", "A-001");
	assert_int_equal(kz_ticket_find(h->db, "A-001", NULL, &t, err), KZ_OK);
	assert_int_equal(t.state, KZ_TICKET_CALLED);
	assert_int_equal(t.counter, 1);
}

static void
test_close_with_visitor_at_counter_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(kz_counter_close(h->db, 1, NULL, NULL, err), KZ_EREJECT);
	assert_counter(h, 1, "open", "Clerk Number1", "A-001");
	assert_int_equal(counter(h, 1).ticket_state, KZ_TICKET_SERVING);
	/* after the visitor is finished the counter closes */
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	assert_int_equal(kz_counter_close(h->db, 1, NULL, NULL, err), KZ_OK);
	assert_counter(h, 1, "closed", "", "");
}

static void
test_paused_counter_calls_no_one_until_resumed(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_open_counter(h, 1);
	assert_int_equal(kz_counter_pause(h->db, 1, NULL, NULL, err), KZ_OK);
	assert_counter(h, 1, "paused", "Clerk Number1", "");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_EREJECT);
	assert_non_null(strstr(err, "paused"));
	assert_int_equal(kz_ticket_find(h->db, "A-001", NULL, &t, err), KZ_OK);
	assert_int_equal(t.state, KZ_TICKET_WAITING);
	assert_int_equal(kz_counter_pause(h->db, 1, NULL, NULL, err), KZ_EREJECT); /* already */
	test_open_counter(h, 1);                                                   /* resume */
	assert_counter(h, 1, "open", "Clerk Number1", "");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	assert_string_equal(t.number, "A-001");
}

static void
test_close_or_pause_of_closed_counter_is_rejected(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	assert_int_equal(kz_counter_close(h->db, 2, NULL, NULL, err), KZ_EREJECT);
	assert_int_equal(kz_counter_pause(h->db, 2, NULL, NULL, err), KZ_EREJECT);
	test_open_counter(h, 2);
	assert_int_equal(kz_counter_close(h->db, 2, NULL, NULL, err), KZ_OK);
	assert_int_equal(kz_counter_close(h->db, 2, NULL, NULL, err), KZ_EREJECT);
	assert_counter(h, 2, "closed", "", "");
	test_issue(h, "A");
	assert_int_equal(kz_ticket_next(h->db, 2, &t, err), KZ_EREJECT);
}

static void
test_unknown_counter_names_the_counters(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	assert_int_equal(kz_counter_open(h->db, 9, "Aigerim Seitkali", POS, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "1, 2, 3, 4"));
	assert_int_equal(kz_counter_pause(h->db, 9, NULL, NULL, err), KZ_ENOTFOUND);
	assert_int_equal(kz_counter_close(h->db, 0, NULL, NULL, err), KZ_ENOTFOUND);
	assert_int_equal(kz_ticket_next(h->db, 9, &t, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "1, 2, 3, 4"));
	/* the clerk was not taken by the failed open */
	assert_int_equal(kz_counter_open(h->db, 1, "Aigerim Seitkali", POS, err), KZ_OK);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_records_clerk_and_position),
		T(test_open_needs_clerk_and_position),
		T(test_open_twice_is_rejected_and_keeps_first_clerk),
		T(test_same_clerk_at_two_counters_is_rejected),
		T(test_clerk_of_paused_counter_cannot_open_another),
		T(test_pause_with_visitor_at_counter_is_rejected),
		T(test_close_with_visitor_at_counter_is_rejected),
		T(test_paused_counter_calls_no_one_until_resumed),
		T(test_close_or_pause_of_closed_counter_is_rejected),
		T(test_unknown_counter_names_the_counters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
