/*
 * settle.h - a hall restored from an older backup, settled with the
 * region's centre by its administrator.  The centre holds events the
 * restored hall no longer has (its log ends before them, or it wrote other
 * events under their ids); kezek-sync refuses to ship it (exit 4).
 * Settling keeps the centre's history and lets the hall's own log go on:
 *
 *  - agreed: the last event id on which the hall and the centre agree
 *    (their fingerprints equal; found by halving, the log agreeing up to a
 *    point and not after it);
 *  - the centre's events after it, which the hall lost, stay counted as
 *    the office's history, moved aside under ids from n * 2^40 (n: the
 *    office's settlement), with the tickets, applications, complaints and
 *    ballots only they made, so the hall's new events, which reuse those
 *    ids, never meet them;
 *  - the office's progress set back to agreed, its problem and conflicts
 *    cleared, a row in settlements saying what was done; the hall's
 *    record of shipping set to agreed; kezek-sync ships the rest.
 *
 * All at the centre in one transaction; nothing is counted twice and
 * nothing is dropped.
 */
#ifndef KZ_SETTLE_H
#define KZ_SETTLE_H

#include <stdint.h>

#include "pg.h"
#include "queue/db.h"

struct kz_settle {
	int64_t held_id;    /* what the centre held of the office */
	int64_t newest_id;  /* the hall's newest event */
	int64_t agreed_id;  /* they agree up to here */
	int64_t moved_from; /* settled: where the centre's later events went */
	int events, tickets, applications, complaints, ballots, conflicts;
	int needed;        /* 0: the hall and the centre agree, nothing to settle */
	char problem[512]; /* what the centre held as the office's problem */
};

/* Compare the hall db with what the centre holds of office, into *out;
 * with apply, settle it as above and record it in the hall too.  KZ_ENOTFOUND
 * when the centre does not know the office. */
int kz_settle(struct kz_pg *pg, struct kz_db *db, const char *office, int apply,
	struct kz_settle *out, char *err);

#endif
