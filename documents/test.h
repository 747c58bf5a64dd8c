/*
 * test.h - the printer test page, laid out once as data (the blocks of
 * ink/layout.h) for both the thermal printout and the A4 PDF.
 *
 * A technician prints it when a printer is installed or changed: it says
 * which printer and office it came from and when, and carries every letter
 * of the language, the digits and the signs tickets use, so a missing or
 * garbled Kazakh letter shows before a visitor's ticket does.
 */
#ifndef KZ_DOC_TEST_H
#define KZ_DOC_TEST_H

#include <stdint.h>

#include "ink/layout.h"

struct kz_doc_source;
struct kz_print_job;

/* Lay the test page out in lang ("kk" or "ru") for paper width dots wide
 * (KZ_DOTS_58MM or KZ_DOTS_80MM), dated now (UTC seconds, printed as local
 * date and time).  KZ_EINVAL for another width or language, a missing
 * printer name or office, or a text too long for a block. */
int kz_doc_test_layout(const char *lang, const char *printer_name, const char *office, int64_t now,
	int width, struct kz_layout *out, char *err);

/* The table's pair (documents.h): the test page of job, for the printer
 * src names, dated now; and that data laid out. */
int kz_doc_test_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_test_lay_out(const void *data, int width, struct kz_layout *out, char *err);

#endif
