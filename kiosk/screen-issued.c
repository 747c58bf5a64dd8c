/* screen-issued.c - the ticket taken: its number large, people ahead, the
 * wait, and where the ticket is; if the printer failed, "remember your
 * number" (the ticket is issued and kept whatever the printer does). */
#include <stdio.h>
#include <string.h>

#include "screens.h"

void kz_kiosk_estimate_text(struct kz_kiosk *k, char *out, size_t len);
void kz_kiosk_ahead_text(struct kz_kiosk *k, char *out, size_t len);

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body;
	char line[256], wait[192], text[512];
	int u, y, big;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = lay.body;
	big = lay.portrait ? 30 * u : 24 * u;
	kz_scene_text(s, "label", body.x, body.y, body.w, 7 * u, kz_ink, KZ_FONT_REGULAR,
		KZ_ALIGN_CENTER, k->lang, "%s", T("Your number"));
	kz_scene_text(s, "number", body.x, body.y + 7 * u, body.w, big, kz_navy, KZ_FONT_BOLD,
		KZ_ALIGN_CENTER, "", "%s", k->ticket.number);
	y = body.y + 8 * u + big;
	kz_scene_text(s, "service", body.x, y, body.w, 7 * u, kz_ink, KZ_FONT_BOLD, KZ_ALIGN_CENTER,
		k->lang, "%s", kz_kiosk_service_name(k, k->ticket.service));
	y += 8 * u;
	kz_kiosk_ahead_text(k, line, sizeof line);
	kz_kiosk_estimate_text(k, wait, sizeof wait);
	kz_scene_text(s, "ahead", body.x, y, body.w, 6 * u, kz_ink, KZ_FONT_REGULAR,
		KZ_ALIGN_CENTER, k->lang, "%s", line);
	y += 6 * u;
	kz_scene_para(s, "estimate", body.x, y, body.w, 11 * u, 5 * u, kz_ink, KZ_FONT_REGULAR,
		KZ_ALIGN_CENTER, k->lang, "%s", wait);
	y += 12 * u;
	if (k->ticket.lunch_notice) {
		char at[8];
		kz_kiosk_hhmm(k->ticket.resumes_at, at);
		snprintf(line, sizeof line, T("Reception breaks for lunch soon and resumes at %s."),
			at);
		kz_scene_text(s, "lunch", body.x, y, body.w, 5 * u, kz_ink, KZ_FONT_REGULAR,
			KZ_ALIGN_CENTER, k->lang, "%s", line);
		y += 6 * u;
	}
	if (k->print == KZ_PRINT_FAULT || k->print == KZ_PRINT_NEVER) {
		if (k->print == KZ_PRINT_NEVER)
			snprintf(text, sizeof text,
				T("Your ticket could not be printed. Please remember your "
				  "number: %s"),
				k->ticket.number);
		else
			snprintf(text, sizeof text,
				T("The printer is not working. Please remember your "
				  "number: %s"),
				k->ticket.number);
		kz_frame_panel(k, s, "print",
			(struct kz_box){body.x, y, body.w, body.y + body.h - y},
			lay.portrait ? 7 * u : 6 * u, kz_amber, kz_ink, text);
	} else {
		kz_frame_panel(k, s, "print",
			(struct kz_box){body.x, y, body.w, body.y + body.h - y}, 7 * u,
			k->print == KZ_PRINT_WAITING ? kz_navy : kz_green, kz_white,
			k->print == KZ_PRINT_DONE ? T("Take your ticket below ↓")
				: k->print == KZ_PRINT_LATE
				? T("Your ticket was printed after all: take it "
				    "below ↓")
				: T("Your ticket is being printed…"));
	}
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	(void)k;
	(void)button; /* only Home, handled for every screen */
}

const struct kz_screen_def kz_screen_issued = {"issued", "after", build, tap};
