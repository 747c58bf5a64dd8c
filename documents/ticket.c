/* ticket.c - the kiosk's queue ticket as a printout; see ticket.h.
 * kz_doc_ticket_layout says what goes where; ink/layout.c sets it into dots. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ticket.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "doc.h"
#include "queue/feedback.h"
#include "queue/i18n.h"
#include "queue/outbox.h"
#include "queue/visit.h"

/* The ticket's wording in one language; "%s" and "%d" as noted. */
struct words {
	const char *nobody;  /* no one before */
	const char *promise; /* p.7.2 of the standard */
	const char *resumes; /* "%s" the time, "%s" a suffix (kk) */
	const char *footer;
	const char *next;    /* called next, within minutes */
	const char *range;   /* "%d", "%d": the wait in minutes, low and high */
	const char *up_to;   /* "%d": the wait in minutes, at most */
	const char *lunch;   /* "%s" the time: called after lunch */
	const char *closing; /* "%s" the closing time: maybe not called today */
	const char *code;    /* "%s" the ballot's check code */
	const char *phone;   /* under the QR code of the phone page's link */
};

/* U+00A0 (no-break space) keeps "30 minutes" and "at 14:00" on one line. */
static const struct words english = {
	N("Nobody is ahead of you"),
	/* TRANSLATORS: p.7.2 of the standard, on the ticket */
	N("The wait in the queue is no more than 30\u00A0minutes"),
	/* TRANSLATORS: %s the time (14:00), %s the Kazakh locative ending that agrees with it (de, da, te, ta), empty in Russian */
	N("Reception resumes at %s%s"),
	N("Kezek electronic queue"),
	N("You will be called next"),
	/* TRANSLATORS: %d and %d: the wait in minutes, low and high */
	N("Expected wait: %d–%d\u00A0min"),
	/* TRANSLATORS: %d the wait in minutes, at most */
	N("Expected wait: up to %d\u00A0min"),
	/* TRANSLATORS: %s the time */
	N("You will be called after the lunch break, at about %s"),
	/* TRANSLATORS: %s the closing time */
	N("The queue is long: you may not be called before closing at %s"),
	/* TRANSLATORS: %s the four digits the kiosk asks for before a ballot */
	N("Service rating code: %s"),
	N("Follow your turn on your phone"),
};

/* The Kazakh locative ending after a time "HH:MM": it agrees with the last
 * word read aloud, that of the minutes ("14:00" ends in нөл: 14:00-де;
 * "14:30" in отыз: 14:30-да; "14:15" in бес: 14:15-те). */
static const char *
kk_locative(int min)
{
	/* нөл бір екі үш төрт бес алты жеті сегіз тоғыз */
	static const char *const units[10] = {"де", "де", "де", "те", "те", "те", "да", "де", "де",
		"да"};
	/* нөл он жиырма отыз қырық елу */
	static const char *const tens[6] = {"де", "да", "да", "да", "та", "де"};

	if (min < 0 || min > 59)
		return "де";
	return min % 10 != 0 ? units[min % 10] : tens[min / 10];
}

static int
check_doc(const struct kz_ticket_doc *d, int width, char *err)
{
	if (width != KZ_DOTS_58MM && width != KZ_DOTS_80MM)
		return kz_err(err, KZ_EINVAL,
			"a ticket is %d (58 mm paper) or %d (80 mm) dots wide, not %d",
			KZ_DOTS_58MM, KZ_DOTS_80MM, width);
	if (d->lang == NULL || (strcmp(d->lang, "kk") != 0 && strcmp(d->lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL,
			"a ticket is in Kazakh (kk) or Russian (ru), not '%s'",
			d->lang ? d->lang : "");
	if (d->office == NULL || d->service == NULL || d->number == NULL || !d->number[0])
		return kz_err(err, KZ_EINVAL, "the ticket needs an office, a service and a number");
	if (d->ahead < 0)
		return kz_err(err, KZ_EINVAL, "%d people ahead: the count cannot be negative",
			d->ahead);
	return KZ_OK;
}

/* The expected wait, worded as the kiosk's screen words it
 * (kiosk/screen-confirm.c). */
static int
add_estimate(struct kz_layout *l, const struct kz_wait_estimate *e, const struct words *w, int s,
	char *err)
{
	char at[8];

	if (e->after_close) {
		kz_clock_format(e->close_at, "%H:%M", at, sizeof at);
		return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_CENTRE, 8 * s / 4, err,
			w->closing, at);
	}
	if (e->after_lunch) {
		int64_t t = kz_estimate_round_time(e->call_at);
		kz_clock_format(t, "%H:%M", at, sizeof at);
		return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_CENTRE, 8 * s / 4, err,
			w->lunch, at);
	}
	if (e->ahead == 0 && e->high_min <= 5)
		return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_CENTRE, 4, err, "%s",
			w->next);
	if (e->low_min == 0)
		return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_CENTRE, 4, err,
			w->up_to, e->high_min);
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_CENTRE, 4, err, w->range,
		e->low_min, e->high_min);
}

/* The norm of p.7.2 is printed only where the estimate keeps it: never a
 * promise of 30 minutes on a ticket expected to wait longer. */
static int
keeps_norm(const struct kz_wait_estimate *e)
{
	return e == NULL || !e->known || (!e->after_close && !e->after_lunch && e->high_min <= 30);
}

/* The lines that follow the number (of pixel size big): who is ahead,
 * when, how long. */
static int
add_status(struct kz_layout *l, const struct kz_ticket_doc *d, const struct words *w, int s,
	int big, char *err)
{
	int up = -big / 16; /* the number's empty descent is already space enough */
	char when[32], at[8];
	struct tm tm;
	int rc;

	if (d->ahead == 0)
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 26 * s / 4, 1, KZ_TS_CENTRE, up, err, "%s",
			w->nobody);
	else
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 26 * s / 4, 1, KZ_TS_CENTRE, up, err,
			/* TRANSLATORS: %d people before the visitor, on the ticket */
			kz_trn(d->lang, "%d person ahead of you", "%d people ahead of you",
				(unsigned long)d->ahead),
			d->ahead);
	kz_clock_format(d->issued_at, "%d.%m.%Y %H:%M", when, sizeof when);
	if (rc == KZ_OK)
		rc = kz_layout_add(l, KZ_BLOCK_LINE, 24 * s / 4, 0, KZ_TS_CENTRE, 4, err, "%s",
			when);
	if (rc == KZ_OK && d->est && d->est->known)
		rc = add_estimate(l, d->est, w, s, err);
	if (rc == KZ_OK && keeps_norm(d->est))
		rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 10 * s / 4, err,
			"%s", w->promise);
	if (rc != KZ_OK || !d->lunch_notice)
		return rc;
	kz_clock_format(d->resumes_at, "%H:%M", at, sizeof at);
	kz_clock_local(d->resumes_at, &tm);
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_CENTRE, 8 * s / 4, err,
		w->resumes, at, strcmp(d->lang, "kk") == 0 ? kk_locative(tm.tm_min) : "");
}

int
kz_doc_ticket_layout(const struct kz_ticket_doc *d, int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	int rc, s, content;

	if ((rc = check_doc(d, width, err)) != KZ_OK ||
		(rc = kz_doc_check_format("a ticket", width, d->lang, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(d->lang, &english, &tr);
	w = &tr;
	content = width - 2 * KZ_DOC_MARGIN;
	s = kz_doc_start(out, width);
	/* the number as wide as the paper allows: typeset shrinks it to fit */
	if ((rc = kz_layout_add(out, KZ_BLOCK_WRAP, 26 * s / 4, 1, KZ_TS_CENTRE, 0, err, "%s",
		     d->office)) != KZ_OK ||
		(rc = kz_layout_add(out, KZ_BLOCK_RULE, 2, 0, KZ_TS_CENTRE, 8, err, "%s", "")) !=
			KZ_OK ||
		(rc = kz_layout_add(out, KZ_BLOCK_WRAP, 24 * s / 4, 0, KZ_TS_CENTRE, 8, err, "%s",
			 d->service)) != KZ_OK ||
		(rc = kz_layout_add(out, KZ_BLOCK_LINE, content / 3, 1, KZ_TS_CENTRE, 0, err, "%s",
			 d->number)) != KZ_OK ||
		(rc = add_status(out, d, w, s, content / 3, err)) != KZ_OK ||
		(rc = kz_layout_add(out, KZ_BLOCK_RULE, 2, 0, KZ_TS_CENTRE, 10, err, "%s", "")) !=
			KZ_OK)
		return rc;
	/* for the kiosk's ballot: the number alone is on the board for all */
	if (d->check_code != NULL && d->check_code[0] &&
		(rc = kz_layout_add(out, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_CENTRE, 6, err,
			 w->code, d->check_code)) != KZ_OK)
		return rc;
	/* the phone page: a module of s dots (0.5 mm on 58 mm paper) reads
	 * with any phone's camera */
	if (d->link != NULL && d->link[0] &&
		((rc = kz_layout_add(out, KZ_BLOCK_QR, s, 0, KZ_TS_CENTRE, 6, err, "%s",
			  d->link)) != KZ_OK ||
			(rc = kz_layout_add(out, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_CENTRE, 0, err,
				 "%s", w->phone)) != KZ_OK))
		return rc;
	return kz_layout_add(out, KZ_BLOCK_LINE, 18 * s / 4, 0, KZ_TS_CENTRE, 6, err, "%s",
		w->footer);
}

int
kz_doc_ticket_bitmap(struct kz_typeset *t, const struct kz_ticket_doc *d, int width,
	struct kz_bitmap **out, char *err)
{
	struct kz_layout l;
	int rc;

	*out = NULL;
	if ((rc = kz_doc_ticket_layout(d, width, &l, err)) != KZ_OK)
		return rc;
	return kz_layout_bitmap(t, &l, out, err);
}

/* A ticket's data and the estimate it points to, freed as one. */
struct loaded_ticket {
	struct kz_ticket_doc doc;
	struct kz_wait_estimate est;
	char code[KZ_BALLOT_CODE_LEN];
	char link[KZ_PUBLIC_URL_LEN + 64];
};

/* The phone page's link of job's ticket, "" when the hall has no public
 * address or the ticket's day no key. */
static int
ticket_link(struct kz_db *db, const struct kz_config *cfg, const struct kz_print_job *job,
	char *link, size_t len, char *err)
{
	char day[11], token[KZ_VISIT_TOKEN_LEN];
	int rc;

	link[0] = '\0';
	if (cfg->server.public_url[0] == '\0')
		return KZ_OK;
	kz_clock_day(job->issued_at, day);
	if ((rc = kz_visit_token(db, day, job->number, token, err)) != KZ_OK || !token[0])
		return rc;
	snprintf(link, len, "%s/t/%s?lang=%s", cfg->server.public_url, token, job->lang);
	return KZ_OK;
}

/* The check code of job's ticket, of the day it was issued. */
static int
ticket_code(struct kz_db *db, const struct kz_print_job *job, char code[KZ_BALLOT_CODE_LEN],
	char *err)
{
	char day[11];

	kz_clock_day(job->issued_at, day);
	return kz_ballot_code(db, day, job->number, code, err);
}

int
kz_doc_ticket_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err)
{
	const struct kz_config *cfg = src->cfg;
	const struct kz_service_conf *s = kz_config_service(cfg, job->service);
	int kk = strcmp(job->lang, "kk") == 0, rc;
	struct loaded_ticket *t = calloc(1, sizeof *t);

	if (t == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a ticket");
	/* worked out now, as the kiosk did a moment ago for its screen: a busy
	 * database sends the job back to wait rather than print a guess */
	if (src->db != NULL &&
		(rc = kz_wait_estimate_ticket(src->db, &cfg->hours, job->ticket_id,
			 KZ_ESTIMATE_TYPICAL_VISIT, &t->est, err)) != KZ_OK) {
		free(t);
		return rc;
	}
	if (src->db != NULL &&
		((rc = ticket_code(src->db, job, t->code, err)) != KZ_OK ||
			(rc = ticket_link(src->db, cfg, job, t->link, sizeof t->link, err)) !=
				KZ_OK)) {
		free(t);
		return rc;
	}
	t->doc = (struct kz_ticket_doc){job->lang, kk ? cfg->name_kk : cfg->name_ru,
		s == NULL    ? job->service
			: kk ? s->name_kk
			     : s->name_ru,
		job->number, job->issued_at, t->est.ahead, job->resumes_at != 0, job->resumes_at,
		t->est.waiting ? &t->est : NULL, t->code, t->link};
	*data = t;
	return KZ_OK;
}

int
kz_doc_ticket_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_ticket_layout(&((const struct loaded_ticket *)data)->doc, width, out, err);
}
