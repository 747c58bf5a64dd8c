/*
 * application-list.c - reading applications back, and the one place that
 * works out what follows from the dates: deemed approval (p.16), overdue,
 * kept until (p.26), uncollected.  See application.h; start at derive.
 */
#include <stdio.h>
#include <string.h>

#include "application.h"
#include "clock.h"
#include "error.h"
#include "sql.h"

#define APP_COLUMNS                                                                                  \
	"a.id, a.number, a.kind, a.applicant, a.idnum, a.id_doc, a.phone, a.address,"                \
	" a.representative, a.authority, a.proxy, a.proxy_doc, a.plot_address, a.accepted_at,"       \
	" a.day, a.due_day, c.number, k.full_name, k.position, a.status, a.docs, a.missing,"         \
	" a.act_total, (SELECT count(*) FROM application_act_rows r WHERE r.application_id = a.id)," \
	" a.decided_at, a.decided_day, a.decision_reason, a.notice_due_day, a.notice_sent_at,"       \
	" a.suspended_until, a.handed_at, a.handed_to, a.handed_name, a.handed_doc, a.purged_at,"    \
	" a.lang, a.resumed_at, a.refused_at, a.receipt_printed_at,"                                 \
	" n_out.number, n_out.day, r_out.number, r_out.day, a.due_calendar"                          \
	" FROM applications a"                                                                       \
	" LEFT JOIN outgoing n_out ON n_out.application_id = a.id AND n_out.document = 'notice'"     \
	" LEFT JOIN outgoing r_out ON r_out.application_id = a.id AND r_out.document = 'refusal'"    \
	" LEFT JOIN counters c ON c.id = a.counter_id"                                               \
	" LEFT JOIN clerks k ON k.id = a.clerk_id"

/* What the dates say as of today (local YYYY-MM-DD), for a read row.
 *  - Deemed approved (p.16, last paragraph): no decision on or before
 *    due_day.  Still undecided, it shows once due_day has passed (the
 *    office has all of due_day to decide); approved late, it always
 *    shows.  A rejection after due_day is refused (kz_app_decide).
 *  - Overdue: no decision and due_day passed, while not handed over; or a
 *    refusal whose notice was not sent by notice_due_day.
 *  - Kept until (p.26): a result is kept 6 months from the day it is
 *    ready: due_day, or the decision's day when that came later.
 *  - Uncollected: a result not handed over after its kept_until.
 *  - Expired: suspended, and suspended_until passed without the missing
 *    documents: kz_app_expire refuses it.
 *  - Receipt owed (p.14): registered, undecided, not handed over, and no
 *    receipt of it printed since its set was complete. */
static void
derive(struct kz_application *a, const char *today)
{
	int registered = a->status == KZ_APP_REGISTERED;
	int approved = a->status == KZ_APP_APPROVED;
	int refused = a->status == KZ_APP_REFUSED;
	int suspended = a->status == KZ_APP_SUSPENDED;
	struct kz_date ready;
	const char *from;

	a->deemed = (registered && strcmp(today, a->due_day) > 0) ||
		(approved && strcmp(a->decided_day, a->due_day) > 0);
	a->state = a->deemed ? KZ_APP_DEEMED_APPROVED : a->status;
	a->overdue = (registered && a->deemed && a->handed_at == 0) ||
		((refused || suspended) && a->notice_sent_at == 0 &&
			strcmp(today, a->notice_due_day) > 0);
	a->expired = suspended && strcmp(today, a->suspended_until) > 0;
	a->receipt_owed = registered && a->handed_at == 0 && a->receipt_printed_at == 0;
	a->kept_until[0] = '\0';
	a->uncollected = 0;
	if (refused || suspended || (registered && !a->deemed))
		return;
	from = a->decided_day[0] && strcmp(a->decided_day, a->due_day) > 0 ? a->decided_day
									   : a->due_day;
	if (kz_date_parse(from, &ready) != 0)
		return;
	kz_date_format(kz_date_add_months(ready, 6), a->kept_until);
	a->uncollected = a->handed_at == 0 && strcmp(today, a->kept_until) > 0;
}

static void
read_app(sqlite3_stmt *st, struct kz_application *a, const char *today)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, a->number, sizeof a->number);
	a->kind = kz_app_kind_from_db((const char *)sqlite3_column_text(st, 2));
	kz_col_text(st, 3, a->applicant, sizeof a->applicant);
	kz_col_text(st, 4, a->idnum, sizeof a->idnum);
	kz_col_text(st, 5, a->id_doc, sizeof a->id_doc);
	kz_col_text(st, 6, a->phone, sizeof a->phone);
	kz_col_text(st, 7, a->address, sizeof a->address);
	kz_col_text(st, 8, a->representative, sizeof a->representative);
	kz_col_text(st, 9, a->authority, sizeof a->authority);
	kz_col_text(st, 10, a->proxy, sizeof a->proxy);
	kz_col_text(st, 11, a->proxy_doc, sizeof a->proxy_doc);
	kz_col_text(st, 12, a->plot_address, sizeof a->plot_address);
	a->accepted_at = sqlite3_column_int64(st, 13);
	kz_col_text(st, 14, a->day, sizeof a->day);
	kz_col_text(st, 15, a->due_day, sizeof a->due_day);
	a->counter = sqlite3_column_int(st, 16);
	kz_col_text(st, 17, a->clerk, sizeof a->clerk);
	kz_col_text(st, 18, a->clerk_position, sizeof a->clerk_position);
	a->status = kz_app_state_from_db((const char *)sqlite3_column_text(st, 19));
	a->docs = (unsigned)sqlite3_column_int(st, 20);
	a->missing = (unsigned)sqlite3_column_int(st, 21);
	a->has_act = sqlite3_column_type(st, 22) != SQLITE_NULL;
	a->act_total = sqlite3_column_int64(st, 22);
	a->nact = sqlite3_column_int(st, 23);
	a->decided_at = sqlite3_column_int64(st, 24);
	kz_col_text(st, 25, a->decided_day, sizeof a->decided_day);
	kz_col_text(st, 26, a->reason, sizeof a->reason);
	kz_col_text(st, 27, a->notice_due_day, sizeof a->notice_due_day);
	a->notice_sent_at = sqlite3_column_int64(st, 28);
	kz_col_text(st, 29, a->suspended_until, sizeof a->suspended_until);
	a->handed_at = sqlite3_column_int64(st, 30);
	a->handed_to = kz_app_handed_from_db((const char *)sqlite3_column_text(st, 31));
	kz_col_text(st, 32, a->handed_name, sizeof a->handed_name);
	kz_col_text(st, 33, a->handed_doc, sizeof a->handed_doc);
	a->purged_at = sqlite3_column_int64(st, 34);
	kz_col_text(st, 35, a->lang, sizeof a->lang);
	a->resumed_at = sqlite3_column_int64(st, 36);
	a->refused_at = sqlite3_column_int64(st, 37);
	a->receipt_printed_at = sqlite3_column_int64(st, 38);
	kz_col_text(st, 39, a->notice_out, sizeof a->notice_out);
	kz_col_text(st, 40, a->notice_out_day, sizeof a->notice_out_day);
	kz_col_text(st, 41, a->refusal_out, sizeof a->refusal_out);
	kz_col_text(st, 42, a->refusal_out_day, sizeof a->refusal_out_day);
	a->due_calendar = (enum kz_cal_data)sqlite3_column_int(st, 43);
	derive(a, today);
}

/* Step st, which selects one application, into *out. */
static int
get_one(struct kz_db *db, sqlite3_stmt *st, const char *what, struct kz_application *out, char *err)
{
	char today[11];
	int rc = sqlite3_step(st);

	kz_clock_day(kz_clock_now(), today);
	if (rc == SQLITE_ROW)
		read_app(st, out, today);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND,
			"there is no application %s; list them with "
			"'kezek applications'",
			what);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read application", err);
}

int
kz_app_get(struct kz_db *db, const char *number, struct kz_application *out, char *err)
{
	sqlite3_stmt *st;
	char what[40];

	if (number == NULL || *number == '\0' || strlen(number) > 15)
		return kz_err(err, KZ_EINVAL, "an application's number is like 2026-0001");
	st = kz_db_stmt(db, "SELECT " APP_COLUMNS " WHERE a.number = ?", err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, number);
	snprintf(what, sizeof what, "%s", number);
	return get_one(db, st, what, out, err);
}

int
kz_app_get_job(struct kz_db *db, int64_t job, struct kz_application *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT " APP_COLUMNS " WHERE a.id = (SELECT application_id FROM print_jobs"
		" WHERE id = ?)",
		err);
	char what[40];

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, job);
	snprintf(what, sizeof what, "for print job %lld", (long long)job);
	return get_one(db, st, what, out, err);
}

int
kz_app_act_rows(struct kz_db *db, int64_t id, struct kz_act_row *rows, int max, int *n, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT zone, area, rate, coef, value FROM application_act_rows"
		" WHERE application_id = ? ORDER BY row",
		err);
	int rc;

	*n = 0;
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct kz_act_row *r = &rows[(*n)++];
		kz_col_text(st, 0, r->zone, sizeof r->zone);
		r->area = sqlite3_column_int64(st, 1);
		r->rate = sqlite3_column_int64(st, 2);
		r->coef = sqlite3_column_int64(st, 3);
		r->value = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read act", err);
}

static int
passes(const struct kz_app_filter *f, const struct kz_application *a)
{
	if (f == NULL)
		return 1;
	return (f->state == NULL || *f->state == a->state) && (!f->overdue || a->overdue) &&
		(!f->deemed || a->deemed) && (!f->uncollected || a->uncollected) &&
		(!f->receipt_owed || a->receipt_owed) && (!f->expired || a->expired);
}

int
kz_app_list(struct kz_db *db, const struct kz_app_filter *filter,
	int (*fn)(const struct kz_application *a, void *arg), void *arg, char *err)
{
	struct kz_application a;
	char today[11];
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db, "SELECT " APP_COLUMNS " ORDER BY a.id", err);
	if (st == NULL)
		return KZ_EDB;
	kz_clock_day(kz_clock_now(), today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_app(st, &a, today);
		if (passes(filter, &a) && fn(&a, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						     : kz_db_fail(db, rc, "list applications", err);
}
