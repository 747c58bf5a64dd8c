/* bytes.c - a growable run of bytes; see bytes.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "queue/error.h"

int
kz_bytes_add(struct kz_bytes *b, const void *data, size_t n)
{
	if (n == 0)
		return KZ_OK;
	if (n > SIZE_MAX - b->len)
		return KZ_ENOMEM;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		uint8_t *p;

		while (cap < b->len + n)
			cap = cap > SIZE_MAX / 2 ? b->len + n : cap * 2;
		p = realloc(b->data, cap);
		if (p == NULL)
			return KZ_ENOMEM;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	return KZ_OK;
}

void
kz_bytes_free(struct kz_bytes *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
