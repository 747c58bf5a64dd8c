/* backup.c - online copies of the hall database, and putting one back;
 * see backup.h.  Start at kz_backup_take. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "error.h"
#include "history.h"
#include "sql.h"

/* The copy at path is a sound Kezek database: opened as it is (no
 * migration, no WAL), integrity checked, every ticket rebuilt from the log. */
static int
check_copy(const char *path, struct kz_backup_result *out, char *err)
{
	struct kz_db *copy = NULL;
	struct stat st;
	char why[KZ_ERR_LEN];
	int rc = kz_db_open(path, KZ_DB_READONLY | KZ_DB_NO_MIGRATE, &copy, why);

	if (rc == KZ_OK && (rc = kz_db_integrity(copy, why)) == KZ_OK)
		rc = kz_history_audit(copy, &out->tickets, why);
	if (rc == KZ_OK)
		out->version = kz_db_version(copy);
	kz_db_close(copy);
	if (rc != KZ_OK)
		return kz_err(err, KZ_EDB, N_("the copy '%s' is not sound: %s"), path, why);
	out->bytes = stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
	return KZ_OK;
}

#define STEP_PAGES 256 /* a megabyte of 4 KiB pages between two words of progress */

/* Copy all of src into dst through SQLite's backup: one consistent moment
 * of src, written as one transaction of dst.  Told, in steps under one
 * read transaction of src (its snapshot, whatever others write). */
static int
copy_all(sqlite3 *dst, sqlite3 *src, const char *what, kz_backup_progress_fn *progress, void *ctx,
	char *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, held;

	if (b == NULL)
		return kz_err(err, KZ_EDB, N_("%s: the copy cannot begin (SQLite code %d)"),
			kz_err_format(what), sqlite3_extended_errcode(dst));
	if (progress == NULL) {
		rc = sqlite3_backup_step(b, -1);
		sqlite3_backup_finish(b);
	} else {
		held = sqlite3_get_autocommit(src) &&
			sqlite3_exec(src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL,
				NULL) == SQLITE_OK;
		/* a step of no pages learns the size: the first word is "0 of N" */
		for (rc = sqlite3_backup_step(b, 0); rc == SQLITE_OK;
			rc = sqlite3_backup_step(b, STEP_PAGES))
			progress(ctx, "copied pages",
				sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
				sqlite3_backup_pagecount(b));
		progress(ctx, "copied pages", 1, 1);
		sqlite3_backup_finish(b);
		if (held)
			sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	}
	if (rc != SQLITE_DONE)
		return kz_err(err, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? KZ_EBUSY : KZ_EDB,
			N_("%s: the copy stopped (SQLite code %d); free disk space or try again "
			   "when the hall is quieter"),
			kz_err_format(what), rc);
	return KZ_OK;
}

static int
sync_file(const char *path)
{
	int fd = open(path, O_RDONLY), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

void
kz_backup_folder(const char *db_path, char *out, size_t len)
{
	const char *slash = strrchr(db_path, '/');

	if (slash == NULL)
		snprintf(out, len, "backups");
	else
		snprintf(out, len, "%.*s/backups", (int)(slash - db_path), db_path);
}

int
kz_backup_take(struct kz_db *db, const char *to, struct kz_backup_result *out, char *err)
{
	return kz_backup_take_told(db, to, NULL, NULL, out, err);
}

int
kz_backup_take_told(struct kz_db *db, const char *to, kz_backup_progress_fn *progress, void *ctx,
	struct kz_backup_result *out, char *err)
{
	char tmp[4200];
	sqlite3 *dst = NULL;
	int fd, rc;

	memset(out, 0, sizeof *out);
	if (access(to, F_OK) == 0)
		return kz_err(err, KZ_EINVAL,
			N_("'%s' already exists; name a new file (a copy never overwrites another)"),
			to);
	snprintf(tmp, sizeof tmp, "%s.partial", to);
	unlink(tmp);
	/* made 0600 before a byte goes in: it holds personal data (p.17.7) */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
		return kz_err(err, KZ_EDB,
			N_("cannot create '%s': %s; check the folder and its space"), tmp,
			strerror(errno));
	close(fd);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = kz_err(err, KZ_EDB, N_("cannot open '%s' (SQLite code %d)"), tmp,
			dst != NULL ? sqlite3_extended_errcode(dst) : SQLITE_NOMEM);
		goto fail;
	}
	if ((rc = copy_all(dst, kz_db_sql(db), N_("copy the database"), progress, ctx, err)) !=
		KZ_OK)
		goto fail;
	/* a copy is one file: no WAL beside it */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = kz_err(err, KZ_EDB, N_("cannot finish '%s' (SQLite code %d)"), tmp,
			sqlite3_extended_errcode(dst));
		goto fail;
	}
	sqlite3_close(dst);
	dst = NULL;
	if ((rc = check_copy(tmp, out, err)) != KZ_OK)
		goto fail;
	if (sync_file(tmp) != 0 || rename(tmp, to) != 0) {
		rc = kz_err(err, KZ_EDB, N_("cannot write '%s': %s; free disk space"), to,
			strerror(errno));
		goto fail;
	}
	return KZ_OK;
fail:
	sqlite3_close(dst);
	unlink(tmp);
	return rc;
}

int
kz_backup_restore(struct kz_db *db, const char *from, struct kz_backup_result *out, char *err)
{
	sqlite3 *src = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_copy(from, out, err)) != KZ_OK)
		return rc;
	if (out->version > kz_db_latest_version())
		return kz_err(err, KZ_EDB,
			N_("the copy '%s' has schema version %d, newer than this build's %d; "
			   "restore it with the kezek that made it"),
			from, out->version, kz_db_latest_version());
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = kz_err(err, KZ_EDB, N_("cannot open '%s' (SQLite code %d)"), from,
			src != NULL ? sqlite3_extended_errcode(src) : SQLITE_NOMEM);
		sqlite3_close(src);
		return rc;
	}
	rc = copy_all(kz_db_sql(db), src, N_("put the copy in place"), NULL, NULL, err);
	sqlite3_close(src);
	return rc;
}
