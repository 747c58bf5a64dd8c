/*
 * db.h - the hall database: one SQLite file shared by every Kezek process.
 *
 * Opening sets WAL mode, synchronous=FULL (a ticket in a visitor's hand must
 * survive a power cut), busy_timeout and foreign keys, and brings the schema
 * up to date by numbered steps kept in PRAGMA user_version, so a database
 * made by an older build opens in a newer one with its data.  Other modules
 * of queue/ reach SQLite through sql.h; nothing outside queue/ sees SQL.
 */
#ifndef KZ_DB_H
#define KZ_DB_H

#include <stdint.h>

struct kz_db;

enum {
	KZ_DB_CREATE = 1 << 0,     /* create the file (and its folder) if missing */
	KZ_DB_READONLY = 1 << 1,   /* open for reading only; no migration */
	KZ_DB_NO_MIGRATE = 1 << 2, /* leave the schema as it is (tests of migration) */
};

#define KZ_DB_BUSY_MS 10000 /* how long a writer waits for the lock */

/* Open path; *out is set on KZ_OK and must be closed with kz_db_close.
 * KZ_EDB with a message if the file is missing (without KZ_DB_CREATE), is
 * not a Kezek database, or has a schema newer than this build knows. */
int kz_db_open(const char *path, int flags, struct kz_db **out, char *err);

/* This user may write the database at path and its folder (for the WAL's
 * files).  A command that only reads opens with KZ_DB_READONLY where not:
 * it then reads the file as it is (refused if its -wal file holds changes). */
int kz_db_writable(const char *path);

/* How long this connection waits for a lock before KZ_EBUSY (default
 * KZ_DB_BUSY_MS).  A screen waits briefly and tries again later instead. */
void kz_db_set_busy_ms(struct kz_db *db, int ms);

/* Close db (NULL is fine). */
void kz_db_close(struct kz_db *db);

/* The file's schema version, and the newest this build knows. */
int kz_db_version(struct kz_db *db);
int kz_db_latest_version(void);

/* Bring the schema to version target (<= latest) only: for tests that make
 * a database as an older build would (open it with KZ_DB_NO_MIGRATE). */
int kz_db_migrate_to(struct kz_db *db, int target, char *err);

/* PRAGMA integrity_check: KZ_OK if "ok", else KZ_EDB with its first line. */
int kz_db_integrity(struct kz_db *db, char *err);

/* PRAGMA data_version: changes when another connection commits. */
int64_t kz_db_data_version(struct kz_db *db);

/* Where a connection holds the write lock, for the benchmarks: once on,
 * each statement that runs between BEGIN IMMEDIATE and the end of its
 * transaction (COMMIT included) adds its time to a row named by its SQL
 * (the first KZ_DB_TIMING_SQL - 1 bytes), and each whole hold to a row
 * "(lock held)".  Off by default: it costs a clock read per statement. */
#define KZ_DB_TIMING_SQL  72
#define KZ_DB_TIMING_ROWS 32
struct kz_db_timing {
	char sql[KZ_DB_TIMING_SQL]; /* the statement's SQL, cut */
	double ms;                  /* its time under the lock, added up */
	long n;                     /* how many times it ran there */
};
void kz_db_time_lock(struct kz_db *db, int on);
/* The rows so far into out (at most KZ_DB_TIMING_ROWS); how many. */
int kz_db_lock_times(struct kz_db *db, struct kz_db_timing *out);

/* One bare single-row INSERT transaction into a scratch table: the floor
 * that benchmarks compare the queue operations against. */
int kz_db_floor_insert(struct kz_db *db, char *err);

#endif
