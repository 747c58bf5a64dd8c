/*
 * doc.h - what the documents share when they lay themselves out (doc-*.c):
 * appending a block, keeping a phone number on one line, checking fields.
 */
#ifndef KZ_DOC_H
#define KZ_DOC_H

#include <stddef.h>

#include "doc-ticket.h"
#include "queue/calendar.h"

/* Append a block of kind with the formatted text; KZ_EINVAL (err names
 * the document) if the layout is full or the text too long. */
int kz_doc_add(struct kz_doc_layout *l, enum kz_doc_kind kind, int px, int bold, int align, int gap,
	char *err, const char *fmt, ...) __attribute__((format(printf, 8, 9)));

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
