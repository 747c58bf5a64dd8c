/* refusal.h - the motivated refusal (standard p.5, p.16): the written
 * answer that the service is refused, its grounds and the way to appeal
 * (p.20-25), laid out once as data; it goes on A4 (a letter). */
#ifndef KZ_DOC_REFUSAL_H
#define KZ_DOC_REFUSAL_H

#include <stdint.h>

#include "receipt.h"
#include "ink/layout.h"
#include "queue/calendar.h"

struct kz_doc_source;
struct kz_print_job;

/* Everything the refusal says, in one language.  Exactly one of reason
 * (the grounds the clerk entered with the rejection) and the missing
 * documents (a suspension whose term passed without them) is given. */
struct kz_refusal_doc {
	const char *lang;           /* "kk" or "ru" */
	const char *office;         /* the office's name in that language */
	const char *office_address; /* where it is */
	const char *office_phone;
	const char *office_official; /* p.20: who explains how to appeal (App. 1) */
	const char *out_number;      /* the outgoing number, "2026-O-0001" */
	struct kz_date out_day;      /* the refusal's date */
	const char *applicant;       /* the applicant's full name, as on the request */
	const char *number;          /* the request's number, "2026-0001" */
	int64_t received_at;         /* UTC seconds; its local date is printed */
	const char *reason;          /* the clerk's grounds, lines split by '\n'; or NULL */
	int nmissing;                /* without reason: 1..KZ_DOC_MAX_DOCS documents */
	const char *missing[KZ_DOC_MAX_DOCS];
	struct kz_date until; /* without reason: the suspension's last day */
	/* p.21-22: the akimat's apparatus that takes complaints (App. 5) */
	const char *body_official, *body_name, *body_address, *body_phone, *body_email;
	const char *clerk_name;
	const char *clerk_position;
};

/* Lay the refusal out for paper width dots wide (KZ_DOTS_58MM or
 * KZ_DOTS_80MM; an A4 page takes the 80 mm layout).  KZ_EINVAL for
 * another width or language, a missing field, grounds missing or both
 * kinds given, or a text too long for a block. */
int kz_doc_refusal_layout(const struct kz_refusal_doc *d, int width, struct kz_layout *out,
	char *err);

/* The table's pair (documents.h): the refusal of application job j, from
 * the application's row, the outgoing register, this office's contacts
 * (App. 1) and its akimat's (App. 5); and that data laid out. */
int kz_doc_refusal_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_refusal_lay_out(const void *data, int width, struct kz_layout *out, char *err);
void kz_doc_refusal_free(void *data);

#endif
