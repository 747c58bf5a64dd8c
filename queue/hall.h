/*
 * hall.h - the hall's services and counters in the database, kept in step
 * with hall.ini.  A service or counter dropped from the file is kept as
 * inactive (its history stays) and takes no new tickets.
 */
#ifndef KZ_HALL_H
#define KZ_HALL_H

#include "config.h"
#include "db.h"

/* Bring the database's services and counters in line with cfg, in one
 * transaction, only when cfg differs from what was last loaded.  *changed
 * (may be NULL) tells whether anything was written.  KZ_EREJECT if a
 * counter that would go inactive still has a visitor at it. */
int kz_hall_sync(struct kz_db *db, const struct kz_config *cfg, int *changed, char *err);

#endif
