/*
 * ship.c - the hall's side of shipping to the region's centre; see ship.h.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
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

/* --- the register rows named by events ------------------------------------- */

static int
has_table(struct kz_db *db, const char *name, int *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", err);
	int64_t n = 0;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = kz_db_step_int(db, st, &n, "look for a register", err);
	*out = n > 0;
	return rc;
}

/* Room for one more of size each in *rows (*n of *cap used). */
static void *
grow(void **rows, int *n, int *cap, size_t each)
{
	if (*n == *cap) {
		int c = *cap ? *cap * 2 : 64;
		void *p = realloc(*rows, (size_t)c * each);
		if (p == NULL)
			return NULL;
		*rows = p;
		*cap = c;
	}
	return (char *)*rows + (size_t)(*n)++ * each;
}

/* A local day from a UTC second, "" for none (SQL NULL or 0). */
static void
day_of(sqlite3_stmt *st, int col, char day[11])
{
	day[0] = '\0';
	if (sqlite3_column_type(st, col) != SQLITE_NULL && sqlite3_column_int64(st, col) != 0)
		kz_clock_day(sqlite3_column_int64(st, col), day);
}

static void
bind_range(sqlite3_stmt *st, int64_t after, int64_t upto)
{
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, upto);
}

/* What read_rows reads into: a growing array of rows of size each (*n of
 * them), each row filled by read from the statement's current row; what
 * names them in errors. */
struct rows {
	void **rows;
	int *n;
	size_t each;
	void (*read)(sqlite3_stmt *st, void *row);
	const char *what;
};

/* Every row of st, run over the events after..upto, appended to *to. */
static int
read_rows(struct kz_db *db, sqlite3_stmt *st, int64_t after, int64_t upto, const struct rows *to,
	char *err)
{
	char what[64];
	int rc, cap = 0;

	if (st == NULL)
		return KZ_EDB;
	bind_range(st, after, upto);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *row = grow(to->rows, to->n, &cap, to->each);
		if (row == NULL) {
			sqlite3_reset(st);
			return kz_err(err, KZ_ENOMEM, "out of memory reading the %s", to->what);
		}
		memset(row, 0, to->each);
		to->read(st, row);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return KZ_OK;
	snprintf(what, sizeof what, "read the %s", to->what);
	return kz_db_fail(db, rc, what, err);
}

static void
app_row(sqlite3_stmt *st, void *row)
{
	struct kz_ship_app *a = row;

	a->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, a->number, sizeof a->number);
	kz_col_text(st, 2, a->kind, sizeof a->kind);
	kz_col_text(st, 3, a->status, sizeof a->status);
	kz_col_text(st, 4, a->day, sizeof a->day);
	kz_col_text(st, 5, a->due, sizeof a->due);
	kz_col_text(st, 6, a->decided, sizeof a->decided);
	kz_col_text(st, 7, a->notice_due, sizeof a->notice_due);
	day_of(st, 8, a->notice_sent);
	a->handed = sqlite3_column_int(st, 9);
}

static int
read_apps(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *c, char *err)
{
	const struct rows to = {(void **)&c->apps, &c->napps, sizeof *c->apps, app_row,
		"applications"};

	return read_rows(db,
		kz_db_stmt(db,
			"SELECT id, number, kind, status, day, due_day, coalesce(decided_day, ''),"
			" coalesce(notice_due_day, ''), notice_sent_at, handed_at IS NOT NULL"
			" FROM applications WHERE number IN (SELECT detail FROM events"
			"  WHERE id > ?1 AND id <= ?2 AND kind LIKE 'app\\_%' ESCAPE '\\')"
			" ORDER BY id",
			err),
		after, upto, &to, err);
}

static void
complaint_row(sqlite3_stmt *st, void *row)
{
	struct kz_ship_complaint *m = row;

	m->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, m->number, sizeof m->number);
	kz_col_text(st, 2, m->kind, sizeof m->kind);
	kz_col_text(st, 3, m->channel, sizeof m->channel);
	day_of(st, 4, m->day);
	kz_col_text(st, 5, m->due, sizeof m->due);
	day_of(st, 6, m->answered);
	m->days = sqlite3_column_int(st, 7);
}

static int
read_complaints(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *c, char *err)
{
	const struct rows to = {(void **)&c->complaints, &c->ncomplaints, sizeof *c->complaints,
		complaint_row, "complaints"};

	/* an event's detail starts with the complaint's number */
	return read_rows(db,
		kz_db_stmt(db,
			"SELECT id, number, kind, channel, registered_at, due_day, answered_at, days"
			" FROM complaints WHERE number IN (SELECT substr(detail, 1,"
			"  instr(detail || ' ', ' ') - 1) FROM events"
			"  WHERE id > ?1 AND id <= ?2 AND kind LIKE 'complaint\\_%' ESCAPE '\\')"
			" ORDER BY id",
			err),
		after, upto, &to, err);
}

static void
ballot_row(sqlite3_stmt *st, void *row)
{
	struct kz_ship_ballot *b = row;

	b->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, b->day, sizeof b->day);
	for (int i = 0; i < 4; i++)
		b->answers[i] = sqlite3_column_type(st, 2 + i) == SQLITE_NULL
			? -1
			: sqlite3_column_int(st, 2 + i);
}

static int
read_ballots(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *c, char *err)
{
	const struct rows to = {(void **)&c->ballots, &c->nballots, sizeof *c->ballots, ballot_row,
		"ballots"};

	/* a feedback event names its row: "feedback N" */
	return read_rows(db,
		kz_db_stmt(db,
			"SELECT id, day, quality, information, appeal, politeness FROM feedback"
			" WHERE id IN (SELECT CAST(substr(detail, 10) AS INTEGER) FROM events"
			"  WHERE id > ?1 AND id <= ?2 AND kind = 'feedback')"
			" ORDER BY id",
			err),
		after, upto, &to, err);
}

static int
read_cases(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *c, char *err)
{
	int apps, complaints, ballots, rc;

	if ((rc = has_table(db, "applications", &apps, err)) != KZ_OK ||
		(rc = has_table(db, "complaints", &complaints, err)) != KZ_OK ||
		(rc = has_table(db, "feedback", &ballots, err)) != KZ_OK)
		return rc;
	if (apps && (rc = read_apps(db, after, upto, c, err)) != KZ_OK)
		return rc;
	if (complaints && (rc = read_complaints(db, after, upto, c, err)) != KZ_OK)
		return rc;
	return ballots ? read_ballots(db, after, upto, c, err) : KZ_OK;
}

int
kz_ship_cases_read(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *out,
	char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	rc = read_cases(db, after, upto, out, err);
	kz_db_rollback(db);
	if (rc != KZ_OK)
		kz_ship_cases_free(out);
	return rc;
}

void
kz_ship_cases_free(struct kz_ship_cases *c)
{
	free(c->apps);
	free(c->complaints);
	free(c->ballots);
	memset(c, 0, sizeof *c);
}
