/*
 * complaint.c - the complaints journal; see complaint.h.  Each public
 * change wraps one static do_* in a transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "complaint.h"
#include "error.h"
#include "names.h"
#include "outbox.h"
#include "sql.h"
#include "utf8.h"

/* The words of the channels and kinds: the database's, and the command
 * line's other spelling. */
static const struct kz_name channels[] = {
	{KZ_CHANNEL_IN_PERSON, "in_person", "in-person"},
	{KZ_CHANNEL_POST, "post", NULL},
	{KZ_CHANNEL_EMAIL, "email", "e-mail"},
};
static const struct kz_name kinds[] = {
	{KZ_COMPLAINT_RESULT, "result", NULL},
	{KZ_COMPLAINT_SERVICE, "service", NULL},
};

const char *
kz_complaint_channel_name(enum kz_complaint_channel c)
{
	return c == KZ_CHANNEL_NONE ? "" : kz_name_of(KZ_NAMES(channels), (int)c);
}

const char *
kz_complaint_kind_name(enum kz_complaint_kind k)
{
	return k == KZ_COMPLAINT_KIND_NONE ? "" : kz_name_of(KZ_NAMES(kinds), (int)k);
}

static int
bad_channel(const char *s, const char *how, char *err)
{
	return kz_err(err, KZ_EINVAL, "'%s' is not %s; say in_person, post or email", s, how);
}

static int
bad_kind(const char *s, char *err)
{
	return kz_err(err, KZ_EINVAL,
		"'%s' is not a kind of complaint; say result (about the result, p.21) or "
		"service (about the service, p.22)",
		s);
}

int
kz_complaint_channel_parse(const char *s, const char *how, enum kz_complaint_channel *out,
	char *err)
{
	int v;

	if (kz_name_parse(KZ_NAMES(channels), s, &v, how, NULL) != KZ_OK)
		return bad_channel(s ? s : "", how, err);
	*out = (enum kz_complaint_channel)v;
	return KZ_OK;
}

int
kz_complaint_kind_parse(const char *s, enum kz_complaint_kind *out, char *err)
{
	int v;

	if (kz_name_parse(KZ_NAMES(kinds), s, &v, "a kind of complaint", NULL) != KZ_OK)
		return bad_kind(s ? s : "", err);
	*out = (enum kz_complaint_kind)v;
	return KZ_OK;
}

static int
known_channel(enum kz_complaint_channel c)
{
	return c == KZ_CHANNEL_IN_PERSON || c == KZ_CHANNEL_POST || c == KZ_CHANNEL_EMAIL;
}

/* s is valid UTF-8 without control characters other than newline and tab. */
static int
clean_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p) {
		p += kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE || (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f)
			return 0;
	}
	return 1;
}

/* s is given, at most max bytes and clean; whose ("the complaint") needs
 * what (for the message), given with option how. */
static int
check_text(const char *whose, const char *what, const char *s, size_t max, const char *how,
	char *err)
{
	if (s == NULL || *s == '\0')
		return kz_err(err, KZ_EINVAL, "%s needs %s; give it as %s", whose, what, how);
	if (strlen(s) > max)
		return kz_err(err, KZ_EINVAL, "%s is longer than %zu bytes; shorten it", what, max);
	if (!clean_text(s))
		return kz_err(err, KZ_EINVAL,
			"%s is not plain UTF-8 text (control characters or broken bytes); retype it",
			what);
	return KZ_OK;
}

static int
check_new(const struct kz_complaint_new *c, int *days, char *err)
{
	int rc;

	if (!known_channel(c->channel))
		return bad_channel(kz_complaint_channel_name(c->channel), "how a complaint comes",
			err);
	if (c->kind != KZ_COMPLAINT_RESULT && c->kind != KZ_COMPLAINT_SERVICE)
		return bad_kind(kz_complaint_kind_name(c->kind), err);
	*days = c->days == 0 ? 30 : c->days;
	if (*days != 15 && *days != 30)
		return kz_err(err, KZ_EINVAL,
			"a complaint is answered in 15 or 30 calendar days (p.25), not %d",
			c->days);
	if ((rc = check_text("the complaint", "the complainant's name", c->name,
		     KZ_COMPLAINT_NAME_MAX, "'name: ...'", err)) != KZ_OK ||
		(rc = check_text("the complaint", "what it is about", c->text,
			 KZ_COMPLAINT_TEXT_MAX, "'text: ...'", err)) != KZ_OK)
		return rc;
	/* the answer goes back by post or e-mail: it needs an address */
	if (c->channel != KZ_CHANNEL_IN_PERSON || (c->contact && *c->contact))
		return check_text(c->channel != KZ_CHANNEL_IN_PERSON
				? "a complaint by post or e-mail"
				: "the complaint",
			"a contact for the answer (postal address or e-mail)", c->contact,
			KZ_COMPLAINT_NAME_MAX, "'contact: ...'", err);
	return KZ_OK;
}

/* The clerk who takes or answers it: the one at counter, or the named one. */
static int
find_clerk(struct kz_db *db, int counter, const char *clerk, const char *position,
	int64_t *clerk_id, int64_t *counter_id, char *err)
{
	struct kz_counter_row c;
	int rc;

	*counter_id = 0;
	if (counter == 0)
		return kz_clerk_id(db, clerk, position, clerk_id, err);
	if ((rc = kz_counter_row(db, counter, &c, err)) != KZ_OK)
		return rc;
	if (c.clerk_id == 0)
		return kz_err(err, KZ_EREJECT,
			"counter %d is closed: no clerk there to record it; open it with 'kezek "
			"counter open %d --clerk NAME --position TITLE'",
			counter, counter);
	*clerk_id = c.clerk_id;
	*counter_id = c.id;
	return KZ_OK;
}

#define COMPLAINT_COLUMNS                                                                          \
	"m.id, m.number, m.registered_at, m.channel, m.kind, m.complainant, m.contact,"            \
	" m.summary, k.full_name, k.position, coalesce(c.number, 0), m.days, m.due_day,"           \
	" coalesce(m.answered_at, 0), m.answer_channel, m.answer, a.full_name,"                    \
	" coalesce(m.purged_at, 0)"                                                                \
	" FROM complaints m JOIN clerks k ON k.id = m.clerk_id"                                    \
	" LEFT JOIN counters c ON c.id = m.counter_id LEFT JOIN clerks a ON a.id = m.answer_clerk_id"

static enum kz_complaint_channel
channel_from_db(const char *s)
{
	return (enum kz_complaint_channel)kz_name_from_db(KZ_NAMES(channels), s, KZ_CHANNEL_NONE);
}

static void
read_complaint(sqlite3_stmt *st, const char *today, struct kz_complaint *m)
{
	char day[11];

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	kz_col_text(st, 1, m->number, sizeof m->number);
	m->registered_at = sqlite3_column_int64(st, 2);
	m->channel = channel_from_db((const char *)sqlite3_column_text(st, 3));
	m->kind = (enum kz_complaint_kind)kz_name_from_db(KZ_NAMES(kinds),
		(const char *)sqlite3_column_text(st, 4), KZ_COMPLAINT_KIND_NONE);
	kz_col_text(st, 5, m->name, sizeof m->name);
	kz_col_text(st, 6, m->contact, sizeof m->contact);
	kz_col_text(st, 7, m->summary, sizeof m->summary);
	kz_col_text(st, 8, m->clerk, sizeof m->clerk);
	kz_col_text(st, 9, m->position, sizeof m->position);
	m->counter = sqlite3_column_int(st, 10);
	m->days = sqlite3_column_int(st, 11);
	kz_col_text(st, 12, m->due_day, sizeof m->due_day);
	m->answered_at = sqlite3_column_int64(st, 13);
	m->answer_channel = channel_from_db((const char *)sqlite3_column_text(st, 14));
	kz_col_text(st, 15, m->answer, sizeof m->answer);
	kz_col_text(st, 16, m->answer_clerk, sizeof m->answer_clerk);
	m->purged_at = sqlite3_column_int64(st, 17);
	if (m->answered_at == 0) {
		m->overdue = strcmp(today, m->due_day) > 0;
	} else {
		kz_clock_day(m->answered_at, day);
		m->late = strcmp(day, m->due_day) > 0;
	}
}

/* One complaint by statement st (bound, one row or none). */
static int
load_one(struct kz_db *db, sqlite3_stmt *st, const char *what, struct kz_complaint *out, char *err)
{
	char today[11];
	int rc = sqlite3_step(st);

	kz_clock_day(kz_clock_now(), today);
	if (rc == SQLITE_ROW)
		read_complaint(st, today, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND,
			"there is no complaint %s in the journal; list them with 'kezek complaints'",
			what);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "read complaint", err);
}

static int
load_id(struct kz_db *db, int64_t id, struct kz_complaint *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT " COMPLAINT_COLUMNS " WHERE m.id = ?", err);
	char what[32];

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return load_one(db, st, what, out, err);
}

int
kz_complaint_get(struct kz_db *db, const char *number, struct kz_complaint *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT " COMPLAINT_COLUMNS " WHERE m.number = ?", err);

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, number);
	return load_one(db, st, number, out, err);
}

int
kz_complaint_of_job(struct kz_db *db, int64_t job, struct kz_complaint *out, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT " COMPLAINT_COLUMNS
		" WHERE m.id = (SELECT complaint_id FROM print_jobs WHERE id = ?)",
		err);
	char what[48];

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, job);
	snprintf(what, sizeof what, "for print job %lld", (long long)job);
	return load_one(db, st, what, out, err);
}

/* The year's next sequence number (under the write lock). */
static int
next_seq(struct kz_db *db, int year, int *seq, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(max(seq), 0) + 1 FROM complaints WHERE year = ?", err);
	int64_t n = 0;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, year);
	rc = kz_db_step_int(db, st, &n, "number complaint", err);
	*seq = (int)n;
	return rc;
}

static int
do_add(struct kz_db *db, struct kz_calendar *cal, const struct kz_complaint_new *c,
	const char *printer, const char *lang, struct kz_complaint *out, int64_t *job, char *err)
{
	int64_t now = kz_clock_now(), clerk_id, counter_id, id, job_id = 0;
	char number[24], due[11], detail[96];
	sqlite3_stmt *st;
	struct tm tm;
	int rc, days = 0, seq = 0;

	if ((rc = check_new(c, &days, err)) != KZ_OK ||
		(rc = find_clerk(db, c->counter, c->clerk, c->position, &clerk_id, &counter_id,
			 err)) != KZ_OK)
		return rc;
	kz_clock_local(now, &tm);
	if ((rc = next_seq(db, tm.tm_year + 1900, &seq, err)) != KZ_OK)
		return rc;
	snprintf(number, sizeof number, "%d-C-%04d", tm.tm_year + 1900, seq);
	kz_date_format(kz_cal_add_calendar_days(cal, kz_date_of(now), days), due);
	st = kz_db_stmt(db,
		"INSERT INTO complaints (year, seq, number, registered_at, channel, kind,"
		" complainant, contact, summary, clerk_id, counter_id, days, due_day)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, tm.tm_year + 1900);
	sqlite3_bind_int(st, 2, seq);
	kz_bind_text(st, 3, number);
	sqlite3_bind_int64(st, 4, now);
	kz_bind_text(st, 5, kz_complaint_channel_name(c->channel));
	kz_bind_text(st, 6, kz_complaint_kind_name(c->kind));
	kz_bind_text(st, 7, c->name);
	kz_bind_text(st, 8, c->contact && *c->contact ? c->contact : NULL);
	kz_bind_text(st, 9, c->text);
	sqlite3_bind_int64(st, 10, clerk_id);
	kz_bind_id(st, 11, counter_id);
	sqlite3_bind_int(st, 12, days);
	kz_bind_text(st, 13, due);
	if ((rc = kz_db_exec_stmt(db, st, "register complaint", err)) != KZ_OK)
		return rc;
	id = sqlite3_last_insert_rowid(kz_db_sql(db));
	/* numbers, never the complainant's words (p.17.7) */
	snprintf(detail, sizeof detail, "%s %s %s %d days, due %s", number,
		kz_complaint_kind_name(c->kind), kz_complaint_channel_name(c->channel), days, due);
	if ((rc = kz_event_add(db, now, KZ_EVENT_COMPLAINT_ADDED, 0, counter_id, clerk_id, 0,
		     detail, err)) != KZ_OK)
		return rc;
	if (printer != NULL) {
		if ((rc = kz_outbox_add_job(db, printer, KZ_DOC_TALON, lang, 0, &job_id, err)) !=
			KZ_OK)
			return rc;
		st = kz_db_stmt(db, "UPDATE print_jobs SET complaint_id = ? WHERE id = ?", err);
		if (st == NULL)
			return KZ_EDB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, job_id);
		if ((rc = kz_db_exec_stmt(db, st, "queue talon", err)) != KZ_OK)
			return rc;
	}
	if (job)
		*job = job_id;
	return out ? load_id(db, id, out, err) : KZ_OK;
}

static int
do_answer(struct kz_db *db, const char *number, enum kz_complaint_channel channel, const char *text,
	int counter, struct kz_complaint *out, char *err)
{
	int64_t now = kz_clock_now(), clerk_id = 0, counter_id = 0;
	const char *ch = kz_complaint_channel_name(channel);
	struct kz_complaint m;
	char detail[96], day[11];
	sqlite3_stmt *st;
	int rc;

	if (!known_channel(channel))
		return bad_channel(ch, "how an answer is given", err);
	if ((rc = check_text("the answer", "what it said, in short", text, KZ_COMPLAINT_TEXT_MAX,
		     "'text: ...'", err)) != KZ_OK)
		return rc;
	if ((rc = kz_complaint_get(db, number, &m, err)) != KZ_OK)
		return rc;
	if (m.answered_at != 0) {
		char when[32];
		kz_clock_format(m.answered_at, "%Y-%m-%d %H:%M", when, sizeof when);
		return kz_err(err, KZ_EREJECT, "complaint %s was answered on %s; nothing changed",
			number, when);
	}
	if (counter != 0 &&
		(rc = find_clerk(db, counter, NULL, NULL, &clerk_id, &counter_id, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"UPDATE complaints SET answered_at = ?, answer_channel = ?, answer = ?,"
		" answer_clerk_id = ? WHERE id = ? AND answered_at IS NULL",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	kz_bind_text(st, 2, ch);
	kz_bind_text(st, 3, text);
	kz_bind_id(st, 4, clerk_id);
	sqlite3_bind_int64(st, 5, m.id);
	if ((rc = kz_db_exec_stmt(db, st, "record answer", err)) != KZ_OK)
		return rc;
	kz_clock_day(now, day);
	snprintf(detail, sizeof detail, "%s %s%s", m.number, ch,
		strcmp(day, m.due_day) > 0 ? " late" : "");
	if ((rc = kz_event_add(db, now, KZ_EVENT_COMPLAINT_ANSWERED, 0, counter_id, clerk_id, 0,
		     detail, err)) != KZ_OK)
		return rc;
	return out ? load_id(db, m.id, out, err) : KZ_OK;
}

static int
finish_tx(struct kz_db *db, int rc, char *err)
{
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_complaint_add(struct kz_db *db, struct kz_calendar *cal, const struct kz_complaint_new *c,
	const char *printer, const char *lang, struct kz_complaint *out, int64_t *job, char *err)
{
	int rc = kz_db_begin(db, err);

	if (rc != KZ_OK)
		return rc;
	return finish_tx(db, do_add(db, cal, c, printer, lang, out, job, err), err);
}

int
kz_complaint_answer(struct kz_db *db, const char *number, enum kz_complaint_channel channel,
	const char *text, int counter, struct kz_complaint *out, char *err)
{
	int rc = kz_db_begin(db, err);

	if (rc != KZ_OK)
		return rc;
	return finish_tx(db, do_answer(db, number, channel, text, counter, out, err), err);
}

int
kz_complaint_list(struct kz_db *db, enum kz_complaint_filter filter,
	int (*fn)(const struct kz_complaint *c, void *arg), void *arg, int *count, char *err)
{
	sqlite3_stmt *st;
	struct kz_complaint *m;
	char today[11];
	int rc, n = 0;

	if (count)
		*count = 0;
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT " COMPLAINT_COLUMNS " WHERE ?1 = 0"
		" OR (m.answered_at IS NULL AND (?1 = 1 OR m.due_day < ?2))"
		" ORDER BY m.year, m.seq",
		err);
	if (st == NULL) {
		kz_db_rollback(db);
		return KZ_EDB;
	}
	m = malloc(sizeof *m);
	if (m == NULL) {
		kz_db_rollback(db);
		return kz_err(err, KZ_ENOMEM, "out of memory listing complaints");
	}
	kz_clock_day(kz_clock_now(), today);
	sqlite3_bind_int(st, 1, (int)filter);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_complaint(st, today, m);
		n++;
		if (fn(m, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	free(m);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
						   : kz_db_fail(db, rc, "list complaints", err);
	kz_db_rollback(db); /* a read: nothing to keep */
	if (count)
		*count = n;
	return rc;
}
