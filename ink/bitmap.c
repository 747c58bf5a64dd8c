/* bitmap.c - 1-bit printouts; see bitmap.h. */
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"

struct kz_bitmap *
kz_bitmap_new(int w, int h)
{
	struct kz_bitmap *b;

	if (w <= 0 || h <= 0 || w % 8 != 0)
		return NULL;
	b = calloc(1, sizeof *b);
	if (b == NULL)
		return NULL;
	b->w = w;
	b->h = h;
	b->stride = w / 8;
	b->bits = calloc((size_t)h, (size_t)b->stride);
	if (b->bits == NULL) {
		free(b);
		return NULL;
	}
	return b;
}

void
kz_bitmap_free(struct kz_bitmap *b)
{
	if (b == NULL)
		return;
	free(b->bits);
	free(b);
}

int
kz_bitmap_get(const struct kz_bitmap *b, int x, int y)
{
	if (x < 0 || y < 0 || x >= b->w || y >= b->h)
		return 0;
	return b->bits[(size_t)y * (size_t)b->stride + (size_t)(x / 8)] >> (7 - x % 8) & 1;
}

void
kz_bitmap_set(struct kz_bitmap *b, int x, int y, int black)
{
	uint8_t *p, mask;

	if (x < 0 || y < 0 || x >= b->w || y >= b->h)
		return;
	p = &b->bits[(size_t)y * (size_t)b->stride + (size_t)(x / 8)];
	mask = (uint8_t)(0x80 >> (x % 8));
	*p = black ? (uint8_t)(*p | mask) : (uint8_t)(*p & ~mask);
}

void
kz_bitmap_fill(struct kz_bitmap *b, int x, int y, int w, int h, int black)
{
	for (int j = y < 0 ? 0 : y; j < y + h && j < b->h; j++)
		for (int i = x < 0 ? 0 : x; i < x + w && i < b->w; i++)
			kz_bitmap_set(b, i, j, black);
}

void
kz_bitmap_crop(struct kz_bitmap *b, int h)
{
	if (h > 0 && h < b->h)
		b->h = h;
}

long
kz_bitmap_count(const struct kz_bitmap *b)
{
	long n = 0;

	for (size_t i = 0; i < (size_t)b->h * (size_t)b->stride; i++)
		n += __builtin_popcount(b->bits[i]);
	return n;
}

int
kz_bitmap_equal(const struct kz_bitmap *a, const struct kz_bitmap *b)
{
	return a->w == b->w && a->h == b->h &&
		memcmp(a->bits, b->bits, (size_t)a->h * (size_t)a->stride) == 0;
}
