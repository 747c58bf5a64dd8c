/* layout.c - a printout's blocks, and setting them into a 1-bit picture;
 * see layout.h.  render sets a layout twice: to measure, then to print. */
#include <stdarg.h>
#include <stdio.h>

#include "layout.h"
#include "qr.h"
#include "queue/error.h"

/* Append a block; KZ_EINVAL if there is no room for it or its text. */
int
kz_layout_add(struct kz_layout *l, enum kz_block_kind kind, int px, int bold, int align, int gap,
	char *err, const char *fmt, ...)
{
	struct kz_layout_block *b = &l->blocks[l->n];
	va_list ap;
	int n;

	if (l->n == KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL, "the document has more than %d blocks",
			KZ_LAYOUT_BLOCKS);
	*b = (struct kz_layout_block){kind, px, bold, align, gap, ""};
	va_start(ap, fmt);
	n = vsnprintf(b->text, sizeof b->text, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof b->text)
		return kz_err(err, KZ_EINVAL,
			"a text of the document is longer than %d bytes: %.40s...",
			KZ_LAYOUT_TEXT_MAX - 1, b->text);
	l->n++;
	return KZ_OK;
}

/* The QR code of k's text at (x, y) in a column w wide, into b (NULL:
 * only measure); *h gets its height, the quiet zone included. */
static int
set_qr(struct kz_bitmap *b, const struct kz_layout_block *k, int x, int y, int w, int *h, char *err)
{
	struct kz_qr *q;
	int rc, side, left;

	if ((rc = kz_qr_make(k->text, &q, err)) != KZ_OK)
		return rc;
	side = (q->size + 2 * KZ_QR_QUIET) * k->px;
	if (side > w) {
		kz_qr_free(q);
		return kz_err(err, KZ_EINVAL,
			"a QR code of %d modules at %d dots each is wider than the paper's %d dots",
			q->size, k->px, w);
	}
	left = k->align == KZ_TS_LEFT     ? x
		: k->align == KZ_TS_RIGHT ? x + w - side
					  : x + (w - side) / 2;
	left += KZ_QR_QUIET * k->px;
	for (int r = 0; b != NULL && r < q->size; r++)
		for (int c = 0; c < q->size; c++)
			if (q->dark[r * q->size + c])
				kz_bitmap_fill(b, left + c * k->px, y + (KZ_QR_QUIET + r) * k->px,
					k->px, k->px, 1);
	kz_qr_free(q);
	*h = side;
	return KZ_OK;
}

/* Set the layout's blocks into b (NULL: only measure); *bottom gets the
 * lowest dot the content reaches. */
static int
render(struct kz_typeset *t, const struct kz_layout *l, struct kz_bitmap *b, int *bottom, char *err)
{
	int x = l->margin, w = l->width - 2 * l->margin, y = l->margin, h, rc;

	for (int i = 0; i < l->n; i++) {
		const struct kz_layout_block *k = &l->blocks[i];
		y += k->gap;
		if (k->kind == KZ_BLOCK_RULE) {
			if (b != NULL)
				kz_bitmap_fill(b, x, y, w, k->px, 1);
			h = k->px;
			rc = KZ_OK;
		} else if (k->kind == KZ_BLOCK_QR) {
			if ((rc = set_qr(b, k, x, y, w, &h, err)) != KZ_OK)
				return rc;
		} else if (k->kind == KZ_BLOCK_WRAP) {
			rc = kz_typeset_wrap(t, b, x, y, w, k->px, k->bold, k->align, k->text, &h);
		} else {
			rc = kz_typeset_text(t, b, x, y, w, k->px, k->bold, k->align, k->text, &h);
		}
		if (rc != KZ_OK)
			return kz_err(err, rc, "cannot set the printout's text '%.60s': %s",
				k->text, kz_typeset_error(t));
		y += h;
	}
	*bottom = y;
	return KZ_OK;
}

/* The last row with a black dot, -1 if none. */
static int
last_ink(const struct kz_bitmap *b)
{
	for (int y = b->h - 1; y >= 0; y--)
		for (int i = 0; i < b->stride; i++)
			if (b->bits[(size_t)y * b->stride + i])
				return y;
	return -1;
}

static int
check_layout(const struct kz_layout *l, char *err)
{
	if (l->width <= 0 || l->width % 8 != 0)
		return kz_err(err, KZ_EINVAL,
			"a printout is a positive multiple of 8 dots wide, not %d", l->width);
	if (l->margin < 0 || 2 * l->margin >= l->width)
		return kz_err(err, KZ_EINVAL,
			"a margin of %d dots leaves no room on a printout %d dots wide", l->margin,
			l->width);
	if (l->n < 0 || l->n > KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL, "a printout has 0 to %d blocks, not %d",
			KZ_LAYOUT_BLOCKS, l->n);
	return KZ_OK;
}

int
kz_layout_bitmap(struct kz_typeset *t, const struct kz_layout *l, struct kz_bitmap **out, char *err)
{
	struct kz_bitmap *b;
	int rc, h, rows;

	*out = NULL;
	if ((rc = check_layout(l, err)) != KZ_OK || (rc = render(t, l, NULL, &h, err)) != KZ_OK)
		return rc;
	rows = h + l->margin > 0 ? h + l->margin : 1; /* an empty layout is a blank row */
	if ((b = kz_bitmap_new(l->width, rows)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for a printout of %dx%d dots",
			l->width, rows);
	if ((rc = render(t, l, b, &h, err)) != KZ_OK) {
		kz_bitmap_free(b);
		return rc;
	}
	/* the last line's empty descent is paper wasted: end a margin below the ink */
	kz_bitmap_crop(b, last_ink(b) + 1 + l->margin);
	*out = b;
	return KZ_OK;
}
