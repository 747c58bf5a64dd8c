/*
 * postpone.h - a visitor sent from the counter for a while (to fetch a
 * copy, to pay a fee) and called back when they return.
 *
 *   called|serving --postpone--> postponed --return--> called|serving
 *   postponed --its time runs out--> done (no_show)
 *   postponed --close of day--> done (no_show if run out, else office_closed)
 *
 * The counter is free while its visitor is away and calls others; the
 * postponed ticket stays the counter's, and only that counter calls it
 * back.  A return goes back to where the visit was: called if service
 * had not started (so a visitor who does not come up can still be marked
 * a no-show), in service if it had.  The wait (p.7.2, wait.h) is issue to
 * the FIRST call and does not grow while the visitor is away; the service
 * time (p.7.3) runs from the first call to the finish, less the time away
 * (away_seconds), so a visitor who went for a copy does not count against
 * the clerk.  The board shows nothing of a postponement.
 *
 * A postponement whose time ran out ends as a no-show, at its limit, when
 * the next operation touches its counter (next, recall, start, finish,
 * postpone, return, open, pause, close, or this module's list) or at close
 * of day, by the injectable clock (clock.h).  Each change is one
 * transaction with its event: 'postponed' (detail: the reason),
 * 'returned', and the end under its outcome.
 */
#ifndef KZ_POSTPONE_H
#define KZ_POSTPONE_H

#include <stdint.h>

#include "config.h"
#include "db.h"
#include "ticket.h"

#define KZ_POSTPONE_REASON_LEN  128 /* bytes of UTF-8, with the NUL */
#define KZ_POSTPONE_MAX_MINUTES 240 /* the visitor comes back within the day */

/* Postpone the visitor at counter (called or in service) for minutes
 * (1..KZ_POSTPONE_MAX_MINUTES) with a reason (required, one line, at most
 * KZ_POSTPONE_REASON_LEN - 1 bytes).  *out is the ticket, postponed, with
 * postponed_until set.  KZ_EREJECT: no visitor at the counter;
 * KZ_EINVAL: a reason or minutes out of bounds. */
int kz_ticket_postpone(struct kz_db *db, int counter, const char *reason, int minutes,
	struct kz_ticket *out, char *err);

/* Call the visitor of ticket number (today's), postponed at counter, back
 * to it.  The counter must be open and free.  *out is the ticket, called
 * or in service again.  KZ_ENOTFOUND: no such ticket today; KZ_EREJECT:
 * not postponed at this counter, its time ran out (it has just been ended
 * as a no-show), or the counter is not ready. */
int kz_ticket_return(struct kz_db *db, int counter, const char *number, struct kz_ticket *out,
	char *err);

/* One postponed visitor of a counter. */
struct kz_postponed {
	char number[24];
	char service[KZ_CODE_LEN]; /* code */
	char reason[KZ_POSTPONE_REASON_LEN];
	int64_t postponed_at; /* UTC seconds */
	int64_t until;        /* the limit: a no-show after it */
	int64_t issued_at;    /* first issue: the wait counts from there */
};

/* The visitors postponed at counter, soonest limit first, into out (max
 * entries); *n how many there are (may exceed max).  Ends first those
 * whose time ran out (kz_postpone_expire), in its own transaction.
 * KZ_ENOTFOUND for an unknown counter. */
int kz_postponed_list(struct kz_db *db, int counter, struct kz_postponed *out, int max, int *n,
	char *err);

#endif
