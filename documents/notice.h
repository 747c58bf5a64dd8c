/* notice.h - the written notice that a request is suspended for missing
 * documents (standard p.16), laid out once as data for thermal paper and A4. */
#ifndef KZ_DOC_NOTICE_H
#define KZ_DOC_NOTICE_H

#include <stdint.h>

#include "receipt.h"
#include "ink/layout.h"
#include "queue/calendar.h"

struct kz_doc_source;
struct kz_print_job;

/* Everything p.16 requires the notice to say, in one language. */
struct kz_notice_doc {
	const char *lang;           /* "kk" or "ru" */
	const char *office;         /* the office's name in that language */
	const char *office_address; /* where to bring the missing documents */
	const char *office_phone;
	const char *applicant;  /* the applicant's full name, as on the request */
	const char *number;     /* the request's number, "2026-0001" */
	const char *out_number; /* its outgoing number, "2026-O-0001"; NULL: none (older) */
	struct kz_date out_day; /* with out_number: the notice's date */
	int64_t received_at;    /* UTC seconds; its local date is printed */
	int nmissing;           /* 1..KZ_DOC_MAX_DOCS documents of p.11 not handed in */
	const char *missing[KZ_DOC_MAX_DOCS];
	struct kz_date until; /* the suspension's last day */
	const char *clerk_name;
	const char *clerk_position;
};

/* Lay the notice out for paper width dots wide (KZ_DOTS_58MM or
 * KZ_DOTS_80MM).  KZ_EINVAL for another width or language, a missing
 * field, a count of missing documents outside 1..10, a suspension that
 * ends before the request came or on no real day, or a text too long for
 * a block. */
int kz_doc_notice_layout(const struct kz_notice_doc *d, int width, struct kz_layout *out,
	char *err);

/* The table's pair (documents.h): the notice of refusal of application job
 * j, from the application's row and this office's contacts; and that data
 * laid out. */
int kz_doc_notice_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_notice_lay_out(const void *data, int width, struct kz_layout *out, char *err);

#endif
