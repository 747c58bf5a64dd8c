/* receipt.h - the receipt for documents accepted (standard p.14), laid out
 * once as data (ink/layout.h) for the thermal printout and the A4 PDF. */
#ifndef KZ_DOC_RECEIPT_H
#define KZ_DOC_RECEIPT_H

#include <stdint.h>

#include "ink/layout.h"
#include "queue/calendar.h"

struct kz_doc_source;
struct kz_print_job;

#define KZ_DOC_MAX_DOCS 10 /* documents named on one receipt or notice */

/* Everything p.14 requires the receipt to say, in one language. */
struct kz_receipt_doc {
	const char *lang;           /* "kk" or "ru" */
	const char *office;         /* the office's name in that language */
	const char *office_address; /* where it is: the place the result is issued */
	const char *office_phone;   /* for inquiries */
	const char *number;         /* the request's number, "2026-0001" */
	int64_t accepted_at;        /* UTC seconds; its local date is printed */
	const char *service;        /* NULL: the standard's name of the service */
	int ndocs;                  /* 1..KZ_DOC_MAX_DOCS */
	const char *docs[KZ_DOC_MAX_DOCS];
	struct kz_date due;       /* the day the result is issued */
	int due_from;             /* minutes after local midnight: 600 is 10:00 */
	int due_to;               /* 0: at due_from; else issued from due_from to due_to */
	const char *result_place; /* NULL or a room, window: "каб. 105" */
	const char *clerk_name;   /* full: surname, name, patronymic */
	const char *clerk_position;
	const char *website; /* the agency's (p.4.2: www.auzr.kz); NULL or "": not printed */
};

/* Lay the receipt out for paper width dots wide (KZ_DOTS_58MM or
 * KZ_DOTS_80MM).  KZ_EINVAL for another width or language, a missing
 * field, a document count outside 1..10, an impossible date or time, or a
 * text too long for a block. */
int kz_doc_receipt_layout(const struct kz_receipt_doc *d, int width, struct kz_layout *out,
	char *err);

/* The table's pair (documents.h): the receipt of application job j, from
 * the application's row, this office's contacts and hours; and that data
 * laid out. */
int kz_doc_receipt_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_receipt_lay_out(const void *data, int width, struct kz_layout *out, char *err);

#endif
