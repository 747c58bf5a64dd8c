/* screen-about.c - about the service: what it is, free (p.8), the term
 * (p.7.1, with today's due date), the 30-minute limits (p.7.2-7.3), the
 * schedule (p.9), and this office's address and contacts (App. 1). */
#include <stdio.h>
#include <string.h>

#include "queue/clock.h"
#include "screens.h"

static void
facts(struct kz_kiosk *k, char *out, size_t len)
{
	const struct kz_hours *h = &k->opt.cfg->hours;
	char due[16], term[256], limits[256], hours[256];
	struct kz_date d = kz_cal_due(k->cal, kz_date_of(kz_clock_now()));

	kz_kiosk_date(kz_date_at(d, 0), due);
	snprintf(term, sizeof term,
		T("The result is ready within 3 working days of handing in the "
		  "documents. Documents handed in today: the result on %s."),
		due);
	snprintf(limits, sizeof limits,
		T("Waiting in the queue: at most %d minutes. Service at "
		  "the counter: at most %d minutes."),
		k->opt.cfg->wait_limit_min, k->opt.cfg->service_limit_min);
	snprintf(hours, sizeof hours,
		T("Monday to Friday %02d:%02d–%02d:%02d, lunch break "
		  "%02d:%02d–%02d:%02d. Saturday, Sunday and public holidays are days off."),
		h->open / 60, h->open % 60, h->close / 60, h->close % 60, h->lunch_start / 60,
		h->lunch_start % 60, h->lunch_end / 60, h->lunch_end % 60);
	snprintf(out, len, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s",
		T("Approval of the cadastral (assessed) value of land plots sold by the state into "
		  "private ownership."),
		T("The service is free of charge."), term, limits, hours,
		T("Visitors are received in order of arrival, without appointments."));
}

/* This office's entry of App. 1: in Russian from the directory, in Kazakh
 * from hall.ini's [office]; phones and e-mails are the same in both. */
static void
contacts(struct kz_kiosk *k, char *out, size_t len)
{
	const struct kz_office_entry *o = k->office;
	const struct kz_office_kk *kk = &k->opt.cfg->office_kk;
	int is_kk = strcmp(k->lang, "kk") == 0;
	const char *name = is_kk ? kk->name : o ? o->name : "";
	const char *address = is_kk ? kk->address : o ? o->address : "";
	const char *official = is_kk ? kk->official : o ? o->official : "";

	size_t n;

	out[0] = '\0';
	if (o != NULL)
		kz_kiosk_contacts(k, name, address, official, o->phones, o->emails, out, len);
	/* p.4.2: the service's standard and news are on the agency's website */
	n = strlen(out);
	if (k->opt.cfg->website[0] && n + 2 < len)
		snprintf(out + n, len - n, T("%sThe agency's website: %s"), n ? "\n" : "",
			k->opt.cfg->website);
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, left, right;
	char text[2048], office[1200];

	kz_frame(k, s, NULL, "", &lay);
	body = kz_frame_title(k, s, &lay, lay.body, T("About the service"));
	facts(k, text, sizeof text);
	contacts(k, office, sizeof office);
	kz_frame_split(&lay, body, 64, 56, &left, &right);
	kz_frame_panel(k, s, "facts", left, lay.line, kz_pale, kz_ink, text);
	kz_frame_panel(k, s, "office", right, lay.line, kz_navy, kz_white, office);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	(void)k;
	(void)button;
}

const struct kz_screen_def kz_screen_about = {"about", "open", build, tap};
