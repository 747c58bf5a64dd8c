/* screen-closed.c - the home screen while tickets are not issued: why
 * (weekend, which holiday, lunch, before or after hours) and when they
 * are next; forms and information still work. */
#include <stdio.h>
#include <string.h>

#include "queue/clock.h"
#include "screens.h"

void kz_home_more(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b, int rows, int cols,
	int gap);
void kz_home_tap(struct kz_kiosk *k, const char *button);
struct kz_box kz_home_top(struct kz_kiosk *k, struct kz_scene *s, const struct kz_layout *lay,
	const char *status, enum kz_font font);

/* When tickets are issued next: the next opening, or if the office is
 * open but past its last ticket, the next working day's opening. */
static int64_t
next_tickets(struct kz_kiosk *k)
{
	const struct kz_office *o = &k->office_now;
	struct kz_date d;

	if (o->state != KZ_OFFICE_OPEN && o->next_open != 0)
		return o->next_open;
	d = kz_cal_add_working_days(k->cal, kz_date_of(kz_clock_now()), 1);
	return kz_date_at(d, k->opt.cfg->hours.open);
}

void
kz_kiosk_closed_text(struct kz_kiosk *k, char *why, size_t wlen, char *next, size_t nlen)
{
	const struct kz_office *o = &k->office_now;
	const char *holiday = kz_cal_day_name(&o->day, k->tr, k->lang);
	char when[96], at[8];

	switch (o->state) {
	case KZ_OFFICE_DAY_OFF:
		if (holiday != NULL && o->day.kind != KZ_TRANSFER_OFF)
			snprintf(why, wlen, T("Today is a holiday: %s."), holiday);
		else if (o->day.kind == KZ_TRANSFER_OFF)
			snprintf(why, wlen, "%s",
				T("Today is a day off by the government's transfer of working days."));
		else
			snprintf(why, wlen, "%s", T("Today is a day off."));
		break;
	case KZ_OFFICE_LUNCH:
		kz_kiosk_hhmm(o->next_open, at);
		snprintf(why, wlen, T("Lunch break. Reception resumes at %s."), at);
		break;
	case KZ_OFFICE_BEFORE_HOURS:
		snprintf(why, wlen, "%s", T("Reception has not started yet."));
		break;
	case KZ_OFFICE_AFTER_HOURS:
		snprintf(why, wlen, "%s", T("Reception is over for today."));
		break;
	default:
		snprintf(why, wlen,
			T("Tickets for today are no longer issued: the last is issued "
			  "%d minutes before closing, so that everyone can be served."),
			k->opt.cfg->hours.last_ticket);
		break;
	}
	kz_kiosk_when(k, next_tickets(k), when, sizeof when);
	snprintf(next, nlen, T("Tickets are issued again on %s."), when);
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box rest, panel, more;
	char why[512], next[256], text[800];
	int u;

	kz_frame(k, s, NULL, NULL, &lay);
	u = lay.u;
	rest = kz_home_top(k, s, &lay, T("Tickets are not issued now"), KZ_FONT_BOLD);
	kz_kiosk_closed_text(k, why, sizeof why, next, sizeof next);
	snprintf(text, sizeof text, "%s\n\n%s", why, next);
	kz_frame_split(&lay, rest, 40, 48, &panel, &more);
	kz_frame_panel(k, s, "closed", panel, lay.portrait ? 6 * u : 5 * u, kz_navy, kz_white,
		text);
	kz_home_more(k, s, more, 4, 1, lay.gap);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	kz_home_tap(k, button);
}

const struct kz_screen_def kz_screen_closed = {"closed", "closed", build, tap};
