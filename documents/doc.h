/*
 * doc.h - what the documents of this folder share when they lay themselves
 * out: keeping a phone number on one line, checking the paper and fields.
 */
#ifndef KZ_DOC_H
#define KZ_DOC_H

#include <stddef.h>

#include "ink/layout.h"
#include "queue/calendar.h"

/* s with its spaces made no-break into out (len bytes): a phone number or
 * "№ 2026-0001" must not split over lines. */
void kz_doc_unbroken(const char *s, char *out, size_t len);

/* The paper and language of a document: width 384 or 576 dots, lang kk or
 * ru; KZ_EINVAL with a message naming what ("a receipt") otherwise. */
int kz_doc_check_format(const char *what, int width, const char *lang, char *err);

/* A field not given: NULL or "". */
int kz_doc_missing(const char *s);

/* A real calendar day (30 February is not). */
int kz_doc_real_date(struct kz_date d);

#endif
