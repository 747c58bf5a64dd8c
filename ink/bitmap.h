/*
 * bitmap.h - a 1-bit picture of a thermal printout: what a document is
 * rendered into and what ESC/POS raster (GS v 0) carries.  Rows are packed
 * eight dots a byte, the leftmost dot in the most significant bit, 1 = black,
 * exactly as the printer takes them.
 */
#ifndef KZ_BITMAP_H
#define KZ_BITMAP_H

#include <stdint.h>

#define KZ_DOTS_58MM 384 /* printable width of 58 mm paper at 203 dpi */
#define KZ_DOTS_80MM 576 /* 80 mm paper */

struct kz_bitmap {
	int w, h;      /* dots */
	int stride;    /* bytes a row: (w + 7) / 8 */
	uint8_t *bits; /* h * stride bytes, owned */
};

/* A white bitmap of w x h dots (w a multiple of 8).  NULL if out of memory. */
struct kz_bitmap *kz_bitmap_new(int w, int h);
void kz_bitmap_free(struct kz_bitmap *b);

/* Dot (x, y): 1 black, 0 white; outside the bitmap reads 0, writes nothing. */
int kz_bitmap_get(const struct kz_bitmap *b, int x, int y);
void kz_bitmap_set(struct kz_bitmap *b, int x, int y, int black);

/* Fill a rectangle (clipped to the bitmap). */
void kz_bitmap_fill(struct kz_bitmap *b, int x, int y, int w, int h, int black);

/* Keep only the first h rows (h <= b->h): a printout is as long as it needs. */
void kz_bitmap_crop(struct kz_bitmap *b, int h);

/* Black dots in all. */
long kz_bitmap_count(const struct kz_bitmap *b);

/* Same size and dots? */
int kz_bitmap_equal(const struct kz_bitmap *a, const struct kz_bitmap *b);

#endif
