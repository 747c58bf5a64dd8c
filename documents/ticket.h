/*
 * ticket.h - the queue ticket a visitor takes from the kiosk, laid out
 * once as data (kz_doc_ticket_layout) and then set into a 1-bit printout.
 *
 * A ticket is in one language, Kazakh or Russian, never both: the office,
 * the service, the number very large, how many wait before the visitor,
 * when it was taken, the expected wait as the kiosk's screen told it
 * (queue/estimate.h: a range, the call after lunch, or that closing may
 * come first), the standard's 30-minute norm (p.7.2) only where the
 * estimate keeps it, shortly before lunch, when reception resumes, and the
 * check code that lets the visitor rate the service once at the kiosk,
 * and, where the hall has a public address, a QR code of the link that
 * follows the ticket on the visitor's phone.
 */
#ifndef KZ_DOC_TICKET_H
#define KZ_DOC_TICKET_H

#include <stdint.h>

#include "ink/layout.h"
#include "queue/estimate.h"

struct kz_doc_source;
struct kz_print_job;

struct kz_ticket_doc {
	const char *lang;    /* "kk" or "ru" */
	const char *office;  /* the office's name in that language */
	const char *service; /* the service's name in that language */
	const char *number;  /* "A-017" */
	int64_t issued_at;   /* UTC seconds; printed as local date and time */
	int ahead;           /* people waiting before this visitor */
	int lunch_notice;    /* taken during the lunch break: say when reception resumes */
	int64_t resumes_at;  /* UTC seconds; only with lunch_notice */
	/* the wait told (its ahead is the count above); NULL or not known:
	 * no estimate line, and the norm of p.7.2 as it stands */
	const struct kz_wait_estimate *est;
	/* the ballot's check code (queue/feedback.h), printed small under
	 * the footer's rule; NULL or "": no line */
	const char *check_code;
	/* the link to the ticket's phone page (queue/visit.h), printed as a
	 * QR code with a line that says what it is; NULL or "": none */
	const char *link;
};

/* Lay the ticket out for paper width dots wide.  KZ_EINVAL for a width
 * other than 384 or 576, a language other than kk or ru, a missing or
 * too long text, or a negative count ahead. */
int kz_doc_ticket_layout(const struct kz_ticket_doc *d, int width, struct kz_layout *out,
	char *err);

/* The ticket as a printout width dots wide, as long as its content; *out
 * is the caller's to kz_bitmap_free.  Errors as kz_doc_ticket_layout's, or
 * what setting the text met. */
int kz_doc_ticket_bitmap(struct kz_typeset *t, const struct kz_ticket_doc *d, int width,
	struct kz_bitmap **out, char *err);

/* The table's pair (documents.h): the ticket of print job job, from its
 * ticket row, hall.ini's office and service names in its language and the
 * people ahead and expected wait worked out now (kz_wait_estimate_ticket,
 * the kiosk's function), the link of [server] public_url and the ticket's
 * token (queue/visit.h) if the hall has one; and that data laid out as kz_doc_ticket_layout
 * does. */
int kz_doc_ticket_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_ticket_lay_out(const void *data, int width, struct kz_layout *out, char *err);

#endif
