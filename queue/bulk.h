/*
 * bulk.h - rows written whole, for a benchmark's fixture (sim/generate.c):
 * tickets already done, feedback, applications and complaints, with no
 * event log and none of the checks of the queue's own operations.  Never
 * for a hall's real history: that goes through ticket.h, application.h,
 * complaint.h.  The caller groups rows into transactions (kz_bulk_begin ..
 * kz_bulk_commit) so that a day is one commit.
 */
#ifndef KZ_BULK_H
#define KZ_BULK_H

#include <stdint.h>

#include "application.h"
#include "complaint.h"
#include "config.h"
#include "db.h"
#include "ticket.h"

#define KZ_BULK_CLERKS 12 /* clerks kz_bulk_hall adds */

/* The hall's row ids the rows refer to, in configuration order. */
struct kz_bulk_hall {
	int nservices, ncounters;
	int64_t services[KZ_MAX_SERVICES];           /* active services by id */
	char prefixes[KZ_MAX_SERVICES][KZ_CODE_LEN]; /* and their prefixes */
	int64_t counters[KZ_MAX_COUNTERS];           /* active counters by number */
	int64_t clerks[KZ_BULK_CLERKS];              /* the clerks added */
	int cases; /* the applications and complaints registers are there, and empty */
};

/* Read the hall's services and counters and add (or find) the clerks
 * named in names (KZ_BULK_CLERKS of them, all with position).  KZ_EREJECT
 * if the hall has no services or no counters. */
int kz_bulk_hall(struct kz_db *db, const char *const names[KZ_BULK_CLERKS], const char *position,
	struct kz_bulk_hall *out, char *err);

/* One transaction of rows: BEGIN IMMEDIATE, COMMIT, ROLLBACK. */
int kz_bulk_begin(struct kz_db *db, char *err);
int kz_bulk_commit(struct kz_db *db, char *err);
void kz_bulk_rollback(struct kz_db *db);

/* A ticket row, done.  Ids of 0 and instants of 0 are stored as NULL. */
struct kz_bulk_ticket {
	const char *day;    /* YYYY-MM-DD */
	int64_t service_id; /* its service */
	int seq;            /* its number of the day; number is PREFIX-seq */
	const char *prefix;
	int64_t issued_at, origin_id; /* origin: the place it was transferred from, 0 none */
	enum kz_outcome outcome;
	int64_t counter_id, clerk_id;
	int64_t called_at, started_at, finished_at;
};
int kz_bulk_ticket(struct kz_db *db, const struct kz_bulk_ticket *t, int64_t *id, char *err);

/* A kiosk's feedback row; an answer of -1 is a question skipped. */
struct kz_bulk_feedback {
	int64_t at;
	const char *day, *lang, *kiosk;
	int answers[4]; /* quality, information, appeal, politeness: 1 yes, 0 no, -1 skipped */
};
int kz_bulk_feedback(struct kz_db *db, const struct kz_bulk_feedback *f, char *err);

/* An application row with no personal fields.  Text NULL and 0 (ids,
 * instants) are stored as NULL. */
struct kz_bulk_application {
	int year, seq;
	const char *number;
	enum kz_app_kind kind;
	const char *day, *due_day;
	enum kz_app_state status; /* not deemed_approved: that is worked out */
	int64_t accepted_at, clerk_id;
	unsigned missing; /* docs are the first four of p.11 */
	int64_t decided_at;
	const char *decided_day, *reason, *notice_due_day;
	int64_t notice_sent_at, handed_at;
	enum kz_app_handed handed_to;
};
int kz_bulk_application(struct kz_db *db, const struct kz_bulk_application *a, char *err);

/* A complaint row with no personal fields. */
struct kz_bulk_complaint {
	int year, seq;
	const char *number;
	int64_t registered_at;
	enum kz_complaint_channel channel;
	enum kz_complaint_kind kind;
	int64_t clerk_id;
	int days;
	const char *due_day;
	int64_t answered_at;                      /* 0: open */
	enum kz_complaint_channel answer_channel; /* KZ_CHANNEL_NONE: open */
};
int kz_bulk_complaint(struct kz_db *db, const struct kz_bulk_complaint *c, char *err);

#endif
