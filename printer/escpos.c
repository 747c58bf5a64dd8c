/* escpos.c - ESC/POS bytes: encoding a printout, decoding a stream, and the
 * real-time status answers; see escpos.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escpos.h"
#include "queue/error.h"

enum { DLE = 0x10, EOT = 0x04, ESC = 0x1B, GS = 0x1D, LF = 0x0A };

/* One band: rows [y, y + rows) of bm. */
static int
add_band(const struct kz_bitmap *bm, int y, int rows, struct kz_bytes *out)
{
	uint8_t head[8] = {GS, 'v', '0', 0}; /* m 0: normal size */
	int rc;

	head[4] = (uint8_t)(bm->stride & 0xFF);
	head[5] = (uint8_t)(bm->stride >> 8);
	head[6] = (uint8_t)(rows & 0xFF);
	head[7] = (uint8_t)(rows >> 8);
	rc = kz_bytes_add(out, head, sizeof head);
	if (rc != KZ_OK)
		return rc;
	return kz_bytes_add(out, bm->bits + (size_t)y * (size_t)bm->stride,
		(size_t)rows * (size_t)bm->stride);
}

int
kz_escpos_print_bands(const struct kz_bitmap *bm, int feed_lines, int cut, struct kz_bytes *out,
	struct kz_escpos_bands *b)
{
	static const uint8_t init[] = {ESC, '@'}, cutter[] = {GS, 'V', 66, 0};
	struct kz_escpos_bands dummy;
	size_t start = out->len;
	int rows, rc;

	if (b == NULL)
		b = &dummy;
	if (bm == NULL || bm->stride < 1 || bm->stride > KZ_ESCPOS_MAX_STRIDE || bm->h < 0 ||
		feed_lines < 0 || feed_lines > 255)
		return KZ_EINVAL;
	/* many printers' receive buffers cannot take one long image: bands of
	 * at most KZ_ESCPOS_BAND_ROWS rows, each under 64 KiB even for very
	 * wide rows; a band that stands alone is also what a stopped service
	 * can end cleanly (kz_escpos_recover) */
	rows = 65535 / bm->stride;
	if (rows > KZ_ESCPOS_BAND_ROWS)
		rows = KZ_ESCPOS_BAND_ROWS;
	if ((bm->h + rows - 1) / rows > KZ_ESCPOS_MAX_BANDS)
		return KZ_EINVAL;
	b->n = 0;
	b->start = start;
	rc = kz_bytes_add(out, init, sizeof init);
	for (int y = 0; rc == KZ_OK && y < bm->h; y += rows) {
		b->at[b->n++] = out->len;
		rc = add_band(bm, y, bm->h - y < rows ? bm->h - y : rows, out);
	}
	b->at[b->n] = out->len;
	if (rc == KZ_OK && feed_lines > 0) {
		uint8_t feed[] = {ESC, 'd', (uint8_t)feed_lines};
		rc = kz_bytes_add(out, feed, sizeof feed);
	}
	if (rc == KZ_OK && cut)
		rc = kz_bytes_add(out, cutter, sizeof cutter);
	b->end = out->len;
	if (rc != KZ_OK)
		out->len = start;
	return rc;
}

int
kz_escpos_print(const struct kz_bitmap *bm, int feed_lines, int cut, struct kz_bytes *out)
{
	return kz_escpos_print_bands(bm, feed_lines, cut, out, NULL);
}

int
kz_escpos_recover(int stride, const struct kz_bitmap *note, int feed_lines, struct kz_bytes *out)
{
	static const uint8_t init[] = {ESC, '@'}, cutter[] = {GS, 'V', 66, 0};
	static const uint8_t zeros[256];
	size_t start = out->len, pad;
	int rc = KZ_OK, rows;

	if (stride < 1 || stride > KZ_ESCPOS_MAX_STRIDE || feed_lines < 0 || feed_lines > 255)
		return KZ_EINVAL;
	rows = 65535 / stride;
	if (rows > KZ_ESCPOS_BAND_ROWS)
		rows = KZ_ESCPOS_BAND_ROWS;
	for (pad = (size_t)rows * (size_t)stride; rc == KZ_OK && pad > 0;) {
		size_t n = pad < sizeof zeros ? pad : sizeof zeros;
		rc = kz_bytes_add(out, zeros, n);
		pad -= n;
	}
	if (rc == KZ_OK)
		rc = kz_bytes_add(out, init, sizeof init);
	if (rc == KZ_OK && note != NULL) {
		struct kz_bytes pic = {0};
		if ((rc = kz_escpos_print(note, feed_lines, 1, &pic)) == KZ_OK)
			rc = kz_bytes_add(out, pic.data + 2, pic.len - 2); /* past its ESC @ */
		kz_bytes_free(&pic);
	} else if (rc == KZ_OK) {
		uint8_t feed[] = {ESC, 'd', (uint8_t)feed_lines};
		rc = kz_bytes_add(out, feed, feed_lines > 0 ? sizeof feed : 0);
		if (rc == KZ_OK)
			rc = kz_bytes_add(out, cutter, sizeof cutter);
	}
	if (rc != KZ_OK)
		out->len = start;
	return rc;
}

/* The decoder's walk over the stream.  The first pass checks and measures;
 * the second, given the bitmap, copies the bands in.  Two passes keep the
 * allocation to one of a known, capped size. */
struct walk {
	const uint8_t *d;
	size_t len, at; /* at: the current command's first byte */
	struct kz_escpos_summary sum;
	int rows, stride;       /* the picture so far */
	struct kz_bitmap *fill; /* second pass only */
	char *err;
};

static int
cut_short(struct walk *w, const char *name, size_t need)
{
	return kz_err(w->err, KZ_EINVAL, "byte %zu: %s cut short: %zu of %zu bytes", w->at, name,
		w->len - w->at, need);
}

/* The command at w->at is unknown at its byte n (after a known prefix). */
static int
unknown(struct walk *w, const char *prefix, size_t n)
{
	uint8_t c = w->d[w->at + n];

	if (c >= 0x21 && c < 0x7F)
		return kz_err(w->err, KZ_EINVAL, "byte %zu: unknown command %s0x%02X ('%c')", w->at,
			prefix, c, c);
	return kz_err(w->err, KZ_EINVAL, "byte %zu: unknown command %s0x%02X", w->at, prefix, c);
}

/* GS v 0 m xL xH yL yH d1...dk; returns the command's length or < 0. */
static long
raster(struct walk *w)
{
	const uint8_t *p = w->d + w->at;
	size_t x, y, k;
	int m;

	if (w->len - w->at < 8)
		return cut_short(w, "GS v 0", 8);
	m = p[3];
	x = (size_t)p[4] | (size_t)p[5] << 8;
	y = (size_t)p[6] | (size_t)p[7] << 8;
	if (!(m <= 3 || (m >= 48 && m <= 51)))
		return kz_err(w->err, KZ_EINVAL, "byte %zu: GS v 0 has an unknown mode %d", w->at,
			m);
	if (x == 0 || y == 0)
		return kz_err(w->err, KZ_EINVAL,
			"byte %zu: GS v 0 has no dots (%zu bytes a row, %zu rows)", w->at, x, y);
	if (x > KZ_ESCPOS_DECODE_STRIDE)
		return kz_err(w->err, KZ_EINVAL,
			"byte %zu: GS v 0 is %zu bytes a row; a preview takes at most %d", w->at, x,
			KZ_ESCPOS_DECODE_STRIDE);
	k = x * y; /* under 2^26 now: no overflow even with a 32-bit size_t */
	if (w->len - w->at - 8 < k)
		return cut_short(w, "GS v 0", 8 + k);
	if (y > (size_t)(KZ_ESCPOS_DECODE_ROWS - w->rows))
		return kz_err(w->err, KZ_EINVAL,
			"byte %zu: GS v 0 makes the picture %zu rows long; a preview takes "
			"at most %d",
			w->at, (size_t)w->rows + y, KZ_ESCPOS_DECODE_ROWS);
	if (w->fill != NULL)
		for (size_t r = 0; r < y; r++)
			memcpy(w->fill->bits + ((size_t)w->rows + r) * (size_t)w->fill->stride,
				p + 8 + r * x, x);
	w->rows += (int)y;
	if ((int)x > w->stride)
		w->stride = (int)x;
	w->sum.bands++;
	w->sum.raster_mode = m & 3;
	return (long)(8 + k);
}

/* GS V m or GS V m n. */
static long
cut(struct walk *w)
{
	int m;

	if (w->len - w->at < 3)
		return cut_short(w, "GS V", 3);
	m = w->d[w->at + 2];
	if (m != 0 && m != 48 && m != 1 && m != 49 && m != 65 && m != 66)
		return kz_err(w->err, KZ_EINVAL, "byte %zu: GS V has an unknown cut mode %d", w->at,
			m);
	if ((m == 65 || m == 66) && w->len - w->at < 4)
		return cut_short(w, "GS V", 4);
	w->sum.cuts++;
	if (m == 1 || m == 49 || m == 66)
		w->sum.partial_cut++;
	return m >= 65 ? 4 : 3;
}

/* One command at w->at: its length, or < 0. */
static long
step(struct walk *w)
{
	const uint8_t *p = w->d + w->at;
	size_t left = w->len - w->at;

	switch (p[0]) {
	case 0x00: /* a stopped band's padding, left over */
		w->sum.nuls++;
		return 1;
	case LF:
		w->sum.feeds_lines++;
		return 1;
	case ESC:
		if (left < 2)
			return cut_short(w, "ESC", 2);
		if (p[1] == '@') {
			w->sum.inits++;
			return 2;
		}
		if (p[1] != 'd')
			return unknown(w, "ESC ", 1);
		if (left < 3)
			return cut_short(w, "ESC d", 3);
		/* saturate: a long enough stream of ESC d 255 would overflow */
		w->sum.feeds_lines += w->sum.feeds_lines > INT_MAX - 255 ? 0 : p[2];
		return 3;
	case GS:
		if (left < 2)
			return cut_short(w, "GS", 2);
		if (p[1] == 'V')
			return cut(w);
		if (p[1] != 'v')
			return unknown(w, "GS ", 1);
		if (left < 3)
			return cut_short(w, "GS v 0", 8);
		if (p[2] != '0')
			return unknown(w, "GS v ", 2);
		return raster(w);
	case DLE:
		if (left < 2)
			return cut_short(w, "DLE EOT", 3);
		if (p[1] != EOT)
			return unknown(w, "DLE ", 1);
		if (left < 3)
			return cut_short(w, "DLE EOT", 3);
		if (p[2] < 1 || p[2] > 4)
			return kz_err(w->err, KZ_EINVAL,
				"byte %zu: DLE EOT asks for an unknown status %d", w->at, p[2]);
		w->sum.other++;
		return 3;
	default:
		return unknown(w, "", 0);
	}
}

static int
walk(struct walk *w)
{
	for (w->at = 0; w->at < w->len;) {
		long n = step(w);

		if (n < 0)
			return (int)n;
		w->at += (size_t)n;
	}
	return KZ_OK;
}

int
kz_escpos_decode(const uint8_t *data, size_t len, struct kz_bitmap **out,
	struct kz_escpos_summary *sum, char *err)
{
	struct walk w = {.d = data, .len = data == NULL ? 0 : len, .err = err};
	int rc;

	if (out != NULL)
		*out = NULL;
	if (sum != NULL)
		memset(sum, 0, sizeof *sum);
	/* the counts are ints: one a byte at most */
	if (w.len > INT_MAX)
		return kz_err(err, KZ_EINVAL, "an ESC/POS stream of %zu bytes is too long to read",
			w.len);
	rc = walk(&w);
	if (sum != NULL)
		*sum = w.sum;
	if (rc != KZ_OK || out == NULL || w.rows == 0)
		return rc;
	w.fill = kz_bitmap_new(w.stride * 8, w.rows);
	if (w.fill == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory for a %d x %d dot preview",
			w.stride * 8, w.rows);
	w.rows = 0;
	w.stride = 0;
	memset(&w.sum, 0, sizeof w.sum);
	rc = walk(&w); /* the same bytes: cannot fail now */
	if (rc != KZ_OK) {
		kz_bitmap_free(w.fill);
		return rc;
	}
	*out = w.fill;
	return KZ_OK;
}

int
kz_escpos_status_request(int n, uint8_t out[3])
{
	if (n < KZ_STATUS_PRINTER || n > KZ_STATUS_PAPER)
		return KZ_EINVAL;
	out[0] = DLE;
	out[1] = EOT;
	out[2] = (uint8_t)n;
	return KZ_OK;
}

int
kz_escpos_status_parse(int n, uint8_t byte, struct kz_printer_state *st)
{
	/* every answer: bit 1 and bit 4 on, bits 0 and 7 off */
	if (n < KZ_STATUS_PRINTER || n > KZ_STATUS_PAPER || (byte & 0x93) != 0x12)
		return KZ_EINVAL;
	switch (n) {
	case KZ_STATUS_PRINTER:
		st->online = !(byte & 0x08);
		st->feed_button = !!(byte & 0x40);
		break;
	case KZ_STATUS_OFFLINE:
		st->cover_open = !!(byte & 0x04);
		st->feed_button = !!(byte & 0x08);
		st->paper_out = !!(byte & 0x20);
		st->error = !!(byte & 0x40);
		break;
	case KZ_STATUS_ERROR:
		st->cutter_error = !!(byte & 0x08);
		st->unrecoverable = !!(byte & 0x20);
		st->auto_recoverable = !!(byte & 0x40);
		break;
	case KZ_STATUS_PAPER:
		/* each condition is reported in two bits; either one counts */
		st->paper_near_end = !!(byte & 0x0C);
		st->paper_out = !!(byte & 0x60);
		break;
	}
	st->valid |= 1 << n;
	return KZ_OK;
}

static void
join(char *buf, size_t len, const char *reason)
{
	size_t at = strlen(buf);

	if (at + 1 >= len)
		return;
	snprintf(buf + at, len - at, "%s%s", at ? ", " : "", reason);
}

const char *
kz_escpos_state_text(const struct kz_printer_state *st, char *buf, size_t len)
{
	int stopped;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	if (!st->valid) {
		join(buf, len, "status unknown");
		return buf;
	}
	if (st->unrecoverable)
		join(buf, len, "unrecoverable error");
	if (st->paper_out)
		join(buf, len, "paper out");
	if (st->cover_open)
		join(buf, len, "cover open");
	if (st->cutter_error)
		join(buf, len, "cutter error");
	if (st->auto_recoverable)
		join(buf, len, "recovering from an error");
	stopped = buf[0] != '\0';
	if (st->error && !stopped)
		join(buf, len, "error");
	/* the printer says offline for paper out, an open cover or an error:
	 * name it only when nothing above explains it */
	if ((st->valid & 1 << KZ_STATUS_PRINTER) && !st->online && !stopped && !st->error)
		join(buf, len, "offline");
	if (st->paper_near_end && !st->paper_out)
		join(buf, len, "paper near end");
	if (buf[0] == '\0')
		join(buf, len, "ok");
	return buf;
}
