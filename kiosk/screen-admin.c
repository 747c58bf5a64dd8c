/* screen-admin.c - for the administrator, after the gesture and PIN: the
 * kiosk's printer and queue at a glance, a test print, closing the kiosk. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

/* The printer's reason in the kiosk's language when it is one of the
 * catalogue's sentences (a CUPS printer's: "out of paper: load paper"),
 * else NULL: the service's own words are English, not for this page. */
static const char *
reason_said(struct kz_kiosk *k)
{
	const char *id, *str;

	for (int i = 0; k->printer_reason[0] && i < kz_i18n_count(k->tr, k->lang); i++) {
		kz_i18n_entry(k->tr, k->lang, i, &id, &str);
		if (strcmp(id, k->printer_reason) == 0 && str[0] != '\0')
			return str;
	}
	return NULL;
}

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
	snprintf(text, sizeof text, T("Kiosk: %s\nTicket printer %s: %s\nIn the queue now: %d"),
		k->opt.conf->name, k->opt.conf->printer,
		kz_kiosk_printer_state(k, k->printer_state), k->status.waiting);
	if (reason_said(k) != NULL && strlen(text) + strlen(reason_said(k)) + 2 < sizeof text)
		snprintf(text + strlen(text), sizeof text - strlen(text), "\n%s", reason_said(k));
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
