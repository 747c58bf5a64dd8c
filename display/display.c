/*
 * display.c - the display's loop body: poll, read, announce, draw.  Reads
 * happen only when the board's source (source.h: the database's watch, or
 * kezek-hall's change stream) says something changed; frames are drawn only when the scene differs from the one on
 * screen.
 */
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "display.h"
#include "queue/board.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/watch.h"
#include "source.h"

#define RETRY_SECONDS 2   /* between attempts to reopen a lost database */
#define READ_WAIT_MS  100 /* a locked database: show what we have, try again */

struct kz_display {
	struct kz_display_options opt;
	struct kz_ui *ui;
	struct kz_announcer *ann;
	struct kz_calendar *cal;
	struct kz_i18n *tr;          /* the board's words */
	struct kz_board_source *src; /* the database, or kezek-hall: follows and reconnects */
	int64_t last_call;           /* newest call event already announced */
	int have_board;
	struct kz_board board;    /* the last snapshot read */
	struct kz_scene scene[2]; /* on screen, and being built */
	int shown;                /* index of the one on screen, -1 none */
	struct kz_ui_stats stats;
};

/* New calls and recalls since the last announced one, oldest first. */
static void
announce_new(struct kz_display *d)
{
	for (int i = d->board.ncalls - 1; i >= 0; i--) {
		const struct kz_call *c = &d->board.calls[i];
		if (c->event <= d->last_call)
			continue;
		kz_announce_call(d->ann, c->number, c->counter);
		d->last_call = c->event;
	}
}

/* Read the board when the source says something changed.  The first read
 * also takes the latest call so far: calls made before the display started
 * are history, not news. */
static void
refresh(struct kz_display *d)
{
	const struct kz_board_source_ops *ops = d->src->ops;
	char err[KZ_ERR_LEN];
	enum kz_watch_state seen = ops->poll(d->src->impl);
	int64_t last = 0;
	int rc;

	if (seen == KZ_WATCH_DOWN || seen == KZ_WATCH_LOST)
		return;
	if (seen == KZ_WATCH_SAME && d->have_board)
		return;
	/* KZ_EBUSY: locked for a moment; keep what is shown and try at the next step */
	rc = ops->read(d->src->impl, KZ_BOARD_CALLS, &d->board, d->last_call < 0 ? &last : NULL,
		err);
	if (rc != KZ_OK) {
		ops->failed(d->src->impl, rc);
		return;
	}
	ops->seen(d->src->impl);
	if (d->last_call < 0)
		d->last_call = last;
	d->have_board = 1;
	announce_new(d);
}

int
kz_display_step(struct kz_display *d, int *drew, char *err)
{
	struct kz_office office;
	struct kz_board_view v;
	struct kz_scene *next = &d->scene[d->shown == 0 ? 1 : 0];
	int64_t now;
	int rc;

	if (drew)
		*drew = 0;
	refresh(d);
	now = kz_clock_now();
	kz_cal_office(d->cal, now, &office);
	v = (struct kz_board_view){d->opt.cfg, d->have_board ? &d->board : NULL, &office, now,
		kz_display_connected(d), d->tr};
	kz_board_scene(&v, d->opt.w, d->opt.h, next);
	if (d->shown >= 0 && kz_scene_equal(next, &d->scene[d->shown]))
		return KZ_OK;
	if ((rc = kz_ui_draw(d->ui, next, &d->stats, err)) != KZ_OK)
		return rc;
	d->shown = (int)(next - d->scene);
	if (drew)
		*drew = 1;
	return KZ_OK;
}

int
kz_display_open(const struct kz_display_options *opt, struct kz_display **out, char *err)
{
	struct kz_display *d = calloc(1, sizeof *d);
	int rc;

	*out = NULL;
	if (d == NULL) {
		kz_board_source_close(opt->remote);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the display");
	}
	d->opt = *opt;
	d->shown = -1;
	d->last_call = -1;
	if (opt->remote != NULL) {
		d->src = opt->remote; /* ours from here on, whatever happens */
		rc = KZ_OK;
	} else
		rc = kz_board_source_local(opt->db_path, READ_WAIT_MS, RETRY_SECONDS, &d->src, err);
	if (rc != KZ_OK || (rc = kz_i18n_load(opt->locale_dir, &d->tr, err)) != KZ_OK ||
		(rc = kz_cal_load(opt->cfg->holidays, &opt->cfg->hours, &d->cal, err)) != KZ_OK ||
		(rc = kz_ui_open("Kezek", opt->w, opt->h, opt->fullscreen, opt->font_dir, &d->ui,
			 err)) != KZ_OK ||
		(rc = kz_announce_open(opt->cfg, &d->ann, NULL, err)) != KZ_OK) {
		kz_display_close(d);
		return rc;
	}
	refresh(d);
	*out = d;
	return KZ_OK;
}

void
kz_display_close(struct kz_display *d)
{
	if (d == NULL)
		return;
	kz_announce_close(d->ann);
	kz_ui_close(d->ui);
	kz_board_source_close(d->src);
	kz_cal_free(d->cal);
	kz_i18n_free(d->tr);
	free(d);
}

const struct kz_scene *
kz_display_scene(struct kz_display *d)
{
	return d->shown >= 0 ? &d->scene[d->shown] : NULL;
}

const struct kz_ui_stats *
kz_display_stats(struct kz_display *d)
{
	return &d->stats;
}

struct kz_announcer *
kz_display_announcer(struct kz_display *d)
{
	return d->ann;
}

struct kz_ui *
kz_display_ui(struct kz_display *d)
{
	return d->ui;
}

int
kz_display_connected(struct kz_display *d)
{
	return d->src->ops->connected(d->src->impl);
}
