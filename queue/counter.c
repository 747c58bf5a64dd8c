/* counter.c - opening, pausing and closing counters; see counter.h. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "counter.h"
#include "error.h"
#include "names.h"
#include "sql.h"

static const struct kz_name states[] = {
	{KZ_COUNTER_CLOSED, "closed", NULL},
	{KZ_COUNTER_OPEN, "open", NULL},
	{KZ_COUNTER_PAUSED, "paused", NULL},
};

const char *
kz_counter_state_name(enum kz_counter_state s)
{
	return kz_name_of(KZ_NAMES(states), (int)s);
}

enum kz_counter_state
kz_counter_state_from_db(const char *s)
{
	return (enum kz_counter_state)kz_name_from_db(KZ_NAMES(states), s, KZ_COUNTER_CLOSED);
}

int
kz_counter_row(struct kz_db *db, int number, struct kz_counter_row *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT c.id, c.active, c.state, c.clerk_id, c.ticket_id, k.full_name"
		" FROM counters c LEFT JOIN clerks k ON k.id = c.clerk_id WHERE c.number = ?",
		err);
	char list[256];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, number);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		out->id = sqlite3_column_int64(st, 0);
		out->number = number;
		out->active = sqlite3_column_int(st, 1);
		out->state = kz_counter_state_from_db((const char *)sqlite3_column_text(st, 2));
		out->clerk_id = sqlite3_column_int64(st, 3);
		out->ticket_id = sqlite3_column_int64(st, 4);
		kz_col_text(st, 5, out->clerk, sizeof out->clerk);
		sqlite3_reset(st);
		if (out->active)
			return KZ_OK;
	} else {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return kz_db_fail(db, rc, "read counter", err);
	}
	/* "1, 2, 3": name the choices */
	kz_db_text(db,
		"SELECT group_concat(number, ', ') FROM"
		" (SELECT number FROM counters WHERE active = 1 ORDER BY number)",
		list, sizeof list);
	return kz_err(err, KZ_ENOTFOUND, "there is no counter %d in this hall; counters are %s",
		number, list[0] ? list : "not configured (run 'kezek init')");
}

static int
valid_text(const char *s, size_t max)
{
	return s != NULL && *s != '\0' && strlen(s) <= max;
}

int
kz_clerk_id(struct kz_db *db, const char *name, const char *position, int64_t *id, char *err)
{
	sqlite3_stmt *st;

	if (!valid_text(name, 200))
		return kz_err(err, KZ_EINVAL,
			"the clerk's full name is missing or longer than 200 "
			"bytes; give it with --clerk \"Surname Name Patronymic\"");
	if (!valid_text(position, 200))
		return kz_err(err, KZ_EINVAL,
			"the clerk's position is missing or longer than 200 "
			"bytes; give it with --position \"Chief specialist\"");
	st = kz_db_stmt(db,
		"INSERT INTO clerks (full_name, position) VALUES (?1, ?2)"
		" ON CONFLICT (full_name, position) DO UPDATE SET full_name = ?1 RETURNING id",
		err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, name);
	kz_bind_text(st, 2, position);
	return kz_db_step_int(db, st, id, "record clerk", err);
}

static int
set_state(struct kz_db *db, const struct kz_counter_row *c, enum kz_counter_state state,
	int64_t clerk_id, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "UPDATE counters SET state = ?, clerk_id = ? WHERE id = ?", err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, kz_counter_state_name(state), -1, SQLITE_STATIC);
	kz_bind_id(st, 2, clerk_id);
	sqlite3_bind_int64(st, 3, c->id);
	return kz_db_exec_stmt(db, st, "change counter", err);
}

/* The counter (other than self) this clerk is working at, or 0. */
static int
clerk_elsewhere(struct kz_db *db, int64_t clerk_id, int64_t self, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT number FROM counters WHERE clerk_id = ? AND id <> ? AND state <> 'closed'",
		err);
	int n = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, clerk_id);
	sqlite3_bind_int64(st, 2, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n;
}

static int
do_open(struct kz_db *db, int number, const char *clerk, const char *position, char *err)
{
	struct kz_counter_row c;
	int64_t clerk_id;
	int rc, other;

	if ((rc = kz_counter_row(db, number, &c, err)) != KZ_OK)
		return rc;
	if (c.state == KZ_COUNTER_OPEN)
		return kz_err(err, KZ_EREJECT, "counter %d is already open under %s", number,
			c.clerk);
	if ((rc = kz_clerk_id(db, clerk, position, &clerk_id, err)) != KZ_OK)
		return rc;
	other = clerk_elsewhere(db, clerk_id, c.id, err);
	if (other < 0)
		return KZ_EDB;
	if (other > 0)
		return kz_err(err, KZ_EREJECT,
			"%s is working at counter %d; close it there first with 'kezek counter close %d'",
			clerk, other, other);
	if ((rc = set_state(db, &c, KZ_COUNTER_OPEN, clerk_id, err)) != KZ_OK)
		return rc;
	return kz_event_add(db, kz_clock_now(),
		c.state == KZ_COUNTER_PAUSED ? KZ_EVENT_COUNTER_RESUMED : KZ_EVENT_COUNTER_OPENED,
		0, c.id, clerk_id, 0, NULL, err);
}

static int
do_pause_close(struct kz_db *db, int number, const char *clerk, const char *position, int closing,
	char *err)
{
	const char *verb = closing ? "close" : "pause";
	struct kz_counter_row c;
	int64_t clerk_id;
	int rc;

	if ((rc = kz_counter_row(db, number, &c, err)) != KZ_OK)
		return rc;
	if (c.state == KZ_COUNTER_CLOSED)
		return kz_err(err, KZ_EREJECT, "counter %d is closed; there is nothing to %s",
			number, verb);
	if (!closing && c.state == KZ_COUNTER_PAUSED)
		return kz_err(err, KZ_EREJECT, "counter %d is already paused", number);
	if (c.ticket_id != 0)
		return kz_err(err, KZ_EREJECT,
			"counter %d has a visitor at it; finish that ticket before you %s the counter "
			"(kezek finish %d --outcome ...)",
			number, verb, number);
	clerk_id = c.clerk_id;
	if (clerk != NULL && (rc = kz_clerk_id(db, clerk, position, &clerk_id, err)) != KZ_OK)
		return rc;
	if ((rc = set_state(db, &c, closing ? KZ_COUNTER_CLOSED : KZ_COUNTER_PAUSED,
		     closing ? 0 : c.clerk_id, err)) != KZ_OK)
		return rc;
	return kz_event_add(db, kz_clock_now(),
		closing ? KZ_EVENT_COUNTER_CLOSED : KZ_EVENT_COUNTER_PAUSED, 0, c.id, clerk_id, 0,
		NULL, err);
}

/* Run one counter change as one transaction. */
static int
in_transaction(struct kz_db *db, int number, const char *clerk, const char *position, int what,
	char *err)
{
	int rc = kz_db_begin(db, err);

	if (rc != KZ_OK)
		return rc;
	rc = kz_postpone_expire(db, number, kz_clock_now(), err);
	if (rc == KZ_OK)
		rc = what == 0 ? do_open(db, number, clerk, position, err)
			       : do_pause_close(db, number, clerk, position, what == 2, err);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_counter_open(struct kz_db *db, int number, const char *clerk, const char *position, char *err)
{
	return in_transaction(db, number, clerk, position, 0, err);
}

int
kz_counter_pause(struct kz_db *db, int number, const char *clerk, const char *position, char *err)
{
	return in_transaction(db, number, clerk, position, 1, err);
}

int
kz_counter_close(struct kz_db *db, int number, const char *clerk, const char *position, char *err)
{
	return in_transaction(db, number, clerk, position, 2, err);
}

int
kz_counter_first_unclosed(struct kz_db *db, int *number, enum kz_counter_state *state, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT number, state FROM counters WHERE active = 1 AND state <> 'closed'"
		" ORDER BY number LIMIT 1",
		err);
	int rc;

	*number = 0;
	*state = KZ_COUNTER_CLOSED;
	if (st == NULL)
		return KZ_EDB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*number = sqlite3_column_int(st, 0);
		*state = kz_counter_state_from_db((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read counters", err);
	return KZ_OK;
}

int
kz_counter_since(struct kz_db *db, int number, int64_t *since, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(max(e.at), 0) FROM events e JOIN counters c ON c.id = e.counter_id"
		" WHERE c.number = ? AND e.kind IN ('counter_opened', 'counter_resumed',"
		" 'counter_paused', 'counter_closed')",
		err);
	int rc;

	*since = 0;
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, number);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*since = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read the counter's state", err);
}
