/*
 * widgets.h - the look the kiosk and board share: a high-contrast palette
 * and buttons built as scene items.  A button is a rect named "btn.NAME"
 * (what a tap finds, kz_scene_hit) with its label "lbl.NAME" on top.
 * Colours are chosen for at least 7:1 contrast between text and fill.
 */
#ifndef KZ_WIDGETS_H
#define KZ_WIDGETS_H

#include "scene.h"

extern const struct kz_rgb kz_white, kz_ink, kz_navy, kz_blue, kz_pale, kz_amber, kz_red, kz_green,
	kz_grey;

enum kz_button_style {
	KZ_BUTTON_PRIMARY,   /* white on blue: the main thing to do */
	KZ_BUTTON_SECONDARY, /* ink on pale: everything else */
	KZ_BUTTON_CHOSEN,    /* white on navy: the option in force */
	KZ_BUTTON_DANGER,    /* white on red */
};

/* A box, pixels. */
struct kz_box {
	int x, y, w, h;
};

/* A button with a one-line label.  name becomes "btn.NAME" and "lbl.NAME". */
void kz_button(struct kz_scene *s, const char *name, struct kz_box b, enum kz_button_style st,
	const char *lang, const char *label);

/* A button with a label of two lines: a big one and a smaller one below
 * (a service's name and how many wait for it). */
void kz_button2(struct kz_scene *s, const char *name, struct kz_box b, enum kz_button_style st,
	const char *lang, const char *label, const char *sub);

/* The colour text of style st is drawn in. */
struct kz_rgb kz_button_text(enum kz_button_style st);

/* Cell i of a rows x cols grid over b with gap pixels between cells. */
struct kz_box kz_grid(struct kz_box b, int rows, int cols, int gap, int i);

/* b without pad pixels on each side. */
struct kz_box kz_inset(struct kz_box b, int pad);

/* WCAG contrast ratio of two colours (1 to 21). */
double kz_contrast(struct kz_rgb a, struct kz_rgb b);

#endif
