/*
 * link.h - whether a device on its own machine has kezek-hall now: the
 * board's source (display/source-remote.c) and the kiosk's hall
 * (kiosk/hall-remote.c) poll it at each turn, as the hall machine's
 * programs poll the database (queue/watch.h).  Up while requests are
 * answered; down after one is not, then tried again every retry_ms
 * (monotonic time: a wait for a cable, not the office's clock).  Up, the
 * hall's change stream says when to read again.
 *
 * The link keeps no hall data: its owner reads, and says how that went
 * (kz_remote_link_failed, or stale = 0 after a good read).
 */
#ifndef KZ_REMOTE_LINK_H
#define KZ_REMOTE_LINK_H

#include <stdint.h>

#include "queue/watch.h"
#include "remote/client.h"

struct kz_remote_link {
	struct kz_remote *r;
	int retry_ms;
	int up;          /* the last request was answered */
	int stale;       /* read again at the next poll */
	int64_t next_ms; /* while down: not tried again before then (monotonic) */
};

/* A link over r (the link's from now on: kz_remote_link_close closes it),
 * down, so the first poll says OPENED at once; retry_ms <= 0: 2000. */
void kz_remote_link_init(struct kz_remote_link *l, struct kz_remote *r, int retry_ms);

/* One look, as kz_watch_poll says it: DOWN (not yet time to try again),
 * OPENED (time to: read everything; the read says whether the hall is
 * there), LOST (the stream was lost just now, err says why), CHANGED (the
 * stream said so, or stale) or SAME. */
enum kz_watch_state kz_remote_link_poll(struct kz_remote_link *l, char *err);

/* No answer came: down, tried again retry_ms from now. */
void kz_remote_link_down(struct kz_remote_link *l);

/* A read failed with rc: KZ_EBUSY keeps the link up and reads again at
 * the next poll; anything else takes it down. */
void kz_remote_link_failed(struct kz_remote_link *l, int rc);

/* Close the link's client. */
void kz_remote_link_close(struct kz_remote_link *l);

#endif
