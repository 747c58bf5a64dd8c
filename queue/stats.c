/* stats.c - percentiles by nearest rank; see stats.h. */
#include <stdlib.h>
#include <string.h>

#include "stats.h"

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Durations are seconds, 0 to well under 2^33: sorted by radix in three
 * passes of 11 bits, several times quicker than qsort on a year's
 * quarter-million waits.  Anything else (or no memory) goes to qsort. */
static void
sort_durations(int64_t *v, size_t n)
{
	int64_t *tmp, *src = v, *dst;
	size_t count[2048];

	for (size_t i = 0; i < n; i++)
		if (v[i] < 0 || v[i] >= (int64_t)1 << 33) {
			qsort(v, n, sizeof *v, cmp64);
			return;
		}
	if (n < 256 || (tmp = malloc(n * sizeof *tmp)) == NULL) {
		qsort(v, n, sizeof *v, cmp64);
		return;
	}
	dst = tmp;
	for (int shift = 0; shift < 33; shift += 11) {
		size_t sum = 0;
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(src[i] >> shift) & 2047]++;
		for (size_t k = 0; k < 2048; k++) {
			size_t c = count[k];
			count[k] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 2047]++] = src[i];
		int64_t *t = src;
		src = dst;
		dst = t;
	}
	/* three passes: the sorted values are in tmp */
	memcpy(v, src, n * sizeof *v);
	free(tmp);
}

int64_t
kz_percentile(const int64_t *sorted, size_t n, int p)
{
	size_t rank;

	if (n == 0)
		return 0;
	rank = ((size_t)p * n + 99) / 100; /* ceil(p/100 * n), in integers */
	if (rank < 1)
		rank = 1;
	return sorted[rank - 1];
}

void
kz_stat_of(int64_t *v, size_t n, int64_t limit, struct kz_stat *out)
{
	size_t within = 0;

	out->n = (int)n;
	out->median = out->p90 = out->max = 0;
	out->within = 0;
	if (n == 0)
		return;
	sort_durations(v, n);
	out->median = kz_percentile(v, n, 50);
	out->p90 = kz_percentile(v, n, 90);
	out->max = v[n - 1];
	/* sorted: the values within the limit are a prefix */
	while (within < n && v[within] <= limit)
		within++;
	out->within = (int)within;
}

double
kz_stat_share(const struct kz_stat *s)
{
	if (s->n == 0)
		return -1;
	return (double)((s->within * 2000L / s->n + 1) / 2) / 10.0; /* rounded half up */
}
