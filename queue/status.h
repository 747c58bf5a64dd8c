/*
 * status.h - a consistent picture of the hall now: who waits for what, how
 * long, and what each counter is doing.  Read in one read transaction, so
 * every figure belongs to the same moment.  For `kezek status`, and later
 * for the display and the kiosk.
 */
#ifndef KZ_STATUS_H
#define KZ_STATUS_H

#include <stdint.h>

#include "config.h"
#include "counter.h"
#include "db.h"
#include "ticket.h"

struct kz_service_status {
	char code[KZ_CODE_LEN];
	char prefix[KZ_CODE_LEN];
	char name_kk[KZ_NAME_LEN];
	char name_ru[KZ_NAME_LEN];
	int waiting;              /* tickets of today waiting for it */
	int64_t longest_wait;     /* seconds the first of them has waited, 0 if none */
	int64_t oldest_issued_at; /* when the first of them was issued, 0 if none */
};

struct kz_counter_status {
	int number;
	enum kz_counter_state state;
	char clerk[KZ_NAME_LEN]; /* "" when closed */
	char position[KZ_NAME_LEN];
	char services[128];                /* "A, B" */
	char ticket[24];                   /* number of the visitor at it, "" if none */
	enum kz_ticket_state ticket_state; /* with a ticket: called or serving */
	int64_t ticket_since; /* its service time runs from here: the call, plus time away */
};

struct kz_status {
	int64_t now;  /* the clock when read */
	char day[11]; /* local day */
	int nservices;
	struct kz_service_status services[KZ_MAX_SERVICES];
	int ncounters;
	struct kz_counter_status counters[KZ_MAX_COUNTERS];
	int waiting;          /* all services */
	int64_t longest_wait; /* seconds, over all services */
};

/* Fill *out (caller-owned). */
int kz_status_read(struct kz_db *db, struct kz_status *out, char *err);

/* One ticket waiting today. */
struct kz_waiting {
	char number[24];
	char service[KZ_CODE_LEN];
	int64_t issued_at;
};

/* Today's tickets waiting since at least older_than seconds ago, longest
 * first, into out (at most max); *n how many were put there. */
int kz_status_waiting(struct kz_db *db, int64_t older_than, struct kz_waiting *out, int max, int *n,
	char *err);

#endif
