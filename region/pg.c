/*
 * pg.c - one connection to the region's centre, and its schema steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg.h"
#include "queue/error.h"
#include "steps.h"

struct kz_pg {
	PGconn *conn;
};

/* libpq's message, on one line. */
static void
one_line(const char *msg, char *out, size_t len)
{
	size_t j = 0;

	for (size_t i = 0; msg && msg[i] && j + 1 < len; i++)
		out[j++] = msg[i] == '\n' || msg[i] == '\t' ? ' ' : msg[i];
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
}

int
kz_pg_connect(const char *conninfo, struct kz_pg **out, char *err)
{
	/* the string's own settings override these (they come later) */
	const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
	const char *const values[] = {"10", "kezek-sync", conninfo, NULL};
	struct kz_pg *pg;
	char msg[KZ_ERR_LEN];

	*out = NULL;
	if (conninfo == NULL || *conninfo == '\0')
		return kz_err(err, KZ_ECONFIG,
			"no centre to ship to; set centre in [region] of hall.ini to the "
			"region's PostgreSQL (a libpq connection string)");
	if ((pg = calloc(1, sizeof *pg)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory connecting to the centre");
	pg->conn = PQconnectdbParams(keys, values, 1);
	if (pg->conn == NULL || PQstatus(pg->conn) != CONNECTION_OK) {
		one_line(pg->conn ? PQerrorMessage(pg->conn) : "out of memory", msg, sizeof msg);
		kz_pg_close(pg);
		return kz_err(err, KZ_EDEVICE,
			"the region's centre cannot be reached: %s; check the link and the "
			"connection string (centre in [region] of hall.ini); a hall works on "
			"meanwhile and its events wait",
			msg);
	}
	*out = pg;
	return kz_pg_exec(pg, "SET client_min_messages = warning", "set up the session", err);
}

void
kz_pg_close(struct kz_pg *pg)
{
	if (pg == NULL)
		return;
	if (pg->conn)
		PQfinish(pg->conn);
	free(pg);
}

PGconn *
kz_pg_conn(struct kz_pg *pg)
{
	return pg->conn;
}

int
kz_pg_fail(struct kz_pg *pg, PGresult *res, const char *what, char *err)
{
	char msg[KZ_ERR_LEN];
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	int lost = PQstatus(pg->conn) != CONNECTION_OK || state == NULL ||
		strncmp(state, "08", 2) == 0 || strncmp(state, "57", 2) == 0;

	one_line(res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res)
						     : PQerrorMessage(pg->conn),
		msg, sizeof msg);
	if (lost) /* the link, or the server shutting down or ending the session */
		return kz_err(err, KZ_EDEVICE,
			"%s at the region's centre: the connection failed (%s); nothing was "
			"lost, it is sent again when the centre is back",
			what, msg);
	return kz_err(err, KZ_EDB, "%s at the region's centre: %s (SQLSTATE %s)", what, msg, state);
}

int
kz_pg_query(struct kz_pg *pg, const char *sql, int n, const char *const *params, PGresult **res,
	const char *what, char *err)
{
	ExecStatusType st;

	*res = PQexecParams(pg->conn, sql, n, NULL, params, NULL, NULL, 0);
	st = *res ? PQresultStatus(*res) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return KZ_OK;
	{
		int rc = kz_pg_fail(pg, *res, what, err);
		PQclear(*res);
		*res = NULL;
		return rc;
	}
}

int
kz_pg_exec(struct kz_pg *pg, const char *sql, const char *what, char *err)
{
	PGresult *res = PQexec(pg->conn, sql);
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	int rc = KZ_OK;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		rc = kz_pg_fail(pg, res, what, err);
	PQclear(res);
	return rc;
}

int
kz_pg_latest_version(void)
{
	return kz_centre_steps[kz_centre_nsteps - 1].version;
}

int
kz_pg_version(struct kz_pg *pg, int *out, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg, "SELECT to_regclass('centre_schema') IS NOT NULL", 0, NULL, &res,
		"look for the schema", err);

	*out = 0;
	if (rc != KZ_OK)
		return rc;
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		PQclear(res);
		return KZ_OK; /* a new centre */
	}
	PQclear(res);
	if ((rc = kz_pg_query(pg, "SELECT coalesce(max(version), 0) FROM centre_schema", 0, NULL,
		     &res, "read the schema's version", err)) != KZ_OK)
		return rc;
	*out = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return KZ_OK;
}

/* One step in one transaction, if the centre has not got it yet. */
static int
apply(struct kz_pg *pg, const struct kz_centre_step *s, char *err)
{
	char sql[160];
	int rc, version = 0;

	if ((rc = kz_pg_exec(pg,
		     "BEGIN; SELECT pg_advisory_xact_lock(4242001);"
		     "CREATE TABLE IF NOT EXISTS centre_schema ("
		     "  version integer PRIMARY KEY, name text NOT NULL,"
		     "  applied_at timestamptz NOT NULL DEFAULT now())",
		     "take the schema's lock", err)) != KZ_OK ||
		(rc = kz_pg_version(pg, &version, err)) != KZ_OK)
		goto out;
	if (version >= s->version)
		return kz_pg_exec(pg, "COMMIT", "end the schema step", err);
	if ((rc = kz_pg_exec(pg, s->sql, s->name, err)) != KZ_OK)
		goto out;
	snprintf(sql, sizeof sql, "INSERT INTO centre_schema (version, name) VALUES (%d, $1)",
		s->version);
	{
		PGresult *res;
		const char *p[] = {s->name};
		if ((rc = kz_pg_query(pg, sql, 1, p, &res, "record the schema step", err)) != KZ_OK)
			goto out;
		PQclear(res);
	}
	return kz_pg_exec(pg, "COMMIT", "commit the schema step", err);
out:
	(void)kz_pg_exec(pg, "ROLLBACK", "roll back", NULL);
	return rc;
}

int
kz_pg_migrate(struct kz_pg *pg, char *err)
{
	int version, rc;

	if ((rc = kz_pg_version(pg, &version, err)) != KZ_OK)
		return rc;
	if (version > kz_pg_latest_version())
		return kz_err(err, KZ_EDB,
			"the region's centre has schema step %d, newer than this Kezek knows "
			"(%d); upgrade Kezek on this machine",
			version, kz_pg_latest_version());
	for (int i = 0; i < kz_centre_nsteps; i++)
		if (kz_centre_steps[i].version > version &&
			(rc = apply(pg, &kz_centre_steps[i], err)) != KZ_OK)
			return rc;
	return KZ_OK;
}
