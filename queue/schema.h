/*
 * schema.h - the numbered steps that create and migrate the hall database.
 * Step i (1-based) takes PRAGMA user_version from i-1 to i; kz_db_open
 * applies the missing ones in one transaction.
 */
#ifndef KZ_SCHEMA_H
#define KZ_SCHEMA_H

struct kz_schema_step {
	int version;             /* user_version after this step */
	const char *description; /* for people reading the log */
	const char *sql;         /* statements, run with sqlite3_exec */
};

extern const struct kz_schema_step kz_schema_steps[];
extern const int kz_schema_nsteps;

#endif
