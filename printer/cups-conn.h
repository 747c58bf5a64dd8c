/*
 * cups-conn.h - one connection to cupsd for cups.c and cups-events.c: each
 * exchange bounded by the I/O deadline (libcups asks, every quarter of a
 * second, whether to go on waiting), requests addressed to a queue.
 */
#ifndef KZ_CUPS_CONN_H
#define KZ_CUPS_CONN_H

#include <cups/cups.h>

struct kz_cups_conn {
	http_t *http;
	int io_ms;          /* each exchange */
	long long deadline; /* of the exchange under way */
	char where[300];    /* the server, for messages */
};

/* Connect to libcups' server within io_ms; KZ_OK or KZ_EDEVICE. */
int kz_cups_conn_open(struct kz_cups_conn *c, int io_ms, char *err);

void kz_cups_conn_close(struct kz_cups_conn *c);

/* The next exchange may take c->io_ms from now. */
void kz_cups_conn_exchange(struct kz_cups_conn *c);

/* A request for op on queue, from this user. */
ipp_t *kz_cups_conn_request(ipp_op_t op, const char *queue);

/* Send req (freed) within one I/O deadline; the answer, or NULL when it
 * failed (cupsLastError says why).  "Not found" is an answer. */
ipp_t *kz_cups_conn_ask(struct kz_cups_conn *c, ipp_t *req);

/* KZ_EDEVICE for a request that went wrong: no answer by the deadline, a
 * lost server, or its refusal. */
int kz_cups_conn_failed(const struct kz_cups_conn *c, const char *what, const char *queue,
	char *err);

#endif
