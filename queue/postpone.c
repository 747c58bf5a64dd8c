/*
 * postpone.c - postpone and return; see postpone.h.  Each public function
 * wraps one static do_* in a transaction (IN_TX, sql.h).
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "postpone.h"
#include "sql.h"
#include "utf8.h"

#define CALLED  (1u << KZ_TICKET_CALLED)
#define SERVING (1u << KZ_TICKET_SERVING)

/* One line of printable UTF-8, not empty, short enough to log. */
static int
check_reason(const char *reason, char *err)
{
	const unsigned char *p = (const unsigned char *)reason;
	uint32_t cp;
	int n, printable = 0;

	if (reason == NULL)
		return kz_err(err, KZ_EINVAL,
			"a postponement needs a reason (what the visitor went to fetch)");
	if (strlen(reason) >= KZ_POSTPONE_REASON_LEN)
		return kz_err(err, KZ_EINVAL,
			"the reason is too long: at most %d bytes, say it shortly",
			KZ_POSTPONE_REASON_LEN - 1);
	while (*p) {
		n = kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE || cp < 0x20 || cp == 0x7f)
			return kz_err(err, KZ_EINVAL,
				"the reason must be one line of text, without control characters");
		printable += cp != ' ';
		p += n;
	}
	if (!printable)
		return kz_err(err, KZ_EINVAL,
			"a postponement needs a reason (what the visitor went to fetch)");
	return KZ_OK;
}

static int
do_postpone(struct kz_db *db, int counter, const char *reason, int minutes, struct kz_ticket *out,
	char *err)
{
	int64_t now = kz_clock_now();
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_ticket_at_counter(db, counter, CALLED | SERVING, "postpone", &c, out, err)) !=
		KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE tickets SET state = 'postponed', postponed_at = ?, postponed_until = ?,"
		" postpone_reason = ? WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, now + (int64_t)minutes * 60);
	kz_bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "postpone ticket", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE counters SET ticket_id = NULL WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, c.id);
	if ((rc = kz_db_exec_stmt(db, st, "free counter", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_POSTPONED, out->id, c.id, c.clerk_id, 0,
			 reason, err)) != KZ_OK)
		return rc;
	return kz_ticket_load(db, out->id, out, err);
}

int
kz_ticket_postpone(struct kz_db *db, int counter, const char *reason, int minutes,
	struct kz_ticket *out, char *err)
{
	int rc;

	if ((rc = check_reason(reason, err)) != KZ_OK)
		return rc;
	if (minutes < 1 || minutes > KZ_POSTPONE_MAX_MINUTES)
		return kz_err(err, KZ_EINVAL,
			"a postponement lasts 1 to %d minutes, not %d; the visitor comes back "
			"within the day",
			KZ_POSTPONE_MAX_MINUTES, minutes);
	IN_TX(do_postpone(db, counter, reason, minutes, out, err));
}

/* Why ticket t, found today, cannot be called back to counter. */
static int
not_postponed_here(const struct kz_ticket *t, int counter, char *err)
{
	char hhmm[16];

	if (t->state == KZ_TICKET_DONE && t->outcome == KZ_NO_SHOW && t->postponed_until &&
		t->finished_at == t->postponed_until) {
		kz_clock_format(t->postponed_until, "%H:%M", hhmm, sizeof hhmm);
		return kz_err(err, KZ_EREJECT,
			"%s did not come back by %s: the postponement ran out and ended as a "
			"no-show; the visitor takes a new ticket",
			t->number, hhmm);
	}
	if (t->state != KZ_TICKET_POSTPONED)
		return kz_err(err, KZ_EREJECT,
			"%s is not postponed (it is %s); nothing was changed", t->number,
			kz_ticket_state_say(t->state));
	return kz_err(err, KZ_EREJECT,
		"%s was postponed at counter %d, not %d; only counter %d calls it back", t->number,
		t->counter, counter, t->counter);
}

static int
do_return(struct kz_db *db, int counter, const char *number, struct kz_ticket *out, char *err)
{
	int64_t now = kz_clock_now();
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_ticket_find(db, number, NULL, out, err)) != KZ_OK)
		return rc;
	if (out->state != KZ_TICKET_POSTPONED || out->counter != counter)
		return not_postponed_here(out, counter, err);
	if ((rc = kz_counter_ready(db, counter, &c, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE tickets SET state = CASE WHEN started_at IS NULL THEN 'called'"
		" ELSE 'serving' END, away_seconds = away_seconds + ?1 - postponed_at,"
		" postponed_at = NULL, clerk_id = ?2 WHERE id = ?3",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, c.clerk_id);
	sqlite3_bind_int64(st, 3, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "call back ticket", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE counters SET ticket_id = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, out->id);
	sqlite3_bind_int64(st, 2, c.id);
	if ((rc = kz_db_exec_stmt(db, st, "call back ticket", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_RETURNED, out->id, c.id, c.clerk_id, 0, NULL,
			 err)) != KZ_OK)
		return rc;
	return kz_ticket_load(db, out->id, out, err);
}

static int
expire_tx(struct kz_db *db, int counter, char *err)
{
	IN_TX(kz_postpone_expire(db, counter, kz_clock_now(), err));
}

int
kz_ticket_return(struct kz_db *db, int counter, const char *number, struct kz_ticket *out,
	char *err)
{
	int rc;

	if (number == NULL || *number == '\0')
		return kz_err(err, KZ_EINVAL, "which ticket comes back? give its number (A-003)");
	/* a run-out postponement is ended in its own transaction first, so the
	 * refusal below does not roll its no-show back */
	if ((rc = expire_tx(db, counter, err)) != KZ_OK)
		return rc;
	IN_TX(do_return(db, counter, number, out, err));
}

/* The rows, in a read transaction; *due: some ran out by now. */
static int
read_list(struct kz_db *db, int counter, int64_t now, struct kz_postponed *out, int max, int *n,
	int *due, char *err)
{
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	*n = *due = 0;
	if ((rc = kz_counter_row(db, counter, &c, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT t.number, s.code, coalesce(t.postpone_reason, ''), t.postponed_at,"
		" t.postponed_until, t.issued_at FROM tickets t JOIN services s ON s.id = t.service_id"
		" WHERE t.state = 'postponed' AND t.counter_id = ? ORDER BY t.postponed_until, t.id",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, c.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 4) <= now)
			*due = 1;
		if (*n < max) {
			struct kz_postponed *p = &out[*n];
			kz_col_text(st, 0, p->number, sizeof p->number);
			kz_col_text(st, 1, p->service, sizeof p->service);
			kz_col_text(st, 2, p->reason, sizeof p->reason);
			p->postponed_at = sqlite3_column_int64(st, 3);
			p->until = sqlite3_column_int64(st, 4);
			p->issued_at = sqlite3_column_int64(st, 5);
		}
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, "list postponed tickets", err);
}

static int
list_once(struct kz_db *db, int counter, int64_t now, struct kz_postponed *out, int max, int *n,
	int *due, char *err)
{
	int rc = kz_db_begin_read(db, err);

	if (rc != KZ_OK)
		return rc;
	rc = read_list(db, counter, now, out, max, n, due, err);
	kz_db_rollback(db);
	return rc;
}

int
kz_postponed_list(struct kz_db *db, int counter, struct kz_postponed *out, int max, int *n,
	char *err)
{
	int64_t now = kz_clock_now();
	int due = 0, rc;

	/* a read; the write lock is taken only when a postponement ran out */
	if ((rc = list_once(db, counter, now, out, max, n, &due, err)) != KZ_OK || !due)
		return rc;
	if ((rc = expire_tx(db, counter, err)) != KZ_OK)
		return rc;
	return list_once(db, counter, now, out, max, n, &due, err);
}
