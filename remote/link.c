/* link.c - up or down to kezek-hall, retried by itself; see link.h. */
#include <time.h>

#include "link.h"

static int64_t
mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void
kz_remote_link_init(struct kz_remote_link *l, struct kz_remote *r, int retry_ms)
{
	*l = (struct kz_remote_link){.r = r, .retry_ms = retry_ms > 0 ? retry_ms : 2000};
}

enum kz_watch_state
kz_remote_link_poll(struct kz_remote_link *l, char *err)
{
	int rc;

	if (!l->up) {
		if (mono_ms() < l->next_ms)
			return KZ_WATCH_DOWN;
		l->next_ms = mono_ms() + l->retry_ms;
		l->stale = 0;
		return KZ_WATCH_OPENED;
	}
	rc = kz_remote_stream_poll(l->r, 0, err);
	if (rc == KZ_EDEVICE) {
		kz_remote_link_down(l);
		return KZ_WATCH_LOST;
	}
	if (rc == 1 || l->stale)
		return KZ_WATCH_CHANGED;
	return KZ_WATCH_SAME;
}

void
kz_remote_link_down(struct kz_remote_link *l)
{
	l->up = 0;
	l->next_ms = mono_ms() + l->retry_ms;
}

void
kz_remote_link_failed(struct kz_remote_link *l, int rc)
{
	if (rc == KZ_EBUSY)
		l->stale = 1;
	else
		kz_remote_link_down(l);
}

void
kz_remote_link_close(struct kz_remote_link *l)
{
	kz_remote_close(l->r);
	l->r = NULL;
}
