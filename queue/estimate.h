/*
 * estimate.h - people ahead of a ticket and when it will be called, for the
 * kiosk's screens, the printed ticket, `kezek ticket` and `kezek status`:
 * one function for all, so they all say the same.
 *
 * The count and the moment come from the replay of the calls (ahead.h)
 * with the hall as it is now.  A visit is expected to take, per service:
 * the mean of today's served visits (call to finish); with fewer than
 * KZ_ESTIMATE_MIN_SAMPLES of them, the missing ones count at the typical
 * visit: the mean over the KZ_ESTIMATE_PAST_DAYS days before today (at
 * least KZ_ESTIMATE_MIN_SAMPLES visits), else the caller's default.  The
 * lunch break and closing come from the office hours.
 *
 * What a person is told is a range, never a promise: low_min..high_min
 * minutes, rounded out to 5 (see kz_estimate_range).  Read in one read
 * transaction of its own, never inside a write.
 */
#ifndef KZ_ESTIMATE_H
#define KZ_ESTIMATE_H

#include <stdint.h>

#include "calendar.h"
#include "db.h"

#define KZ_ESTIMATE_MIN_SAMPLES   3
#define KZ_ESTIMATE_PAST_DAYS     28
#define KZ_ESTIMATE_TYPICAL_VISIT 600 /* seconds; a hall's very first day */

struct kz_wait_estimate {
	int waiting;         /* 1: the ticket waits (or is not taken yet); else all 0 */
	int ahead;           /* tickets called before it in the replay */
	int counters;        /* open counters that serve its service */
	int known;           /* 1: a counter in the replay calls it; else no figure */
	int samples;         /* its service's visits served today */
	int64_t avg_service; /* expected seconds of one visit of its service */
	int64_t now;         /* when the estimate was made */
	int64_t call_at;     /* the expected call (known) */
	int64_t wait;        /* call_at - now, seconds (known) */
	int low_min;         /* the wait told: low_min..high_min minutes (known) */
	int high_min;
	int after_lunch;   /* now is before today's lunch break and the call after it */
	int64_t lunch_end; /* today's end of lunch (with after_lunch) */
	int after_close;   /* the call would be at or after closing: maybe not today */
	int64_t close_at;  /* today's closing */
};

/* A ticket of service (code or prefix) not taken yet, if taken now (the
 * kiosk's confirmation): it goes after every ticket waiting now.
 * default_service: seconds a visit takes where the hall has no figures of
 * its own (> 0; KZ_ESTIMATE_TYPICAL_VISIT).  KZ_ENOTFOUND naming the
 * services if there is no such service; KZ_EINVAL if default_service is not
 * positive. */
int kz_wait_estimate(struct kz_db *db, const struct kz_hours *hours, const char *service,
	int64_t default_service, struct kz_wait_estimate *out, char *err);

/* The same for the ticket of row ticket_id, taken already; a ticket no
 * longer waiting gives waiting 0 (and KZ_OK). */
int kz_wait_estimate_ticket(struct kz_db *db, const struct kz_hours *hours, int64_t ticket_id,
	int64_t default_service, struct kz_wait_estimate *out, char *err);

/* The range told for a wait of wait seconds: about 30% either side (at
 * least 5 minutes), rounded out to multiples of 5 minutes; *low 0 means
 * "up to *high". */
void kz_estimate_range(int64_t wait, int *low, int *high);

/* t rounded to the nearest 5 minutes, for "at about 14:20". */
int64_t kz_estimate_round_time(int64_t t);

#endif
