/* estimate.c - the wait a new visitor can expect; see estimate.h. */
#include <string.h>

#include "clock.h"
#include "error.h"
#include "estimate.h"
#include "sql.h"

static int
count_int(struct kz_db *db, sqlite3_stmt *st, int *out, const char *what, char *err)
{
	int64_t n = 0;
	int rc = kz_db_step_int(db, st, &n, what, err);

	*out = (int)n;
	return rc;
}

/* Waiting now (index tickets_waiting) and open counters serving it. */
static int
read_queue(struct kz_db *db, const char *day, int64_t service_id, struct kz_wait_estimate *out,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*) FROM tickets WHERE day = ? AND service_id = ? AND state = 'waiting'",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, service_id);
	if ((rc = count_int(db, st, &out->ahead, "count queue", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT count(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id"
		" WHERE cs.service_id = ? AND c.state = 'open' AND c.active = 1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, service_id);
	return count_int(db, st, &out->counters, "count open counters", err);
}

/* Today's served visits of the service: how many and their total seconds
 * from call to finish.  Only today's tickets (index tickets_lookup on day):
 * the pace of this morning, not of last year. */
static int
read_samples(struct kz_db *db, const char *day, int64_t service_id, int64_t *sum,
	struct kz_wait_estimate *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), coalesce(sum(max(finished_at - called_at, 0)), 0) FROM tickets"
		" WHERE day = ? AND service_id = ? AND outcome = 'served'"
		" AND called_at IS NOT NULL AND finished_at IS NOT NULL",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, service_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->samples = sqlite3_column_int(st, 0);
		*sum = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read service times", err);
}

static int
fill(struct kz_db *db, const char *service, int64_t default_service, struct kz_wait_estimate *out,
	char *err)
{
	int64_t service_id = 0, sum = 0, rounds;
	char day[11];
	int rc;

	kz_clock_day(kz_clock_now(), day);
	if ((rc = kz_service_find(db, service, &service_id, NULL, 0, err)) != KZ_OK ||
		(rc = read_queue(db, day, service_id, out, err)) != KZ_OK ||
		(rc = read_samples(db, day, service_id, &sum, out, err)) != KZ_OK)
		return rc;
	/* Too few visits today for a fair mean: the missing ones count at the
	 * default, so the first quick (or slow) visit of the morning does not
	 * swing the estimate. */
	if (out->samples < KZ_ESTIMATE_MIN_SAMPLES)
		out->avg_service =
			(sum + (KZ_ESTIMATE_MIN_SAMPLES - out->samples) * default_service +
				KZ_ESTIMATE_MIN_SAMPLES / 2) /
			KZ_ESTIMATE_MIN_SAMPLES;
	else
		out->avg_service = (sum + out->samples / 2) / out->samples;
	if (out->counters == 0)
		return KZ_OK; /* no one serves it now: no honest figure */
	/* The simplest honest model: the new visitor is number ahead + 1 in a
	 * line that the open counters take in turn, each round lasting one
	 * average visit, counting the visits under way at the counters now as
	 * the first round.  So they are called after ceil((ahead + 1) /
	 * counters) rounds.  No guess at how far the current visits have got,
	 * or at pauses and lunch: the kiosk says "about". */
	rounds = (out->ahead + 1 + out->counters - 1) / out->counters;
	out->estimate = rounds * out->avg_service;
	out->known = 1;
	return KZ_OK;
}

int
kz_wait_estimate(struct kz_db *db, const char *service, int64_t default_service,
	struct kz_wait_estimate *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (default_service <= 0)
		return kz_err(err, KZ_EINVAL,
			"default service time %lld seconds is not positive; give the seconds one "
			"visit usually takes",
			(long long)default_service);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = fill(db, service, default_service, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}
