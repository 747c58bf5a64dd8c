/*
 * pdf.h - printouts as A4 PDF for office printers behind CUPS: the same
 * layouts (ink/layout.h) that become 1-bit thermal printouts.
 *
 * Text is vector text in the project's own fonts, DejaVuSans.ttf and
 * DejaVuSans-Bold.ttf, embedded (as subsets), so the page prints alike on
 * any printer and its text can be searched and copied, Kazakh letters
 * included.  A layout's width, in thermal dots, becomes a column 120 mm wide
 * centred on the page 25 mm from the top (about 0.89 pt a dot on 58 mm
 * paper): a ticket reads at arm's length and its number stays large.  A
 * layout too long for the page is set smaller to fit it.  One thread at a
 * time: cairo lets the fonts of a PDF go later, from whichever call runs.
 */
#ifndef KZ_PDF_H
#define KZ_PDF_H

#include <cairo.h>

#include "layout.h"
#include "bytes.h"

#define KZ_PDF_A4_W  595.28 /* pt: 210 mm */
#define KZ_PDF_A4_H  841.89 /* pt: 297 mm */
#define KZ_PDF_FACES 2      /* the faces a PDF is set in: [0] regular, [1] bold */

/* The project's two faces from font_dir as cairo faces, for a document
 * drawn with cairo itself (documents/report.c); let them go with
 * kz_pdf_faces_close.  KZ_EINVAL for no font_dir, KZ_ECONFIG naming a
 * font file that is missing or not a usable font, KZ_ENOMEM; on failure
 * out holds NULLs. */
int kz_pdf_faces_open(const char *font_dir, cairo_font_face_t *out[KZ_PDF_FACES], char *err);
void kz_pdf_faces_close(cairo_font_face_t *faces[KZ_PDF_FACES]);

/* Write pages[0..npages) to a PDF file at path, each layout one A4 page,
 * fonts from font_dir.  KZ_OK; KZ_EINVAL for no pages or a malformed
 * layout, or naming path when it cannot be written (no file is left
 * behind then); KZ_ECONFIG naming a font file that is missing or not a
 * usable font; KZ_ENOMEM. */
int kz_pdf_layout(const struct kz_layout *const *pages, int npages, const char *font_dir,
	const char *path, char *err);

/* The same PDF appended to out (start from {0}; free with kz_bytes_free):
 * for a print queue fed from memory.  Errors as kz_pdf_layout's; on
 * failure out is as it was. */
int kz_pdf_memory(const struct kz_layout *const *pages, int npages, const char *font_dir,
	struct kz_bytes *out, char *err);

#endif
