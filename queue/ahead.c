/* ahead.c - the replay of the calls; see ahead.h. */
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "sql.h"

/* The call a counter free at t makes: the break moves it to the break's end. */
static int64_t
call_moment(const struct kz_replay *r, int64_t t)
{
	if (r->lunch_end > r->lunch_start && t >= r->lunch_start && t < r->lunch_end)
		return r->lunch_end;
	return t;
}

/* The counter free first (ties: the lower number) among those still in. */
static int
first_free(const struct kz_replay *r, int every, const char *out)
{
	int best = -1;

	for (int i = 0; i < r->ncounters; i++) {
		const struct kz_replay_counter *c = &r->counters[i];
		const struct kz_replay_counter *b = best < 0 ? NULL : &r->counters[best];
		if (out[i] || !(every || c->calls))
			continue;
		if (b == NULL || c->free_at < b->free_at ||
			(c->free_at == b->free_at && c->number < b->number))
			best = i;
	}
	return best;
}

void
kz_replay_run(struct kz_replay *r, int target, int every_counter, struct kz_replay_result *out)
{
	/* one allocation: per ticket "called", per counter "out" and a cursor
	 * (tickets only leave, so each counter's next ticket only moves on) */
	size_t n = (size_t)r->ntickets, m = (size_t)r->ncounters;
	char *called = calloc(n + m + 1, 1), *gone = called + n;
	int *cursor = calloc(m + 1, sizeof *cursor);
	int c;

	memset(out, 0, sizeof *out);
	if (called == NULL || cursor == NULL || target < 0 || target >= r->ntickets)
		goto done;
	while ((c = first_free(r, every_counter, gone)) >= 0) {
		struct kz_replay_counter *k = &r->counters[c];
		int i = cursor[c];
		while (i < r->ntickets &&
			(called[i] || !(k->services & (UINT64_C(1) << r->ticket_service[i]))))
			i++;
		cursor[c] = i;
		if (i == r->ntickets) {
			gone[c] = 1; /* nothing left it serves */
			continue;
		}
		called[i] = 1;
		k->free_at = call_moment(r, k->free_at);
		if (i == target) {
			out->called = 1, out->call_at = k->free_at, out->counter = k->number;
			goto done;
		}
		out->ahead++;
		k->free_at += r->visit[r->ticket_service[i]];
	}
done:
	free(called);
	free(cursor);
}

void
kz_replay_free_counters(struct kz_replay *r, int64_t now)
{
	for (int i = 0; i < r->ncounters; i++) {
		struct kz_replay_counter *c = &r->counters[i];
		c->free_at = now;
		if (c->visitor >= 0 && c->called_at + r->visit[c->visitor] > now)
			c->free_at = c->called_at + r->visit[c->visitor];
		if (c->paused && c->calls && c->free_at < r->lunch_end)
			c->free_at = r->lunch_end;
	}
}

int
kz_replay_service(const struct kz_replay *r, int64_t service_id)
{
	for (int i = 0; i < r->nservices; i++)
		if (r->service_id[i] == service_id)
			return i;
	return -1;
}

int
kz_replay_ticket(const struct kz_replay *r, int64_t ticket_id)
{
	for (int i = 0; i < r->ntickets; i++)
		if (r->ticket_id[i] == ticket_id)
			return i;
	return -1;
}

void
kz_replay_free(struct kz_replay *r)
{
	free(r->counters);
	free(r->ticket_id);
	free(r->ticket_service);
	r->counters = NULL, r->ticket_id = NULL, r->ticket_service = NULL;
	r->ncounters = r->ntickets = 0;
}

static int
add_ticket(struct kz_replay *r, int64_t id, int svc, char *err)
{
	int64_t *ids = realloc(r->ticket_id, (size_t)(r->ntickets + 1) * sizeof *ids);
	int *svcs;

	if (ids == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory replaying the queue");
	r->ticket_id = ids;
	svcs = realloc(r->ticket_service, (size_t)(r->ntickets + 1) * sizeof *svcs);
	if (svcs == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory replaying the queue");
	r->ticket_service = svcs;
	r->ticket_id[r->ntickets] = id;
	r->ticket_service[r->ntickets++] = svc;
	return KZ_OK;
}

int
kz_replay_add_new(struct kz_replay *r, int svc, char *err)
{
	return add_ticket(r, 0, svc, err);
}

static int
read_services(struct kz_db *db, struct kz_replay *r, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT id FROM services ORDER BY id", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->nservices == KZ_REPLAY_MAX_SERVICES) {
			sqlite3_reset(st);
			return kz_err(err, KZ_EINVAL,
				"the hall has more than %d services; the queue replay takes "
				"at most that many",
				KZ_REPLAY_MAX_SERVICES);
		}
		r->service_id[r->nservices++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read services", err);
}

/* The active counters; those that call: open ones, and during lunch the
 * paused ones. */
static int
read_counters(struct kz_db *db, int at_lunch, struct kz_replay *r, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT c.number, c.state = 'open' OR (?1 AND c.state = 'paused'),"
		" c.state = 'paused', coalesce(t.service_id, 0),"
		" coalesce(t.called_at, 0),"
		" (SELECT group_concat(service_id) FROM counter_services WHERE counter_id = c.id)"
		" FROM counters c LEFT JOIN tickets t ON t.id = c.ticket_id"
		" WHERE c.active = 1 ORDER BY c.number",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, at_lunch);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_replay_counter *c =
			realloc(r->counters, (size_t)(r->ncounters + 1) * sizeof *c);
		const char *list = (const char *)sqlite3_column_text(st, 5);
		if (c == NULL) {
			sqlite3_reset(st);
			return kz_err(err, KZ_ENOMEM, "out of memory replaying the queue");
		}
		r->counters = c;
		c = &r->counters[r->ncounters++];
		*c = (struct kz_replay_counter){sqlite3_column_int(st, 0), 0, 0,
			sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
			kz_replay_service(r, sqlite3_column_int64(st, 3)),
			sqlite3_column_int64(st, 4)};
		for (const char *p = list; p && *p;) {
			int i = kz_replay_service(r, strtoll(p, NULL, 10));
			if (i >= 0)
				c->services |= UINT64_C(1) << i;
			p = strchr(p, ',');
			p = p ? p + 1 : NULL;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read counters", err);
}

/* Today's waiting tickets in the order kz_ticket_next calls them. */
static int
read_tickets(struct kz_db *db, const char *day, struct kz_replay *r, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT id, service_id FROM tickets WHERE state = 'waiting' AND day = ?"
		" ORDER BY issued_at, coalesce(origin_id, id)",
		err);
	int rc, added = KZ_OK;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while (added == KZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		added = add_ticket(r, sqlite3_column_int64(st, 0),
			kz_replay_service(r, sqlite3_column_int64(st, 1)), err);
	sqlite3_reset(st);
	if (added != KZ_OK)
		return added;
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read the queue", err);
}

int
kz_replay_read(struct kz_db *db, int64_t now, int lunch_start, int lunch_end, struct kz_replay *r,
	char *err)
{
	struct kz_date today = kz_date_of(now);
	char day[11];
	int rc;

	memset(r, 0, sizeof *r);
	kz_clock_day(now, day);
	r->lunch_start = kz_date_at(today, lunch_start);
	r->lunch_end = lunch_end > lunch_start ? kz_date_at(today, lunch_end) : r->lunch_start;
	if ((rc = read_services(db, r, err)) != KZ_OK ||
		(rc = read_counters(db, now >= r->lunch_start && now < r->lunch_end, r, err)) !=
			KZ_OK ||
		(rc = read_tickets(db, day, r, err)) != KZ_OK) {
		kz_replay_free(r);
		return rc;
	}
	return KZ_OK;
}
