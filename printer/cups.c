/* cups.c - A4 PDF to a CUPS queue over IPP, the job followed to its end,
 * every wait bounded by one deadline; see cups.h. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <cups/cups.h>

#include "printer/deadline.h"
#include "cups.h"
#include "transport.h"
#include "queue/error.h"

#define CHUNK       65536 /* bytes a write to the server */
#define POLL_MIN_MS 20    /* the first look at a job: most small ones are done */
#define POLL_MAX_MS 250   /* later looks, no busier than this */
#define WAIT_STEP   0.25  /* s: libcups asks whether to wait on this often */

enum { P_IDLE = 3, P_PROCESSING = 4, P_STOPPED = 5 };
enum { J_PENDING = 3, J_HELD, J_PROCESSING, J_STOPPED, J_CANCELED, J_ABORTED, J_COMPLETED };

struct conn {
	http_t *http;
	long long deadline;
	char where[300]; /* the server, for messages */
};

static void
sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000};

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/* libcups' blocking reads and writes end at the deadline: it asks every
 * WAIT_STEP seconds whether to go on waiting. */
static int
still_waiting(http_t *http, void *data)
{
	const struct conn *c = data;

	(void)http;
	return kz_deadline_left(c->deadline) > 0;
}

/* As CUPS itself names queues: printable, none of / \ ? ' " # or space. */
static int
check_queue(const char *queue, char *err)
{
	size_t n = queue ? strlen(queue) : 0;

	if (n == 0 || n > 127)
		return kz_err(err, KZ_EINVAL, "a CUPS queue name is 1 to 127 characters, not %zu",
			n);
	for (const unsigned char *p = (const unsigned char *)queue; *p; p++)
		if (*p <= ' ' || *p == 127 || strchr("/\\?'\"#", *p))
			return kz_err(err, KZ_EINVAL,
				"'%s' is not a CUPS queue name: no spaces, / \\ ? ' \" or #",
				queue);
	return KZ_OK;
}

static int
open_conn(struct conn *c, int timeout_ms, char *err)
{
	const char *host = cupsServer();
	int port = ippPort(), ms;

	c->deadline = kz_deadline_now() + timeout_ms;
	if (host[0] == '/')
		snprintf(c->where, sizeof c->where, "%s", host);
	else
		snprintf(c->where, sizeof c->where, "%s:%d", host, port);
	/* 0 would be no limit to libcups: ask at least once */
	ms = kz_deadline_left(c->deadline) > 0 ? kz_deadline_left(c->deadline) : 1;
	c->http = httpConnect2(host, port, NULL, AF_UNSPEC, cupsEncryption(), 1, ms, NULL);
	if (c->http == NULL)
		return kz_err(err, KZ_EDEVICE,
			"cannot reach CUPS at %s within %d ms; check cupsd runs, and "
			"CUPS_SERVER or client.conf",
			c->where, timeout_ms);
	httpSetTimeout(c->http, WAIT_STEP, still_waiting, c);
	return KZ_OK;
}

/* KZ_EDEVICE for a request that went wrong: no answer by the deadline, a
 * lost server, or its refusal. */
static int
ipp_failed(const struct conn *c, const char *what, const char *queue, char *err)
{
	if (kz_deadline_left(c->deadline) == 0)
		return kz_err(err, KZ_EDEVICE,
			"CUPS at %s did not answer %s for queue '%s' in time", c->where, what,
			queue);
	return kz_err(err, KZ_EDEVICE, "CUPS at %s failed %s for queue '%s': %s", c->where, what,
		queue, cupsLastErrorString());
}

/* A keyword attribute's values as "a, b", or "none"; never longer than n. */
static void
keywords(ipp_t *res, const char *name, char *out, size_t n)
{
	ipp_attribute_t *a = ippFindAttribute(res, name, IPP_TAG_KEYWORD);
	size_t len = 0;

	snprintf(out, n, "none");
	for (int i = 0; a != NULL && i < ippGetCount(a) && len + 1 < n; i++) {
		const char *s = ippGetString(a, i, NULL);
		int w = snprintf(out + len, n - len, "%s%s", i ? ", " : "", s ? s : "?");

		len = w < 0 ? n : len + (size_t)w;
	}
}

static ipp_t *
new_request(ipp_op_t op, const char *queue)
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

/* printer-state and its reasons; *accepting whether it takes jobs. */
static int
printer_state(struct conn *c, const char *queue, char *state, char *reasons, int *accepting,
	char *err)
{
	static const char *const want[] = {"printer-state", "printer-state-reasons",
		"printer-state-message", "printer-is-accepting-jobs"};
	const char *msg;
	ipp_t *req = new_request(IPP_OP_GET_PRINTER_ATTRIBUTES, queue), *res;
	int s;

	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, NULL,
		want);
	res = cupsDoRequest(c->http, req, "/");
	/* only an answer says not found: libcups says it too for a server
	 * it never reached */
	if (res != NULL && ippGetStatusCode(res) == IPP_STATUS_ERROR_NOT_FOUND) {
		ippDelete(res);
		return kz_err(err, KZ_EDEVICE, "no CUPS queue '%s' at %s; see lpstat -p", queue,
			c->where);
	}
	if (res == NULL || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
		ippDelete(res);
		return ipp_failed(c, "the printer's state", queue, err);
	}
	s = ippGetInteger(ippFindAttribute(res, "printer-state", IPP_TAG_ENUM), 0);
	snprintf(state, 16, "%s",
		s == P_IDLE                 ? "idle"
			: s == P_PROCESSING ? "processing"
					    : "stopped");
	keywords(res, "printer-state-reasons", reasons, 256);
	/* what cupsdisable -r or the driver said, in words */
	msg = ippGetString(ippFindAttribute(res, "printer-state-message", IPP_TAG_TEXT), 0, NULL);
	if (msg != NULL && msg[0] != '\0' && strlen(reasons) + strlen(msg) + 4 < 256)
		sprintf(reasons + strlen(reasons), " (%s)", msg);
	*accepting =
		ippGetBoolean(ippFindAttribute(res, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN),
			0);
	ippDelete(res);
	return KZ_OK;
}

static int
check_printer(struct conn *c, const char *queue, struct kz_cups_result *out, char *err)
{
	char state[16];
	int accepting, rc = printer_state(c, queue, state, out->reasons, &accepting, err);

	if (rc != KZ_OK)
		return rc;
	if (strcmp(state, "stopped") == 0)
		return kz_err(err, KZ_EDEVICE,
			"queue '%s' is stopped: %s; start it with 'cupsenable %s' once the "
			"printer is ready",
			queue, out->reasons, queue);
	if (!accepting)
		return kz_err(err, KZ_EDEVICE,
			"queue '%s' is not accepting jobs: %s; let it take jobs with "
			"'cupsaccept %s'",
			queue, out->reasons, queue);
	return KZ_OK;
}

/* Create the job and send the PDF as its one document; a job left without
 * its document is cancelled, not left for the server to time out. */
static int
submit(struct conn *c, const char *queue, const char *title, const uint8_t *pdf, size_t len,
	struct kz_cups_result *out, char *err)
{
	size_t off = 0;

	out->job_id = cupsCreateJob(c->http, queue, title, 0, NULL);
	if (out->job_id == 0)
		return ipp_failed(c, "to create a job", queue, err);
	snprintf(out->state, sizeof out->state, "pending");
	if (cupsStartDocument(c->http, queue, out->job_id, title, CUPS_FORMAT_PDF, 1) !=
		HTTP_STATUS_CONTINUE)
		goto failed;
	while (off < len) {
		size_t n = len - off < CHUNK ? len - off : CHUNK;

		if (cupsWriteRequestData(c->http, (const char *)pdf + off, n) !=
			HTTP_STATUS_CONTINUE)
			goto failed;
		off += n;
	}
	if (cupsFinishDocument(c->http, queue) <= IPP_STATUS_OK_CONFLICTING)
		return KZ_OK;
failed:
	ipp_failed(c, "to take the document", queue, err);
	cupsCancelJob2(c->http, queue, out->job_id, 0);
	snprintf(out->state, sizeof out->state, "canceled");
	return KZ_EDEVICE;
}

/* One look at the job: its state into out; the IPP job-state, or 0. */
static int
job_state(struct conn *c, const char *queue, struct kz_cups_result *out, char *err)
{
	static const char *const want[] = {"job-state", "job-state-reasons"};
	ipp_t *req = new_request(IPP_OP_GET_JOB_ATTRIBUTES, queue), *res;
	int s;

	ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", out->job_id);
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, NULL,
		want);
	res = cupsDoRequest(c->http, req, "/");
	if (res == NULL || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
		ippDelete(res);
		ipp_failed(c, "the job's state", queue, err);
		return 0;
	}
	s = ippGetInteger(ippFindAttribute(res, "job-state", IPP_TAG_ENUM), 0);
	keywords(res, "job-state-reasons", out->reasons, sizeof out->reasons);
	ippDelete(res);
	snprintf(out->state, sizeof out->state, "%s",
		s == J_PROCESSING          ? "processing"
			: s == J_STOPPED   ? "stopped"
			: s == J_CANCELED  ? "canceled"
			: s == J_ABORTED   ? "aborted"
			: s == J_COMPLETED ? "completed"
					   : "pending");
	return s ? s : J_PENDING;
}

/* Until the job ends or the deadline.  A job waiting on a stopped queue
 * is told at once: only a person starts the queue again. */
static int
follow(struct conn *c, const char *queue, int timeout_ms, struct kz_cups_result *out, char *err)
{
	int pause = POLL_MIN_MS;

	for (;;) {
		int s = job_state(c, queue, out, err);

		if (s == 0)
			return KZ_EDEVICE;
		if (s == J_COMPLETED)
			return KZ_OK;
		if (s >= J_STOPPED)
			return kz_err(err, KZ_EDEVICE, "job %d on queue '%s' %s: %s", out->job_id,
				queue, out->state, out->reasons);
		if (strstr(out->reasons, "printer-stopped"))
			return kz_err(err, KZ_EDEVICE,
				"job %d waits: queue '%s' is stopped; start it with "
				"'cupsenable %s' once the printer is ready",
				out->job_id, queue, queue);
		if (kz_deadline_left(c->deadline) == 0)
			return kz_err(err, KZ_EDEVICE,
				"job %d on queue '%s' still %s after %d ms: %s", out->job_id, queue,
				out->state, timeout_ms, out->reasons);
		sleep_ms(pause < kz_deadline_left(c->deadline) ? pause
							       : kz_deadline_left(c->deadline));
		pause = pause * 2 < POLL_MAX_MS ? pause * 2 : POLL_MAX_MS;
	}
}

int
kz_cups_print(const char *queue, const char *title, const uint8_t *pdf, size_t len, int timeout_ms,
	struct kz_cups_result *out, char *err)
{
	struct kz_cups_result spare;
	struct conn c = {0};
	int rc;

	if (out == NULL)
		out = &spare;
	*out = (struct kz_cups_result){0, "pending", "none"};
	if ((rc = check_queue(queue, err)) != KZ_OK)
		return rc;
	if (pdf == NULL || len == 0)
		return kz_err(err, KZ_EINVAL, "nothing to print on queue '%s': the PDF is empty",
			queue);
	if (timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "a timeout is 0 ms or more, not %d", timeout_ms);
	if ((rc = open_conn(&c, timeout_ms, err)) != KZ_OK)
		return rc;
	rc = check_printer(&c, queue, out, err);
	if (rc == KZ_OK)
		rc = submit(&c, queue, title ? title : "Kezek", pdf, len, out, err);
	if (rc == KZ_OK)
		rc = follow(&c, queue, timeout_ms, out, err);
	httpClose(c.http);
	return rc;
}

int
kz_cups_state(const char *queue, char *state, char *reasons, char *err)
{
	struct conn c = {0};
	int accepting, rc;

	snprintf(state, 16, "stopped");
	snprintf(reasons, 256, "none");
	if ((rc = check_queue(queue, err)) != KZ_OK)
		return rc;
	if ((rc = open_conn(&c, KZ_CUPS_STATE_MS, err)) != KZ_OK)
		return rc;
	rc = printer_state(&c, queue, state, reasons, &accepting, err);
	httpClose(c.http);
	return rc;
}

/* The transport: its state is the queue's name. */
static int
cups_open(const char *address, int timeout_ms, void **state, char *err)
{
	(void)timeout_ms;
	if ((*state = strdup(address)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the CUPS queue %s", address);
	return KZ_OK;
}

static void
cups_close(void *state)
{
	free(state);
}

/* Done: the job completed.  Refused before a CUPS job existed, or a job
 * CUPS threw away, is safe to send again; a job that waits in CUPS may
 * still print. */
static int
cups_deliver(void *state, const struct kz_printout *p, int timeout_ms, enum kz_unsent *unsent,
	char *err)
{
	struct kz_cups_result res = {0};
	int rc = kz_cups_print(state, p->title, p->data, p->len, timeout_ms, &res, err);

	*unsent = KZ_UNSENT_RETRY;
	if (rc != KZ_OK && res.job_id != 0 && strcmp(res.state, "canceled") != 0 &&
		strcmp(res.state, "aborted") != 0)
		*unsent = KZ_UNSENT_UNCERTAIN;
	return rc;
}

/* The queue's state: stopped is offline; its reasons, unless "none". */
static int
cups_health(void *state, int timeout_ms, struct kz_health *h, char *err)
{
	char st[16], reasons[256];
	int rc;

	(void)timeout_ms; /* kz_cups_state keeps to KZ_CUPS_STATE_MS */
	if ((rc = kz_cups_state(state, st, reasons, h->reason)) != KZ_OK) {
		h->state = KZ_PRINTER_OFFLINE;
		return kz_err(err, rc, "%s", h->reason);
	}
	h->state = strcmp(st, "stopped") == 0 ? KZ_PRINTER_OFFLINE : KZ_PRINTER_READY;
	snprintf(h->reason, sizeof h->reason, "%s", strcmp(reasons, "none") == 0 ? "" : reasons);
	return KZ_OK;
}

const struct kz_transport_ops kz_transport_cups = {
	.kind = KZ_TRANSPORT_CUPS,
	.name = "cups",
	.pdf = 1,
	.open = cups_open,
	.close = cups_close,
	.deliver = cups_deliver,
	.health = cups_health,
};
