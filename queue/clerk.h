/*
 * clerk.h - clerks' PINs, for the counter console: set a PIN, log in with
 * it.  A PIN is kept only as a salted hash (pin.h) in clerks.pin_hash and
 * never logged.  Every login, good or bad, is an event: clerk_login,
 * login_failed (with the clerk when the name is known, never the PIN
 * typed), clerk_pin_set.  KZ_LOGIN_TRIES wrong PINs in a row within
 * KZ_LOGIN_LOCK_MINUTES lock that clerk's login until that many minutes
 * after the last of them; a good login or a new PIN starts the count
 * again.  What a clerk then does at a counter is recorded under the
 * counter's clerk (counter.h, ticket.h).
 */
#ifndef KZ_CLERK_H
#define KZ_CLERK_H

#include <stdint.h>

#include "db.h"

#define KZ_LOGIN_TRIES        5
#define KZ_LOGIN_LOCK_MINUTES 15

struct kz_clerk {
	int64_t id;
	char name[256]; /* full name */
	char position[256];
	char role[16]; /* "clerk", "manager" or "administrator" */
};

/* Give the clerk named name (full name, exactly as at the counter) the PIN
 * pin (4 to 12 digits), replacing any earlier one.  position may be NULL;
 * it picks one of several clerks of that name, and with it a clerk not
 * yet known is added.  KZ_EINVAL: a PIN that is not 4 to 12 digits, an
 * empty name; KZ_ENOTFOUND: no clerk of that name (and no position);
 * KZ_EREJECT: several of that name and no position to choose.  *out (may
 * be NULL) is the clerk. */
int kz_clerk_set_pin(struct kz_db *db, const char *name, const char *position, const char *pin,
	struct kz_clerk *out, char *err);

/* Log the clerk named name in with pin at counter (0: none; recorded in
 * the event).  KZ_OK and *out; KZ_EREJECT for an unknown name, a clerk
 * without a PIN, a wrong PIN (the message says how many tries are left) or
 * a locked login (it says until when); KZ_ENOTFOUND for an unknown
 * counter.  The PIN is checked outside the write lock (hashing is slow on
 * purpose); each attempt is one short transaction for its event. */
int kz_clerk_login(struct kz_db *db, const char *name, const char *pin, int counter,
	struct kz_clerk *out, char *err);

/* Managers and administrators (kezek-hall's live page): accounts of their
 * own, never a clerk's.  kz_manager_set_pin gives the manager named name
 * the role ("manager" or "administrator") and the PIN, adding them if
 * new; KZ_EINVAL for a bad name, role or PIN.  kz_manager_login is
 * kz_clerk_login for them (the same tries and lockout); out->role says
 * which they are. */
int kz_manager_set_pin(struct kz_db *db, const char *name, const char *role, const char *pin,
	struct kz_clerk *out, char *err);
int kz_manager_login(struct kz_db *db, const char *name, const char *pin, struct kz_clerk *out,
	char *err);

/* Why a login was refused, for a caller that words it itself. */
struct kz_login_refusal {
	enum { KZ_LOGIN_UNKNOWN, KZ_LOGIN_NO_PIN, KZ_LOGIN_WRONG, KZ_LOGIN_LOCKED } reason;
	int tries_left; /* KZ_LOGIN_WRONG: before the lock */
	int64_t until;  /* KZ_LOGIN_LOCKED: when it ends */
};

/* kz_clerk_login (managers 0) or kz_manager_login (managers 1; counter
 * ignored), and on KZ_EREJECT *why (may be NULL) says why. */
int kz_staff_login(struct kz_db *db, int managers, const char *name, const char *pin, int counter,
	struct kz_clerk *out, struct kz_login_refusal *why, char *err);

#endif
