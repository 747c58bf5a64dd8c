/*
 * postpone-expire.c - the ends of postponements (postpone.h) that come
 * without the clerk: the time ran out, or the day closed.  Apart from
 * postpone.c so that the queue's other operations (ticket.c, counter.c)
 * can run it first without calling back into the module that calls them.
 * Declared in sql.h.
 */
#include "error.h"
#include "sql.h"

/* Which postponements a statement touches: ?1 the instant, ?2 the
 * counter's number (0: all). */
#define OF_COUNTER " AND (?2 = 0 OR counter_id = (SELECT id FROM counters WHERE number = ?2))"

/* Run one statement bound with now (?1) and, if it has ?2, counter. */
static int
exec_bound(struct kz_db *db, sqlite3_stmt *st, int64_t now, int counter, char *err)
{
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int(st, 2, counter);
	return kz_db_exec_stmt(db, st, "end postponements", err);
}

int
kz_postpone_expire(struct kz_db *db, int counter, int64_t now, char *err)
{
	int rc;

	/* the event first: it reads the rows before they change */
	rc = exec_bound(db,
		kz_db_stmt(db,
			"INSERT INTO events (at, kind, ticket_id, counter_id, clerk_id, detail)"
			" SELECT postponed_until, 'no_show', id, counter_id, clerk_id,"
			" 'did not come back in time' FROM tickets"
			" WHERE state = 'postponed' AND postponed_until <= ?1" OF_COUNTER
			" ORDER BY postponed_until, id",
			err),
		now, counter, err);
	if (rc != KZ_OK)
		return rc;
	return exec_bound(db,
		kz_db_stmt(db,
			"UPDATE tickets SET state = 'done', outcome = 'no_show',"
			" finished_at = postponed_until,"
			" away_seconds = away_seconds + postponed_until - postponed_at,"
			" postponed_at = NULL"
			" WHERE state = 'postponed' AND postponed_until <= ?1" OF_COUNTER,
			err),
		now, counter, err);
}

int
kz_postpone_close_day(struct kz_db *db, int64_t now, char *err)
{
	int rc = kz_postpone_expire(db, 0, now, err);

	if (rc != KZ_OK)
		return rc;
	rc = exec_bound(db,
		kz_db_stmt(db,
			"INSERT INTO events (at, kind, ticket_id, counter_id, clerk_id, service_id)"
			" SELECT ?1, 'office_closed', id, counter_id, clerk_id, service_id"
			" FROM tickets WHERE state = 'postponed' ORDER BY id",
			err),
		now, 0, err);
	if (rc != KZ_OK)
		return rc;
	return exec_bound(db,
		kz_db_stmt(db,
			"UPDATE tickets SET state = 'done', outcome = 'office_closed',"
			" finished_at = ?1, away_seconds = away_seconds + ?1 - postponed_at,"
			" postponed_at = NULL WHERE state = 'postponed'",
			err),
		now, 0, err);
}
