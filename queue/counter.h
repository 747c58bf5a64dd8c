/*
 * counter.h - counters open, pause and close, each under a clerk.
 *
 *   closed --open--> open --pause--> paused --open--> open
 *   open|paused --close--> closed
 *
 * A counter with a visitor at it (a ticket called or in service) cannot be
 * paused or closed: the ticket must be finished first.  A clerk works at one
 * counter at a time.  Each change is one transaction and one event.
 */
#ifndef KZ_COUNTER_H
#define KZ_COUNTER_H

#include <stdint.h>

#include "db.h"

/* Stored as its name (kz_counter_state_name). */
enum kz_counter_state {
	KZ_COUNTER_CLOSED,
	KZ_COUNTER_OPEN,
	KZ_COUNTER_PAUSED,
};

/* "closed", "open", "paused": as stored and printed. */
const char *kz_counter_state_name(enum kz_counter_state s);

/* Open (or resume) counter under the clerk (full name and position, both
 * required).  KZ_ENOTFOUND: no such counter; KZ_EREJECT: already open or
 * the clerk is at another counter; KZ_EINVAL: empty or overlong name. */
int kz_counter_open(struct kz_db *db, int number, const char *clerk, const char *position,
	char *err);

/* Pause or close counter.  clerk and position may be NULL (the counter's own
 * clerk is recorded); if given, that person is recorded as doing it. */
int kz_counter_pause(struct kz_db *db, int number, const char *clerk, const char *position,
	char *err);
int kz_counter_close(struct kz_db *db, int number, const char *clerk, const char *position,
	char *err);

/* The active counter of lowest number that is not closed: *number (0 if
 * every counter is closed) and its state (open or paused). */
int kz_counter_first_unclosed(struct kz_db *db, int *number, enum kz_counter_state *state,
	char *err);

/* When counter number last opened, resumed, paused or closed (*since, 0
 * if never): how long it has been in its state. */
int kz_counter_since(struct kz_db *db, int number, int64_t *since, char *err);

#endif
