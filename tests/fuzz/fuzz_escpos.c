/* fuzz_escpos.c - kz_escpos_decode against any bytes: a libFuzzer target,
 * and (without KZ_LIBFUZZER) a seeded run that works as an ordinary test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ink/bitmap.h"
#include "printer/escpos.h"
#include "queue/error.h"

/* What must hold whatever the input; 0 if it does. */
static int
check(const uint8_t *data, size_t size)
{
	static struct kz_bitmap poison;
	struct kz_bitmap *bm = &poison; /* the decoder must overwrite it */
	struct kz_escpos_summary sum;
	char err[KZ_ERR_LEN] = "";
	int rc = kz_escpos_decode(data, size, &bm, &sum, err);
	int bad = 0;

	if (rc == KZ_OK) {
		bad = (bm == NULL) != (sum.bands == 0);
		if (bm != NULL)
			bad |= bm->h < 1 || bm->h > KZ_ESCPOS_DECODE_ROWS || bm->stride < 1 ||
				bm->stride > KZ_ESCPOS_DECODE_STRIDE || bm->w != bm->stride * 8;
	} else {
		bad = bm != NULL || err[0] == '\0' || (rc == KZ_EINVAL && strncmp(err, "byte ", 5));
	}
	kz_bitmap_free(rc == KZ_OK ? bm : NULL);
	return bad;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (check(data, size))
		abort();
	return 0;
}

#ifndef KZ_LIBFUZZER
static uint64_t seed = 0x4B657A656BULL; /* fixed: every run the same inputs */

static uint32_t
rnd(void)
{
	/* xorshift64*: small, and the same on every platform */
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return (uint32_t)((seed * 0x2545F4914F6CDD1DULL) >> 32);
}

/* Bytes a decoder cares about, so random input reaches past the first one. */
static uint8_t
interesting(void)
{
	static const uint8_t b[] =
		"\x1B\x1D\x10\x0A\x04@dv0V\x00\x01\x02\x03\x30\x31\x41\x42\xFF\x80";

	return rnd() % 3 ? b[rnd() % (sizeof b - 1)] : (uint8_t)rnd();
}

/* A valid stream: a small random printout, sometimes with extra commands. */
static int
valid_stream(struct kz_bytes *out)
{
	struct kz_bitmap *bm = kz_bitmap_new(8 * (1 + (int)(rnd() % 6)), 1 + (int)(rnd() % 300));
	int rc;

	if (bm == NULL)
		return KZ_ENOMEM;
	for (size_t i = 0; i < (size_t)bm->h * (size_t)bm->stride; i++)
		bm->bits[i] = (uint8_t)rnd();
	rc = kz_escpos_print(bm, (int)(rnd() % 256), (int)(rnd() % 2), out);
	if (rc == KZ_OK && rnd() % 2) {
		static const uint8_t extra[] = {0x10, 0x04, 0x02, 0x0A, 0x1D, 0x56, 0x31};
		rc = kz_bytes_add(out, extra, sizeof extra);
	}
	kz_bitmap_free(bm);
	return rc;
}

static void
take_out(struct kz_bytes *b, size_t at, size_t n)
{
	if (n > b->len - at)
		n = b->len - at;
	memmove(b->data + at, b->data + at + n, b->len - at - n);
	b->len -= n;
}

static void
mutate(struct kz_bytes *b)
{
	int edits = 1 + (int)(rnd() % 4);

	for (int e = 0; e < edits && b->len > 0; e++) {
		size_t at = rnd() % b->len;

		switch (rnd() % 5) {
		case 0: /* one byte changed */
			b->data[at] = interesting();
			break;
		case 1: /* a bit flipped */
			b->data[at] ^= (uint8_t)(1u << rnd() % 8);
			break;
		case 2: /* cut short */
			b->len = at;
			break;
		case 3: /* a run taken out */
			take_out(b, at, 1 + rnd() % 16);
			break;
		default: /* a size field made large */
			b->data[at] = (uint8_t)(0xF0 | rnd());
			break;
		}
	}
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000, decoded = 0, failures = 0;
	struct kz_bytes b = {0};
	char err[KZ_ERR_LEN];
	int rc, bad;

	if (n <= 0) {
		fprintf(stderr, "usage: fuzz_escpos [inputs]\n");
		return 2;
	}
	for (long i = 0; i < n; i++) {
		uint8_t *copy;
		size_t len;
		int intact = 0;

		b.len = 0;
		if (i % 2 == 0) {
			len = rnd() % 600;
			for (size_t j = 0; j < len; j++) {
				uint8_t c = interesting();
				if (kz_bytes_add(&b, &c, 1) != KZ_OK)
					return 2;
			}
		} else {
			if (valid_stream(&b) != KZ_OK)
				return 2;
			intact = i % 10 == 1; /* one in five left as it was */
			if (!intact)
				mutate(&b);
		}
		/* an exact-size copy, so ASan sees any read past the end */
		copy = malloc(b.len ? b.len : 1);
		if (copy == NULL)
			return 2;
		memcpy(copy, b.data, b.len);
		bad = check(copy, b.len);
		err[0] = '\0';
		rc = kz_escpos_decode(copy, b.len, NULL, NULL, err);
		if (bad || (intact && rc != KZ_OK)) {
			fprintf(stderr, "fuzz_escpos: input %ld (%zu bytes%s) failed: %s\n", i,
				b.len, intact ? ", a valid stream" : "",
				bad ? "an invariant" : err);
			failures++;
		} else if (rc == KZ_OK) {
			decoded++;
		}
		free(copy);
	}
	kz_bytes_free(&b);
	printf("fuzz_escpos: %ld inputs, %ld decoded, %ld refused, %ld failed\n", n, decoded,
		n - decoded - failures, failures);
	return failures != 0;
}
#endif
