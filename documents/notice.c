/* notice.c - the notice of p.16 as a layout; see notice.h.
 * Sizes in quarters of the 58 mm ones, as the ticket's, so 80 mm paper reads alike. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notice.h"
#include "doc.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/application.h"
#include "queue/outbox.h"

/* The notice's wording in one language, the standard's terms; "%s" as
 * noted.  U+00A0 keeps a number with its sign, a date with "ж.". */
struct words {
	const char *outgoing; /* "%s" number, "%s" date (Kazakh: the date first) */
	const char *title, *subject;
	const char *to;      /* "%s" the applicant */
	const char *request; /* "%s" number, "%s" date */
	const char *why;     /* the suspension and its cause, before the list */
	const char *until;   /* "%s" date */
	const char *todo;    /* "%s" office and address */
	const char *refusal; /* what follows if nothing comes */
	const char *phone;   /* "%s" */
};

static const struct words english = {
	/* TRANSLATORS: the notice's own outgoing number (%1$s) and date (%2$s) */
	N("Outgoing No.\u00A0%1$s of %2$s"),
	N("Notice"),
	N("of the suspension of the approval of the act of the cadastral (assessed) "
	  "value of a land plot"),
	N("Recipient of the state service: %s"),
	/* TRANSLATORS: %1$s the application's number, %2$s its date */
	N("On application No.\u00A0%1$s of %2$s"),
	N("The approval of the act of the cadastral (assessed) value of the land plot is "
	  "suspended: the documents named in paragraph\u00A011 of the state service "
	  "standard were not submitted:"),
	N("Suspended until %s"),
	N("To resume the review, submit the missing documents within this term at: %s."),
	N("If the documents are not submitted, the state service will be refused "
	  "(paragraph\u00A016 of the standard)."),
	N("Phone for enquiries: %s"),
};

static int
check_fields(const struct kz_notice_doc *d, char *err)
{
	if (kz_doc_missing(d->office) || kz_doc_missing(d->office_address) ||
		kz_doc_missing(d->office_phone) || kz_doc_missing(d->applicant) ||
		kz_doc_missing(d->number) || kz_doc_missing(d->clerk_name) ||
		kz_doc_missing(d->clerk_position))
		return kz_err(err, KZ_EINVAL,
			"the notice needs the office, its address and phone, the applicant, "
			"the request's number and the clerk's name and position");
	if (d->nmissing < 1 || d->nmissing > KZ_DOC_MAX_DOCS)
		return kz_err(err, KZ_EINVAL, "a notice names 1 to %d missing documents, not %d",
			KZ_DOC_MAX_DOCS, d->nmissing);
	for (int i = 0; i < d->nmissing; i++)
		if (kz_doc_missing(d->missing[i]))
			return kz_err(err, KZ_EINVAL, "missing document %d has no name", i + 1);
	if (d->out_number != NULL && !kz_doc_real_date(d->out_day))
		return kz_err(err, KZ_EINVAL, "the notice's date is no real day");
	if (!kz_doc_real_date(d->until) || kz_date_cmp(d->until, kz_date_of(d->received_at)) < 0)
		return kz_err(err, KZ_EINVAL,
			"the suspension's end %d-%02d-%02d is no real day on or after the "
			"request's",
			d->until.y, d->until.m, d->until.d);
	return KZ_OK;
}

static int
check(const struct kz_notice_doc *d, int width, char *err)
{
	int rc = kz_doc_check_format("a notice", width, d->lang, err);

	return rc != KZ_OK ? rc : check_fields(d, err);
}

/* The notice's own outgoing number and date, when it has them. */
static int
add_outgoing(struct kz_layout *l, const struct kz_notice_doc *d, const struct words *w, int s,
	char *err)
{
	char day[16], number[64];

	if (d->out_number == NULL || d->out_number[0] == '\0')
		return KZ_OK;
	snprintf(day, sizeof day, "%02d.%02d.%04d", d->out_day.d % 100, d->out_day.m % 100,
		d->out_day.y % 10000);
	kz_doc_unbroken(d->out_number, number, sizeof number);
	return kz_layout_add(l, KZ_BLOCK_LINE, 20 * s / 4, 0, KZ_TS_LEFT, 4, err, w->outgoing,
		number, day);
}

/* The office, the title, to whom and about which request. */
static int
add_head(struct kz_layout *l, const struct kz_notice_doc *d, const struct words *w, int s,
	char *err)
{
	char day[16];
	int rc;

	kz_clock_format(d->received_at, "%d.%m.%Y", day, sizeof day);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 0, err, "%s",
		     d->office)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 6, err, "%s", "")) ||
		(rc = add_outgoing(l, d, w, s, err)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_LINE, 28 * s / 4, 1, KZ_TS_CENTRE, 8, err, "%s",
			 w->title)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
			 w->subject)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 12, err, w->to,
			 d->applicant)))
		return rc;
	/* Kazakh names the date first (%2$s): "20.03.2026 ж. № 2026-0001 өтініш бойынша" */
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 4, err, w->request,
		d->number, day);
}

/* Why it stopped: the missing documents, numbered, and for how long. */
static int
add_missing(struct kz_layout *l, const struct kz_notice_doc *d, const struct words *w, int s,
	char *err)
{
	char day[11];
	int rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 10, err, "%s", w->why);

	for (int i = 0; rc == KZ_OK && i < d->nmissing; i++)
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 2, err,
			"%d.\u00A0%s", i + 1, d->missing[i]);
	snprintf(day, sizeof day, "%02d.%02d.%04d", d->until.d, d->until.m, d->until.y);
	return rc ? rc
		  : kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 10, err, w->until,
			    day);
}

/* What to do next, whom to call, and who wrote the notice. */
static int
add_next(struct kz_layout *l, const struct kz_notice_doc *d, const struct words *w, int s,
	char *err)
{
	char where[KZ_LAYOUT_TEXT_MAX], phone[128];
	int rc, n;

	n = snprintf(where, sizeof where, "%s, %s", d->office, d->office_address);
	if (n < 0 || (size_t)n >= sizeof where)
		return kz_err(err, KZ_EINVAL, "the notice's office and address are too long");
	kz_doc_unbroken(d->office_phone, phone, sizeof phone);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 6, err, w->todo,
		     where)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 6, err, "%s",
			 w->refusal)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 6, err, w->phone,
			 phone)))
		return rc;
	return kz_doc_signature(l, d->lang, d->clerk_name, d->clerk_position, s, err);
}

int
kz_doc_notice_layout(const struct kz_notice_doc *d, int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	int rc, s;

	if ((rc = check(d, width, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(d->lang, &english, &tr);
	w = &tr;
	s = kz_doc_start(out, width);
	if ((rc = add_head(out, d, w, s, err)) || (rc = add_missing(out, d, w, s, err)))
		return rc;
	return add_next(out, d, w, s, err);
}

struct notice_data {
	struct kz_notice_doc d;
	struct kz_application a; /* what d points into */
};

int
kz_doc_notice_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err)
{
	struct notice_data *n = calloc(1, sizeof *n);
	struct kz_notice_doc *d;
	struct kz_application *a;
	int rc;

	if (n == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a notice");
	d = &n->d;
	a = &n->a;
	d->lang = job->lang;
	if ((rc = kz_app_get_job(src->db, job->id, a, err)) != KZ_OK ||
		(rc = kz_doc_office_contact(src, job->lang, &d->office, &d->office_address,
			 &d->office_phone, err)) != KZ_OK)
		goto fail;
	d->applicant = a->applicant;
	d->number = a->number;
	if (a->notice_out[0] && kz_date_parse(a->notice_out_day, &d->out_day) == 0)
		d->out_number = a->notice_out;
	d->received_at = a->accepted_at;
	d->nmissing = kz_doc_app_docs(a->missing, job->lang, d->missing, KZ_DOC_MAX_DOCS);
	if (kz_date_parse(a->suspended_until, &d->until) != 0) {
		rc = kz_err(err, KZ_EINVAL, "application %s is %s: it has no notice of refusal",
			a->number, kz_app_state_name(a->state));
		goto fail;
	}
	d->clerk_name = a->clerk;
	d->clerk_position = a->clerk_position;
	*data = n;
	return KZ_OK;
fail:
	free(n);
	return rc;
}

int
kz_doc_notice_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_notice_layout(&((const struct notice_data *)data)->d, width, out, err);
}
