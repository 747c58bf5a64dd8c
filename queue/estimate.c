/* estimate.c - people ahead and the expected call; see estimate.h. */
#include <string.h>

#include "ahead.h"
#include "clock.h"
#include "error.h"
#include "estimate.h"
#include "sql.h"
#include "ticket.h"

/* Per service: served visits (count, total seconds call to finish) over
 * days from..to (both included).  Index tickets_lookup on day. */
static int
read_visits(struct kz_db *db, const char *from, const char *to, const struct kz_replay *r, int n[],
	int64_t sum[], char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT service_id, count(*), sum(max(finished_at - called_at, 0)) FROM tickets"
		" WHERE day BETWEEN ? AND ? AND outcome = 'served'"
		" AND called_at IS NOT NULL AND finished_at IS NOT NULL GROUP BY service_id",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = kz_replay_service(r, sqlite3_column_int64(st, 0));
		if (i >= 0) {
			n[i] = sqlite3_column_int(st, 1);
			sum[i] = sqlite3_column_int64(st, 2);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read service times", err);
}

/* Each service's expected visit: today's mean, the missing samples of the
 * first visits of the day counted at the typical visit, so the first quick
 * (or slow) visit of the morning does not swing the figure. */
static int
expected_visits(struct kz_db *db, int64_t now, int64_t default_service, struct kz_replay *r,
	int today_n[], char *err)
{
	int past_n[KZ_REPLAY_MAX_SERVICES] = {0};
	int64_t today_sum[KZ_REPLAY_MAX_SERVICES] = {0}, past_sum[KZ_REPLAY_MAX_SERVICES] = {0};
	char today[11], first[11], last[11];
	int rc;

	kz_clock_day(now, today);
	kz_clock_day(now - (int64_t)KZ_ESTIMATE_PAST_DAYS * 86400, first);
	kz_clock_day(now - 86400 + 3600, last); /* yesterday, whatever the DST */
	if ((rc = read_visits(db, today, today, r, today_n, today_sum, err)) != KZ_OK ||
		(rc = read_visits(db, first, last, r, past_n, past_sum, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < r->nservices; i++) {
		int64_t typical = past_n[i] >= KZ_ESTIMATE_MIN_SAMPLES
			? (past_sum[i] + past_n[i] / 2) / past_n[i]
			: default_service;
		int missing = KZ_ESTIMATE_MIN_SAMPLES - today_n[i];
		if (missing > 0)
			r->visit[i] =
				(today_sum[i] + missing * typical + KZ_ESTIMATE_MIN_SAMPLES / 2) /
				KZ_ESTIMATE_MIN_SAMPLES;
		else
			r->visit[i] = (today_sum[i] + today_n[i] / 2) / today_n[i];
		if (r->visit[i] < 1)
			r->visit[i] = 1; /* a visit takes time: counters must move on */
	}
	return KZ_OK;
}

void
kz_estimate_range(int64_t wait, int *low, int *high)
{
	int64_t w = wait < 0 ? 0 : wait, lo = w * 7 / 10, hi = w * 13 / 10;

	if (lo > w - 300)
		lo = w - 300;
	if (hi < w + 300)
		hi = w + 300;
	lo = lo < 0 ? 0 : lo / 300 * 5;
	hi = (hi + 299) / 300 * 5;
	*low = (int)lo;
	*high = (int)hi;
}

int64_t
kz_estimate_round_time(int64_t t)
{
	return (t + 150) / 300 * 300;
}

static int
open_counters(const struct kz_replay *r, int svc)
{
	int n = 0;

	for (int i = 0; i < r->ncounters; i++)
		n += r->counters[i].calls && !r->counters[i].paused &&
			(r->counters[i].services & (UINT64_C(1) << svc));
	return n;
}

/* Replay for ticket index target of r (service index svc) and fill *out. */
static void
conclude(struct kz_replay *r, const struct kz_hours *h, int target, int svc, int today_n,
	int64_t now, struct kz_wait_estimate *out)
{
	struct kz_replay_result res;
	struct kz_date today = kz_date_of(now);

	kz_replay_free_counters(r, now);
	kz_replay_run(r, target, 0, &res);
	if (!res.called) {
		/* no counter that calls serves it: count as if all were open */
		kz_replay_free_counters(r, now);
		kz_replay_run(r, target, 1, &res);
		res.called = 0;
	}
	out->waiting = 1;
	out->now = now;
	out->ahead = res.ahead;
	out->counters = open_counters(r, svc);
	out->samples = today_n;
	out->avg_service = r->visit[svc];
	out->close_at = kz_date_at(today, h->close);
	if (!res.called)
		return;
	out->known = 1;
	out->call_at = res.call_at;
	out->wait = res.call_at > now ? res.call_at - now : 0;
	kz_estimate_range(out->wait, &out->low_min, &out->high_min);
	out->after_lunch = r->lunch_end > r->lunch_start && now < r->lunch_start &&
		res.call_at >= r->lunch_end;
	out->lunch_end = r->lunch_end;
	out->after_close = res.call_at >= out->close_at;
}

/* The ticket: ticket_id > 0, or a new one of service (code or prefix). */
static int
fill(struct kz_db *db, const struct kz_hours *h, const char *service, int64_t ticket_id,
	int64_t default_service, struct kz_wait_estimate *out, char *err)
{
	int today_n[KZ_REPLAY_MAX_SERVICES] = {0};
	int64_t now = kz_clock_now(), service_id = 0;
	struct kz_replay r;
	int rc, target, svc;

	if (service && (rc = kz_service_find(db, service, &service_id, NULL, 0, err)) != KZ_OK)
		return rc;
	if ((rc = kz_replay_read(db, now, h->lunch_start, h->lunch_end, &r, err)) != KZ_OK)
		return rc;
	if ((rc = expected_visits(db, now, default_service, &r, today_n, err)) != KZ_OK)
		goto done;
	if (service) {
		svc = kz_replay_service(&r, service_id);
		if ((rc = kz_replay_add_new(&r, svc, err)) != KZ_OK)
			goto done;
		target = r.ntickets - 1;
	} else {
		target = kz_replay_ticket(&r, ticket_id);
		if (target < 0)
			goto done; /* called, done or of another day: nobody ahead */
		svc = r.ticket_service[target];
	}
	conclude(&r, h, target, svc, today_n[svc], now, out);
done:
	kz_replay_free(&r);
	return rc;
}

static int
estimate(struct kz_db *db, const struct kz_hours *hours, const char *service, int64_t ticket_id,
	int64_t default_service, struct kz_wait_estimate *out, char *err)
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
	if ((rc = fill(db, hours, service, ticket_id, default_service, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		memset(out, 0, sizeof *out);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_wait_estimate(struct kz_db *db, const struct kz_hours *hours, const char *service,
	int64_t default_service, struct kz_wait_estimate *out, char *err)
{
	return estimate(db, hours, service, 0, default_service, out, err);
}

int
kz_wait_estimate_ticket(struct kz_db *db, const struct kz_hours *hours, int64_t ticket_id,
	int64_t default_service, struct kz_wait_estimate *out, char *err)
{
	return estimate(db, hours, NULL, ticket_id, default_service, out, err);
}
