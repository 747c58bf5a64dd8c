/* receipt.c - the receipt of p.14 as a layout; see receipt.h.
 * Sizes in quarters of the 58 mm ones, as the ticket's, so 80 mm paper reads alike. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "receipt.h"
#include "doc.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/application.h"
#include "queue/outbox.h"

/* The receipt's wording in one language; "%s" as noted.  U+00A0 keeps a
 * number with its sign, a date with "ж." and a time with its preposition. */
struct words {
	const char *title;
	const char *number;   /* "%s" number, "%s" date */
	const char *service;  /* a label */
	const char *standard; /* the service's name in the standard */
	const char *count;    /* "%d" documents */
	const char *when_at;  /* "%s" date, "%s" time */
	const char *when_hrs; /* "%s" date, "%s" from, "%s" to */
	const char *place;    /* "%s" office, address and room */
	const char *clerk;    /* a label */
	const char *sign_clerk, *sign_applicant, *phone;
	const char *website; /* "%s" the agency's website */
};

static const struct words english = {
	N("Receipt of the documents accepted"),
	N("No.\u00A0%s of %s"),
	N("State service:"),
	N("Approval of the cadastral (assessed) value of specific land plots sold into "
	  "private ownership by the state"),
	N("Documents accepted:\u00A0%d"),
	N("Date and time the result is issued: %s at\u00A0%s"),
	N("Date and time the result is issued: %s, from\u00A0%s to\u00A0%s"),
	N("Where the result is issued: %s"),
	N("Documents accepted by:"),
	N("(the clerk's signature)"),
	N("(the applicant's signature)"),
	N("Phone for enquiries: %s"),
	N("The agency's website: %s"),
};

static int
check_fields(const struct kz_receipt_doc *d, char *err)
{
	if (kz_doc_missing(d->office) || kz_doc_missing(d->office_address) ||
		kz_doc_missing(d->office_phone) || kz_doc_missing(d->number) ||
		kz_doc_missing(d->clerk_name) || kz_doc_missing(d->clerk_position) ||
		(d->service != NULL && d->service[0] == '\0'))
		return kz_err(err, KZ_EINVAL,
			"the receipt needs the office, its address and phone, the request's "
			"number and the clerk's name and position");
	if (d->ndocs < 1 || d->ndocs > KZ_DOC_MAX_DOCS)
		return kz_err(err, KZ_EINVAL, "a receipt names 1 to %d documents, not %d",
			KZ_DOC_MAX_DOCS, d->ndocs);
	for (int i = 0; i < d->ndocs; i++)
		if (kz_doc_missing(d->docs[i]))
			return kz_err(err, KZ_EINVAL, "document %d of the receipt has no name",
				i + 1);
	if (!kz_doc_real_date(d->due))
		return kz_err(err, KZ_EINVAL, "the result's date %d-%02d-%02d is not a real day",
			d->due.y, d->due.m, d->due.d);
	if (d->due_from <= 0 || d->due_from >= 24 * 60 ||
		(d->due_to != 0 && (d->due_to <= d->due_from || d->due_to > 24 * 60)))
		return kz_err(err, KZ_EINVAL,
			"the result's time %d..%d (minutes after midnight) is not a time "
			"of day or a span of one",
			d->due_from, d->due_to);
	return KZ_OK;
}

static int
check(const struct kz_receipt_doc *d, int width, char *err)
{
	int rc = kz_doc_check_format("a receipt", width, d->lang, err);

	return rc != KZ_OK ? rc : check_fields(d, err);
}

/* The office, the title, the request's number and date, the service. */
static int
add_head(struct kz_layout *l, const struct kz_receipt_doc *d, const struct words *w, int s,
	char *err)
{
	char day[16];
	int rc;

	kz_clock_format(d->accepted_at, "%d.%m.%Y", day, sizeof day);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 0, err, "%s",
		     d->office)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 6, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 26 * s / 4, 1, KZ_TS_CENTRE, 8, err, "%s",
			 w->title)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 24 * s / 4, 1, KZ_TS_CENTRE, 4, err,
			 w->number, d->number, day)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_LEFT, 12, err, "%s",
			 w->service)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 2, err, "%s",
		d->service ? d->service : w->standard);
}

/* How many documents, then each by name, numbered. */
static int
add_docs(struct kz_layout *l, const struct kz_receipt_doc *d, const struct words *w, int s,
	char *err)
{
	int rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_LEFT, 10, err, w->count,
		d->ndocs);

	for (int i = 0; rc == KZ_OK && i < d->ndocs; i++)
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 2, err,
			"%d.\u00A0%s", i + 1, d->docs[i]);
	return rc;
}

/* When and where the result is issued. */
static int
add_result(struct kz_layout *l, const struct kz_receipt_doc *d, const struct words *w, int s,
	char *err)
{
	char day[11], from[16], to[16], place[KZ_LAYOUT_TEXT_MAX];
	int rc, n;

	snprintf(day, sizeof day, "%02d.%02d.%04d", d->due.d, d->due.m, d->due.y);
	snprintf(from, sizeof from, "%d:%02d", d->due_from / 60, d->due_from % 60);
	snprintf(to, sizeof to, "%d:%02d", d->due_to / 60, d->due_to % 60);
	if (d->due_to == 0)
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 10, err, w->when_at,
			day, from);
	else
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 10, err,
			w->when_hrs, day, from, to);
	n = snprintf(place, sizeof place, "%s, %s%s%s", d->office, d->office_address,
		d->result_place ? ", " : "", d->result_place ? d->result_place : "");
	if (rc == KZ_OK && (n < 0 || (size_t)n >= sizeof place))
		return kz_err(err, KZ_EINVAL, "the receipt's place of issue is too long: %.40s...",
			place);
	return rc ? rc
		  : kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 6, err, w->place,
			    place);
}

/* Who accepted the documents, room to sign for both sides, and a phone. */
static int
add_clerk(struct kz_layout *l, const struct kz_receipt_doc *d, const struct words *w, int s,
	char *err)
{
	char phone[128];
	int rc;

	kz_doc_unbroken(d->office_phone, phone, sizeof phone);
	/* 40 dots above each rule: room for a pen's signature */
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_LEFT, 12, err, "%s",
		     w->clerk)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 2, err, "%s",
			 d->clerk_name)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 2, err, "%s",
			 d->clerk_position)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 1, 0, 0, 40 * s / 4, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_LINE, 16 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
			 w->sign_clerk)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 1, 0, 0, 40 * s / 4, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_LINE, 16 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
			 w->sign_applicant)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 12, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 6, err, w->phone,
			 phone)))
		return rc;
	if (kz_doc_missing(d->website))
		return KZ_OK;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 2, err, w->website,
		d->website);
}

int
kz_doc_receipt_layout(const struct kz_receipt_doc *d, int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	int rc, s;

	if ((rc = check(d, width, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(d->lang, &english, &tr);
	w = &tr;
	s = kz_doc_start(out, width);
	if ((rc = add_head(out, d, w, s, err)) || (rc = add_docs(out, d, w, s, err)) ||
		(rc = add_result(out, d, w, s, err)))
		return rc;
	return add_clerk(out, d, w, s, err);
}

struct receipt_data {
	struct kz_receipt_doc d;
	struct kz_application a; /* what d points into */
};

int
kz_doc_receipt_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err)
{
	const struct kz_hours *h = &src->cfg->hours;
	struct receipt_data *r = calloc(1, sizeof *r);
	struct kz_receipt_doc *d;
	struct kz_application *a;
	int rc;

	if (r == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a receipt");
	d = &r->d;
	a = &r->a;
	d->lang = job->lang;
	if ((rc = kz_app_get_job(src->db, job->id, a, err)) != KZ_OK ||
		(rc = kz_doc_office_contact(src, job->lang, &d->office, &d->office_address,
			 &d->office_phone, err)) != KZ_OK)
		goto fail;
	d->number = a->number;
	d->accepted_at = a->accepted_at;
	d->ndocs = kz_doc_app_docs(a->docs, job->lang, d->docs, KZ_DOC_MAX_DOCS);
	if (kz_date_parse(a->due_day, &d->due) != 0) {
		rc = kz_err(err, KZ_EDB, "application %s has no due day", a->number);
		goto fail;
	}
	d->due_from = h->open; /* the result is issued in office hours (p.9) */
	d->due_to = h->close;
	d->clerk_name = a->clerk;
	d->clerk_position = a->clerk_position;
	d->website = src->cfg->website;
	*data = r;
	return KZ_OK;
fail:
	free(r);
	return rc;
}

int
kz_doc_receipt_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_receipt_layout(&((const struct receipt_data *)data)->d, width, out, err);
}
