/*
 * test_device.c - the registered devices (queue/device.h), the kept
 * answers of their requests (queue/idem.h) and the nested transactions
 * these stand on (sql.h): codes and credentials work once and as told,
 * only their hashes are stored, and a kept answer commits with its change
 * or not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/device.h"
#include "queue/error.h"
#include "queue/idem.h"
#include "queue/sql.h"

static int64_t
count(struct test_hall *h, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_prepare_v2(kz_db_sql(h->db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
nested_transactions(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	/* an inner transaction rolled back leaves the outer one going on */
	assert_int_equal(kz_db_begin(h->db, err), KZ_OK);
	assert_int_equal(kz_db_depth(h->db), 1);
	test_issue(h, "A"); /* its own transaction: a savepoint now */
	assert_int_equal(kz_db_depth(h->db), 1);
	assert_int_equal(kz_db_begin(h->db, err), KZ_OK);
	assert_int_equal(kz_db_depth(h->db), 2);
	test_issue(h, "A");
	kz_db_rollback(h->db);
	assert_int_equal(kz_db_depth(h->db), 1);
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 1);
	assert_int_equal(kz_db_commit(h->db, err), KZ_OK);
	assert_int_equal(kz_db_depth(h->db), 0);
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 1);

	/* the outer rollback undoes what inner commits released */
	assert_int_equal(kz_db_begin(h->db, err), KZ_OK);
	test_issue(h, "B");
	test_issue(h, "B");
	kz_db_rollback(h->db);
	assert_int_equal(kz_db_depth(h->db), 0);
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 1);
	/* and a rollback with nothing open is harmless */
	kz_db_rollback(h->db);
	assert_int_equal(kz_db_depth(h->db), 0);
	test_issue(h, "B");
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 2);
}

static void
add_enrol_revoke(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", code[KZ_DEVICE_CODE_SIZE], cred[KZ_DEVICE_SECRET_SIZE];
	char again[KZ_DEVICE_SECRET_SIZE], typed[KZ_DEVICE_CODE_SIZE];
	struct kz_device d, found;
	struct kz_device_refusal why;
	int64_t now = kz_clock_now();

	assert_int_equal(kz_device_add(h->db, "kiosk-1", KZ_DEVICE_KIOSK, NULL, now, code, &d, err),
		KZ_OK);
	assert_string_equal(d.stands_for, "kiosk-1");
	assert_int_equal(strlen(code), 19);
	assert_int_equal(kz_device_add(h->db, "kiosk-1", KZ_DEVICE_BOARD, NULL, now, typed, &d,
				 err),
		KZ_EREJECT);
	assert_int_equal(kz_device_add(h->db, "bad name", KZ_DEVICE_BOARD, NULL, now, typed, &d,
				 err),
		KZ_EINVAL);
	assert_int_equal(kz_device_add(h->db, "b", KZ_DEVICE_BOARD, "kiosk-1", now, typed, &d, err),
		KZ_EINVAL);
	/* nothing of the secret is stored */
	assert_int_equal(count(h, "SELECT count(*) FROM devices WHERE length(code) = 64"), 1);

	/* typed in lower case without dashes, it is the same code */
	snprintf(typed, sizeof typed, "%s", code);
	for (char *p = typed; *p; p++)
		*p = (char)(*p == '-' ? ' ' : *p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	assert_int_equal(kz_device_exchange(h->db, "kiosk-1", typed, now, cred, &d, &why, err),
		KZ_OK);
	assert_int_equal(strlen(cred), 64);
	assert_int_equal(d.role, KZ_DEVICE_KIOSK);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM devices WHERE code IS NULL AND"
				 " length(credential) = 64"),
		1);
	/* spent */
	assert_int_equal(kz_device_exchange(h->db, NULL, code, now, again, &d, &why, err),
		KZ_EREJECT);
	assert_int_equal(kz_device_by_credential(h->db, cred, &found, err), KZ_OK);
	assert_string_equal(found.name, "kiosk-1");
	assert_int_equal(kz_device_by_credential(h->db, "00", &found, err), KZ_ENOTFOUND);

	/* revoked: refused at once */
	assert_int_equal(kz_device_revoke(h->db, "kiosk-1", now, &d, err), KZ_OK);
	assert_false(d.enrolled);
	assert_int_equal(kz_device_by_credential(h->db, cred, &found, err), KZ_EREJECT);
	assert_string_equal(found.name, "kiosk-1"); /* a revoked device knocking is named */
	/* a new code: enrols again, with a new credential */
	assert_int_equal(kz_device_new_code(h->db, "kiosk-1", now, code, &d, err), KZ_OK);
	assert_int_equal(kz_device_exchange(h->db, NULL, code, now, again, &d, &why, err), KZ_OK);
	assert_string_not_equal(again, cred);
	assert_int_equal(kz_device_by_credential(h->db, cred, &found, err), KZ_ENOTFOUND);
	assert_int_equal(kz_device_by_credential(h->db, again, &found, err), KZ_OK);
}

static void
wrong_codes_spend_it(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", code[KZ_DEVICE_CODE_SIZE], cred[KZ_DEVICE_SECRET_SIZE];
	struct kz_device d;
	struct kz_device_refusal why;
	int64_t now = kz_clock_now();

	assert_int_equal(kz_device_add(h->db, "board-1", KZ_DEVICE_BOARD, NULL, now, code, &d, err),
		KZ_OK);
	for (int i = 1; i < KZ_DEVICE_CODE_TRIES; i++) {
		assert_int_equal(kz_device_exchange(h->db, "board-1", "0000-0000-0000-0000", now,
					 cred, &d, &why, err),
			KZ_EREJECT);
		assert_int_equal(why.reason, KZ_ENROL_WRONG);
		assert_int_equal(why.tries_left, KZ_DEVICE_CODE_TRIES - i);
	}
	assert_int_equal(kz_device_exchange(h->db, "board-1", "0000-0000-0000-0000", now, cred, &d,
				 &why, err),
		KZ_EREJECT);
	assert_int_equal(why.reason, KZ_ENROL_LOCKED);
	/* the right code now: spent */
	assert_int_equal(kz_device_exchange(h->db, "board-1", code, now, cred, &d, &why, err),
		KZ_EREJECT);
	assert_int_equal(why.reason, KZ_ENROL_LOCKED);
	assert_string_equal(cred, "");

	/* an expired code */
	assert_int_equal(kz_device_new_code(h->db, "board-1", now, code, &d, err), KZ_OK);
	assert_int_equal(kz_device_exchange(h->db, NULL, code, now + KZ_DEVICE_CODE_SECONDS + 1,
				 cred, &d, &why, err),
		KZ_EREJECT);
	assert_int_equal(why.reason, KZ_ENROL_EXPIRED);
}

static void
kept_answers(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_idem_kept kept;
	const char *key = "0123456789abcdef0123";
	int64_t now = kz_clock_now();
	char code[KZ_DEVICE_CODE_SIZE];
	struct kz_device d;

	assert_int_equal(kz_device_add(h->db, "kiosk-1", KZ_DEVICE_KIOSK, NULL, now, code, &d, err),
		KZ_OK);
	assert_false(kz_idem_key_ok("short"));
	assert_false(kz_idem_key_ok("0123456789abcdef/123"));
	assert_true(kz_idem_key_ok(key));

	/* refused: nothing kept, nothing changed */
	assert_int_equal(kz_idem_begin(h->db, d.id, key, "/api/x", now, &kept, err), KZ_OK);
	assert_false(kept.found);
	test_issue(h, "A");
	kz_idem_drop(h->db);
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 0);

	/* done: the change and its answer together */
	assert_int_equal(kz_idem_begin(h->db, d.id, key, "/api/x", now, &kept, err), KZ_OK);
	assert_false(kept.found);
	test_issue(h, "A");
	assert_int_equal(kz_idem_keep(h->db, d.id, key, "/api/x", now, 200, "{\"ticket\":\"A001\"}",
				 err),
		KZ_OK);
	assert_int_equal(kz_db_depth(h->db), 0);
	assert_int_equal(count(h, "SELECT count(*) FROM tickets"), 1);

	/* repeated: the kept answer, nothing open */
	assert_int_equal(kz_idem_begin(h->db, d.id, key, "/api/x", now, &kept, err), KZ_OK);
	assert_true(kept.found);
	assert_int_equal(kept.status, 200);
	assert_string_equal(kept.answer, "{\"ticket\":\"A001\"}");
	free(kept.answer);
	assert_int_equal(kz_db_depth(h->db), 0);
	/* another path */
	assert_int_equal(kz_idem_begin(h->db, d.id, key, "/api/y", now, &kept, err), KZ_EREJECT);
	assert_int_equal(kz_db_depth(h->db), 0);

	/* the next day: gone */
	assert_int_equal(kz_idem_begin(h->db, d.id, "another-key-0000000", "/api/x", now + 86400,
				 &kept, err),
		KZ_OK);
	kz_idem_drop(h->db);
	assert_int_equal(count(h, "SELECT count(*) FROM device_requests"), 1);
	assert_int_equal(kz_idem_begin(h->db, d.id, "another-key-0000000", "/api/x", now + 86400,
				 &kept, err),
		KZ_OK);
	assert_int_equal(kz_idem_keep(h->db, d.id, "another-key-0000000", "/api/x", now + 86400,
				 204, NULL, err),
		KZ_OK);
	assert_int_equal(count(h, "SELECT count(*) FROM device_requests"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(nested_transactions, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(add_enrol_revoke, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(wrong_codes_spend_it, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(kept_answers, test_hall_setup, test_hall_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
