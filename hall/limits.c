/* limits.c - request budgets and PIN tries per address; see limits.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "limits.h"

#define BUCKETS 512 /* addresses and sessions remembered; the oldest is forgotten */

struct bucket {
	char key[72];
	double tokens, at; /* the budget, when last counted */
	int pin_fails;     /* wrong PINs in the window */
	double pin_since;  /* when the window began */
};

struct hall_limits {
	pthread_mutex_t lock;
	struct bucket b[BUCKETS];
};

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
hall_limits_new(struct hall_limits **out)
{
	struct hall_limits *l = calloc(1, sizeof *l);

	if (l == NULL)
		return KZ_ENOMEM;
	pthread_mutex_init(&l->lock, NULL);
	*out = l;
	return KZ_OK;
}

void
hall_limits_free(struct hall_limits *l)
{
	if (l == NULL)
		return;
	pthread_mutex_destroy(&l->lock);
	free(l);
}

/* key's bucket, a fresh one (the least recently used) if it has none. */
static struct bucket *
bucket(struct hall_limits *l, const char *key, double now)
{
	struct bucket *oldest = &l->b[0];

	for (int i = 0; i < BUCKETS; i++) {
		if (strcmp(l->b[i].key, key) == 0)
			return &l->b[i];
		if (l->b[i].at < oldest->at)
			oldest = &l->b[i];
	}
	memset(oldest, 0, sizeof *oldest);
	snprintf(oldest->key, sizeof oldest->key, "%s", key);
	oldest->tokens = HALL_BURST;
	oldest->at = now;
	return oldest;
}

int
hall_limit_request(struct hall_limits *l, const char *key)
{
	double now = mono();
	int wait = 0;
	struct bucket *b;

	pthread_mutex_lock(&l->lock);
	b = bucket(l, key, now);
	b->tokens += (now - b->at) * HALL_RATE;
	if (b->tokens > HALL_BURST)
		b->tokens = HALL_BURST;
	b->at = now;
	if (b->tokens >= 1)
		b->tokens -= 1;
	else
		wait = 1;
	pthread_mutex_unlock(&l->lock);
	return wait;
}

int
hall_limit_pin_wait(struct hall_limits *l, const char *address)
{
	double now = mono();
	char key[72];
	int wait = 0;
	struct bucket *b;

	snprintf(key, sizeof key, "pin %s", address);
	pthread_mutex_lock(&l->lock);
	b = bucket(l, key, now);
	b->at = now;
	if (now - b->pin_since > HALL_PIN_WINDOW)
		b->pin_fails = 0;
	if (b->pin_fails >= HALL_PIN_TRIES_PER_ADDRESS)
		wait = (int)(b->pin_since + HALL_PIN_WINDOW - now) + 1;
	pthread_mutex_unlock(&l->lock);
	return wait;
}

void
hall_limit_pin_failed(struct hall_limits *l, const char *address)
{
	double now = mono();
	char key[72];
	struct bucket *b;

	snprintf(key, sizeof key, "pin %s", address);
	pthread_mutex_lock(&l->lock);
	b = bucket(l, key, now);
	b->at = now;
	if (b->pin_fails == 0 || now - b->pin_since > HALL_PIN_WINDOW) {
		b->pin_fails = 0;
		b->pin_since = now;
	}
	b->pin_fails++;
	pthread_mutex_unlock(&l->lock);
}
