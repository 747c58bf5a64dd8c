/*
 * printout.c - a print job's bytes for its printer, and the bands of an
 * ESC/POS printout found again in its bytes.  See printout.h.
 */
#include <stdlib.h>

#include "documents/documents.h"
#include "ink/layout.h"
#include "ink/pdf.h"
#include "printer/printout.h"
#include "queue/error.h"

int
kz_printout_make(struct kz_doc_source *src, const struct kz_printer_conf *pr, struct kz_typeset *ts,
	const char *font_dir, const struct kz_print_job *job, struct kz_bytes *out,
	struct kz_escpos_bands *bands, char *err)
{
	const char *what = kz_outbox_doc_name(job->document);
	enum kz_paper paper = kz_document_paper(pr);
	struct kz_escpos_bands dummy;
	struct kz_layout *l;
	struct kz_bitmap *bm = NULL;
	int rc;

	if (bands == NULL)
		bands = &dummy;
	out->len = 0;
	bands->n = 0;
	if ((rc = kz_document_check_paper(job->document, src->cfg, pr, err)) != KZ_OK)
		return rc;
	if ((l = malloc(sizeof *l)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a %s", what);
	rc = kz_document_make(src, job, paper, l, err);
	if (rc == KZ_OK && pr->role == KZ_ROLE_A4) {
		const struct kz_layout *pages[] = {l};
		rc = kz_pdf_memory(pages, 1, font_dir, out, err);
	} else if (rc == KZ_OK) {
		rc = kz_layout_bitmap(ts, l, &bm, err);
		if (rc == KZ_OK)
			rc = kz_escpos_print_bands(bm, KZ_PRINTOUT_FEED_LINES, 1, out, bands);
		if (rc != KZ_OK && rc != KZ_ENOMEM && bm != NULL)
			kz_err(err, rc, "cannot encode the %s for ESC/POS", what);
	}
	kz_bitmap_free(bm);
	free(l);
	return rc;
}

int
kz_printout_bands(const uint8_t *d, size_t len, struct kz_escpos_bands *b, char *err)
{
	size_t at = 2;

	b->n = 0;
	b->start = 0;
	b->end = len;
	if (len < 2 || d[0] != 0x1b || d[1] != '@')
		return kz_err(err, KZ_EINVAL,
			"the printout the hall sent does not start with ESC @; is the printer's "
			"role in the hall's configuration a thermal one?");
	while (at + KZ_ESCPOS_BAND_HEAD <= len && d[at] == 0x1d && d[at + 1] == 'v' &&
		d[at + 2] == '0') {
		size_t x = d[at + 4] | (size_t)d[at + 5] << 8,
		       y = d[at + 6] | (size_t)d[at + 7] << 8;

		if (b->n >= KZ_ESCPOS_MAX_BANDS || at + KZ_ESCPOS_BAND_HEAD + x * y > len)
			return kz_err(err, KZ_EINVAL,
				"the printout the hall sent has a band cut short (%zu bytes in all)",
				len);
		b->at[b->n++] = at;
		at += KZ_ESCPOS_BAND_HEAD + x * y;
	}
	b->at[b->n] = at;
	return KZ_OK;
}
