/*
 * db.c - opening the hall database, migrations, transactions and the
 * statement cache.  Start at kz_db_open.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "error.h"
#include "file.h"
#include "utf8.h"
#include "schema.h"
#include "sql.h"

#define KZ_APPLICATION_ID 0x4b5a4b31 /* "KZK1" in the file header */
#define STMT_CACHE        64

struct kz_db {
	sqlite3 *sql;
	char path[1024];
	int version;                /* user_version after open */
	int64_t size;               /* the file's size in bytes when opened */
	struct timespec busy_since; /* when the current wait for the lock began */
	uint64_t seed;              /* for the random pauses of busy_wait */
	int busy_ms;                /* how long to wait for a lock */
	int in_write;               /* between BEGIN IMMEDIATE and its end */
	int depth;                  /* transactions open: 1 the outer, more its savepoints */
	int timing;                 /* kz_db_time_lock on */
	struct timespec held_since; /* when the write lock was taken */
	int ntiming;
	struct kz_db_timing timings[KZ_DB_TIMING_ROWS];
	int nstmt;
	const char *stmt_key[STMT_CACHE]; /* the SQL literal's address */
	sqlite3_stmt *stmt[STMT_CACHE];
};

sqlite3 *
kz_db_sql(struct kz_db *db)
{
	return db->sql;
}

/* The folder path is in, or ".". */
static void
folder_of(const char *path, char *dir, size_t len)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, len, ".");
	else if (slash == path)
		snprintf(dir, len, "/");
	else
		snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

/* The step that failed (kz_db_fail's what), in the words err is said in:
 * the staff read a step with no translation of its own as a sentence of
 * the source words inside theirs, so it is left out there (NULL); the
 * log keeps every step. */
static const char *
step_said(const char *what, const char *fmt)
{
	const char *step = kz_err_format(what);

	return step != what || kz_err_format(fmt) == fmt ? step : NULL;
}

/* kz_err, keeping the format for step_said; f stays a literal the
 * compiler checks against the arguments */
#define SAID(code, f, ...) (*fmt = (f), kz_err(out, (code), (f), __VA_ARGS__))

/* The fault and what to do about it, by SQLite's primary code, into out;
 * *fmt is the format it was said with. */
static int
fault_said(struct kz_db *db, int rc, char *out, const char **fmt)
{
	int prim = rc & 0xff;
	char dir[1024];
	struct passwd *pw;
	struct stat st;

	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return SAID(KZ_EBUSY,
			N_("database '%s' stayed locked for %d ms; another Kezek program holds it"),
			db->path, db->busy_ms);
	case SQLITE_NOMEM:
		return SAID(KZ_ENOMEM, N_("out of memory (SQLite code %d)"), rc);
	case SQLITE_FULL:
		return SAID(KZ_EDB,
			N_("database '%s': its disk is full; free space on its disk, then try again"),
			db->path);
	case SQLITE_IOERR:
		return SAID(KZ_EDB,
			N_("database '%s': the disk failed to read or write (SQLite code %d): check "
			   "the disk and its free space, and look whether it was recorded before "
			   "trying again"),
			db->path, rc);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return SAID(KZ_EDB,
			N_("database '%s' is damaged or is not a database; check it with 'kezek "
			   "check'; if it is damaged, stop the hall and put back the last copy with "
			   "'kezek restore FILE' (kezek backup keeps them in backups/ beside the "
			   "database)"),
			db->path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		folder_of(db->path, dir, sizeof dir);
		if (stat(dir, &st) == 0 && st.st_uid == geteuid() && access(dir, W_OK) != 0)
			return SAID(KZ_EDB,
				N_("database '%s' cannot be opened or written (SQLite code %d); its "
				   "folder must be writable for the WAL's files: chmod u+w '%.400s'"),
				db->path, rc, dir);
		pw = getpwuid(geteuid());
		return SAID(KZ_EDB,
			N_("database '%s' cannot be opened or written (SQLite code %d); the file "
			   "and its folder must be writable by the hall's user: chown %.64s "
			   "'%.400s' and its folder"),
			db->path, rc, pw != NULL ? pw->pw_name : "USER", db->path);
	default:
		return SAID(KZ_EDB,
			N_("database '%s': %s; try again; if it goes on, run 'kezek check'"),
			db->path, sqlite3_errmsg(db->sql));
	}
}

#undef SAID

int
kz_db_fail(struct kz_db *db, int rc, const char *what, char *err)
{
	char fault[KZ_ERR_LEN];
	const char *fmt, *step;
	int code = fault_said(db, rc, fault, &fmt);

	if ((step = step_said(what, fmt)) == NULL)
		return kz_err(err, code, "%s", fault);
	return kz_err(err, code, "%s: %s", step, fault);
}

static int
exec(struct kz_db *db, const char *sql, const char *what, char *err)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, rc, what, err);
}

/*
 * Waiting for the write lock.  SQLite's own handler backs off to 100 ms
 * sleeps, and under a steady stream of short writers a process that sleeps
 * that long can starve for seconds.  Short random sleeps keep each waiter
 * polling often enough to win its turn; the total stays bounded.
 */
static int
busy_wait(void *arg, int attempt)
{
	struct kz_db *db = arg;
	struct timespec now, pause;
	int64_t waited_ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (attempt == 0)
		db->busy_since = now;
	waited_ms = (int64_t)(now.tv_sec - db->busy_since.tv_sec) * 1000 +
		(now.tv_nsec - db->busy_since.tv_nsec) / 1000000;
	if (waited_ms >= db->busy_ms)
		return 0;
	db->seed = db->seed * 6364136223846793005ULL + 1442695040888963407ULL;
	pause.tv_sec = 0;
	pause.tv_nsec = (long)(100000 + (db->seed >> 33) % (attempt < 20 ? 400000 : 1900000));
	nanosleep(&pause, NULL);
	return 1;
}

static int
pragma_int(struct kz_db *db, const char *sql, int64_t *out, char *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, sql, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return kz_db_fail(db, rc, sql, err);
	return KZ_OK;
}

sqlite3_stmt *
kz_db_stmt(struct kz_db *db, const char *sql, char *err)
{
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < db->nstmt; i++)
		if (db->stmt_key[i] == sql) {
			sqlite3_reset(db->stmt[i]);
			sqlite3_clear_bindings(db->stmt[i]);
			return db->stmt[i];
		}
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		kz_db_fail(db, rc, N_("prepare"), err);
		return NULL;
	}
	if (db->nstmt < STMT_CACHE) {
		db->stmt_key[db->nstmt] = sql;
		db->stmt[db->nstmt++] = st;
	} else {
		/* Full: keep it anyway by evicting the oldest; callers never hold
		 * a statement across another kz_db_stmt call of a new literal. */
		sqlite3_finalize(db->stmt[0]);
		memmove(db->stmt_key, db->stmt_key + 1, sizeof db->stmt_key[0] * (STMT_CACHE - 1));
		memmove(db->stmt, db->stmt + 1, sizeof db->stmt[0] * (STMT_CACHE - 1));
		db->stmt_key[STMT_CACHE - 1] = sql;
		db->stmt[STMT_CACHE - 1] = st;
	}
	return st;
}

int
kz_db_exec_stmt(struct kz_db *db, sqlite3_stmt *st, const char *what, char *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, what, err);
}

int
kz_db_step_int(struct kz_db *db, sqlite3_stmt *st, int64_t *out, const char *what, char *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_EDB, N_("%s: no row"), what);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, what, err);
}

void
kz_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
kz_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

void
kz_db_text(struct kz_db *db, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, NULL);

	out[0] = '\0';
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		kz_col_text(st, 0, out, len);
	if (st != NULL)
		sqlite3_reset(st);
}

void
kz_col_text(sqlite3_stmt *st, int i, char *dst, size_t len)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	kz_utf8_copy(dst, len, (const char *)s); /* never half a letter */
}

/* The timing row for sql, added if new; NULL when the table is full. */
static struct kz_db_timing *
timing_row(struct kz_db *db, const char *sql)
{
	for (int i = 0; i < db->ntiming; i++)
		if (strncmp(db->timings[i].sql, sql, KZ_DB_TIMING_SQL - 1) == 0)
			return &db->timings[i];
	if (db->ntiming == KZ_DB_TIMING_ROWS)
		return NULL;
	snprintf(db->timings[db->ntiming].sql, KZ_DB_TIMING_SQL, "%s", sql);
	return &db->timings[db->ntiming++];
}

static void
add_timing(struct kz_db *db, const char *sql, double ms)
{
	struct kz_db_timing *t = timing_row(db, sql);

	if (t != NULL) {
		t->ms += ms;
		t->n++;
	}
}

/* SQLite's profile callback: each statement's time, when under the lock. */
static int
on_profile(unsigned type, void *arg, void *stmt, void *ns)
{
	struct kz_db *db = arg;

	if (type == SQLITE_TRACE_PROFILE && db->in_write)
		add_timing(db, sqlite3_sql(stmt), (double)*(sqlite3_int64 *)ns / 1e6);
	return 0;
}

void
kz_db_time_lock(struct kz_db *db, int on)
{
	db->timing = on != 0;
	sqlite3_trace_v2(db->sql, on ? SQLITE_TRACE_PROFILE : 0, on ? on_profile : NULL, db);
}

int
kz_db_lock_times(struct kz_db *db, struct kz_db_timing *out)
{
	memcpy(out, db->timings, sizeof db->timings[0] * (size_t)db->ntiming);
	return db->ntiming;
}

/* The write transaction ended (committed or not): its whole hold. */
static void
lock_released(struct kz_db *db)
{
	struct timespec now;

	if (db->in_write && db->timing) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		add_timing(db, "(lock held)",
			(double)(now.tv_sec - db->held_since.tv_sec) * 1e3 +
				(double)(now.tv_nsec - db->held_since.tv_nsec) / 1e6);
	}
	db->in_write = 0;
}

/* An inner transaction: a savepoint named by its depth. */
static int
savepoint(struct kz_db *db, const char *verb, char *err)
{
	char sql[48];

	snprintf(sql, sizeof sql, "%s kz_%d", verb, db->depth);
	return exec(db, sql, N_("nested transaction"), err);
}

/* SQLite ended the whole transaction by itself (a full disk, an I/O
 * error): no savepoint is left to end. */
static int
lost_transaction(struct kz_db *db)
{
	if (db->depth > 0 && sqlite3_get_autocommit(db->sql)) {
		db->depth = 0;
		lock_released(db);
		return 1;
	}
	return 0;
}

int
kz_db_begin(struct kz_db *db, char *err)
{
	int rc;

	lost_transaction(db);
	if (db->depth > 0) {
		if ((rc = savepoint(db, "SAVEPOINT", err)) == KZ_OK)
			db->depth++;
		return rc;
	}
	if ((rc = exec(db, "BEGIN IMMEDIATE", N_("begin"), err)) == KZ_OK) {
		db->depth = 1;
		db->in_write = 1;
		clock_gettime(CLOCK_MONOTONIC, &db->held_since);
	}
	return rc;
}

int
kz_db_begin_read(struct kz_db *db, char *err)
{
	int rc;

	lost_transaction(db);
	if (db->depth > 0) {
		if ((rc = savepoint(db, "SAVEPOINT", err)) == KZ_OK)
			db->depth++;
		return rc;
	}
	if ((rc = exec(db, "BEGIN", N_("begin"), err)) == KZ_OK)
		db->depth = 1;
	return rc;
}

int
kz_db_commit(struct kz_db *db, char *err)
{
	int rc;

	if (lost_transaction(db))
		return kz_err(err, KZ_EDB,
			"commit: database '%s': the transaction was ended by an earlier error; "
			"nothing of it was kept: try again",
			db->path);
	if (db->depth > 1) {
		db->depth--;
		if ((rc = savepoint(db, "RELEASE", err)) != KZ_OK) {
			db->depth++;
			kz_db_rollback(db);
		}
		return rc;
	}
	if ((rc = exec(db, "COMMIT", N_("commit"), err)) != KZ_OK)
		kz_db_rollback(db);
	db->depth = 0;
	lock_released(db);
	return rc;
}

void
kz_db_rollback(struct kz_db *db)
{
	if (lost_transaction(db))
		return;
	if (db->depth > 1) {
		db->depth--;
		/* undo the inner part only; the outer transaction goes on */
		savepoint(db, "ROLLBACK TO", NULL);
		savepoint(db, "RELEASE", NULL);
		return;
	}
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	db->depth = 0;
	lock_released(db);
}

int
kz_db_depth(struct kz_db *db)
{
	return db->depth;
}

/* Create path's folder (one level is enough for var/hall.db) and the file
 * itself readable by this user only (p.17.7: personal data stays private). */
static int
create_file(const char *path, char *err)
{
	char dir[1024];
	char *slash;
	int fd;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash != NULL && slash != dir) {
		*slash = '\0';
		/* every missing folder on the way, each for the hall's user only */
		for (char *p = strchr(dir + 1, '/');; p = strchr(p + 1, '/')) {
			if (p != NULL)
				*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				return kz_err(err, KZ_EDB,
					N_("cannot create folder '%s' for the database: %s; make it, or "
					   "choose another place with --db or 'database' in [hall]"),
					dir, strerror(errno));
			if (p == NULL)
				break;
			*p = '/';
		}
	}
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	if (fd < 0)
		return kz_err(err, KZ_EDB, N_("cannot create database '%s': %s"), path,
			strerror(errno));
	close(fd);
	return KZ_OK;
}

/* A step may rebuild a table (SQLite's twelve steps): foreign keys are
 * off while the steps run, as SQLite asks, and every reference is checked
 * before they commit. */
static int
check_references(struct kz_db *db, char *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, N_("check references"), err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		kz_err(err, KZ_EDB,
			N_("a schema step left a reference broken in table %s of '%s'; restore a "
			   "backup and report this"),
			(const char *)sqlite3_column_text(st, 0), db->path);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return KZ_EDB;
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, N_("check references"), err);
}

static int
migrate_steps(struct kz_db *db, int target, char *err)
{
	int64_t version, appid;
	int rc;

	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	/* Read again under the write lock: another process may have migrated. */
	if ((rc = pragma_int(db, "PRAGMA user_version", &version, err)) != KZ_OK ||
		(rc = pragma_int(db, "PRAGMA application_id", &appid, err)) != KZ_OK)
		goto fail;
	for (int i = 0; i < kz_schema_nsteps && kz_schema_steps[i].version <= target; i++) {
		char sql[64];
		if (kz_schema_steps[i].version <= version)
			continue;
		rc = exec(db, kz_schema_steps[i].sql, kz_schema_steps[i].description, err);
		if (rc != KZ_OK)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", kz_schema_steps[i].version);
		if ((rc = exec(db, sql, N_("set schema version"), err)) != KZ_OK)
			goto fail;
		version = kz_schema_steps[i].version;
	}
	if (appid == 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", KZ_APPLICATION_ID);
		if ((rc = exec(db, sql, N_("set application id"), err)) != KZ_OK)
			goto fail;
	}
	if ((rc = check_references(db, err)) != KZ_OK)
		goto fail;
	if ((rc = kz_db_commit(db, err)) != KZ_OK)
		return rc;
	db->version = (int)version;
	return KZ_OK;
fail:
	kz_db_rollback(db);
	return rc;
}

static int
migrate(struct kz_db *db, int target, char *err)
{
	char later[KZ_ERR_LEN]; /* the first error is the one to tell */
	int rc =
		exec(db, "PRAGMA foreign_keys = OFF", N_("turn references off for the steps"), err);
	int on;

	if (rc == KZ_OK)
		rc = migrate_steps(db, target, err);
	on = exec(db, "PRAGMA foreign_keys = ON", N_("turn references on"), rc ? later : err);
	return rc != KZ_OK ? rc : on;
}

int
kz_db_migrate_to(struct kz_db *db, int target, char *err)
{
	return migrate(db, target, err);
}

/* Settings every connection needs, then a check that this is our file. */
static int
configure(struct kz_db *db, int fresh, char *err)
{
	int64_t version, appid;
	int rc;

	db->seed = (uint64_t)getpid() * 2654435761ULL + (uint64_t)(uintptr_t)db;
	sqlite3_busy_handler(db->sql, busy_wait, db);
	if ((rc = pragma_int(db, "PRAGMA application_id", &appid, err)) != KZ_OK)
		return rc;
	if ((rc = pragma_int(db, "PRAGMA user_version", &version, err)) != KZ_OK)
		return rc;
	if (appid != 0 && appid != KZ_APPLICATION_ID)
		return kz_err(err, KZ_EDB,
			N_("'%s' is an SQLite file of another program, not a Kezek "
			   "database; check --db or 'database' in [hall]"),
			db->path);
	if (appid == 0 && version != 0)
		return kz_err(err, KZ_EDB,
			N_("'%s' is not a Kezek database; check --db or 'database' "
			   "in [hall]"),
			db->path);
	/* Adopted only when kezek init made it or found it empty: any other
	 * file without our id is somebody else's, and is left as it was. */
	if (appid == 0 && !fresh)
		return kz_err(err, KZ_EDB,
			db->size == 0
				? N_("'%s' is an empty file, not a Kezek database; make the "
				     "database with 'kezek init' (or check --db and 'database' "
				     "in [hall])")
				: N_("'%s' is an SQLite file of another program (it has no Kezek "
				     "application id), not a Kezek database; it was left "
				     "untouched: check --db or 'database' in [hall]"),
			db->path);
	if (version > kz_db_latest_version())
		return kz_err(err, KZ_EDB,
			N_("database '%s' has schema version %d, newer than this build knows (%d); "
			   "use a newer kezek"),
			db->path, (int)version, kz_db_latest_version());
	db->version = (int)version;
	return exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
		N_("configure connection"), err);
}

/* WAL, set once the file is known to be ours (it stays set in the file). */
static int
use_wal(struct kz_db *db, char *err)
{
	char jm[16] = "";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode = WAL", -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		kz_col_text(st, 0, jm, sizeof jm);
	sqlite3_finalize(st);
	if (strcmp(jm, "wal") != 0)
		return rc == SQLITE_ROW
			? kz_err(err, KZ_EDB,
				  N_("database '%s' cannot use WAL mode (got '%s'); "
				     "put it on a local disk"),
				  db->path, jm)
			: kz_db_fail(db, rc, N_("set WAL mode"), err);
	return KZ_OK;
}

static int
folder_writable(const char *path)
{
	char dir[1024];

	folder_of(path, dir, sizeof dir);
	return access(dir, W_OK) == 0;
}

int
kz_db_writable(const char *path)
{
	return access(path, W_OK) == 0 && folder_writable(path);
}

/* A database in a folder this user cannot write is read as it is in the
 * file; changes still in its -wal file would be missed, so refuse then. */
static int
may_read_unwritable(const char *path, char *err)
{
	char wal[1100];
	struct stat st;

	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &st) == 0 && st.st_size > 0)
		return kz_err(err, KZ_EDB,
			N_("database '%s' has recent changes in '%s' that cannot be read from a "
			   "folder this user cannot write; run the command as the hall's user, or "
			   "copy both files to a folder you can write"),
			path, wal);
	return KZ_OK;
}

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it. */
static void
immutable_uri(const char *path, char *uri, size_t len)
{
	size_t o = (size_t)snprintf(uri, len, "file:");

	for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < len; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			o += (size_t)snprintf(uri + o, len - o, "%%%02X", *p);
		else
			uri[o++] = (char)*p;
	snprintf(uri + o, len - o, "?immutable=1");
}

int
kz_db_open(const char *path, int flags, struct kz_db **out, char *err)
{
	struct kz_db *db;
	struct stat st;
	int rc, oflags;

	*out = NULL;
	if (stat(path, &st) < 0) {
		if (!(flags & KZ_DB_CREATE))
			return kz_err(err, KZ_EDB,
				N_("database '%s' does not exist; create it with 'kezek init'"),
				path);
		if ((rc = create_file(path, err)) != KZ_OK)
			return rc;
		st.st_size = 0;
	} else if (!S_ISREG(st.st_mode)) {
		return kz_err(err, KZ_EDB,
			N_("'%s' is not a regular file (%s), so not a Kezek database; check --db or "
			   "'database' in [hall]"),
			path, kz_file_kind(st.st_mode));
	}
	if ((flags & KZ_DB_READONLY) && !folder_writable(path) &&
		(rc = may_read_unwritable(path, err)) != KZ_OK)
		return rc;
	db = calloc(1, sizeof *db);
	if (db == NULL)
		return kz_err(err, KZ_ENOMEM, N_("out of memory opening '%s'"), path);
	snprintf(db->path, sizeof db->path, "%s", path);
	db->size = (int64_t)st.st_size;
	db->busy_ms = KZ_DB_BUSY_MS;
	oflags = (flags & KZ_DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if ((flags & KZ_DB_READONLY) && !folder_writable(path)) {
		/* No one can write here, so no one changes it: SQLite may read it
		 * without the WAL's shared memory, which it could not create. */
		char uri[3 * sizeof db->path + 32];
		immutable_uri(path, uri, sizeof uri);
		rc = sqlite3_open_v2(uri, &db->sql, oflags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
			NULL);
	} else
		rc = sqlite3_open_v2(path, &db->sql, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rc = kz_db_fail(db, rc, N_("open the database"), err);
		kz_db_close(db);
		return rc;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	/* A new database is made in one transaction before it turns to WAL, so
	 * a crash leaves either nothing or a whole Kezek database. */
	rc = configure(db, (flags & KZ_DB_CREATE) && db->size == 0, err);
	if (rc == KZ_OK && (flags & KZ_DB_READONLY) && !(flags & KZ_DB_NO_MIGRATE) &&
		db->version < kz_db_latest_version())
		rc = kz_err(err, KZ_EDB,
			N_("database '%s' has schema version %d, older than this build's %d, and "
			   "cannot be brought up to date read-only; run any kezek command once as "
			   "the hall's user"),
			path, db->version, kz_db_latest_version());
	if (rc == KZ_OK && !(flags & KZ_DB_READONLY) && !(flags & KZ_DB_NO_MIGRATE) &&
		db->version < kz_db_latest_version())
		rc = migrate(db, kz_db_latest_version(), err);
	if (rc == KZ_OK && !(flags & KZ_DB_READONLY))
		rc = use_wal(db, err);
	if (rc != KZ_OK) {
		kz_db_close(db);
		return rc;
	}
	*out = db;
	return KZ_OK;
}

void
kz_db_close(struct kz_db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < db->nstmt; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->sql);
	free(db);
}

void
kz_db_set_busy_ms(struct kz_db *db, int ms)
{
	db->busy_ms = ms;
}

int
kz_db_version(struct kz_db *db)
{
	return db->version;
}

int
kz_db_latest_version(void)
{
	return kz_schema_steps[kz_schema_nsteps - 1].version;
}

int
kz_db_integrity(struct kz_db *db, char *err)
{
	sqlite3_stmt *st;
	char first[256] = "";
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, N_("integrity check"), err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		kz_col_text(st, 0, first, sizeof first);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return kz_db_fail(db, rc, N_("integrity check"), err);
	if (strcmp(first, "ok") != 0)
		return kz_err(err, KZ_EDB, N_("database '%s' is damaged: %s"), db->path, first);
	return KZ_OK;
}

int64_t
kz_db_data_version(struct kz_db *db)
{
	int64_t v = -1;

	pragma_int(db, "PRAGMA data_version", &v, NULL);
	return v;
}

int
kz_db_floor_insert(struct kz_db *db, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_db_begin(db, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "INSERT INTO bench_floor (at) VALUES (?)", err);
	if (st == NULL) {
		kz_db_rollback(db);
		return KZ_EDB;
	}
	sqlite3_bind_int64(st, 1, 0);
	if ((rc = kz_db_exec_stmt(db, st, "floor insert", err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}
