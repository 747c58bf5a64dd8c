/*
 * test_feedback.c - visitors' App. 4 answers: stored anonymously, counted
 * over local days, refused when malformed, never changed afterwards.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "helpers.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/hall.h"
#include "queue/history.h"
#include "queue/ticket.h"

static struct kz_feedback
answers(const char *lang, const char *kiosk, int quality, int information, int appeal,
	int politeness)
{
	struct kz_feedback fb = {.quality = quality,
		.information = information,
		.appeal = appeal,
		.politeness = politeness};

	snprintf(fb.lang, sizeof fb.lang, "%s", lang);
	snprintf(fb.kiosk, sizeof fb.kiosk, "%s", kiosk);
	return fb;
}

static int64_t
add(struct kz_db *db, struct kz_feedback fb)
{
	char err[KZ_ERR_LEN] = "";
	int64_t id = 0;

	if (kz_feedback_add(db, &fb, &id, err) != KZ_OK)
		fail_msg("feedback: %s", err);
	return id;
}

static struct kz_feedback_summary
summary(struct kz_db *db, const char *from, const char *to)
{
	struct kz_feedback_summary s;
	char err[KZ_ERR_LEN] = "";

	if (kz_feedback_summary(db, from, to, &s, err) != KZ_OK)
		fail_msg("summary %s..%s: %s", from, to, err);
	return s;
}

/* responses, then yes and answered for quality, information, appeal, politeness */
static void
assert_summary(struct kz_feedback_summary s, int responses, const int yes[4], const int answered[4])
{
	assert_int_equal(s.responses, responses);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
		assert_int_equal(s.yes[i], yes[i]);
		assert_int_equal(s.answered[i], answered[i]);
	}
}

static void
test_answers_are_counted_per_day_and_over_a_range(void **state)
{
	struct test_hall *h = *state;
	int64_t a, b, c;

	test_at("2026-03-20T10:00");
	a = add(h->db, answers("ru", "kiosk-1", 1, 1, 0, 1));
	test_at("2026-03-20T16:40");
	b = add(h->db, answers("kk", "", 1, 0, -1, 1));
	test_at("2026-03-23T11:00");
	c = add(h->db, answers("ru", "kiosk-2", 0, 1, 1, -1));
	assert_true(a > 0 && b > a && c > b);

	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 2, (int[]){2, 1, 0, 2},
		(int[]){2, 2, 1, 2});
	assert_summary(summary(h->db, "2026-03-23", "2026-03-23"), 1, (int[]){0, 1, 1, 0},
		(int[]){1, 1, 1, 0});
	assert_summary(summary(h->db, "2026-03-20", "2026-03-23"), 3, (int[]){2, 2, 1, 2},
		(int[]){3, 3, 2, 2});
	assert_summary(summary(h->db, "2026-03-21", "2026-03-22"), 0, (int[]){0, 0, 0, 0},
		(int[]){0, 0, 0, 0});
	assert_summary(summary(h->db, "2025-01-01", "2026-12-31"), 3, (int[]){2, 2, 1, 2},
		(int[]){3, 3, 2, 2});
}

/* The day is the hall's local day (UTC+5), not the UTC one. */
static void
test_day_is_the_local_day(void **state)
{
	struct test_hall *h = *state;

	test_at("2026-03-20T23:59"); /* 18:59 UTC on the 20th */
	add(h->db, answers("ru", "", 1, -1, -1, -1));
	test_at("2026-03-21T00:30"); /* still the 20th in UTC */
	add(h->db, answers("ru", "", 0, -1, -1, -1));
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 1, (int[]){1, 0, 0, 0},
		(int[]){1, 0, 0, 0});
	assert_summary(summary(h->db, "2026-03-21", "2026-03-21"), 1, (int[]){0, 0, 0, 0},
		(int[]){1, 0, 0, 0});
}

static void
test_skipped_questions_are_not_answered(void **state)
{
	struct test_hall *h = *state;

	add(h->db, answers("kk", "kiosk-1", -1, -1, -1, 0));
	add(h->db, answers("kk", "kiosk-1", -1, 1, -1, -1));
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 2, (int[]){0, 1, 0, 0},
		(int[]){0, 1, 0, 1});
}

static void
test_malformed_feedback_is_refused_and_nothing_is_written(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_feedback fb;
	int64_t id = -7;

	fb = answers("en", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'en' is not kk or ru"));
	fb = answers("", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	fb = answers("ru", "", 1, 2, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	assert_non_null(strstr(err, "answer 2 to 'information'"));
	fb = answers("ru", "", 1, 1, 1, -2);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'politeness'"));
	fb = answers("kk", "kiosk-1", -1, -1, -1, -1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	assert_string_equal(err, "no answer was given; nothing to store");
	fb = answers("kk", "", 1, 1, 1, 1);
	memset(fb.kiosk, 'k', sizeof fb.kiosk); /* no room left for the end */
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, err), KZ_EINVAL);
	assert_non_null(strstr(err, "kiosk name"));
	assert_int_equal(id, -7);
	assert_summary(summary(h->db, "2000-01-01", "2099-12-31"), 0, (int[]){0, 0, 0, 0},
		(int[]){0, 0, 0, 0});
}

static void
test_malformed_days_are_refused(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_feedback_summary s;

	assert_int_equal(kz_feedback_summary(h->db, "2026-3-20", "2026-03-20", &s, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'2026-3-20' is not a date"));
	assert_int_equal(kz_feedback_summary(h->db, "2026-03-20", "2026-02-30", &s, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "last day '2026-02-30'"));
	assert_int_equal(kz_feedback_summary(h->db, "2026-03-20", "yesterday", &s, err), KZ_EINVAL);
	assert_int_equal(kz_feedback_summary(h->db, NULL, "2026-03-20", &s, err), KZ_EINVAL);
	assert_int_equal(kz_feedback_summary(h->db, "2026-03-21", "2026-03-20", &s, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "is after last day"));
}

static int
exec(sqlite3 *sql, const char *stmt, char *msg, size_t len)
{
	char *e = NULL;
	int rc = sqlite3_exec(sql, stmt, NULL, NULL, &e);

	snprintf(msg, len, "%s", e ? e : "");
	sqlite3_free(e);
	return rc;
}

static int64_t
count(sqlite3 *sql, const char *stmt)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_prepare_v2(sql, stmt, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Append-only and anonymous, even to someone with the file and sqlite3. */
static void
test_rows_cannot_be_changed_or_deleted(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", msg[256];
	sqlite3 *sql = NULL;
	int64_t audited = 0;

	test_issue(h, "A");
	add(h->db, answers("ru", "kiosk-1", 1, 1, 1, 1));
	add(h->db, answers("kk", "kiosk-1", 0, -1, 1, 0));
	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(sql, 5000);

	assert_int_equal(exec(sql, "UPDATE feedback SET quality = 0", msg, sizeof msg),
		SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "append-only"));
	assert_int_equal(exec(sql, "UPDATE feedback SET kiosk = 'x' WHERE id = 1", msg, sizeof msg),
		SQLITE_CONSTRAINT);
	assert_int_equal(exec(sql, "DELETE FROM feedback", msg, sizeof msg), SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "append-only"));
	assert_int_equal(exec(sql, "DELETE FROM feedback WHERE id = 2", msg, sizeof msg),
		SQLITE_CONSTRAINT);
	/* the table's own checks hold without the library */
	assert_int_equal(exec(sql,
				 "INSERT INTO feedback (at, day, lang, quality)"
				 " VALUES (0, '2026-03-20', 'ru', 2)",
				 msg, sizeof msg),
		SQLITE_CONSTRAINT);
	assert_int_equal(exec(sql,
				 "INSERT INTO feedback (at, day, lang)"
				 " VALUES (0, '2026-03-20', 'ru')",
				 msg, sizeof msg),
		SQLITE_CONSTRAINT);
	assert_int_equal(exec(sql,
				 "INSERT INTO feedback (at, day, lang, quality)"
				 " VALUES (0, '2026-03-20', 'en', 1)",
				 msg, sizeof msg),
		SQLITE_CONSTRAINT);
	/* each answer left one event that names no ticket, counter or clerk */
	assert_int_equal(count(sql,
				 "SELECT count(*) FROM events WHERE kind = 'feedback'"
				 " AND ticket_id IS NULL AND counter_id IS NULL"
				 " AND clerk_id IS NULL AND service_id IS NULL"),
		2);
	assert_int_equal(count(sql, "SELECT count(*) FROM events WHERE kind = 'feedback'"), 2);
	sqlite3_close(sql);

	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 2, (int[]){1, 1, 2, 1},
		(int[]){2, 1, 2, 2});
	/* the ticket history still rebuilds from the log */
	assert_int_equal(kz_history_audit(h->db, &audited, err), KZ_OK);
	assert_int_equal(audited, 1);
}

/* A database made by the build before feedback (schema 4) opens in this
 * one with its tickets, and takes feedback. */
static void
test_version_4_database_is_migrated_with_its_tickets(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", path[600];
	struct kz_db *old = NULL, *db = NULL;
	struct kz_ticket t;

	snprintf(path, sizeof path, "%s/old.db", h->dir);
	assert_int_equal(kz_db_open(path, KZ_DB_CREATE | KZ_DB_NO_MIGRATE, &old, err), KZ_OK);
	assert_int_equal(kz_db_migrate_to(old, 4, err), KZ_OK);
	assert_int_equal(kz_db_version(old), 4);
	assert_int_equal(kz_hall_sync(old, &h->cfg, NULL, err), KZ_OK);
	assert_int_equal(kz_ticket_issue(old, h->cal, "A", &t, err), KZ_OK);
	assert_int_equal(kz_ticket_issue(old, h->cal, "B", &t, err), KZ_OK);
	kz_db_close(old);

	if (kz_db_open(path, 0, &db, err) != KZ_OK)
		fail_msg("%s", err);
	assert_int_equal(kz_db_version(db), kz_db_latest_version());
	assert_true(kz_db_latest_version() >= 5);
	assert_int_equal(kz_ticket_find(db, "A-001", NULL, &t, err), KZ_OK);
	assert_int_equal(t.state, KZ_TICKET_WAITING);
	assert_int_equal(kz_ticket_find(db, "B-001", NULL, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_issue(db, h->cal, "A", &t, err), KZ_OK);
	assert_string_equal(t.number, "A-002");
	add(db, answers("ru", "", 1, 1, 1, 1));
	assert_summary(summary(db, "2026-03-20", "2026-03-20"), 1, (int[]){1, 1, 1, 1},
		(int[]){1, 1, 1, 1});
	assert_int_equal(kz_db_integrity(db, err), KZ_OK);
	kz_db_close(db);
}

#define T(f) cmocka_unit_test_setup_teardown(f, test_hall_setup, test_hall_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_answers_are_counted_per_day_and_over_a_range),
		T(test_day_is_the_local_day),
		T(test_skipped_questions_are_not_answered),
		T(test_malformed_feedback_is_refused_and_nothing_is_written),
		T(test_malformed_days_are_refused),
		T(test_rows_cannot_be_changed_or_deleted),
		T(test_version_4_database_is_migrated_with_its_tickets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
