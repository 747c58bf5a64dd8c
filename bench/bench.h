/*
 * bench.h - what the benchmarks share: a monotonic clock, sorting the
 * samples for their percentiles, the process's resident memory, and
 * reading the command line.
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

/* Remove the scratch folder dir (a buffer; "" once removed or never
 * made), saying so on stderr if it cannot. */
static inline void
bench_remove_dir(const char *prog, char *dir)
{
	char cmd[600];

	if (dir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%.500s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "%s: could not remove %s\n", prog, dir);
	dir[0] = '\0';
}

/* An option the benchmark does not take: one line naming it and the way
 * to the usage, on stderr, and exit 1. */
static inline void
bench_bad_option(const char *prog, const char *arg)
{
	fprintf(stderr, "%s: cannot use '%s'; '%s --help' shows the usage\n", prog, arg, prog);
	exit(1);
}

/* A whole decimal number in lo..hi from text into *out; 0 if it is not. */
static inline int
bench_number(const char *text, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (end == text || *end != '\0' || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

#endif
