/* screen-admin.c - for the administrator, after the gesture and PIN: the
 * kiosk's printer and queue at a glance, a test print, closing the kiosk. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, buttons;
	char text[1024];
	int u, state_h;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Kiosk administration"));
	/* the printer's reason is in the service's words (English): not here */
	snprintf(text, sizeof text, T("Kiosk: %s\nTicket printer %s: %s\nIn the queue now: %d"),
		k->opt.conf->name, k->opt.conf->printer,
		kz_kiosk_printer_state(k, k->printer_state), k->status.waiting);
	state_h = body.h / 2;
	if (k->admin.sample) {
		/* the README's sample PIN lets anyone in: said until it is changed */
		char warn[256], how[128];
		snprintf(how, sizeof how, "kezek kiosk pin %s", k->opt.conf->name);
		snprintf(warn, sizeof warn, T("The PIN is the sample one: set your own with %s"),
			how);
		state_h -= 8 * u + lay.gap;
		kz_frame_panel(k, s, "sample",
			(struct kz_box){body.x, body.y + state_h + lay.gap, body.w, 8 * u},
			lay.line, kz_amber, kz_ink, warn);
	}
	kz_frame_panel(k, s, "state", (struct kz_box){body.x, body.y, body.w, state_h}, lay.line,
		kz_pale, kz_ink, text);
	buttons = (struct kz_box){body.x, body.y + body.h / 2 + lay.gap, body.w, 14 * u};
	kz_button(s, "test", kz_grid(buttons, 1, 2, lay.gap, 0), KZ_BUTTON_PRIMARY, k->lang,
		T("Print a test page"));
	kz_button(s, "quit", kz_grid(buttons, 1, 2, lay.gap, 1), KZ_BUTTON_DANGER, k->lang,
		T("Close the kiosk"));
	kz_kiosk_notice(k, s,
		(struct kz_box){body.x, buttons.y + buttons.h + lay.gap, body.w, 8 * u}, 4 * u);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strcmp(button, "test") == 0)
		kz_kiosk_print_test(k);
	else if (strcmp(button, "quit") == 0)
		k->done = 1;
}

const struct kz_screen_def kz_screen_admin = {"admin", "staff", build, tap};
