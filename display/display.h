/*
 * display.h - one hall display: it watches the database, redraws the board
 * when something changed or a clock tick needs it, and announces new calls.
 * display/main.c runs kz_display_step in a loop; tests and the benchmark
 * drive it step by step.
 */
#ifndef KZ_DISPLAY_H
#define KZ_DISPLAY_H

#include <stdint.h>

#include "display/announce.h"
#include "display/source.h"
#include "queue/config.h"
#include "ui/render.h"
#include "ui/scene.h"

struct kz_display;

struct kz_display_options {
	const struct kz_config *cfg; /* kept by reference: outlive the display */
	const char *db_path;         /* the hall database, when remote is NULL */
	const char *font_dir;        /* assets/fonts */
	int w, h;                    /* window size */
	int fullscreen;
	const char *locale_dir;         /* the board's words: LANG/LC_MESSAGES/kezek.mo */
	struct kz_board_source *remote; /* NULL, or the board's picture from kezek-hall
					   (display/source.h); the display owns it */
};

/* Open the window, the announcer and (if it can) the database or the hall
 * server.  A missing or unreadable database, or a server that cannot be
 * reached, is not an error: the board says "connection lost" and keeps
 * trying.  KZ_E* for a window or fonts that cannot be had. */
int kz_display_open(const struct kz_display_options *opt, struct kz_display **out, char *err);
void kz_display_close(struct kz_display *d);

/* One turn: notice changes (PRAGMA data_version), re-read the board if any,
 * queue announcements of new calls, rebuild the scene for the clock and
 * draw it if it differs from the one on screen.  *drew (may be NULL) tells
 * whether a frame was drawn.  KZ_OK, or a drawing error. */
int kz_display_step(struct kz_display *d, int *drew, char *err);

/* What is on screen, its drawing stats, the announcer and the window. */
const struct kz_scene *kz_display_scene(struct kz_display *d);
const struct kz_ui_stats *kz_display_stats(struct kz_display *d);
struct kz_announcer *kz_display_announcer(struct kz_display *d);
struct kz_ui *kz_display_ui(struct kz_display *d);
int kz_display_connected(struct kz_display *d);

#endif
