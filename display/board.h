/*
 * board.h - the hall board as a scene: the latest call large, the calls
 * before it, each service's queue and longest wait coloured against the
 * 30-minute limit (p.7.2), counters serving past 30 minutes (p.7.3), the
 * clock, the office's state and a line of information.  Pure: no SDL, no
 * database; display/main.c feeds it and ui/render.c draws it.
 */
#ifndef KZ_DISPLAY_BOARD_H
#define KZ_DISPLAY_BOARD_H

#include <stdint.h>

#include "queue/board.h"
#include "queue/calendar.h"
#include "queue/config.h"
#include "ui/i18n.h"
#include "ui/scene.h"

struct kz_board_view {
	const struct kz_config *cfg;
	const struct kz_board *board;   /* NULL until first read */
	const struct kz_office *office; /* the office's state now */
	int64_t now;                    /* the clock */
	int connected;                  /* 0: the database cannot be read now */
	struct kz_i18n *tr;             /* the board's words in kk and ru (po/) */
};

/* Build the board for a w x h screen (landscape or portrait) into *out. */
void kz_board_scene(const struct kz_board_view *v, int w, int h, struct kz_scene *out);

/* The colour of a wait of minutes against the configured thresholds. */
struct kz_rgb kz_board_wait_color(const struct kz_display_conf *d, int minutes);

extern const struct kz_rgb kz_board_green, kz_board_amber, kz_board_red;

#endif
