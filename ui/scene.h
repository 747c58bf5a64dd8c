/*
 * scene.h - what a screen shows, as data: filled boxes and lines of text in
 * boxes, in pixels of the target size.  Screens (display/, kiosk/) build a
 * scene from queue state without touching SDL; ui/render.c draws it.  So a
 * test can check a layout (which text where, what colour) without a window,
 * and the same screen builds at any size.
 */
#ifndef KZ_SCENE_H
#define KZ_SCENE_H

#include <stdint.h>

#define KZ_SCENE_MAX 256  /* items in one scene */
#define KZ_TEXT_MAX  1536 /* bytes of one text, with NUL: a paragraph */
#define KZ_ID_MAX    32   /* bytes of an item's name, with NUL */

struct kz_rgb {
	uint8_t r, g, b;
};

/* A text is one line fitted to its box; a paragraph is wrapped at spaces
 * (and at '\n') into lines of its line height, made smaller if it must. */
enum kz_item_kind { KZ_ITEM_RECT, KZ_ITEM_TEXT, KZ_ITEM_PARA };
enum kz_align { KZ_ALIGN_LEFT, KZ_ALIGN_CENTER, KZ_ALIGN_RIGHT };
enum kz_font { KZ_FONT_REGULAR, KZ_FONT_BOLD };

struct kz_item {
	enum kz_item_kind kind;
	int x, y, w, h;         /* the box, pixels; text is fitted inside it */
	struct kz_rgb color;    /* fill, or the text's colour */
	enum kz_font font;      /* text only */
	enum kz_align align;    /* text only; vertically always centred */
	int line;               /* paragraph only: line height, pixels */
	int cut;                /* the text was longer than KZ_TEXT_MAX: a layout fault */
	char lang[3];           /* text only: "kk", "ru" or "" (numbers, times) */
	char id[KZ_ID_MAX];     /* a name for tests: "call.number", "wait.A" */
	char text[KZ_TEXT_MAX]; /* UTF-8 */
};

struct kz_scene {
	int w, h; /* target size, pixels */
	struct kz_rgb background;
	int n;
	struct kz_item items[KZ_SCENE_MAX];
};

/* Start an empty scene of w x h pixels. */
void kz_scene_begin(struct kz_scene *s, int w, int h, struct kz_rgb background);

/* Add a filled box.  Ignored (and counted in s->n no further) when full. */
void kz_scene_rect(struct kz_scene *s, const char *id, int x, int y, int w, int h,
	struct kz_rgb color);

/* Add a line of text fitted into the box (the renderer sizes the font to
 * the box's height and shrinks it to fit the width).  lang: "kk", "ru", or
 * "" for text in neither (numbers, times). */
void kz_scene_text(struct kz_scene *s, const char *id, int x, int y, int w, int h,
	struct kz_rgb color, enum kz_font font, enum kz_align align, const char *lang,
	const char *fmt, ...) __attribute__((format(printf, 11, 12)));

/* Add a paragraph: text wrapped to the box's width in lines line_h
 * pixels high; the renderer makes it smaller when the lines would not fit
 * the box's height (and counts that, like a shrunk text). */
void kz_scene_para(struct kz_scene *s, const char *id, int x, int y, int w, int h, int line_h,
	struct kz_rgb color, enum kz_font font, enum kz_align align, const char *lang,
	const char *fmt, ...) __attribute__((format(printf, 12, 13)));

/* The item at scene point (x, y) whose id starts with prefix, the last
 * drawn (topmost) if several; NULL if none.  Buttons are rects named
 * "btn.NAME": a tap finds them here. */
const struct kz_item *kz_scene_hit(const struct kz_scene *s, int x, int y, const char *prefix);

/* The first item named id, or NULL. */
const struct kz_item *kz_scene_find(const struct kz_scene *s, const char *id);

/* Do two scenes show the same thing? (a screen redraws only when not) */
int kz_scene_equal(const struct kz_scene *a, const struct kz_scene *b);

#endif
