/*
 * purge.h - personal data leaves the database after its retention period
 * (p.17.7), the anonymous figures stay.
 *
 * A closed case older than the retention keeps its number, dates, status,
 * kind, terms, counter and clerk (what the reports count) and loses every
 * column that names or describes a person.  Which columns those are is one
 * fixed list, by name (kz_purge_columns), applied to whichever of them the
 * tables have, so a column added later under one of these names is purged
 * without a change here; a table that is not there (an older schema) is
 * skipped.
 *
 *   complaints: complainant, contact, summary, answer;
 *     closed once answered; the retention runs from answered_at.
 *   applications: applicant, idnum, id_doc, phone, address,
 *     representative, authority, proxy, proxy_doc, plot_address,
 *     decision_reason, handed_name, handed_doc;
 *     closed when the result was handed over (from handed_at), when it was
 *     refused or suspended (from accepted_at), or when a decided or deemed approved
 *     result waited its 6 months uncollected (p.26: 6 months after the later
 *     of due_day and decided_day, as application.h's kept_until).
 *
 *   tickets: transfer_comment (a clerk's free text), of the days before
 *     the cutoff's.
 *
 * A purged case's printed files (the PDFs a folder printer kept of its
 * receipts, notices and talons: print_jobs.file) are removed from the disk
 * and forgotten in the same transaction.
 *
 * The purge is one transaction with one "purged" event (counts only).
 * Then, so that no copy of the old text lingers in free pages or in the
 * write-ahead log, the file is rebuilt (VACUUM, with secure_delete) and
 * the log emptied (wal_checkpoint TRUNCATE); another program reading at
 * that moment may keep the log from being emptied, which *compacted says.
 */
#ifndef KZ_PURGE_H
#define KZ_PURGE_H

#include <stdint.h>

#include "db.h"

#define KZ_RETENTION_DAYS 1095 /* 3 years: [hall] retention_days by default */

struct kz_purge_result {
	int complaints;        /* complaints whose personal data went now */
	int applications;      /* applications whose personal data went now */
	int kept_complaints;   /* complaints in the journal, all of them, still counted */
	int kept_applications; /* applications, all of them */
	int64_t cutoff;        /* cases closed before this instant were purged */
	int compacted;         /* the file was rebuilt and the log emptied */
	int files;             /* printed files of purged cases removed (folder PDFs) */
};

/* The personal columns, NULL-terminated, of table ("complaints" or
 * "applications"); NULL for another table. */
const char *const *kz_purge_columns(const char *table);

/* Purge the personal data of cases closed more than days (1 to 36500)
 * days before now.  KZ_EINVAL for days out of range; KZ_EDB, KZ_EBUSY.
 * *out is filled on KZ_OK. */
int kz_purge(struct kz_db *db, int days, struct kz_purge_result *out, char *err);

/* Told which of the purge's steps it is at ("complaints", "applications",
 * "printed files", "rebuilding the file"), done of total. */
typedef void kz_purge_progress_fn(void *ctx, const char *step, int done, int total);

/* kz_purge, telling progress (may be NULL) before each step. */
int kz_purge_told(struct kz_db *db, int days, kz_purge_progress_fn *progress, void *ctx,
	struct kz_purge_result *out, char *err);

#endif
