/*
 * layout.h - a printout laid out once as data, top to bottom: blocks of
 * text or a rule.  Each document (documents/) makes one; the same layout
 * becomes a 1-bit thermal printout (kz_layout_bitmap) or an A4 page (pdf.h).
 */
#ifndef KZ_LAYOUT_H
#define KZ_LAYOUT_H

#include "bitmap.h"
#include "typeset.h"

#define KZ_LAYOUT_TEXT_MAX 512 /* bytes of one block's text, NUL included */
#define KZ_LAYOUT_BLOCKS   40  /* the receipt and the notice: up to 10 documents each */

enum kz_block_kind {
	KZ_BLOCK_LINE, /* one line, shrunk to fit */
	KZ_BLOCK_WRAP, /* words onto as many lines as needed */
	KZ_BLOCK_RULE, /* a black line across the content width */
	KZ_BLOCK_QR,   /* the text as a QR code (qr.h), px dots a module, quiet zone
			* included, placed by align */
};

/* One block of a printout, top to bottom. */
struct kz_layout_block {
	enum kz_block_kind kind;
	int px; /* text: pixel size; rule: thickness in dots; QR: dots a module */
	int bold;
	int align; /* KZ_TS_LEFT, KZ_TS_CENTRE, KZ_TS_RIGHT */
	int gap;   /* dots from the block above (negative: into its empty line space) */
	char text[KZ_LAYOUT_TEXT_MAX];
};

struct kz_layout {
	int width;  /* dots: KZ_DOTS_58MM or KZ_DOTS_80MM */
	int margin; /* white dots on every side */
	int n;
	struct kz_layout_block blocks[KZ_LAYOUT_BLOCKS];
};

/* Append a block of kind with the formatted text; KZ_EINVAL if the layout
 * is full or the text too long. */
int kz_layout_add(struct kz_layout *l, enum kz_block_kind kind, int px, int bold, int align,
	int gap, char *err, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/* Any layout (a ticket, a test page ...) set into a printout l->width dots
 * wide, as long as its content and a margin below the last ink; *out is
 * the caller's to kz_bitmap_free.  KZ_EINVAL for a width that is not a
 * positive multiple of 8, a margin that leaves no room or a block count
 * outside 0..KZ_LAYOUT_BLOCKS; otherwise what setting the text met. */
int kz_layout_bitmap(struct kz_typeset *t, const struct kz_layout *l, struct kz_bitmap **out,
	char *err);

#endif
