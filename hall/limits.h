/*
 * limits.h - how much one browser may ask: a request budget per address
 * (HALL_RATE a second, bursts of HALL_BURST) and wrong PINs per address
 * (HALL_PIN_TRIES_PER_ADDRESS in HALL_PIN_WINDOW seconds, whatever the
 * name typed: the per-account lockout is queue/clerk.h's).  Counted on
 * the monotonic clock: a rate, not the hall's time.  Thread-safe.
 */
#ifndef KZ_HALL_LIMITS_H
#define KZ_HALL_LIMITS_H

#include "hall.h"

#define HALL_RATE                  50
#define HALL_BURST                 200
#define HALL_PIN_TRIES_PER_ADDRESS 10
#define HALL_PIN_WINDOW            (15 * 60)

int hall_limits_new(struct hall_limits **out);
void hall_limits_free(struct hall_limits *l);

/* Take one request from key's budget (an address or a session): 0, or the
 * seconds to wait (Retry-After) when it is spent. */
int hall_limit_request(struct hall_limits *l, const char *key);

/* Before a PIN is checked: 0, or the seconds until address may try again. */
int hall_limit_pin_wait(struct hall_limits *l, const char *address);

/* A wrong PIN from address. */
void hall_limit_pin_failed(struct hall_limits *l, const char *address);

#endif
