/*
 * bulk.c - rows written whole for a benchmark's fixture; see bulk.h.
 */
#include <stdio.h>

#include "bulk.h"
#include "error.h"
#include "sql.h"

static int
has_cases(struct kz_db *db, int *cases, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT (SELECT count(*) FROM sqlite_master WHERE name IN ('applications', 'complaints'))",
		err);
	int64_t n = 0;
	int rc;

	*cases = 0;
	if (st == NULL || (rc = kz_db_step_int(db, st, &n, "look for the registers", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	if (n < 2)
		return KZ_OK;
	st = kz_db_stmt(db,
		"SELECT (SELECT count(*) FROM applications) +"
		" (SELECT count(*) FROM complaints)",
		err);
	if (st == NULL || (rc = kz_db_step_int(db, st, &n, "count the registers", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	*cases = n == 0;
	return KZ_OK;
}

int
kz_bulk_hall(struct kz_db *db, const char *const names[KZ_BULK_CLERKS], const char *position,
	struct kz_bulk_hall *out, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "SELECT id, prefix FROM services WHERE active ORDER BY id", err);
	int rc;

	out->nservices = out->ncounters = 0;
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->nservices < KZ_MAX_SERVICES) {
		out->services[out->nservices] = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, out->prefixes[out->nservices++], KZ_CODE_LEN);
	}
	sqlite3_reset(st);
	if ((st = kz_db_stmt(db, "SELECT id FROM counters WHERE active ORDER BY number", err)) ==
		NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->ncounters < KZ_MAX_COUNTERS)
		out->counters[out->ncounters++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (out->nservices == 0 || out->ncounters == 0)
		return kz_err(err, KZ_EREJECT,
			"the hall has no services or no counters; run kezek init");
	st = kz_db_stmt(db,
		"INSERT INTO clerks (full_name, position) VALUES (?, ?)"
		" ON CONFLICT DO UPDATE SET position = position RETURNING id",
		err);
	if (st == NULL)
		return KZ_EDB;
	for (int i = 0; i < KZ_BULK_CLERKS; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, position, -1, SQLITE_STATIC);
		if ((rc = kz_db_step_int(db, st, &out->clerks[i], "add a clerk", err)) != KZ_OK)
			return rc;
	}
	return has_cases(db, &out->cases, err);
}

int
kz_bulk_begin(struct kz_db *db, char *err)
{
	return kz_db_begin(db, err);
}

int
kz_bulk_commit(struct kz_db *db, char *err)
{
	return kz_db_commit(db, err);
}

void
kz_bulk_rollback(struct kz_db *db)
{
	kz_db_rollback(db);
}

int
kz_bulk_ticket(struct kz_db *db, const struct kz_bulk_ticket *t, int64_t *id, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO tickets (day, service_id, seq, number, issued_at, origin_id, state,"
		" outcome, counter_id, clerk_id, called_at, started_at, finished_at)"
		" VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?)",
		err);
	char number[32];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	snprintf(number, sizeof number, "%s-%03d", t->prefix, t->seq);
	sqlite3_bind_text(st, 1, t->day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->service_id);
	sqlite3_bind_int(st, 3, t->seq);
	sqlite3_bind_text(st, 4, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, t->issued_at);
	kz_bind_id(st, 6, t->origin_id);
	sqlite3_bind_text(st, 7, kz_outcome_name(t->outcome), -1, SQLITE_STATIC);
	kz_bind_id(st, 8, t->counter_id);
	kz_bind_id(st, 9, t->clerk_id);
	kz_bind_id(st, 10, t->called_at);
	kz_bind_id(st, 11, t->started_at);
	kz_bind_id(st, 12, t->finished_at);
	rc = kz_db_exec_stmt(db, st, "write a ticket", err);
	*id = sqlite3_last_insert_rowid(kz_db_sql(db));
	return rc;
}

int
kz_bulk_feedback(struct kz_db *db, const struct kz_bulk_feedback *f, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO feedback (at, day, lang, kiosk, quality, information, appeal, politeness)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, f->at);
	sqlite3_bind_text(st, 2, f->day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, f->kiosk, -1, SQLITE_STATIC);
	for (int q = 0; q < 4; q++)
		if (f->answers[q] < 0)
			sqlite3_bind_null(st, 5 + q);
		else
			sqlite3_bind_int(st, 5 + q, f->answers[q]);
	return kz_db_exec_stmt(db, st, "write feedback", err);
}

int
kz_bulk_application(struct kz_db *db, const struct kz_bulk_application *a, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO applications (year, seq, number, kind, accepted_at, day, due_day, clerk_id,"
		" status, docs, missing, decided_at, decided_day, decision_reason, notice_due_day,"
		" notice_sent_at, handed_at, handed_to, suspended_until, refused_at) VALUES"
		" (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 15, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		/* a suspension runs to the due day; one past it was refused that night */
		"  CASE WHEN ?9 IN ('suspended', 'refused') THEN ?7 END,"
		"  CASE WHEN ?9 = 'refused' THEN ?5 + 7 * 86400 END)",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, a->year);
	sqlite3_bind_int(st, 2, a->seq);
	sqlite3_bind_text(st, 3, a->number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, kz_app_kind_name(a->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, a->accepted_at);
	sqlite3_bind_text(st, 6, a->day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, a->due_day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, a->clerk_id);
	sqlite3_bind_text(st, 9, kz_app_state_name(a->status), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, (int)a->missing);
	kz_bind_id(st, 11, a->decided_at);
	kz_bind_text(st, 12, a->decided_day);
	kz_bind_text(st, 13, a->reason);
	kz_bind_text(st, 14, a->notice_due_day);
	kz_bind_id(st, 15, a->notice_sent_at);
	kz_bind_id(st, 16, a->handed_at);
	kz_bind_text(st, 17, a->handed_to ? kz_app_handed_name(a->handed_to) : NULL);
	return kz_db_exec_stmt(db, st, "write an application", err);
}

int
kz_bulk_complaint(struct kz_db *db, const struct kz_bulk_complaint *c, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO complaints (year, seq, number, registered_at, channel, kind, clerk_id,"
		" days, due_day, answered_at, answer_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, c->year);
	sqlite3_bind_int(st, 2, c->seq);
	sqlite3_bind_text(st, 3, c->number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, c->registered_at);
	sqlite3_bind_text(st, 5, kz_complaint_channel_name(c->channel), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, kz_complaint_kind_name(c->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, c->clerk_id);
	sqlite3_bind_int(st, 8, c->days);
	sqlite3_bind_text(st, 9, c->due_day, -1, SQLITE_TRANSIENT);
	kz_bind_id(st, 10, c->answered_at);
	kz_bind_text(st, 11,
		c->answer_channel ? kz_complaint_channel_name(c->answer_channel) : NULL);
	return kz_db_exec_stmt(db, st, "write a complaint", err);
}
