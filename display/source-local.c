/* source-local.c - the board's picture from the hall database on this
 * machine (queue/watch.h, queue/board.h); see source.h. */
#include <stdlib.h>

#include "queue/error.h"
#include "source.h"

static enum kz_watch_state
local_poll(void *impl)
{
	return kz_watch_poll(impl);
}

static int
local_read(void *impl, int ncalls, struct kz_board *out, int64_t *last_call, char *err)
{
	struct kz_db *db = kz_watch_db(impl);
	int rc;

	if (db == NULL)
		return kz_err(err, KZ_EDB, "the hall database is not open");
	if (last_call != NULL && (rc = kz_board_last_call(db, last_call, err)) != KZ_OK)
		return rc;
	return kz_board_read(db, ncalls, out, err);
}

static void
local_seen(void *impl)
{
	kz_watch_seen(impl);
}

static void
local_failed(void *impl, int rc)
{
	kz_watch_failed(impl, rc);
}

static int
local_connected(const void *impl)
{
	return kz_watch_connected(impl);
}

static void
local_close(void *impl)
{
	kz_watch_close(impl);
}

static const struct kz_board_source_ops local_ops = {
	local_poll,
	local_read,
	local_seen,
	local_failed,
	local_connected,
	local_close,
};

int
kz_board_source_local(const char *path, int busy_ms, int retry_seconds,
	struct kz_board_source **out, char *err)
{
	struct kz_board_source *s = calloc(1, sizeof *s);
	struct kz_watch *w;
	int rc;

	*out = NULL;
	if (s == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory starting the board");
	if ((rc = kz_watch_open(&(struct kz_watch_options){path, KZ_DB_READONLY, busy_ms,
					retry_seconds},
		     &w, err)) != KZ_OK) {
		free(s);
		return rc;
	}
	s->ops = &local_ops;
	s->impl = w;
	*out = s;
	return KZ_OK;
}

void
kz_board_source_close(struct kz_board_source *s)
{
	if (s == NULL)
		return;
	s->ops->close(s->impl);
	free(s);
}
