/* status.c - the hall now, in one read transaction; see status.h. */
#include <string.h>

#include "clock.h"
#include "error.h"
#include "sql.h"
#include "status.h"
#include "wait.h"

static int
read_services(struct kz_db *db, struct kz_status *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT s.code, s.prefix, s.name_kk, s.name_ru, count(t.id), min(t.issued_at)"
		" FROM services s LEFT JOIN tickets t ON t.service_id = s.id"
		"  AND t.state = 'waiting' AND t.day = ?"
		" WHERE s.active = 1 GROUP BY s.id ORDER BY s.code",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, out->day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->nservices < KZ_MAX_SERVICES) {
		struct kz_service_status *s = &out->services[out->nservices++];
		kz_col_text(st, 0, s->code, sizeof s->code);
		kz_col_text(st, 1, s->prefix, sizeof s->prefix);
		kz_col_text(st, 2, s->name_kk, sizeof s->name_kk);
		kz_col_text(st, 3, s->name_ru, sizeof s->name_ru);
		s->waiting = sqlite3_column_int(st, 4);
		s->oldest_issued_at = s->waiting > 0 ? sqlite3_column_int64(st, 5) : 0;
		if (s->waiting > 0)
			s->longest_wait = kz_wait_seconds(s->oldest_issued_at, 0, out->now);
		out->waiting += s->waiting;
		if (s->longest_wait > out->longest_wait)
			out->longest_wait = s->longest_wait;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? KZ_OK
						     : kz_db_fail(db, rc, "read services", err);
}

static int
read_counters(struct kz_db *db, struct kz_status *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT c.number, c.state, k.full_name, k.position,"
		" (SELECT group_concat(code, ', ') FROM (SELECT s.code FROM counter_services cs"
		"   JOIN services s ON s.id = cs.service_id WHERE cs.counter_id = c.id"
		"   ORDER BY s.code)),"
		" t.number, t.state, t.called_at + t.away_seconds"
		" FROM counters c LEFT JOIN clerks k ON k.id = c.clerk_id"
		" LEFT JOIN tickets t ON t.id = c.ticket_id"
		" WHERE c.active = 1 ORDER BY c.number",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->ncounters < KZ_MAX_COUNTERS) {
		struct kz_counter_status *c = &out->counters[out->ncounters++];
		c->number = sqlite3_column_int(st, 0);
		c->state = kz_counter_state_from_db((const char *)sqlite3_column_text(st, 1));
		kz_col_text(st, 2, c->clerk, sizeof c->clerk);
		kz_col_text(st, 3, c->position, sizeof c->position);
		kz_col_text(st, 4, c->services, sizeof c->services);
		kz_col_text(st, 5, c->ticket, sizeof c->ticket);
		c->ticket_state = kz_ticket_state_from_db((const char *)sqlite3_column_text(st, 6));
		c->ticket_since = sqlite3_column_int64(st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? KZ_OK
						     : kz_db_fail(db, rc, "read counters", err);
}

int
kz_status_fill(struct kz_db *db, struct kz_status *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->now = kz_clock_now();
	kz_clock_day(out->now, out->day);
	if ((rc = read_services(db, out, err)) == KZ_OK)
		rc = read_counters(db, out, err);
	return rc;
}

int
kz_status_read(struct kz_db *db, struct kz_status *out, char *err)
{
	int rc;

	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = kz_status_fill(db, out, err)) != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_status_waiting(struct kz_db *db, int64_t older_than, struct kz_waiting *out, int max, int *n,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT t.number, s.code, t.issued_at FROM tickets t"
		" JOIN services s ON s.id = t.service_id"
		" WHERE t.state = 'waiting' AND t.day = ? AND t.issued_at <= ?"
		" ORDER BY t.issued_at, t.id",
		err);
	int64_t now = kz_clock_now();
	char day[11];
	int rc;

	*n = 0;
	if (st == NULL)
		return KZ_EDB;
	kz_clock_day(now, day);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now - older_than);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct kz_waiting *w = &out[(*n)++];
		kz_col_text(st, 0, w->number, sizeof w->number);
		kz_col_text(st, 1, w->service, sizeof w->service);
		w->issued_at = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		? KZ_OK
		: kz_db_fail(db, rc, "read the waiting tickets", err);
}
