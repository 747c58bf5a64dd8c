/*
 * events.c - the stream of hall changes; see events.h.  The watcher
 * thread (watch) looks at PRAGMA data_version through queue/watch.h every
 * watch_ms; each stream's thread waits on the condition for a newer
 * version (stream_read).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "events.h"
#include "queue/clock.h"
#include "queue/device.h"
#include "queue/watch.h"
#include "routes.h"
#include "session.h"

struct hall_events {
	struct kz_hall *hall;
	struct kz_watch *watch;
	pthread_t thread;
	int started;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	int64_t version; /* under lock */
	int stopping;    /* under lock */
};

/* One open stream. */
struct stream {
	struct hall_events *e;
	char token[65]; /* its session: the stream ends with it */
	int64_t device; /* or its device (devices.id): the stream ends when it is revoked */
	int64_t sent;   /* the version last sent, -1 before the first */
	int64_t seen;   /* when the device was last noted as seen through it */
};

static void
deadline_in(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

static void *
watch(void *arg)
{
	struct hall_events *e = arg;
	int ms = e->hall->opt.watch_ms > 0 ? e->hall->opt.watch_ms : 25;
	struct timespec until;

	pthread_mutex_lock(&e->lock);
	while (!e->stopping) {
		pthread_mutex_unlock(&e->lock);
		enum kz_watch_state st = kz_watch_poll(e->watch);
		pthread_mutex_lock(&e->lock);
		if (st == KZ_WATCH_CHANGED || st == KZ_WATCH_OPENED || st == KZ_WATCH_LOST) {
			e->version++;
			pthread_cond_broadcast(&e->changed);
		}
		if (st == KZ_WATCH_CHANGED || st == KZ_WATCH_OPENED)
			kz_watch_seen(e->watch);
		deadline_in(&until, ms);
		while (!e->stopping &&
			pthread_cond_timedwait(&e->changed, &e->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&e->lock);
	return NULL;
}

int
hall_events_start(struct kz_hall *h, char *err)
{
	struct kz_watch_options wo = {h->opt.db_path, KZ_DB_READONLY, 200, 2};
	struct hall_events *e = calloc(1, sizeof *e);
	pthread_condattr_t ca;
	int rc;

	if (e == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	e->hall = h;
	pthread_mutex_init(&e->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&e->changed, &ca);
	pthread_condattr_destroy(&ca);
	h->events = e;
	if ((rc = kz_watch_open(&wo, &e->watch, err)) != KZ_OK)
		return rc;
	if (pthread_create(&e->thread, NULL, watch, e) != 0)
		return kz_err(err, KZ_ENOMEM, "cannot start the database watch's thread");
	e->started = 1;
	return KZ_OK;
}

void
hall_events_stop(struct hall_events *e)
{
	if (e == NULL)
		return;
	pthread_mutex_lock(&e->lock);
	e->stopping = 1;
	pthread_cond_broadcast(&e->changed);
	pthread_mutex_unlock(&e->lock);
	if (e->started)
		pthread_join(e->thread, NULL);
	e->started = 0;
}

void
hall_events_free(struct hall_events *e)
{
	if (e == NULL)
		return;
	kz_watch_close(e->watch);
	pthread_cond_destroy(&e->changed);
	pthread_mutex_destroy(&e->lock);
	free(e);
}

int64_t
hall_events_version(struct hall_events *e)
{
	int64_t v;

	pthread_mutex_lock(&e->lock);
	v = e->version;
	pthread_mutex_unlock(&e->lock);
	return v;
}

/* Whether the stream's device is still enrolled (not revoked meanwhile).
 * A board may only listen for hours: its open stream counts as hearing
 * from it, noted as seldom as a request's. */
static int
device_live(struct kz_hall *h, struct stream *s)
{
	int64_t now = kz_clock_now();
	int live = 0, rc;

	pthread_mutex_lock(&h->db_lock);
	rc = kz_device_live(h->db, s->device, &live, NULL);
	if (rc == KZ_OK && live && s->seen < now - KZ_DEVICE_SEEN_SECONDS &&
		kz_device_seen(h->db, s->device, now, NULL) == KZ_OK)
		s->seen = now;
	pthread_mutex_unlock(&h->db_lock);
	return rc != KZ_OK || live; /* a busy database ends no stream */
}

/* libmicrohttpd asks for the stream's next bytes: wait for a change (or
 * the keep-alive time) in this connection's own thread. */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	struct hall_events *e = s->e;
	struct hall_session who;
	struct timespec until;
	int64_t v;
	int n, timed_out = 0, stop;

	(void)pos;
	deadline_in(&until, HALL_KEEPALIVE * 1000L);
	pthread_mutex_lock(&e->lock);
	while (!e->stopping && e->version == s->sent && !timed_out)
		timed_out = pthread_cond_timedwait(&e->changed, &e->lock, &until) == ETIMEDOUT;
	v = e->version;
	stop = e->stopping;
	pthread_mutex_unlock(&e->lock);
	if (!stop && s->device && !device_live(e->hall, s)) {
		hall_log(e->hall, "device#%lld revoked: its stream ended", (long long)s->device);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (stop || (!s->device && !hall_session_find(e->hall->sessions, s->token, &who)))
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (v == s->sent)
		n = snprintf(buf, max, ": keep-alive\n\n");
	else
		n = snprintf(buf, max, "%sevent: change\ndata: {\"version\":%lld,\"now\":%lld}\n\n",
			s->sent < 0 ? "retry: 1000\n" : "", (long long)v,
			(long long)kz_clock_now());
	s->sent = v;
	return n > 0 && (size_t)n < max ? n : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void
stream_free(void *cls)
{
	free(cls);
}

int
hall_events_stream(struct hall_req *r)
{
	struct stream *s = calloc(1, sizeof *s);

	if (s == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	s->e = r->hall->events;
	s->sent = -1;
	s->seen = kz_clock_now(); /* the request that opened it was noted */
	snprintf(s->token, sizeof s->token, "%s", r->sess.token);
	s->device = r->sess.device_id;
	r->resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, stream_read, s,
		stream_free);
	if (r->resp == NULL) {
		free(s);
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	}
	MHD_add_response_header(r->resp, "Content-Type", "text/event-stream; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	MHD_add_response_header(r->resp, "X-Accel-Buffering", "no");
	r->status = 200;
	return KZ_OK;
}
