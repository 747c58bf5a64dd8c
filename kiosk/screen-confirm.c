/* screen-confirm.c - before the ticket: the service, people ahead, the
 * estimated wait; one button takes the ticket. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

/* The wait as k->est has it (estimate.h): a range, the call after lunch,
 * or that closing may come first; the same on the confirmation and on the
 * ticket taken, and on the paper (documents/ticket.c). */
void kz_kiosk_estimate_text(struct kz_kiosk *k, char *out, size_t len);
/* How many are ahead, in the form the count takes, as the paper says it. */
void kz_kiosk_ahead_text(struct kz_kiosk *k, char *out, size_t len);

void
kz_kiosk_ahead_text(struct kz_kiosk *k, char *out, size_t len)
{
	if (k->est.ahead == 0)
		snprintf(out, len, "%s", T("No one is ahead of you"));
	else
		snprintf(out, len,
			TN("%d person is ahead of you", "%d people are ahead of you", k->est.ahead),
			k->est.ahead);
}

void
kz_kiosk_estimate_text(struct kz_kiosk *k, char *out, size_t len)
{
	const struct kz_wait_estimate *e = &k->est;
	char at[8];

	if (!e->known)
		snprintf(out, len, "%s",
			T("No counter serves this now: the wait cannot be estimated."));
	else if (e->after_close) {
		kz_kiosk_hhmm(e->close_at, at);
		snprintf(out, len,
			T("The queue is long: you may not be called before the office closes at "
			  "%s."),
			at);
	} else if (e->after_lunch) {
		kz_kiosk_hhmm(kz_estimate_round_time(e->call_at), at);
		snprintf(out, len, T("You will be called after the lunch break, at about %s."), at);
	} else if (e->ahead == 0 && e->high_min <= 5)
		snprintf(out, len, "%s", T("You will be called next."));
	else if (e->low_min == 0)
		snprintf(out, len, T("Estimated wait: up to %d min."), e->high_min);
	else
		snprintf(out, len, T("Estimated wait: %d–%d min."), e->low_min, e->high_min);
}

void
kz_kiosk_notice(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b, int line)
{
	const char *text = NULL;
	struct kz_rgb fill = kz_amber, ink = kz_ink;

	switch (k->notice) {
	case KZ_NOTE_BUSY:
		text = T("One moment, please…");
		break;
	case KZ_NOTE_PAUSE:
		text = T("Please wait a few seconds before the next ticket.");
		break;
	case KZ_NOTE_FAILED:
		text = T("Sorry, this did not work. Please ask at a counter.");
		fill = kz_red, ink = kz_white;
		break;
	case KZ_NOTE_CANNOT_NOW:
		text = T("A ticket cannot be issued now: the kiosk cannot reach the hall's "
			 "server. Please ask at a counter.");
		fill = kz_red, ink = kz_white;
		break;
	case KZ_NOTE_PIN_WRONG:
		text = T("Wrong PIN.");
		break;
	case KZ_NOTE_PIN_LOCKED:
		text = T("Too many wrong PINs. Try again later.");
		break;
	case KZ_NOTE_TEST_PRINTED:
		text = T("A test page was sent to the ticket printer.");
		break;
	default:
		return;
	}
	kz_frame_panel(k, s, "notice", b, line, fill, ink, text);
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, b;
	char ahead[128], wait[192], warn[384];
	int u, y;

	kz_frame(k, s, T("Back"), "back", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Your ticket"));
	y = body.y;
	kz_scene_text(s, "service", body.x, y, body.w, 9 * u, kz_blue, KZ_FONT_BOLD, KZ_ALIGN_LEFT,
		k->lang, "%s", kz_kiosk_service_name(k, k->service));
	y += 11 * u;
	kz_kiosk_ahead_text(k, ahead, sizeof ahead);
	kz_scene_text(s, "ahead", body.x, y, body.w, 7 * u, kz_ink, KZ_FONT_REGULAR, KZ_ALIGN_LEFT,
		k->lang, "%s", ahead);
	y += 8 * u;
	kz_kiosk_estimate_text(k, wait, sizeof wait);
	b = (struct kz_box){body.x, body.y + body.h - 20 * u, lay.portrait ? body.w : body.w / 2,
		20 * u};
	if (k->est.after_close) {
		/* told before the ticket is taken; the visitor decides */
		snprintf(warn, sizeof warn, "%s %s", wait, T("You can still take a ticket."));
		kz_frame_panel(k, s, "estimate",
			(struct kz_box){body.x, y, body.w,
				b.y - y - lay.gap < 20 * u ? b.y - y - lay.gap : 20 * u},
			5 * u, kz_amber, kz_ink, warn);
		y += 21 * u;
	} else {
		kz_scene_para(s, "estimate", body.x, y, body.w, 12 * u, 6 * u, kz_ink,
			KZ_FONT_REGULAR, KZ_ALIGN_LEFT, k->lang, "%s", wait);
		y += 13 * u;
	}
	kz_button(s, "take", b, KZ_BUTTON_PRIMARY, k->lang, T("Take the ticket"));
	if (b.y - y > 8 * u)
		kz_kiosk_notice(k, s,
			(struct kz_box){body.x, y, body.w,
				b.y - y - lay.gap < 14 * u ? b.y - y - lay.gap : 14 * u},
			5 * u);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "take") == 0)
		kz_kiosk_take_ticket(k);
	else if (strcmp(button, "back") == 0)
		k->opt.cfg->nservices > 1 ? kz_kiosk_go(k, KZ_SCR_SERVICES) : kz_kiosk_go_home(k);
}

const struct kz_screen_def kz_screen_confirm = {"confirm", "open", build, tap};
