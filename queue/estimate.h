/*
 * estimate.h - how long a new visitor of a service will wait, for the
 * kiosk's "N people ahead, about M minutes", worked out from today's real
 * service times at the counters.  Read in one read transaction, so the
 * queue, the counters and the times belong to the same moment.
 */
#ifndef KZ_ESTIMATE_H
#define KZ_ESTIMATE_H

#include <stdint.h>

#include "db.h"

/* Fewer finished visits than this today and the average leans on the
 * default service time given by the caller. */
#define KZ_ESTIMATE_MIN_SAMPLES 3

struct kz_wait_estimate {
	int ahead;           /* today's tickets of the service waiting now */
	int counters;        /* counters open (not paused/closed) that serve it */
	int samples;         /* tickets of the service finished today used for the average */
	int64_t avg_service; /* mean seconds from called_at to finished_at over today's
				 * finished tickets of that service with outcome served,
				 * blended with the default when samples < 3 */
	int64_t estimate;    /* seconds: ceil((ahead + 1) / counters) * avg_service */
	int known;           /* 0 if no counter is open for it: estimate unknown (0) */
};

/* Estimate the wait for a ticket of service (code or prefix) taken now
 * (today: the local day of the clock).  default_service: seconds one visit
 * is expected to take, > 0, used for the missing samples when fewer than
 * KZ_ESTIMATE_MIN_SAMPLES visits were served today:
 *   avg = (sum of samples + (3 - samples) * default_service) / 3.
 * KZ_ENOTFOUND naming the services if there is no such service;
 * KZ_EINVAL if default_service is not positive. */
int kz_wait_estimate(struct kz_db *db, const char *service, int64_t default_service,
	struct kz_wait_estimate *out, char *err);

#endif
