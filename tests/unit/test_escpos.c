/* test_escpos.c - ESC/POS bytes: printouts there and back through the
 * decoder, exact bytes, broken streams, and the printer's status answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ink/bitmap.h"
#include "printer/escpos.h"
#include "printer/printout.h"
#include "queue/error.h"

/* Diagonals both ways, a filled block, a frame: every byte of a row differs. */
static struct kz_bitmap *
pattern(int w, int h)
{
	struct kz_bitmap *bm = kz_bitmap_new(w, h);

	assert_non_null(bm);
	for (int y = 0; y < h; y++) {
		kz_bitmap_set(bm, y % w, y, 1);
		kz_bitmap_set(bm, w - 1 - (y * 3) % w, y, 1);
	}
	kz_bitmap_fill(bm, w / 4, h / 3, w / 3, h / 5, 1);
	kz_bitmap_fill(bm, 0, 0, w, 2, 1);
	kz_bitmap_fill(bm, 0, h - 2, w, 2, 1);
	kz_bitmap_fill(bm, 0, 0, 1, h, 1);
	kz_bitmap_fill(bm, w - 1, 0, 1, h, 1);
	return bm;
}

/* Bands' row counts, read from the GS v 0 headers the encoder wrote. */
static int
band_rows(const struct kz_bytes *b, int *rows, int max)
{
	size_t at = 2; /* after ESC @ */
	int n = 0;

	while (at + 8 <= b->len && b->data[at] == 0x1D && b->data[at + 1] == 'v' && n < max) {
		size_t x = b->data[at + 4] | (size_t)b->data[at + 5] << 8;
		size_t y = b->data[at + 6] | (size_t)b->data[at + 7] << 8;
		assert_true(x * y < 65536);
		rows[n++] = (int)y;
		at += 8 + x * y;
	}
	return n;
}

static void
round_trip(int w, int h, int expect_bands)
{
	struct kz_bitmap *bm = pattern(w, h), *back = NULL;
	struct kz_bytes b = {0};
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";
	int rows[16], n;

	assert_int_equal(kz_escpos_print(bm, 4, 1, &b), KZ_OK);
	if (kz_escpos_decode(b.data, b.len, &back, &sum, err) != KZ_OK)
		fail_msg("decode: %s", err);
	assert_non_null(back);
	assert_int_equal(back->w, w);
	assert_int_equal(back->h, h);
	assert_true(kz_bitmap_equal(bm, back));
	assert_int_equal(kz_bitmap_count(back), kz_bitmap_count(bm));
	assert_int_equal(sum.bands, expect_bands);
	assert_int_equal(sum.inits, 1);
	assert_int_equal(sum.cuts, 1);
	assert_int_equal(sum.partial_cut, 1);
	assert_int_equal(sum.feeds_lines, 4);
	assert_int_equal(sum.other, 0);
	assert_int_equal(sum.raster_mode, 0);
	n = band_rows(&b, rows, 16);
	assert_int_equal(n, expect_bands);
	for (int i = 0; i < n; i++)
		assert_int_equal(rows[i],
			i < n - 1 ? KZ_ESCPOS_BAND_ROWS : h - KZ_ESCPOS_BAND_ROWS * (n - 1));
	/* ESC @, bands, ESC d 4, GS V 66 0 and nothing else */
	assert_int_equal(b.len, 2 + (size_t)n * 8 + (size_t)h * (size_t)(w / 8) + 3 + 4);
	kz_bitmap_free(back);
	kz_bitmap_free(bm);
	kz_bytes_free(&b);
}

static void
test_58mm_round_trip_in_three_bands(void **state)
{
	(void)state;
	round_trip(KZ_DOTS_58MM, 300, 3);
}

static void
test_80mm_round_trip(void **state)
{
	(void)state;
	round_trip(KZ_DOTS_80MM, 600, 5);
	round_trip(KZ_DOTS_80MM, 128, 1);
	round_trip(KZ_DOTS_80MM, 129, 2);
}

/* A printout stopped at any byte (but never inside a band's header, which
 * goes out in one write) and then the reset: the stream reads cleanly, the
 * band cut short is ended with blank rows, and the next printout comes out
 * whole after it. */
static void
test_a_printout_stopped_anywhere_is_ended_by_the_reset(void **state)
{
	struct kz_bitmap *bm = pattern(KZ_DOTS_58MM, 300), *next = pattern(KZ_DOTS_58MM, 40);
	struct kz_bytes whole = {0}, reset = {0}, again = {0}, s = {0};
	struct kz_escpos_bands b;
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_escpos_print_bands(bm, 4, 1, &whole, &b), KZ_OK);
	assert_int_equal(b.n, 3);
	assert_int_equal(kz_escpos_recover(KZ_DOTS_58MM / 8, NULL, 4, &reset), KZ_OK);
	assert_int_equal(kz_escpos_print(next, 4, 1, &again), KZ_OK);
	for (size_t c = 0; c <= b.at[b.n]; c += 7) {
		struct kz_bitmap *back = NULL;
		int band = -1, rows;

		for (int i = 0; i < b.n; i++)
			if (c > (i == 0 ? b.start : b.at[i]) && c < b.at[i] + KZ_ESCPOS_BAND_HEAD)
				band = i;
		if (band >= 0)
			continue; /* inside a header: never */
		s.len = 0;
		assert_int_equal(kz_bytes_add(&s, whole.data, c), KZ_OK);
		assert_int_equal(kz_bytes_add(&s, reset.data, reset.len), KZ_OK);
		assert_int_equal(kz_bytes_add(&s, again.data, again.len), KZ_OK);
		if (kz_escpos_decode(s.data, s.len, &back, &sum, err) != KZ_OK)
			fail_msg("stopped at byte %zu: %s", c, err);
		/* the bands begun, whole, then the next printout */
		rows = 0;
		for (int i = 0; i < b.n; i++)
			if (c > b.at[i])
				rows += i < b.n - 1 ? KZ_ESCPOS_BAND_ROWS
						    : 300 - 2 * KZ_ESCPOS_BAND_ROWS;
		assert_non_null(back);
		assert_int_equal(back->h, rows + 40);
		assert_int_equal(sum.cuts, 2);
		for (int y = 0; y < 40; y++)
			assert_memory_equal(back->bits + (size_t)(rows + y) * back->stride,
				next->bits + (size_t)y * next->stride, next->stride);
		kz_bitmap_free(back);
	}
	kz_bitmap_free(bm);
	kz_bitmap_free(next);
	kz_bytes_free(&whole);
	kz_bytes_free(&reset);
	kz_bytes_free(&again);
	kz_bytes_free(&s);
}

static void
test_exact_bytes_of_a_tiny_bitmap(void **state)
{
	static const uint8_t expect[] = {0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00,
		0xA5, 0x3C, 0x1B, 0x64, 0x03, 0x1D, 0x56, 0x42, 0x00};
	struct kz_bitmap *bm = kz_bitmap_new(8, 2);
	struct kz_bytes b = {0};

	(void)state;
	bm->bits[0] = 0xA5;
	bm->bits[1] = 0x3C;
	assert_int_equal(kz_escpos_print(bm, 3, 1, &b), KZ_OK);
	assert_int_equal(b.len, sizeof expect);
	assert_memory_equal(b.data, expect, sizeof expect);
	/* no cut, no feed: ESC @ and the band only, appended to what was there */
	assert_int_equal(kz_escpos_print(bm, 0, 0, &b), KZ_OK);
	assert_int_equal(b.len, sizeof expect + 12);
	assert_memory_equal(b.data + sizeof expect, expect, 12);
	kz_bitmap_free(bm);
	kz_bytes_free(&b);
}

static void
test_bad_print_arguments(void **state)
{
	struct kz_bitmap *bm = kz_bitmap_new(8, 2);
	struct kz_bytes b = {0};

	(void)state;
	assert_int_equal(kz_escpos_print(bm, -1, 0, &b), KZ_EINVAL);
	assert_int_equal(kz_escpos_print(bm, 256, 0, &b), KZ_EINVAL);
	assert_int_equal(b.len, 0);
	assert_int_equal(kz_escpos_print(bm, 255, 0, &b), KZ_OK);
	assert_int_equal(b.data[b.len - 1], 255);
	kz_bitmap_free(bm);
	kz_bytes_free(&b);
	/* 65536 dots is 8192 bytes a row: more than xL xH can say */
	bm = kz_bitmap_new(65536, 1);
	assert_non_null(bm);
	assert_int_equal(kz_escpos_print(bm, 0, 1, &b), KZ_EINVAL);
	assert_int_equal(b.len, 0);
	kz_bitmap_free(bm);
	kz_bytes_free(&b);
}

/* The widest allowed row (8191 bytes): bands shrink to 8 rows to stay
 * under 64 KiB; too wide for the decoder's preview. */
static void
test_widest_rows_keep_bands_under_64k(void **state)
{
	struct kz_bitmap *bm = kz_bitmap_new(8191 * 8, 20), *back = NULL;
	struct kz_bytes b = {0};
	char err[KZ_ERR_LEN] = "";
	int rows[16];

	(void)state;
	assert_non_null(bm);
	kz_bitmap_fill(bm, 0, 0, 8191 * 8, 20, 1);
	assert_int_equal(kz_escpos_print(bm, 0, 0, &b), KZ_OK);
	assert_int_equal(band_rows(&b, rows, 16), 3);
	assert_int_equal(rows[0], 8);
	assert_int_equal(rows[1], 8);
	assert_int_equal(rows[2], 4);
	assert_int_equal(kz_escpos_decode(b.data, b.len, &back, NULL, err), KZ_EINVAL);
	assert_null(back);
	assert_non_null(strstr(err, "byte 2:"));
	assert_non_null(strstr(err, "8191 bytes a row"));
	kz_bitmap_free(bm);
	kz_bytes_free(&b);
}

/* Every command the decoder knows, and where each begins. */
static const uint8_t small[] = {
	0x1B, 0x40,                                     /* 0: ESC @ */
	0x10, 0x04, 0x04,                               /* 2: DLE EOT 4 */
	0x1D, 0x76, 0x30, 0x31, 0x02, 0x00, 0x03, 0x00, /* 5: GS v 0, m 49 */
	0xFF, 0x00, 0x81, 0x81, 0x00, 0xFF,             /* 2 bytes x 3 rows */
	0x0A,                                           /* 19: LF */
	0x1B, 0x64, 0x05,                               /* 20: ESC d 5 */
	0x1D, 0x56, 0x01,                               /* 23: GS V 1 */
	0x1D, 0x56, 0x41, 0x10,                         /* 26: GS V 65 16 */
	0x1D, 0x56, 0x30,                               /* 30: GS V 48 */
};
static const size_t small_starts[] = {0, 2, 5, 19, 20, 23, 26, 30, sizeof small};

static void
test_small_stream_decodes(void **state)
{
	struct kz_bitmap *bm = NULL;
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	if (kz_escpos_decode(small, sizeof small, &bm, &sum, err) != KZ_OK)
		fail_msg("decode: %s", err);
	assert_non_null(bm);
	assert_int_equal(bm->w, 16);
	assert_int_equal(bm->h, 3);
	/* double width (m 49) is recorded, the dots stay at normal size */
	assert_int_equal(sum.raster_mode, 1);
	assert_int_equal(kz_bitmap_get(bm, 0, 0), 1);
	assert_int_equal(kz_bitmap_get(bm, 8, 0), 0);
	assert_int_equal(kz_bitmap_get(bm, 0, 1), 1);
	assert_int_equal(kz_bitmap_get(bm, 1, 1), 0);
	assert_int_equal(kz_bitmap_get(bm, 7, 1), 1);
	assert_int_equal(kz_bitmap_count(bm), 8 + 4 + 8);
	assert_int_equal(sum.inits, 1);
	assert_int_equal(sum.bands, 1);
	assert_int_equal(sum.feeds_lines, 6);
	assert_int_equal(sum.cuts, 3);
	assert_int_equal(sum.partial_cut, 1);
	assert_int_equal(sum.other, 1);
	kz_bitmap_free(bm);
}

/* A stream cut between two commands is a shorter valid stream and decodes;
 * cut inside a command it is KZ_EINVAL, naming where that command began.
 * Each prefix sits in a buffer of exactly its size, for ASan to watch. */
static void
test_every_truncation(void **state)
{
	(void)state;
	for (size_t len = 0; len <= sizeof small; len++) {
		uint8_t *copy = malloc(len ? len : 1);
		struct kz_bitmap *bm = (struct kz_bitmap *)1;
		struct kz_escpos_summary sum;
		char err[KZ_ERR_LEN] = "", where[32];
		size_t start = 0;
		int boundary = 0, rc;

		assert_non_null(copy);
		memcpy(copy, small, len);
		for (size_t i = 0; i < sizeof small_starts / sizeof small_starts[0]; i++) {
			if (small_starts[i] == len)
				boundary = 1;
			if (small_starts[i] < len)
				start = small_starts[i];
		}
		rc = kz_escpos_decode(copy, len, &bm, &sum, err);
		if (boundary) {
			if (rc != KZ_OK)
				fail_msg("%zu bytes: %s", len, err);
			assert_int_equal(bm == NULL, len <= 5);
		} else {
			snprintf(where, sizeof where, "byte %zu: ", start);
			if (rc != KZ_EINVAL || strstr(err, where) == NULL ||
				strstr(err, "cut short") == NULL)
				fail_msg("%zu bytes: rc %d, '%s'", len, rc, err);
			assert_null(bm);
		}
		kz_bitmap_free(bm);
		free(copy);
	}
}

static void
expect_refused(const uint8_t *data, size_t len, const char *part1, const char *part2)
{
	struct kz_bitmap *bm = NULL;
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(kz_escpos_decode(data, len, &bm, NULL, err), KZ_EINVAL);
	assert_null(bm);
	if (strstr(err, part1) == NULL || (part2 && strstr(err, part2) == NULL))
		fail_msg("'%s' does not say '%s' and '%s'", err, part1, part2 ? part2 : "");
}

static void
test_unknown_commands_are_refused_with_their_offset(void **state)
{
	static const uint8_t text[] = {0x1B, 0x40, 0x0A, 0x0A, 'A', 'B'};
	static const uint8_t esc[] = {0x1B, 0x40, 0x1B, 0x21, 0x00};
	static const uint8_t gs_v[] = {0x1B, 0x40, 0x1D, 0x76, 0x31, 0, 1, 0, 1, 0, 0};
	static const uint8_t mode[] = {0x1D, 0x76, 0x30, 0x04, 1, 0, 1, 0, 0};
	static const uint8_t cut[] = {0x0A, 0x1D, 0x56, 0x61, 0x00};
	static const uint8_t dle[] = {0x10, 0x04, 0x07};
	static const uint8_t empty[] = {0x1D, 0x76, 0x30, 0x00, 0, 0, 5, 0};
	static const uint8_t nul[] = {0x00};

	(void)state;
	expect_refused(text, sizeof text, "byte 4: unknown command 0x41 ('A')", NULL);
	expect_refused(esc, sizeof esc, "byte 2:", "ESC 0x21");
	expect_refused(gs_v, sizeof gs_v, "byte 2:", "GS v 0x31");
	expect_refused(mode, sizeof mode, "byte 0:", "mode 4");
	expect_refused(cut, sizeof cut, "byte 1:", "cut mode 97");
	expect_refused(dle, sizeof dle, "byte 0:", "status 7");
	expect_refused(empty, sizeof empty, "byte 0:", "no dots");
	/* NUL is no command: printers ignore it, and a stopped band's
	 * padding leaves some (kz_escpos_recover) */
	{
		struct kz_escpos_summary sum;
		char err[KZ_ERR_LEN] = "";
		assert_int_equal(kz_escpos_decode(nul, sizeof nul, NULL, &sum, err), KZ_OK);
		assert_int_equal(sum.nuls, 1);
	}
}

/* Headers that promise huge pictures are refused before any allocation. */
static void
test_absurd_sizes_are_refused(void **state)
{
	static const uint8_t huge[] = {0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
	static const uint8_t wide[] = {0x1D, 0x76, 0x30, 0x00, 0x01, 0x04, 0x01, 0x00};
	size_t band = 8 + 256, len = 33 * band;
	uint8_t *tall = calloc(1, len);
	struct kz_bitmap *bm = NULL;
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	expect_refused(huge, sizeof huge, "byte 0:", "65535 bytes a row");
	expect_refused(wide, sizeof wide, "byte 0:", "1025 bytes a row");
	/* 33 bands of 256 rows: the 33rd passes 8192 rows */
	assert_non_null(tall);
	for (int i = 0; i < 33; i++) {
		static const uint8_t head[] = {0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x00, 0x01};
		memcpy(tall + (size_t)i * band, head, sizeof head);
	}
	assert_int_equal(kz_escpos_decode(tall, len, &bm, &sum, err), KZ_EINVAL);
	assert_null(bm);
	assert_int_equal(sum.bands, 32);
	assert_non_null(strstr(err, "8192"));
	assert_int_equal(kz_escpos_decode(tall, len - band, &bm, &sum, err), KZ_OK);
	assert_int_equal(bm->h, 8192);
	assert_int_equal(bm->w, 8);
	kz_bitmap_free(bm);
	free(tall);
}

static void
test_bands_of_different_widths_and_no_bands(void **state)
{
	static const uint8_t mixed[] = {0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0, 0xFF, 0xFF, 0x80, 0x01,
		0x1D, 0x76, 0x30, 0x00, 4, 0, 1, 0, 0x01, 0x02, 0x03, 0x04};
	static const uint8_t none[] = {0x1B, 0x40, 0x1B, 0x64, 0x03};
	struct kz_bitmap *bm = NULL;
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_escpos_decode(mixed, sizeof mixed, &bm, &sum, err), KZ_OK);
	assert_int_equal(bm->w, 32);
	assert_int_equal(bm->h, 3);
	assert_int_equal(sum.bands, 2);
	assert_memory_equal(bm->bits,
		((const uint8_t[]){0xFF, 0xFF, 0, 0, 0x80, 0x01, 0, 0, 0x01, 0x02, 0x03, 0x04}),
		12);
	kz_bitmap_free(bm);
	bm = (struct kz_bitmap *)1;
	assert_int_equal(kz_escpos_decode(none, sizeof none, &bm, &sum, err), KZ_OK);
	assert_null(bm);
	assert_int_equal(sum.inits, 1);
	assert_int_equal(sum.feeds_lines, 3);
	assert_int_equal(sum.bands, 0);
	assert_int_equal(kz_escpos_decode(NULL, 0, &bm, &sum, err), KZ_OK);
	assert_null(bm);
	assert_int_equal(sum.inits, 0);
}

static void
test_status_requests(void **state)
{
	uint8_t req[3] = {0};

	(void)state;
	for (int n = 1; n <= 4; n++) {
		assert_int_equal(kz_escpos_status_request(n, req), KZ_OK);
		assert_memory_equal(req, ((const uint8_t[]){0x10, 0x04, (uint8_t)n}), 3);
	}
	assert_int_equal(kz_escpos_status_request(0, req), KZ_EINVAL);
	assert_int_equal(kz_escpos_status_request(5, req), KZ_EINVAL);
}

static struct kz_printer_state
parsed(int n, uint8_t byte)
{
	struct kz_printer_state st = {0};

	assert_int_equal(kz_escpos_status_parse(n, byte, &st), KZ_OK);
	assert_int_equal(st.valid, 1 << n);
	return st;
}

static void
test_status_answers(void **state)
{
	struct kz_printer_state st;

	(void)state;
	/* n 1: bit 3 offline, bit 6 feed button */
	assert_int_equal(parsed(1, 0x16).online, 1);
	assert_int_equal(parsed(1, 0x12).online, 1);
	assert_int_equal(parsed(1, 0x1E).online, 0);
	assert_int_equal(parsed(1, 0x52).feed_button, 1);
	/* n 2: bit 2 cover, bit 3 feeding, bit 5 paper-end stop, bit 6 error */
	st = parsed(2, 0x12);
	assert_false(st.cover_open || st.paper_out || st.error || st.feed_button);
	st = parsed(2, 0x16);
	assert_true(st.cover_open);
	assert_false(st.paper_out);
	st = parsed(2, 0x32);
	assert_true(st.paper_out);
	assert_false(st.cover_open);
	assert_true(parsed(2, 0x52).error);
	assert_true(parsed(2, 0x1A).feed_button);
	/* n 3: bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable */
	st = parsed(3, 0x1A);
	assert_true(st.cutter_error);
	assert_false(st.unrecoverable || st.auto_recoverable);
	assert_true(parsed(3, 0x32).unrecoverable);
	assert_true(parsed(3, 0x52).auto_recoverable);
	/* n 4: bits 2, 3 near end; bits 5, 6 paper out */
	st = parsed(4, 0x12);
	assert_false(st.paper_near_end || st.paper_out);
	st = parsed(4, 0x1E);
	assert_true(st.paper_near_end);
	assert_false(st.paper_out);
	st = parsed(4, 0x72);
	assert_true(st.paper_out);
	assert_false(st.paper_near_end);
}

static void
test_status_bytes_without_the_fixed_bits_are_refused(void **state)
{
	static const uint8_t bad[] = {0x00, 0xFF, 0x10, 0x02, 0x13, 0x92, 0x1F, 0x7F};
	struct kz_printer_state st = {0}, before;

	(void)state;
	assert_int_equal(kz_escpos_status_parse(4, 0x72, &st), KZ_OK);
	before = st;
	for (int n = 1; n <= 4; n++)
		for (size_t i = 0; i < sizeof bad; i++) {
			assert_int_equal(kz_escpos_status_parse(n, bad[i], &st), KZ_EINVAL);
			assert_memory_equal(&st, &before, sizeof st);
		}
	assert_int_equal(kz_escpos_status_parse(0, 0x12, &st), KZ_EINVAL);
	assert_int_equal(kz_escpos_status_parse(5, 0x12, &st), KZ_EINVAL);
	assert_memory_equal(&st, &before, sizeof st);
}

static void
test_state_text(void **state)
{
	struct kz_printer_state st = {0};
	char buf[128], tiny[8];

	(void)state;
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "status unknown");
	kz_escpos_status_parse(1, 0x12, &st);
	kz_escpos_status_parse(2, 0x12, &st);
	kz_escpos_status_parse(3, 0x12, &st);
	kz_escpos_status_parse(4, 0x12, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "ok");
	kz_escpos_status_parse(4, 0x1E, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "paper near end");
	/* offline with the cover open and no paper: the causes, worst first */
	kz_escpos_status_parse(1, 0x1E, &st);
	kz_escpos_status_parse(2, 0x36, &st);
	kz_escpos_status_parse(4, 0x7E, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "paper out, cover open");
	kz_escpos_status_parse(3, 0x1A, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf),
		"paper out, cover open, cutter error");
	/* offline for no reason the printer gives */
	memset(&st, 0, sizeof st);
	kz_escpos_status_parse(1, 0x1A, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "offline");
	kz_escpos_status_parse(4, 0x1E, &st);
	assert_string_equal(kz_escpos_state_text(&st, buf, sizeof buf), "offline, paper near end");
	/* a small buffer is cut, never overrun */
	assert_string_equal(kz_escpos_state_text(&st, tiny, sizeof tiny), "offline");
	assert_string_equal(kz_escpos_state_text(&st, tiny, 4), "off");
}

/* A print service handed a printout's bytes (by kezek-hall) finds its bands
 * where the encoder put them, and refuses bytes of another shape. */
static void
test_bands_found_again_in_the_bytes(void **state)
{
	struct kz_bitmap *bm = pattern(KZ_DOTS_80MM, 700);
	struct kz_bytes out = {0};
	struct kz_escpos_bands made, found;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_escpos_print_bands(bm, 4, 1, &out, &made), KZ_OK);
	assert_true(made.n >= 2);
	assert_int_equal(kz_printout_bands(out.data, out.len, &found, err), KZ_OK);
	assert_int_equal(found.n, made.n);
	assert_int_equal(found.start, made.start);
	assert_int_equal(found.end, made.end);
	for (int i = 0; i <= made.n; i++)
		assert_int_equal(found.at[i], made.at[i]);
	/* cut short inside a band, or not a printout at all */
	assert_int_equal(kz_printout_bands(out.data, made.at[1] + 20, &found, err), KZ_EINVAL);
	assert_non_null(strstr(err, "cut short"));
	assert_int_equal(kz_printout_bands((const uint8_t *)"%PDF-1.7", 8, &found, err), KZ_EINVAL);
	kz_bytes_free(&out);
	kz_bitmap_free(bm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_58mm_round_trip_in_three_bands),
		cmocka_unit_test(test_80mm_round_trip),
		cmocka_unit_test(test_a_printout_stopped_anywhere_is_ended_by_the_reset),
		cmocka_unit_test(test_exact_bytes_of_a_tiny_bitmap),
		cmocka_unit_test(test_bad_print_arguments),
		cmocka_unit_test(test_widest_rows_keep_bands_under_64k),
		cmocka_unit_test(test_small_stream_decodes),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_unknown_commands_are_refused_with_their_offset),
		cmocka_unit_test(test_absurd_sizes_are_refused),
		cmocka_unit_test(test_bands_of_different_widths_and_no_bands),
		cmocka_unit_test(test_status_requests),
		cmocka_unit_test(test_status_answers),
		cmocka_unit_test(test_status_bytes_without_the_fixed_bits_are_refused),
		cmocka_unit_test(test_state_text),
		cmocka_unit_test(test_bands_found_again_in_the_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
