/*
 * stats.h - order statistics of durations for the reports, with the
 * definitions written down: the p-th percentile of n values is the value
 * at rank ceil(p/100 * n) of them sorted (the nearest-rank method: always
 * one of the observed values, never interpolated); the median is the 50th
 * percentile, so of an even count it is the lower of the middle two.
 */
#ifndef KZ_STATS_H
#define KZ_STATS_H

#include <stddef.h>
#include <stdint.h>

struct kz_stat {
	int n;          /* values */
	int64_t median; /* seconds; 0 when n == 0 */
	int64_t p90;
	int64_t max;
	int within; /* values at or under the limit */
};

/* The nearest-rank p-th percentile (0 < p <= 100) of the n sorted values. */
int64_t kz_percentile(const int64_t *sorted, size_t n, int p);

/* Sort v (n values, in place) and describe it against limit (seconds). */
void kz_stat_of(int64_t *v, size_t n, int64_t limit, struct kz_stat *out);

/* within as a share of n, in per cent with one decimal: 66.7; -1 if n == 0. */
double kz_stat_share(const struct kz_stat *s);

#endif
