/*
 * visit.h - the visitor's phone: the link printed on a ticket as a QR code
 * opens a page that follows that ticket (kezek-hall's /t/TOKEN).
 *
 * The token is the first 128 bits of HMAC-SHA256 of "visit DAY NUMBER"
 * under the day's random key (the key the ballot's check codes are cut
 * under, queue/feedback.h: kz_ballot_day_key), written in 22 URL-safe
 * base64 characters.  It is never stored: it is worked out again when a
 * ticket is printed and, to find its ticket, compared with that of every
 * ticket of today.  It carries no personal data (a ticket has none) and
 * is good for its day only: another day's token matches no ticket of
 * today, and a day's key is forgotten the next day.  Guessing one is
 * guessing 128 random bits.
 */
#ifndef KZ_VISIT_H
#define KZ_VISIT_H

#include <stdint.h>

#include "calendar.h"
#include "db.h"
#include "estimate.h"

#define KZ_VISIT_TOKEN_LEN 23 /* 22 characters of [A-Za-z0-9_-] and the NUL */

/* The token of ticket number (as printed, "A-015") of local day
 * (YYYY-MM-DD).  Today's key is made if there is none yet; a past day
 * whose key is gone has no token: token "" and KZ_OK.  KZ_EBUSY, KZ_EDB. */
int kz_visit_token(struct kz_db *db, const char *day, const char *number,
	char token[KZ_VISIT_TOKEN_LEN], char *err);

/* What the phone page shows of one ticket now. */
struct kz_visit {
	int64_t ticket_id; /* its place now (a transferred ticket's latest row) */
	char number[24];   /* "A-015" */
	char service[16];  /* its service's code now */
	char name_kk[256]; /* the service's name */
	char name_ru[256];
	char state[16];              /* waiting, postponed, called, serving or done */
	char outcome[16];            /* with done: served, no_show, transferred, cancelled,
			      * office_closed; else "" */
	int counter;                 /* called or serving: at which counter; else 0 */
	int64_t issued_at;           /* UTC seconds */
	int64_t called_at;           /* 0 if not called */
	int recalls;                 /* times called again */
	struct kz_wait_estimate est; /* waiting: who is ahead and when (the kiosk's
				      * kz_wait_estimate_ticket); else all 0 */
};

/* The ticket of today whose token is token, and its state now.  KZ_OK;
 * KZ_ENOTFOUND when token is malformed, forged or of another day (one
 * answer for all: nothing tells which); KZ_EBUSY, KZ_EDB.  Reads only. */
int kz_visit_find(struct kz_db *db, const struct kz_hours *hours, const char *token,
	struct kz_visit *out, char *err);

#endif
