/*
 * send.h - a hall's events and reference rows into the region's centre:
 * each batch one transaction with the office's progress, idempotent (an
 * event is keyed by office and id: a batch sent twice lands once), and
 * the report table (places) rebuilt from the events in the same
 * transaction.  An event sent again with other content than the centre
 * holds (a hall restored from an older backup) is never counted: the
 * batch is refused and the conflict kept for the operator.
 */
#ifndef KZ_SEND_H
#define KZ_SEND_H

#include <stdint.h>

#include "pg.h"
#include "queue/ship.h"

/* What a hall says of its office. */
struct kz_send_office {
	const char *office, *name_kk, *name_ru, *timezone;
	int wait_limit, service_limit; /* seconds */
	int lunch_start, lunch_end;    /* minutes of the day */
};

/* What the centre holds of an office. */
struct kz_send_held {
	int64_t held_id; /* every event up to this id */
	int64_t batches;
	int skew_seconds;
	char problem[KZ_SHIP_DETAIL_LEN];
};

/* Register the office (or update what it says of itself) and read what the
 * centre holds of it. */
int kz_send_hello(struct kz_pg *pg, const struct kz_send_office *o, struct kz_send_held *out,
	char *err);

struct kz_send_result {
	int inserted;     /* events new to the centre */
	int conflicts;    /* events held with other content: the batch refused */
	int64_t held_id;  /* what the centre holds now */
	int skew_seconds; /* the hall's clock minus the centre's */
};

/* Send n events (ids in order; the first may be the last one the centre
 * holds, checked, not counted again), and refs and cases (the register
 * rows the events name) when not NULL, as one
 * transaction that takes the office's progress from expected_held on.
 * hall_now: the hall's clock, for the skew.  KZ_EBUSY when the centre's
 * progress is not expected_held (another sender: ask again); KZ_EREJECT on
 * a conflict (the conflicts recorded, the operator told in err). */
int kz_send_batch(struct kz_pg *pg, const char *office, int64_t expected_held,
	const struct kz_ship_refs *refs, const struct kz_ship_cases *cases,
	const struct kz_ship_event *ev, int n, int64_t hall_now, struct kz_send_result *out,
	char *err);

/* The registers' rows (applications, complaints, ballots: without any
 * person's data) as the hall has them now, inside the caller's
 * transaction: each keyed by office and the hall's id, so a row sent
 * again replaces itself and a ballot lands once.  kz_send_batch sends the
 * rows its events name with them; kz_send_registers the rows of the
 * events the centre held before it took registers, once. */
int kz_send_cases(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c, char *err);

/* Whether the centre still lacks the office's registers for the events it
 * held before it took them (*needed 1); then kz_send_registers sends the
 * rows those events name, in one transaction, and marks the office. */
int kz_send_registers_needed(struct kz_pg *pg, const char *office, int *needed, char *err);
int kz_send_registers(struct kz_pg *pg, const char *office, const struct kz_ship_cases *c,
	char *err);

/* Rebuild the places of every ticket with events over after, inside the
 * caller's transaction. */
int kz_send_rebuild(struct kz_pg *pg, const char *office, int64_t after, char *err);

/* Keep what went wrong with this office's shipping, for the region's
 * managers (kezek region status); "" clears it. */
int kz_send_problem(struct kz_pg *pg, const char *office, const char *problem, char *err);

#endif
