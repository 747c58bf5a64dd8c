/*
 * ticket.c - the queue's operations; see ticket.h for the states.
 * Each public function wraps one static do_* in a transaction.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "names.h"
#include "outbox.h"
#include "sql.h"
#include "ticket.h"
#include "utf8.h"

/* The words of the states and outcomes: the database's, and the command
 * line's other spelling. */
static const struct kz_name states[] = {
	{KZ_TICKET_WAITING, "waiting", NULL},
	{KZ_TICKET_CALLED, "called", NULL},
	{KZ_TICKET_SERVING, "serving", NULL},
	{KZ_TICKET_DONE, "done", NULL},
	{KZ_TICKET_POSTPONED, "postponed", NULL},
};
static const struct kz_name outcomes[] = {
	{KZ_SERVED, "served", NULL},
	{KZ_NO_SHOW, "no_show", "no-show"},
	{KZ_TRANSFERRED, "transferred", NULL},
	{KZ_CANCELLED, "cancelled", NULL},
	{KZ_OFFICE_CLOSED, "office_closed", NULL},
};

const char *
kz_outcome_name(enum kz_outcome o)
{
	return o == KZ_OUTCOME_NONE ? "" : kz_name_of(KZ_NAMES(outcomes), (int)o);
}

int
kz_outcome_parse(const char *s, enum kz_outcome *out)
{
	int v;

	if (kz_name_parse(KZ_NAMES(outcomes), s, &v, "an outcome", NULL) != KZ_OK)
		return KZ_EINVAL;
	*out = (enum kz_outcome)v;
	return KZ_OK;
}

enum kz_outcome
kz_outcome_from_db(const char *s)
{
	return (enum kz_outcome)kz_name_from_db(KZ_NAMES(outcomes), s, KZ_OUTCOME_NONE);
}

const char *
kz_ticket_state_name(enum kz_ticket_state s)
{
	return kz_name_of(KZ_NAMES(states), (int)s);
}

const char *
kz_ticket_state_say(enum kz_ticket_state s)
{
	return s == KZ_TICKET_SERVING ? "in service" : kz_ticket_state_name(s);
}

enum kz_ticket_state
kz_ticket_state_from_db(const char *s)
{
	return (enum kz_ticket_state)kz_name_from_db(KZ_NAMES(states), s, KZ_TICKET_DONE);
}

#define TICKET_COLUMNS                                                                             \
	"t.id, t.number, s.code, t.day, t.state, t.outcome, t.issued_at, t.called_at,"             \
	" t.started_at, t.finished_at, c.number, t.recalls, k.full_name,"                          \
	" coalesce(t.postponed_until, 0), t.away_seconds, t.transfer_comment"                      \
	" FROM tickets t JOIN services s ON s.id = t.service_id"                                   \
	" LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN clerks k ON k.id = t.clerk_id"

static void
read_ticket(sqlite3_stmt *st, struct kz_ticket *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, t->number, sizeof t->number);
	kz_col_text(st, 2, t->service, sizeof t->service);
	kz_col_text(st, 3, t->day, sizeof t->day);
	t->state = kz_ticket_state_from_db((const char *)sqlite3_column_text(st, 4));
	t->outcome = kz_outcome_from_db((const char *)sqlite3_column_text(st, 5));
	t->issued_at = sqlite3_column_int64(st, 6);
	t->called_at = sqlite3_column_int64(st, 7);
	t->started_at = sqlite3_column_int64(st, 8);
	t->finished_at = sqlite3_column_int64(st, 9);
	t->counter = sqlite3_column_int(st, 10);
	t->recalls = sqlite3_column_int(st, 11);
	kz_col_text(st, 12, t->clerk, sizeof t->clerk);
	t->postponed_until = sqlite3_column_int64(st, 13);
	t->away_seconds = sqlite3_column_int64(st, 14);
	kz_col_text(st, 15, t->comment, sizeof t->comment);
}

static int
load_ticket(struct kz_db *db, int64_t id, struct kz_ticket *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT " TICKET_COLUMNS " WHERE t.id = ?", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_ticket(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "ticket %lld does not exist", (long long)id);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read ticket", err);
}

int
kz_service_find(struct kz_db *db, const char *code, int64_t *id, char *prefix, size_t plen,
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT id, prefix FROM services WHERE active = 1 AND (code = ?1 OR prefix = ?1)"
		" ORDER BY code = ?1 DESC LIMIT 1",
		err);
	char list[256];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (prefix != NULL)
			kz_col_text(st, 1, prefix, plen);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return KZ_OK;
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read service", err);
	/* "A, B, C": name the choices */
	kz_db_text(db,
		"SELECT group_concat(code, ', ') FROM"
		" (SELECT code FROM services WHERE active = 1 ORDER BY code)",
		list, sizeof list);
	return kz_err(err, KZ_ENOTFOUND, "there is no service '%s' in this hall; services are %s",
		code, list[0] ? list : "not configured (run 'kezek init')");
}

/* The next number of service on day: increments the daily sequence. */
static int
next_seq(struct kz_db *db, const char *day, int64_t service_id, int *seq, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO day_sequences (day, service_id, last) VALUES (?, ?, 1)"
		" ON CONFLICT (day, service_id) DO UPDATE SET last = last + 1 RETURNING last",
		err);
	int64_t last = 0;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, service_id);
	rc = kz_db_step_int(db, st, &last, "number ticket", err);
	*seq = (int)last;
	return rc;
}

/* "Monday 23 March 2026 at 09:00", or "14:00" when it is today. */
static void
when_text(int64_t t, int64_t now, char *buf, size_t len)
{
	char d1[11], d2[11];

	kz_clock_day(t, d1);
	kz_clock_day(now, d2);
	kz_clock_format(t, strcmp(d1, d2) == 0 ? "%H:%M today" : "%A %d %B %Y at %H:%M", buf, len);
}

static int
closed(const struct kz_office *o, int64_t now, char *err)
{
	char when[64], from[11] = "";

	when_text(o->next_open, now, when, sizeof when);
	switch (o->state) {
	case KZ_OFFICE_LUNCH:
		return kz_err(err, KZ_ECLOSED,
			"the office is closed for lunch; tickets again from %s", when);
	case KZ_OFFICE_BEFORE_HOURS:
		return kz_err(err, KZ_ECLOSED, "the office is not open yet; tickets from %s", when);
	case KZ_OFFICE_AFTER_HOURS:
		return kz_err(err, KZ_ECLOSED, "the office has closed for the day; it opens %s",
			when);
	default:
		break;
	}
	if (o->day.kind == KZ_WEEKEND)
		return kz_err(err, KZ_ECLOSED, "the office is closed at weekends; it opens %s",
			when);
	if (o->day.from.y)
		kz_date_format(o->day.from, from);
	if (o->day.kind == KZ_HOLIDAY_MOVED)
		return kz_err(err, KZ_ECLOSED,
			"the office is closed: day off for %s (%s); it opens %s",
			kz_cal_day_name(&o->day, NULL, "en"), from, when);
	if (o->day.kind == KZ_TRANSFER_OFF)
		return kz_err(err, KZ_ECLOSED,
			"the office is closed: day off transferred from %s; it opens %s", from,
			when);
	return kz_err(err, KZ_ECLOSED, "the office is closed: %s; it opens %s",
		o->day.name ? kz_cal_day_name(&o->day, NULL, "en") : "day off", when);
}

int
kz_ticket_may_issue(struct kz_calendar *cal, int64_t t, struct kz_office *office, int *lunch_notice,
	char *err)
{
	const struct kz_hours *h = kz_cal_hours(cal);
	struct kz_office o;
	struct tm tm;
	int minute;

	kz_cal_office(cal, t, &o);
	if (office)
		*office = o;
	if (lunch_notice)
		*lunch_notice = 0;
	if (o.state != KZ_OFFICE_OPEN)
		return closed(&o, t, err);
	kz_clock_local(t, &tm);
	minute = tm.tm_hour * 60 + tm.tm_min;
	if (minute >= h->close - h->last_ticket) {
		struct kz_office next;
		char when[64];
		kz_cal_office(cal, kz_date_at(kz_date_of(t), h->close), &next);
		when_text(next.next_open, t, when, sizeof when);
		return kz_err(err, KZ_ECLOSED,
			"tickets are issued until %02d:%02d, %d minutes before closing; the office "
			"opens %s",
			(h->close - h->last_ticket) / 60, (h->close - h->last_ticket) % 60,
			h->last_ticket, when);
	}
	if (lunch_notice && h->lunch_end > h->lunch_start && minute < h->lunch_start &&
		minute >= h->lunch_start - h->lunch_notice)
		*lunch_notice = 1;
	return KZ_OK;
}

/* What an issue reads before it takes the write lock, and what it writes. */
struct issue {
	const char *service, *printer, *lang; /* as asked; printer NULL: no print */
	int64_t now, service_id, id, job_id;
	char day[11], prefix[KZ_CODE_LEN], number[24];
	int notice;      /* reception breaks for lunch soon */
	int64_t resumes; /* with notice: when reception resumes */
};

/* The reads, in one read transaction before the write: none of them
 * decides a number, so the write lock is not held for them. */
static int
issue_read(struct kz_db *db, struct issue *is, char *err)
{
	int rc;

	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	rc = kz_service_find(db, is->service, &is->service_id, is->prefix, sizeof is->prefix, err);
	kz_db_rollback(db);
	return rc;
}

/* The write: number, ticket, event and its printout, all or nothing. */
static int
issue_write(struct kz_db *db, struct issue *is, char *err)
{
	sqlite3_stmt *st;
	int rc, seq = 0;

	if ((rc = next_seq(db, is->day, is->service_id, &seq, err)) != KZ_OK)
		return rc;
	snprintf(is->number, sizeof is->number, "%s-%03d", is->prefix, seq);
	st = kz_db_stmt(db,
		"INSERT INTO tickets (day, service_id, seq, number, issued_at) VALUES (?, ?, ?, ?, ?)",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, is->day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, is->service_id);
	sqlite3_bind_int(st, 3, seq);
	sqlite3_bind_text(st, 4, is->number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, is->now);
	if ((rc = kz_db_exec_stmt(db, st, "issue ticket", err)) != KZ_OK)
		return rc;
	is->id = sqlite3_last_insert_rowid(kz_db_sql(db));
	if ((rc = kz_event_add(db, is->now, KZ_EVENT_ISSUED, is->id, 0, 0, is->service_id, NULL,
		     err)) != KZ_OK ||
		is->printer == NULL)
		return rc;
	/* the ticket and its printout in one transaction: a printer that fails
	 * later never loses the ticket */
	if ((rc = kz_outbox_add_job(db, is->printer, KZ_DOC_TICKET, is->lang, is->id, &is->job_id,
		     err)) != KZ_OK)
		return rc;
	return kz_outbox_add_ticket_detail(db, is->job_id, is->resumes, err);
}

static int
issue_tx(struct kz_db *db, struct issue *is, char *err)
{
	IN_TX(issue_write(db, is, err));
}

/* After the commit, in its own read transaction: the ticket as stored and
 * nothing more (the people ahead are the caller's: queue/ahead.h).  The ticket is issued whatever this finds: if
 * the read fails, out holds what the issue itself knows. */
static void
issue_result(struct kz_db *db, const struct issue *is, struct kz_ticket *out)
{
	int ok = kz_db_begin_read(db, NULL) == KZ_OK && load_ticket(db, is->id, out, NULL) == KZ_OK;

	kz_db_rollback(db);
	if (!ok) {
		memset(out, 0, sizeof *out);
		out->id = is->id;
		snprintf(out->number, sizeof out->number, "%s", is->number);
		snprintf(out->service, sizeof out->service, "%s", is->service);
		memcpy(out->day, is->day, sizeof out->day);
		out->state = KZ_TICKET_WAITING;
		out->issued_at = is->now;
	}
	out->lunch_notice = is->notice;
	out->resumes_at = is->resumes;
}

/* Reads before the lock, one short write transaction, the result after:
 * under many issuers the lock is held for the numbering and the rows. */
static int
issue(struct kz_db *db, struct kz_calendar *cal, struct issue *is, struct kz_ticket *out, char *err)
{
	int rc;

	is->now = kz_clock_now();
	if ((rc = kz_ticket_may_issue(cal, is->now, NULL, &is->notice, err)) != KZ_OK)
		return rc;
	kz_clock_day(is->now, is->day);
	if (is->notice)
		is->resumes = kz_date_at(kz_date_of(is->now), kz_cal_hours(cal)->lunch_end);
	if ((rc = issue_read(db, is, err)) != KZ_OK || (rc = issue_tx(db, is, err)) != KZ_OK)
		return rc;
	issue_result(db, is, out);
	return KZ_OK;
}

/* The counter must be open and free to call someone. */
static int
counter_ready(struct kz_db *db, int counter, struct kz_counter_row *c, char *err)
{
	struct kz_ticket t;
	int rc = kz_counter_row(db, counter, c, err);

	if (rc != KZ_OK)
		return rc;
	if (c->state != KZ_COUNTER_OPEN)
		return kz_err(err, KZ_EREJECT,
			"counter %d is %s; open it with 'kezek counter open %d --clerk NAME "
			"--position TITLE'",
			counter, kz_counter_state_name(c->state), counter);
	if (c->ticket_id != 0) {
		if ((rc = load_ticket(db, c->ticket_id, &t, err)) != KZ_OK)
			return rc;
		return kz_err(err, KZ_EREJECT,
			"counter %d still has %s (%s); finish it first with 'kezek finish %d "
			"--outcome ...'",
			counter, t.number, kz_ticket_state_name(t.state), counter);
	}
	return KZ_OK;
}

static int
do_next(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	int64_t now = kz_clock_now(), id;
	struct kz_counter_row c;
	char day[11];
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_postpone_expire(db, counter, now, err)) != KZ_OK ||
		(rc = counter_ready(db, counter, &c, err)) != KZ_OK)
		return rc;
	kz_clock_day(now, day);
	st = kz_db_stmt(db,
		"SELECT t.id FROM tickets t WHERE t.state = 'waiting' AND t.day = ?"
		" AND t.service_id IN (SELECT service_id FROM counter_services WHERE counter_id = ?)"
		" ORDER BY t.issued_at, coalesce(t.origin_id, t.id) LIMIT 1",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c.id);
	rc = sqlite3_step(st);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "find next ticket", err);
	if (id == 0)
		return kz_err(err, KZ_EEMPTY, "no one is waiting for counter %d", counter);
	st = kz_db_stmt(db,
		"UPDATE tickets SET state = 'called', counter_id = ?, clerk_id = ?, called_at = ?"
		" WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, c.id);
	sqlite3_bind_int64(st, 2, c.clerk_id);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, id);
	if ((rc = kz_db_exec_stmt(db, st, "call ticket", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE counters SET ticket_id = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, c.id);
	if ((rc = kz_db_exec_stmt(db, st, "call ticket", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_CALLED, id, c.id, c.clerk_id, 0, NULL, err)) !=
			KZ_OK)
		return rc;
	return load_ticket(db, id, out, err);
}

#define CALLED  (1u << KZ_TICKET_CALLED)
#define SERVING (1u << KZ_TICKET_SERVING)

/* The visitor at counter, which must be in one of the states allowed
 * (bits 1u << state); verb names the attempted action. */
static int
at_counter(struct kz_db *db, int counter, unsigned allowed, const char *verb,
	struct kz_counter_row *c, struct kz_ticket *t, char *err)
{
	int rc = kz_postpone_expire(db, counter, kz_clock_now(), err);

	if (rc != KZ_OK || (rc = kz_counter_row(db, counter, c, err)) != KZ_OK)
		return rc;
	if (c->ticket_id == 0)
		return kz_err(err, KZ_EREJECT,
			"there is no ticket at counter %d to %s; call one with 'kezek next %d'",
			counter, verb, counter);
	if ((rc = load_ticket(db, c->ticket_id, t, err)) != KZ_OK)
		return rc;
	if ((allowed & (1u << t->state)) == 0)
		return kz_err(err, KZ_EREJECT, "cannot %s %s at counter %d: it is already %s", verb,
			t->number, counter, kz_ticket_state_say(t->state));
	return KZ_OK;
}

static int
do_recall(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	if ((rc = at_counter(db, counter, CALLED, "recall", &c, out, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE tickets SET recalls = recalls + 1 WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "recall ticket", err)) != KZ_OK ||
		(rc = kz_event_add(db, kz_clock_now(), KZ_EVENT_RECALLED, out->id, c.id, c.clerk_id,
			 0, NULL, err)) != KZ_OK)
		return rc;
	return load_ticket(db, out->id, out, err);
}

static int
do_start(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	int64_t now = kz_clock_now();
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	if ((rc = at_counter(db, counter, CALLED, "start", &c, out, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE tickets SET state = 'serving', started_at = ? WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "start service", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_STARTED, out->id, c.id, c.clerk_id, 0, NULL,
			 err)) != KZ_OK)
		return rc;
	return load_ticket(db, out->id, out, err);
}

/* A new waiting place in to_service for the visitor of ticket t, with
 * the transferring clerk's comment (NULL or "" for none). */
static int
requeue(struct kz_db *db, const struct kz_ticket *t, int64_t to_id, const char *comment,
	int64_t now, int64_t *new_id, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO tickets (day, service_id, seq, number, issued_at, origin_id,"
		" transfer_comment)"
		" SELECT day, ?, seq, number, issued_at, coalesce(origin_id, id), ?"
		" FROM tickets WHERE id = ?",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, to_id);
	if (comment != NULL && comment[0] != '\0')
		kz_bind_text(st, 2, comment);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, t->id);
	if ((rc = kz_db_exec_stmt(db, st, "transfer ticket", err)) != KZ_OK)
		return rc;
	*new_id = sqlite3_last_insert_rowid(kz_db_sql(db));
	return kz_event_add(db, now, KZ_EVENT_REQUEUED, *new_id, 0, 0, to_id, t->service, err);
}

static int
check_transfer(struct kz_db *db, const struct kz_ticket *t, const char *to, int64_t *to_id,
	char *err)
{
	char prefix[KZ_CODE_LEN];
	int64_t from_id;
	int rc;

	if (to == NULL || *to == '\0')
		return kz_err(err, KZ_EINVAL,
			"a transfer needs the service to send %s to; add --to SERVICE", t->number);
	if ((rc = kz_service_find(db, to, to_id, prefix, sizeof prefix, err)) != KZ_OK ||
		(rc = kz_service_find(db, t->service, &from_id, prefix, sizeof prefix, err)) !=
			KZ_OK)
		return rc;
	if (*to_id == from_id)
		return kz_err(err, KZ_EREJECT,
			"%s already waits for service %s; transfer it to "
			"another service",
			t->number, t->service);
	return KZ_OK;
}

/* A transfer's comment: at most KZ_TRANSFER_COMMENT_LEN - 1 bytes of one
 * line of UTF-8 without control characters; NULL and "" are none. */
static int
check_comment(const char *comment, char *err)
{
	const unsigned char *p = (const unsigned char *)comment;
	uint32_t cp;

	if (comment == NULL)
		return KZ_OK;
	if (strlen(comment) >= KZ_TRANSFER_COMMENT_LEN)
		return kz_err(err, KZ_EINVAL,
			"a transfer's comment is at most %d bytes; say it shorter",
			KZ_TRANSFER_COMMENT_LEN - 1);
	while (*p) {
		int n = kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE || cp < 0x20 || cp == 0x7f)
			return kz_err(err, KZ_EINVAL,
				"a transfer's comment is one line of text, without control "
				"characters");
		p += n;
	}
	return KZ_OK;
}

static int
do_finish(struct kz_db *db, int counter, enum kz_outcome outcome, const char *to,
	const char *comment, const char *expect, struct kz_ticket *out, char *err)
{
	int64_t now = kz_clock_now(), to_id = 0, new_id = 0;
	const char *name = kz_outcome_name(outcome);
	struct kz_counter_row c;
	sqlite3_stmt *st;
	int rc;

	if (outcome == KZ_OFFICE_CLOSED)
		return kz_err(err, KZ_EINVAL, "'office_closed' is given by close of day only");
	rc = at_counter(db, counter, outcome == KZ_NO_SHOW ? CALLED : CALLED | SERVING,
		outcome == KZ_NO_SHOW ? "mark as no-show" : "finish", &c, out, err);
	if (rc != KZ_OK)
		return rc;
	if (expect != NULL && strcmp(expect, out->number) != 0)
		return kz_err(err, KZ_EREJECT, "counter %d has %s, not %s; nothing was changed",
			counter, out->number, expect);
	if (outcome == KZ_TRANSFERRED && (rc = check_transfer(db, out, to, &to_id, err)) != KZ_OK)
		return rc;
	if (outcome != KZ_TRANSFERRED && to != NULL)
		return kz_err(err, KZ_EINVAL, "--to SERVICE goes only with --outcome transferred");
	if (outcome != KZ_TRANSFERRED && comment != NULL && comment[0] != '\0')
		return kz_err(err, KZ_EINVAL, "a comment goes only with a transfer");
	st = kz_db_stmt(db,
		"UPDATE tickets SET state = 'done', outcome = ?, finished_at = ? WHERE id = ?",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "finish ticket", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE counters SET ticket_id = NULL WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, c.id);
	if ((rc = kz_db_exec_stmt(db, st, "free counter", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, kz_event_of_outcome(outcome), out->id, c.id, c.clerk_id,
			 to_id, NULL, err)) != KZ_OK)
		return rc;
	if (outcome == KZ_TRANSFERRED &&
		(rc = requeue(db, out, to_id, comment, now, &new_id, err)) != KZ_OK)
		return rc;
	return load_ticket(db, new_id ? new_id : out->id, out, err);
}

static int
do_close_day(struct kz_db *db, int *closed, int *at_counters, char *err)
{
	int64_t now = kz_clock_now(), n = 0;
	char day[11];
	sqlite3_stmt *st;
	int rc;

	kz_clock_day(now, day);
	if ((rc = kz_postpone_close_day(db, now, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"INSERT INTO events (at, kind, ticket_id, service_id)"
		" SELECT ?1, 'office_closed', id, service_id FROM tickets"
		" WHERE state = 'waiting' AND day <= ?2 ORDER BY id",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	if ((rc = kz_db_exec_stmt(db, st, "close day", err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE tickets SET state = 'done', outcome = 'office_closed', finished_at = ?1"
		" WHERE state = 'waiting' AND day <= ?2",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	if ((rc = kz_db_exec_stmt(db, st, "close day", err)) != KZ_OK)
		return rc;
	*closed = sqlite3_changes(kz_db_sql(db));
	st = kz_db_stmt(db, "SELECT count(*) FROM tickets WHERE state IN ('called', 'serving')",
		err);
	if (st == NULL)
		return KZ_EDB;
	rc = kz_db_step_int(db, st, &n, "close day", err);
	*at_counters = (int)n;
	return rc;
}

/* Each operation below is one do_* call wrapped by IN_TX (sql.h). */
int
kz_ticket_issue(struct kz_db *db, struct kz_calendar *cal, const char *service,
	struct kz_ticket *out, char *err)
{
	struct issue is = {.service = service};

	return issue(db, cal, &is, out, err);
}

int
kz_ticket_issue_print(struct kz_db *db, struct kz_calendar *cal, const char *service,
	const char *printer, const char *lang, struct kz_ticket *out, int64_t *job, char *err)
{
	struct issue is = {.service = service, .printer = printer, .lang = lang};
	int rc = issue(db, cal, &is, out, err);

	if (rc == KZ_OK && job != NULL)
		*job = is.job_id;
	return rc;
}

int
kz_ticket_next(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	IN_TX(do_next(db, counter, out, err));
}

int
kz_ticket_recall(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	IN_TX(do_recall(db, counter, out, err));
}

int
kz_ticket_start(struct kz_db *db, int counter, struct kz_ticket *out, char *err)
{
	IN_TX(do_start(db, counter, out, err));
}

int
kz_ticket_finish(struct kz_db *db, int counter, enum kz_outcome outcome, const char *to_service,
	const char *expect, struct kz_ticket *out, char *err)
{
	IN_TX(do_finish(db, counter, outcome, to_service, NULL, expect, out, err));
}

int
kz_ticket_transfer(struct kz_db *db, int counter, const char *to_service, const char *comment,
	const char *expect, struct kz_ticket *out, char *err)
{
	int rc;

	if ((rc = check_comment(comment, err)) != KZ_OK)
		return rc;
	IN_TX(do_finish(db, counter, KZ_TRANSFERRED, to_service, comment, expect, out, err));
}

int
kz_ticket_close_day(struct kz_db *db, int *closed, int *at_counters, char *err)
{
	IN_TX(do_close_day(db, closed, at_counters, err));
}

int
kz_ticket_find(struct kz_db *db, const char *number, const char *day, struct kz_ticket *out,
	char *err)
{
	char today[11];
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT " TICKET_COLUMNS
		" WHERE t.number = ? AND t.day = ? ORDER BY t.id DESC LIMIT 1",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	if (day == NULL) {
		kz_clock_day(kz_clock_now(), today);
		day = today;
	}
	kz_bind_text(st, 1, number);
	kz_bind_text(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_ticket(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND, "no ticket %s was issued on %s", number, day);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "find ticket", err);
}

/* count(*) and min(day) of st, bound by the caller. */
static int
count_first(struct kz_db *db, sqlite3_stmt *st, int64_t *n, char first[11], char *err)
{
	int rc;

	*n = 0;
	first[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, first, 11);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "count tickets", err);
}

int
kz_ticket_count_days(struct kz_db *db, const char *from, const char *to, int64_t *n, char first[11],
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), min(day) FROM tickets WHERE day BETWEEN ? AND ?", err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, from);
	kz_bind_text(st, 2, to);
	return count_first(db, st, n, first, err);
}

int
kz_ticket_count_unfinished(struct kz_db *db, const char *before, int64_t *n, char first[11],
	char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*), min(day) FROM tickets WHERE state <> 'done' AND day < ?", err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, before);
	return count_first(db, st, n, first, err);
}

/* For postpone.c (sql.h): the same checks its operations share. */
int
kz_ticket_load(struct kz_db *db, int64_t id, struct kz_ticket *out, char *err)
{
	return load_ticket(db, id, out, err);
}

int
kz_ticket_at_counter(struct kz_db *db, int counter, unsigned allowed, const char *verb,
	struct kz_counter_row *c, struct kz_ticket *t, char *err)
{
	return at_counter(db, counter, allowed, verb, c, t, err);
}

int
kz_counter_ready(struct kz_db *db, int counter, struct kz_counter_row *c, char *err)
{
	return counter_ready(db, counter, c, err);
}
