/* screen-unavailable.c - the hall database cannot be reached: say so and
 * keep trying (kiosk.c); never a frozen or blank screen. */
#include "screens.h"

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;
	int u;

	kz_frame(k, s, NULL, NULL, &lay);
	u = lay.u;
	kz_frame_langs(k, s,
		(struct kz_box){lay.body.x + lay.body.w * 58 / 100, lay.body.y,
			lay.body.w * 42 / 100, 10 * u});
	kz_frame_panel(k, s, "unavailable",
		(struct kz_box){lay.body.x, lay.body.y + 13 * u, lay.body.w, lay.body.h - 13 * u},
		8 * u, kz_navy, kz_white,
		T("The kiosk is unavailable for a moment. Please wait, or ask at a counter."));
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	(void)k;
	(void)button;
}

const struct kz_screen_def kz_screen_unavailable = {"unavailable", "fault", build, tap};
