/*
 * watch.c - the database watch (see watch.h).  A file is "the one opened"
 * while its device and inode stay the same: a restore from a backup
 * replaces the file under the same name, and an old connection would go on
 * reading the removed file's pages.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "error.h"
#include "watch.h"

struct kz_watch {
	struct kz_watch_options opt;
	char *path;
	struct kz_db *db;   /* NULL while down */
	dev_t dev;          /* the file opened: a replaced or */
	ino_t ino;          /* removed file means the connection is lost */
	int64_t retry_at;   /* when to try reopening (clock) */
	int64_t version;    /* data_version at the last poll */
	int64_t seen;       /* data_version the caller last read; -1 none */
	int64_t busy_since; /* reads refused as locked since (clock), 0 if not */
};

int
kz_watch_open(const struct kz_watch_options *opt, struct kz_watch **out, char *err)
{
	struct kz_watch *w;

	*out = NULL;
	if (opt->path == NULL || opt->path[0] == '\0' || opt->retry_seconds <= 0)
		return kz_err(err, KZ_EINVAL, "a database watch needs a path and a retry pause");
	if ((w = calloc(1, sizeof *w)) == NULL || (w->path = strdup(opt->path)) == NULL) {
		free(w);
		return kz_err(err, KZ_ENOMEM, "out of memory watching '%s'", opt->path);
	}
	w->opt = *opt;
	w->opt.path = w->path;
	w->seen = -1;
	*out = w;
	return KZ_OK;
}

void
kz_watch_close(struct kz_watch *w)
{
	if (w == NULL)
		return;
	kz_db_close(w->db);
	free(w->path);
	free(w);
}

static void
drop(struct kz_watch *w)
{
	kz_db_close(w->db);
	w->db = NULL;
	w->busy_since = 0;
	w->retry_at = kz_clock_now() + w->opt.retry_seconds;
}

static int
connect(struct kz_watch *w)
{
	struct stat st;

	if (kz_clock_now() < w->retry_at)
		return 0;
	w->retry_at = kz_clock_now() + w->opt.retry_seconds;
	if (stat(w->path, &st) < 0 || kz_db_open(w->path, w->opt.flags, &w->db, NULL) != KZ_OK)
		return 0;
	kz_db_set_busy_ms(w->db, w->opt.busy_ms);
	w->dev = st.st_dev;
	w->ino = st.st_ino;
	w->seen = -1;
	w->busy_since = 0;
	return 1;
}

enum kz_watch_state
kz_watch_poll(struct kz_watch *w)
{
	struct stat st;
	int opened = 0;

	if (w->db == NULL && !(opened = connect(w)))
		return KZ_WATCH_DOWN;
	if (stat(w->path, &st) < 0 || st.st_dev != w->dev || st.st_ino != w->ino ||
		(w->version = kz_db_data_version(w->db)) < 0) {
		drop(w);
		return KZ_WATCH_LOST;
	}
	if (opened)
		return KZ_WATCH_OPENED;
	return w->version == w->seen ? KZ_WATCH_SAME : KZ_WATCH_CHANGED;
}

struct kz_db *
kz_watch_db(const struct kz_watch *w)
{
	return w->db;
}

void
kz_watch_seen(struct kz_watch *w)
{
	w->seen = w->version;
	w->busy_since = 0;
}

void
kz_watch_stale(struct kz_watch *w)
{
	w->seen = -1;
}

void
kz_watch_failed(struct kz_watch *w, int rc)
{
	if (w->db == NULL)
		return;
	if (rc != KZ_EBUSY) {
		drop(w);
		return;
	}
	if (w->busy_since == 0)
		w->busy_since = kz_clock_now();
}

int
kz_watch_connected(const struct kz_watch *w)
{
	return w->db != NULL &&
		(w->busy_since == 0 || kz_clock_now() - w->busy_since < w->opt.retry_seconds);
}
