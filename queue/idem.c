/* idem.c - devices' kept answers; see idem.h.  Start at kz_idem_begin. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "idem.h"
#include "sql.h"

int
kz_idem_key_ok(const char *key)
{
	size_t n = key ? strlen(key) : 0;

	return n >= KZ_IDEM_KEY_MIN && n <= KZ_IDEM_KEY_MAX &&
		strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
		n;
}

static int
look_up(struct kz_db *db, int64_t device, const char *key, const char *path, const char *day,
	struct kz_idem_kept *kept, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM device_requests WHERE day < ?1", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, day);
	if ((rc = kz_db_exec_stmt(db, st, "drop earlier days' request keys", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT path, status, answer FROM device_requests WHERE device_id = ?1 AND key = ?2",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, device);
	kz_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		const char *a = (const char *)sqlite3_column_text(st, 2);
		if (p == NULL || strcmp(p, path) != 0) {
			sqlite3_reset(st);
			return kz_err(err, KZ_EREJECT,
				"idempotency key used before on another path; make a new key for a "
				"new request");
		}
		kept->found = 1;
		kept->status = sqlite3_column_int(st, 1);
		kept->answer = strdup(a ? a : "");
		sqlite3_reset(st);
		return kept->answer ? KZ_OK : kz_err(err, KZ_ENOMEM, "out of memory");
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "find the request key", err);
}

int
kz_idem_begin(struct kz_db *db, int64_t device, const char *key, const char *path, int64_t now,
	struct kz_idem_kept *kept, char *err)
{
	char day[11];
	int rc;

	memset(kept, 0, sizeof *kept);
	if (!kz_idem_key_ok(key))
		return kz_err(err, KZ_EINVAL,
			"an idempotency key is 16 to 64 of A-Z, a-z, 0-9, _, -");
	kz_clock_day(now, day);
	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	rc = look_up(db, device, key, path, day, kept, err);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	if (kept->found) {
		/* only old keys were dropped: keep that, answer the kept one */
		if ((rc = kz_db_commit(db, err)) != KZ_OK) {
			free(kept->answer);
			memset(kept, 0, sizeof *kept);
		}
		return rc;
	}
	return KZ_OK;
}

int
kz_idem_keep(struct kz_db *db, int64_t device, const char *key, const char *path, int64_t now,
	int status, const char *answer, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO device_requests (device_id, key, day, path, status, answer, at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		err);
	char day[11];
	int rc;

	if (st == NULL) {
		kz_db_rollback(db);
		return KZ_EDB;
	}
	kz_clock_day(now, day);
	sqlite3_bind_int64(st, 1, device);
	kz_bind_text(st, 2, key);
	kz_bind_text(st, 3, day);
	kz_bind_text(st, 4, path);
	sqlite3_bind_int(st, 5, status);
	sqlite3_bind_text(st, 6, answer ? answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	if ((rc = kz_db_exec_stmt(db, st, "keep the answer", err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

void
kz_idem_drop(struct kz_db *db)
{
	kz_db_rollback(db);
}
