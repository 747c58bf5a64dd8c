/*
 * send.c - one batch into the centre; see send.h.  The events go in as one
 * statement over arrays (unnest), so a batch costs a few round trips
 * whatever its size.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/error.h"
#include "send.h"

/* A growing text: a PostgreSQL array literal being written. */
struct text {
	char *s;
	size_t len, cap;
	int failed;
};

static void
put(struct text *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *p = realloc(t->s, cap);
		if (p == NULL) {
			t->failed = 1;
			return;
		}
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void
sep(struct text *t)
{
	put(t, t->len == 0 ? "{" : ",", 1);
}

static void
put_id(struct text *t, int64_t v, int zero_is_null)
{
	char buf[32];

	sep(t);
	if (zero_is_null && v == 0) {
		put(t, "NULL", 4);
		return;
	}
	snprintf(buf, sizeof buf, "%" PRId64, v);
	put(t, buf, strlen(buf));
}

/* An element in double quotes, its quotes and backslashes escaped. */
static void
put_text(struct text *t, const char *s, int is_null)
{
	sep(t);
	if (is_null) {
		put(t, "NULL", 4);
		return;
	}
	put(t, "\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			put(t, "\\", 1);
		put(t, s, 1);
	}
	put(t, "\"", 1);
}

static void
close_array(struct text *t)
{
	if (t->len == 0)
		put(t, "{", 1);
	put(t, "}", 1);
}

int
kz_send_hello(struct kz_pg *pg, const struct kz_send_office *o, struct kz_send_held *out, char *err)
{
	char nums[4][16];
	const char *p[8] = {o->office, o->name_kk, o->name_ru, o->timezone, nums[0], nums[1],
		nums[2], nums[3]};
	PGresult *res;
	int rc;

	snprintf(nums[0], sizeof nums[0], "%d", o->wait_limit);
	snprintf(nums[1], sizeof nums[1], "%d", o->service_limit);
	snprintf(nums[2], sizeof nums[2], "%d", o->lunch_start);
	snprintf(nums[3], sizeof nums[3], "%d", o->lunch_end);
	rc = kz_pg_query(pg,
		"INSERT INTO offices (office, name_kk, name_ru, timezone, wait_limit,"
		" service_limit, lunch_start, lunch_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		" ON CONFLICT (office) DO UPDATE SET name_kk = $2, name_ru = $3, timezone = $4,"
		" wait_limit = $5, service_limit = $6, lunch_start = $7, lunch_end = $8"
		" RETURNING held_id, batches, skew_seconds, problem",
		8, p, &res, "register the office", err);
	if (rc != KZ_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->held_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	out->batches = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	out->skew_seconds = atoi(PQgetvalue(res, 0, 2));
	snprintf(out->problem, sizeof out->problem, "%s", PQgetvalue(res, 0, 3));
	PQclear(res);
	return KZ_OK;
}

int
kz_send_problem(struct kz_pg *pg, const char *office, const char *problem, char *err)
{
	const char *p[] = {office, problem};
	PGresult *res;
	int rc = kz_pg_query(pg, "UPDATE offices SET problem = $2 WHERE office = $1", 2, p, &res,
		"record the office's problem", err);

	PQclear(res);
	return rc;
}

/* Run one parameterised statement and drop its result. */
static int
run(struct kz_pg *pg, const char *sql, int n, const char *const *p, const char *what, char *err)
{
	PGresult *res;
	int rc = kz_pg_query(pg, sql, n, p, &res, what, err);

	PQclear(res);
	return rc;
}

static int
send_refs(struct kz_pg *pg, const char *office, const struct kz_ship_refs *r, char *err)
{
	char id[32], num[16];
	int rc = KZ_OK;

	for (int i = 0; i < r->nservices && rc == KZ_OK; i++) {
		const char *p[] = {office, id, r->services[i].code, r->services[i].name_kk,
			r->services[i].name_ru};
		snprintf(id, sizeof id, "%" PRId64, r->services[i].id);
		rc = run(pg,
			"INSERT INTO services VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office, id)"
			" DO UPDATE SET code = $3, name_kk = $4, name_ru = $5",
			5, p, "send the services", err);
	}
	for (int i = 0; i < r->ncounters && rc == KZ_OK; i++) {
		const char *p[] = {office, id, num};
		snprintf(id, sizeof id, "%" PRId64, r->counters[i].id);
		snprintf(num, sizeof num, "%d", r->counters[i].number);
		rc = run(pg,
			"INSERT INTO counters VALUES ($1, $2, $3) ON CONFLICT (office, id)"
			" DO UPDATE SET number = $3",
			3, p, "send the counters", err);
	}
	for (int i = 0; i < r->nclerks && rc == KZ_OK; i++) {
		const char *p[] = {office, id, r->clerks[i].full_name};
		snprintf(id, sizeof id, "%" PRId64, r->clerks[i].id);
		rc = run(pg,
			"INSERT INTO clerks VALUES ($1, $2, $3) ON CONFLICT (office, id)"
			" DO UPDATE SET full_name = $3",
			3, p, "send the clerks' names", err);
	}
	return rc;
}

/* The batch's columns as nine array literals. */
static int
arrays(const struct kz_ship_event *ev, int n, struct text a[9], char *err)
{
	for (int i = 0; i < n; i++) {
		char hash[17];
		kz_ship_hash(&ev[i], hash);
		put_id(&a[0], ev[i].id, 0);
		put_id(&a[1], ev[i].at, 0);
		put_text(&a[2], ev[i].kind, 0);
		put_id(&a[3], ev[i].ticket_id, 1);
		put_id(&a[4], ev[i].counter_id, 1);
		put_id(&a[5], ev[i].clerk_id, 1);
		put_id(&a[6], ev[i].service_id, 1);
		put_text(&a[7], ev[i].detail, !ev[i].has_detail);
		put_text(&a[8], hash, 0);
	}
	for (int i = 0; i < 9; i++) {
		close_array(&a[i]);
		if (a[i].failed)
			return kz_err(err, KZ_ENOMEM, "out of memory sending %d events", n);
	}
	return KZ_OK;
}

/* A day, or SQL NULL for "". */
static void
put_day(struct text *t, const char *day)
{
	put_text(t, day, day[0] == '\0');
}

static int
arrays_done(struct text *a, int n, const char *what, char *err)
{
	for (int i = 0; i < n; i++) {
		close_array(&a[i]);
		if (a[i].failed)
			return kz_err(err, KZ_ENOMEM, "out of memory sending %s", what);
	}
	return KZ_OK;
}

static void
free_arrays(struct text *a, int n)
{
	for (int i = 0; i < n; i++)
		free(a[i].s);
}

/* One statement over n array parameters after the office. */
static int
run_arrays(struct kz_pg *pg, const char *office, const char *sql, struct text *a, int n,
	const char *what, char *err)
{
	const char *p[12] = {office};
	int rc;

	if ((rc = arrays_done(a, n, what, err)) == KZ_OK) {
		for (int i = 0; i < n; i++)
			p[1 + i] = a[i].s;
		rc = run(pg, sql, n + 1, p, what, err);
	}
	free_arrays(a, n);
	return rc;
}

static int
send_apps(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err)
{
	struct text a[10] = {{0}};

	for (int i = 0; i < c->napps; i++) {
		const struct kz_ship_app *x = &c->apps[i];
		put_id(&a[0], x->id, 0);
		put_text(&a[1], x->number, 0);
		put_text(&a[2], x->kind, 0);
		put_text(&a[3], x->status, 0);
		put_day(&a[4], x->day);
		put_day(&a[5], x->due);
		put_day(&a[6], x->decided);
		put_day(&a[7], x->notice_due);
		put_day(&a[8], x->notice_sent);
		put_text(&a[9], x->handed ? "t" : "f", 0);
	}
	return run_arrays(pg, office,
		"INSERT INTO applications (office, id, number, kind, status, day, due_day,"
		" decided_day, notice_due_day, notice_sent_day, handed)"
		" SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[],"
		"  $6::date[], $7::date[], $8::date[], $9::date[], $10::date[], $11::boolean[])"
		" ON CONFLICT (office, id) DO UPDATE SET number = EXCLUDED.number,"
		"  kind = EXCLUDED.kind, status = EXCLUDED.status, day = EXCLUDED.day,"
		"  due_day = EXCLUDED.due_day, decided_day = EXCLUDED.decided_day,"
		"  notice_due_day = EXCLUDED.notice_due_day,"
		"  notice_sent_day = EXCLUDED.notice_sent_day, handed = EXCLUDED.handed",
		a, 10, "send the applications", err);
}

static int
send_complaints(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err)
{
	struct text a[8] = {{0}};

	for (int i = 0; i < c->ncomplaints; i++) {
		const struct kz_ship_complaint *x = &c->complaints[i];
		put_id(&a[0], x->id, 0);
		put_text(&a[1], x->number, 0);
		put_text(&a[2], x->kind, 0);
		put_text(&a[3], x->channel, 0);
		put_day(&a[4], x->day);
		put_id(&a[5], x->days, 0);
		put_day(&a[6], x->due);
		put_day(&a[7], x->answered);
	}
	return run_arrays(pg, office,
		"INSERT INTO complaints (office, id, number, kind, channel, day, days, due_day,"
		" answered_day)"
		" SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[],"
		"  $6::date[], $7::int[], $8::date[], $9::date[])"
		" ON CONFLICT (office, id) DO UPDATE SET number = EXCLUDED.number,"
		"  kind = EXCLUDED.kind, channel = EXCLUDED.channel, day = EXCLUDED.day,"
		"  days = EXCLUDED.days, due_day = EXCLUDED.due_day,"
		"  answered_day = EXCLUDED.answered_day",
		a, 8, "send the complaints", err);
}

static void
put_answer(struct text *t, int v)
{
	sep(t);
	put(t, v < 0 ? "NULL" : v ? "1" : "0", v < 0 ? 4 : 1);
}

static int
send_ballots(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err)
{
	struct text a[6] = {{0}};

	for (int i = 0; i < c->nballots; i++) {
		const struct kz_ship_ballot *x = &c->ballots[i];
		put_id(&a[0], x->id, 0);
		put_day(&a[1], x->day);
		for (int q = 0; q < 4; q++)
			put_answer(&a[2 + q], x->answers[q]);
	}
	/* a ballot never changes: one sent again lands once */
	return run_arrays(pg, office,
		"INSERT INTO ballots (office, id, day, quality, information, appeal, politeness)"
		" SELECT $1, * FROM unnest($2::bigint[], $3::date[], $4::smallint[],"
		"  $5::smallint[], $6::smallint[], $7::smallint[])"
		" ON CONFLICT (office, id) DO NOTHING",
		a, 6, "send the ballots", err);
}

int
kz_send_cases(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err)
{
	int rc = KZ_OK;

	if (c->napps > 0)
		rc = send_apps(pg, office, c, err);
	if (rc == KZ_OK && c->ncomplaints > 0)
		rc = send_complaints(pg, office, c, err);
	if (rc == KZ_OK && c->nballots > 0)
		rc = send_ballots(pg, office, c, err);
	return rc;
}

static const char insert_events[] =
	"WITH b AS (SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[],"
	"   $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::text[])"
	"   AS b(event_id, at, kind, ticket_id, counter_id, clerk_id, service_id, detail, hash)),"
	" differ AS (SELECT e.event_id, e.hash AS held, b.hash AS sent FROM events e"
	"   JOIN b USING (event_id) WHERE e.office = $1 AND e.hash <> b.hash),"
	" ins AS (INSERT INTO events SELECT $1, b.* FROM b WHERE NOT EXISTS (SELECT 1 FROM differ)"
	"   ON CONFLICT (office, event_id) DO NOTHING RETURNING 1)"
	" SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM differ),"
	" (SELECT coalesce(json_agg(json_build_array(event_id, held, sent)), '[]') FROM differ)";

/* The places of every ticket with events over after: their own columns
 * from their events (a visitor sent on: the place before is the ticket of
 * the 'transferred' event just before its 'requeued'), then the first
 * issue carried along the places sent on, then the figures. */
/* The tickets with events over $2, once a rebuild, in a temporary table:
 * each statement starts from them, so a batch costs its own tickets' rows,
 * never a scan of the office's log.  The row comparison keeps the scan on
 * the primary key's range whatever the statistics say (an office new to
 * the centre has none yet). */
static const char touched_make[] =
	"CREATE TEMP TABLE IF NOT EXISTS touched (ticket_id bigint PRIMARY KEY)"
	" ON COMMIT DELETE ROWS";
static const char touched_fill[] =
	"WITH d AS (DELETE FROM touched)"
	" INSERT INTO touched SELECT DISTINCT ticket_id FROM events"
	" WHERE office = $1 AND (office, event_id) > ($1, $2::bigint) AND ticket_id IS NOT NULL";

static const char rebuild_own[] =
	"INSERT INTO places (office, ticket_id, prev_ticket, origin, service_id, counter_id,"
	" clerk_id, own_issued, issued, called, started, finished, outcome)"
	" SELECT $1, t.ticket_id, x.* FROM touched t, LATERAL (SELECT"
	"  max((SELECT p.ticket_id FROM events p WHERE p.office = $1"
	"   AND p.event_id = e.event_id - 1 AND p.kind = 'transferred'))"
	"   FILTER (WHERE e.kind = 'requeued'),"
	"  bool_or(e.kind = 'issued'),"
	"  max(e.service_id) FILTER (WHERE e.kind IN ('issued', 'requeued')),"
	"  (array_agg(e.counter_id ORDER BY e.event_id DESC) FILTER (WHERE e.kind = 'called'))[1],"
	"  (array_agg(e.clerk_id ORDER BY e.event_id DESC) FILTER (WHERE e.kind = 'called'))[1],"
	"  min(e.at) FILTER (WHERE e.kind IN ('issued', 'requeued')),"
	"  min(e.at) FILTER (WHERE e.kind IN ('issued', 'requeued')),"
	"  (array_agg(e.at ORDER BY e.event_id DESC) FILTER (WHERE e.kind = 'called'))[1],"
	"  min(e.at) FILTER (WHERE e.kind = 'started'),"
	"  max(e.at) FILTER (WHERE e.kind IN ('served', 'no_show', 'transferred', 'cancelled',"
	"   'office_closed')),"
	"  (array_agg(e.kind ORDER BY e.event_id DESC) FILTER (WHERE e.kind IN ('served',"
	"   'no_show', 'transferred', 'cancelled', 'office_closed')))[1]"
	"  FROM events e WHERE e.office = $1 AND e.ticket_id = t.ticket_id) x"
	" ON CONFLICT (office, ticket_id) DO UPDATE SET prev_ticket = EXCLUDED.prev_ticket,"
	"  origin = EXCLUDED.origin, service_id = EXCLUDED.service_id,"
	"  counter_id = EXCLUDED.counter_id, clerk_id = EXCLUDED.clerk_id,"
	"  own_issued = EXCLUDED.own_issued, issued = EXCLUDED.issued, called = EXCLUDED.called,"
	"  started = EXCLUDED.started, finished = EXCLUDED.finished, outcome = EXCLUDED.outcome";

static const char rebuild_issue[] =
	"UPDATE places c SET issued = p.issued FROM touched t, places p"
	" WHERE c.office = $1 AND c.ticket_id = t.ticket_id AND p.office = $1"
	"  AND p.ticket_id = c.prev_ticket AND c.issued IS DISTINCT FROM p.issued";

/* As queue/report-days.c and queue/wait.h count them: a wait ends at the
 * call, or at the close of day for a visitor never called; a service time
 * runs from the call to the finish of a visitor who came up; a wait spans
 * lunch if it overlaps the day's break. */
static const char rebuild_figures[] =
	"UPDATE places c SET day = x.day, hour = x.hour, wait = x.wait, service = x.service,"
	"  lunch = x.lunch, wait_ok = x.wait <= x.wait_limit,"
	"  service_ok = x.service <= x.service_limit"
	" FROM (SELECT p.ticket_id, d.day, d.hour, o.wait_limit, o.service_limit,"
	"   CASE WHEN w.wend IS NOT NULL THEN greatest(w.wend - p.issued, 0) END AS wait,"
	"   CASE WHEN p.called IS NOT NULL AND p.started IS NOT NULL AND p.finished IS NOT NULL"
	"    THEN greatest(p.finished - p.called, 0) END AS service,"
	"   coalesce(o.lunch_end > o.lunch_start"
	"    AND p.issued < extract(epoch FROM ((d.day + o.lunch_end * interval '1 minute')"
	"     AT TIME ZONE o.timezone))"
	"    AND w.wend > extract(epoch FROM ((d.day + o.lunch_start * interval '1 minute')"
	"     AT TIME ZONE o.timezone)), false) AS lunch"
	"  FROM touched t JOIN places p ON p.office = $1 AND p.ticket_id = t.ticket_id"
	"   JOIN offices o ON o.office = p.office,"
	"   LATERAL (SELECT (to_timestamp(p.issued) AT TIME ZONE o.timezone)::date AS day,"
	"    extract(hour FROM to_timestamp(p.issued) AT TIME ZONE o.timezone)::smallint AS hour) d,"
	"   LATERAL (SELECT coalesce(p.called, CASE WHEN p.outcome = 'office_closed'"
	"    THEN p.finished END) AS wend) w) x"
	" WHERE c.office = $1 AND c.ticket_id = x.ticket_id";

int
kz_send_rebuild(struct kz_pg *pg, const char *office, int64_t after, char *err)
{
	char from[32];
	const char *p[] = {office, from};
	int rc;

	snprintf(from, sizeof from, "%" PRId64, after);
	if ((rc = kz_pg_exec(pg, touched_make, "make room for the places", err)) != KZ_OK ||
		(rc = run(pg, touched_fill, 2, p, "find the tickets touched", err)) != KZ_OK ||
		(rc = run(pg, rebuild_own, 1, p, "rebuild the places", err)) != KZ_OK)
		return rc;
	for (int i = 0; i < 64; i++) { /* a visitor sent on again and again: one link a turn */
		PGresult *res;
		int changed;
		if ((rc = kz_pg_query(pg, rebuild_issue, 1, p, &res, "carry the first issue",
			     err)) != KZ_OK)
			return rc;
		changed = atoi(PQcmdTuples(res));
		PQclear(res);
		if (changed == 0)
			break;
	}
	return run(pg, rebuild_figures, 1, p, "work out the places' figures", err);
}

static int
take_progress(struct kz_pg *pg, const char *office, int64_t expected, char *err)
{
	const char *p[] = {office};
	PGresult *res;
	int64_t held;
	int rc = kz_pg_query(pg, "SELECT held_id FROM offices WHERE office = $1 FOR UPDATE", 1, p,
		&res, "lock the office's progress", err);

	if (rc != KZ_OK)
		return rc;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return kz_err(err, KZ_ENOTFOUND, "the centre does not know office %s", office);
	}
	held = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (held != expected) /* told, and tried again from the centre's word */
		return kz_err(err, KZ_EBUSY,
			"the centre holds office %s's events up to %" PRId64 ", not %" PRId64
			": another kezek-sync ships this office; run one per hall",
			office, held, expected);
	return KZ_OK;
}

static int
record_conflicts(struct kz_pg *pg, const char *office, const char *json, int n, char *err)
{
	char problem[KZ_SHIP_DETAIL_LEN];
	const char *p[] = {office, json, problem};

	snprintf(problem, sizeof problem,
		"%d events sent again differ from those held: a hall restored from an older "
		"backup; shipping stopped, nothing counted twice",
		n);
	return run(pg,
		"WITH c AS (INSERT INTO conflicts (office, event_id, held_hash, sent_hash)"
		" SELECT $1, (x->>0)::bigint, x->>1, x->>2 FROM json_array_elements($2::json) x"
		" ON CONFLICT DO NOTHING)"
		" UPDATE offices SET problem = $3 WHERE office = $1",
		3, p, "record the conflicting events", err);
}

static int
send_events(struct kz_pg *pg, const char *office, int64_t expected, const struct kz_ship_event *ev,
	int n, int64_t hall_now, struct kz_send_result *out, char *err)
{
	struct text a[9] = {{0}};
	char last[32], now[32], was[32];
	PGresult *res = NULL;
	int rc;

	if ((rc = arrays(ev, n, a, err)) == KZ_OK) {
		const char *p[] = {office, a[0].s, a[1].s, a[2].s, a[3].s, a[4].s, a[5].s, a[6].s,
			a[7].s, a[8].s};
		rc = kz_pg_query(pg, insert_events, 10, p, &res, "send the events", err);
	}
	for (int i = 0; i < 9; i++)
		free(a[i].s);
	if (rc != KZ_OK)
		return rc;
	out->inserted = atoi(PQgetvalue(res, 0, 0));
	out->conflicts = atoi(PQgetvalue(res, 0, 1));
	if (out->conflicts > 0) {
		char json[8192];
		snprintf(json, sizeof json, "%s", PQgetvalue(res, 0, 2));
		PQclear(res);
		(void)kz_pg_exec(pg, "ROLLBACK", "roll back the batch", NULL);
		if ((rc = record_conflicts(pg, office, json, out->conflicts, err)) != KZ_OK)
			return rc;
		return kz_err(err, KZ_EREJECT,
			"%d of office %s's events (from %" PRId64 ") differ from those the centre "
			"holds: this hall was restored from an older backup after they were "
			"shipped; nothing was counted twice and shipping stops until the "
			"region's administrator settles it (kezek region status)",
			out->conflicts, office, ev[0].id);
	}
	PQclear(res);
	out->held_id = n > 0 && ev[n - 1].id > expected ? ev[n - 1].id : expected;
	snprintf(last, sizeof last, "%" PRId64, out->held_id);
	snprintf(now, sizeof now, "%" PRId64, hall_now);
	snprintf(was, sizeof was, "%" PRId64, expected);
	{
		/* an office shipped from its first event has its registers with them */
		const char *p[] = {office, last, now, was};
		rc = kz_pg_query(pg,
			"UPDATE offices SET held_id = $2, batches = batches + 1, shipped_at = now(),"
			" skew_seconds = ($3::bigint - extract(epoch FROM now())::bigint),"
			" registers = registers OR $4::bigint = 0"
			" WHERE office = $1 RETURNING skew_seconds",
			4, p, &res, "record the office's progress", err);
	}
	if (rc != KZ_OK)
		return rc;
	out->skew_seconds = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return kz_send_rebuild(pg, office, expected, err);
}

int
kz_send_batch(struct kz_pg *pg, const char *office, int64_t expected_held,
	const struct kz_ship_refs *refs, const struct kz_ship_cases *cases,
	const struct kz_ship_event *ev, int n, int64_t hall_now, struct kz_send_result *out,
	char *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kz_pg_exec(pg, "BEGIN", "begin the batch", err)) != KZ_OK)
		return rc;
	if ((rc = take_progress(pg, office, expected_held, err)) == KZ_OK &&
		(refs == NULL || (rc = send_refs(pg, office, refs, err)) == KZ_OK))
		rc = send_events(pg, office, expected_held, ev, n, hall_now, out, err);
	if (rc == KZ_OK && cases != NULL)
		rc = kz_send_cases(pg, office, cases, err);
	if (rc == KZ_OK)
		return kz_pg_exec(pg, "COMMIT", "commit the batch", err);
	if (out->conflicts == 0)
		(void)kz_pg_exec(pg, "ROLLBACK", "roll back the batch", NULL);
	return rc;
}

int
kz_send_registers_needed(struct kz_pg *pg, const char *office, int *needed, char *err)
{
	const char *p[] = {office};
	PGresult *res;
	int rc = kz_pg_query(pg,
		"SELECT NOT registers AND held_id > 0 FROM offices WHERE office = $1", 1, p, &res,
		"ask for the office's registers", err);

	if (rc != KZ_OK)
		return rc;
	*needed = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return KZ_OK;
}

int
kz_send_registers(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err)
{
	const char *p[] = {office};
	int rc;

	if ((rc = kz_pg_exec(pg, "BEGIN", "begin the registers", err)) != KZ_OK)
		return rc;
	if ((rc = kz_send_cases(pg, office, c, err)) == KZ_OK &&
		(rc = run(pg, "UPDATE offices SET registers = true WHERE office = $1", 1, p,
			 "mark the office's registers", err)) == KZ_OK)
		return kz_pg_exec(pg, "COMMIT", "commit the registers", err);
	(void)kz_pg_exec(pg, "ROLLBACK", "roll back the registers", NULL);
	return rc;
}
