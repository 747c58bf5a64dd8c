/*
 * test_status.c - the picture of the hall: who waits for what and how long,
 * and what each counter is doing, at a chosen moment.
 */
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/status.h"
#include "queue/ticket.h"

static void
status(struct test_hall *h, struct kz_status *s)
{
	char err[KZ_ERR_LEN] = "";

	if (kz_status_read(h->db, s, err) != KZ_OK)
		fail_msg("status: %s", err);
}

static const struct kz_service_status *
service(const struct kz_status *s, const char *code)
{
	for (int i = 0; i < s->nservices; i++)
		if (strcmp(s->services[i].code, code) == 0)
			return &s->services[i];
	fail_msg("service %s is not in the status", code);
	return NULL;
}

static const struct kz_counter_status *
counter(const struct kz_status *s, int number)
{
	for (int i = 0; i < s->ncounters; i++)
		if (s->counters[i].number == number)
			return &s->counters[i];
	fail_msg("counter %d is not in the status", number);
	return NULL;
}

static void
assert_waiting(const struct kz_status *s, const char *code, int waiting, int64_t longest)
{
	const struct kz_service_status *v = service(s, code);

	assert_int_equal(v->waiting, waiting);
	assert_int_equal(v->longest_wait, longest);
}

static void
test_empty_hall_lists_services_and_counters_in_order(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;
	int64_t now = test_at("2026-03-20T10:00");

	status(h, &s);
	assert_int_equal(s.now, now);
	assert_string_equal(s.day, "2026-03-20");
	assert_int_equal(s.nservices, 3);
	assert_string_equal(s.services[0].code, "A");
	assert_string_equal(s.services[1].code, "B");
	assert_string_equal(s.services[2].code, "C");
	assert_string_equal(s.services[0].name_ru, "Сдача документов");
	assert_int_equal(s.ncounters, 4);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(s.counters[i].number, i + 1);
		assert_int_equal(s.counters[i].state, KZ_COUNTER_CLOSED);
	}
	assert_string_equal(s.counters[2].services, "A, B, C");
	assert_string_equal(s.counters[3].services, "C");
	assert_int_equal(s.waiting, 0);
	assert_int_equal(s.longest_wait, 0);
}

static void
test_waiting_and_longest_wait_per_service(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_at("2026-03-20T10:05");
	test_issue(h, "A");
	test_at("2026-03-20T10:10");
	test_issue(h, "B");
	test_at("2026-03-20T10:20");
	status(h, &s);
	assert_waiting(&s, "A", 2, 20 * 60);
	assert_waiting(&s, "B", 1, 10 * 60);
	assert_waiting(&s, "C", 0, 0);
	assert_int_equal(s.waiting, 3);
	assert_int_equal(s.longest_wait, 20 * 60);
}

static void
test_called_ticket_no_longer_waits(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_at("2026-03-20T10:05");
	test_issue(h, "A");
	test_open_counter(h, 1);
	test_at("2026-03-20T10:12");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	status(h, &s);
	assert_waiting(&s, "A", 1, 7 * 60); /* A-002, waiting since 10:05 */
	assert_int_equal(s.waiting, 1);
	assert_int_equal(s.longest_wait, 7 * 60);
}

static void
test_counters_show_state_clerk_and_visitor(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";
	int64_t called1, called4;
	const struct kz_counter_status *c;

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_issue(h, "C");
	test_open_counter(h, 1);
	test_open_counter(h, 3);
	test_open_counter(h, 4);
	assert_int_equal(kz_counter_pause(h->db, 3, NULL, NULL, err), KZ_OK);
	called1 = test_at("2026-03-20T10:03");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	called4 = test_at("2026-03-20T10:04");
	assert_int_equal(kz_ticket_next(h->db, 4, &t, err), KZ_OK);
	test_at("2026-03-20T10:06");
	assert_int_equal(kz_ticket_start(h->db, 4, &t, err), KZ_OK);
	status(h, &s);

	c = counter(&s, 1);
	assert_int_equal(c->state, KZ_COUNTER_OPEN);
	assert_string_equal(c->clerk, "Clerk Number1");
	assert_string_equal(c->position, "Chief specialist");
	assert_string_equal(c->services, "A, B");
	assert_string_equal(c->ticket, "A-001");
	assert_int_equal(c->ticket_state, KZ_TICKET_CALLED);
	assert_int_equal(c->ticket_since, called1);
	c = counter(&s, 2);
	assert_int_equal(c->state, KZ_COUNTER_CLOSED);
	assert_string_equal(c->clerk, "");
	assert_string_equal(c->ticket, "");
	c = counter(&s, 3);
	assert_int_equal(c->state, KZ_COUNTER_PAUSED);
	assert_string_equal(c->clerk, "Clerk Number3");
	assert_string_equal(c->ticket, "");
	c = counter(&s, 4);
	assert_string_equal(c->ticket, "C-001");
	assert_int_equal(c->ticket_state, KZ_TICKET_SERVING);
	assert_int_equal(c->ticket_since, called4);
	assert_int_equal(s.waiting, 0);
}

static void
test_finished_visitor_leaves_counter(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "B");
	test_open_counter(h, 2);
	assert_int_equal(kz_ticket_next(h->db, 2, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(h->db, 2, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	status(h, &s);
	assert_int_equal(counter(&s, 2)->state, KZ_COUNTER_OPEN);
	assert_string_equal(counter(&s, 2)->ticket, "");
	assert_int_equal(s.waiting, 0);
}

static void
test_transfer_keeps_longest_wait_from_original_issue(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	test_at("2026-03-20T10:00");
	test_issue(h, "A");
	test_at("2026-03-20T10:30");
	test_issue(h, "C");
	test_open_counter(h, 1);
	test_at("2026-03-20T10:40");
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	test_at("2026-03-20T10:45");
	assert_int_equal(kz_ticket_finish(h->db, 1, KZ_TRANSFERRED, "C", NULL, &t, err), KZ_OK);
	test_at("2026-03-20T10:50");
	status(h, &s);
	assert_waiting(&s, "A", 0, 0);
	assert_waiting(&s, "C", 2, 50 * 60); /* A-001 has waited since 10:00 */
	assert_int_equal(s.waiting, 2);
	assert_int_equal(s.longest_wait, 50 * 60);
	assert_string_equal(counter(&s, 1)->ticket, "");
}

static void
test_tickets_of_another_day_do_not_wait_today(void **state)
{
	struct test_hall *h = *state;
	static struct kz_status s;

	test_at("2026-03-20T17:20");
	test_issue(h, "A");
	test_issue(h, "B");
	test_at("2026-03-26T09:00");
	status(h, &s);
	assert_string_equal(s.day, "2026-03-26");
	assert_waiting(&s, "A", 0, 0);
	assert_waiting(&s, "B", 0, 0);
	assert_int_equal(s.waiting, 0);
	assert_int_equal(s.longest_wait, 0);
	test_issue(h, "A");
	test_at("2026-03-26T09:10");
	status(h, &s);
	assert_waiting(&s, "A", 1, 10 * 60); /* today's A-001, not yesterday's */
	assert_int_equal(s.waiting, 1);
	assert_int_equal(s.longest_wait, 10 * 60);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_empty_hall_lists_services_and_counters_in_order),
		T(test_waiting_and_longest_wait_per_service),
		T(test_called_ticket_no_longer_waits),
		T(test_counters_show_state_clerk_and_visitor),
		T(test_finished_visitor_leaves_counter),
		T(test_transfer_keeps_longest_wait_from_original_issue),
		T(test_tickets_of_another_day_do_not_wait_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
