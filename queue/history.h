/*
 * history.h - the event log read back: one ticket's history, and an audit
 * that rebuilds every ticket from the log and compares it with the rows.
 */
#ifndef KZ_HISTORY_H
#define KZ_HISTORY_H

#include <stdint.h>

#include "config.h"
#include "db.h"
#include "ticket.h"

struct kz_event {
	int64_t id;
	int64_t at;                /* UTC seconds */
	char kind[20];             /* issued, called, recalled, started, served ... */
	char number[24];           /* the ticket's number, "" for counter events */
	char service[KZ_CODE_LEN]; /* service concerned (transfer target, issue) */
	int counter;               /* counter number, 0 if none */
	char clerk[KZ_NAME_LEN];   /* "" if none */
	char detail[192];          /* a postponement's reason, a transfer's service ... */
	char comment[KZ_TRANSFER_COMMENT_LEN]; /* requeued: the transfer's comment, "" none */
};

/* Call fn for each event of the visitor holding ticket number on day
 * (NULL: today), across transfers, oldest first.  fn returns 0 to go on.
 * KZ_ENOTFOUND if no such ticket. */
int kz_history_ticket(struct kz_db *db, const char *number, const char *day,
	int (*fn)(const struct kz_event *ev, void *arg), void *arg, char *err);

/* Replay the whole log and check it agrees with every ticket row (state,
 * outcome, counter, times), that no ticket was called twice or is at two
 * counters, and that each service's numbers of a day run 1..N with no gap
 * or repeat.  KZ_OK, or KZ_EDB naming the first disagreement.  *tickets
 * (may be NULL) is how many rows were checked. */
int kz_history_audit(struct kz_db *db, int64_t *tickets, char *err);

#endif
