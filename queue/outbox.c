/*
 * outbox.c - the print outbox and printers' states; see outbox.h.  Every
 * public function is one short transaction.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "names.h"
#include "outbox.h"
#include "sql.h"

/* The document column's words, by kind: the one place they are spelt. */
static const char *const doc_names[KZ_DOC_COUNT] = {
	[KZ_DOC_NONE] = "",
	[KZ_DOC_TICKET] = "ticket",
	[KZ_DOC_RECEIPT] = "receipt",
	[KZ_DOC_NOTICE] = "notice",
	[KZ_DOC_TALON] = "talon",
	[KZ_DOC_FORM] = "form",
	[KZ_DOC_FORM_SAMPLE] = "form_sample",
	[KZ_DOC_TEST] = "test",
	[KZ_DOC_REPORT] = "report",
	[KZ_DOC_REFUSAL] = "refusal",
};

/* The state columns' words: the one place they are spelt in C. */
static const struct kz_name job_states[] = {
	{KZ_JOB_QUEUED, "queued", NULL},
	{KZ_JOB_SENDING, "sending", NULL},
	{KZ_JOB_DONE, "done", NULL},
	{KZ_JOB_FAILED, "failed", NULL},
	{KZ_JOB_UNCERTAIN, "uncertain", NULL},
	{KZ_JOB_EXPIRED, "expired", NULL},
};
static const struct kz_name services[] = {
	{KZ_SERVICE_NONE, "", NULL},
	{KZ_SERVICE_RUNNING, "running", NULL},
	{KZ_SERVICE_WAITING, "waiting", NULL},
	{KZ_SERVICE_STOPPED, "stopped", NULL},
};
static const struct kz_name conditions[] = {
	{KZ_PRINTER_UNKNOWN, "unknown", NULL},
	{KZ_PRINTER_READY, "ready", NULL},
	{KZ_PRINTER_PAPER_LOW, "paper_low", NULL},
	{KZ_PRINTER_PAPER_OUT, "paper_out", NULL},
	{KZ_PRINTER_COVER_OPEN, "cover_open", NULL},
	{KZ_PRINTER_OFFLINE, "offline", NULL},
	{KZ_PRINTER_ERROR, "error", NULL},
	{KZ_PRINTER_PAUSED, "paused", NULL},
};

const char *
kz_job_state_name(enum kz_job_state s)
{
	return kz_name_of(KZ_NAMES(job_states), (int)s);
}

enum kz_job_state
kz_job_state_from_db(const char *s)
{
	return (enum kz_job_state)kz_name_from_db(KZ_NAMES(job_states), s, KZ_JOB_UNCERTAIN);
}

const char *
kz_printer_condition_name(enum kz_printer_condition c)
{
	return kz_name_of(KZ_NAMES(conditions), (int)c);
}

/* a msgid for tools/po-update.sh, translated where it is shown */
#define N(msgid) (msgid)

const char *
kz_printer_condition_said(enum kz_printer_condition c)
{
	switch (c) {
	case KZ_PRINTER_READY:
		return N("ready");
	case KZ_PRINTER_PAPER_LOW:
		return N("paper running low");
	case KZ_PRINTER_PAPER_OUT:
		return N("out of paper");
	case KZ_PRINTER_OFFLINE:
		return N("not answering");
	case KZ_PRINTER_COVER_OPEN:
		return N("cover open");
	case KZ_PRINTER_ERROR:
		return N("out of order");
	case KZ_PRINTER_PAUSED:
		return N("paused by the administrator");
	case KZ_PRINTER_UNKNOWN:
		break;
	}
	return N("not known yet");
}

enum kz_printer_condition
kz_printer_condition_from_db(const char *s)
{
	return (enum kz_printer_condition)kz_name_from_db(KZ_NAMES(conditions), s,
		KZ_PRINTER_UNKNOWN);
}

const char *
kz_outbox_doc_name(enum kz_doc_kind kind)
{
	return kind > KZ_DOC_NONE && kind < KZ_DOC_COUNT ? doc_names[kind] : "";
}

enum kz_doc_kind
kz_outbox_doc_kind(const char *name)
{
	for (int k = KZ_DOC_NONE + 1; name != NULL && k < KZ_DOC_COUNT; k++)
		if (strcmp(doc_names[k], name) == 0)
			return (enum kz_doc_kind)k;
	return KZ_DOC_NONE;
}

static int
printer_id(struct kz_db *db, const char *printer, int64_t *id, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "SELECT id FROM printers WHERE name = ? AND active = 1", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND,
			"there is no printer '%s' in this hall; name it in a [printer %s] section",
			printer, printer);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read printer", err);
}

int
kz_outbox_add_ticket_detail(struct kz_db *db, int64_t job, int64_t resumes_at, char *err)
{
	/* people ahead are not kept: the printout works them out when it is
	 * made (estimate.h), outside this write */
	sqlite3_stmt *st = kz_db_stmt(db, "UPDATE print_jobs SET resumes_at = ? WHERE id = ?", err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_id(st, 1, resumes_at);
	sqlite3_bind_int64(st, 2, job);
	return kz_db_exec_stmt(db, st, "queue print", err);
}

int
kz_outbox_add_job(struct kz_db *db, const char *printer, enum kz_doc_kind document,
	const char *lang, int64_t ticket_id, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int64_t pid;
	int rc;

	if (kz_outbox_doc_name(document)[0] == '\0')
		return kz_err(err, KZ_EINVAL,
			"a print job needs a document this build knows, not %d", (int)document);

	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL, "a printout is in kk or ru, not '%s'",
			lang ? lang : "(none)");
	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"INSERT INTO print_jobs (printer_id, document, lang, ticket_id, created_at)"
		" VALUES (?, ?, ?, ?, ?)",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, pid);
	kz_bind_text(st, 2, kz_outbox_doc_name(document));
	kz_bind_text(st, 3, lang);
	kz_bind_id(st, 4, ticket_id);
	sqlite3_bind_int64(st, 5, kz_clock_now());
	if ((rc = kz_db_exec_stmt(db, st, "queue print", err)) != KZ_OK)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(kz_db_sql(db));
	return KZ_OK;
}

int
kz_outbox_add(struct kz_db *db, const char *printer, enum kz_doc_kind document, const char *lang,
	int64_t *id, char *err)
{
	IN_TX(kz_outbox_add_job(db, printer, document, lang, 0, id, err));
}

static int get_job(struct kz_db *db, int64_t job, struct kz_print_job *out, char *err);

static int
add_unprinted(struct kz_db *db, int64_t job, const char *where, const char *reason, char *err)
{
	struct kz_print_job j;
	char detail[512];
	int rc;

	if ((rc = get_job(db, job, &j, err)) != KZ_OK)
		return rc;
	snprintf(detail, sizeof detail, "%s: %s %s on %s not printed: %s", where,
		kz_outbox_doc_name(j.document), j.number, j.printer, reason);
	return kz_event_add(db, kz_clock_now(), KZ_EVENT_PRINT_UNSEEN, j.ticket_id, 0, 0, 0, detail,
		err);
}

int
kz_outbox_report_unprinted(struct kz_db *db, int64_t job, const char *where, const char *reason,
	char *err)
{
	IN_TX(add_unprinted(db, job, where, reason, err));
}

#define JOB_COLUMNS                                                                                \
	"j.id, p.name, j.document, j.lang, j.state, j.attempts, j.created_at, j.reason,"           \
	" coalesce(j.reprint_of, 0), coalesce(j.ticket_id, 0),"                                    \
	" coalesce(t.number, a.number, c.number, '')," /* a ticket's, a receipt's, a talon's */    \
	" coalesce(s.code, ''), coalesce(t.issued_at, 0),"                                         \
	" coalesce(j.resumes_at, 0), j.bands, j.bands_sent, coalesce(j.file, '')"                  \
	" FROM print_jobs j JOIN printers p ON p.id = j.printer_id"                                \
	" LEFT JOIN tickets t ON t.id = j.ticket_id LEFT JOIN services s ON s.id = t.service_id"   \
	" LEFT JOIN applications a ON a.id = j.application_id"                                     \
	" LEFT JOIN complaints c ON c.id = j.complaint_id"

static void
read_job(sqlite3_stmt *st, struct kz_print_job *j)
{
	memset(j, 0, sizeof *j);
	j->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, j->printer, sizeof j->printer);
	j->document = kz_outbox_doc_kind((const char *)sqlite3_column_text(st, 2));
	kz_col_text(st, 3, j->lang, sizeof j->lang);
	j->state = kz_job_state_from_db((const char *)sqlite3_column_text(st, 4));
	j->attempts = sqlite3_column_int(st, 5);
	j->created_at = sqlite3_column_int64(st, 6);
	kz_col_text(st, 7, j->reason, sizeof j->reason);
	j->reprint_of = sqlite3_column_int64(st, 8);
	j->ticket_id = sqlite3_column_int64(st, 9);
	kz_col_text(st, 10, j->number, sizeof j->number);
	kz_col_text(st, 11, j->service, sizeof j->service);
	j->issued_at = sqlite3_column_int64(st, 12);
	j->resumes_at = sqlite3_column_int64(st, 13);
	j->bands = sqlite3_column_int(st, 14);
	j->bands_sent = sqlite3_column_int(st, 15);
	kz_col_text(st, 16, j->file, sizeof j->file);
}

static int
get_job(struct kz_db *db, int64_t job, struct kz_print_job *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT " JOB_COLUMNS " WHERE j.id = ?", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, job);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_job(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "there is no print job %lld", (long long)job);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read print job", err);
}

int
kz_outbox_list(struct kz_db *db, const char *printer, int limit,
	int (*fn)(const struct kz_print_job *job, void *arg), void *arg, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT " JOB_COLUMNS " WHERE p.name = ? ORDER BY j.id DESC LIMIT ?", err);
	struct kz_print_job j;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_job(st, &j);
		if (fn(&j, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "list jobs", err);
}

int
kz_outbox_get(struct kz_db *db, int64_t job, struct kz_print_job *out, char *err)
{
	return get_job(db, job, out, err);
}

/* Queue tickets of printer issued more than expire_seconds ago and not yet
 * printed are recorded 'expired', each with an event for its history. */
static int
expire_tickets(struct kz_db *db, int64_t pid, int expire_seconds, char *err)
{
	sqlite3_stmt *st;
	int64_t now = kz_clock_now();
	char detail[160];
	int rc;

	if (expire_seconds <= 0)
		return KZ_OK;
	st = kz_db_stmt(db,
		"UPDATE print_jobs SET state = 'expired', reason = ?1"
		" WHERE printer_id = ?2 AND state = 'queued' AND document = 'ticket'"
		" AND reprint_of IS NULL AND created_at + ?3 <= ?4"
		" RETURNING id, coalesce(ticket_id, 0)",
		err);
	if (st == NULL)
		return KZ_EDB;
	snprintf(detail, sizeof detail,
		"not at the printer within %d s of issue: not printed unasked", expire_seconds);
	kz_bind_text(st, 1, detail);
	sqlite3_bind_int64(st, 2, pid);
	sqlite3_bind_int(st, 3, expire_seconds);
	sqlite3_bind_int64(st, 4, now);
	{
		int64_t ids[64], tickets[64];
		int n = 0;

		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (n < 64) {
				ids[n] = sqlite3_column_int64(st, 0);
				tickets[n++] = sqlite3_column_int64(st, 1);
			}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return kz_db_fail(db, rc, "expire ticket prints", err);
		for (int i = 0; i < n; i++) {
			snprintf(detail, sizeof detail,
				"ticket print job %lld expired: not at the printer within %d s",
				(long long)ids[i], expire_seconds);
			if ((rc = kz_event_add(db, now, KZ_EVENT_PRINT_EXPIRED, tickets[i], 0, 0, 0,
				     detail, err)) != KZ_OK)
				return rc;
		}
	}
	return KZ_OK;
}

static int
do_next(struct kz_db *db, const char *printer, int expire_seconds, struct kz_print_job *job,
	char *err)
{
	sqlite3_stmt *st;
	int64_t pid, id = 0;
	int rc;

	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK ||
		(rc = expire_tickets(db, pid, expire_seconds, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT id FROM print_jobs WHERE printer_id = ? AND state = 'queued'"
		" AND not_before <= ? ORDER BY id LIMIT 1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, kz_clock_now());
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "find print job", err);
	if (id == 0)
		return kz_err(err, KZ_EEMPTY, "nothing to print on %s", printer);
	return get_job(db, id, job, err);
}

/* Commit what a step that found nothing to do recorded (expiries), and
 * still say KZ_EEMPTY; roll back on any other error. */
static int
end_keeping_empty(struct kz_db *db, int rc, char *err)
{
	char e2[KZ_ERR_LEN];
	int crc;

	if (rc != KZ_OK && rc != KZ_EEMPTY) {
		kz_db_rollback(db);
		return rc;
	}
	if ((crc = kz_db_commit(db, rc == KZ_OK ? err : e2)) != KZ_OK)
		return rc == KZ_OK ? crc : kz_err(err, crc, "%s", e2);
	return rc;
}

int
kz_outbox_next(struct kz_db *db, const char *printer, int expire_seconds, struct kz_print_job *job,
	char *err)
{
	int rc = kz_db_begin(db, err);

	if (rc != KZ_OK)
		return rc;
	return end_keeping_empty(db, do_next(db, printer, expire_seconds, job, err), err);
}

static int
do_start(struct kz_db *db, int64_t job, int bands, int expire_seconds, char *err)
{
	sqlite3_stmt *st;
	int64_t pid = 0;
	int rc;

	st = kz_db_stmt(db, "SELECT printer_id FROM print_jobs WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, job);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		pid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "start print job", err);
	if (pid != 0 && (rc = expire_tickets(db, pid, expire_seconds, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE print_jobs SET state = 'sending', attempts = attempts + 1, sent_at = ?,"
		" bands = ?, bands_sent = 0 WHERE id = ? AND state = 'queued'",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, kz_clock_now());
	sqlite3_bind_int(st, 2, bands);
	sqlite3_bind_int64(st, 3, job);
	if ((rc = kz_db_exec_stmt(db, st, "start print job", err)) != KZ_OK)
		return rc;
	if (sqlite3_changes(kz_db_sql(db)) == 0)
		return kz_err(err, KZ_EEMPTY, "print job %lld is no longer waiting; not sent",
			(long long)job);
	return KZ_OK;
}

int
kz_outbox_start(struct kz_db *db, int64_t job, int bands, int expire_seconds, char *err)
{
	/* an expiry found here is committed although the start is not */
	int rc = kz_db_begin(db, err);

	if (rc != KZ_OK)
		return rc;
	return end_keeping_empty(db, do_start(db, job, bands, expire_seconds, err), err);
}

static int
do_progress(struct kz_db *db, int64_t job, int band, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"UPDATE print_jobs SET bands_sent = ? WHERE id = ? AND state = 'sending'", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, band);
	sqlite3_bind_int64(st, 2, job);
	if ((rc = kz_db_exec_stmt(db, st, "record print progress", err)) != KZ_OK)
		return rc;
	if (sqlite3_changes(kz_db_sql(db)) == 0)
		return kz_err(err, KZ_EREJECT, "print job %lld is not being sent", (long long)job);
	return KZ_OK;
}

int
kz_outbox_progress(struct kz_db *db, int64_t job, int band, char *err)
{
	IN_TX(do_progress(db, job, band, err));
}

static int
do_set_file(struct kz_db *db, int64_t job, const char *path, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "UPDATE print_jobs SET file = ? WHERE id = ?", err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, path);
	sqlite3_bind_int64(st, 2, job);
	return kz_db_exec_stmt(db, st, "record the printed file", err);
}

int
kz_outbox_set_file(struct kz_db *db, int64_t job, const char *path, char *err)
{
	IN_TX(do_set_file(db, job, path, err));
}

int
kz_outbox_unfinished(struct kz_db *db, const char *printer, struct kz_print_job *job, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT " JOB_COLUMNS
		" WHERE p.name = ? AND j.state = 'sending' ORDER BY j.id LIMIT 1",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_job(st, job);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_EEMPTY, "no job of %s was left being sent", printer);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "find an unfinished print job", err);
}

static int
do_claim(struct kz_db *db, const char *printer, struct kz_print_job *job, char *err)
{
	sqlite3_stmt *st;
	int64_t pid, id = 0;
	int rc;

	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT id, state FROM print_jobs WHERE printer_id = ?"
		" AND state IN ('queued', 'sending') ORDER BY state = 'sending' DESC, id",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, pid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (kz_job_state_from_db((const char *)sqlite3_column_text(st, 1)) ==
			KZ_JOB_SENDING) {
			id = -sqlite3_column_int64(st, 0);
			break;
		}
		id = sqlite3_column_int64(st, 0);
		break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "find print job", err);
	if (id < 0)
		return kz_err(err, KZ_EREJECT,
			"printer %s is already sending job %lld; one kezek-printd per printer",
			printer, (long long)-id);
	if (id == 0)
		return kz_err(err, KZ_EEMPTY, "nothing to print on %s", printer);
	if ((rc = get_job(db, id, job, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE print_jobs SET state = 'sending', attempts = attempts + 1, sent_at = ?"
		" WHERE id = ? AND state = 'queued' AND not_before <= ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, kz_clock_now());
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, kz_clock_now());
	if ((rc = kz_db_exec_stmt(db, st, "claim print job", err)) != KZ_OK)
		return rc;
	if (sqlite3_changes(kz_db_sql(db)) == 0) /* its pause after a fault has not passed */
		return kz_err(err, KZ_EEMPTY, "nothing to print on %s yet", printer);
	job->attempts++;
	job->state = KZ_JOB_SENDING;
	return KZ_OK;
}

int
kz_outbox_claim(struct kz_db *db, const char *printer, struct kz_print_job *job, char *err)
{
	IN_TX(do_claim(db, printer, job, err));
}

/* Move job from 'sending' (or, for a retry or a failure, from 'queued':
 * a job not yet sent) to state; reason and when as given. */
static int
finish(struct kz_db *db, int64_t job, enum kz_job_state state, const char *reason, int delay,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"UPDATE print_jobs SET state = ?1, reason = ?2, not_before = ?3,"
		" done_at = CASE WHEN ?1 = 'done' THEN ?4 ELSE done_at END"
		" WHERE id = ?5 AND (state = 'sending'"
		"  OR (state = 'queued' AND ?1 IN ('queued', 'failed')))",
		err);
	int64_t now = kz_clock_now();
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, kz_job_state_name(state));
	kz_bind_text(st, 2, reason ? reason : "");
	sqlite3_bind_int64(st, 3, now + delay);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, job);
	if ((rc = kz_db_exec_stmt(db, st, "record print", err)) != KZ_OK)
		return rc;
	if (sqlite3_changes(kz_db_sql(db)) == 0)
		return kz_err(err, KZ_EREJECT, "print job %lld is not being sent; nothing changed",
			(long long)job);
	return KZ_OK;
}

int
kz_outbox_done(struct kz_db *db, int64_t job, char *err)
{
	IN_TX(finish(db, job, KZ_JOB_DONE, "", 0, err));
}

int
kz_outbox_retry(struct kz_db *db, int64_t job, const char *reason, int delay, char *err)
{
	IN_TX(finish(db, job, KZ_JOB_QUEUED, reason, delay, err));
}

int
kz_outbox_uncertain(struct kz_db *db, int64_t job, const char *reason, char *err)
{
	IN_TX(finish(db, job, KZ_JOB_UNCERTAIN, reason, 0, err));
}

int
kz_outbox_fail(struct kz_db *db, int64_t job, const char *reason, char *err)
{
	IN_TX(finish(db, job, KZ_JOB_FAILED, reason, 0, err));
}

static int
do_recover(struct kz_db *db, const char *printer, int *n, char *err)
{
	sqlite3_stmt *st;
	int64_t pid;
	int rc;

	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE print_jobs SET state = 'uncertain',"
		" reason = 'the printer service stopped while sending; it may have printed'"
		" WHERE printer_id = ? AND state = 'sending'",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, pid);
	if ((rc = kz_db_exec_stmt(db, st, "recover print jobs", err)) != KZ_OK)
		return rc;
	if (n)
		*n = sqlite3_changes(kz_db_sql(db));
	return KZ_OK;
}

int
kz_outbox_recover(struct kz_db *db, const char *printer, int *n, char *err)
{
	IN_TX(do_recover(db, printer, n, err));
}

static int
do_reprint(struct kz_db *db, int64_t job, int64_t *id, char *err)
{
	struct kz_print_job j;
	sqlite3_stmt *st;
	int rc;

	if ((rc = get_job(db, job, &j, err)) != KZ_OK)
		return rc;
	if (j.state == KZ_JOB_QUEUED || j.state == KZ_JOB_SENDING)
		return kz_err(err, KZ_EREJECT, "print job %lld is still %s; it will print",
			(long long)job, kz_job_state_name(j.state));
	st = kz_db_stmt(db,
		"INSERT INTO print_jobs (printer_id, document, lang, ticket_id, ahead, resumes_at,"
		" created_at, reprint_of) SELECT printer_id, document, lang, ticket_id, ahead,"
		" resumes_at, ?, id FROM print_jobs WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, kz_clock_now());
	sqlite3_bind_int64(st, 2, job);
	if ((rc = kz_db_exec_stmt(db, st, "reprint", err)) != KZ_OK)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(kz_db_sql(db));
	return KZ_OK;
}

int
kz_outbox_reprint(struct kz_db *db, int64_t job, int64_t *id, char *err)
{
	IN_TX(do_reprint(db, job, id, err));
}

static int
do_set_state(struct kz_db *db, const char *printer, enum kz_printer_condition state,
	const char *reason, char *err)
{
	const char *word = kz_printer_condition_name(state);
	sqlite3_stmt *st;
	int64_t pid;
	int rc;

	if ((int)state < KZ_PRINTER_UNKNOWN || state > KZ_PRINTER_PAUSED)
		return kz_err(err, KZ_EINVAL, "%d is not a printer state", (int)state);
	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE printers SET state = ?, reason = ?, state_at = ? WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, word);
	kz_bind_text(st, 2, reason ? reason : "");
	sqlite3_bind_int64(st, 3, kz_clock_now());
	sqlite3_bind_int64(st, 4, pid);
	return kz_db_exec_stmt(db, st, "record printer state", err);
}

int
kz_printer_set_state(struct kz_db *db, const char *printer, enum kz_printer_condition state,
	const char *reason, char *err)
{
	IN_TX(do_set_state(db, printer, state, reason, err));
}

int
kz_printer_get_state(struct kz_db *db, const char *printer, enum kz_printer_condition *state,
	char *reason, int *queued, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.state, p.reason, (SELECT count(*) FROM print_jobs j"
		"  WHERE j.printer_id = p.id AND j.state IN ('queued', 'sending'))"
		" FROM printers p WHERE p.name = ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*state = kz_printer_condition_from_db((const char *)sqlite3_column_text(st, 0));
		kz_col_text(st, 1, reason, 256);
		*queued = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "there is no printer '%s' in this hall", printer);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read printer", err);
}

const char *
kz_service_state_name(enum kz_service_state s)
{
	return kz_name_of(KZ_NAMES(services), (int)s);
}

static int
do_heartbeat(struct kz_db *db, const char *printer, enum kz_service_state state, const char *reason,
	char *err)
{
	sqlite3_stmt *st;
	int64_t pid;
	int rc;

	if ((int)state < KZ_SERVICE_RUNNING || state > KZ_SERVICE_STOPPED)
		return kz_err(err, KZ_EINVAL, "%d is not a service state to record", (int)state);
	if ((rc = printer_id(db, printer, &pid, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE printers SET heartbeat_at = ?, service = ?, service_reason = ? WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, kz_clock_now());
	kz_bind_text(st, 2, kz_service_state_name(state));
	kz_bind_text(st, 3, reason ? reason : "");
	sqlite3_bind_int64(st, 4, pid);
	return kz_db_exec_stmt(db, st, "record the print service's heartbeat", err);
}

int
kz_printer_heartbeat(struct kz_db *db, const char *printer, enum kz_service_state state,
	const char *reason, char *err)
{
	IN_TX(do_heartbeat(db, printer, state, reason, err));
}

int
kz_printer_get_heartbeat(struct kz_db *db, const char *printer, int64_t *at,
	enum kz_service_state *state, char *reason, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(heartbeat_at, 0), service, service_reason FROM printers"
		" WHERE name = ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*at = sqlite3_column_int64(st, 0);
		*state = (enum kz_service_state)kz_name_from_db(KZ_NAMES(services),
			(const char *)sqlite3_column_text(st, 1), KZ_SERVICE_NONE);
		kz_col_text(st, 2, reason, 256);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "there is no printer '%s' in this hall", printer);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read printer", err);
}
