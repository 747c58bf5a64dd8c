/*
 * generate.h - years of a busy hall's history written in bulk, for the
 * report benchmark (bench/report_bench.c): tickets with plausible waits,
 * service times, outcomes and transfers, the kiosk's feedback, and the
 * applications and complaints registers where this database has them.
 * It writes whole rows through queue/bulk.h, one transaction per day,
 * without the event log: a fixture for measuring reads, not a hall's real
 * history (that is kezek simulate, through the queue's own operations).
 * Deterministic for a seed.
 */
#ifndef KZ_GENERATE_H
#define KZ_GENERATE_H

#include <stdint.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"

struct kz_gen_result {
	int days;     /* working days written */
	long tickets; /* ticket rows (transfers included) */
	long feedback, applications, complaints;
};

/* Write visitors_per_day (on average) visitors for every working day
 * from..to into db, which must have no tickets in the range (KZ_EREJECT
 * otherwise, nothing written). */
int kz_generate_history(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, int visitors_per_day, uint64_t seed,
	struct kz_gen_result *out, char *err);

#endif
