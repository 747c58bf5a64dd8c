/*
 * source.h - where the hall board's picture comes from: the hall database
 * on this machine (source-local.c: queue/watch.h and kz_board_read), or
 * kezek-hall over the network for a board on its own machine
 * (source-remote.c: GET /api/board and the change stream).  The display
 * (display.c) has one code path for both: it polls the source at each
 * turn, reads when something changed, and shows "connection lost" while
 * the source is down; each source reconnects by itself.
 */
#ifndef KZ_DISPLAY_SOURCE_H
#define KZ_DISPLAY_SOURCE_H

#include <stdint.h>

#include "queue/board.h"
#include "queue/watch.h"
#include "remote/client.h"

struct kz_board_source;

/* What a source does; impl is its own state. */
struct kz_board_source_ops {
	/* One look, as kz_watch_poll says it (queue/watch.h): DOWN, LOST just
	 * now, OPENED (read everything), CHANGED or SAME. */
	enum kz_watch_state (*poll)(void *impl);
	/* Read the board (ncalls latest calls) into *out; with last_call
	 * non-NULL also the id of the latest call so far.  KZ_OK, KZ_EBUSY
	 * (keep what is shown, try again), anything else: the source is down. */
	int (*read)(void *impl, int ncalls, struct kz_board *out, int64_t *last_call, char *err);
	/* The last read went well (seen) or failed with rc (failed). */
	void (*seen)(void *impl);
	void (*failed)(void *impl, int rc);
	/* Connected and readable now. */
	int (*connected)(const void *impl);
	void (*close)(void *impl);
};

struct kz_board_source {
	const struct kz_board_source_ops *ops;
	void *impl;
};

/* The hall database at path, read-only, reopened every retry_seconds
 * while lost; busy_ms: how long a read waits for a lock. */
int kz_board_source_local(const char *path, int busy_ms, int retry_seconds,
	struct kz_board_source **out, char *err);

/* kezek-hall through r (the source owns r and closes it), tried again
 * every retry_ms while the server cannot be reached. */
int kz_board_source_remote(struct kz_remote *r, int retry_ms, struct kz_board_source **out,
	char *err);

/* Close and free s (NULL is fine). */
void kz_board_source_close(struct kz_board_source *s);

#endif
