/*
 * printout.h - the bytes a printer takes for one print job, made from the
 * job's document (documents/documents.h): ESC/POS raster in bands that
 * each stand alone for a thermal printer, a PDF page for an A4 one.  The
 * print service makes them where the database is (jobs-local.c), and so
 * does kezek-hall for a print service on its own machine, which is handed
 * the bytes (GET /api/printer/jobs/ID/printout) and finds the bands in
 * them again (kz_printout_bands).
 */
#ifndef KZ_PRINTOUT_H
#define KZ_PRINTOUT_H

#include "documents/doc.h"
#include "ink/bytes.h"
#include "ink/typeset.h"
#include "printer/escpos.h"
#include "queue/config.h"
#include "queue/outbox.h"

#define KZ_PRINTOUT_FEED_LINES 4 /* clear the cutter so the tear is below the text */

/* Job's document for printer pr (a PDF for role a4, else ESC/POS raster
 * with its bands in *bands, which may be NULL), made from src with the
 * fonts of ts (raster) or font_dir (PDF) into out (emptied first).
 * KZ_EINVAL (err: why) for a document that cannot go on this printer's
 * paper or cannot be made; the document's load error otherwise. */
int kz_printout_make(struct kz_doc_source *src, const struct kz_printer_conf *pr,
	struct kz_typeset *ts, const char *font_dir, const struct kz_print_job *job,
	struct kz_bytes *out, struct kz_escpos_bands *bands, char *err);

/* Where the bands of an ESC/POS printout lie (kz_escpos_print_bands's
 * shape: ESC @, GS v 0 bands, the feed and cut), found again in its bytes.
 * KZ_EINVAL for bytes of another shape. */
int kz_printout_bands(const uint8_t *data, size_t len, struct kz_escpos_bands *bands, char *err);

#endif
