/*
 * qr.h - a QR code's modules for a printout (libqrencode): the text in
 * 8-bit mode, error correction M (a crease or a smudge on thermal paper
 * still reads), the smallest version that holds it.
 */
#ifndef KZ_QR_H
#define KZ_QR_H

#define KZ_QR_QUIET 4 /* white modules around the code, as the standard asks */

struct kz_qr {
	int size;            /* modules across (and down) */
	unsigned char *dark; /* size * size, row by row: 1 dark, 0 light */
};

/* text (1 to 400 bytes) as a QR code into *out, the caller's to
 * kz_qr_free.  KZ_EINVAL for an empty or too long text; KZ_ENOMEM. */
int kz_qr_make(const char *text, struct kz_qr **out, char *err);

/* Free q (NULL is fine). */
void kz_qr_free(struct kz_qr *q);

#endif
