/* rng.c - splitmix64; see rng.h. */
#include "sim/rng.h"

uint64_t
kz_rng_next(struct kz_rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

double
kz_rng_unit(struct kz_rng *r)
{
	return (double)(kz_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int
kz_rng_int(struct kz_rng *r, int lo, int hi)
{
	return lo + (int)(kz_rng_next(r) % (uint64_t)(hi - lo + 1));
}

int
kz_rng_chance(struct kz_rng *r, double p)
{
	return kz_rng_unit(r) < p;
}
