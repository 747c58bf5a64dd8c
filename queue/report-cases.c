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
	/* the applications are counted with their days (report-days.h) */
	if (r->complaints.available)
		rc = fill_complaints(db, r, today, err);
	return rc;
}
