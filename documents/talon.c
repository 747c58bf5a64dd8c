/* talon.c - the complaint talon of p.25 as a layout; see talon.h.
 * Sizes in quarters of the 58 mm ones, as the ticket's, so 80 mm paper reads alike. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "talon.h"
#include "doc.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/complaint.h"
#include "queue/directory.h"
#include "queue/outbox.h"

/* The talon's wording in one language; "%s" as noted.  U+00A0 keeps a
 * number with its sign and "30 күн", "30 дней" together. */
struct words {
	const char *title, *subtitle;
	const char *number;   /* "%s" the complaint's number */
	const char *when;     /* "%s" date and time */
	const char *taker;    /* "%s" surname and initials */
	const char *due;      /* "%s" date, "%d" days */
	const char *place;    /* "%s" where */
	const char *channels; /* p.25: in person, by post or e-mail */
	const char *ask;      /* a label before the contacts */
	const char *phone;    /* "%s" */
	const char *email;    /* "%s" */
};

static const struct words english = {
	N("Talon"),
	N("of the registration of a complaint"),
	N("Complaint No.\u00A0%s"),
	N("Date and time of registration: %s"),
	N("Complaint taken by: %s"),
	N("Answer due by %s (%d\u00A0calendar days)"),
	N("Where the answer is given: %s"),
	N("The answer is given in person or sent by post or e-mail to the address given "
	  "in the complaint."),
	N("How the complaint is being handled can be asked of the officials:"),
	N("tel.\u00A0%s"),
	N("e-mail: %s"),
};

/* The separate part of a Kazakh (or Azerbaijani) patronymic: no initial. */
static const char *const particles[] = {"қызы", "ұлы", "кызы", "улы", "оглы", "кизи", "qyzy",
	"uly"};

/* out grows by n bytes of s; -1 if that leaves no room for the NUL. */
static int
put(char *out, size_t len, size_t *o, const char *s, size_t n)
{
	if (*o + n >= len)
		return -1;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
	return 0;
}

/* Bytes of the UTF-8 character that starts with byte c. */
static size_t
char_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int
is_particle(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
		if (strlen(particles[i]) == n && memcmp(particles[i], w, n) == 0)
			return 1;
	return 0;
}

/* " И." for the given name w (n bytes), "-М." for each part after a hyphen. */
static int
put_initials(char *out, size_t len, size_t *o, const char *w, size_t n)
{
	size_t i = 0;

	if (put(out, len, o, " ", 1) != 0)
		return -1;
	while (i < n) {
		size_t c = char_len((unsigned char)w[i]);
		if (i + c > n || put(out, len, o, w + i, c) != 0 || put(out, len, o, ".", 1) != 0)
			return -1;
		while (i < n && w[i] != '-')
			i++;
		if (i + 1 < n && put(out, len, o, "-", 1) != 0)
			return -1;
		i++;
	}
	return 0;
}

int
kz_doc_initials(const char *full, char *out, size_t len)
{
	size_t o = 0;
	int words = 0;

	if (full == NULL || out == NULL || len == 0)
		return KZ_EINVAL;
	out[0] = '\0';
	while (*full) {
		size_t n;
		while (*full == ' ' || *full == '\t')
			full++;
		n = strcspn(full, " \t");
		if (n == 0)
			break;
		if (words == 0 ? put(out, len, &o, full, n) != 0
			       : !is_particle(full, n) && put_initials(out, len, &o, full, n) != 0)
			return KZ_EINVAL;
		words++;
		full += n;
	}
	return words > 0 ? KZ_OK : KZ_EINVAL;
}

static int
check_fields(const struct kz_talon_doc *d, char *err)
{
	struct kz_date first;

	if (kz_doc_missing(d->office) || kz_doc_missing(d->number) ||
		kz_doc_missing(d->taker_name) || kz_doc_missing(d->answer_place) ||
		kz_doc_missing(d->official_name) || kz_doc_missing(d->official_position) ||
		kz_doc_missing(d->official_phone) || kz_doc_missing(d->body_name) ||
		kz_doc_missing(d->body_phone) || kz_doc_missing(d->body_email))
		return kz_err(err, KZ_EINVAL,
			"the talon needs the office, the complaint's number, who took it, "
			"where the answer is given and the contacts of the official and of "
			"the Appendix 5 body");
	if (d->days != 15 && d->days != 30)
		return kz_err(err, KZ_EINVAL,
			"a complaint is answered in 15 or 30 calendar days (p.25), not %d",
			d->days);
	/* the calendar may move a deadline past a day off, never before it */
	first = kz_date_from_days(kz_date_days(kz_date_of(d->registered_at)) + d->days);
	if (!kz_doc_real_date(d->due) || kz_date_cmp(d->due, first) < 0)
		return kz_err(err, KZ_EINVAL,
			"the answer's date %d-%02d-%02d is not a day %d or more days after "
			"the registration",
			d->due.y, d->due.m, d->due.d, d->days);
	return KZ_OK;
}

static int
check(const struct kz_talon_doc *d, int width, char *err)
{
	int rc = kz_doc_check_format("a talon", width, d->lang, err);

	return rc != KZ_OK ? rc : check_fields(d, err);
}

/* The office, the title, the number, when and by whom it was registered. */
static int
add_head(struct kz_layout *l, const struct kz_talon_doc *d, const struct words *w, int s, char *err)
{
	char when[32], who[256], taker[384];
	int rc;

	if (kz_doc_initials(d->taker_name, who, sizeof who) != KZ_OK)
		return kz_err(err, KZ_EINVAL, "'%.60s' is not a name to make initials of",
			d->taker_name);
	kz_doc_unbroken(who, taker, sizeof taker);
	kz_clock_format(d->registered_at, "%d.%m.%Y %H:%M", when, sizeof when);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 0, err, "%s",
		     d->office)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 6, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_LINE, 30 * s / 4, 1, KZ_TS_CENTRE, 8, err, "%s",
			 w->title)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 0, KZ_TS_CENTRE, 0, err, "%s",
			 w->subtitle)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 24 * s / 4, 1, KZ_TS_CENTRE, 8, err,
			 w->number, d->number)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 12, err, w->when,
			 when)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 6, err, w->taker, taker);
}

/* By when and where the answer comes, and how else it may. */
static int
add_answer(struct kz_layout *l, const struct kz_talon_doc *d, const struct words *w, int s,
	char *err)
{
	char day[11];
	int rc;

	snprintf(day, sizeof day, "%02d.%02d.%04d", d->due.d, d->due.m, d->due.y);
	if ((rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 1, KZ_TS_LEFT, 10, err, w->due, day,
		     d->days)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 6, err, w->place,
			 d->answer_place)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 18 * s / 4, 0, KZ_TS_LEFT, 6, err, "%s",
		w->channels);
}

/* Whom to ask how the complaint goes: the official, then the Appendix 5 body. */
static int
add_contacts(struct kz_layout *l, const struct kz_talon_doc *d, const struct words *w, int s,
	char *err)
{
	char phone[128], body_phone[128];
	int rc;

	kz_doc_unbroken(d->official_phone, phone, sizeof phone);
	kz_doc_unbroken(d->body_phone, body_phone, sizeof body_phone);
	if ((rc = kz_layout_add(l, KZ_BLOCK_RULE, 2, 0, 0, 12, err, "%s", "")) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 20 * s / 4, 1, KZ_TS_LEFT, 8, err, "%s",
			 w->ask)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 6, err, "%s, %s",
			 d->official_name, d->official_position)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 0, err, w->phone,
			 phone)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 8, err, "%s",
			 d->body_name)) ||
		(rc = kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 0, err, w->phone,
			 body_phone)))
		return rc;
	return kz_layout_add(l, KZ_BLOCK_WRAP, 22 * s / 4, 0, KZ_TS_LEFT, 0, err, w->email,
		d->body_email);
}

int
kz_doc_talon_layout(const struct kz_talon_doc *d, int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	int rc, s;

	if ((rc = check(d, width, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(d->lang, &english, &tr);
	w = &tr;
	s = kz_doc_start(out, width);
	if ((rc = add_head(out, d, w, s, err)) || (rc = add_answer(out, d, w, s, err)))
		return rc;
	return add_contacts(out, d, w, s, err);
}

struct talon_data {
	struct kz_talon_doc d;
	struct kz_complaint m;                  /* what d points into, */
	struct kz_directory *offices, *akimats; /* and these */
	char body[2 * KZ_NAME_LEN + 8];
};

/* kk's text if there is one, else ru's (the directory is in Russian), else "—". */
static const char *
pick(const char *kk, const char *ru, int in_kk)
{
	if (in_kk && kk != NULL && kk[0] != '\0')
		return kk;
	return ru != NULL && ru[0] != '\0' ? ru : "\u2014";
}

void
kz_doc_talon_free(void *data)
{
	struct talon_data *t = data;

	if (t == NULL)
		return;
	kz_dir_free(t->offices);
	kz_dir_free(t->akimats);
	free(t);
}

int
kz_doc_talon_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data, char *err)
{
	const struct kz_config *cfg = src->cfg;
	const struct kz_office_kk *kk = &cfg->office_kk;
	const struct kz_office_entry *o, *a;
	struct talon_data *t = calloc(1, sizeof *t);
	struct kz_complaint *m;
	int rc, in_kk = strcmp(job->lang, "kk") == 0;

	if (t == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a talon");
	m = &t->m;
	if ((rc = kz_complaint_of_job(src->db, job->id, m, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->offices, &t->offices, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->akimats, &t->akimats, err)) != KZ_OK)
		goto fail;
	o = kz_dir_find(t->offices, cfg->office);
	a = kz_dir_find(t->akimats, cfg->office);
	if (o == NULL || a == NULL) {
		rc = kz_err(err, KZ_ECONFIG,
			"a talon prints this office's contacts (App. 1, App. 5), but '%s' is not a "
			"key of both %s and %s; set [hall] office (find it with 'kezek office find')",
			cfg->office, cfg->offices, cfg->akimats);
		goto fail;
	}
	snprintf(t->body, sizeof t->body, "%s, %s", pick(kk->akimat_official, a->official, in_kk),
		pick(kk->akimat_name, a->name, in_kk));
	t->d = (struct kz_talon_doc){
		.lang = job->lang,
		.office = pick(kk->name, o->name, in_kk),
		.number = m->number,
		.registered_at = m->registered_at,
		.taker_name = m->clerk,
		.days = m->days,
		.answer_place = pick(kk->address, o->address, in_kk),
		.official_name = pick(kk->official, o->official, in_kk),
		.official_position = pick(kk->name, o->name, in_kk),
		.official_phone = pick(NULL, o->phones, 0),
		.body_name = t->body,
		.body_phone = pick(NULL, a->phones, 0),
		.body_email = pick(NULL, a->emails, 0),
	};
	if (kz_date_parse(m->due_day, &t->d.due) != 0) {
		rc = kz_err(err, KZ_EDB, "complaint %s has no due day", m->number);
		goto fail;
	}
	*data = t;
	return KZ_OK;
fail:
	kz_doc_talon_free(t);
	return rc;
}

int
kz_doc_talon_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_talon_layout(&((const struct talon_data *)data)->d, width, out, err);
}
