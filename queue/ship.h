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
