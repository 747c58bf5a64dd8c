/*
 * feedback.h - what visitors say about the service: the four satisfaction
 * indicators of the standard's App. 4 (quality, information, appeal of the
 * premises, politeness), answered yes or no at a kiosk, each skippable.
 *
 * One ballot per ticket served today, so that one person cannot stuff the
 * indicators: the visitor gives the number of their ticket, which must
 * have finished as served today (a transferred visitor's number counts
 * once, wherever it was served), and a ticket that has voted is refused.
 *
 * The answers stay anonymous (p.17.7 confidentiality).  The ballot row
 * (table feedback) holds no ticket and no personal data, only when, in
 * which language and at which kiosk.  What refuses a second ballot is a
 * separate table of marks: a keyed hash (HMAC-SHA256) of the day and the
 * ticket number under a random key of that day, with no time and no order
 * of arrival (schema step "one feedback ballot per ticket").  Nothing
 * joins a mark to a ballot, and the marks and the key of a day are deleted
 * by the first ballot or check code of a later day: then nothing tells
 * which tickets voted.  What no table can hide is the moment of a ballot (its row and
 * the event log keep it), as a camera over the kiosk would.
 *
 * A ticket's number is no secret (the board shows it), so a ballot also
 * needs the ticket's check code: four digits printed on the ticket
 * (kz_ballot_code), cut from a keyed hash of the day and the number under
 * the same day's key, never stored.  Without the paper, another visitor's
 * served number does not vote.
 *
 * Ballot rows are append-only.  The summary counts them over local days
 * for the managers' report.
 */
#ifndef KZ_FEEDBACK_H
#define KZ_FEEDBACK_H

#include <stdint.h>

#include "db.h"

/* The questions, in the order of the summary's arrays. */
enum { KZ_FB_QUALITY, KZ_FB_INFORMATION, KZ_FB_APPEAL, KZ_FB_POLITENESS, KZ_FB_QUESTIONS };

#define KZ_BALLOT_NUMBER_LEN 24 /* a ticket number as printed, bytes with NUL */
#define KZ_BALLOT_CODE_LEN   5  /* a check code: four digits and the NUL */

struct kz_feedback {
	char ticket[KZ_BALLOT_NUMBER_LEN]; /* the ballot's ticket, as typed: A-015, a15 */
	char code[KZ_BALLOT_CODE_LEN];     /* the check code printed on it: 4 digits */
	char lang[3];                      /* kk or ru: the language the visitor answered in */
	char kiosk[32];                    /* which kiosk, "" if not known */
	int quality, information, appeal, politeness; /* 1 satisfied, 0 not, -1 skipped */
};

/* Why a ticket may not vote. */
enum kz_ballot_refusal {
	KZ_BALLOT_MAY_VOTE,   /* not refused */
	KZ_BALLOT_UNKNOWN,    /* no ticket of that number today */
	KZ_BALLOT_NOT_SERVED, /* issued today, not (yet) finished as served */
	KZ_BALLOT_CAST,       /* its ballot is already in */
	KZ_BALLOT_WRONG_CODE, /* served, but the check code is not the ticket's */
};

/* typed ("A-015", "a15", "А 15", "B1") as a ticket number is printed:
 * the prefix (Latin a-z made capitals), a dash, the sequence in three
 * digits or more ("A-015").  KZ_OK, or KZ_EINVAL (out "") when typed has
 * no prefix, no digits, digits before the prefix, more than 6 digits, or
 * does not fit. */
int kz_ballot_number(const char *typed, char out[KZ_BALLOT_NUMBER_LEN]);

/* The check code printed on ticket number (as printed, "A-015") of local
 * day (YYYY-MM-DD) into code: four digits.  The day's key is made by the
 * first code asked for today (in its own short transaction, which also
 * forgets earlier days' keys and marks); a day whose key is gone (a past
 * day, forgotten) has no code: code "" and KZ_OK.  KZ_EBUSY, KZ_EDB. */
int kz_ballot_code(struct kz_db *db, const char *day, const char *number,
	char code[KZ_BALLOT_CODE_LEN], char *err);

#define KZ_BALLOT_KEY_LEN 32 /* a day's key: 32 random bytes */

/* The random key of local day (YYYY-MM-DD) that the check codes are cut
 * under, for the other keyed hashes of that day's tickets (the phone
 * page's link, queue/visit.h); each use hashes its own message, never the
 * ballot's.  With make, today's key is made if there is none yet (as
 * kz_ballot_code does); a past day's is never made.  1 and key filled,
 * 0 when the day has no key (forgotten, or not yet made), or KZ_EBUSY /
 * KZ_EDB.  In transactions of its own: call outside one.  The key is
 * never to be stored elsewhere, logged or shown. */
int kz_ballot_day_key(struct kz_db *db, const char *day, int make, uint8_t key[KZ_BALLOT_KEY_LEN],
	char *err);

/* May ticket (as typed) vote now with check code code?  code NULL checks
 * the number alone (a screen that asks for the code next): unknown or not
 * served, what the board shows anyway.  A code given must be the ticket's
 * (KZ_BALLOT_WRONG_CODE); only then is KZ_BALLOT_CAST told, so that a
 * number without its paper learns nothing.  KZ_OK if so; KZ_EREJECT with
 * *refused (may be NULL) and a message if not; KZ_EINVAL for a malformed
 * number (*refused = KZ_BALLOT_UNKNOWN); KZ_EBUSY, KZ_EDB.  One read; a
 * ballot is checked again when it is stored. */
int kz_ballot_check(struct kz_db *db, const char *ticket, const char *code,
	enum kz_ballot_refusal *refused, char *err);

/* Store one visitor's ballot for fb->ticket with its check code fb->code
 * (kz_ballot_check's refusals), stamped with the clock's
 * instant and local day, in one transaction that marks the ticket as
 * having voted (see above) and appends a 'feedback' event (no ticket, no
 * personal data).  *id (may be NULL) gets the row id.  KZ_EREJECT and
 * nothing written when the ticket may not vote (*refused, may be NULL,
 * says why); KZ_EINVAL and nothing written: lang not kk or ru, an answer
 * outside -1..1, a kiosk name of 32 bytes or more, all four questions
 * skipped, or a malformed ticket number; KZ_EBUSY, KZ_EDB. */
int kz_feedback_add(struct kz_db *db, const struct kz_feedback *fb, int64_t *id,
	enum kz_ballot_refusal *refused, char *err);

struct kz_feedback_summary {
	int responses;                 /* ballots in the period */
	int yes[KZ_FB_QUESTIONS];      /* answered 1 (satisfied) */
	int answered[KZ_FB_QUESTIONS]; /* answered 0 or 1, skips left out */
};

/* Count the feedback of local days from_day .. to_day (YYYY-MM-DD, both
 * included) into *out, in one read.  KZ_EINVAL with a message if a day is
 * malformed or from_day is after to_day. */
int kz_feedback_summary(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err);

#endif
