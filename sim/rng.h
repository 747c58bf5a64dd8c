/*
 * rng.h - random numbers that come out the same on every machine and
 * build (splitmix64, integer arithmetic only): for the simulated days and
 * the benchmark's generated history, whose databases a seed reproduces.
 * Not for anything secret.
 */
#ifndef KZ_RNG_H
#define KZ_RNG_H

#include <stdint.h>

struct kz_rng {
	uint64_t s; /* the state; any value, a seed, starts a stream */
};

uint64_t kz_rng_next(struct kz_rng *r);

/* Uniform in [0, 1), 53 bits. */
double kz_rng_unit(struct kz_rng *r);

/* Uniform in lo..hi, both included. */
int kz_rng_int(struct kz_rng *r, int lo, int hi);

/* True with chance p. */
int kz_rng_chance(struct kz_rng *r, double p);

#endif
