/* screen-thanks.c - after the feedback questions. */
#include "screens.h"

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	struct kz_layout lay;

	kz_frame(k, s, NULL, "", &lay);
	kz_frame_panel(k, s, "thanks",
		(struct kz_box){lay.body.x, lay.body.y, lay.body.w, lay.body.h / 2}, 8 * lay.u,
		kz_green, kz_white, T("Thank you! Your answers help us serve you better."));
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	(void)k;
	(void)button;
}

const struct kz_screen_def kz_screen_thanks = {"thanks", "after", build, tap};
