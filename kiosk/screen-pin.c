/* screen-pin.c - the administrator's PIN, after the corner gesture.  The
 * PIN is never shown: a dot per digit. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0",
	"ok"};

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	struct kz_box body, pad;
	char dots[64] = "";
	int u, n = (int)strlen(k->pin), side;

	kz_frame(k, s, NULL, "", &lay);
	u = lay.u;
	body = kz_frame_title(k, s, &lay, lay.body, T("Administrator PIN"));
	if (!k->admin.set) {
		/* nothing to type into: say how the PIN is set, on the server */
		char text[512], how[128];
		snprintf(how, sizeof how, "kezek kiosk pin %s", k->opt.conf->name);
		snprintf(text, sizeof text,
			T("The administrator PIN is not set.\nSet it on the server:\n%s"), how);
		kz_frame_panel(k, s, "unset", (struct kz_box){body.x, body.y, body.w, body.h / 2},
			lay.line, kz_amber, kz_ink, text);
		return;
	}
	for (int i = 0; i < n && i < 12; i++)
		strcat(dots, "● ");
	kz_scene_text(s, "dots", body.x, body.y, body.w, 8 * u, kz_ink, KZ_FONT_BOLD,
		KZ_ALIGN_CENTER, "", "%s", dots);
	side = body.h - 10 * u;
	if (side * 3 / 2 > body.w)
		side = body.w * 2 / 3;
	/* keys wider than tall: "Erase" in either language fits its key */
	pad = (struct kz_box){body.x + (body.w - side * 3 / 2) / 2, body.y + 10 * u, side * 3 / 2,
		side};
	for (int i = 0; i < 12; i++) {
		char name[16];
		const char *label = keys[i];
		snprintf(name, sizeof name, "key.%s", keys[i]);
		if (strcmp(keys[i], "erase") == 0)
			label = T("Erase");
		else if (strcmp(keys[i], "ok") == 0)
			label = T("OK");
		kz_button(s, name, kz_grid(pad, 4, 3, u, i),
			i == 11 ? KZ_BUTTON_PRIMARY : KZ_BUTTON_SECONDARY,
			i == 9 || i == 11 ? k->lang : "", label);
	}
	kz_kiosk_notice(k, s,
		(struct kz_box){body.x, body.y + body.h - 8 * u, pad.x - body.x - u, 8 * u}, 4 * u);
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strncmp(button, "key.", 4) == 0)
		kz_kiosk_pin_key(k, button + 4);
}

const struct kz_screen_def kz_screen_pin = {"pin", "staff", build, tap};
