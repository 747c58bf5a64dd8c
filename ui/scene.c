/* scene.c - building scenes; see scene.h.  No SDL here. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scene.h"

void
kz_scene_begin(struct kz_scene *s, int w, int h, struct kz_rgb background)
{
	s->w = w;
	s->h = h;
	s->background = background;
	s->n = 0;
}

static struct kz_item *
add(struct kz_scene *s, enum kz_item_kind kind, const char *id, int x, int y, int w, int h,
	struct kz_rgb color)
{
	struct kz_item *it;

	if (s->n == KZ_SCENE_MAX)
		return NULL;
	it = &s->items[s->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->color = color;
	snprintf(it->id, sizeof it->id, "%s", id);
	return it;
}

void
kz_scene_rect(struct kz_scene *s, const char *id, int x, int y, int w, int h, struct kz_rgb color)
{
	add(s, KZ_ITEM_RECT, id, x, y, w, h, color);
}

void
kz_scene_text(struct kz_scene *s, const char *id, int x, int y, int w, int h, struct kz_rgb color,
	enum kz_font font, enum kz_align align, const char *lang, const char *fmt, ...)
{
	struct kz_item *it = add(s, KZ_ITEM_TEXT, id, x, y, w, h, color);
	va_list ap;

	if (it == NULL)
		return;
	it->font = font;
	it->align = align;
	snprintf(it->lang, sizeof it->lang, "%s", lang);
	va_start(ap, fmt);
	it->cut = vsnprintf(it->text, sizeof it->text, fmt, ap) >= (int)sizeof it->text;
	va_end(ap);
}

void
kz_scene_para(struct kz_scene *s, const char *id, int x, int y, int w, int h, int line_h,
	struct kz_rgb color, enum kz_font font, enum kz_align align, const char *lang,
	const char *fmt, ...)
{
	struct kz_item *it = add(s, KZ_ITEM_PARA, id, x, y, w, h, color);
	va_list ap;

	if (it == NULL)
		return;
	it->font = font;
	it->align = align;
	it->line = line_h > 0 ? line_h : 1;
	snprintf(it->lang, sizeof it->lang, "%s", lang);
	va_start(ap, fmt);
	it->cut = vsnprintf(it->text, sizeof it->text, fmt, ap) >= (int)sizeof it->text;
	va_end(ap);
}

const struct kz_item *
kz_scene_hit(const struct kz_scene *s, int x, int y, const char *prefix)
{
	size_t n = strlen(prefix);

	for (int i = s->n - 1; i >= 0; i--) {
		const struct kz_item *it = &s->items[i];
		if (x >= it->x && x < it->x + it->w && y >= it->y && y < it->y + it->h &&
			strncmp(it->id, prefix, n) == 0)
			return it;
	}
	return NULL;
}

const struct kz_item *
kz_scene_find(const struct kz_scene *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->items[i].id, id) == 0)
			return &s->items[i];
	return NULL;
}

int
kz_scene_equal(const struct kz_scene *a, const struct kz_scene *b)
{
	/* items are zeroed before filling, so bytes compare as values */
	return a->w == b->w && a->h == b->h && a->n == b->n &&
		memcmp(&a->background, &b->background, sizeof a->background) == 0 &&
		memcmp(a->items, b->items, sizeof a->items[0] * (size_t)a->n) == 0;
}
