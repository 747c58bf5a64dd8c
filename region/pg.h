/*
 * pg.h - the region's centre: one PostgreSQL connection through libpq, its
 * errors as Kezek's (what, where, what to do), and the centre's schema
 * brought up to date by numbered steps (region/steps.c).  Nothing outside
 * region/ speaks SQL to PostgreSQL.
 */
#ifndef KZ_PG_H
#define KZ_PG_H

#include <libpq-fe.h>

struct kz_pg;

/* Connect to the centre named by conninfo (a libpq connection string);
 * KZ_EDEVICE naming the centre and libpq's words when it cannot. */
int kz_pg_connect(const char *conninfo, struct kz_pg **out, char *err);
void kz_pg_close(struct kz_pg *pg);
PGconn *kz_pg_conn(struct kz_pg *pg);

/* Run sql (no parameters, any number of statements); KZ_EDEVICE when the
 * link or the server failed, KZ_EDB when the centre refused it. */
int kz_pg_exec(struct kz_pg *pg, const char *sql, const char *what, char *err);

/* Run sql with n text parameters (NULL: SQL NULL); *res the result, to
 * PQclear; what names it in the error. */
int kz_pg_query(struct kz_pg *pg, const char *sql, int n, const char *const *params, PGresult **res,
	const char *what, char *err);

/* The error code a failed result means, and err written. */
int kz_pg_fail(struct kz_pg *pg, PGresult *res, const char *what, char *err);

/* The centre's schema step now, and the newest this program knows. */
int kz_pg_version(struct kz_pg *pg, int *out, char *err);
int kz_pg_latest_version(void);

/* Create or migrate the centre's schema, each step in its own transaction
 * under a lock, so halls connecting at once take turns. */
int kz_pg_migrate(struct kz_pg *pg, char *err);

#endif
