/*
 * render.h - drawing scenes with SDL2 and SDL2_ttf: the only place the
 * screens meet SDL.  Works with any SDL video driver, "offscreen" included
 * (no display needed), and reads the frame back for tests and screenshots.
 */
#ifndef KZ_RENDER_H
#define KZ_RENDER_H

#include "scene.h"

struct kz_ui;

/* What drawing a scene found about its text. */
struct kz_ui_stats {
	int texts;             /* text items drawn */
	int shrunk;            /* drawn smaller than their box's height asks, to fit the width */
	int too_small;         /* shrunk below 60% of that: too small to read; a layout fault */
	int missing_glyphs;    /* characters the fonts do not have (they would show as boxes) */
	int cut;               /* texts cut short at KZ_TEXT_MAX when the scene was built */
	char worst[KZ_ID_MAX]; /* id of the most shrunk item, "" if none */
};

/* Whether windows opened after this draw through the graphics card's
 * driver (OpenGL: Mesa, and libLLVM with it, mapped into the process) or,
 * the default, in software with no GL library loaded.  Process-wide, like
 * SDL's own hints; the programs' --gpu. */
void kz_ui_use_gpu(int yes);

/* Whether windows opened after this may be drawn with no screen to show
 * them (SDL's offscreen driver, taken when no screen can be reached): yes
 * for a program that only writes pictures (the kiosk's --screen, the
 * board's --snapshot); no, the default, for one people look at, which
 * fails instead and is started again by its supervisor. */
void kz_ui_may_draw_unseen(int yes);

/* Open windows after this on the screen the system calls name (SDL's
 * display name: the output's, HDMI-1, DP-2; matched exactly, else
 * ignoring case); NULL or "" for the first.  Process-wide, like
 * kz_ui_use_gpu; the programs' --output and hall.ini's output.  A name
 * that is not there makes kz_ui_open fail naming the screens there are. */
void kz_ui_use_output(const char *name);

/* The index in names (n of them) of the screen called want, as above; -1
 * if none. */
int kz_ui_output_index(const char *want, const char *const *names, int n);

/* Open a window of w x h (fullscreen on the desktop if fullscreen), with
 * the fonts of font_dir (DejaVuSans.ttf and DejaVuSans-Bold.ttf).  KZ_OK,
 * or a KZ_E* code (queue/error.h) with err filled. */
int kz_ui_open(const char *title, int w, int h, int fullscreen, const char *font_dir,
	struct kz_ui **out, char *err);
void kz_ui_close(struct kz_ui *ui);

/* The window's size now, pixels. */
void kz_ui_size(struct kz_ui *ui, int *w, int *h);

/* Draw scene and show it; stats (may be NULL) tell about its text. */
int kz_ui_draw(struct kz_ui *ui, const struct kz_scene *scene, struct kz_ui_stats *stats,
	char *err);

/* Wait up to timeout_ms for input; 1 if the window was asked to close. */
int kz_ui_wait(struct kz_ui *ui, int timeout_ms);

/* For a screen nobody touches (the hall board): take the input that is
 * there, then sleep ms.  SDL's wait with a timeout polls every millisecond
 * on drivers that cannot block (offscreen); this costs one wake-up.  1 if
 * the window was asked to close. */
int kz_ui_sleep(struct kz_ui *ui, int ms);

/* What a person did. */
enum kz_ui_event_type { KZ_UI_NONE, KZ_UI_TAP, KZ_UI_KEY, KZ_UI_CLOSE };

struct kz_ui_event {
	enum kz_ui_event_type type;
	int x, y;    /* KZ_UI_TAP: where, in pixels of the last frame drawn */
	int key;     /* KZ_UI_KEY: the SDL keycode */
	unsigned ms; /* when, milliseconds on SDL's clock: tells a double tap */
};

/* Wait up to timeout_ms for the next thing a person did: a touch or a left
 * click (a tap), a key, or asking the window to close.  1 with *ev filled,
 * 0 if the time passed.  A touch comes from SDL as a touch and as a mouse
 * click; only the touch counts, so one touch is one tap. */
int kz_ui_next(struct kz_ui *ui, int timeout_ms, struct kz_ui_event *ev);

/* Keep keyboard and pointer in the window (an unattended kiosk). */
void kz_ui_grab(struct kz_ui *ui);

/* The colour of pixel (x, y) of the last frame drawn. */
int kz_ui_pixel(struct kz_ui *ui, int x, int y, struct kz_rgb *out, char *err);

/* Write the last frame drawn to a PNG file. */
int kz_ui_save_png(struct kz_ui *ui, const char *path, char *err);

#endif
