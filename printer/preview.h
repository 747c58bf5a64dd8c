/*
 * preview.h - what an ESC/POS printout looks like, as a PNG: the bytes a
 * thermal printer was sent, decoded back to their picture, for people who
 * want to see a printout without the printer (kezek print preview).
 */
#ifndef KZ_PREVIEW_H
#define KZ_PREVIEW_H

#include <stddef.h>
#include <stdint.h>

struct kz_bitmap;

/* Write a 1-bit printout to png_path, black on white.  KZ_EINVAL for a
 * file that cannot be written, KZ_ENOMEM. */
int kz_bitmap_png(const struct kz_bitmap *bm, const char *png_path, char *err);

/* Decode the ESC/POS stream data[0..len) and write its picture to png_path
 * (black on white).  *width and *height (may be NULL) get its size in dots.
 * KZ_EINVAL for a stream that is not ESC/POS raster (the message says
 * where), or a file that cannot be written; KZ_ENOMEM. */
int kz_preview_png(const uint8_t *data, size_t len, const char *png_path, int *width, int *height,
	char *err);

#endif
