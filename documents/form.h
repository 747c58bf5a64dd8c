/*
 * form.h - the blank application form of Appendix 2 to the service
 * standard, laid out once as data (ink/layout.h) for the A4 PDF and thermal paper.
 *
 * The standard (p.12) has blank forms handed out in the hall; the kiosk
 * prints them on the office's A4 printer, one page, one language: Russian
 * word for word as the standard has it, or its Kazakh translation.  Blank
 * lines are runs of underscores a visitor writes on by hand.
 */
#ifndef KZ_DOC_FORM_H
#define KZ_DOC_FORM_H

#include "ink/layout.h"

struct kz_doc_source;
struct kz_print_job;

/* Lay the blank form out in lang ("kk" or "ru") for a layout width dots
 * wide (KZ_DOTS_58MM or KZ_DOTS_80MM; on A4 both come out alike).
 * KZ_EINVAL for another width or language. */
int kz_doc_form_layout(const char *lang, int width, struct kz_layout *out, char *err);

/* The same form filled in with made-up example data and marked as a
 * sample at its top and foot (p.10: a sample beside the blank form). */
int kz_doc_form_sample_layout(const char *lang, int width, struct kz_layout *out, char *err);

/* The table's pair (documents.h): the blank form of job (its language
 * only); and that data laid out. */
int kz_doc_form_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_form_lay_out(const void *data, int width, struct kz_layout *out, char *err);
int kz_doc_form_sample_lay_out(const void *data, int width, struct kz_layout *out, char *err);

#endif
