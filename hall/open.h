/*
 * open.h - the public feed of waits (api-open.c): GET /open/waits.json and
 * /open/waits.csv, for anyone, with no session and no personal data.  Per
 * service of this office: how many wait, the longest wait now, and today's
 * share of waits within the limit of p.7.2 (queue/report.h's definition).
 *
 * The answer is made once per database change (the stream's version,
 * events.h) and at most every HALL_OPEN_MAX_AGE seconds of the hall's
 * clock otherwise (the longest wait grows with no change), then served
 * from memory to every client: two hundred clients cost one query.  Each
 * answer carries an ETag (If-None-Match gives 304), Cache-Control for
 * HALL_OPEN_MAX_AGE seconds, and Access-Control-Allow-Origin: *.  The
 * schema is docs/open-waits.md (docs/open-waits.schema.json).
 */
#ifndef KZ_HALL_OPEN_H
#define KZ_HALL_OPEN_H

#include "hall.h"

#define HALL_OPEN_MAX_AGE 10 /* seconds an answer is kept without a change */
#define HALL_OPEN_SCHEMA  "kezek-open-waits/1"

struct hall_open;

/* The feed's cache (empty until asked); KZ_OK or KZ_ENOMEM. */
int hall_open_new(struct hall_open **out);
void hall_open_free(struct hall_open *o); /* NULL is fine */

/* How many times the answer was made since the start (for the tests and
 * the benchmark: requests served from memory do not count). */
int64_t hall_open_builds(struct hall_open *o);

#endif
