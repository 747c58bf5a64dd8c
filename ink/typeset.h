/*
 * typeset.h - text into a 1-bit printout with the project's own fonts, so
 * Kazakh letters print on any ESC/POS printer, whatever code pages it has.
 *
 * Text is drawn with SDL2_ttf (no SDL video: nothing here needs a display)
 * from DejaVuSans.ttf and DejaVuSans-Bold.ttf, antialiased and then cut at
 * 50% coverage, so strokes stay crisp on thermal paper.  Sizes are pixel
 * sizes: a font's line (ascent + descent) is about 1.16 of it with DejaVu.
 */
#ifndef KZ_TYPESET_H
#define KZ_TYPESET_H

#include "bitmap.h"

/* align: where a line goes in its box */
#define KZ_TS_LEFT   0
#define KZ_TS_CENTRE 1
#define KZ_TS_RIGHT  2

struct kz_typeset;

/* Open the fonts of font_dir (DejaVuSans.ttf and DejaVuSans-Bold.ttf).
 * KZ_OK, or KZ_ECONFIG naming the font file that is missing or unusable. */
int kz_typeset_open(const char *font_dir, struct kz_typeset **out, char *err);
void kz_typeset_close(struct kz_typeset *t);

/* Draw one line of utf8 at pixel size px (DejaVu Sans, bold if bold) into
 * the box of width w whose top left is (x, y), aligned 0 left, 1 centre,
 * 2 right; the size shrinks until the line fits w.  *height_out gets the
 * height of the line used (the next line goes that much lower).  b NULL
 * measures only.  KZ_OK, or a KZ_E* code with kz_typeset_error telling. */
int kz_typeset_text(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int px,
	int bold, int align, const char *utf8, int *height_out);

/* The same, but words go onto as many lines as width w needs ('\n' also
 * starts one; a no-break space U+00A0 joins words); *height_out gets the
 * height of all the lines.  A word wider than w alone is shrunk to fit.
 * Centred text is balanced: its lines come out as even as the words allow. */
int kz_typeset_wrap(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int px,
	int bold, int align, const char *utf8, int *height_out);

/* Characters of utf8 that either font lacks (they would print as empty
 * boxes), malformed UTF-8 counted too; a KZ_E* code if a font fails. */
int kz_typeset_missing(struct kz_typeset *t, const char *utf8);

/* What the last failure of t was, "" if none; never NULL. */
const char *kz_typeset_error(const struct kz_typeset *t);

#endif
