/*
 * report-cases.c - the report's applications (p.7.1, p.16, p.26) and
 * complaints (p.25), inside the report's read transaction.  A database
 * made before those registers existed simply has none: the report says so.
 */
#include <string.h>

#include "clock.h"
#include "error.h"
#include "report.h"
#include "sql.h"

int kz_report_fill_cases(struct kz_db *db, struct kz_calendar *cal, struct kz_report *r, char *err);

static int
has_table(struct kz_db *db, const char *name, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", err);
	int64_t n = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (kz_db_step_int(db, st, &n, "look for a table", err) != KZ_OK)
		return -1;
	return n > 0;
}

/* One application accepted in the range, as of today.  The same rules as
 * the applications list (application-list.c): deemed approved when there
 * is no decision by due_day (or a late approval); kept 6 months from the
 * day the result is ready. */
static void
count_app(struct kz_report_apps *a, enum kz_app_state status, const char *due, const char *decided,
	int handed, const char *notice_due, int64_t notice_sent, const char *today)
{
	int registered = status == KZ_APP_REGISTERED;
	int refused = status == KZ_APP_REFUSED || status == KZ_APP_SUSPENDED; /* p.16 both */
	int approved = status == KZ_APP_APPROVED;
	struct kz_date ready;
	char kept[11], sent[11];

	if (refused) {
		a->refused++;
		if (notice_sent == 0
				? strcmp(today, notice_due) > 0
				: (kz_clock_day(notice_sent, sent), strcmp(sent, notice_due) > 0))
			a->notices_late++;
		return;
	}
	a->accepted++;
	if (decided[0] || strcmp(today, due) > 0)
		a->due++;
	if (decided[0] && strcmp(decided, due) <= 0)
		a->on_time++;
	else if (decided[0] || strcmp(today, due) > 0)
		a->late++;
	if ((registered && strcmp(today, due) > 0) || (approved && strcmp(decided, due) > 0))
		a->deemed++;
	if (registered && strcmp(today, due) <= 0)
		return; /* not ready yet */
	if (kz_date_parse(decided[0] && strcmp(decided, due) > 0 ? decided : due, &ready) != 0)
		return;
	kz_date_format(kz_date_add_months(ready, 6), kept);
	a->uncollected += !handed && strcmp(today, kept) > 0;
}

static int
fill_apps(struct kz_db *db, struct kz_report *r, const char *today, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT status, due_day, coalesce(decided_day, ''), handed_at IS NOT NULL,"
		" coalesce(notice_due_day, ''), coalesce(notice_sent_at, 0)"
		" FROM applications WHERE day BETWEEN ? AND ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, r->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count_app(&r->apps, kz_app_state_from_db((const char *)sqlite3_column_text(st, 0)),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3),
			(const char *)sqlite3_column_text(st, 4), sqlite3_column_int64(st, 5),
			today);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the applications", err);
}

static int
fill_complaints(struct kz_db *db, struct kz_report *r, const char *today, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT due_day, coalesce(answered_at, 0) FROM complaints"
		" WHERE registered_at >= ? AND registered_at < ?",
		err);
	struct kz_report_complaints *c = &r->complaints;
	struct kz_date f, t;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_date_parse(r->from, &f);
	kz_date_parse(r->to, &t);
	sqlite3_bind_int64(st, 1, kz_date_at(f, 0));
	sqlite3_bind_int64(st, 2, kz_date_at(kz_date_from_days(kz_date_days(t) + 1), 0));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *due = (const char *)sqlite3_column_text(st, 0);
		int64_t answered = sqlite3_column_int64(st, 1);
		char day[11];
		c->received++;
		if (answered == 0) {
			c->overdue += strcmp(today, due) > 0;
			continue;
		}
		c->answered++;
		kz_clock_day(answered, day);
		if (strcmp(day, due) <= 0)
			c->on_time++;
		else
			c->late++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the complaints", err);
}

int
kz_report_fill_cases(struct kz_db *db, struct kz_calendar *cal, struct kz_report *r, char *err)
{
	char today[11];
	int rc = KZ_OK;

	(void)cal;
	kz_clock_day(kz_clock_now(), today);
	r->apps.available = has_table(db, "applications", err);
	r->complaints.available = has_table(db, "complaints", err);
	if (r->apps.available < 0 || r->complaints.available < 0)
		return KZ_EDB;
	if (r->apps.available)
		rc = fill_apps(db, r, today, err);
	if (rc == KZ_OK && r->complaints.available)
		rc = fill_complaints(db, r, today, err);
	return rc;
}
