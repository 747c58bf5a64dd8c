/* test_clerk.c - clerks' PINs: kept as salted hashes, logins recorded,
 * wrong PINs counted in the event log (never the PIN) and locking; and the
 * kiosk administrator's PIN (adminpin.h): in the database, its rest too. */
#include <sqlite3.h>
#include <string.h>

#include "helpers.h"
#include "queue/adminpin.h"
#include "queue/clerk.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"

static int64_t
count(const struct test_hall *h, const char *stmt)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sql, stmt, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sql);
	return n;
}

static void
test_pin_is_stored_hashed_and_opens_the_login(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_clerk k;

	assert_int_equal(kz_clerk_set_pin(h->db, "Clerk Number1", NULL, "4711", &k, err),
		KZ_ENOTFOUND);
	assert_non_null(strstr(err, "--position"));
	test_open_counter(h, 1); /* the clerk is known once they have worked */
	assert_int_equal(kz_clerk_set_pin(h->db, "Clerk Number1", NULL, "47", &k, err), KZ_EINVAL);
	assert_non_null(strstr(err, "4 to 12 digits"));
	assert_int_equal(kz_clerk_set_pin(h->db, "Clerk Number1", NULL, "4711", &k, err), KZ_OK);
	assert_string_equal(k.position, "Chief specialist");
	assert_int_equal(count(h,
				 "SELECT count(*) FROM clerks WHERE pin_hash LIKE '$y$%'"
				 " AND pin_hash NOT LIKE '%4711%'"),
		1);
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_OK);
	assert_string_equal(k.name, "Clerk Number1");
	assert_string_equal(k.position, "Chief specialist");
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'clerk_login'"
				 " AND clerk_id = 1 AND counter_id = 1"),
		1);
	/* a new clerk is added with a position */
	assert_int_equal(kz_clerk_set_pin(h->db, "Жаңа Қызметкер", "Маман", "123456", &k, err),
		KZ_OK);
	assert_int_equal(kz_clerk_login(h->db, "Жаңа Қызметкер", "123456", 0, &k, err), KZ_OK);
	assert_string_equal(k.position, "Маман");
	/* two of one name: say which */
	assert_int_equal(kz_clerk_set_pin(h->db, "Жаңа Қызметкер", "Бас маман", "5555", &k, err),
		KZ_OK);
	assert_int_equal(kz_clerk_set_pin(h->db, "Жаңа Қызметкер", NULL, "5555", &k, err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "say which with --position"));
	assert_int_equal(kz_clerk_login(h->db, "Жаңа Қызметкер", "5555", 0, &k, err), KZ_OK);
	assert_string_equal(k.position, "Бас маман");
}

static void
test_wrong_pins_are_counted_then_lock_the_login(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_clerk k;

	test_open_counter(h, 1);
	assert_int_equal(kz_clerk_set_pin(h->db, "Clerk Number1", NULL, "4711", &k, err), KZ_OK);
	assert_int_equal(kz_clerk_login(h->db, "Nobody Known", "4711", 1, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "no clerk named 'Nobody Known'"));
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "1111", 9, &k, err), KZ_ENOTFOUND);
	for (int i = 1; i < KZ_LOGIN_TRIES; i++) {
		assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "1111", 1, &k, err),
			KZ_EREJECT);
		assert_non_null(strstr(err, "wrong PIN for Clerk Number1"));
	}
	assert_non_null(strstr(err, "1 try left"));
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "2222", 1, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "locked until 10:15"));
	/* locked: even the right PIN is refused, and counted */
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "locked"));
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'login_failed'"
				 " AND clerk_id = 1"),
		KZ_LOGIN_TRIES + 1);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'login_failed'"
				 " AND clerk_id IS NULL AND detail = 'unknown name'"),
		1);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE detail LIKE '%4711%'"
				 " OR detail LIKE '%1111%' OR detail LIKE '%2222%'"),
		0);
	/* the lock is in the database: closing and opening it again does not lift it */
	kz_db_close(h->db);
	assert_int_equal(kz_db_open(h->db_path, 0, &h->db, err), KZ_OK);
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "locked until 10:15"));
	/* the lock passes with time ... */
	test_at("2026-03-20T10:16");
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_OK);
	/* ... or with a new PIN */
	for (int i = 0; i < KZ_LOGIN_TRIES; i++)
		kz_clerk_login(h->db, "Clerk Number1", "1111", 1, &k, err);
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_EREJECT);
	assert_int_equal(kz_clerk_set_pin(h->db, "Clerk Number1", NULL, "8080", &k, err), KZ_OK);
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "4711", 1, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "4 tries left"));
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number1", "8080", 1, &k, err), KZ_OK);
}

static void
test_clerk_without_pin_is_told_how_to_get_one(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_clerk k;

	test_open_counter(h, 2);
	assert_int_equal(kz_clerk_login(h->db, "Clerk Number2", "1234", 2, &k, err), KZ_EREJECT);
	assert_non_null(strstr(err, "has no PIN yet"));
	assert_non_null(strstr(err, "kezek clerk pin"));
}

static void
test_admin_pin_is_long_hashed_and_not_the_sample(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_admin_pin p;
	int done = 0;

	assert_int_equal(kz_admin_pin_get(h->db, "kiosk-1", &p, err), KZ_OK);
	assert_false(p.set);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "123456", &p, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "kezek kiosk pin kiosk-1"));
	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", "25802", err), KZ_EINVAL);
	assert_non_null(strstr(err, "6 to 12 digits"));
	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", "25802a", err), KZ_EINVAL);
	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", KZ_ADMIN_PIN_SAMPLE, err), KZ_EINVAL);
	assert_non_null(strstr(err, "sample"));
	/* the sample, for a first run: marked, and only where no PIN is set */
	assert_int_equal(kz_admin_pin_set_sample(h->db, "kiosk-1", &done, err), KZ_OK);
	assert_true(done);
	assert_int_equal(kz_admin_pin_get(h->db, "kiosk-1", &p, err), KZ_OK);
	assert_true(p.set && p.sample);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", KZ_ADMIN_PIN_SAMPLE, &p, err), KZ_OK);
	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", "739164", err), KZ_OK);
	assert_int_equal(kz_admin_pin_set_sample(h->db, "kiosk-1", &done, err), KZ_OK);
	assert_false(done);
	assert_int_equal(kz_admin_pin_get(h->db, "kiosk-1", &p, err), KZ_OK);
	assert_true(p.set && !p.sample);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", KZ_ADMIN_PIN_SAMPLE, &p, err),
		KZ_EREJECT);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM admin_pins WHERE hash LIKE '$y$%'"
				 " AND hash NOT LIKE '%739164%'"),
		1);
}

static void
test_admin_pin_rest_survives_a_restart(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_admin_pin p;
	int64_t start = kz_clock_now();

	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", "739164", err), KZ_OK);
	for (int i = 1; i < KZ_ADMIN_PIN_TRIES; i++) {
		assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "000000", &p, err), KZ_EREJECT);
		assert_int_equal(p.tries, i);
		assert_int_equal(p.rest_until, 0);
	}
	/* a good PIN starts the count again */
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "739164", &p, err), KZ_OK);
	assert_int_equal(p.tries, 0);
	for (int i = 0; i < KZ_ADMIN_PIN_TRIES; i++)
		assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "000000", &p, err), KZ_EREJECT);
	assert_true(p.rest_until >= start + KZ_ADMIN_PIN_REST_SECONDS);
	/* a restart: the rest is read back from the database */
	kz_db_close(h->db);
	assert_int_equal(kz_db_open(h->db_path, 0, &h->db, err), KZ_OK);
	assert_int_equal(kz_admin_pin_get(h->db, "kiosk-1", &p, err), KZ_OK);
	assert_true(p.rest_until >= start + KZ_ADMIN_PIN_REST_SECONDS);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "739164", &p, err), KZ_EREJECT);
	assert_non_null(strstr(err, "rests"));
	/* it passes with time (the injectable clock) ... */
	kz_clock_set(p.rest_until);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "739164", &p, err), KZ_OK);
	/* ... or with a new PIN */
	for (int i = 0; i < KZ_ADMIN_PIN_TRIES; i++)
		kz_admin_pin_try(h->db, "kiosk-1", "000000", &p, err);
	assert_true(p.rest_until > kz_clock_now());
	assert_int_equal(kz_admin_pin_set(h->db, "kiosk-1", "582013", err), KZ_OK);
	assert_int_equal(kz_admin_pin_try(h->db, "kiosk-1", "582013", &p, err), KZ_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pin_is_stored_hashed_and_opens_the_login,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_admin_pin_is_long_hashed_and_not_the_sample,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_admin_pin_rest_survives_a_restart,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_wrong_pins_are_counted_then_lock_the_login,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_clerk_without_pin_is_told_how_to_get_one,
			test_hall_setup, test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
