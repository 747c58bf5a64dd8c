/* feedback.c - visitors' App. 4 answers, stored and counted; see feedback.h. */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "feedback.h"
#include "sql.h"

static const char *const question_names[KZ_FB_QUESTIONS] = {
	[KZ_FB_QUALITY] = "quality",
	[KZ_FB_INFORMATION] = "information",
	[KZ_FB_APPEAL] = "appeal",
	[KZ_FB_POLITENESS] = "politeness",
};

static int
check(const struct kz_feedback *fb, const int answers[KZ_FB_QUESTIONS], char *err)
{
	int given = 0;

	if (strcmp(fb->lang, "kk") != 0 && strcmp(fb->lang, "ru") != 0)
		return kz_err(err, KZ_EINVAL,
			"feedback language '%.3s' is not kk or ru; nothing "
			"was stored",
			fb->lang);
	if (memchr(fb->kiosk, '\0', sizeof fb->kiosk) == NULL)
		return kz_err(err, KZ_EINVAL,
			"kiosk name is longer than %d bytes; shorten it in "
			"the kiosk's settings",
			(int)sizeof fb->kiosk - 1);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
		if (answers[i] < -1 || answers[i] > 1)
			return kz_err(err, KZ_EINVAL,
				"answer %d to '%s' is not 1 (satisfied), 0 (not) "
				"or -1 (skipped); nothing was stored",
				answers[i], question_names[i]);
		given += answers[i] >= 0;
	}
	if (given == 0)
		return kz_err(err, KZ_EINVAL, "no answer was given; nothing to store");
	return KZ_OK;
}

static int
do_add(struct kz_db *db, const struct kz_feedback *fb, const int answers[KZ_FB_QUESTIONS],
	int64_t *id, char *err)
{
	int64_t now = kz_clock_now(), row;
	char day[11], detail[32];
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO feedback (at, day, lang, kiosk, quality, information, appeal, politeness)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_clock_day(now, day);
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, fb->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, fb->kiosk, -1, SQLITE_STATIC);
	for (int i = 0; i < KZ_FB_QUESTIONS; i++)
		if (answers[i] < 0)
			sqlite3_bind_null(st, 5 + i);
		else
			sqlite3_bind_int(st, 5 + i, answers[i]);
	if ((rc = kz_db_exec_stmt(db, st, "store feedback", err)) != KZ_OK)
		return rc;
	row = sqlite3_last_insert_rowid(kz_db_sql(db));
	/* the event names the row only: no ticket, no person */
	snprintf(detail, sizeof detail, "feedback %lld", (long long)row);
	if ((rc = kz_event_add(db, now, KZ_EVENT_FEEDBACK, 0, 0, 0, 0, detail, err)) != KZ_OK)
		return rc;
	if (id)
		*id = row;
	return KZ_OK;
}

int
kz_feedback_add(struct kz_db *db, const struct kz_feedback *fb, int64_t *id, char *err)
{
	const int answers[KZ_FB_QUESTIONS] = {
		[KZ_FB_QUALITY] = fb->quality,
		[KZ_FB_INFORMATION] = fb->information,
		[KZ_FB_APPEAL] = fb->appeal,
		[KZ_FB_POLITENESS] = fb->politeness,
	};
	int rc;

	if ((rc = check(fb, answers, err)) != KZ_OK)
		return rc;
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = do_add(db, fb, answers, id, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

static int
check_day(const char *day, const char *which, char *err)
{
	struct kz_date d;

	if (day == NULL || kz_date_parse(day, &d) != 0)
		return kz_err(err, KZ_EINVAL, "%s day '%s' is not a date; write it as 2026-03-20",
			which, day ? day : "");
	return KZ_OK;
}

int
kz_feedback_fill(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err)
{
	/* answers are 0 or 1, so sum(x) counts the satisfied; count(x) leaves
	 * out NULLs, the skipped questions */
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*),"
		" coalesce(sum(quality), 0), count(quality),"
		" coalesce(sum(information), 0), count(information),"
		" coalesce(sum(appeal), 0), count(appeal),"
		" coalesce(sum(politeness), 0), count(politeness)"
		" FROM feedback WHERE day BETWEEN ? AND ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, from_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to_day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->responses = sqlite3_column_int(st, 0);
		for (int i = 0; i < KZ_FB_QUESTIONS; i++) {
			out->yes[i] = sqlite3_column_int(st, 1 + 2 * i);
			out->answered[i] = sqlite3_column_int(st, 2 + 2 * i);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read feedback", err);
}

int
kz_feedback_summary(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_day(from_day, "first", err)) != KZ_OK ||
		(rc = check_day(to_day, "last", err)) != KZ_OK)
		return rc;
	if (strcmp(from_day, to_day) > 0)
		return kz_err(err, KZ_EINVAL, "first day %s is after last day %s; swap them",
			from_day, to_day);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = kz_feedback_fill(db, from_day, to_day, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}
