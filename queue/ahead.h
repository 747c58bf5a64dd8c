/*
 * ahead.h - who will be called before a ticket, and when: a replay of the
 * hall's calling rule from the state now.
 *
 * The rule (kz_ticket_next): a free open counter calls today's
 * longest-waiting ticket (earliest issued_at, then the lower id of the
 * original place) over the services that counter serves.  So a ticket waits
 * not only for its own service's queue but for every ticket its counters
 * take first.
 *
 * The replay model, deterministic:
 *  - tickets: today's waiting tickets in that calling order; a ticket not
 *    yet taken (the kiosk's confirmation) goes last;
 *  - counters: the open ones, and during lunch the paused ones too (they
 *    resume at its end).  When none of them serves the ticket (before the
 *    counters open, say), the count alone is made with every counter of
 *    the hall as if open and free now, and there is no expected call.  Each is free at a moment: now if it has no
 *    visitor (at lunch: its end), else the later of now and its visitor's
 *    call plus the expected visit of that visitor's service;
 *  - a step: the counter free first (a tie: the lower counter number)
 *    calls the first ticket left in order that it serves.  The call is at
 *    its free moment, or at the end of lunch if that moment falls in the
 *    lunch break; the counter is free again one expected visit of the
 *    called ticket's service later.  A counter that serves none of the
 *    tickets left drops out;
 *  - the replay stops when the ticket is called: the calls before it are
 *    the people ahead, and its call's moment is the expected call.  Closing
 *    does not stop it: a call at or after closing means "not before
 *    closing".  A ticket no counter in the replay serves is never called.
 * Nobody new comes or leaves, no counter opens, pauses or closes, no one is
 * transferred: the figures are for the state now, and are worked out again
 * whenever they are shown.
 */
#ifndef KZ_AHEAD_H
#define KZ_AHEAD_H

#include <stdint.h>

#include "db.h"

#define KZ_REPLAY_MAX_SERVICES 64 /* services (as a bit each) in one replay */

struct kz_replay_counter {
	int number;        /* the counter's number: ties go to the lower */
	uint64_t services; /* bit i: serves service index i */
	int64_t free_at;   /* when it calls next (UTC seconds) */
	int calls;         /* open (or paused during lunch): in the replay */
	int paused;        /* paused (called at the end of lunch) */
	int visitor;       /* service index of its visitor now; -1: none */
	int64_t called_at; /* its visitor's call */
};

/* The hall now, for the replay. */
struct kz_replay {
	int nservices;
	int64_t service_id[KZ_REPLAY_MAX_SERVICES]; /* index -> services.id */
	int64_t visit[KZ_REPLAY_MAX_SERVICES];      /* expected seconds of a visit, > 0 */
	int ncounters;
	struct kz_replay_counter *counters;
	int ntickets;
	int64_t *ticket_id;             /* tickets.id, in calling order; 0 for one not yet taken */
	int *ticket_service;            /* service index of each */
	int64_t lunch_start, lunch_end; /* instants of today's break; equal: none */
};

struct kz_replay_result {
	int called;      /* 1 if the replay calls it at all */
	int ahead;       /* calls before it (with !called: every call the replay made) */
	int64_t call_at; /* the expected call; 0 if !called */
	int counter;     /* the counter that calls it; 0 if !called */
};

/* Replay until ticket index target of r is called, by the counters that
 * call (all of r's counters with every_counter).  r's counters' free
 * moments change as the replay runs. */
void kz_replay_run(struct kz_replay *r, int target, int every_counter,
	struct kz_replay_result *out);

/* Read the hall at instant now into *r (in the caller's read transaction):
 * every service, every active counter (calls set as the model takes them),
 * today's waiting
 * tickets, and lunch from hours' lunch_start and lunch_end (minutes).
 * visit[] must be filled in before the replay: the counters' free moments
 * are set from it by kz_replay_free_counters.  With extra_service >= 0 a
 * ticket of that service index not yet taken is added last.  Release with
 * kz_replay_free. */
int kz_replay_read(struct kz_db *db, int64_t now, int lunch_start, int lunch_end,
	struct kz_replay *r, char *err);

/* Set each counter's free moment at now from the visitor it has (called at,
 * service) and r->visit; call after kz_replay_read and filling visit, and
 * before each run. */
void kz_replay_free_counters(struct kz_replay *r, int64_t now);

/* Append a ticket not yet taken of service index svc (last in order). */
int kz_replay_add_new(struct kz_replay *r, int svc, char *err);

/* The index of service id or of ticket id in r; -1 if absent. */
int kz_replay_service(const struct kz_replay *r, int64_t service_id);
int kz_replay_ticket(const struct kz_replay *r, int64_t ticket_id);

void kz_replay_free(struct kz_replay *r);

#endif
