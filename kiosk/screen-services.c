/* screen-services.c - choosing the service: one button per service, with
 * how many wait for it now. */
#include <stdio.h>
#include <string.h>

#include "screens.h"

static int
waiting_for(const struct kz_kiosk *k, const char *code)
{
	for (int i = 0; i < k->status.nservices; i++)
		if (strcmp(k->status.services[i].code, code) == 0)
			return k->status.services[i].waiting;
	return 0;
}

static void
build(struct kz_kiosk *k, struct kz_scene *s)
{
	const struct kz_config *cfg = k->opt.cfg;
	struct kz_layout lay;
	struct kz_box body;
	int n = cfg->nservices, cols, rows;

	kz_frame(k, s, NULL, "", &lay);
	body = kz_frame_title(k, s, &lay, lay.body, T("Choose the service"));
	cols = !lay.portrait && n > 4 ? 2 : 1;
	rows = (n + cols - 1) / cols;
	if (body.h > rows * 22 * lay.u) /* few services: buttons of a button's height */
		body.h = rows * 22 * lay.u;
	for (int i = 0; i < n; i++) {
		char name[KZ_ID_MAX], sub[128];
		snprintf(name, sizeof name, "service.%s", cfg->services[i].code);
		snprintf(sub, sizeof sub, T("Waiting: %d"), waiting_for(k, cfg->services[i].code));
		kz_button2(s, name, kz_grid(body, rows, cols, lay.gap, i), KZ_BUTTON_PRIMARY,
			k->lang, kz_kiosk_service_name(k, cfg->services[i].code), sub);
	}
}

static void
tap(struct kz_kiosk *k, const char *button)
{
	if (strncmp(button, "service.", 8) == 0)
		kz_kiosk_choose_service(k, button + 8);
}

const struct kz_screen_def kz_screen_services = {"services", "open", build, tap};
