/*
 * events.h - the stream of hall changes (Server-Sent Events): a thread
 * watches the database (queue/watch.h, PRAGMA data_version) every few
 * milliseconds and wakes every open stream when anything was committed,
 * by this server or any other program.  A stream sends "event: change",
 * or a keep-alive comment every HALL_KEEPALIVE seconds, and ends when its
 * session does or the server stops.
 */
#ifndef KZ_HALL_EVENTS_H
#define KZ_HALL_EVENTS_H

#include "hall.h"

#define HALL_KEEPALIVE 15

/* Start watching (h->events).  KZ_OK, or the watch's error. */
int hall_events_start(struct kz_hall *h, char *err);
/* End every stream and the watch; hall_events_free after the
 * connections' threads are gone (NULL is fine). */
void hall_events_stop(struct hall_events *e);
void hall_events_free(struct hall_events *e);

/* The number of changes seen since the server started. */
int64_t hall_events_version(struct hall_events *e);

#endif
