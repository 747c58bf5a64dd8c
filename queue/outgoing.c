/* outgoing.c - the register of outgoing papers; see outgoing.h. */
#include <stdio.h>

#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "outgoing.h"
#include "sql.h"

static const char *const doc_words[] = {"notice", "refusal"};

int
kz_outgoing_take(struct kz_db *db, enum kz_outgoing_doc document, int64_t application, int64_t now,
	char *number, char day[11], char *err)
{
	sqlite3_stmt *st;
	int year = kz_date_of(now).y, rc;
	int64_t seq = 0;

	if ((int)document < 0 || (int)document > KZ_OUTGOING_REFUSAL)
		return kz_err(err, KZ_EINVAL, "the register numbers notices and refusals only");
	st = kz_db_stmt(db, "SELECT coalesce(max(seq), 0) + 1 FROM outgoing WHERE year = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, year);
	if ((rc = kz_db_step_int(db, st, &seq, "number an outgoing paper", err)) != KZ_OK)
		return rc;
	snprintf(number, KZ_OUTGOING_LEN, "%04d-O-%04lld", year, (long long)seq);
	kz_clock_day(now, day);
	st = kz_db_stmt(db,
		"INSERT INTO outgoing (year, seq, number, at, day, document, application_id)"
		" VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id, document) DO NOTHING",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, seq);
	kz_bind_text(st, 3, number);
	sqlite3_bind_int64(st, 4, now);
	kz_bind_text(st, 5, day);
	kz_bind_text(st, 6, doc_words[document]);
	sqlite3_bind_int64(st, 7, application);
	if ((rc = kz_db_exec_stmt(db, st, "register an outgoing paper", err)) != KZ_OK)
		return rc;
	if (sqlite3_changes(kz_db_sql(db)) == 0)
		return kz_err(err, KZ_EREJECT, "the %s of this application is registered already",
			doc_words[document]);
	return KZ_OK;
}
