/* test_clerk.c - clerks' PINs: kept as salted hashes, logins recorded,
 * wrong PINs counted in the event log (never the PIN) and locking. */
#include <sqlite3.h>
#include <string.h>

#include "helpers.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pin_is_stored_hashed_and_opens_the_login,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_wrong_pins_are_counted_then_lock_the_login,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_clerk_without_pin_is_told_how_to_get_one,
			test_hall_setup, test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
