/*
 * test_watch.c - the database watch: it says "changed" only after another
 * connection commits, notices a replaced or removed file and a lock, and
 * reconnects by itself when the retry pause (on the test clock) is over.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/ticket.h"
#include "queue/watch.h"

#define RETRY 2

static struct kz_watch *
watch(struct test_hall *h, int flags)
{
	struct kz_watch *w;
	char err[KZ_ERR_LEN] = "";

	if (kz_watch_open(&(struct kz_watch_options){h->db_path, flags, 50, RETRY}, &w, err) !=
		KZ_OK)
		fail_msg("watch: %s", err);
	return w;
}

/* Another process commits: a ticket issued on the hall's own connection. */
static void
commit_elsewhere(struct test_hall *h)
{
	test_issue(h, "A");
}

static void
test_changed_and_unchanged(void **state)
{
	struct test_hall *h = *state;
	struct kz_watch *w = watch(h, KZ_DB_READONLY);

	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	assert_non_null(kz_watch_db(w));
	assert_int_equal(kz_watch_connected(w), 1);
	/* not read yet: still news */
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED);
	kz_watch_seen(w);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_SAME);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_SAME);
	commit_elsewhere(h);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED); /* until the caller reads */
	kz_watch_seen(w);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_SAME);
	kz_watch_stale(w);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED);
	kz_watch_close(w);
}

/* A missing file is not an error: the watch is down and tries again after
 * the pause, not before. */
static void
test_missing_then_created(void **state)
{
	struct test_hall *h = *state;
	char away[600];
	struct kz_watch *w;

	snprintf(away, sizeof away, "%s.away", h->db_path);
	assert_int_equal(rename(h->db_path, away), 0);
	w = watch(h, KZ_DB_READONLY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN);
	assert_null(kz_watch_db(w));
	assert_int_equal(kz_watch_connected(w), 0);
	assert_int_equal(rename(away, h->db_path), 0);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN); /* the pause is not over */
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_close(w);
}

/* Restored from a backup: a new file under the same name.  The old
 * connection would read the removed file; the watch reconnects. */
static void
test_file_replaced(void **state)
{
	struct test_hall *h = *state;
	char copy[600], cmd[1400];
	struct kz_watch *w = watch(h, KZ_DB_READONLY);

	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_seen(w);
	snprintf(copy, sizeof copy, "%s.copy", h->db_path);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", h->db_path, copy);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(rename(copy, h->db_path), 0);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_LOST);
	assert_null(kz_watch_db(w));
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN);
	kz_clock_set(kz_clock_now() + RETRY - 1);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN);
	kz_clock_set(kz_clock_now() + 1);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED); /* read all again */
	kz_watch_close(w);
}

/* Removed, then back: lost at once, reopened after the pause. */
static void
test_removed_then_back(void **state)
{
	struct test_hall *h = *state;
	struct kz_watch *w = watch(h, 0);
	char away[600];

	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_seen(w);
	snprintf(away, sizeof away, "%s.away", h->db_path);
	assert_int_equal(rename(h->db_path, away), 0);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_LOST);
	assert_int_equal(kz_watch_connected(w), 0);
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN); /* still gone: wait again */
	assert_int_equal(rename(away, h->db_path), 0);
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	assert_int_equal(kz_watch_connected(w), 1);
	kz_watch_close(w);
}

/* A file that is not a database (or cannot be read) is no connection. */
static void
test_unreadable(void **state)
{
	struct test_hall *h = *state;
	char away[600];
	struct kz_watch *w;

	snprintf(away, sizeof away, "%s.away", h->db_path);
	assert_int_equal(rename(h->db_path, away), 0);
	test_write_file(h->db_path, "not a database\n");
	w = watch(h, KZ_DB_READONLY);
	if (kz_watch_poll(w) == KZ_WATCH_OPENED) /* opened: the first read fails */
		kz_watch_failed(w, KZ_EDB);
	assert_null(kz_watch_db(w));
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN);
	assert_int_equal(rename(away, h->db_path), 0);
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_close(w);
}

/* Another process holds the write lock: the caller's write fails as busy,
 * the connection stays, and it counts as lost only after the retry pause. */
static void
test_locked(void **state)
{
	struct test_hall *h = *state;
	struct kz_watch *w = watch(h, 0);
	struct kz_ticket t;
	char err[KZ_ERR_LEN];
	sqlite3 *other;
	int rc;

	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_seen(w);
	assert_int_equal(sqlite3_open(h->db_path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	rc = kz_ticket_issue(kz_watch_db(w), h->cal, "A", &t, err);
	assert_int_equal(rc, KZ_EBUSY);
	kz_watch_failed(w, rc);
	assert_non_null(kz_watch_db(w)); /* a lock is not a lost file */
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_SAME);
	assert_int_equal(kz_watch_connected(w), 1);
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_connected(w), 0); /* locked too long: say so */
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(kz_ticket_issue(kz_watch_db(w), h->cal, "A", &t, err), KZ_OK);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_SAME); /* its own write is no news */
	commit_elsewhere(h);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_CHANGED);
	kz_watch_seen(w);
	assert_int_equal(kz_watch_connected(w), 1);
	/* any other failure drops the connection for a retry */
	kz_watch_failed(w, KZ_EDB);
	assert_null(kz_watch_db(w));
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_DOWN);
	kz_clock_set(kz_clock_now() + RETRY);
	assert_int_equal(kz_watch_poll(w), KZ_WATCH_OPENED);
	kz_watch_close(w);
}

static void
test_refuses_nonsense(void **state)
{
	struct kz_watch *w;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_watch_open(&(struct kz_watch_options){"", 0, 50, RETRY}, &w, err),
		KZ_EINVAL);
	assert_null(w);
	assert_int_equal(kz_watch_open(&(struct kz_watch_options){"x.db", 0, 50, 0}, &w, err),
		KZ_EINVAL);
	kz_watch_close(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_changed_and_unchanged, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_missing_then_created, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_file_replaced, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_removed_then_back, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_unreadable, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_locked, test_hall_setup, test_hall_teardown),
		cmocka_unit_test(test_refuses_nonsense),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
