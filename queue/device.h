/*
 * device.h - the hall's registered devices: boards, kiosks and print
 * services that run on machines of their own and talk to kezek-hall.
 *
 * An administrator adds a device (kezek device add NAME --role ROLE),
 * which makes a one-time enrolment code valid for KZ_DEVICE_CODE_SECONDS;
 * the device exchanges the code for its own credential (64 hex digits)
 * once, and proves itself with the credential from then on.  Only the
 * SHA-256 of the code and of the credential are stored: a copy of the
 * database opens no device's door.  A device can be revoked (its
 * credential dies at once) and given a new code (the old credential dies
 * at once too; the same name enrols again, for a new machine).
 *
 * A wrong code counts against the device's name as a wrong PIN does
 * against an account: KZ_DEVICE_CODE_TRIES of them spend the code (a new
 * one from `kezek device code NAME`).  Start at kz_device_add.
 */
#ifndef KZ_DEVICE_H
#define KZ_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "error.h"

#define KZ_DEVICE_NAME_MAX     31          /* [A-Za-z0-9_-] */
#define KZ_DEVICE_CODE_SECONDS (24 * 3600) /* an enrolment code lives a day */
#define KZ_DEVICE_CODE_TRIES   5           /* wrong codes before it is spent */
#define KZ_DEVICE_CODE_SIZE    20          /* "XXXX-XXXX-XXXX-XXXX" + NUL */
#define KZ_DEVICE_SECRET_SIZE  65          /* a credential: 64 hex + NUL */
#define KZ_DEVICE_SEEN_SECONDS 300         /* last-seen is written this seldom */
#define KZ_DEVICES_MAX         256

enum kz_device_role {
	KZ_DEVICE_NONE = 0,
	KZ_DEVICE_BOARD,
	KZ_DEVICE_KIOSK,
	KZ_DEVICE_PRINTER,
};

struct kz_device {
	int64_t id;
	char name[KZ_DEVICE_NAME_MAX + 1];
	enum kz_device_role role;
	char stands_for[64]; /* the kiosk's [kiosk NAME], the printer's [printer NAME]; board "" */
	int enrolled;        /* holds a live credential (not revoked) */
	int code_live;       /* an unspent, unexpired enrolment code waits */
	int64_t code_expires, created_at, enrolled_at, revoked_at, seen_at;
};

/* "board", "kiosk", "printer" ("" for none) and back (KZ_DEVICE_NONE if
 * unknown). */
const char *kz_device_role_name(enum kz_device_role role);
enum kz_device_role kz_device_role_of(const char *word);

/* name is 1..KZ_DEVICE_NAME_MAX of [A-Za-z0-9_-]: KZ_OK or KZ_EINVAL. */
int kz_device_name_check(const char *name, char *err);

/*
 * Add device name with role standing for stands_for (a kiosk's or
 * printer's configuration name; NULL or "": the device's own name; a
 * board: none, given one is KZ_EINVAL).  A new enrolment code into code
 * (KZ_DEVICE_CODE_SIZE), shown once.  KZ_EREJECT if the name is taken.
 */
int kz_device_add(struct kz_db *db, const char *name, enum kz_device_role role,
	const char *stands_for, int64_t now, char *code, struct kz_device *out, char *err);

/* A new enrolment code for name: its credential, if any, dies now and a
 * revoked device may enrol again.  KZ_ENOTFOUND for no such device. */
int kz_device_new_code(struct kz_db *db, const char *name, int64_t now, char *code,
	struct kz_device *out, char *err);

/* Why an enrolment was refused. */
enum kz_device_refused {
	KZ_ENROL_WRONG = 1, /* no such code (or not this name's) */
	KZ_ENROL_LOCKED,    /* this name's code was spent by too many wrong ones */
	KZ_ENROL_EXPIRED,   /* the code is older than KZ_DEVICE_CODE_SECONDS */
};
struct kz_device_refusal {
	enum kz_device_refused reason;
	int tries_left; /* wrong codes left for name before its code is spent (0 unknown) */
};

/*
 * Exchange code (as typed: case, spaces and dashes do not matter) for a
 * new credential into credential (KZ_DEVICE_SECRET_SIZE); the code is
 * spent in the same transaction.  name may be NULL (the code alone finds
 * its device); given, it must be the code's.  KZ_EREJECT with *why for a
 * wrong, spent or expired code (a wrong one counted against name).
 */
int kz_device_exchange(struct kz_db *db, const char *name, const char *code, int64_t now,
	char *credential, struct kz_device *out, struct kz_device_refusal *why, char *err);

/* The live (enrolled, not revoked) device whose credential this is.
 * KZ_EREJECT for a revoked one (*out filled: the refusal names it),
 * KZ_ENOTFOUND for any other (unknown, replaced, malformed). */
int kz_device_by_credential(struct kz_db *db, const char *credential, struct kz_device *out,
	char *err);

/* Whether device id still holds a live credential: 1 or 0 into *live. */
int kz_device_live(struct kz_db *db, int64_t id, int *live, char *err);

/* Write now as id's last-seen time if the stored one is older than
 * KZ_DEVICE_SEEN_SECONDS (callers check d->seen_at first: most requests
 * write nothing). */
int kz_device_seen(struct kz_db *db, int64_t id, int64_t now, char *err);

/* Revoke name: its credential and code die now (the credential's hash is
 * kept, so a revoked device knocking is named).  KZ_ENOTFOUND. */
int kz_device_revoke(struct kz_db *db, const char *name, int64_t now, struct kz_device *out,
	char *err);

/* Every device, by name, at most max into out; *n how many. */
int kz_device_list(struct kz_db *db, struct kz_device *out, int max, int *n, char *err);

/* SHA-256 of s as 64 lowercase hex digits into hex (65 bytes). */
void kz_device_hash(const char *s, char hex[65]);

#endif
