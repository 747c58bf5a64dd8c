/*
 * kiosk.h - the touch kiosk: what a visitor touches first.  Take a ticket,
 * print a blank application form, read about the service and how to
 * complain, rate the service; in Kazakh or Russian.  kiosk/main.c runs
 * kz_kiosk_step in a loop; tests drive it step by step with injected taps.
 */
#ifndef KZ_KIOSK_H
#define KZ_KIOSK_H

#include "kiosk/hall.h"
#include "queue/config.h"
#include "ui/render.h"
#include "ui/scene.h"

struct kz_kiosk;

struct kz_kiosk_options {
	const struct kz_config *cfg;      /* kept by reference: outlive the kiosk */
	const struct kz_kiosk_conf *conf; /* which kiosk of cfg this is */
	const char *db_path;
	const char *font_dir;         /* assets/fonts */
	const char *locale_dir;       /* compiled translations: LANG/LC_MESSAGES/kezek.mo */
	int w, h;                     /* window size */
	int fullscreen;               /* unattended: full screen, input kept */
	int tap_guard_ms;             /* taps closer than this are one: 0 as configured
					       (double_tap_ms), < 0 none (tests that tap fast) */
	const char *screen_file;      /* NULL, or where to write the name of the screen on
				    show whenever it changes (for a supervisor, a test) */
	const char *frames_png;       /* NULL, or where to write each frame drawn as PNG
					 (before its screen's name goes to screen_file) */
	struct kz_kiosk_hall *remote; /* NULL: the database at db_path; or the hall
					 (kiosk/hall.h: kezek-hall) to use, the kiosk's
					 from then on */
};

/* Open the window, translations, calendar, directories and (if it can)
 * the hall.  A missing database or a server out of reach is not an error:
 * the kiosk says it is unavailable for a moment and keeps trying.  KZ_E* for what cannot be had. */
int kz_kiosk_open(const struct kz_kiosk_options *opt, struct kz_kiosk **out, char *err);
void kz_kiosk_close(struct kz_kiosk *k);

/* One turn: wait up to wait_ms for a tap or key and act on it, follow the
 * database and the printer, return home when untouched, and draw the
 * screen if it changed.  KZ_OK, or a drawing error. */
int kz_kiosk_step(struct kz_kiosk *k, int wait_ms, char *err);

/* Go to screen (by name: one of kz_kiosk_screens) in lang ("kk", "ru"; NULL
 * keeps it) and draw it.  KZ_EINVAL naming the screens for an unknown one. */
int kz_kiosk_show(struct kz_kiosk *k, const char *screen, const char *lang, char *err);

/* The screen shown now: its name, its scene and drawing stats. */
const char *kz_kiosk_screen(const struct kz_kiosk *k);
const struct kz_scene *kz_kiosk_scene(const struct kz_kiosk *k);
const struct kz_ui_stats *kz_kiosk_stats(const struct kz_kiosk *k);
struct kz_ui *kz_kiosk_ui(struct kz_kiosk *k);

/* The administrator chose "close the kiosk" (after the gesture and PIN). */
int kz_kiosk_done(const struct kz_kiosk *k);

/* Translation lookups that found no translation (a test fails on any). */
int kz_kiosk_missed_translations(const struct kz_kiosk *k);

/* Names of every screen in order (kiosk/screen-list.h), NULL-terminated. */
extern const char *const kz_kiosk_screens[];

/* When screen i (an index of kz_kiosk_screens) is shown: "open" (while
 * tickets are issued), "closed", "after" (a visitor's action), "staff"
 * (the administrator's) or "fault" (no database); NULL for no such i. */
const char *kz_kiosk_screen_when(int i);

#endif
