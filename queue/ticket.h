/*
 * ticket.h - the queue: issue, call, recall, start, finish, close of day.
 *
 * A ticket waits, is called to a counter, may be started, and is finished
 * with an outcome:
 *
 *   waiting --next--> called --start--> serving
 *   called|serving --finish--> done (served, cancelled, transferred)
 *   called --finish--> done (no-show)
 *   waiting --close of day--> done (office_closed)
 *   called|serving --postpone--> postponed --return--> called|serving
 *   postponed --time runs out--> done (no_show); see postpone.h
 *
 * Calling is strictly first come, first served over the services the
 * counter serves (p.9: no appointments, no priorities).  A transfer ends
 * the place in one queue and opens one in another with the same number and
 * the original issue time, so the visitor keeps their turn.  Counters are
 * addressed by number; the visitor at a counter is found from it.
 * Every operation is one BEGIN IMMEDIATE transaction that also appends to
 * the event log; on any error nothing has changed.
 */
#ifndef KZ_TICKET_H
#define KZ_TICKET_H

#include <stdint.h>

#include "calendar.h"
#include "config.h"
#include "db.h"

#define KZ_TRANSFER_COMMENT_LEN 256 /* bytes of a transfer's comment, with NUL */

/* Where a place in a queue is; stored as its name (kz_ticket_state_name). */
enum kz_ticket_state {
	KZ_TICKET_WAITING,
	KZ_TICKET_CALLED,
	KZ_TICKET_SERVING,
	KZ_TICKET_DONE,
	KZ_TICKET_POSTPONED, /* sent away for a while; the counter calls them back */
};

/* How it ended; stored as its name (kz_outcome_name). */
enum kz_outcome {
	KZ_OUTCOME_NONE, /* not done yet */
	KZ_SERVED,
	KZ_NO_SHOW,
	KZ_TRANSFERRED,
	KZ_CANCELLED,
	KZ_OFFICE_CLOSED, /* only by close of day */
};

struct kz_ticket {
	int64_t id;                /* row id of this place in a queue */
	char number[24];           /* as printed: A-001 */
	char service[KZ_CODE_LEN]; /* code of the service it waits for now */
	char day[11];              /* local day of issue, YYYY-MM-DD */
	enum kz_ticket_state state;
	enum kz_outcome outcome; /* KZ_OUTCOME_NONE until done */
	int64_t issued_at;       /* original issue time, UTC seconds */
	int64_t called_at;       /* 0 if not yet */
	int64_t started_at;      /* 0 if not yet */
	int64_t finished_at;     /* 0 if not yet */
	int counter;             /* counter number, 0 if none */
	int recalls;             /* times recalled */
	char clerk[256];         /* who called it, "" if nobody yet */
	int lunch_notice;        /* at issue: reception breaks for lunch soon */
	int64_t resumes_at;      /* with lunch_notice: when reception resumes */
	int64_t postponed_until; /* the last postponement's limit, 0 if never */
	int64_t away_seconds;    /* time spent postponed, kept out of the service time */
	char comment[KZ_TRANSFER_COMMENT_LEN]; /* a transferred place: the sending clerk's
						  comment, "" none */
};

/* May a ticket be issued at instant t?  KZ_OK, or KZ_ECLOSED with a message
 * giving the reason (weekend, which holiday, lunch, before or after hours,
 * past the last ticket of the day) and when tickets are issued again.
 * *office (may be NULL) gets the office's state.  Tickets stop
 * hours.last_ticket minutes before closing, so everyone who takes one can
 * still be served within the day; in the hours.lunch_notice minutes before
 * lunch they are issued with *lunch_notice set (may be NULL). */
int kz_ticket_may_issue(struct kz_calendar *cal, int64_t t, struct kz_office *office,
	int *lunch_notice, char *err);

/* Issue the next number of service (code or prefix) for today, if the
 * calendar allows it now (kz_ticket_may_issue).  KZ_ECLOSED when it does
 * not; KZ_ENOTFOUND for an unknown service (message lists the known ones). */
int kz_ticket_issue(struct kz_db *db, struct kz_calendar *cal, const char *service,
	struct kz_ticket *out, char *err);

/* kz_ticket_issue, and in the same transaction a print of the ticket in
 * lang ("kk" or "ru") on printer (outbox.h); *job (may be NULL) is the print
 * job.  Fails whole (no ticket) if the printer is not in the hall. */
int kz_ticket_issue_print(struct kz_db *db, struct kz_calendar *cal, const char *service,
	const char *printer, const char *lang, struct kz_ticket *out, int64_t *job, char *err);

/* Call the longest-waiting ticket of today to counter.  KZ_EREJECT if the
 * counter is not open or still has a visitor; KZ_EEMPTY if no one waits. */
int kz_ticket_next(struct kz_db *db, int counter, struct kz_ticket *out, char *err);

/* Call the counter's ticket again (it has not come up).  Only while called. */
int kz_ticket_recall(struct kz_db *db, int counter, struct kz_ticket *out, char *err);

/* The visitor came: service starts.  Only while called. */
int kz_ticket_start(struct kz_db *db, int counter, struct kz_ticket *out, char *err);

/* Finish the counter's ticket with outcome (not KZ_OFFICE_CLOSED).
 * to_service is required for KZ_TRANSFERRED and must differ from the
 * ticket's service; NULL otherwise.  expect, if not NULL, is the number the
 * clerk believes is at the counter: a mismatch is rejected.  *out is the
 * finished ticket (for a transfer: the new place, waiting). */
int kz_ticket_finish(struct kz_db *db, int counter, enum kz_outcome outcome, const char *to_service,
	const char *expect, struct kz_ticket *out, char *err);

/* kz_ticket_finish with KZ_TRANSFERRED, and the clerk's comment for the
 * counter that receives the visitor (NULL or "" for none): kept with the
 * new place (struct kz_ticket's comment) and shown where that place is
 * called and in its history; never in the event log (it is free text).
 * KZ_EINVAL for a comment of KZ_TRANSFER_COMMENT_LEN bytes or more, or
 * with a control character; else as kz_ticket_finish. */
int kz_ticket_transfer(struct kz_db *db, int counter, const char *to_service, const char *comment,
	const char *expect, struct kz_ticket *out, char *err);

/* Close of day: every ticket still waiting, of today or before, is done
 * with "office_closed".  *closed is how many; *at_counters how many
 * tickets are still called or in service (they need a clerk's finish). */
int kz_ticket_close_day(struct kz_db *db, int *closed, int *at_counters, char *err);

/* The place in a queue that ticket number holds now on day (NULL: today),
 * i.e. the latest row of that number.  KZ_ENOTFOUND if none. */
int kz_ticket_find(struct kz_db *db, const char *number, const char *day, struct kz_ticket *out,
	char *err);

/* How many tickets (*n) were issued on the days from..to, both included,
 * and the first of those days (first: "" if none). */
int kz_ticket_count_days(struct kz_db *db, const char *from, const char *to, int64_t *n,
	char first[11], char *err);

/* How many tickets (*n) of days before day `before` are not done yet, and
 * the first such day (first: "" if none). */
int kz_ticket_count_unfinished(struct kz_db *db, const char *before, int64_t *n, char first[11],
	char *err);

/* Outcome names: "served", "no_show", "transferred", "cancelled",
 * "office_closed" ("" for KZ_OUTCOME_NONE).  kz_outcome_parse also takes
 * "no-show"; KZ_EINVAL for anything else. */
const char *kz_outcome_name(enum kz_outcome o);
int kz_outcome_parse(const char *s, enum kz_outcome *out);

/* State names, as stored and printed: "waiting", "called", "serving",
 * "done", "postponed"; kz_ticket_state_say is how a person reads it ("in service"). */
const char *kz_ticket_state_name(enum kz_ticket_state s);
const char *kz_ticket_state_say(enum kz_ticket_state s);

#endif
