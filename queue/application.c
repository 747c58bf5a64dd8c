/*
 * application.c - intake, decision, hand-over and notice of applications;
 * see application.h.  Reading and the lists are in application-list.c.
 * Start at kz_app_accept: check_input, then do_accept in a transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "application.h"
#include "clock.h"
#include "config.h"
#include "error.h"
#include "idnum.h"
#include "outbox.h"
#include "outgoing.h"
#include "sql.h"
#include "utf8.h"

#define BIT(d) (1u << (d))

/* --- checking what the clerk typed -------------------------------------- */

static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Text a person typed: UTF-8, no control characters, not too long.  The
 * message names the field (what), never its content. */
static int
check_text(const char *s, const char *what, const char *option, int required, size_t max, char *err)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!given(s))
		return required
			? kz_err(err, KZ_EINVAL, "%s is missing; give it as %s", what, option)
			: KZ_OK;
	if (strlen(s) > max)
		return kz_err(err, KZ_EINVAL, "%s is longer than %zu bytes; shorten it", what, max);
	while (*p) {
		uint32_t cp;
		p += kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE || cp < 0x20 || cp == 0x7F)
			return kz_err(err, KZ_EINVAL,
				"%s has a control character or is not UTF-8 text; type it again",
				what);
	}
	return KZ_OK;
}

static int
check_absent(const char *s, const char *option, const char *why, char *err)
{
	return given(s) ? kz_err(err, KZ_EINVAL, "%s %s", option, why) : KZ_OK;
}

/* err with every quotation of the number s (whole, or the first 40 bytes
 * idnum.c quotes) replaced by "(as typed)": an IIN is personal data and
 * the message may reach a log. */
static void
redact(char *err, const char *s)
{
	char out[KZ_ERR_LEN];
	size_t len = strlen(s), o = 0, min = len < 40 ? len : 40;
	const char *p = err;

	if (err == NULL || len < 4)
		return;
	while (*p && o < sizeof out - 16) {
		size_t n = 0;
		while (p[n] && n < len && p[n] == s[n])
			n++;
		if (n >= min && n >= 4) {
			int quoted = p > err && p[-1] == '\'';
			if (quoted && o > 0)
				o--; /* the opening quote goes too */
			o += (size_t)snprintf(out + o, sizeof out - o, "(as typed)");
			p += n;
			if (quoted && strncmp(p, "...'", 4) == 0)
				p += 4;
			else if (quoted && *p == '\'')
				p++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
	memcpy(err, out, o + 1);
}

static int
check_idnum(const struct kz_app_input *in, char *err)
{
	int rc = in->kind == KZ_APP_LEGAL ? kz_bin_check(in->idnum, err)
					  : kz_iin_check(in->idnum, err);

	if (rc != KZ_OK && given(in->idnum))
		redact(err, in->idnum);
	return rc;
}

static int
check_docs(const struct kz_app_input *in, char *err)
{
	int proxy = given(in->proxy);
	unsigned allowed = kz_app_docs_required(in->kind, proxy);

	if (in->kind == KZ_APP_INDIVIDUAL && proxy)
		allowed |= BIT(KZ_APPDOC_ID_COPY); /* the applicant's own ID as well */
	for (int i = 0; i < KZ_APPDOC_COUNT; i++) {
		if (!(in->docs & BIT(i)) || (allowed & BIT(i)))
			continue;
		if (in->kind == KZ_APP_INDIVIDUAL &&
			(i == KZ_APPDOC_POWER_OF_ATTORNEY || i == KZ_APPDOC_PROXY_ID))
			return kz_err(err, KZ_EINVAL,
				"%s goes with a proxy; name the proxy with 'proxy: ...' and "
				"'proxy-doc: ...', or leave it out",
				kz_app_doc_code(i));
		return kz_err(err, KZ_EINVAL, "%s is not a document of p.11 for %s",
			kz_app_doc_code(i),
			in->kind == KZ_APP_LEGAL ? "a legal entity" : "an individual");
	}
	if (in->docs >> KZ_APPDOC_COUNT)
		return kz_err(err, KZ_EINVAL, "unknown document bits 0x%x", in->docs);
	return KZ_OK;
}

static int
check_act(const struct kz_app_input *in, char *err)
{
	if (in->nact == 0)
		return KZ_OK;
	if (!(in->docs & BIT(KZ_APPDOC_ACT)))
		return kz_err(err, KZ_EINVAL,
			"the act's rows are given but the act is not among the documents; add act "
			"to --docs");
	if (in->act == NULL || in->nact < 0 || in->nact > KZ_ACT_MAX_ROWS)
		return kz_err(err, KZ_EINVAL, "an act has 1 to %d rows, not %d", KZ_ACT_MAX_ROWS,
			in->nact);
	for (int i = 0; i < in->nact; i++) {
		const char *z = in->act[i].zone;
		if (memchr(z, '\0', sizeof in->act[i].zone) == NULL ||
			check_text(z, "an act row's zone", "the row", 1, sizeof in->act[i].zone - 1,
				err) != KZ_OK)
			return kz_err(err, KZ_EINVAL,
				"act row %d: its zone is missing, too long or "
				"not text",
				i + 1);
	}
	return kz_act_check(in->act, in->nact, in->act_total, NULL, err);
}

/* Everything about in that can be known without the database. */
static int
check_input(const struct kz_app_input *in, char *err)
{
	const size_t max = KZ_APP_TEXT_MAX;
	int legal = in->kind == KZ_APP_LEGAL, rc;

	if (in->kind != KZ_APP_INDIVIDUAL && in->kind != KZ_APP_LEGAL)
		return kz_err(err, KZ_EINVAL, "an applicant is an individual or a legal entity");
	if (legal) {
		if ((rc = check_text(in->name, "the legal entity's name", "'name: ...'", 1, max,
			     err)) ||
			(rc = check_text(in->representative, "the representative's full name",
				 "'representative: ...'", 1, max, err)) ||
			(rc = check_text(in->authority, "the representative's authority",
				 "'authority: ...'", 1, max, err)) ||
			(rc = check_text(in->id_doc, "the representative's identity document",
				 "'id-doc: ...'", 0, max, err)) ||
			(rc = check_text(in->phone, "the phone", "'phone: ...'", 0, max, err)) ||
			(rc = check_text(in->address, "the legal entity's address",
				 "'address: ...'", 0, max, err)) ||
			(rc = check_absent(in->proxy, "'proxy: ...'",
				 "is for an individual; a legal entity comes through its "
				 "representative ('representative: ...', 'authority: ...')",
				 err)) ||
			(rc = check_absent(in->proxy_doc, "'proxy-doc: ...'",
				 "is for an individual's proxy", err)))
			return rc;
	} else {
		if ((rc = check_text(in->name, "the applicant's full name", "'name: ...'", 1, max,
			     err)) ||
			(rc = check_text(in->id_doc, "the applicant's identity document",
				 "'id-doc: ...'", 1, max, err)) ||
			(rc = check_text(in->phone, "the applicant's phone", "'phone: ...'", 1, max,
				 err)) ||
			(rc = check_text(in->address, "the applicant's address", "'address: ...'",
				 1, max, err)) ||
			(rc = check_text(in->proxy, "the proxy's full name", "'proxy: ...'", 0, max,
				 err)) ||
			(rc = check_text(in->proxy_doc, "the proxy's power of attorney",
				 "'proxy-doc: ...'", given(in->proxy), max, err)) ||
			(rc = check_absent(in->representative, "'representative: ...'",
				 "is for a legal entity (--legal)", err)) ||
			(rc = check_absent(in->authority, "'authority: ...'",
				 "is for a legal entity (--legal)", err)))
			return rc;
		if (given(in->proxy_doc) && !given(in->proxy))
			return kz_err(err, KZ_EINVAL,
				"'proxy-doc: ...' goes with the proxy's name; add 'proxy: ...'");
	}
	if ((rc = check_text(in->plot_address, "the land plot's address", "'plot: ...'", 1, max,
		     err)) != KZ_OK ||
		(rc = check_idnum(in, err)) != KZ_OK || (rc = check_docs(in, err)) != KZ_OK)
		return rc;
	return check_act(in, err);
}

/* --- changes ----------------------------------------------------------- */

/* The role of the hall's active printer named printer; KZ_ROLE_NONE for
 * one it does not have (left to the outbox, which names it). */
static int
printer_role(struct kz_db *db, const char *printer, enum kz_printer_role *role, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "SELECT role FROM printers WHERE name = ? AND active = 1", err);
	char word[16] = "";
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, printer);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		kz_col_text(st, 0, word, sizeof word);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, "read printer", err);
	*role = kz_config_role_of(word);
	return KZ_OK;
}

/* The printer must be one for receipts or A4. */
static int
check_printer(struct kz_db *db, const char *printer, char *err)
{
	enum kz_printer_role role;
	int rc = printer_role(db, printer, &role, err);

	if (rc != KZ_OK)
		return rc;
	if (role == KZ_ROLE_TICKETS)
		return kz_err(err, KZ_EREJECT,
			"printer %s prints queue tickets; print receipts and notices on a printer "
			"with role receipts or a4",
			printer);
	return KZ_OK;
}

static int
next_number(struct kz_db *db, int year, char *number, size_t len, int64_t *seq, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO application_sequences (year, last) VALUES (?, 1)"
		" ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, year);
	if ((rc = kz_db_step_int(db, st, seq, "number application", err)) != KZ_OK)
		return rc;
	snprintf(number, len, "%04d-%04lld", year, (long long)*seq);
	return KZ_OK;
}

static int
insert_act(struct kz_db *db, int64_t id, const struct kz_app_input *in, char *err)
{
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < in->nact; i++) {
		const struct kz_act_row *r = &in->act[i];
		st = kz_db_stmt(db,
			"INSERT INTO application_act_rows (application_id, row, zone, area, rate,"
			" coef, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
			err);
		if (st == NULL)
			return KZ_EDB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		kz_bind_text(st, 3, r->zone);
		sqlite3_bind_int64(st, 4, r->area);
		sqlite3_bind_int64(st, 5, r->rate);
		sqlite3_bind_int64(st, 6, r->coef);
		sqlite3_bind_int64(st, 7, r->value);
		if ((rc = kz_db_exec_stmt(db, st, "record act", err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}

/* A text column: NULL for "not given". */
static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	kz_bind_text(st, i, given(s) ? s : NULL);
}

static int
insert_application(struct kz_db *db, const struct kz_app_input *in, const char *number, int year,
	int64_t seq, int64_t now, const struct kz_counter_row *c, struct kz_date due,
	unsigned missing, struct kz_calendar *cal, const char *lang, int64_t *id, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO applications (year, seq, number, kind, applicant, idnum, id_doc, phone,"
		" address, representative, authority, proxy, proxy_doc, plot_address, accepted_at,"
		" day, due_day, counter_id, clerk_id, status, docs, missing, act_total,"
		" notice_due_day, suspended_until, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
		err);
	char day[11], due_day[11], notice_day[11];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	kz_clock_day(now, day);
	kz_date_format(due, due_day);
	kz_date_format(kz_cal_add_calendar_days(cal, kz_date_of(now), 1), notice_day);
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, seq);
	kz_bind_text(st, 3, number);
	kz_bind_text(st, 4, kz_app_kind_name(in->kind));
	bind_opt(st, 5, in->name);
	bind_opt(st, 6, in->idnum);
	bind_opt(st, 7, in->id_doc);
	bind_opt(st, 8, in->phone);
	bind_opt(st, 9, in->address);
	bind_opt(st, 10, in->representative);
	bind_opt(st, 11, in->authority);
	bind_opt(st, 12, in->proxy);
	bind_opt(st, 13, in->proxy_doc);
	bind_opt(st, 14, in->plot_address);
	sqlite3_bind_int64(st, 15, now);
	kz_bind_text(st, 16, day);
	kz_bind_text(st, 17, due_day);
	kz_bind_id(st, 18, c->id);
	sqlite3_bind_int64(st, 19, c->clerk_id);
	kz_bind_text(st, 20, kz_app_state_name(missing ? KZ_APP_SUSPENDED : KZ_APP_REGISTERED));
	sqlite3_bind_int(st, 21, (int)in->docs);
	sqlite3_bind_int(st, 22, (int)missing);
	if (in->nact > 0)
		sqlite3_bind_int64(st, 23, in->act_total);
	kz_bind_text(st, 24, missing ? notice_day : NULL);
	kz_bind_text(st, 25, missing ? due_day : NULL);
	kz_bind_text(st, 26, lang);
	if ((rc = kz_db_exec_stmt(db, st, "record application", err)) != KZ_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(kz_db_sql(db));
	return KZ_OK;
}

/* Queue document in lang on printer for application id (in the caller's
 * transaction); *job the new job. */
static int
queue_paper(struct kz_db *db, const char *printer, enum kz_doc_kind document, const char *lang,
	int64_t id, int64_t *job, char *err)
{
	sqlite3_stmt *st;
	int rc = kz_outbox_add_job(db, printer, document, lang, 0, job, err);

	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "UPDATE print_jobs SET application_id = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, *job);
	return kz_db_exec_stmt(db, st, "queue print", err);
}

/* An open counter's row, or KZ_EREJECT saying how to open it for what. */
static int
open_counter(struct kz_db *db, int counter, const char *what, struct kz_counter_row *c, char *err)
{
	int rc = kz_counter_row(db, counter, c, err);

	if (rc != KZ_OK)
		return rc;
	if (c->state != KZ_COUNTER_OPEN)
		return kz_err(err, KZ_EREJECT,
			"counter %d is %s; open it with 'kezek counter open %d --clerk NAME "
			"--position TITLE' to %s",
			counter, kz_counter_state_name(c->state), counter, what);
	return KZ_OK;
}

/* Which holiday data the due day was counted on (calendar.h). */
static int
record_due_calendar(struct kz_db *db, int64_t id, struct kz_calendar *cal, struct kz_date today,
	char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(db, "UPDATE applications SET due_calendar = ? WHERE id = ?", err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, (int)kz_cal_span_data(cal, today, kz_cal_due(cal, today)));
	sqlite3_bind_int64(st, 2, id);
	return kz_db_exec_stmt(db, st, "record the due day's calendar", err);
}

static int
do_accept(struct kz_db *db, struct kz_calendar *cal, int counter, const struct kz_app_input *in,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err)
{
	int64_t now = kz_clock_now(), seq = 0, id = 0, job_id = 0;
	struct kz_date today = kz_date_of(now);
	unsigned missing = kz_app_docs_required(in->kind, given(in->proxy)) & ~in->docs;
	struct kz_counter_row c;
	char number[16], out_number[KZ_OUTGOING_LEN], out_day[11];
	int rc;

	if ((rc = open_counter(db, counter, "accept documents", &c, err)) != KZ_OK)
		return rc;
	if (printer != NULL && (rc = check_printer(db, printer, err)) != KZ_OK)
		return rc;
	if ((rc = next_number(db, today.y, number, sizeof number, &seq, err)) != KZ_OK ||
		(rc = insert_application(db, in, number, today.y, seq, now, &c,
			 kz_cal_due(cal, today), missing, cal, lang, &id, err)) != KZ_OK ||
		(rc = insert_act(db, id, in, err)) != KZ_OK ||
		(rc = record_due_calendar(db, id, cal, today, err)) != KZ_OK ||
		(rc = kz_event_add(db, now,
			 missing ? KZ_EVENT_APP_SUSPENDED : KZ_EVENT_APP_REGISTERED, 0, c.id,
			 c.clerk_id, 0, number, err)) != KZ_OK)
		return rc;
	/* the notice is an outgoing paper of this day, printed or not */
	if (missing &&
		(rc = kz_outgoing_take(db, KZ_OUTGOING_NOTICE, id, now, out_number, out_day,
			 err)) != KZ_OK)
		return rc;
	/* the application and its receipt or notice in one transaction: a
	 * printer that fails later never loses either */
	if (printer != NULL &&
		(rc = queue_paper(db, printer, missing ? KZ_DOC_NOTICE : KZ_DOC_RECEIPT, lang, id,
			 &job_id, err)) != KZ_OK)
		return rc;
	if (job)
		*job = job_id;
	return kz_app_get(db, number, out, err);
}

/* The codes of the documents in set, "act, conclusion", into buf. */
static void
doc_codes(unsigned set, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < KZ_APPDOC_COUNT && n < len; i++)
		if (set & BIT(i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
				kz_app_doc_code(i));
}

/* Whether docs complete suspended application a's set (p.11). */
static int
check_resume_docs(const struct kz_application *a, unsigned docs, char *err)
{
	unsigned required = kz_app_docs_required(a->kind, a->proxy[0] != '\0');
	unsigned lacking = required & ~a->docs;
	char codes[160];

	if (docs == 0)
		return kz_err(err, KZ_EINVAL, "name the documents brought: --docs LIST");
	if (docs & a->docs) {
		doc_codes(docs & a->docs, codes, sizeof codes);
		return kz_err(err, KZ_EINVAL,
			"%s of %s was handed in already; name only the missing ones", codes,
			a->number);
	}
	if (docs & ~lacking) {
		doc_codes(docs & ~lacking, codes, sizeof codes);
		return kz_err(err, KZ_EINVAL, "%s is not among the documents %s lacks", codes,
			a->number);
	}
	if (lacking & ~docs) {
		doc_codes(lacking & ~docs, codes, sizeof codes);
		return kz_err(err, KZ_EREJECT,
			"%s still lacks %s; the set of p.11 must be complete to go on (the "
			"suspension runs to %s)",
			a->number, codes, a->suspended_until);
	}
	return KZ_OK;
}

static int
do_resume(struct kz_db *db, struct kz_calendar *cal, const char *number, int counter, unsigned docs,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err)
{
	int64_t now = kz_clock_now(), job_id = 0;
	struct kz_counter_row c;
	char due[11];
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_app_get(db, number, out, err)) != KZ_OK)
		return rc;
	if (out->status != KZ_APP_SUSPENDED)
		return kz_err(err, KZ_EREJECT,
			"application %s is %s; only a suspended one (p.16) takes its missing "
			"documents",
			number, kz_app_state_name(out->state));
	if (out->expired)
		return kz_err(err, KZ_EREJECT,
			"the suspension of %s ended on %s without the documents, so it is refused "
			"(p.16); accept a new application with the full set",
			number, out->suspended_until);
	if ((rc = check_resume_docs(out, docs, err)) != KZ_OK ||
		(rc = open_counter(db, counter, "take the documents", &c, err)) != KZ_OK ||
		(printer != NULL && (rc = check_printer(db, printer, err)) != KZ_OK))
		return rc;
	kz_date_format(kz_cal_due(cal, kz_date_of(now)), due);
	st = kz_db_stmt(db,
		"UPDATE applications SET status = 'registered', docs = docs | ?, due_day = ?,"
		" resumed_at = ?, resumed_clerk_id = ?, receipt_printed_at = NULL"
		" WHERE id = ? AND status = 'suspended'",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, (int)docs);
	kz_bind_text(st, 2, due);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, c.clerk_id);
	sqlite3_bind_int64(st, 5, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "resume application", err)) != KZ_OK ||
		(rc = record_due_calendar(db, out->id, cal, kz_date_of(now), err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_APP_RESUMED, 0, c.id, c.clerk_id, 0, number,
			 err)) != KZ_OK)
		return rc;
	if (printer != NULL &&
		(rc = queue_paper(db, printer, KZ_DOC_RECEIPT, lang ? lang : out->lang, out->id,
			 &job_id, err)) != KZ_OK)
		return rc;
	if (job)
		*job = job_id;
	return kz_app_get(db, number, out, err);
}

/* The printer a refusal goes to must print A4. */
static int
check_a4(struct kz_db *db, const char *printer, char *err)
{
	enum kz_printer_role role;
	int rc = printer_role(db, printer, &role, err);

	if (rc != KZ_OK)
		return rc;
	if (role != KZ_ROLE_NONE && role != KZ_ROLE_A4)
		return kz_err(err, KZ_EREJECT,
			"printer %s holds a roll; a motivated refusal is a letter on A4: name a "
			"printer with role a4",
			printer);
	return KZ_OK;
}

/* Application id, numbered number in lang, is refused in writing now: its
 * refusal takes an outgoing number and, with printer, is queued. */
static int
refusal_paper(struct kz_db *db, int64_t id, int64_t now, const char *printer, const char *lang,
	int64_t *job, char *err)
{
	char out_number[KZ_OUTGOING_LEN], out_day[11];
	int rc = kz_outgoing_take(db, KZ_OUTGOING_REFUSAL, id, now, out_number, out_day, err);

	if (rc != KZ_OK || printer == NULL)
		return rc;
	return queue_paper(db, printer, KZ_DOC_REFUSAL, lang, id, job, err);
}

static int
do_expire(struct kz_db *db, const char *printer, int *n, char *err)
{
	int64_t now = kz_clock_now(), *ids = NULL, job;
	char today[11], lang[3], number[16];
	sqlite3_stmt *st;
	int rc = KZ_OK, count = 0, cap = 0;

	kz_clock_day(now, today);
	if (printer != NULL && (rc = check_a4(db, printer, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT id FROM applications WHERE status = 'suspended' AND suspended_until < ?"
		" ORDER BY id",
		err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			int64_t *more =
				realloc(ids, (size_t)(cap = cap ? 2 * cap : 16) * sizeof *ids);
			if (more == NULL) {
				sqlite3_reset(st);
				free(ids);
				return kz_err(err, KZ_ENOMEM, "out of memory listing suspensions");
			}
			ids = more;
		}
		ids[count++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return kz_db_fail(db, rc, "list suspensions", err);
	}
	rc = KZ_OK;
	for (int i = 0; rc == KZ_OK && i < count; i++) {
		st = kz_db_stmt(db,
			"UPDATE applications SET status = 'refused', refused_at = ?"
			" WHERE id = ? RETURNING number, lang",
			err);
		if (st == NULL) {
			rc = KZ_EDB;
			break;
		}
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int64(st, 2, ids[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			kz_col_text(st, 0, number, sizeof number);
			kz_col_text(st, 1, lang, sizeof lang);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW) {
			rc = kz_db_fail(db, rc, "refuse application", err);
			break;
		}
		if ((rc = kz_event_add(db, now, KZ_EVENT_APP_REFUSED, 0, 0, 0, 0, number, err)) ==
			KZ_OK)
			rc = refusal_paper(db, ids[i], now, printer, lang, &job, err);
	}
	free(ids);
	if (n)
		*n = count;
	return rc;
}

static int
do_decide(struct kz_db *db, const char *number, int approve, const char *reason,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err)
{
	int64_t now = kz_clock_now(), job_id = 0;
	char day[11], when[11];
	sqlite3_stmt *st;
	int rc;

	if ((rc = check_text(reason, "the reason of a rejection", "'reason: ...'", !approve,
		     KZ_APP_REASON_MAX, err)) != KZ_OK ||
		(rc = kz_app_get(db, number, out, err)) != KZ_OK)
		return rc;
	if (out->status == KZ_APP_REFUSED)
		return kz_err(err, KZ_EREJECT,
			"application %s was refused for missing documents (p.16); there is nothing "
			"to decide",
			number);
	if (out->status == KZ_APP_SUSPENDED)
		return kz_err(err, KZ_EREJECT,
			"application %s is suspended until %s for missing documents (p.16); take "
			"them with 'kezek resume %s --docs LIST' first",
			number, out->suspended_until, number);
	if (out->status != KZ_APP_REGISTERED) {
		kz_clock_day(out->decided_at, when);
		return kz_err(err, KZ_EREJECT, "application %s was already %s on %s", number,
			kz_app_state_name(out->status), when);
	}
	if (!approve && out->deemed)
		return kz_err(err, KZ_EREJECT,
			"application %s is deemed approved from %s (p.16): it had no decision by its "
			"due day; it can be approved, not rejected",
			number, out->due_day);
	if (!approve && printer != NULL && (rc = check_a4(db, printer, err)) != KZ_OK)
		return rc;
	kz_clock_day(now, day);
	st = kz_db_stmt(db,
		"UPDATE applications SET status = ?, decided_at = ?, decided_day = ?,"
		" decision_reason = ? WHERE id = ? AND status = 'registered'",
		err);
	if (st == NULL)
		return KZ_EDB;
	kz_bind_text(st, 1, kz_app_state_name(approve ? KZ_APP_APPROVED : KZ_APP_REJECTED));
	sqlite3_bind_int64(st, 2, now);
	kz_bind_text(st, 3, day);
	kz_bind_text(st, 4, given(reason) ? reason : "");
	sqlite3_bind_int64(st, 5, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "record decision", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, approve ? KZ_EVENT_APP_APPROVED : KZ_EVENT_APP_REJECTED,
			 0, 0, 0, 0, number, err)) != KZ_OK)
		return rc;
	if (!approve &&
		(rc = refusal_paper(db, out->id, now, printer, lang ? lang : out->lang, &job_id,
			 err)) != KZ_OK)
		return rc;
	if (job)
		*job = job_id;
	return kz_app_get(db, number, out, err);
}

static int
do_handover(struct kz_db *db, const char *number, int counter, const char *proxy,
	const char *proxy_doc, struct kz_application *out, char *err)
{
	int64_t now = kz_clock_now();
	struct kz_counter_row c = {0};
	char when[11];
	sqlite3_stmt *st;
	int rc;

	if ((rc = check_text(proxy, "the proxy's full name", "'proxy-name: ...'", 0,
		     KZ_APP_TEXT_MAX, err)) != KZ_OK ||
		(rc = check_text(proxy_doc, "the proxy's power of attorney", "'proxy-doc: ...'",
			 given(proxy), KZ_APP_TEXT_MAX, err)) != KZ_OK)
		return rc;
	if (given(proxy_doc) && !given(proxy))
		return kz_err(err, KZ_EINVAL,
			"'proxy-doc: ...' goes with the proxy's name ('proxy-name: ...')");
	if ((rc = kz_app_get(db, number, out, err)) != KZ_OK)
		return rc;
	if (out->status == KZ_APP_REFUSED || out->status == KZ_APP_SUSPENDED)
		return kz_err(err, KZ_EREJECT,
			"application %s is %s for missing documents (p.16); it has no result "
			"to hand over",
			number, kz_app_state_name(out->status));
	if (out->handed_at != 0) {
		kz_clock_day(out->handed_at, when);
		return kz_err(err, KZ_EREJECT, "the result of %s was handed over on %s already",
			number, when);
	}
	if (out->status == KZ_APP_REGISTERED && !out->deemed)
		return kz_err(err, KZ_EREJECT,
			"application %s has no decision yet (due %s); record one with 'kezek decide "
			"%s approve|reject'",
			number, out->due_day, number);
	if (counter != 0) {
		if ((rc = kz_counter_row(db, counter, &c, err)) != KZ_OK)
			return rc;
		if (c.state != KZ_COUNTER_OPEN)
			return kz_err(err, KZ_EREJECT,
				"counter %d is %s; hand the result over at an "
				"open counter",
				counter, kz_counter_state_name(c.state));
	}
	st = kz_db_stmt(db,
		"UPDATE applications SET handed_at = ?, handed_to = ?,"
		" handed_name = coalesce(?, CASE kind WHEN 'legal' THEN representative ELSE applicant END),"
		" handed_doc = ?, handed_clerk_id = ? WHERE id = ? AND handed_at IS NULL",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	kz_bind_text(st, 2,
		kz_app_handed_name(given(proxy) ? KZ_HANDED_PROXY : KZ_HANDED_APPLICANT));
	bind_opt(st, 3, proxy);
	bind_opt(st, 4, proxy_doc);
	kz_bind_id(st, 5, c.clerk_id);
	sqlite3_bind_int64(st, 6, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "record hand-over", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_APP_HANDED_OVER, 0, c.id, c.clerk_id, 0,
			 number, err)) != KZ_OK)
		return rc;
	return kz_app_get(db, number, out, err);
}

static int
do_notice_sent(struct kz_db *db, const char *number, struct kz_application *out, char *err)
{
	int64_t now = kz_clock_now();
	char when[11];
	sqlite3_stmt *st;
	int rc;

	if ((rc = kz_app_get(db, number, out, err)) != KZ_OK)
		return rc;
	if (out->notice_due_day[0] == '\0')
		return kz_err(err, KZ_EREJECT,
			"application %s is %s; a notice of p.16 goes only with a suspension for "
			"missing documents",
			number, kz_app_state_name(out->state));
	if (out->notice_sent_at != 0) {
		kz_clock_day(out->notice_sent_at, when);
		return kz_err(err, KZ_EREJECT, "the notice of %s was recorded sent on %s already",
			number, when);
	}
	st = kz_db_stmt(db, "UPDATE applications SET notice_sent_at = ? WHERE id = ?", err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, out->id);
	if ((rc = kz_db_exec_stmt(db, st, "record notice", err)) != KZ_OK ||
		(rc = kz_event_add(db, now, KZ_EVENT_APP_NOTICE_SENT, 0, 0, 0, 0, number, err)) !=
			KZ_OK)
		return rc;
	return kz_app_get(db, number, out, err);
}

/* lang, if given, is kk or ru. */
static int
check_lang(const char *lang, char *err)
{
	if (lang == NULL || strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0)
		return KZ_OK;
	return kz_err(err, KZ_EINVAL, "a receipt, notice or refusal prints in kk or ru, not '%.8s'",
		lang);
}

int
kz_app_accept(struct kz_db *db, struct kz_calendar *cal, int counter, const struct kz_app_input *in,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err)
{
	int rc;

	if (job)
		*job = 0;
	if ((rc = check_input(in, err)) != KZ_OK || (rc = check_lang(lang, err)) != KZ_OK)
		return rc;
	IN_TX(do_accept(db, cal, counter, in, printer, lang ? lang : "kk", out, job, err));
}

int
kz_app_resume(struct kz_db *db, struct kz_calendar *cal, const char *number, int counter,
	unsigned docs, const char *printer, const char *lang, struct kz_application *out,
	int64_t *job, char *err)
{
	int rc;

	if (job)
		*job = 0;
	if ((rc = check_lang(lang, err)) != KZ_OK)
		return rc;
	IN_TX(do_resume(db, cal, number, counter, docs, printer, lang, out, job, err));
}

int
kz_app_expire(struct kz_db *db, const char *printer, int *n, char *err)
{
	if (n)
		*n = 0;
	IN_TX(do_expire(db, printer, n, err));
}

int
kz_app_default_printer(struct kz_db *db, int a4_only, char *name, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT name FROM printers WHERE active = 1 AND role IN ('receipts', 'a4')"
		" AND (?1 = 0 OR role = 'a4')"
		" ORDER BY state IN ('paper_out', 'cover_open', 'offline', 'error'), role = 'a4', id"
		" LIMIT 1",
		err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int(st, 1, a4_only);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		kz_col_text(st, 0, name, 32);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return kz_err(err, KZ_ENOTFOUND,
			"no printer of role %s is configured; add one to [printer NAME] of hall.ini",
			a4_only ? "a4" : "receipts or a4");
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, "choose a printer", err);
}

int
kz_app_counter_printer(struct kz_db *db, const struct kz_config *cfg, int counter, char *name,
	char *err)
{
	const struct kz_counter_conf *k = cfg ? kz_config_counter(cfg, counter) : NULL;

	if (k != NULL && k->printer[0]) {
		snprintf(name, 32, "%s", k->printer);
		return KZ_OK;
	}
	return kz_app_default_printer(db, 0, name, err);
}

int
kz_app_decide_print(struct kz_db *db, const char *number, int approve, const char *reason,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err)
{
	int rc;

	if (job)
		*job = 0;
	if ((rc = check_lang(lang, err)) != KZ_OK)
		return rc;
	IN_TX(do_decide(db, number, approve, reason, printer, lang, out, job, err));
}

int
kz_app_decide(struct kz_db *db, const char *number, int approve, const char *reason,
	struct kz_application *out, char *err)
{
	return kz_app_decide_print(db, number, approve, reason, NULL, NULL, out, NULL, err);
}

int
kz_app_handover(struct kz_db *db, const char *number, int counter, const char *proxy_name,
	const char *proxy_doc, struct kz_application *out, char *err)
{
	IN_TX(do_handover(db, number, counter, proxy_name, proxy_doc, out, err));
}

int
kz_app_notice_sent(struct kz_db *db, const char *number, struct kz_application *out, char *err)
{
	IN_TX(do_notice_sent(db, number, out, err));
}
