/* screen-home.c - the home screen: the office, the language, the big buttons. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

/* The other things a visitor can do; the closed screen shows them too. */
void kz_home_more(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b, int rows, int cols,
	int gap);

void
kz_home_more(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b, int rows, int cols, int gap)
{
	kz_button(s, "forms", kz_grid(b, rows, cols, gap, 0), KZ_BUTTON_SECONDARY, k->lang,
		T("Blank application form"));
	kz_button(s, "about", kz_grid(b, rows, cols, gap, 1), KZ_BUTTON_SECONDARY, k->lang,
		T("About the service"));
	kz_button(s, "complain", kz_grid(b, rows, cols, gap, 2), KZ_BUTTON_SECONDARY, k->lang,
		T("How to complain"));
	kz_button(s, "feedback", kz_grid(b, rows, cols, gap, 3), KZ_BUTTON_SECONDARY, k->lang,
		T("Rate our service"));
}

/* The top of home and closed: a status line and the language switch,
 * side by side, or one above the other on a portrait screen.  Returns
 * the rest of the body. */
struct kz_box kz_home_top(struct kz_kiosk *k, struct kz_scene *s, const struct kz_layout *lay,
	const char *status, enum kz_font font);

struct kz_box
kz_home_top(struct kz_kiosk *k, struct kz_scene *s, const struct kz_layout *lay, const char *status,
	enum kz_font font)
{
	struct kz_box b = lay->body;
	int u = lay->u, bar = 10 * u;

	if (lay->portrait) {
		kz_frame_langs(k, s, (struct kz_box){b.x, b.y, b.w, bar});
		kz_scene_text(s, "status", b.x, b.y + bar + u, b.w, 7 * u, kz_ink, font,
			KZ_ALIGN_LEFT, k->lang, "%s", status);
		bar += 8 * u;
	} else {
		kz_scene_text(s, "status", b.x, b.y + u, b.w * 55 / 100, bar - 2 * u, kz_ink, font,
			KZ_ALIGN_LEFT, k->lang, "%s", status);
		kz_frame_langs(k, s,
			(struct kz_box){b.x + b.w * 58 / 100, b.y, b.w * 42 / 100, bar});
	}
	return (struct kz_box){b.x, b.y + bar + lay->gap, b.w, b.h - bar - lay->gap};
}

/* The line above the buttons: until when tickets are issued today. */
static void
status_line(struct kz_kiosk *k, char *text, size_t len)
{
	const struct kz_hours *h = &k->opt.cfg->hours;

	if (k->office_now.state == KZ_OFFICE_OPEN && k->office_now.next_break != 0 &&
		k->office_now.next_break - kz_clock_now() <= h->lunch_notice * 60 &&
		k->office_now.next_break < kz_date_at(kz_date_of(kz_clock_now()), h->lunch_end)) {
		char at[8];
		kz_kiosk_hhmm(k->office_now.next_break, at);
		snprintf(text, len, T("Lunch break from %s"), at);
	} else {
		snprintf(text, len, T("Tickets today until %02d:%02d"),
			(h->close - h->last_ticket) / 60, (h->close - h->last_ticket) % 60);
	}
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box rest, ticket, more;
	char waiting[128], status[256];
	int u;

	kz_frame(k, s, NULL, NULL, &lay);
	u = lay.u;
	status_line(k, status, sizeof status);
	rest = kz_home_top(k, s, &lay, status, KZ_FONT_REGULAR);
	if (kz_kiosk_printer_down(k)) {
		int ph = 9 * u;
		kz_frame_panel(k, s, "printer",
			(struct kz_box){rest.x, rest.y + rest.h - ph, rest.w, ph}, 4 * u, kz_amber,
			kz_ink,
			T("The ticket printer is not working: your number will be shown on the screen."));
		rest.h -= ph + lay.gap;
	}
	snprintf(waiting, sizeof waiting, T("In the queue now: %d"), k->status.waiting);
	if (lay.portrait) {
		ticket = (struct kz_box){rest.x, rest.y, rest.w, rest.h * 36 / 100};
		more = (struct kz_box){rest.x, ticket.y + ticket.h + lay.gap, rest.w,
			rest.h - ticket.h - lay.gap};
		kz_button2(s, "ticket", ticket, KZ_BUTTON_PRIMARY, k->lang, T("Take a ticket"),
			waiting);
		kz_home_more(k, s, more, 4, 1, lay.gap);
		return;
	}
	ticket = (struct kz_box){rest.x, rest.y, rest.w * 48 / 100, rest.h};
	more = (struct kz_box){rest.x + ticket.w + lay.gap, rest.y, rest.w - ticket.w - lay.gap,
		rest.h};
	kz_button2(s, "ticket", ticket, KZ_BUTTON_PRIMARY, k->lang, T("Take a ticket"), waiting);
	kz_home_more(k, s, more, 4, 1, lay.gap);
}

/* The buttons home and closed share. */
void kz_home_tap(struct kz_kiosk *k, const char *button);

void
kz_home_tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "forms") == 0)
		kz_kiosk_go(k, KZ_SCR_FORMS);
	else if (strcmp(button, "about") == 0)
		kz_kiosk_go(k, KZ_SCR_ABOUT);
	else if (strcmp(button, "complain") == 0)
		kz_kiosk_go(k, KZ_SCR_COMPLAIN);
	else if (strcmp(button, "feedback") == 0)
		kz_kiosk_start_ballot(k);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "ticket") != 0) {
		kz_home_tap(k, button);
		return;
	}
	if (k->opt.cfg->nservices == 1) /* one service: nothing to choose */
		kz_kiosk_choose_service(k, k->opt.cfg->services[0].code);
	else
		kz_kiosk_go(k, KZ_SCR_SERVICES);
}

const struct kz_screen_def kz_screen_home = {"home", "open", build, tap};
