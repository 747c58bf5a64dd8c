/*
 * ship.h - what kezek-sync reads of the hall to send to the region's centre,
 * and what it keeps of the centre's answers.  Each read is one short read
 * transaction and each record one short write: the hall never waits on the
 * centre, and the centre never reaches into the hall.
 *
 * Shipped: the event log (append-only; the centre's source of truth) and the
 * reference rows the region's reports name (services, counters, the clerks'
 * names).  No visitor's personal data is read here.
 */
#ifndef KZ_SHIP_H
#define KZ_SHIP_H

#include <stdint.h>

#include "config.h"
#include "db.h"

#define KZ_SHIP_KIND_LEN   32
#define KZ_SHIP_DETAIL_LEN 512
#define KZ_SHIP_MAX_CLERKS 256

struct kz_ship_event {
	int64_t id, at, ticket_id, counter_id, clerk_id, service_id; /* 0: none */
	char kind[KZ_SHIP_KIND_LEN];
	char detail[KZ_SHIP_DETAIL_LEN]; /* "" for none */
	int has_detail;
};

struct kz_ship_service {
	int64_t id;
	char code[KZ_CODE_LEN];
	char name_kk[KZ_NAME_LEN], name_ru[KZ_NAME_LEN];
};

struct kz_ship_counter {
	int64_t id;
	int number;
};

struct kz_ship_clerk {
	int64_t id;
	char full_name[KZ_NAME_LEN];
};

/* An application as the region's figures need it (p.7.1, p.16, p.26): its
 * number, kind, state and days, never the applicant's data (names, IIN or
 * BIN, documents, phones, addresses, the plot: they stay in the hall, p.17.7).
 * Days are the hall's local YYYY-MM-DD, "" for none. */
struct kz_ship_app {
	int64_t id;
	char number[32], kind[16], status[16];
	char day[11], due[11], decided[11], notice_due[11], notice_sent[11];
	int handed; /* the result was collected */
};

/* A complaint as the figures need it (p.25): never the complainant, the
 * contact, the complaint's or the answer's words. */
struct kz_ship_complaint {
	int64_t id;
	char number[32], kind[16], channel[16];
	char day[11], due[11], answered[11]; /* local days; answered "" while open */
	int days;                            /* the term: 15 or 30 */
};

/* A kiosk ballot (App. 4): its day and four answers (1 yes, 0 no, -1 skipped);
 * no ticket, no person. */
struct kz_ship_ballot {
	int64_t id;
	char day[11];
	int answers[4];
};

/* The register rows named by a range of events: each application,
 * complaint and ballot an event of the range is about, as it is now. */
struct kz_ship_cases {
	int napps, ncomplaints, nballots;
	struct kz_ship_app *apps;
	struct kz_ship_complaint *complaints;
	struct kz_ship_ballot *ballots;
};

/* The reference rows as they are now. */
struct kz_ship_refs {
	int nservices, ncounters, nclerks;
	struct kz_ship_service services[KZ_MAX_SERVICES];
	struct kz_ship_counter counters[KZ_MAX_COUNTERS];
	struct kz_ship_clerk clerks[KZ_SHIP_MAX_CLERKS];
};

/* Up to max events with ids over after, in id order, into out; *n how many,
 * *newest the newest id in the log (0 when it is empty). */
int kz_ship_read(struct kz_db *db, int64_t after, int max, struct kz_ship_event *out, int *n,
	int64_t *newest, char *err);

/* The services, counters and clerks. */
int kz_ship_refs_read(struct kz_db *db, struct kz_ship_refs *out, char *err);

/* The register rows the events with ids over after and up to upto name
 * (app_*, complaint_*, feedback events), into *out (free with
 * kz_ship_cases_free), in one read transaction.  Days are worked out on
 * the hall's clock (kz_clock_setup).  A hall made before a register
 * existed simply has none of its rows. */
int kz_ship_cases_read(struct kz_db *db, int64_t after, int64_t upto, struct kz_ship_cases *out,
	char *err);
void kz_ship_cases_free(struct kz_ship_cases *c);

/* A fingerprint of one event's content (64-bit FNV-1a of its fields, as
 * 16 hex digits into out, 17 bytes): the centre compares it to tell a hall
 * restored from an older backup, whose ids mean other events. */
void kz_ship_hash(const struct kz_ship_event *e, char out[17]);

/* What the centre known as office confirmed holding: up to event id, at
 * (the hall's clock); problem: "" when all is well, else what the operator
 * was told (a restored hall, a clock far off). */
int kz_ship_record(struct kz_db *db, const char *office, int64_t id, int64_t at,
	const char *problem, char *err);

struct kz_ship_state {
	int64_t confirmed_id, confirmed_at, newest_id;
	char problem[KZ_SHIP_DETAIL_LEN];
};

/* What was recorded for office, and the newest event id now. */
int kz_ship_state(struct kz_db *db, const char *office, struct kz_ship_state *out, char *err);

#endif
