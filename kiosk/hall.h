/*
 * hall.h - what the kiosk asks of its hall: on the hall machine the
 * database (hall-local.c: queue/ calls, each one transaction), on a machine
 * of its own kezek-hall over the network (hall-remote.c: the /api/kiosk
 * routes and the change stream).  kiosk.c has one code path for both.
 *
 * Every state-changing call takes key, the idempotency key the kiosk made
 * once for the visitor's action (kz_kiosk_hall_key) and gives again on
 * every retry of that action: a request whose answer was lost is answered
 * again by the server without doing it twice.  The local hall has no use
 * for it.
 *
 * Errors: KZ_EBUSY (the database locked for a moment) and KZ_EDEVICE (the
 * server cannot be reached, or the database opened: the same call with the
 * same key may be made again) are passing; the queue's refusals (KZ_ECLOSED, KZ_EREJECT,
 * KZ_EINVAL, KZ_ENOTFOUND ...) come back as the queue gives them.
 */
#ifndef KZ_KIOSK_HALL_H
#define KZ_KIOSK_HALL_H

#include <stdint.h>

#include "queue/adminpin.h"
#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/estimate.h"
#include "queue/feedback.h"
#include "queue/outbox.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "queue/watch.h"
#include "remote/client.h"

/* What the kiosk's screens show of the hall, read at once. */
struct kz_kiosk_view {
	struct kz_status status;
	enum kz_printer_condition printer; /* its ticket printer, as its service last said */
	char printer_reason[256];
};

/* A ticket just issued: the ticket, its print job, and the wait told. */
struct kz_kiosk_issued {
	struct kz_ticket ticket;
	int64_t job;
	int have_estimate; /* 0: keep the confirmation's estimate */
	struct kz_wait_estimate est;
};

struct kz_kiosk_hall_ops {
	/* One look, as kz_watch_poll says it (queue/watch.h). */
	enum kz_watch_state (*poll)(void *impl);
	void (*seen)(void *impl);           /* the last read went well */
	void (*failed)(void *impl, int rc); /* ... or failed with rc */
	void (*stale)(void *impl);          /* read again at the next poll */
	int (*up)(const void *impl);        /* reachable now */
	int (*read)(void *impl, struct kz_kiosk_view *out, char *err);
	int (*estimate)(void *impl, const char *service, struct kz_wait_estimate *out, char *err);
	/* Issue a ticket of service with its print in lang on this kiosk's printer. */
	int (*issue)(void *impl, const char *key, const char *service, const char *lang,
		struct kz_kiosk_issued *out, char *err);
	/* A blank form (sample: the filled-in sample) on this kiosk's forms printer. */
	int (*form)(void *impl, const char *key, int sample, const char *lang, int64_t *job,
		char *err);
	int (*test_page)(void *impl, const char *key, const char *lang, char *err);
	int (*job)(void *impl, int64_t job, struct kz_print_job *out, char *err);
	int (*unprinted)(void *impl, const char *key, int64_t job, const char *reason, char *err);
	int (*ballot)(void *impl, const char *ticket, const char *code, enum kz_ballot_refusal *why,
		char *err);
	int (*feedback)(void *impl, const char *key, const struct kz_feedback *fb,
		enum kz_ballot_refusal *why, char *err);
	int (*pin_get)(void *impl, struct kz_admin_pin *out, char *err);
	int (*pin_try)(void *impl, const char *key, const char *pin, struct kz_admin_pin *out,
		char *err);
	void (*close)(void *impl);
};

struct kz_kiosk_hall {
	const struct kz_kiosk_hall_ops *ops;
	void *impl;
};

/* The hall database at path for the kiosk conf of cfg, with the calendar
 * cal (kept by reference). */
int kz_kiosk_hall_local(const char *path, const struct kz_config *cfg,
	const struct kz_kiosk_conf *conf, struct kz_calendar *cal, struct kz_kiosk_hall **out,
	char *err);

/* kezek-hall through r (the hall owns r from here on, even on failure),
 * tried again every retry_ms while it cannot be reached. */
int kz_kiosk_hall_remote(struct kz_remote *r, int retry_ms, struct kz_kiosk_hall **out, char *err);

void kz_kiosk_hall_close(struct kz_kiosk_hall *h); /* NULL is fine */

/* A fresh idempotency key for one visitor's action. */
void kz_kiosk_hall_key(char key[33]);

#endif
