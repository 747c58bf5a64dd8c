/*
 * doc-ticket.h - the queue ticket a visitor takes from the kiosk, laid out
 * once as data (kz_doc_ticket_layout) and then set into a 1-bit printout.
 *
 * A ticket is in one language, Kazakh or Russian, never both: the office,
 * the service, the number very large, how many wait before the visitor,
 * when it was taken, the standard's 30-minute promise (p.7.2) and, at
 * lunch, when reception resumes.
 */
#ifndef KZ_DOC_TICKET_H
#define KZ_DOC_TICKET_H

#include <stdint.h>

#include "bitmap.h"
#include "typeset.h"

#define KZ_DOC_TEXT_MAX 512 /* bytes of one block's text, NUL included */
#define KZ_DOC_BLOCKS   40  /* the receipt and the notice: up to 10 documents each */

struct kz_ticket_doc {
	const char *lang;    /* "kk" or "ru" */
	const char *office;  /* the office's name in that language */
	const char *service; /* the service's name in that language */
	const char *number;  /* "A-017" */
	int64_t issued_at;   /* UTC seconds; printed as local date and time */
	int ahead;           /* people waiting before this visitor */
	int lunch_notice;    /* taken during the lunch break: say when reception resumes */
	int64_t resumes_at;  /* UTC seconds; only with lunch_notice */
};

enum kz_doc_kind {
	KZ_DOC_LINE, /* one line, shrunk to fit */
	KZ_DOC_WRAP, /* words onto as many lines as needed */
	KZ_DOC_RULE, /* a black line across the content width */
};

/* One block of a printout, top to bottom. */
struct kz_doc_block {
	enum kz_doc_kind kind;
	int px; /* text: pixel size; rule: thickness in dots */
	int bold;
	int align; /* KZ_TS_LEFT, KZ_TS_CENTRE, KZ_TS_RIGHT */
	int gap;   /* dots from the block above (negative: into its empty line space) */
	char text[KZ_DOC_TEXT_MAX];
};

struct kz_doc_layout {
	int width;  /* dots: KZ_DOTS_58MM or KZ_DOTS_80MM */
	int margin; /* white dots on every side */
	int n;
	struct kz_doc_block blocks[KZ_DOC_BLOCKS];
};

/* Lay the ticket out for paper width dots wide.  KZ_EINVAL for a width
 * other than 384 or 576, a language other than kk or ru, a missing or
 * too long text, or a negative count ahead. */
int kz_doc_ticket_layout(const struct kz_ticket_doc *d, int width, struct kz_doc_layout *out,
	char *err);

/* Any layout (a ticket, a test page ...) set into a printout l->width dots
 * wide, as long as its content and a margin below the last ink; *out is
 * the caller's to kz_bitmap_free.  KZ_EINVAL for a width that is not a
 * positive multiple of 8, a margin that leaves no room or a block count
 * outside 0..KZ_DOC_BLOCKS; otherwise what setting the text met. */
int kz_doc_layout_bitmap(struct kz_typeset *t, const struct kz_doc_layout *l,
	struct kz_bitmap **out, char *err);

/* The ticket as a printout width dots wide, as long as its content; *out
 * is the caller's to kz_bitmap_free.  Errors as kz_doc_ticket_layout's, or
 * what setting the text met. */
int kz_doc_ticket_bitmap(struct kz_typeset *t, const struct kz_ticket_doc *d, int width,
	struct kz_bitmap **out, char *err);

/* The Russian form of a noun after the number n: one (1, 21, 101 ...),
 * few (2-4, 22-24 ...) or many (0, 5-20, 25-30, 111 ...). */
const char *kz_doc_plural_ru(long n, const char *one, const char *few, const char *many);

#endif
