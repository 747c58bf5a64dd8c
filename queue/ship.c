/*
 * ship.c - the hall's side of shipping to the region's centre; see ship.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "ship.h"
#include "sql.h"

static int
newest_id(struct kz_db *db, int64_t *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT coalesce(max(id), 0) FROM events", err);

	if (st == NULL)
		return KZ_EDB;
	return kz_db_step_int(db, st, out, "read the newest event", err);
}

static void
read_event(sqlite3_stmt *st, struct kz_ship_event *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->at = sqlite3_column_int64(st, 1);
	kz_col_text(st, 2, e->kind, sizeof e->kind);
	e->ticket_id = sqlite3_column_int64(st, 3);
	e->counter_id = sqlite3_column_int64(st, 4);
	e->clerk_id = sqlite3_column_int64(st, 5);
	e->service_id = sqlite3_column_int64(st, 6);
	e->has_detail = sqlite3_column_type(st, 7) != SQLITE_NULL;
	kz_col_text(st, 7, e->detail, sizeof e->detail);
}

static int
read_events(struct kz_db *db, int64_t after, int max, struct kz_ship_event *out, int *n,
	int64_t *newest, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT id, at, kind, ticket_id, counter_id, clerk_id, service_id, detail"
		" FROM events WHERE id > ? ORDER BY id LIMIT ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_event(st, &out[(*n)++]);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read the event log", err);
	return newest_id(db, newest, err);
}

int
kz_ship_read(struct kz_db *db, int64_t after, int max, struct kz_ship_event *out, int *n,
	int64_t *newest, char *err)
{
	int rc;

	if (max <= 0)
		return kz_err(err, KZ_EINVAL, "a batch of %d events; give 1 or more", max);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	rc = read_events(db, after, max, out, n, newest, err);
	kz_db_rollback(db);
	return rc;
}

static int
read_refs(struct kz_db *db, struct kz_ship_refs *r, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT id, code, name_kk, name_ru FROM services", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->nservices < KZ_MAX_SERVICES) {
		struct kz_ship_service *s = &r->services[r->nservices++];
		s->id = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, s->code, sizeof s->code);
		kz_col_text(st, 2, s->name_kk, sizeof s->name_kk);
		kz_col_text(st, 3, s->name_ru, sizeof s->name_ru);
	}
	sqlite3_reset(st);
	if ((st = kz_db_stmt(db, "SELECT id, number FROM counters", err)) == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->ncounters < KZ_MAX_COUNTERS) {
		r->counters[r->ncounters].id = sqlite3_column_int64(st, 0);
		r->counters[r->ncounters++].number = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	/* the names only: a clerk's position and PIN stay in the hall */
	if ((st = kz_db_stmt(db, "SELECT id, full_name FROM clerks ORDER BY id", err)) == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->nclerks < KZ_SHIP_MAX_CLERKS) {
		r->clerks[r->nclerks].id = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, r->clerks[r->nclerks++].full_name, KZ_NAME_LEN);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		? KZ_OK
		: kz_db_fail(db, rc, "read the services, counters and clerks", err);
}

int
kz_ship_refs_read(struct kz_db *db, struct kz_ship_refs *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	rc = read_refs(db, out, err);
	kz_db_rollback(db);
	return rc;
}

static uint64_t
fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void
kz_ship_hash(const struct kz_ship_event *e, char out[17])
{
	char nums[160];
	uint64_t h = 14695981039346656037ULL;
	int len = snprintf(nums, sizeof nums,
		"%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|%" PRId64 "|%d|",
		e->id, e->at, e->ticket_id, e->counter_id, e->clerk_id, e->service_id,
		e->has_detail);

	h = fnv(h, nums, (size_t)len);
	h = fnv(h, e->kind, strlen(e->kind) + 1);
	h = fnv(h, e->detail, strlen(e->detail));
	snprintf(out, 17, "%016" PRIx64, h);
}

static int
record(struct kz_db *db, const char *office, int64_t id, int64_t at, const char *problem, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO shipping (centre, confirmed_id, confirmed_at, problem)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (centre) DO UPDATE SET"
		" confirmed_id = ?2, confirmed_at = ?3, problem = ?4",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, office, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, at);
	sqlite3_bind_text(st, 4, problem ? problem : "", -1, SQLITE_TRANSIENT);
	return kz_db_exec_stmt(db, st, "record what the centre confirmed", err);
}

int
kz_ship_record(struct kz_db *db, const char *office, int64_t id, int64_t at, const char *problem,
	char *err)
{
	IN_TX(record(db, office, id, at, problem, err));
}

static int
state(struct kz_db *db, const char *office, struct kz_ship_state *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT confirmed_id, confirmed_at, problem FROM shipping WHERE centre = ?", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, office, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->confirmed_id = sqlite3_column_int64(st, 0);
		out->confirmed_at = sqlite3_column_int64(st, 1);
		kz_col_text(st, 2, out->problem, sizeof out->problem);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read what the centre confirmed", err);
	return newest_id(db, &out->newest_id, err);
}

int
kz_ship_state(struct kz_db *db, const char *office, struct kz_ship_state *out, char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	rc = state(db, office, out, err);
	kz_db_rollback(db);
	return rc;
}
