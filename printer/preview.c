/* preview.c - ESC/POS printouts as PNG pictures, through cairo; see preview.h. */
#include <string.h>

#include <cairo.h>

#include "preview.h"
#include "ink/bitmap.h"
#include "printer/escpos.h"
#include "queue/error.h"

int
kz_bitmap_png(const struct kz_bitmap *bm, const char *png_path, char *err)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, bm->w, bm->h);
	cairo_status_t st;
	unsigned char *px;
	int stride;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return kz_err(err, KZ_ENOMEM, "out of memory making a %dx%d picture", bm->w, bm->h);
	}
	cairo_surface_flush(s);
	px = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < bm->h; y++)
		for (int x = 0; x < bm->w; x++)
			memset(px + (size_t)y * (size_t)stride + (size_t)x * 4,
				kz_bitmap_get(bm, x, y) ? 0x00 : 0xff, 4);
	cairo_surface_mark_dirty(s);
	st = cairo_surface_write_to_png(s, png_path);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		return kz_err(err, KZ_EINVAL, "cannot write '%s': %s", png_path,
			cairo_status_to_string(st));
	return KZ_OK;
}

int
kz_preview_png(const uint8_t *data, size_t len, const char *png_path, int *width, int *height,
	char *err)
{
	struct kz_escpos_summary sum;
	struct kz_bitmap *bm = NULL;
	int rc;

	if ((rc = kz_escpos_decode(data, len, &bm, &sum, err)) != KZ_OK)
		return rc;
	if (bm == NULL)
		return kz_err(err, KZ_EINVAL, "the printout holds no picture (no GS v 0 raster)");
	if (width)
		*width = bm->w;
	if (height)
		*height = bm->h;
	rc = kz_bitmap_png(bm, png_path, err);
	kz_bitmap_free(bm);
	return rc;
}
