/*
 * cups-events.h - what happened to one job and its printer between two
 * looks, from cupsd's own record of events (an "ippget" subscription to
 * the job): a look every half second can miss a state that lasts less,
 * the record does not.  What matters is whether the printer held the job
 * whole while the job was printing (the backend's
 * cups-waiting-for-job-completed): a queue paused after that puts the job
 * back, and CUPS would send it again from its start.
 *
 * A server that refuses the subscription (not cupsd, or a policy) leaves
 * only the looks; nothing else changes.
 */
#ifndef KZ_CUPS_EVENTS_H
#define KZ_CUPS_EVENTS_H

#include "cups-conn.h"

struct kz_cups_events {
	int sub_id;     /* 0: no subscription, the looks alone tell */
	int job_id;     /* the job followed */
	int next_seq;   /* the first event not read yet */
	int processing; /* the job was printing at the last event read */
	int handed;     /* the printer held it whole while it was printing */
};

/* Subscribe to job_id's events on queue and its printer's, before the job
 * has its document (so none is missed); ev->sub_id stays 0 when the
 * server refuses. */
void kz_cups_events_start(struct kz_cups_conn *c, const char *queue, int job_id,
	struct kz_cups_events *ev);

/* Read the events since the last read into ev; 0, or -1 when the server
 * did not answer (ev as it was: the next read catches up). */
int kz_cups_events_read(struct kz_cups_conn *c, const char *queue, struct kz_cups_events *ev);

/* End the subscription (cupsd would keep it until the job's history goes). */
void kz_cups_events_stop(struct kz_cups_conn *c, const char *queue, struct kz_cups_events *ev);

#endif
