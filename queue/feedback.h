/*
 * feedback.h - what visitors say about the service: the four satisfaction
 * indicators of the standard's App. 4 (quality, information, appeal of the
 * premises, politeness), answered yes or no at a kiosk, each skippable.
 *
 * Feedback is anonymous (p.17.7 confidentiality): no ticket number and no
 * personal data are stored, only when, in which language and at which
 * kiosk.  Rows are append-only.  The summary counts them over local days
 * for the managers' report.
 */
#ifndef KZ_FEEDBACK_H
#define KZ_FEEDBACK_H

#include <stdint.h>

#include "db.h"

/* The questions, in the order of the summary's arrays. */
enum { KZ_FB_QUALITY, KZ_FB_INFORMATION, KZ_FB_APPEAL, KZ_FB_POLITENESS, KZ_FB_QUESTIONS };

struct kz_feedback {
	char lang[3];   /* kk or ru: the language the visitor answered in */
	char kiosk[32]; /* which kiosk, "" if not known */
	int quality, information, appeal, politeness; /* 1 satisfied, 0 not, -1 skipped */
};

/* Store one visitor's answers, stamped with the clock's instant and local
 * day, in one transaction that also appends a 'feedback' event (no ticket,
 * no personal data).  *id (may be NULL) gets the row id.  KZ_EINVAL and
 * nothing written: lang not kk or ru, an answer outside -1..1, a kiosk name
 * of 32 bytes or more, or all four questions skipped. */
int kz_feedback_add(struct kz_db *db, const struct kz_feedback *fb, int64_t *id, char *err);

struct kz_feedback_summary {
	int responses;                 /* rows in the period */
	int yes[KZ_FB_QUESTIONS];      /* answered 1 (satisfied) */
	int answered[KZ_FB_QUESTIONS]; /* answered 0 or 1, skips left out */
};

/* Count the feedback of local days from_day .. to_day (YYYY-MM-DD, both
 * included) into *out, in one read.  KZ_EINVAL with a message if a day is
 * malformed or from_day is after to_day. */
int kz_feedback_summary(struct kz_db *db, const char *from_day, const char *to_day,
	struct kz_feedback_summary *out, char *err);

#endif
