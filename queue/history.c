/*
 * history.c - reading the event log back.  The audit rebuilds each
 * ticket's state from its events alone and compares it with the row, so the
 * log is proven sufficient to reconstruct what happened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "history.h"
#include "sql.h"

int
kz_history_ticket(struct kz_db *db, const char *number, const char *day,
	int (*fn)(const struct kz_event *ev, void *arg), void *arg, char *err)
{
	sqlite3_stmt *st;
	char today[11];
	int rc, n = 0;

	if (day == NULL) {
		kz_clock_day(kz_clock_now(), today);
		day = today;
	}
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT e.id, e.at, e.kind, t.number, s.code, c.number, k.full_name, e.detail,"
		" CASE WHEN e.kind = 'requeued' THEN t.transfer_comment END"
		" FROM events e JOIN tickets t ON t.id = e.ticket_id"
		" LEFT JOIN services s ON s.id = e.service_id"
		" LEFT JOIN counters c ON c.id = e.counter_id"
		" LEFT JOIN clerks k ON k.id = e.clerk_id"
		" WHERE t.number = ? AND t.day = ?"
		" ORDER BY e.id",
		err);
	if (st == NULL) {
		kz_db_rollback(db);
		return KZ_EDB;
	}
	kz_bind_text(st, 1, number);
	kz_bind_text(st, 2, day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_event ev = {0};
		ev.id = sqlite3_column_int64(st, 0);
		ev.at = sqlite3_column_int64(st, 1);
		kz_col_text(st, 2, ev.kind, sizeof ev.kind);
		kz_col_text(st, 3, ev.number, sizeof ev.number);
		kz_col_text(st, 4, ev.service, sizeof ev.service);
		ev.counter = sqlite3_column_int(st, 5);
		kz_col_text(st, 6, ev.clerk, sizeof ev.clerk);
		kz_col_text(st, 7, ev.detail, sizeof ev.detail);
		kz_col_text(st, 8, ev.comment, sizeof ev.comment);
		n++;
		if (fn(&ev, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	kz_db_rollback(db);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return kz_db_fail(db, rc, "read history", err);
	if (n == 0)
		return kz_err(err, KZ_ENOTFOUND, "no ticket %s was issued on %s", number, day);
	return KZ_OK;
}

/* What the log says about one ticket row. */
struct replay {
	enum kz_ticket_state state;
	enum kz_outcome outcome;
	int64_t counter_id, called_at, started_at, finished_at;
	int recalls, calls;
	int seen;
};

/* Replay one event of a ticket: one of its steps, or else its outcome
 * (served, no_show, ...: kz_event_outcome). */
static int
replay_event(struct replay *r, enum kz_event_kind kind, int64_t at, int64_t counter_id)
{
	enum kz_outcome outcome;

	switch (kind) {
	case KZ_EVENT_ISSUED:
	case KZ_EVENT_REQUEUED:
		if (r->seen)
			return -1;
		r->seen = 1;
		r->state = KZ_TICKET_WAITING;
		break;
	case KZ_EVENT_CALLED:
		if (!r->seen || r->state != KZ_TICKET_WAITING)
			return -1;
		r->state = KZ_TICKET_CALLED;
		r->counter_id = counter_id;
		r->called_at = at;
		r->calls++;
		break;
	case KZ_EVENT_RECALLED:
		if (!r->seen || r->state != KZ_TICKET_CALLED)
			return -1;
		r->recalls++;
		break;
	case KZ_EVENT_STARTED:
		if (!r->seen || r->state != KZ_TICKET_CALLED)
			return -1;
		r->state = KZ_TICKET_SERVING;
		r->started_at = at;
		break;
	case KZ_EVENT_POSTPONED:
		if (!r->seen || (r->state != KZ_TICKET_CALLED && r->state != KZ_TICKET_SERVING) ||
			counter_id != r->counter_id)
			return -1;
		r->state = KZ_TICKET_POSTPONED;
		break;
	case KZ_EVENT_RETURNED:
		/* back to where the visit was: called, or in service if it had
		 * started; the same counter, and not a second call (p.7.2) */
		if (!r->seen || r->state != KZ_TICKET_POSTPONED || counter_id != r->counter_id)
			return -1;
		r->state = r->started_at ? KZ_TICKET_SERVING : KZ_TICKET_CALLED;
		break;
	case KZ_EVENT_PRINT_UNSEEN:
	case KZ_EVENT_PRINT_ASKED:
	case KZ_EVENT_PRINT_EXPIRED:
		/* what became of the ticket's paper, not of the visitor: any state,
		 * but only of a ticket that was issued */
		return r->seen ? 0 : -1;
	default:
		outcome = kz_event_outcome(kind);
		if (outcome == KZ_OUTCOME_NONE || r->state == KZ_TICKET_DONE || !r->seen)
			return -1;
		/* close of day ends the waiting, a clerk's finish the called; a
		 * postponement ends by running out or by close of day */
		if (r->state == KZ_TICKET_POSTPONED
				? outcome != KZ_NO_SHOW && outcome != KZ_OFFICE_CLOSED
				: (outcome == KZ_OFFICE_CLOSED) != (r->state == KZ_TICKET_WAITING))
			return -1;
		r->state = KZ_TICKET_DONE;
		r->outcome = outcome;
		r->finished_at = at;
		break;
	}
	return 0;
}

static int
replay_log(struct kz_db *db, struct replay *rs, int64_t max, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT id, ticket_id, kind, at, coalesce(counter_id, 0) FROM events"
		" WHERE ticket_id IS NOT NULL ORDER BY id",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t tid = sqlite3_column_int64(st, 1);
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		if (tid < 1 || tid > max ||
			replay_event(&rs[tid], kz_event_from_db(kind), sqlite3_column_int64(st, 3),
				sqlite3_column_int64(st, 4)) != 0) {
			rc = kz_err(err, KZ_EDB, "event %lld ('%s') makes no sense for ticket %lld",
				(long long)sqlite3_column_int64(st, 0), kind, (long long)tid);
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read events", err);
}

static int
compare_rows(struct kz_db *db, const struct replay *rs, int64_t max, int64_t *count, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT t.id, t.number, t.state, coalesce(t.outcome, ''), coalesce(t.counter_id, 0),"
		" coalesce(t.called_at, 0), coalesce(t.started_at, 0), coalesce(t.finished_at, 0),"
		" t.recalls, (SELECT count(*) FROM counters c WHERE c.ticket_id = t.id)"
		" FROM tickets t ORDER BY t.id",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const struct replay *r = id <= max ? &rs[id] : NULL;
		const char *state = (const char *)sqlite3_column_text(st, 2);
		enum kz_ticket_state s = kz_ticket_state_from_db(state);
		int at_counters = sqlite3_column_int(st, 9);
		int bad = r == NULL || !r->seen || r->state != s ||
			r->outcome !=
				kz_outcome_from_db((const char *)sqlite3_column_text(st, 3)) ||
			r->counter_id != sqlite3_column_int64(st, 4) ||
			r->called_at != sqlite3_column_int64(st, 5) ||
			r->started_at != sqlite3_column_int64(st, 6) ||
			r->finished_at != sqlite3_column_int64(st, 7) ||
			r->recalls != sqlite3_column_int(st, 8) || r->calls > 1 ||
			at_counters != (s == KZ_TICKET_CALLED || s == KZ_TICKET_SERVING);
		if (bad) {
			rc = kz_err(err, KZ_EDB,
				"ticket %s (row %lld, %s) does not agree with the event log",
				(const char *)sqlite3_column_text(st, 1), (long long)id, state);
			sqlite3_reset(st);
			return rc;
		}
		(*count)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "read tickets", err);
}

/* Each service's numbers of a day run 1..N with no gap and no repeat, and
 * the daily sequence stands at N: a number is never reused or skipped. */
static int
check_numbering(struct kz_db *db, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT t.day, s.code, count(*), max(t.seq), count(DISTINCT t.seq),"
		" (SELECT last FROM day_sequences q WHERE q.day = t.day AND q.service_id = s.id)"
		" FROM tickets t JOIN services s ON s.id = t.service_id"
		" WHERE t.origin_id IS NULL GROUP BY t.day, s.id",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 2);
		if (sqlite3_column_int(st, 3) != n || sqlite3_column_int(st, 4) != n ||
			sqlite3_column_int(st, 5) != n) {
			rc = kz_err(err, KZ_EDB,
				"service %s on %s: %d tickets but numbers up to %d (%d distinct, "
				"sequence at %d)",
				(const char *)sqlite3_column_text(st, 1),
				(const char *)sqlite3_column_text(st, 0), n,
				sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
				sqlite3_column_int(st, 5));
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "check numbering", err);
}

int
kz_history_audit(struct kz_db *db, int64_t *tickets, char *err)
{
	struct replay *rs = NULL;
	sqlite3_stmt *st;
	int64_t max = 0, count = 0;
	int rc;

	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "SELECT coalesce(max(id), 0) FROM tickets", err);
	if (st == NULL) {
		rc = KZ_EDB;
		goto out;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		max = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	rs = calloc((size_t)max + 1, sizeof *rs);
	if (rs == NULL) {
		rc = kz_err(err, KZ_ENOMEM, "out of memory auditing %lld tickets", (long long)max);
		goto out;
	}
	if ((rc = replay_log(db, rs, max, err)) == KZ_OK &&
		(rc = compare_rows(db, rs, max, &count, err)) == KZ_OK)
		rc = check_numbering(db, err);
out:
	free(rs);
	kz_db_rollback(db);
	if (tickets)
		*tickets = count;
	return rc;
}
