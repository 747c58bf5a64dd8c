/* refusal.c - the motivated refusal of p.5 as a layout; see refusal.h.
 * The appeal follows p.20-25 of the standard as written: whom to ask how
 * to appeal (p.20), where a complaint goes (p.21, p.22), how it is filed
 * (p.24), its term (p.25) and the court (p.23).  Sizes in quarters of the
 * 58 mm ones, as every document's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refusal.h"
#include "doc.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/directory.h"
#include "queue/error.h"
#include "queue/outbox.h"

/* The refusal's wording in one language, the standard's terms; "%s" as
 * noted.  U+00A0 keeps a number with its sign, a date with "ж.". */
struct words {
	const char *outgoing; /* "%s" number, "%s" date (Kazakh: the date first) */
	const char *title, *service;
	const char *to;                /* "%s" the applicant */
	const char *request;           /* "%s" number, "%s" date (Kazakh: the date first) */
	const char *grounds;           /* before the grounds */
	const char *lapsed;            /* "%s" the suspension's last day, before the documents */
	const char *appeal;            /* the heading of p.20-25 */
	const char *explain;           /* p.20: "%s" official and office, "%s" phone */
	const char *result;            /* p.21: "%s" official and body */
	const char *service_complaint; /* p.22: "%s" the body */
	const char *filed;             /* p.24-25: "%s" e-mail */
	const char *term;              /* p.25 */
	const char *court;             /* p.23 */
	const char *body;              /* "%s" official, body, address, phone: the App. 5 contact */
};

static const struct words english = {
	/* TRANSLATORS: the refusal's own outgoing number (%1$s) and date (%2$s) */
	N("Outgoing No.\u00A0%1$s of %2$s"),
	N("Motivated refusal to provide the state service"),
	/* TRANSLATORS: the state service's name as the standard words it */
	N("\"Approval of the cadastral (assessed) value of specific land plots sold by the state "
	  "into private ownership\""),
	N("Recipient of the state service: %s"),
	/* TRANSLATORS: %1$s the application's number, %2$s its date */
	N("On application No.\u00A0%1$s of %2$s"),
	N("The state service is refused (paragraph\u00A05 of the standard) on the following grounds:"),
	/* TRANSLATORS: %s the suspension's last day */
	N("Within the suspension (until %s) the following documents named in paragraph\u00A011 of "
	  "the standard were not submitted (paragraph\u00A016):"),
	N("How to appeal (paragraphs 20–25 of the standard)"),
	/* TRANSLATORS: %s the office's official and office, %s its phone */
	N("To have the appeal procedure explained and get help preparing a complaint: %s, "
	  "phone\u00A0%s (paragraph\u00A020)."),
	/* TRANSLATORS: %s the official, body, address and phone that take complaints */
	N("A complaint against the result is addressed to the responsible official: %s "
	  "(paragraph\u00A021)."),
	/* TRANSLATORS: %s the body (an akimat) */
	N("A complaint about improper service is addressed to the head of the staff of the local "
	  "executive body: %s (paragraph\u00A022)."),
	/* TRANSLATORS: %s the body's e-mail address */
	N("A complaint is filed in writing by post, by e-mail (%s) or by hand (paragraph\u00A024); "
	  "it is registered and you are given a talon (paragraph\u00A025)."),
	N("A complaint is reviewed within 30\u00A0calendar days, one that needs no further "
	  "information or study within 15\u00A0calendar days (paragraph\u00A025)."),
	N("If you disagree with the result, you have the right to go to court in the manner the law "
	  "provides (paragraph\u00A023)."),
	/* TRANSLATORS: the body that takes complaints: its official, name, address and phone */
	N("%s, %s, %s, phone\u00A0%s"),
};

static int
check_fields(const struct kz_refusal_doc *d, char *err)
{
	int with_reason = !kz_doc_missing(d->reason);

	if (kz_doc_missing(d->office) || kz_doc_missing(d->office_address) ||
		kz_doc_missing(d->office_phone) || kz_doc_missing(d->office_official) ||
		kz_doc_missing(d->out_number) || kz_doc_missing(d->applicant) ||
		kz_doc_missing(d->number) || kz_doc_missing(d->body_official) ||
		kz_doc_missing(d->body_name) || kz_doc_missing(d->clerk_name) ||
		kz_doc_missing(d->clerk_position))
		return kz_err(err, KZ_EINVAL,
			"the refusal needs the office with its address, phone and official, the "
			"outgoing number, the applicant, the request's number, the body that "
			"takes complaints and the clerk's name and position");
	if (!kz_doc_real_date(d->out_day))
		return kz_err(err, KZ_EINVAL, "the refusal's date is no real day");
	if (with_reason == (d->nmissing > 0))
		return kz_err(err, KZ_EINVAL,
			"a refusal gives its grounds: the clerk's reason or the documents missing "
			"at the end of the suspension, one of them");
	if (d->nmissing < 0 || d->nmissing > KZ_DOC_MAX_DOCS)
		return kz_err(err, KZ_EINVAL, "a refusal names 1 to %d missing documents, not %d",
			KZ_DOC_MAX_DOCS, d->nmissing);
	if (d->nmissing > 0 && !kz_doc_real_date(d->until))
		return kz_err(err, KZ_EINVAL, "the suspension's end is no real day");
	return KZ_OK;
}

static void
format_day(struct kz_date d, char out[16])
{
	snprintf(out, 16, "%02d.%02d.%04d", d.d % 100, d.m % 100, d.y % 10000);
}

/* The office, the outgoing number, the title, to whom and which request. */
static int
add_head(struct kz_layout *l, const struct kz_refusal_doc *d, const struct words *w, int s,
	char *err)
{
	char day[16], out_day[16], number[64];
	int rc;

	kz_clock_format(d->received_at, "%d.%m.%Y", day, sizeof day);
	format_day(d->out_day, out_day);
	kz_doc_unbroken(d->out_number, number, sizeof number);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 0, err, "%s",
		     d->office)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
			 d->office_address)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 6, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_LINE, 20 * s / 4, 0, KZ_TS_LEFT, 4, err,
			 w->outgoing, number, out_day)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 24 * s / 4, 1, KZ_TS_CENTRE, 10, err, "%s",
			 w->title)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_CENTRE, 2, err, "%s",
			 w->service)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 12, err, w->to,
			 d->applicant)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 4, err, w->request,
		d->number, day);
}

/* The clerk's reason, a block per line (an indented line of the input
 * is a new line), each cut to a block's size on a whole letter. */
static int
add_reason(struct kz_layout *l, const char *reason, int s, char *err)
{
	const char *p = reason;
	int rc = KZ_OK;

	while (rc == KZ_OK && *p) {
		size_t n = strcspn(p, "\n"), take = n;
		if (take > KZ_LAYOUT_TEXT_MAX - 1)
			take = KZ_LAYOUT_TEXT_MAX - 1;
		while (take < n && take > 0 && ((unsigned char)p[take] & 0xC0) == 0x80)
			take--; /* never half a letter */
		if (take > 0)
			rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 4, err,
				"%.*s", (int)take, p);
		p += take;
		if (*p == '\n')
			p++;
	}
	return rc;
}

/* Why: the clerk's reason, or the documents the suspension waited for. */
static int
add_grounds(struct kz_layout *l, const struct kz_refusal_doc *d, const struct words *w, int s,
	char *err)
{
	char until[16];
	int rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 10, err, "%s",
		w->grounds);

	if (rc != KZ_OK)
		return rc;
	if (!kz_doc_missing(d->reason))
		return add_reason(l, d->reason, s, err);
	format_day(d->until, until);
	rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_LEFT, 4, err, w->lapsed, until);
	for (int i = 0; rc == KZ_OK && i < d->nmissing; i++)
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 2, err,
			"%d.\u00A0%s", i + 1, d->missing[i]);
	return rc;
}

/* How to appeal, p.20-25, with this office's and its akimat's contacts. */
static int
add_appeal(struct kz_layout *l, const struct kz_refusal_doc *d, const struct words *w, int s,
	char *err)
{
	char who[KZ_LAYOUT_TEXT_MAX], phone[128], body_phone[128];
	int rc, n;

	kz_doc_unbroken(d->office_phone, phone, sizeof phone);
	kz_doc_unbroken(kz_doc_missing(d->body_phone) ? "\u2014" : d->body_phone, body_phone,
		sizeof body_phone);
	n = snprintf(who, sizeof who, w->body, d->body_official, d->body_name,
		kz_doc_missing(d->body_address) ? "\u2014" : d->body_address, body_phone);
	if (n < 0 || (size_t)n >= sizeof who - 64)
		return kz_err(err, KZ_EINVAL,
			"the body that takes complaints is too long to print");
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 12, err, "%s",
		     w->appeal)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 6, err, w->explain,
			 d->office_official, phone)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 4, err, w->result,
			 who)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 4, err,
			 w->service_complaint, d->body_name)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 4, err, w->filed,
			 kz_doc_missing(d->body_email) ? "\u2014" : d->body_email)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 4, err, "%s",
			 w->term)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 4, err, "%s", w->court);
}

int
kz_doc_refusal_layout(const struct kz_refusal_doc *d, int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	int rc, s;

	if ((rc = kz_doc_check_format("a refusal", width, d->lang, err)) != KZ_OK ||
		(rc = check_fields(d, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(d->lang, &english, &tr);
	w = &tr;
	s = kz_doc_start(out, width);
	if ((rc = add_head(out, d, w, s, err)) || (rc = add_grounds(out, d, w, s, err)) ||
		(rc = add_appeal(out, d, w, s, err)))
		return rc;
	return kz_doc_signature(out, d->lang, d->clerk_name, d->clerk_position, s, err);
}

struct refusal_data {
	struct kz_refusal_doc d;
	struct kz_application a;                /* what d points into, */
	struct kz_directory *offices, *akimats; /* and these */
	char official[2 * KZ_NAME_LEN + 8];
};

void
kz_doc_refusal_free(void *data)
{
	struct refusal_data *r = data;

	if (r == NULL)
		return;
	kz_dir_free(r->offices);
	kz_dir_free(r->akimats);
	free(r);
}

/* kk's text if there is one, else ru's (the directory is in Russian). */
static const char *
pick(const char *kk, const char *ru, int in_kk)
{
	if (in_kk && kk != NULL && kk[0] != '\0')
		return kk;
	return ru != NULL ? ru : "";
}

/* The contacts of App. 1 (p.20) and App. 5 (p.21-22) for this office. */
static int
load_contacts(struct kz_doc_source *src, struct refusal_data *r, int in_kk, char *err)
{
	const struct kz_config *cfg = src->cfg;
	const struct kz_office_kk *kk = &cfg->office_kk;
	const struct kz_office_entry *o, *b;
	int rc;

	if ((rc = kz_doc_office_contact(src, r->d.lang, &r->d.office, &r->d.office_address,
		     &r->d.office_phone, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->offices, &r->offices, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->akimats, &r->akimats, err)) != KZ_OK)
		return rc;
	o = kz_dir_find(r->offices, cfg->office);
	b = kz_dir_find(r->akimats, cfg->office);
	if (o == NULL || b == NULL)
		return kz_err(err, KZ_ECONFIG,
			"a refusal prints how to appeal (App. 1, App. 5), but '%s' is not a key of "
			"both %s and %s; set [hall] office (find it with 'kezek office find')",
			cfg->office, cfg->offices, cfg->akimats);
	snprintf(r->official, sizeof r->official, "%s, %s", pick(kk->official, o->official, in_kk),
		r->d.office);
	r->d.office_official = r->official;
	r->d.body_official = pick(kk->akimat_official, b->official, in_kk);
	r->d.body_name = pick(kk->akimat_name, b->name, in_kk);
	r->d.body_address = pick(kk->akimat_address, b->address, in_kk);
	r->d.body_phone = b->phones;
	r->d.body_email = b->emails;
	return KZ_OK;
}

int
kz_doc_refusal_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err)
{
	struct refusal_data *r = calloc(1, sizeof *r);
	struct kz_application *a;
	int rc;

	if (r == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a refusal");
	a = &r->a;
	r->d.lang = job->lang;
	if ((rc = kz_app_get_job(src->db, job->id, a, err)) != KZ_OK ||
		(rc = load_contacts(src, r, strcmp(job->lang, "kk") == 0, err)) != KZ_OK)
		goto fail;
	if (a->refusal_out[0] == '\0' || kz_date_parse(a->refusal_out_day, &r->d.out_day) != 0) {
		rc = kz_err(err, KZ_EINVAL, "application %s is %s: it has no written refusal",
			a->number, kz_app_state_name(a->state));
		goto fail;
	}
	r->d.out_number = a->refusal_out;
	r->d.applicant = a->applicant;
	r->d.number = a->number;
	r->d.received_at = a->accepted_at;
	if (a->status == KZ_APP_REJECTED) {
		r->d.reason = a->reason;
	} else {
		r->d.nmissing = kz_doc_app_docs(a->missing & ~a->docs, job->lang, r->d.missing,
			KZ_DOC_MAX_DOCS);
		if (kz_date_parse(a->suspended_until, &r->d.until) != 0) {
			rc = kz_err(err, KZ_EDB, "application %s has no suspension's end",
				a->number);
			goto fail;
		}
	}
	r->d.clerk_name = a->clerk;
	r->d.clerk_position = a->clerk_position;
	*data = r;
	return KZ_OK;
fail:
	kz_doc_refusal_free(r);
	return rc;
}

int
kz_doc_refusal_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_refusal_layout(&((const struct refusal_data *)data)->d, width, out, err);
}
