/* frame.c - the layout every kiosk screen shares: header, body, footer. */
#include <stdio.h>
#include <string.h>

#include "queue/clock.h"
#include "screens.h"

static const char *const weekdays[] = {N("Sunday"), N("Monday"), N("Tuesday"), N("Wednesday"),
	N("Thursday"), N("Friday"), N("Saturday")};

void
kz_kiosk_hhmm(int64_t t, char out[8])
{
	kz_clock_format(t, "%H:%M", out, 8);
}

void
kz_kiosk_date(int64_t t, char out[16])
{
	kz_clock_format(t, "%d.%m.%Y", out, 16);
}

void
kz_kiosk_when(struct kz_kiosk *k, int64_t t, char *out, size_t len)
{
	struct tm tm;
	char date[16], hhmm[8];

	kz_clock_local(t, &tm);
	kz_kiosk_date(t, date);
	kz_kiosk_hhmm(t, hhmm);
	snprintf(out, len, "%s, %s, %s", T(weekdays[tm.tm_wday]), date, hhmm);
}

const char *
kz_kiosk_service_name(const struct kz_kiosk *k, const char *code)
{
	const struct kz_service_conf *s = kz_config_service(k->opt.cfg, code);

	if (s == NULL)
		return code;
	return strcmp(k->lang, "kk") == 0 ? s->name_kk : s->name_ru;
}

void
kz_frame(struct kz_kiosk *k, struct kz_scene *s, const char *back_label, const char *back,
	struct kz_layout *lay)
{
	int w = s->w, h = s->h, u = (w < h ? w : h) / 100;
	int head = 12 * u, foot = back || back_label ? 15 * u : 0, pad = 3 * u;
	const struct kz_config *cfg = k->opt.cfg;
	char date[16], hhmm[8];
	int64_t now = kz_clock_now();

	lay->u = u;
	lay->portrait = h > w;
	lay->gap = 2 * u;
	lay->line = lay->portrait ? 5 * u : 9 * u / 2;
	lay->body = (struct kz_box){pad, head + pad, w - 2 * pad, h - head - foot - 2 * pad};
	kz_scene_rect(s, "header", 0, 0, w, head, kz_navy);
	kz_kiosk_date(now, date);
	kz_kiosk_hhmm(now, hhmm);
	kz_scene_text(s, "header.office", pad, 2 * u, w * 62 / 100 - pad, 8 * u, kz_white,
		KZ_FONT_BOLD, KZ_ALIGN_LEFT, k->lang, "%s",
		strcmp(k->lang, "kk") == 0 ? cfg->name_kk : cfg->name_ru);
	kz_scene_text(s, "header.time", w * 80 / 100, u, w * 20 / 100 - pad, 6 * u, kz_white,
		KZ_FONT_BOLD, KZ_ALIGN_RIGHT, "", "%s", hhmm);
	kz_scene_text(s, "header.date", w * 80 / 100, 7 * u, w * 20 / 100 - pad, 4 * u, kz_white,
		KZ_FONT_REGULAR, KZ_ALIGN_RIGHT, "", "%s", date);
	if (back == NULL && back_label == NULL)
		return;
	/* a shade darker than the pale buttons on it, so they show as buttons */
	kz_scene_rect(s, "footer", 0, h - foot, w, foot, (struct kz_rgb){196, 204, 217});
	kz_button(s, "home", (struct kz_box){pad, h - foot + 2 * u, w * 36 / 100, foot - 4 * u},
		KZ_BUTTON_CHOSEN, k->lang, T("Home"));
	if (back != NULL && back[0] != '\0' && back_label != NULL)
		kz_button(s, back,
			(struct kz_box){w - pad - w * 36 / 100, h - foot + 2 * u, w * 36 / 100,
				foot - 4 * u},
			KZ_BUTTON_SECONDARY, k->lang, back_label);
}

void
kz_frame_langs(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b)
{
	struct kz_box kk = kz_grid(b, 1, 2, b.h / 5, 0), ru = kz_grid(b, 1, 2, b.h / 5, 1);

	/* each language named in itself, so a visitor finds theirs whatever is shown */
	kz_button(s, "lang.kk", kk,
		strcmp(k->lang, "kk") == 0 ? KZ_BUTTON_CHOSEN : KZ_BUTTON_SECONDARY, "kk",
		"Қазақша");
	kz_button(s, "lang.ru", ru,
		strcmp(k->lang, "ru") == 0 ? KZ_BUTTON_CHOSEN : KZ_BUTTON_SECONDARY, "ru",
		"Русский");
}

struct kz_box
kz_frame_title(struct kz_kiosk *k, struct kz_scene *s, const struct kz_layout *lay,
	struct kz_box body, const char *title)
{
	int th = 8 * lay->u;

	kz_scene_text(s, "title", body.x, body.y, body.w, th, kz_ink, KZ_FONT_BOLD, KZ_ALIGN_LEFT,
		k->lang, "%s", title);
	return (struct kz_box){body.x, body.y + th + lay->gap, body.w, body.h - th - lay->gap};
}

void
kz_frame_panel(struct kz_kiosk *k, struct kz_scene *s, const char *id, struct kz_box b, int line,
	struct kz_rgb fill, struct kz_rgb ink, const char *text)
{
	char rid[KZ_ID_MAX];
	int pad = line / 3;

	snprintf(rid, sizeof rid, "%s.box", id);
	kz_scene_rect(s, rid, b.x, b.y, b.w, b.h, fill);
	kz_scene_para(s, id, b.x + pad, b.y + pad, b.w - 2 * pad, b.h - 2 * pad, line, ink,
		KZ_FONT_REGULAR, KZ_ALIGN_LEFT, k->lang, "%s", text);
}

void
kz_kiosk_contacts(struct kz_kiosk *k, const char *name, const char *address, const char *official,
	const char *phones, const char *emails, char *out, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	if (name[0])
		n += (size_t)snprintf(out + n, len - n, "%s\n", name);
	if (address[0] && n < len)
		n += (size_t)snprintf(out + n, len - n, T("Address: %s\n"), address);
	if (official[0] && n < len)
		n += (size_t)snprintf(out + n, len - n, T("Responsible: %s\n"), official);
	if (phones[0] && n < len)
		n += (size_t)snprintf(out + n, len - n, T("Phone: %s\n"), phones);
	if (emails[0] && n < len)
		snprintf(out + n, len - n, T("E-mail: %s"), emails);
}

void
kz_frame_split(const struct kz_layout *lay, struct kz_box body, int tall, int wide,
	struct kz_box *first, struct kz_box *second)
{
	if (lay->portrait) {
		*first = (struct kz_box){body.x, body.y, body.w, body.h * tall / 100};
		*second = (struct kz_box){body.x, first->y + first->h + lay->gap, body.w,
			body.h - first->h - lay->gap};
	} else {
		*first = (struct kz_box){body.x, body.y, body.w * wide / 100, body.h};
		*second = (struct kz_box){first->x + first->w + lay->gap, body.y,
			body.w - first->w - lay->gap, body.h};
	}
}
