/* qr.c - a QR code's modules through libqrencode; see qr.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "qr.h"
#include "queue/error.h"

int
kz_qr_make(const char *text, struct kz_qr **out, char *err)
{
	size_t n = text ? strlen(text) : 0;
	struct kz_qr *q;
	QRcode *code;

	*out = NULL;
	if (n == 0 || n > 400)
		return kz_err(err, KZ_EINVAL, "a QR code holds 1 to 400 bytes here, not %zu", n);
	code = QRcode_encodeData((int)n, (const unsigned char *)text, 0, QR_ECLEVEL_M);
	if (code == NULL)
		return kz_err(err, errno == ENOMEM ? KZ_ENOMEM : KZ_EINVAL,
			"cannot make a QR code of '%.60s'", text);
	q = calloc(1, sizeof *q);
	if (q == NULL || (q->dark = malloc((size_t)code->width * (size_t)code->width)) == NULL) {
		free(q);
		QRcode_free(code);
		return kz_err(err, KZ_ENOMEM, "out of memory for a QR code");
	}
	q->size = code->width;
	/* libqrencode's bit 0 of each byte is the module's colour */
	for (int i = 0; i < code->width * code->width; i++)
		q->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	*out = q;
	return KZ_OK;
}

void
kz_qr_free(struct kz_qr *q)
{
	if (q == NULL)
		return;
	free(q->dark);
	free(q);
}
