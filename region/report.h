/*
 * report.h - the region's report: the same figures as `kezek report`
 * (queue/report.h's struct, so the same tables, CSV, charts and App. 4
 * are drawn from it), worked out in PostgreSQL from the places the
 * centre rebuilt from the offices' event logs, over one office, several
 * or all, for any range.
 */
#ifndef KZ_REGION_REPORT_H
#define KZ_REGION_REPORT_H

#include "pg.h"
#include "queue/calendar.h"
#include "queue/report.h"

#define KZ_REGION_MAX_OFFICES 512

/* An office the centre knows, and how its shipping stands. */
struct kz_region_office {
	char office[64];
	char name_kk[KZ_NAME_LEN], name_ru[KZ_NAME_LEN];
	int64_t held_id, batches;
	char shipped_at[32]; /* the centre's clock, "" never */
	int skew_seconds;
	int conflicts;
	char problem[512];
};

/* Every office the centre knows, by key, into out (malloc'd, *n of them). */
int kz_region_offices(struct kz_pg *pg, struct kz_region_office **out, int *n, char *err);

/* The report for local days from..to over the n offices named (their
 * keys).  *out malloc'd: free with kz_report_free.  Applications,
 * complaints and the kiosk's ballots are counted from the registers'
 * rows the halls shipped (no person's data), judged as of today on the
 * clock (queue/clock.h), as each hall's own report judges them; App. 4
 * follows from them (kz_report_app4).  KZ_ENOTFOUND naming an office the centre does
 * not know. */
int kz_region_report(struct kz_pg *pg, struct kz_calendar *cal, const char *const *offices, int n,
	const char *from, const char *to, struct kz_report **out, char *err);

#endif
