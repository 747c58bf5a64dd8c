/*
 * simulated.h - what kezek simulate made, kept apart from real visits: each
 * simulated range of days and the tickets it issued (their ids, which only
 * grow).  A simulation refuses a database that holds real visits unless
 * told, and anything that looks at the hall (kezek doctor) can tell a
 * demonstration database from a live one.
 */
#ifndef KZ_SIMULATED_H
#define KZ_SIMULATED_H

#include <stdint.h>

#include "db.h"

/* The id the next ticket will have: where a simulation's tickets begin. */
int kz_simulated_next_id(struct kz_db *db, int64_t *id, char *err);

/* Record that a simulation of from_day .. to_day (seed) issued the
 * tickets from first_id on (to the last id now), made at the clock's now. */
int kz_simulated_record(struct kz_db *db, const char *from_day, const char *to_day, uint64_t seed,
	int64_t first_id, char *err);

/* Tickets that no simulation made (real visits), and those one made. */
int kz_simulated_count(struct kz_db *db, int64_t *real, int64_t *simulated, char *err);

#endif
