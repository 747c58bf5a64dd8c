/* cups-conn.c - a connection to cupsd whose every exchange ends by its
 * deadline; see cups-conn.h. */
#include <stdio.h>
#include <sys/socket.h>

#include "printer/deadline.h"
#include "cups-conn.h"
#include "queue/error.h"

#define WAIT_STEP 0.25 /* s: libcups asks whether to wait on this often */

/* libcups' blocking reads and writes end at the deadline: it asks every
 * WAIT_STEP seconds whether to go on waiting. */
static int
still_waiting(http_t *http, void *data)
{
	const struct kz_cups_conn *c = data;

	(void)http;
	return kz_deadline_left(c->deadline) > 0;
}

void
kz_cups_conn_exchange(struct kz_cups_conn *c)
{
	c->deadline = kz_deadline_now() + c->io_ms;
}

int
kz_cups_conn_open(struct kz_cups_conn *c, int io_ms, char *err)
{
	const char *host = cupsServer();
	int port = ippPort();

	c->io_ms = io_ms;
	kz_cups_conn_exchange(c);
	if (host[0] == '/')
		snprintf(c->where, sizeof c->where, "%s", host);
	else
		snprintf(c->where, sizeof c->where, "%s:%d", host, port);
	/* 0 would be no limit to libcups: ask at least once */
	c->http = httpConnect2(host, port, NULL, AF_UNSPEC, cupsEncryption(), 1,
		io_ms > 0 ? io_ms : 1, NULL);
	if (c->http == NULL)
		return kz_err(err, KZ_EDEVICE,
			"cannot reach CUPS at %s within %d ms; check cupsd runs, and "
			"CUPS_SERVER or client.conf",
			c->where, io_ms);
	httpSetTimeout(c->http, WAIT_STEP, still_waiting, c);
	return KZ_OK;
}

void
kz_cups_conn_close(struct kz_cups_conn *c)
{
	httpClose(c->http);
	c->http = NULL;
}

int
kz_cups_conn_failed(const struct kz_cups_conn *c, const char *what, const char *queue, char *err)
{
	if (kz_deadline_left(c->deadline) == 0)
		return kz_err(err, KZ_EDEVICE,
			"CUPS at %s did not answer %s for queue '%s' within %d ms", c->where, what,
			queue, c->io_ms);
	return kz_err(err, KZ_EDEVICE, "CUPS at %s failed %s for queue '%s': %s", c->where, what,
		queue, cupsLastErrorString());
}

ipp_t *
kz_cups_conn_request(ipp_op_t op, const char *queue)
{
	ipp_t *req = ippNewRequest(op);
	char uri[HTTP_MAX_URI];

	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", ippPort(),
		"/printers/%s", queue);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
		cupsUser());
	return req;
}

ipp_t *
kz_cups_conn_ask(struct kz_cups_conn *c, ipp_t *req)
{
	ipp_t *res;

	kz_cups_conn_exchange(c);
	res = cupsDoRequest(c->http, req, "/");
	/* every successful-ok-* (0x0000-0x00ff: events-complete too) */
	if (res != NULL && cupsLastError() > 0x00ff &&
		cupsLastError() != IPP_STATUS_ERROR_NOT_FOUND) {
		ippDelete(res);
		return NULL;
	}
	return res;
}
