/*
 * sql.h - what queue/ modules share to talk to SQLite.  Private to queue/:
 * no other folder of the program includes it (the tests do), so all SQL
 * stays in one place.
 */
#ifndef KZ_SQL_H
#define KZ_SQL_H

#include <sqlite3.h>

#include "application.h"
#include "counter.h"
#include "db.h"
#include "ticket.h"

/* The connection. */
sqlite3 *kz_db_sql(struct kz_db *db);

/* A prepared statement for sql, kept for the life of db and reset; sql must
 * be a string literal (its address is the cache key).  NULL on failure with
 * err set. */
sqlite3_stmt *kz_db_stmt(struct kz_db *db, const char *sql, char *err);

/* BEGIN IMMEDIATE (writers) or BEGIN (a consistent read).  Transactions
 * nest: one begun inside another is a savepoint of it, its commit a
 * RELEASE (kept only when the outer one commits) and its rollback a
 * ROLLBACK TO (the outer one goes on without it).  So a caller may wrap
 * several queue functions, each one transaction of its own, into one
 * (queue/idem.h: a device's answer kept with the change it answers). */
int kz_db_begin(struct kz_db *db, char *err);
int kz_db_begin_read(struct kz_db *db, char *err);
int kz_db_commit(struct kz_db *db, char *err);
void kz_db_rollback(struct kz_db *db);
/* Transactions open now: 0 none, 1 an outer one, more its savepoints. */
int kz_db_depth(struct kz_db *db);

/* Return from the calling function with call run as one BEGIN IMMEDIATE
 * transaction: committed if it returns KZ_OK, rolled back otherwise.  The
 * caller has db and err in scope. */
#define IN_TX(call)                                                                                \
	do {                                                                                       \
		int rc_ = kz_db_begin(db, err);                                                    \
		if (rc_ != KZ_OK)                                                                  \
			return rc_;                                                                \
		if ((rc_ = (call)) != KZ_OK) {                                                     \
			kz_db_rollback(db);                                                        \
			return rc_;                                                                \
		}                                                                                  \
		return kz_db_commit(db, err);                                                      \
	} while (0)

/* Turn a SQLite result into KZ_EBUSY or KZ_EDB with "what: sqlite's words". */
int kz_db_fail(struct kz_db *db, int rc, const char *what, char *err);

/* Step a statement that returns one row and read its first column into
 * *out; resets it.  KZ_EDB (or KZ_EBUSY) naming what if there is no row. */
int kz_db_step_int(struct kz_db *db, sqlite3_stmt *st, int64_t *out, const char *what, char *err);

/* Step a statement that returns no rows (or whose rows don't matter). */
int kz_db_exec_stmt(struct kz_db *db, sqlite3_stmt *st, const char *what, char *err);

/* Bind helpers that treat a NULL text or a zero id as SQL NULL. */
void kz_bind_text(sqlite3_stmt *st, int i, const char *s);
void kz_bind_id(sqlite3_stmt *st, int i, int64_t id);

/* The first column of the first row of sql (no parameters) as text into
 * out (len bytes); "" when there is no row or on error.  For messages. */
void kz_db_text(struct kz_db *db, const char *sql, char *out, size_t len);

/* Copy column i as text into dst (len bytes, "" for NULL). */
void kz_col_text(sqlite3_stmt *st, int i, char *dst, size_t len);

/* The active service with this code or prefix (code first): its id, and
 * its prefix into prefix (plen bytes; may be NULL).  KZ_ENOTFOUND naming
 * the hall's services. */
int kz_service_find(struct kz_db *db, const char *code, int64_t *id, char *prefix, size_t plen,
	char *err);

/* kz_status_read's work inside a read transaction the caller holds. */
struct kz_status;
int kz_status_fill(struct kz_db *db, struct kz_status *out, char *err);

/* kz_feedback_summary's work inside a read transaction the caller holds. */
struct kz_feedback_summary;
int kz_feedback_fill(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err);

/* What a ticket print needs besides the ticket row (outbox.c). */
int kz_outbox_add_ticket_detail(struct kz_db *db, int64_t job, int64_t resumes_at, char *err);

/* What the event log records.  The events table's kind column holds a
 * word for each (kz_event_name), spelt in event.c only; queries may name
 * the words in their SQL. */
enum kz_event_kind {
	KZ_EVENT_OTHER, /* a word this build does not know; never written */
	/* a ticket's steps */
	KZ_EVENT_ISSUED,
	KZ_EVENT_REQUEUED, /* a transfer's new place */
	KZ_EVENT_CALLED,
	KZ_EVENT_RECALLED,
	KZ_EVENT_STARTED,
	/* a ticket's end, logged under its outcome (kz_event_of_outcome) */
	KZ_EVENT_SERVED,
	KZ_EVENT_NO_SHOW,
	KZ_EVENT_TRANSFERRED,
	KZ_EVENT_CANCELLED,
	KZ_EVENT_OFFICE_CLOSED,
	KZ_EVENT_PRINT_UNSEEN, /* a ticket not seen printed */
	KZ_EVENT_COUNTER_OPENED,
	KZ_EVENT_COUNTER_RESUMED,
	KZ_EVENT_COUNTER_PAUSED,
	KZ_EVENT_COUNTER_CLOSED,
	KZ_EVENT_CLERK_LOGIN,
	KZ_EVENT_LOGIN_FAILED,
	KZ_EVENT_CLERK_PIN_SET,
	KZ_EVENT_APP_REGISTERED,
	KZ_EVENT_APP_REFUSED,
	KZ_EVENT_APP_APPROVED,
	KZ_EVENT_APP_REJECTED,
	KZ_EVENT_APP_HANDED_OVER,
	KZ_EVENT_APP_NOTICE_SENT,
	KZ_EVENT_APP_SUSPENDED, /* a document missing at intake (p.16) */
	KZ_EVENT_APP_RESUMED,   /* the missing documents came: the term runs again */
	KZ_EVENT_COMPLAINT_ADDED,
	KZ_EVENT_COMPLAINT_ANSWERED,
	KZ_EVENT_FEEDBACK,
	KZ_EVENT_PURGED,
	KZ_EVENT_PRINT_ASKED,   /* a person asked for a paper to be printed again */
	KZ_EVENT_PRINT_EXPIRED, /* a ticket not printed in time: it will not be, unasked */
	KZ_EVENT_POSTPONED,     /* sent away from the counter for a while (detail: reason) */
	KZ_EVENT_RETURNED,      /* a postponed visitor called back to the counter */
	KZ_EVENT_HALL_REQUEST,  /* kezek-hall did a request's change (request.h) */
	KZ_EVENT_HALL_REFUSED,  /* kezek-hall refused a request (request.h) */
	KZ_EVENT_COUNT
};

/* The column's word for kind ("called"); "?" for KZ_EVENT_OTHER or a value
 * outside the enum. */
const char *kz_event_name(enum kz_event_kind kind);

/* The kind a column's word names; KZ_EVENT_OTHER for NULL or a word this
 * build does not know. */
enum kz_event_kind kz_event_from_db(const char *s);

/* The event a ticket's end with outcome o is logged as, and back:
 * KZ_EVENT_OTHER and KZ_OUTCOME_NONE for none. */
enum kz_event_kind kz_event_of_outcome(enum kz_outcome o);
enum kz_outcome kz_event_outcome(enum kz_event_kind kind);

/* Append one row to the event log (event.c).  KZ_EINVAL for
 * KZ_EVENT_OTHER or a value outside the enum. */
int kz_event_add(struct kz_db *db, int64_t at, enum kz_event_kind kind, int64_t ticket_id,
	int64_t counter_id, int64_t clerk_id, int64_t service_id, const char *detail, char *err);

/* A counter's row, for the modules that change counters and tickets. */
struct kz_counter_row {
	int64_t id;
	int number;
	int active; /* still in the configuration */
	enum kz_counter_state state;
	int64_t clerk_id;  /* 0 when closed */
	int64_t ticket_id; /* the visitor at it, 0 if none */
	char clerk[256];   /* the clerk's full name, "" when closed */
};

/* A ticket row by id (ticket.c). */
int kz_ticket_load(struct kz_db *db, int64_t id, struct kz_ticket *out, char *err);

/* The visitor at counter, in one of the states allowed (bits 1u << state);
 * verb names the action in the refusal.  Runs kz_postpone_expire first. */
int kz_ticket_at_counter(struct kz_db *db, int counter, unsigned allowed, const char *verb,
	struct kz_counter_row *c, struct kz_ticket *t, char *err);

/* The counter is open and has no visitor at it: ready to call. */
int kz_counter_ready(struct kz_db *db, int counter, struct kz_counter_row *c, char *err);

/* End, as no-shows, the postponements of counter (0: every counter) whose
 * time ran out by now: each ends at its limit, logged as a no_show
 * (postpone-expire.c).  The ticket operations on a counter run it first. */
int kz_postpone_expire(struct kz_db *db, int counter, int64_t now, char *err);

/* Close of day: postponements run out end as no-shows, the others as
 * office_closed (the office closed before the visitor came back). */
int kz_postpone_close_day(struct kz_db *db, int64_t now, char *err);

/* The enums of the row readers, from the words their columns store
 * (names.h; NULL or a word not known, which the schema's CHECKs rule
 * out, gives done, none and closed). */
enum kz_ticket_state kz_ticket_state_from_db(const char *s);
enum kz_outcome kz_outcome_from_db(const char *s);
enum kz_counter_state kz_counter_state_from_db(const char *s);
enum kz_app_kind kz_app_kind_from_db(const char *s);
enum kz_app_state kz_app_state_from_db(const char *s);
enum kz_app_handed kz_app_handed_from_db(const char *s);

/* Load counter number; KZ_ENOTFOUND with a message naming the counters. */
int kz_counter_row(struct kz_db *db, int number, struct kz_counter_row *out, char *err);

/* Find or add the clerk (full name, position); trims nothing, checks both
 * are non-empty and short.  *id on KZ_OK. */
int kz_clerk_id(struct kz_db *db, const char *name, const char *position, int64_t *id, char *err);

#endif
