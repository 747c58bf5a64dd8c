/*
 * source-remote.c - the board's picture from kezek-hall, for a board on
 * its own machine: GET /api/board for the picture, the change stream
 * (GET /api/events) to know when to read it again; see source.h.  While
 * the server cannot be reached the source is down, and it tries again
 * every retry_ms, by itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "queue/error.h"
#include "source.h"
#include "wire/board.h"

struct remote {
	struct kz_remote *r;
	int retry_ms;
	int up;          /* the last request was answered */
	int stale;       /* read again at the next poll */
	int64_t next_ms; /* while down: not tried again before then (monotonic) */
	int told_down;   /* the log says the server is away */
};

static int64_t
mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static enum kz_watch_state
remote_poll(void *impl)
{
	struct remote *m = impl;
	char err[KZ_ERR_LEN];
	int rc;

	if (!m->up) {
		if (mono_ms() < m->next_ms)
			return KZ_WATCH_DOWN;
		m->next_ms = mono_ms() + m->retry_ms;
		m->up = 1; /* the read that follows says whether it is */
		m->stale = 0;
		return KZ_WATCH_OPENED;
	}
	rc = kz_remote_stream_poll(m->r, 0, err);
	if (rc == KZ_EDEVICE) {
		m->up = 0;
		m->next_ms = mono_ms() + m->retry_ms;
		if (!m->told_down)
			fprintf(stderr, "kezek-display: connection lost: %s; reconnecting\n", err);
		m->told_down = 1;
		return KZ_WATCH_LOST;
	}
	if (rc == 1 || m->stale)
		return KZ_WATCH_CHANGED;
	return KZ_WATCH_SAME;
}

static int
remote_read(void *impl, int ncalls, struct kz_board *out, int64_t *last_call, char *err)
{
	struct remote *m = impl;
	char path[64];
	json_t *answer = NULL;
	int64_t last = 0;
	int status = 0, rc;

	snprintf(path, sizeof path, "/api/board?calls=%d", ncalls);
	rc = kz_remote_call(m->r, "GET", path, NULL, NULL, &status, &answer, err);
	if (rc == KZ_OK && status == 503)
		rc = kz_err(err, KZ_EBUSY, "the hall server is busy");
	else if (rc == KZ_OK && status != 200)
		rc = kz_err(err, KZ_EDEVICE, "the hall server answered %d to the board: %s", status,
			answer && json_is_string(json_object_get(answer, "message"))
				? json_string_value(json_object_get(answer, "message"))
				: "no message");
	else if (rc == KZ_OK)
		rc = kz_wire_board_parse(answer, out, &last, err);
	json_decref(answer);
	if (rc == KZ_OK && last_call != NULL)
		*last_call = last;
	return rc;
}

static void
remote_seen(void *impl)
{
	struct remote *m = impl;

	m->stale = 0;
	if (m->told_down)
		fprintf(stderr, "kezek-display: the hall server answers again\n");
	m->told_down = 0;
}

static void
remote_failed(void *impl, int rc)
{
	struct remote *m = impl;

	if (rc == KZ_EBUSY) {
		m->stale = 1;
		return;
	}
	if (m->up && !m->told_down)
		fprintf(stderr, "kezek-display: connection lost; reconnecting\n");
	m->told_down = 1;
	m->up = 0;
	m->next_ms = mono_ms() + m->retry_ms;
}

static int
remote_connected(const void *impl)
{
	return ((const struct remote *)impl)->up;
}

static void
remote_close(void *impl)
{
	struct remote *m = impl;

	kz_remote_close(m->r);
	free(m);
}

static const struct kz_board_source_ops remote_ops = {
	remote_poll,
	remote_read,
	remote_seen,
	remote_failed,
	remote_connected,
	remote_close,
};

int
kz_board_source_remote(struct kz_remote *r, int retry_ms, struct kz_board_source **out, char *err)
{
	struct kz_board_source *s = calloc(1, sizeof *s);
	struct remote *m = calloc(1, sizeof *m);

	*out = NULL;
	if (s == NULL || m == NULL) {
		free(s);
		free(m);
		kz_remote_close(r);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the board");
	}
	m->r = r;
	m->retry_ms = retry_ms > 0 ? retry_ms : 2000;
	s->ops = &remote_ops;
	s->impl = m;
	*out = s;
	return KZ_OK;
}
