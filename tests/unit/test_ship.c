/* test_ship.c - what kezek-sync reads of a hall (queue/ship.h): the event
 * log in id order and in batches, the reference rows without a clerk's
 * position, a fingerprint that tells two events apart, and what the centre
 * confirmed kept per centre. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/error.h"
#include "queue/ship.h"

static void
batches_in_order(void **state)
{
	struct test_hall *h = *state;
	struct kz_ship_event ev[4];
	int64_t after = 0, newest = 0, seen = 0;
	char err[KZ_ERR_LEN];
	int n;

	for (int i = 0; i < 5; i++)
		test_issue(h, "A");
	do { /* every event once, in id order, four at a time */
		assert_int_equal(kz_ship_read(h->db, after, 4, ev, &n, &newest, err), KZ_OK);
		assert_true(n <= 4);
		for (int i = 0; i < n; i++) {
			assert_true(ev[i].id > after);
			after = ev[i].id;
			seen++;
		}
	} while (n == 4);
	assert_int_equal(after, newest);
	assert_int_equal(seen, newest);
	assert_int_equal(kz_ship_read(h->db, newest, 4, ev, &n, &newest, err), KZ_OK);
	assert_int_equal(n, 0);
	assert_int_equal(kz_ship_read(h->db, 0, 0, ev, &n, &newest, err), KZ_EINVAL);
}

static void
issued_event_as_logged(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket t = test_issue(h, "B");
	struct kz_ship_event ev[8];
	int64_t newest;
	char err[KZ_ERR_LEN];
	int n;

	assert_int_equal(kz_ship_read(h->db, 0, 8, ev, &n, &newest, err), KZ_OK);
	assert_true(n >= 1);
	assert_string_equal(ev[n - 1].kind, "issued");
	assert_int_equal(ev[n - 1].ticket_id, t.id);
	assert_true(ev[n - 1].service_id > 0);
	assert_int_equal(ev[n - 1].counter_id, 0);
	assert_false(ev[n - 1].has_detail);
}

static void
fingerprint_tells_events_apart(void **state)
{
	struct kz_ship_event a = {.id = 7, .at = 1774000000, .ticket_id = 3, .kind = "issued"};
	struct kz_ship_event b = a;
	char ha[17], hb[17];

	(void)state;
	kz_ship_hash(&a, ha);
	kz_ship_hash(&b, hb);
	assert_string_equal(ha, hb);
	assert_int_equal(strlen(ha), 16);
	b.at++; /* the same id, another moment: a restored hall's event */
	kz_ship_hash(&b, hb);
	assert_string_not_equal(ha, hb);
	b = a;
	b.has_detail = 1; /* an empty detail is not no detail */
	kz_ship_hash(&b, hb);
	assert_string_not_equal(ha, hb);
	b = a;
	snprintf(b.kind, sizeof b.kind, "called");
	kz_ship_hash(&b, hb);
	assert_string_not_equal(ha, hb);
}

static void
refs_without_positions(void **state)
{
	struct test_hall *h = *state;
	struct kz_ship_refs *r = malloc(sizeof *r);
	char err[KZ_ERR_LEN];

	assert_non_null(r);
	test_open_counter(h, 2);
	assert_int_equal(kz_ship_refs_read(h->db, r, err), KZ_OK);
	assert_int_equal(r->nservices, 3);
	assert_int_equal(r->ncounters, 4);
	assert_true(r->nclerks >= 1);
	assert_true(r->clerks[0].full_name[0] != '\0');
	free(r);
}

static void
confirmed_kept_per_centre(void **state)
{
	struct test_hall *h = *state;
	struct kz_ship_state st;
	char err[KZ_ERR_LEN];

	test_issue(h, "A");
	assert_int_equal(kz_ship_state(h->db, "akmola-region", &st, err), KZ_OK);
	assert_int_equal(st.confirmed_id, 0);
	assert_true(st.newest_id > 0);
	assert_int_equal(kz_ship_record(h->db, "akmola-region", 1, 1774000000, "", err), KZ_OK);
	assert_int_equal(kz_ship_record(h->db, "akmola-region", st.newest_id, 1774000100,
				 "restored from an older backup", err),
		KZ_OK);
	assert_int_equal(kz_ship_state(h->db, "akmola-region", &st, err), KZ_OK);
	assert_int_equal(st.confirmed_id, st.newest_id);
	assert_int_equal(st.confirmed_at, 1774000100);
	assert_string_equal(st.problem, "restored from an older backup");
	assert_int_equal(kz_ship_state(h->db, "another", &st, err), KZ_OK);
	assert_int_equal(st.confirmed_id, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(batches_in_order, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(issued_event_as_logged, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test(fingerprint_tells_events_apart),
		cmocka_unit_test_setup_teardown(refs_without_positions, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(confirmed_kept_per_centre, test_hall_setup,
			test_hall_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
