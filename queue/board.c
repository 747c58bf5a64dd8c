/* board.c - the hall display's snapshot; see board.h. */
#include <string.h>

#include "board.h"
#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "sql.h"

static int
read_calls(struct kz_db *db, int ncalls, int64_t since, struct kz_board *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT e.id, e.at, t.number, c.number, e.kind = 'recalled' FROM events e"
		" JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id"
		" WHERE e.kind IN ('called', 'recalled') AND e.at >= ?"
		" ORDER BY e.at DESC, e.id DESC LIMIT ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, since);
	sqlite3_bind_int(st, 2, ncalls);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->ncalls < KZ_BOARD_CALLS) {
		struct kz_call *c = &out->calls[out->ncalls++];
		c->event = sqlite3_column_int64(st, 0);
		c->at = sqlite3_column_int64(st, 1);
		kz_col_text(st, 2, c->number, sizeof c->number);
		c->counter = sqlite3_column_int(st, 3);
		c->recall = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? KZ_OK
						     : kz_db_fail(db, rc, "read calls", err);
}

int
kz_board_read(struct kz_db *db, int ncalls, struct kz_board *out, char *err)
{
	int rc;

	out->ncalls = 0;
	if (ncalls > KZ_BOARD_CALLS)
		ncalls = KZ_BOARD_CALLS;
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	if ((rc = kz_status_fill(db, &out->status, err)) == KZ_OK)
		rc = read_calls(db, ncalls, kz_date_at(kz_date_of(out->status.now), 0), out, err);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_board_last_call(struct kz_db *db, int64_t *event, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(max(id), 0) FROM events WHERE kind IN ('called', 'recalled')",
		err);

	if (st == NULL)
		return KZ_EDB;
	return kz_db_step_int(db, st, event, "read calls", err);
}
