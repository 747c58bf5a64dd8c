/* widgets.c - palette and buttons; see widgets.h.  No SDL here. */
#include <math.h>
#include <stdio.h>

#include "widgets.h"

const struct kz_rgb kz_white = {255, 255, 255}, kz_ink = {17, 17, 17}, kz_navy = {11, 42, 74},
		    kz_blue = {0, 61, 145}, kz_pale = {228, 233, 241}, kz_amber = {255, 211, 77},
		    kz_red = {155, 17, 30}, kz_green = {11, 99, 44}, kz_grey = {70, 70, 70};

static struct kz_rgb
fill(enum kz_button_style st)
{
	switch (st) {
	case KZ_BUTTON_PRIMARY:
		return kz_blue;
	case KZ_BUTTON_CHOSEN:
		return kz_navy;
	case KZ_BUTTON_DANGER:
		return kz_red;
	default:
		return kz_pale;
	}
}

struct kz_rgb
kz_button_text(enum kz_button_style st)
{
	return st == KZ_BUTTON_SECONDARY ? kz_ink : kz_white;
}

void
kz_button(struct kz_scene *s, const char *name, struct kz_box b, enum kz_button_style st,
	const char *lang, const char *label)
{
	char id[KZ_ID_MAX];
	int pad = b.h / 6, th = b.h * 45 / 100;

	snprintf(id, sizeof id, "btn.%s", name);
	kz_scene_rect(s, id, b.x, b.y, b.w, b.h, fill(st));
	snprintf(id, sizeof id, "lbl.%s", name);
	kz_scene_text(s, id, b.x + pad, b.y + (b.h - th) / 2, b.w - 2 * pad, th, kz_button_text(st),
		KZ_FONT_BOLD, KZ_ALIGN_CENTER, lang, "%s", label);
}

void
kz_button2(struct kz_scene *s, const char *name, struct kz_box b, enum kz_button_style st,
	const char *lang, const char *label, const char *sub)
{
	char id[KZ_ID_MAX];
	int pad = b.h / 8, h1 = b.h * 36 / 100, h2 = b.h * 26 / 100, top;

	/* a tall button keeps its text in proportion to its width */
	if (h1 > b.w / 6)
		h1 = b.w / 6;
	if (h2 > b.w / 10)
		h2 = b.w / 10;
	top = b.y + (b.h - h1 - h2) / 2;

	snprintf(id, sizeof id, "btn.%s", name);
	kz_scene_rect(s, id, b.x, b.y, b.w, b.h, fill(st));
	snprintf(id, sizeof id, "lbl.%s", name);
	kz_scene_text(s, id, b.x + pad, top, b.w - 2 * pad, h1, kz_button_text(st), KZ_FONT_BOLD,
		KZ_ALIGN_CENTER, lang, "%s", label);
	snprintf(id, sizeof id, "sub.%s", name);
	kz_scene_text(s, id, b.x + pad, top + h1, b.w - 2 * pad, h2, kz_button_text(st),
		KZ_FONT_REGULAR, KZ_ALIGN_CENTER, lang, "%s", sub);
}

struct kz_box
kz_grid(struct kz_box b, int rows, int cols, int gap, int i)
{
	int cw = (b.w - gap * (cols - 1)) / cols, ch = (b.h - gap * (rows - 1)) / rows;

	return (struct kz_box){b.x + (i % cols) * (cw + gap), b.y + (i / cols) * (ch + gap), cw,
		ch};
}

struct kz_box
kz_inset(struct kz_box b, int pad)
{
	return (struct kz_box){b.x + pad, b.y + pad, b.w - 2 * pad, b.h - 2 * pad};
}

static double
luminance(struct kz_rgb c)
{
	double v[3] = {c.r / 255.0, c.g / 255.0, c.b / 255.0};

	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
kz_contrast(struct kz_rgb a, struct kz_rgb b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
