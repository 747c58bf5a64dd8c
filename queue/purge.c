/* purge.c - removing personal data after its retention; see purge.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "purge.h"
#include "sql.h"

static const char *const complaint_columns[] = {
	"complainant",
	"contact",
	"summary",
	"answer",
	NULL,
};

static const char *const application_columns[] = {
	"applicant",
	"idnum",
	"id_doc",
	"phone",
	"address",
	"representative",
	"authority",
	"proxy",
	"proxy_doc",
	"plot_address",
	"decision_reason",
	"handed_name",
	"handed_doc",
	NULL,
};

/* What an application's "closed" test reads: without them it cannot be told. */
static const char *const application_needs[] = {
	"purged_at",
	"status",
	"accepted_at",
	"handed_at",
	"decided_day",
	"due_day",
	NULL,
};

/* Which cases of each table are closed before ?1 (instant) or ?2 (local day). */
static const char complaint_closed[] = "answered_at IS NOT NULL AND answered_at < ?1";
static const char application_closed[] =
	"(handed_at IS NOT NULL AND handed_at < ?1)"
	" OR (handed_at IS NULL AND status IN ('refused', 'suspended') AND accepted_at < ?1)"
	" OR (handed_at IS NULL AND status NOT IN ('refused', 'suspended')"
	"     AND date(max(coalesce(decided_day, due_day), due_day), '+6 months') < ?2)";

const char *const *
kz_purge_columns(const char *table)
{
	if (strcmp(table, "complaints") == 0)
		return complaint_columns;
	if (strcmp(table, "applications") == 0)
		return application_columns;
	return NULL;
}

/* Does table have column?  0 or 1; -1 on a database error. */
static int
has_column(struct kz_db *db, const char *table, const char *column)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", NULL);
	int rc, n = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n > 0 : -1;
}

/* Run sql (built here, so not cached) with ?1 = cutoff, ?2 = cutoff's day,
 * ?3 = now; *changed is the rows it changed. */
static int
run_built(struct kz_db *db, const char *sql, int64_t cutoff, const char *cutoff_day, int64_t now,
	int *changed, char *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(kz_db_sql(db), sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, "prepare purge", err);
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		if (name && strcmp(name, "?1") == 0)
			sqlite3_bind_int64(st, i, cutoff);
		else if (name && strcmp(name, "?2") == 0)
			sqlite3_bind_text(st, i, cutoff_day, -1, SQLITE_STATIC);
		else if (name && strcmp(name, "?3") == 0)
			sqlite3_bind_int64(st, i, now);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "purge", err);
	*changed = sqlite3_changes(kz_db_sql(db));
	return KZ_OK;
}

/* Purge table's closed cases: NULL every listed column it has.  A table
 * that is not there is skipped (*n = 0); one that lacks a column of needs
 * is not a table this build knows how to judge. */
static int
purge_table(struct kz_db *db, const char *table, const char *const *needs, const char *closed,
	int64_t cutoff, const char *cutoff_day, int64_t now, int *n, char *err)
{
	const char *const *cols = kz_purge_columns(table);
	char sql[2048];
	size_t len;
	int rc, present = 0;

	*n = 0;
	for (int i = 0; needs[i]; i++) {
		if ((rc = has_column(db, table, needs[i])) < 0)
			return kz_err(err, KZ_EDB, "cannot read the columns of %s", table);
		if (rc == 0 && i == 0)
			return KZ_OK; /* no such table (or not ours): nothing to purge */
		if (rc == 0)
			return kz_err(err, KZ_EDB,
				"table %s has no column %s, so this kezek cannot tell which of its "
				"cases are closed; nothing was purged",
				table, needs[i]);
	}
	len = (size_t)snprintf(sql, sizeof sql, "UPDATE %s SET purged_at = ?3", table);
	for (int i = 0; cols[i]; i++) {
		if ((rc = has_column(db, table, cols[i])) < 0)
			return kz_err(err, KZ_EDB, "cannot read the columns of %s", table);
		if (rc == 1) {
			len += (size_t)snprintf(sql + len, sizeof sql - len, ", %s = NULL",
				cols[i]);
			present++;
		}
	}
	snprintf(sql + len, sizeof sql - len, " WHERE purged_at IS NULL AND (%s)", closed);
	if (present == 0)
		return KZ_OK;
	return run_built(db, sql, cutoff, cutoff_day, now, n, err);
}

static int
count_rows(struct kz_db *db, const char *table, int *n, char *err)
{
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((rc = has_column(db, table, "id")) <= 0)
		return rc < 0 ? kz_err(err, KZ_EDB, "cannot read the columns of %s", table) : KZ_OK;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	if ((rc = sqlite3_prepare_v2(kz_db_sql(db), sql, -1, &st, NULL)) != SQLITE_OK)
		return kz_db_fail(db, rc, "count cases", err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "count cases", err);
}

/* The printed files (a folder printer's PDFs) of purged cases: removed
 * from the disk and forgotten.  A file already gone is fine. */
static int
purge_files(struct kz_db *db, int *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((rc = has_column(db, "print_jobs", "file")) <= 0)
		return rc < 0 ? kz_err(err, KZ_EDB, "cannot read the columns of print_jobs")
			      : KZ_OK;
	st = kz_db_stmt(db,
		"SELECT j.file FROM print_jobs j"
		" LEFT JOIN applications a ON a.id = j.application_id"
		" LEFT JOIN complaints c ON c.id = j.complaint_id"
		" WHERE j.file IS NOT NULL AND (a.purged_at IS NOT NULL OR c.purged_at IS NOT NULL)",
		err);
	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		if (path != NULL && (unlink(path) == 0 || errno == ENOENT))
			(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "remove printed files", err);
	st = kz_db_stmt(db,
		"UPDATE print_jobs SET file = NULL WHERE file IS NOT NULL AND"
		" (application_id IN (SELECT id FROM applications WHERE purged_at IS NOT NULL)"
		"  OR complaint_id IN (SELECT id FROM complaints WHERE purged_at IS NOT NULL))",
		err);
	if (st == NULL)
		return KZ_EDB;
	return kz_db_exec_stmt(db, st, "forget printed files", err);
}

/* A transfer's comment is free text a clerk typed: it may name a person,
 * so it goes with the rest of the day's personal data. */
static int
purge_transfer_comments(struct kz_db *db, const char *before_day, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"UPDATE tickets SET transfer_comment = NULL"
		" WHERE transfer_comment IS NOT NULL AND day < ?",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, before_day, -1, SQLITE_TRANSIENT);
	return kz_db_exec_stmt(db, st, "forget transfer comments", err);
}

struct told {
	kz_purge_progress_fn *fn;
	void *ctx;
};

#define PURGE_STEPS 4

static void
tell(const struct told *t, const char *step, int done)
{
	if (t->fn != NULL)
		t->fn(t->ctx, step, done, PURGE_STEPS);
}

static int
do_purge(struct kz_db *db, int days, const struct told *t, struct kz_purge_result *out, char *err)
{
	int64_t now = kz_clock_now();
	char day[11], detail[128];
	int rc;

	out->cutoff = now - (int64_t)days * 86400;
	kz_clock_day(out->cutoff, day);
	tell(t, "complaints", 0);
	if ((rc = purge_table(db, "complaints",
		     (const char *const[]){"purged_at", "answered_at", NULL}, complaint_closed,
		     out->cutoff, day, now, &out->complaints, err)) != KZ_OK)
		return rc;
	tell(t, "applications", 1);
	if ((rc = purge_table(db, "applications", application_needs, application_closed,
		     out->cutoff, day, now, &out->applications, err)) != KZ_OK ||
		(rc = count_rows(db, "complaints", &out->kept_complaints, err)) != KZ_OK ||
		(rc = count_rows(db, "applications", &out->kept_applications, err)) != KZ_OK)
		return rc;
	tell(t, "printed files", 2);
	if ((rc = purge_files(db, &out->files, err)) != KZ_OK ||
		(rc = purge_transfer_comments(db, day, err)) != KZ_OK)
		return rc;
	/* counts only: the log keeps no personal data */
	snprintf(detail, sizeof detail, "%d complaints, %d applications closed before %s%s",
		out->complaints, out->applications, day,
		out->files ? "; printed files removed" : "");
	return kz_event_add(db, now, KZ_EVENT_PURGED, 0, 0, 0, 0, detail, err);
}

/* Rebuild the file and empty the log, so that the purged text is gone
 * from the disk too.  1 if both happened. */
static int
compact(struct kz_db *db)
{
	sqlite3_stmt *st;
	int busy = 1;

	if (sqlite3_exec(kz_db_sql(db), "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_prepare_v2(kz_db_sql(db), "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) !=
		SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return busy == 0;
}

int
kz_purge(struct kz_db *db, int days, struct kz_purge_result *out, char *err)
{
	return kz_purge_told(db, days, NULL, NULL, out, err);
}

int
kz_purge_told(struct kz_db *db, int days, kz_purge_progress_fn *progress, void *ctx,
	struct kz_purge_result *out, char *err)
{
	const struct told t = {progress, ctx};
	int rc;

	memset(out, 0, sizeof *out);
	if (days < 1 || days > 36500)
		return kz_err(err, KZ_EINVAL,
			"the retention is 1 to 36500 days, not %d; the default is [hall] "
			"retention_days",
			days);
	/* freed space is zeroed, not left holding the old text */
	sqlite3_exec(kz_db_sql(db), "PRAGMA secure_delete = ON", NULL, NULL, NULL);
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	if ((rc = do_purge(db, days, &t, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	if ((rc = kz_db_commit(db, err)) != KZ_OK)
		return rc;
	tell(&t, "rebuilding the file", 3);
	out->compacted = compact(db);
	tell(&t, "done", PURGE_STEPS);
	return KZ_OK;
}
