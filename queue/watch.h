/*
 * watch.h - a long-running program's eye on the hall database: it opens the
 * file, notices when another process committed (PRAGMA data_version), and
 * when the file was replaced (restored from a backup), removed or became
 * unreadable; then it reconnects by itself on a bounded schedule driven by
 * the injectable clock (queue/clock.h).  The kiosk, the board and any later
 * service poll it at each turn and read the hall only when it changed.
 *
 * Start at kz_watch_poll.  The watch keeps no hall data: the caller reads
 * with kz_watch_db() and says how the read went (kz_watch_seen on success,
 * kz_watch_failed otherwise).
 */
#ifndef KZ_WATCH_H
#define KZ_WATCH_H

#include <stdint.h>

#include "db.h"

struct kz_watch;

struct kz_watch_options {
	const char *path;  /* the database file; copied */
	int flags;         /* kz_db_open flags: 0, or KZ_DB_READONLY for a reader */
	int busy_ms;       /* how long a read waits for a lock (kz_db_set_busy_ms) */
	int retry_seconds; /* between attempts to reopen a lost database (> 0) */
};

/* What kz_watch_poll saw. */
enum kz_watch_state {
	KZ_WATCH_DOWN,    /* no connection, and not yet time to try again */
	KZ_WATCH_LOST,    /* the connection was lost just now: file replaced, gone or unreadable */
	KZ_WATCH_OPENED,  /* (re)connected just now: read everything */
	KZ_WATCH_CHANGED, /* connected; something was committed since the last kz_watch_seen */
	KZ_WATCH_SAME,    /* connected; nothing new since the last kz_watch_seen */
};

/* A watch on opt->path, not yet connected (the first kz_watch_poll tries at
 * once).  KZ_ENOMEM, or KZ_EINVAL for a missing path or retry_seconds <= 0. */
int kz_watch_open(const struct kz_watch_options *opt, struct kz_watch **out, char *err);

/* Close the connection and free w (NULL is fine). */
void kz_watch_close(struct kz_watch *w);

/* One look: reconnect if the retry time has come, check that the file is
 * the one opened (device and inode) and readable, and compare its
 * data_version with the one last acknowledged. */
enum kz_watch_state kz_watch_poll(struct kz_watch *w);

/* The connection, NULL while down.  Owned by the watch: valid until the
 * next kz_watch_poll, kz_watch_failed or kz_watch_close. */
struct kz_db *kz_watch_db(const struct kz_watch *w);

/* The caller read the hall after the last poll: that version is now seen,
 * and a lock that held reads back is over. */
void kz_watch_seen(struct kz_watch *w);

/* Forget the version seen, so the next poll says KZ_WATCH_CHANGED (after
 * the caller itself wrote something it wants to read back). */
void kz_watch_stale(struct kz_watch *w);

/* A read failed with rc: KZ_EBUSY is a lock held by someone else (the
 * connection stays; the caller keeps what it shows and tries at the next
 * turn); anything else drops the connection and schedules a reconnect. */
void kz_watch_failed(struct kz_watch *w, int rc);

/* Connected, and not held back by a lock for retry_seconds or more. */
int kz_watch_connected(const struct kz_watch *w);

#endif
