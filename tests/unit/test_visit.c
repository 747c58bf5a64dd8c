/*
 * test_visit.c - the phone page's token (queue/visit.h): 22 URL-safe
 * characters, the same for a ticket all day, another for another ticket
 * or day; found back to its ticket and its state now (ahead, the
 * estimate, the counter once called, a transferred ticket's new place);
 * forged, malformed and another day's tokens not found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/ticket.h"
#include "queue/visit.h"

static void
token_of(struct test_hall *h, const char *day, const char *number, char token[KZ_VISIT_TOKEN_LEN])
{
	char err[KZ_ERR_LEN] = "";

	if (kz_visit_token(h->db, day, number, token, err) != KZ_OK)
		fail_msg("token of %s: %s", number, err);
}

static int
find(struct test_hall *h, const char *token, struct kz_visit *v)
{
	char err[KZ_ERR_LEN] = "";

	return kz_visit_find(h->db, &h->cfg.hours, token, v, err);
}

static void
test_token_shape_and_stability(void **state)
{
	struct test_hall *h = *state;
	char a[KZ_VISIT_TOKEN_LEN], again[KZ_VISIT_TOKEN_LEN], b[KZ_VISIT_TOKEN_LEN];

	test_issue(h, "A");
	test_issue(h, "A");
	token_of(h, "2026-03-20", "A-001", a);
	token_of(h, "2026-03-20", "a1", again); /* as typed: the same ticket */
	token_of(h, "2026-03-20", "A-002", b);
	assert_int_equal(strlen(a), 22);
	assert_int_equal(strspn(a,
				 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
		22);
	assert_string_equal(a, again);
	assert_string_not_equal(a, b);
}

static void
test_found_with_its_state(void **state)
{
	struct test_hall *h = *state;
	char token[KZ_VISIT_TOKEN_LEN], err[KZ_ERR_LEN];
	struct kz_ticket t;
	struct kz_visit v;

	test_issue(h, "A");
	test_issue(h, "A");
	test_open_counter(h, 2);
	token_of(h, "2026-03-20", "A-002", token);
	assert_int_equal(find(h, token, &v), KZ_OK);
	assert_string_equal(v.number, "A-002");
	assert_string_equal(v.service, "A");
	assert_string_equal(v.state, "waiting");
	assert_int_equal(v.est.waiting, 1);
	assert_int_equal(v.est.ahead, 1);
	assert_int_equal(v.est.known, 1);
	assert_int_equal(v.counter, 0);
	assert_int_equal(kz_ticket_next(h->db, 2, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(h->db, 2, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_next(h->db, 2, &t, err), KZ_OK);
	assert_int_equal(find(h, token, &v), KZ_OK);
	assert_string_equal(v.state, "called");
	assert_int_equal(v.counter, 2);
	assert_int_equal(v.est.waiting, 0);
	/* sent to service B: the same number, its new place */
	assert_int_equal(kz_ticket_finish(h->db, 2, KZ_TRANSFERRED, "B", NULL, &t, err), KZ_OK);
	assert_int_equal(find(h, token, &v), KZ_OK);
	assert_string_equal(v.number, "A-002");
	assert_string_equal(v.service, "B");
	assert_string_equal(v.state, "waiting");
}

static void
test_forged_malformed_and_other_days(void **state)
{
	struct test_hall *h = *state;
	char token[KZ_VISIT_TOKEN_LEN], forged[KZ_VISIT_TOKEN_LEN], past[KZ_VISIT_TOKEN_LEN];
	struct kz_visit v;

	test_issue(h, "A");
	token_of(h, "2026-03-20", "A-001", token);
	memcpy(forged, token, sizeof forged);
	forged[5] = forged[5] == 'x' ? 'y' : 'x';
	assert_int_equal(find(h, forged, &v), KZ_ENOTFOUND);
	assert_int_equal(find(h, "", &v), KZ_ENOTFOUND);
	assert_int_equal(find(h, "short", &v), KZ_ENOTFOUND);
	assert_int_equal(find(h, "../../etc/passwd......", &v), KZ_ENOTFOUND);
	assert_int_equal(find(h, NULL, &v), KZ_ENOTFOUND);

	/* the next working day: yesterday's token finds nothing, not even
	 * today's A-001; today's A-001 has a token of its own */
	test_at("2026-03-26T10:00");
	test_issue(h, "A");
	assert_int_equal(find(h, token, &v), KZ_ENOTFOUND);
	token_of(h, "2026-03-26", "A-001", forged);
	assert_string_not_equal(forged, token);
	assert_int_equal(find(h, forged, &v), KZ_OK);
	/* and the past day's key is gone: its tokens cannot be made again */
	token_of(h, "2026-03-20", "A-001", past);
	assert_string_equal(past, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_token_shape_and_stability, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_found_with_its_state, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_forged_malformed_and_other_days,
			test_hall_setup, test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
