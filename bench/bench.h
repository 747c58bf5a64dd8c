/*
 * bench.h - what the benchmarks share: a monotonic clock, sorting the
 * samples for their percentiles, and the process's resident memory.
 * Header-only, for the bench/ programs alone.
 */
#ifndef KZ_BENCH_H
#define KZ_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline int
bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sort n samples in place. */
static inline void
bench_sort(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_cmp);
}

/* The process's resident memory in kB (VmRSS), -1 if unknown. */
static inline long
bench_rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

#endif
