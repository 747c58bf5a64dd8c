/*
 * reprint.c - papers printed again from their numbers; see reprint.h.  The
 * table rows[] is the whole of what each kind needs: what its number is,
 * the query that finds it (its id, and 1 if it may have this paper), and
 * the print job's column that names it.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "reprint.h"
#include "sql.h"

struct row {
	enum kz_doc_kind kind;
	const char *number; /* what the number is: "ticket"; "" for none */
	/* ?1 the number, ?2 the day: the id, and 1 if it may have this paper */
	const char *find;
	const char *name;    /* ?1 the new job, ?2 the id: the job names what it prints */
	const char *last;    /* ?1 the id, ?2 the document: the printer of its latest job */
	const char *refusal; /* why it may not have this paper, when found with 0 */
};

#define NAME_IT(column) "UPDATE print_jobs SET " column " = ?2 WHERE id = ?1"
#define LAST_PRINTER(column)                                                                       \
	"SELECT p.name, j.lang FROM print_jobs j JOIN printers p ON p.id = j.printer_id"           \
	" WHERE j." column " = ?1 AND j.document = ?2 ORDER BY j.id DESC LIMIT 1"

static const struct row rows[] = {
	{KZ_DOC_TICKET, "ticket",
		"SELECT id, 1 FROM tickets WHERE number = ?1 AND day = ?2 AND origin_id IS NULL",
		/* what its first print said: the people ahead at issue, lunch;
		 * a reprint (of itself if it was never printed) never expires */
		"UPDATE print_jobs SET ticket_id = ?2, reprint_of = coalesce((SELECT max(id)"
		"  FROM print_jobs WHERE ticket_id = ?2 AND id <> ?1 AND document = 'ticket'), ?1),"
		" ahead = (SELECT ahead FROM print_jobs WHERE ticket_id = ?2 AND id <> ?1"
		"  ORDER BY id LIMIT 1),"
		" resumes_at = (SELECT resumes_at FROM print_jobs WHERE ticket_id = ?2"
		"  AND id <> ?1 ORDER BY id LIMIT 1) WHERE id = ?1",
		LAST_PRINTER("ticket_id"), NULL},
	{KZ_DOC_RECEIPT, "application",
		"SELECT id, status NOT IN ('refused', 'suspended') FROM applications"
		" WHERE number = ?1",
		NAME_IT("application_id"), LAST_PRINTER("application_id"),
		"was refused or is suspended: it has a notice (p.16), not a receipt"},
	{KZ_DOC_NOTICE, "application",
		"SELECT id, status IN ('refused', 'suspended') FROM applications WHERE number = ?1",
		NAME_IT("application_id"), LAST_PRINTER("application_id"),
		"was neither refused nor suspended: it has a receipt (p.14), not a notice"},
	{KZ_DOC_REFUSAL, "application",
		"SELECT a.id, EXISTS (SELECT 1 FROM outgoing o WHERE o.application_id = a.id"
		"  AND o.document = 'refusal') FROM applications a WHERE a.number = ?1",
		NAME_IT("application_id"), LAST_PRINTER("application_id"),
		"has no motivated refusal (p.5): it was not rejected"},
	{KZ_DOC_TALON, "complaint", "SELECT id, 1 FROM complaints WHERE number = ?1",
		NAME_IT("complaint_id"), LAST_PRINTER("complaint_id"), NULL},
	{KZ_DOC_FORM, "", NULL, NULL, NULL, NULL},
};

static const struct row *
row_of(enum kz_doc_kind kind)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].kind == kind)
			return &rows[i];
	return NULL;
}

const char *
kz_reprint_numbered(enum kz_doc_kind kind)
{
	const struct row *r = row_of(kind);

	return r ? r->number : NULL;
}

/* The id of what number names (*allowed: it may have this paper). */
static int
find(struct kz_db *db, const struct row *r, const char *number, const char *day, int64_t *id,
	int *allowed, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, r->find, err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, number);
	kz_bind_text(st, 2, day ? day : "");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*allowed = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && day != NULL && r->kind == KZ_DOC_TICKET)
		return kz_err(err, KZ_ENOTFOUND, "there is no ticket %s of %s", number, day);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "there is no %s %s", r->number, number);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "find what to print", err);
}

int
kz_reprint_last(struct kz_db *db, enum kz_doc_kind kind, const char *number, const char *day,
	char *printer, char *lang, char *err)
{
	const struct row *r = row_of(kind);
	sqlite3_stmt *st;
	int64_t id;
	int rc, allowed;

	printer[0] = '\0';
	lang[0] = '\0';
	if (r == NULL || r->find == NULL)
		return KZ_OK;
	if ((rc = find(db, r, number, day, &id, &allowed, err)) != KZ_OK)
		return rc;
	if ((st = kz_db_stmt(db, r->last, err)) == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	kz_bind_text(st, 2, kz_outbox_doc_name(kind));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kz_col_text(st, 0, printer, 32);
		kz_col_text(st, 1, lang, 3);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						     : kz_db_fail(db, rc, "find the printer", err);
}

static int
do_add(struct kz_db *db, const char *printer, const struct row *r, const char *number,
	const char *day, const char *lang, const char *who, int64_t *id, char *err)
{
	char detail[256];
	sqlite3_stmt *st;
	int64_t of = 0;
	int rc, allowed = 1;

	if (r->find != NULL && (rc = find(db, r, number, day, &of, &allowed, err)) != KZ_OK)
		return rc;
	if (!allowed)
		return kz_err(err, KZ_EREJECT, "application %s %s", number, r->refusal);
	/* checks the printer and the language */
	if ((rc = kz_outbox_add_job(db, printer, r->kind, lang, 0, id, err)) != KZ_OK)
		return rc;
	if (r->name != NULL) {
		if ((st = kz_db_stmt(db, r->name, err)) == NULL)
			return KZ_EDB;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, of);
		if ((rc = kz_db_exec_stmt(db, st, "print again", err)) != KZ_OK)
			return rc;
	}
	/* who asked, for the log; the numbers are no personal data */
	snprintf(detail, sizeof detail, "%s%s%s on %s asked by %s (job %lld)",
		kz_outbox_doc_name(r->kind), r->find ? " " : "", r->find ? number : "", printer,
		who && *who ? who : "someone not named", (long long)*id);
	return kz_event_add(db, kz_clock_now(), KZ_EVENT_PRINT_ASKED,
		r->kind == KZ_DOC_TICKET ? of : 0, 0, 0, 0, detail, err);
}

int
kz_reprint_add(struct kz_db *db, const char *printer, enum kz_doc_kind kind, const char *number,
	const char *day, const char *lang, const char *who, int64_t *id, char *err)
{
	const struct row *r = row_of(kind);

	if (r == NULL)
		return kz_err(err, KZ_EREJECT, "a %s is not printed again by a number",
			kz_outbox_doc_name(kind));
	IN_TX(do_add(db, printer, r, number, day, lang, who, id, err));
}
