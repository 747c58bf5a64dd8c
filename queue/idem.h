/*
 * idem.h - what kezek-hall answered each device's state change, kept by
 * the device's idempotency key for the day, so that a request repeated
 * after its answer was lost (a cable pulled, a server restarted) gets the
 * same answer and changes nothing a second time.
 *
 * The answer is written in the same transaction as the change it answers:
 *
 *   kz_idem_begin   BEGIN IMMEDIATE; the key looked up (a kept answer is
 *                   returned and the transaction ended)
 *   ...             the change: queue/ functions, whose own transactions
 *                   nest as savepoints of this one (sql.h)
 *   kz_idem_keep    the answer stored, then COMMIT: change and answer
 *                   together, or neither
 *   kz_idem_drop    ROLLBACK: a refused request leaves nothing, and a
 *                   repeat of it is judged afresh
 *
 * so a server killed between the change and the answer has either kept
 * both or neither.  Keys of earlier days go at the first request of a day.
 * The caller serialises its requests on the connection (kezek-hall holds
 * its db_lock from begin to keep or drop).
 */
#ifndef KZ_IDEM_H
#define KZ_IDEM_H

#include <stdint.h>

#include "db.h"

#define KZ_IDEM_KEY_MIN 16
#define KZ_IDEM_KEY_MAX 64

/* key is 16..64 of [A-Za-z0-9_-]: 1, else 0. */
int kz_idem_key_ok(const char *key);

struct kz_idem_kept {
	int found;    /* 1: this key was answered before */
	int status;   /* its HTTP status */
	char *answer; /* its answer's text ("" for none), malloc'd: the caller frees */
};

/*
 * Begin device's request key on path at now.  KZ_OK with kept->found 0:
 * the transaction is open, end it with kz_idem_keep or kz_idem_drop.
 * KZ_OK with kept->found 1: the kept answer, no transaction open.
 * KZ_EREJECT: key was used on another path (no transaction open).
 * KZ_EBUSY / KZ_EDB: nothing open.
 */
int kz_idem_begin(struct kz_db *db, int64_t device, const char *key, const char *path, int64_t now,
	struct kz_idem_kept *kept, char *err);

/* Store the answer (status, text; NULL for none) and commit everything
 * since kz_idem_begin; on failure nothing of it is kept. */
int kz_idem_keep(struct kz_db *db, int64_t device, const char *key, const char *path, int64_t now,
	int status, const char *answer, char *err);

/* Undo everything since kz_idem_begin. */
void kz_idem_drop(struct kz_db *db);

#endif
