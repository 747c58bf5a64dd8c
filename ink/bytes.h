/*
 * bytes.h - a growable run of bytes: what a printout is encoded into (ESC/POS
 * or PDF) before it goes anywhere.  A utility, no I/O.
 */
#ifndef KZ_BYTES_H
#define KZ_BYTES_H

#include <stddef.h>
#include <stdint.h>

/* Start from {0} and free with kz_bytes_free; data is NULL or len bytes. */
struct kz_bytes {
	uint8_t *data;
	size_t len, cap;
};

/* Append n bytes (data must not point into b).  KZ_OK or KZ_ENOMEM, b unchanged. */
int kz_bytes_add(struct kz_bytes *b, const void *data, size_t n);
void kz_bytes_free(struct kz_bytes *b);

#endif
