/*
 * settle.c - a restored hall settled with the centre; see settle.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/clock.h"
#include "queue/error.h"
#include "queue/ship.h"
#include "send.h"
#include "settle.h"

#define MOVED ((int64_t)1 << 40) /* a hall's ids stay below; moved ids start at n times it */

/* Whether the hall's event id and the centre's agree (both absent too). */
static int
agree(struct kz_pg *pg, struct kz_db *db, const char *office, int64_t id, int *out, char *err)
{
	struct kz_ship_event ev;
	char num[32], hash[17];
	const char *p[] = {office, num};
	PGresult *res;
	int64_t newest;
	int n, rc, hall, centre;

	*out = 1;
	if (id <= 0)
		return KZ_OK;
	if ((rc = kz_ship_read(db, id - 1, 1, &ev, &n, &newest, err)) != KZ_OK)
		return rc;
	hall = n == 1 && ev.id == id;
	snprintf(num, sizeof num, "%" PRId64, id);
	if ((rc = kz_pg_query(pg, "SELECT hash FROM events WHERE office = $1 AND event_id = $2", 2,
		     p, &res, "read an event's fingerprint", err)) != KZ_OK)
		return rc;
	centre = PQntuples(res) == 1;
	if (hall)
		kz_ship_hash(&ev, hash);
	*out = hall == centre && (!hall || strcmp(hash, PQgetvalue(res, 0, 0)) == 0);
	PQclear(res);
	return KZ_OK;
}

/* The last id up to which they agree: the log agrees up to a point, not after. */
static int
find_agreed(struct kz_pg *pg, struct kz_db *db, const char *office, int64_t top, int64_t *out,
	char *err)
{
	int64_t lo = 0, hi = top; /* lo agrees; the answer is in lo..hi */
	int ok, rc;

	if ((rc = agree(pg, db, office, hi, &ok, err)) != KZ_OK)
		return rc;
	if (ok) {
		*out = hi;
		return KZ_OK;
	}
	hi--; /* hi disagrees */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo + 1) / 2;
		if ((rc = agree(pg, db, office, mid, &ok, err)) != KZ_OK)
			return rc;
		if (ok)
			lo = mid;
		else
			hi = mid - 1;
	}
	*out = lo;
	return KZ_OK;
}

/* The rows only the centre's events after agreed made, in temporary tables
 * dropped at the end of the transaction. */
static const char orphans_create[] =
	"CREATE TEMP TABLE o_events (event_id bigint, ticket_id bigint, kind text, detail text)"
	" ON COMMIT DROP;"
	"CREATE TEMP TABLE o_tickets (ticket_id bigint) ON COMMIT DROP;"
	"CREATE TEMP TABLE o_apps (id bigint) ON COMMIT DROP;"
	"CREATE TEMP TABLE o_complaints (id bigint) ON COMMIT DROP;"
	"CREATE TEMP TABLE o_ballots (id bigint) ON COMMIT DROP";

/* The events: $1 the office, $2 agreed, $3 where moved ids start; the
 * tickets: $1, $2 agreed; the registers': $1, $2 where moved ids start. */
static const char *const orphans_fill[] = {
	"INSERT INTO o_events SELECT event_id, ticket_id, kind, detail FROM events"
	" WHERE office = $1 AND event_id > $2::bigint AND event_id < $3::bigint",
	"INSERT INTO o_tickets SELECT DISTINCT o.ticket_id FROM o_events o"
	" WHERE o.ticket_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events f"
	"  WHERE f.office = $1 AND f.ticket_id = o.ticket_id AND f.event_id <= $2::bigint)",
	"INSERT INTO o_apps SELECT id FROM applications"
	" WHERE office = $1 AND id < $2::bigint AND number IN (SELECT detail"
	"  FROM o_events WHERE kind IN ('app_registered', 'app_suspended'))",
	"INSERT INTO o_complaints SELECT id FROM complaints"
	" WHERE office = $1 AND id < $2::bigint AND number IN (SELECT"
	"  split_part(detail, ' ', 1) FROM o_events WHERE kind = 'complaint_added')",
	"INSERT INTO o_ballots SELECT id FROM ballots"
	" WHERE office = $1 AND id < $2::bigint AND id IN (SELECT"
	"  substr(detail, 10)::bigint FROM o_events"
	"  WHERE kind = 'feedback' AND detail ~ '^feedback [0-9]+$')",
};

static int
run(struct kz_pg *pg, const char *sql, int n, const char *const *p, const char *what, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg, sql, n, p, &res, what, err);

	PQclear(res);
	return rc;
}

static int
count_orphans(struct kz_pg *pg, const char *const *p, struct kz_settle *out, char *err)
{
	PGresult *res;
	int rc;

	if ((rc = kz_pg_exec(pg, orphans_create, "make room to settle", err)) != KZ_OK)
		return rc;
	for (size_t i = 0; i < sizeof orphans_fill / sizeof orphans_fill[0]; i++)
		if ((rc = run(pg, orphans_fill[i], i == 0 ? 3 : 2,
			     i == 0 ? p : (const char *const[]){p[0], p[i == 1 ? 1 : 2]},
			     "find what only the centre holds", err)) != KZ_OK)
			return rc;
	if ((rc = kz_pg_query(pg,
		     "SELECT (SELECT count(*) FROM o_events), (SELECT count(*) FROM o_tickets),"
		     " (SELECT count(*) FROM o_apps), (SELECT count(*) FROM o_complaints),"
		     " (SELECT count(*) FROM o_ballots),"
		     " (SELECT count(*) FROM conflicts WHERE office = $1)",
		     1, p, &res, "count what only the centre holds", err)) != KZ_OK)
		return rc;
	out->events = atoi(PQgetvalue(res, 0, 0));
	out->tickets = atoi(PQgetvalue(res, 0, 1));
	out->applications = atoi(PQgetvalue(res, 0, 2));
	out->complaints = atoi(PQgetvalue(res, 0, 3));
	out->ballots = atoi(PQgetvalue(res, 0, 4));
	out->conflicts = atoi(PQgetvalue(res, 0, 5));
	PQclear(res);
	return KZ_OK;
}

/* Move the orphans aside by k, clear the problem, record the settlement. */
static int
move_aside(struct kz_pg *pg, const char *office, int settled, struct kz_settle *out, char *err)
{
	char agreed[32], k[32], n[16], held[32], counts[6][16];
	const char *p[] = {office, agreed, k, n, held, counts[0], counts[1], counts[2], counts[3],
		counts[4], counts[5]};
	int rc;

	out->moved_from = (int64_t)(settled + 1) * MOVED;
	snprintf(agreed, sizeof agreed, "%" PRId64, out->agreed_id);
	snprintf(k, sizeof k, "%" PRId64, out->moved_from);
	snprintf(n, sizeof n, "%d", settled + 1);
	snprintf(held, sizeof held, "%" PRId64, out->held_id);
	snprintf(counts[0], 16, "%d", out->events);
	snprintf(counts[1], 16, "%d", out->tickets);
	snprintf(counts[2], 16, "%d", out->applications);
	snprintf(counts[3], 16, "%d", out->complaints);
	snprintf(counts[4], 16, "%d", out->ballots);
	snprintf(counts[5], 16, "%d", out->conflicts);
	if ((rc = run(pg,
		     "DELETE FROM places WHERE office = $1 AND ticket_id IN (SELECT ticket_id"
		     " FROM o_tickets)",
		     1, p, "clear the places the centre alone holds", err)) != KZ_OK ||
		(rc = run(pg,
			 "UPDATE events SET event_id = event_id + $2::bigint,"
			 " ticket_id = CASE WHEN ticket_id IN (SELECT ticket_id FROM o_tickets)"
			 "  THEN ticket_id + $2::bigint ELSE ticket_id END"
			 " WHERE office = $1 AND event_id IN (SELECT event_id FROM o_events)",
			 2, (const char *const[]){office, k},
			 "move the centre's later events aside", err)) != KZ_OK ||
		(rc = run(pg,
			 "UPDATE applications SET id = id + $2::bigint WHERE office = $1"
			 " AND id IN (SELECT id FROM o_apps)",
			 2, (const char *const[]){office, k}, "move the applications aside",
			 err)) != KZ_OK ||
		(rc = run(pg,
			 "UPDATE complaints SET id = id + $2::bigint WHERE office = $1"
			 " AND id IN (SELECT id FROM o_complaints)",
			 2, (const char *const[]){office, k}, "move the complaints aside", err)) !=
			KZ_OK ||
		(rc = run(pg,
			 "UPDATE ballots SET id = id + $2::bigint WHERE office = $1"
			 " AND id IN (SELECT id FROM o_ballots)",
			 2, (const char *const[]){office, k}, "move the ballots aside", err)) !=
			KZ_OK ||
		(rc = kz_send_rebuild(pg, office, out->moved_from - 1, err)) != KZ_OK)
		return rc;
	return run(pg,
		"WITH c AS (DELETE FROM conflicts WHERE office = $1),"
		" s AS (INSERT INTO settlements (office, n, agreed_id, held_id, moved_from, events,"
		"  tickets, applications, complaints, ballots, conflicts) VALUES ($1, $4::int,"
		"  $2::bigint, $5::bigint, $3::bigint, $6::int, $7::int, $8::int, $9::int, $10::int,"
		"  $11::int))"
		" UPDATE offices SET held_id = $2::bigint, problem = '', settled = $4::int"
		" WHERE office = $1",
		11, p, "record the settlement", err);
}

static int
settle(struct kz_pg *pg, struct kz_db *db, const char *office, int apply, struct kz_settle *out,
	char *err)
{
	struct kz_ship_state st;
	char agreed[32], top[32];
	const char *p[] = {office, agreed, top};
	PGresult *res;
	int rc, settled;

	if ((rc = kz_pg_query(pg,
		     "SELECT held_id, problem, settled FROM offices WHERE office = $1 FOR UPDATE",
		     1, p, &res, "read the office's progress", err)) != KZ_OK)
		return rc;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return kz_err(err, KZ_ENOTFOUND,
			"the centre does not know office %s; kezek region status lists them",
			office);
	}
	out->held_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	snprintf(out->problem, sizeof out->problem, "%s", PQgetvalue(res, 0, 1));
	settled = atoi(PQgetvalue(res, 0, 2));
	PQclear(res);
	if ((rc = kz_ship_state(db, office, &st, err)) != KZ_OK)
		return rc;
	out->newest_id = st.newest_id;
	if ((rc = find_agreed(pg, db, office,
		     out->newest_id < out->held_id ? out->newest_id : out->held_id, &out->agreed_id,
		     err)) != KZ_OK)
		return rc;
	out->needed = out->agreed_id < out->held_id;
	snprintf(agreed, sizeof agreed, "%" PRId64, out->agreed_id);
	snprintf(top, sizeof top, "%" PRId64, MOVED);
	if ((rc = count_orphans(pg, p, out, err)) != KZ_OK)
		return rc;
	if (!apply)
		return KZ_OK;
	if (out->needed)
		return move_aside(pg, office, settled, out, err);
	/* nothing to move: the problem and the conflicts cleared all the same */
	return run(pg,
		"WITH c AS (DELETE FROM conflicts WHERE office = $1)"
		" UPDATE offices SET problem = '' WHERE office = $1",
		1, p, "clear the office's problem", err);
}

int
kz_settle(struct kz_pg *pg, struct kz_db *db, const char *office, int apply, struct kz_settle *out,
	char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kz_pg_exec(pg, "BEGIN", "begin the settlement", err)) != KZ_OK)
		return rc;
	if ((rc = settle(pg, db, office, apply, out, err)) != KZ_OK ||
		(rc = kz_pg_exec(pg, apply ? "COMMIT" : "ROLLBACK", "end the settlement", err)) !=
			KZ_OK) {
		(void)kz_pg_exec(pg, "ROLLBACK", "roll back the settlement", NULL);
		return rc;
	}
	if (!apply)
		return KZ_OK;
	/* the hall's record: shipped up to the agreed event, all well */
	return kz_ship_record(db, office, out->agreed_id, kz_clock_now(), "", err);
}
