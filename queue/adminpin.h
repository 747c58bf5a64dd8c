/*
 * adminpin.h - the kiosk administrator's PIN, kept in the database (never
 * in hall.ini, which any local user may read): its salted hash (pin.h),
 * whether it is the published sample, and the wrong tries and the rest
 * they earned, so that restarting the kiosk does not lift the rest.
 * KZ_ADMIN_PIN_TRIES wrong PINs in a row rest the keypad for
 * KZ_ADMIN_PIN_REST_SECONDS; a good PIN or a new one starts again.
 * Times are the injectable clock's (clock.h).
 */
#ifndef KZ_ADMINPIN_H
#define KZ_ADMINPIN_H

#include <stdint.h>

#include "db.h"

#define KZ_ADMIN_PIN_MIN          6 /* digits: an administrator's PIN is longer */
#define KZ_ADMIN_PIN_TRIES        3
#define KZ_ADMIN_PIN_REST_SECONDS 300
/* The sample PIN the README publishes, for a first run of the default
 * hall: kz_admin_pin_set_sample marks it so that it is warned about. */
#define KZ_ADMIN_PIN_SAMPLE "258025"

struct kz_admin_pin {
	int set;            /* a PIN is set for the kiosk */
	int sample;         /* and it is KZ_ADMIN_PIN_SAMPLE */
	int tries;          /* wrong PINs since the last good one or rest */
	int64_t rest_until; /* the keypad rests until then (UTC s); 0: no rest */
	int64_t set_at;
};

/* Give kiosk the PIN pin (KZ_ADMIN_PIN_MIN to 12 digits), replacing any
 * earlier one and lifting any rest.  KZ_EINVAL: too short, not digits, or
 * the published sample. */
int kz_admin_pin_set(struct kz_db *db, const char *kiosk, const char *pin, char *err);

/* Give kiosk the published sample PIN, marked as such, if it has no PIN
 * yet (*done 1), else leave it be (*done 0). */
int kz_admin_pin_set_sample(struct kz_db *db, const char *kiosk, int *done, char *err);

/* What is known of kiosk's PIN (all zero if none is set). */
int kz_admin_pin_get(struct kz_db *db, const char *kiosk, struct kz_admin_pin *out, char *err);

/* Try pin on kiosk's keypad: KZ_OK if it is right; KZ_EREJECT if wrong or
 * the keypad rests (out->rest_until says till when); KZ_ENOTFOUND if no
 * PIN is set.  The PIN is hashed outside the write lock; each try is one
 * short transaction.  *out is the state after the try. */
int kz_admin_pin_try(struct kz_db *db, const char *kiosk, const char *pin, struct kz_admin_pin *out,
	char *err);

#endif
