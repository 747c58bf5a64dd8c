/*
 * source-remote.c - the board's picture from kezek-hall, for a board on
 * its own machine: GET /api/board for the picture, the change stream
 * (GET /api/events) to know when to read it again; see source.h.  While
 * the server cannot be reached the source is down, and it tries again
 * every retry_ms, by itself (remote/link.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "queue/error.h"
#include "remote/link.h"
#include "source.h"
#include "wire/board.h"

struct remote {
	struct kz_remote_link link;
	int told_down; /* the log says the server is away */
};

static enum kz_watch_state
remote_poll(void *impl)
{
	struct remote *m = impl;
	char err[KZ_ERR_LEN];
	enum kz_watch_state st = kz_remote_link_poll(&m->link, err);

	if (st == KZ_WATCH_OPENED)
		m->link.up = 1; /* the read that follows says whether it is */
	if (st == KZ_WATCH_LOST) {
		if (!m->told_down)
			fprintf(stderr, "kezek-display: connection lost: %s; reconnecting\n", err);
		m->told_down = 1;
	}
	return st;
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
	rc = kz_remote_call(m->link.r, "GET", path, NULL, NULL, &status, &answer, err);
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

	m->link.stale = 0;
	if (m->told_down)
		fprintf(stderr, "kezek-display: the hall server answers again\n");
	m->told_down = 0;
}

static void
remote_failed(void *impl, int rc)
{
	struct remote *m = impl;

	if (rc != KZ_EBUSY) {
		if (m->link.up && !m->told_down)
			fprintf(stderr, "kezek-display: connection lost; reconnecting\n");
		m->told_down = 1;
	}
	kz_remote_link_failed(&m->link, rc);
}

static int
remote_connected(const void *impl)
{
	return ((const struct remote *)impl)->link.up;
}

static void
remote_close(void *impl)
{
	struct remote *m = impl;

	kz_remote_link_close(&m->link);
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
	kz_remote_link_init(&m->link, r, retry_ms);
	s->ops = &remote_ops;
	s->impl = m;
	*out = s;
	return KZ_OK;
}
