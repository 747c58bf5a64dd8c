/*
 * client.h - a device's side of kezek-hall: the board, the kiosk or the
 * print service on its own machine talks to the hall server through this
 * (libcurl, HTTPS with the hall's certificate pinned, the device's bearer
 * credential).  Every state-changing request carries an idempotency key,
 * so a request whose answer was lost is sent again with the same key and
 * the server answers what it answered the first time, doing nothing twice.
 *
 * Start at kz_remote_open.  Calls block for at most the timeout given; a
 * lost server is KZ_EDEVICE (with a message), never a crash or a hang.
 *
 * With ca_file the hall's own certificate is the only authority believed
 * (pinned); the server's address must be one the certificate names
 * (kezek-hall --make-certificate DIR --name HOST).  The credential is sent
 * only in the Authorization header, never in a URL.  One thread makes the
 * calls of a kz_remote; another may poll its stream meanwhile (they share
 * nothing that changes).  Without a credential (NULL or "") only public
 * paths answer: enrolment (remote/device.h).
 */
#ifndef KZ_REMOTE_CLIENT_H
#define KZ_REMOTE_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "queue/error.h"

struct kz_remote;

struct kz_remote_options {
	const char *server;     /* "https://hall.example:8443" or "http://127.0.0.1:PORT" */
	const char *credential; /* the device's credential (not a path); copied, wiped at close */
	const char *ca_file;    /* the hall's certificate to trust; NULL: the system's */
	int timeout_ms;         /* per request (connect + answer); 0: 5000 */
};

int kz_remote_open(const struct kz_remote_options *opt, struct kz_remote **out, char *err);
void kz_remote_close(struct kz_remote *r); /* NULL is fine */

/* A fresh idempotency key (32 characters [0-9a-f] from getrandom). */
void kz_remote_new_key(char key[33]);

/*
 * One request: method "GET" or "POST", path "/api/...", body (may be NULL;
 * not stolen), key: the idempotency key for a POST (NULL for a GET; a POST
 * without one is refused by the server).  *status gets the HTTP status and
 * *answer (may be NULL) the JSON answer, owned by the caller (NULL for an
 * empty one).  Returns KZ_OK whenever an answer came, whatever its status
 * (the caller reads "error"/"message"); KZ_EDEVICE when none came (server
 * down, cable pulled, timeout), after which the same call with the same
 * key may be repeated safely; KZ_EINVAL for a malformed answer.
 */
int kz_remote_call(struct kz_remote *r, const char *method, const char *path, json_t *body,
	const char *key, int *status, json_t **answer, char *err);

/* The same, for an answer that is not JSON (a document's bytes): *data is
 * malloc'd (caller frees), *len its size. */
int kz_remote_fetch(struct kz_remote *r, const char *path, int *status, unsigned char **data,
	size_t *len, char *err);

/*
 * The change stream (GET /api/events as a device): the server says
 * "change" within 250 ms of a commit.  kz_remote_stream_poll waits at most
 * wait_ms and returns 1 when a change (or a reconnect, after which the
 * caller must re-read everything) came, 0 when nothing did, KZ_EDEVICE
 * while the server cannot be reached (the stream reconnects by itself on
 * later polls, at most every second).  One stream per kz_remote.
 */
int kz_remote_stream_poll(struct kz_remote *r, int wait_ms, char *err);
/* (As built: the first connection also returns 1.  A stream lost returns
 * KZ_EDEVICE when wait_ms runs out without its coming back; a refused one
 * too (HTTP 401: the device was revoked), its message saying so.  A stream
 * silent for 45 s, twice the server's keep-alive, counts as lost.) */
int kz_remote_stream_connected(const struct kz_remote *r);

#endif
