/*
 * test_feedback.c - visitors' App. 4 ballots: one per ticket served today
 * (unknown, unserved and second ballots refused; five in a row count
 * once), the answers kept apart from the ticket, counted over local days,
 * refused when malformed, never changed afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/hall.h"
#include "queue/history.h"
#include "queue/ticket.h"

static struct kz_feedback
ballot(const char *ticket, const char *lang, const char *kiosk, int quality, int information,
	int appeal, int politeness)
{
	struct kz_feedback fb = {.quality = quality,
		.information = information,
		.appeal = appeal,
		.politeness = politeness};

	snprintf(fb.ticket, sizeof fb.ticket, "%s", ticket);
	snprintf(fb.lang, sizeof fb.lang, "%s", lang);
	snprintf(fb.kiosk, sizeof fb.kiosk, "%s", kiosk);
	return fb;
}

/* The check code printed on today's ticket number. */
static void
code_of(struct kz_db *db, const char *number, char code[KZ_BALLOT_CODE_LEN])
{
	char err[KZ_ERR_LEN] = "", day[11];

	kz_clock_day(kz_clock_now(), day);
	if (kz_ballot_code(db, day, number, code, err) != KZ_OK)
		fail_msg("check code of %s: %s", number, err);
	assert_int_equal(strlen(code), 4);
}

/* fb with its ticket's right check code, unless it names one. */
static struct kz_feedback
with_code(struct kz_db *db, struct kz_feedback fb)
{
	if (fb.code[0] == '\0')
		code_of(db, fb.ticket, fb.code);
	return fb;
}

/* A ballot that must be taken. */
static int64_t
add(struct kz_db *db, struct kz_feedback fb)
{
	char err[KZ_ERR_LEN] = "";
	enum kz_ballot_refusal why = KZ_BALLOT_CAST;
	int64_t id = 0;

	fb = with_code(db, fb);
	if (kz_feedback_add(db, &fb, &id, &why, err) != KZ_OK)
		fail_msg("ballot of %s: %s", fb.ticket, err);
	assert_int_equal(why, KZ_BALLOT_MAY_VOTE);
	return id;
}

/* A ballot that must be refused for why, nothing written. */
static void
refused(struct kz_db *db, struct kz_feedback fb, enum kz_ballot_refusal why, const char *words)
{
	char err[KZ_ERR_LEN] = "";
	enum kz_ballot_refusal got = KZ_BALLOT_MAY_VOTE, checked = KZ_BALLOT_MAY_VOTE;
	int64_t id = -7;

	fb = with_code(db, fb);
	assert_int_equal(kz_ballot_check(db, fb.ticket, fb.code, &checked, err), KZ_EREJECT);
	assert_int_equal(checked, why);
	assert_int_equal(kz_feedback_add(db, &fb, &id, &got, err), KZ_EREJECT);
	assert_int_equal(got, why);
	assert_int_equal(id, -7);
	if (strstr(err, words) == NULL)
		fail_msg("ballot of %s: expected '%s' in '%s'", fb.ticket, words, err);
}

/* Issue a ticket of service and serve it at counter 3 (A, B, C), now;
 * its number. */
static struct kz_ticket
serve(struct test_hall *h, const char *service)
{
	struct kz_ticket t = test_issue(h, service), called;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_next(h->db, 3, &called, err) != KZ_OK ||
		kz_ticket_start(h->db, 3, &called, err) != KZ_OK ||
		kz_ticket_finish(h->db, 3, KZ_SERVED, NULL, t.number, &called, err) != KZ_OK)
		fail_msg("serving %s: %s", t.number, err);
	return t;
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

	test_open_counter(h, 3);
	test_at("2026-03-20T10:00");
	a = add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-1", 1, 1, 0, 1));
	test_at("2026-03-20T16:40");
	b = add(h->db, ballot(serve(h, "B").number, "kk", "", 1, 0, -1, 1));
	test_at("2026-03-26T11:00");
	c = add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-2", 0, 1, 1, -1));
	assert_true(a > 0 && b > a && c > b);

	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 2, (int[]){2, 1, 0, 2},
		(int[]){2, 2, 1, 2});
	assert_summary(summary(h->db, "2026-03-26", "2026-03-26"), 1, (int[]){0, 1, 1, 0},
		(int[]){1, 1, 1, 0});
	assert_summary(summary(h->db, "2026-03-20", "2026-03-26"), 3, (int[]){2, 2, 1, 2},
		(int[]){3, 3, 2, 2});
	assert_summary(summary(h->db, "2026-03-21", "2026-03-22"), 0, (int[]){0, 0, 0, 0},
		(int[]){0, 0, 0, 0});
	assert_summary(summary(h->db, "2025-01-01", "2026-12-31"), 3, (int[]){2, 2, 1, 2},
		(int[]){3, 3, 2, 2});
}

/* The day is the hall's local day (UTC+5), not the UTC one: a ballot at
 * 23:59 counts for its day, and after local midnight that day's tickets
 * no longer vote, though it is still the same day in UTC. */
static void
test_day_is_the_local_day(void **state)
{
	struct test_hall *h = *state;
	struct kz_ticket a, b;

	test_open_counter(h, 3);
	test_at("2026-03-20T17:00");
	a = serve(h, "A");
	b = serve(h, "A");
	test_at("2026-03-20T23:59"); /* 18:59 UTC on the 20th */
	add(h->db, ballot(a.number, "ru", "", 1, -1, -1, -1));
	test_at("2026-03-21T00:30"); /* still the 20th in UTC */
	refused(h->db, ballot(b.number, "ru", "", 0, -1, -1, -1), KZ_BALLOT_UNKNOWN,
		"no ticket A-002 was issued today");
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 1, (int[]){1, 0, 0, 0},
		(int[]){1, 0, 0, 0});
	assert_summary(summary(h->db, "2026-03-21", "2026-03-21"), 0, (int[]){0, 0, 0, 0},
		(int[]){0, 0, 0, 0});
}

static void
test_skipped_questions_are_not_answered(void **state)
{
	struct test_hall *h = *state;

	test_open_counter(h, 3);
	add(h->db, ballot(serve(h, "A").number, "kk", "kiosk-1", -1, -1, -1, 0));
	add(h->db, ballot(serve(h, "C").number, "kk", "kiosk-1", -1, 1, -1, -1));
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

	test_open_counter(h, 3);
	serve(h, "A");
	fb = ballot("A-001", "en", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'en' is not kk or ru"));
	fb = ballot("A-001", "", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	fb = ballot("A-001", "ru", "", 1, 2, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "answer 2 to 'information'"));
	fb = ballot("A-001", "ru", "", 1, 1, 1, -2);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'politeness'"));
	fb = ballot("A-001", "kk", "kiosk-1", -1, -1, -1, -1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_string_equal(err, "no answer was given; nothing to store");
	fb = ballot("A-001", "kk", "", 1, 1, 1, 1);
	memset(fb.kiosk, 'k', sizeof fb.kiosk); /* no room left for the end */
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "kiosk name"));
	/* a number that is none: no ballot, and the ticket keeps its own */
	fb = ballot("15", "kk", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'15' is not a ticket number"));
	fb = ballot("", "kk", "", 1, 1, 1, 1);
	assert_int_equal(kz_feedback_add(h->db, &fb, &id, NULL, err), KZ_EINVAL);
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

	test_open_counter(h, 3);
	add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-1", 1, 1, 1, 1));
	add(h->db, ballot(serve(h, "A").number, "kk", "kiosk-1", 0, -1, 1, 0));
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
	assert_int_equal(audited, 2);
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
	assert_int_equal(kz_counter_open(db, 3, "Clerk Number3", "Chief specialist", err), KZ_OK);
	assert_int_equal(kz_ticket_next(db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(db, 3, KZ_NO_SHOW, NULL, "A-001", &t, err), KZ_OK);
	assert_int_equal(kz_ticket_next(db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_start(db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(db, 3, KZ_SERVED, NULL, "B-001", &t, err), KZ_OK);
	add(db, ballot("B-001", "ru", "", 1, 1, 1, 1));
	assert_summary(summary(db, "2026-03-20", "2026-03-20"), 1, (int[]){1, 1, 1, 1},
		(int[]){1, 1, 1, 1});
	assert_int_equal(kz_db_integrity(db, err), KZ_OK);
	kz_db_close(db);
}

static void
expect_number(const char *typed, const char *want)
{
	char out[KZ_BALLOT_NUMBER_LEN] = "x";

	if (want == NULL) {
		assert_int_equal(kz_ballot_number(typed, out), KZ_EINVAL);
		assert_string_equal(out, "");
		return;
	}
	if (kz_ballot_number(typed, out) != KZ_OK)
		fail_msg("'%s' was refused, expected %s", typed, want);
	assert_string_equal(out, want);
}

/* Typed as a visitor types it, read as the ticket prints it. */
static void
test_ballot_number_is_read_as_printed(void **state)
{
	(void)state;
	expect_number("A-015", "A-015");
	expect_number("a15", "A-015");
	expect_number(" A 1 5 ", "A-015");
	expect_number("B1", "B-001");
	expect_number("A1234", "A-1234");
	expect_number("а-7", "А-007"); /* Cyrillic а, made a capital */
	expect_number("қ12", "Қ-012");
	expect_number("Doc-3", "DOC-003");
	expect_number("15", NULL);
	expect_number("A", NULL);
	expect_number("1A", NULL);
	expect_number("A1B", NULL);
	expect_number("A1234567", NULL);
	expect_number("ABCDE1", NULL);
	expect_number("", NULL);
	expect_number(NULL, NULL);
	expect_number("A\x01-1", NULL);
}

/* Only a ticket served today votes, and once: a number never issued, one
 * waiting, at a counter, or that did not come is refused, and so is every
 * ballot after the first, however it is typed. */
static void
test_one_ballot_per_ticket_served_today(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t, gone;
	enum kz_ballot_refusal why = KZ_BALLOT_CAST;

	test_open_counter(h, 3);
	refused(h->db, ballot("A-001", "ru", "", 1, 1, 1, 1), KZ_BALLOT_UNKNOWN,
		"no ticket A-001 was issued today");
	test_issue(h, "A"); /* A-001, waiting */
	refused(h->db, ballot("A-001", "ru", "", 1, 1, 1, 1), KZ_BALLOT_NOT_SERVED,
		"ticket A-001 has not been served");
	assert_int_equal(kz_ticket_next(h->db, 3, &t, err), KZ_OK);
	refused(h->db, ballot("a1", "ru", "", 1, 1, 1, 1), KZ_BALLOT_NOT_SERVED, "A-001");
	assert_int_equal(kz_ticket_finish(h->db, 3, KZ_NO_SHOW, NULL, "A-001", &gone, err), KZ_OK);
	refused(h->db, ballot("A-001", "ru", "", 1, 1, 1, 1), KZ_BALLOT_NOT_SERVED, "A-001");
	refused(h->db, ballot("A-002", "ru", "", 1, 1, 1, 1), KZ_BALLOT_UNKNOWN, "A-002");

	t = serve(h, "A"); /* */
	assert_int_equal(kz_ballot_check(h->db, "a-2", NULL, &why, err), KZ_OK);
	assert_int_equal(why, KZ_BALLOT_MAY_VOTE);
	/* five all-"No" ballots in a row from one ticket: one counts */
	add(h->db, ballot(t.number, "kk", "kiosk-1", 0, 0, 0, 0));
	for (int i = 0; i < 4; i++)
		refused(h->db, ballot(i % 2 ? "a2" : t.number, "kk", "kiosk-1", 0, 0, 0, 0),
			KZ_BALLOT_CAST, "ticket A-002 has voted already");
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 1, (int[]){0, 0, 0, 0},
		(int[]){1, 1, 1, 1});
	/* another served ticket still votes */
	add(h->db, ballot(serve(h, "B").number, "ru", "kiosk-1", 1, 1, 1, 1));
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 2, (int[]){1, 1, 1, 1},
		(int[]){2, 2, 2, 2});
}

/* A ballot with ticket number and check code code: refused as wrong. */
static void
wrong_code(struct kz_db *db, const char *number, const char *code)
{
	struct kz_feedback fb = ballot(number, "ru", "", 0, 0, 0, 0);

	snprintf(fb.code, sizeof fb.code, "%.4s", code);
	refused(db, fb, KZ_BALLOT_WRONG_CODE, "check code is not that of ticket");
}

/* The number of a ticket served is on the board for all to see: without
 * the check code printed on its paper it does not vote.  The code is
 * four digits, the same each time it is asked for that day, told wrong
 * before "voted already" (a guessed number learns nothing), different
 * for other tickets, and gone with its day's key. */
static void
test_a_ballot_needs_the_tickets_check_code(void **state)
{
	struct test_hall *h = *state;
	char code[KZ_BALLOT_CODE_LEN], again[KZ_BALLOT_CODE_LEN], other[16];
	char err[KZ_ERR_LEN] = "", distinct[20][KZ_BALLOT_CODE_LEN];
	enum kz_ballot_refusal why = KZ_BALLOT_MAY_VOTE;
	int n = 0;

	test_open_counter(h, 3);
	serve(h, "A"); /* */
	code_of(h->db, "A-001", code);
	code_of(h->db, "a1", again);
	assert_string_equal(code, again);
	for (const char *d = code; *d != '\0'; d++)
		assert_true(*d >= '0' && *d <= '9');
	snprintf(other, sizeof other, "%04d", (atoi(code) + 1) % 10000);
	assert_string_not_equal(other, code);
	wrong_code(h->db, "A-001", other);
	wrong_code(h->db, "A-001", "12");
	assert_int_equal(kz_ballot_check(h->db, "A-001", NULL, &why, err), KZ_OK);
	assert_int_equal(kz_ballot_check(h->db, "A-001", code, &why, err), KZ_OK);
	add(h->db, ballot("A-001", "ru", "", 1, 1, 1, 1));
	wrong_code(h->db, "A-001", other); /* voted, but a guess is told only "wrong" */
	refused(h->db, ballot("A-001", "ru", "", 1, 1, 1, 1), KZ_BALLOT_CAST, "voted already");
	assert_summary(summary(h->db, "2026-03-20", "2026-03-20"), 1, (int[]){1, 1, 1, 1},
		(int[]){1, 1, 1, 1});
	/* other tickets, other codes: 20 tickets share hardly any */
	for (int i = 0; i < 20; i++) {
		char number[16], c[KZ_BALLOT_CODE_LEN];
		int seen = 0;
		snprintf(number, sizeof number, "B-%03d", i + 1);
		code_of(h->db, number, c);
		for (int j = 0; j < n; j++)
			seen |= strcmp(distinct[j], c) == 0;
		if (!seen)
			memcpy(distinct[n++], c, sizeof c);
	}
	assert_true(n >= 17);
	/* the next day: a new key, and the past day's code is gone with its key */
	test_at("2026-03-23T10:00");
	code_of(h->db, "A-001", again);
	assert_int_equal(kz_ballot_code(h->db, "2026-03-20", "A-001", other, err), KZ_OK);
	assert_string_equal(other, "");
}

/* A visitor sent on to another service keeps their number: served in the
 * second, it votes once; the first place alone (transferred) does not. */
static void
test_transferred_visitor_votes_once(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;

	test_open_counter(h, 3);
	test_issue(h, "A");
	assert_int_equal(kz_ticket_next(h->db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_start(h->db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(h->db, 3, KZ_TRANSFERRED, "C", "A-001", &t, err), KZ_OK);
	refused(h->db, ballot("A-001", "kk", "", 1, 1, 1, 1), KZ_BALLOT_NOT_SERVED, "A-001");
	assert_int_equal(kz_ticket_next(h->db, 3, &t, err), KZ_OK);
	assert_string_equal(t.number, "A-001");
	assert_int_equal(kz_ticket_start(h->db, 3, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_finish(h->db, 3, KZ_SERVED, NULL, "A-001", &t, err), KZ_OK);
	add(h->db, ballot("A-001", "kk", "", 1, 1, 1, 1));
	refused(h->db, ballot("A-001", "kk", "", 1, 1, 1, 1), KZ_BALLOT_CAST, "A-001");
}

/* What the file keeps: ballots with no ticket, and per day only keyed
 * marks in no order of arrival; the first ballot of a later day deletes
 * the earlier days' marks and key. */
static void
test_ballots_keep_no_link_to_the_ticket(void **state)
{
	struct test_hall *h = *state;
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;

	test_open_counter(h, 3);
	add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-1", 1, 1, 1, 1));
	add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-1", 0, 1, 1, 1));
	add(h->db, ballot(serve(h, "B").number, "kk", "kiosk-1", 1, 0, 1, 1));
	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(count(sql, "SELECT count(*) FROM ballot_marks WHERE day = '2026-03-20'"),
		3);
	assert_int_equal(count(sql, "SELECT count(*) FROM ballot_keys"), 1);
	/* no number anywhere in the marks, the ballots or their events */
	assert_int_equal(count(sql,
				 "SELECT count(*) FROM ballot_marks WHERE instr(mark, 'A-00') > 0"
				 " OR instr(mark, 'B-00') > 0"),
		0);
	assert_int_equal(count(sql,
				 "SELECT count(*) FROM pragma_table_info('feedback')"
				 " WHERE name LIKE '%ticket%' OR name LIKE '%number%'"),
		0);
	assert_int_equal(count(sql,
				 "SELECT count(*) FROM events WHERE kind = 'feedback'"
				 " AND (ticket_id IS NOT NULL OR detail LIKE '%-00%')"),
		0);
	/* the marks come out in their own order, not in the ballots' */
	assert_int_equal(sqlite3_prepare_v2(sql, "SELECT rowid FROM ballot_marks", -1, &st, NULL),
		SQLITE_ERROR);
	sqlite3_close(sql);

	test_at("2026-03-26T10:00");
	add(h->db, ballot(serve(h, "A").number, "ru", "kiosk-1", 1, 1, 1, 1));
	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(count(sql, "SELECT count(*) FROM ballot_marks"), 1);
	assert_int_equal(count(sql, "SELECT count(*) FROM ballot_keys WHERE day = '2026-03-26'"),
		1);
	assert_int_equal(count(sql, "SELECT count(*) FROM ballot_keys"), 1);
	assert_int_equal(count(sql, "SELECT count(*) FROM feedback"), 4);
	sqlite3_close(sql);
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
		cmocka_unit_test(test_ballot_number_is_read_as_printed),
		T(test_one_ballot_per_ticket_served_today),
		T(test_a_ballot_needs_the_tickets_check_code),
		T(test_transferred_visitor_votes_once),
		T(test_ballots_keep_no_link_to_the_ticket),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
