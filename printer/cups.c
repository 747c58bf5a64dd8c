/* cups.c - printouts to a CUPS queue over IPP (A4 PDF, or ESC/POS to a raw
 * queue), the job followed through its states to its end; each exchange
 * bounded by the I/O deadline, the job by its own; see cups.h. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cups/cups.h>

#include "printer/deadline.h"
#include "cups-conn.h"
#include "cups-events.h"
#include "cups.h"
#include "transport.h"
#include "queue/error.h"

#define CHUNK       65536 /* bytes a write to the server */
#define POLL_MIN_MS 20    /* the first look at a job: most small ones are done */
#define POLL_MAX_MS 500   /* later looks, no busier than this */

enum { P_IDLE = 3, P_PROCESSING = 4, P_STOPPED = 5 };
enum { J_PENDING = 3, J_HELD, J_PROCESSING, J_STOPPED, J_CANCELED, J_ABORTED, J_COMPLETED };

static void
sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000};

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
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

/* out (n bytes) gets " (message)" when res has a non-empty text attribute
 * name and it fits. */
static void
add_message(ipp_t *res, const char *name, char *out, size_t n)
{
	const char *msg = ippGetString(ippFindAttribute(res, name, IPP_TAG_TEXT), 0, NULL);
	size_t len = strlen(out);

	if (msg != NULL && msg[0] != '\0' && len + strlen(msg) + 4 < n)
		snprintf(out + len, n - len, " (%s)", msg);
}

/* printer-state (idle, processing, stopped) and its reasons, read for
 * staff; *accepting whether it takes jobs. */
static int
printer_state(struct kz_cups_conn *c, const char *queue, char *state, struct kz_cups_printer *p,
	int *accepting, char *err)
{
	static const char *const want[] = {"printer-state", "printer-state-reasons",
		"printer-state-message", "printer-is-accepting-jobs"};
	ipp_t *req = kz_cups_conn_request(IPP_OP_GET_PRINTER_ATTRIBUTES, queue), *res;
	int s;

	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, NULL,
		want);
	/* only an answer says not found: libcups says it too for a server
	 * it never reached */
	if ((res = kz_cups_conn_ask(c, req)) != NULL &&
		ippGetStatusCode(res) == IPP_STATUS_ERROR_NOT_FOUND) {
		ippDelete(res);
		return kz_err(err, KZ_EDEVICE, "no CUPS queue '%s' at %s; see lpstat -p", queue,
			c->where);
	}
	if (res == NULL)
		return kz_cups_conn_failed(c, "the printer's state", queue, err);
	s = ippGetInteger(ippFindAttribute(res, "printer-state", IPP_TAG_ENUM), 0);
	snprintf(state, 16, "%s",
		s == P_IDLE                 ? "idle"
			: s == P_PROCESSING ? "processing"
					    : "stopped");
	keywords(res, "printer-state-reasons", p->reasons, sizeof p->reasons);
	/* what cupsdisable -r or the driver said, in words */
	add_message(res, "printer-state-message", p->reasons, sizeof p->reasons);
	kz_cups_read_reasons(state, p);
	*accepting =
		ippGetBoolean(ippFindAttribute(res, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN),
			0);
	ippDelete(res);
	return KZ_OK;
}

/* Before a job: a stopped queue or one refusing jobs is told at once, and
 * nothing is sent. */
static int
check_printer(struct kz_cups_conn *c, const char *queue, struct kz_cups_result *out, char *err)
{
	char state[16];
	int accepting, rc = printer_state(c, queue, state, &out->printer, &accepting, err);

	if (rc != KZ_OK)
		return rc;
	if (strcmp(state, "stopped") == 0)
		return kz_err(err, KZ_EDEVICE,
			"queue '%s' is stopped: %s; start it with 'cupsenable %s' once the "
			"printer is ready",
			queue, out->printer.reasons, queue);
	if (!accepting)
		return kz_err(err, KZ_EDEVICE,
			"queue '%s' is not accepting jobs: %s; let it take jobs with "
			"'cupsaccept %s'",
			queue, out->printer.reasons, queue);
	return KZ_OK;
}

/* Create the job, asking for the page size a PDF was laid out on. */
static int
create_job(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_result *out,
	char *err)
{
	cups_option_t *opts = NULL;
	int n = 0;

	if (!j->raw)
		n = cupsAddOption("media", j->media ? j->media : KZ_CUPS_MEDIA_A4, n, &opts);
	kz_cups_conn_exchange(c);
	out->job_id = cupsCreateJob(c->http, j->queue, j->title ? j->title : "Kezek", n, opts);
	cupsFreeOptions(n, opts);
	if (out->job_id == 0)
		return kz_cups_conn_failed(c, "to create a job", j->queue, err);
	snprintf(out->state, sizeof out->state, "pending");
	return KZ_OK;
}

/* Send the data as the job's one document, its events recorded from
 * before it can start; a job left without its document is cancelled, not
 * left for the server to time out. */
static int
submit(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_events *ev,
	struct kz_cups_result *out, char *err)
{
	const char *format = j->raw ? CUPS_FORMAT_RAW : CUPS_FORMAT_PDF;
	size_t off = 0;
	int rc;

	if ((rc = create_job(c, j, out, err)) != KZ_OK)
		return rc;
	kz_cups_events_start(c, j->queue, out->job_id, ev);
	kz_cups_conn_exchange(c);
	if (cupsStartDocument(c->http, j->queue, out->job_id, j->title, format, 1) !=
		HTTP_STATUS_CONTINUE)
		goto failed;
	while (off < j->len) {
		size_t n = j->len - off < CHUNK ? j->len - off : CHUNK;

		kz_cups_conn_exchange(c);
		if (cupsWriteRequestData(c->http, (const char *)j->data + off, n) !=
			HTTP_STATUS_CONTINUE)
			goto failed;
		off += n;
	}
	kz_cups_conn_exchange(c);
	if (cupsFinishDocument(c->http, j->queue) <= IPP_STATUS_OK_CONFLICTING)
		return KZ_OK;
failed:
	kz_cups_conn_failed(c, "to take the document", j->queue, err);
	kz_cups_conn_exchange(c);
	cupsCancelJob2(c->http, j->queue, out->job_id, 0);
	snprintf(out->state, sizeof out->state, "canceled");
	return KZ_EDEVICE;
}

static const char *
job_state_name(int s)
{
	switch (s) {
	case J_HELD:
		return "held";
	case J_PROCESSING:
		return "processing";
	case J_STOPPED:
		return "stopped";
	case J_CANCELED:
		return "canceled";
	case J_ABORTED:
		return "aborted";
	case J_COMPLETED:
		return "completed";
	}
	return "pending";
}

/* One look at the job: its state and reasons into out; the IPP job-state,
 * or 0 when CUPS did not answer (err says why). */
static int
job_state(struct kz_cups_conn *c, const char *queue, struct kz_cups_result *out, char *err)
{
	static const char *const want[] = {"job-state", "job-state-reasons", "job-state-message",
		"job-impressions-completed"};
	ipp_t *req = kz_cups_conn_request(IPP_OP_GET_JOB_ATTRIBUTES, queue), *res;
	int s;

	ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", out->job_id);
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, NULL,
		want);
	if ((res = kz_cups_conn_ask(c, req)) == NULL ||
		ippGetStatusCode(res) > IPP_STATUS_OK_CONFLICTING) {
		ippDelete(res);
		kz_cups_conn_failed(c, "the job's state", queue, err);
		return 0;
	}
	s = ippGetInteger(ippFindAttribute(res, "job-state", IPP_TAG_ENUM), 0);
	keywords(res, "job-state-reasons", out->reasons, sizeof out->reasons);
	add_message(res, "job-state-message", out->reasons, sizeof out->reasons);
	out->impressions =
		ippGetInteger(ippFindAttribute(res, "job-impressions-completed", IPP_TAG_INTEGER),
			0);
	ippDelete(res);
	s = s >= J_PENDING && s <= J_COMPLETED ? s : J_PENDING;
	snprintf(out->state, sizeof out->state, "%s", job_state_name(s));
	return s;
}

/* Look at the job and its printer, reconnecting to a cupsd that went away
 * (restarted, say); the job-state or 0. */
static int
look(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_events *ev,
	struct kz_cups_result *out, char *err)
{
	char state[16];
	int s, accepting;

	if (c->http == NULL && kz_cups_conn_open(c, j->io_timeout_ms, err) != KZ_OK)
		return 0;
	if ((s = job_state(c, j->queue, out, err)) == 0) {
		kz_cups_conn_close(c);
		return 0;
	}
	/* read after the job's state: every event before it is in */
	if (kz_cups_events_read(c, j->queue, ev) == 0 && ev->handed)
		out->handed = 1;
	/* at its end too: the printer staff see next is the one after the job */
	if (s < J_CANCELED || s == J_COMPLETED) {
		char e2[KZ_ERR_LEN];

		printer_state(c, j->queue, state, &out->printer, &accepting, e2);
		if (s == J_PROCESSING &&
			strstr(out->printer.reasons, "cups-waiting-for-job-completed") != NULL)
			out->handed = 1;
		if (j->progress != NULL && s < J_CANCELED)
			j->progress(j->arg, out);
	}
	return s;
}

/* The job waits again (a paused queue put it back) after the printer
 * had it whole: CUPS would send it again from its start. */
static int
put_back(int s, const struct kz_cups_result *out)
{
	return (s == J_PENDING || s == J_HELD || s == J_STOPPED) &&
		(out->handed || out->impressions > 0);
}

/* A job put back after the printer had it whole: cancel CUPS' second
 * sending; printed, as far as CUPS can tell (the printer took it whole). */
static int
keep_once(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_result *out,
	char *err)
{
	kz_cups_conn_exchange(c);
	if (cupsCancelJob2(c->http, j->queue, out->job_id, 0) > IPP_STATUS_OK_CONFLICTING) {
		out->end = KZ_CUPS_UNKNOWN;
		return kz_err(err, KZ_EDEVICE,
			"job %d on queue '%s' was put back to wait (%s; printer: %s) after the "
			"printer had it, and CUPS did not cancel its second sending: %s; it may "
			"print twice",
			out->job_id, j->queue, out->reasons, out->printer.reasons,
			cupsLastErrorString());
	}
	snprintf(out->state, sizeof out->state, "completed");
	out->end = KZ_CUPS_PRINTED;
	return KZ_OK;
}

/* The job did not start by its deadline: withdraw it, so it cannot print
 * later behind the next try. */
static int
withdraw(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_result *out,
	int job_ms, char *err)
{
	kz_cups_conn_exchange(c);
	if (cupsCancelJob2(c->http, j->queue, out->job_id, 0) > IPP_STATUS_OK_CONFLICTING) {
		out->end = KZ_CUPS_UNKNOWN;
		return kz_err(err, KZ_EDEVICE,
			"job %d on queue '%s' still %s after %d s (%s; printer: %s), and CUPS "
			"did not cancel it: %s",
			out->job_id, j->queue, out->state, job_ms / 1000, out->reasons,
			out->printer.reasons, cupsLastErrorString());
	}
	out->end = KZ_CUPS_NOT_PRINTED;
	return kz_err(err, KZ_EDEVICE,
		"job %d on queue '%s' was still %s after %d s and was withdrawn unprinted: %s; "
		"printer: %s",
		out->job_id, j->queue, out->state, job_ms / 1000, out->reasons,
		out->printer.reasons);
}

/* The job deadline passed with the job not ended.  Unstarted (pending,
 * held, stopped, or processing while CUPS still tries to reach the
 * printer) it is withdrawn; printing, it may yet come out. */
static int
overdue(struct kz_cups_conn *c, const struct kz_cups_job *j, int s, struct kz_cups_result *out,
	char *err)
{
	/* CUPS' backend still trying to reach the printer (or told it is
	 * busy), nothing handed over yet: once it has, it waits for the
	 * printer to complete */
	int unreached = s == J_PROCESSING && !out->handed &&
		(out->printer.condition == KZ_PRINTER_OFFLINE ||
			kz_cups_not_reached(&out->printer));

	if (c->http == NULL || s == 0) {
		out->end = KZ_CUPS_UNKNOWN;
		return kz_err(err, KZ_EDEVICE,
			"lost CUPS at %s while job %d on queue '%s' was %s; it may still print",
			c->where, out->job_id, j->queue, out->state);
	}
	if (s != J_PROCESSING || unreached)
		return withdraw(c, j, out, j->job_ms, err);
	out->end = KZ_CUPS_UNKNOWN;
	return kz_err(err, KZ_EDEVICE,
		"job %d on queue '%s' still printing after %d s: %s; printer: %s", out->job_id,
		j->queue, j->job_ms / 1000, out->reasons, out->printer.reasons);
}

/* Until the job ends or its deadline: pending, held, processing and a
 * stopped queue are waits, not faults. */
static int
follow(struct kz_cups_conn *c, const struct kz_cups_job *j, struct kz_cups_events *ev,
	struct kz_cups_result *out, char *err)
{
	long long deadline = kz_deadline_now() + j->job_ms;
	int pause = POLL_MIN_MS, s;

	for (;;) {
		s = look(c, j, ev, out, err);
		if (s == J_COMPLETED) {
			out->end = KZ_CUPS_PRINTED;
			return KZ_OK;
		}
		if (put_back(s, out))
			return keep_once(c, j, out, err);
		if (s == J_CANCELED || s == J_ABORTED) {
			out->end = KZ_CUPS_GAVE_UP;
			return kz_err(err, KZ_EDEVICE,
				"job %d on queue '%s' was %s: %s; printer: %s", out->job_id,
				j->queue, s == J_CANCELED ? "cancelled" : "aborted", out->reasons,
				out->printer.reasons);
		}
		if (kz_deadline_left(deadline) == 0)
			return overdue(c, j, s, out, err);
		sleep_ms(pause < kz_deadline_left(deadline) ? pause : kz_deadline_left(deadline));
		pause = pause * 2 < POLL_MAX_MS ? pause * 2 : POLL_MAX_MS;
	}
}

int
kz_cups_print(const struct kz_cups_job *j, struct kz_cups_result *out, char *err)
{
	struct kz_cups_result spare;
	struct kz_cups_conn c = {0};
	struct kz_cups_events ev = {0};
	int rc;

	if (out == NULL)
		out = &spare;
	*out = (struct kz_cups_result){0, "pending", "none", KZ_CUPS_NOT_PRINTED, {0}, 0, 0};
	snprintf(out->printer.reasons, sizeof out->printer.reasons, "none");
	out->printer.said = "";
	if (j == NULL || (rc = check_queue(j->queue, err)) != KZ_OK)
		return j == NULL ? kz_err(err, KZ_EINVAL, "no CUPS job") : rc;
	if (j->data == NULL || j->len == 0)
		return kz_err(err, KZ_EINVAL, "nothing to print on queue '%s': the %s is empty",
			j->queue, j->raw ? "printout" : "PDF");
	if (j->io_timeout_ms < 0 || j->job_ms < 0)
		return kz_err(err, KZ_EINVAL, "a timeout is 0 ms or more, not %d",
			j->io_timeout_ms < 0 ? j->io_timeout_ms : j->job_ms);
	if ((rc = kz_cups_conn_open(&c, j->io_timeout_ms, err)) != KZ_OK)
		return rc;
	rc = check_printer(&c, j->queue, out, err);
	if (rc == KZ_OK && (rc = submit(&c, j, &ev, out, err)) != KZ_OK)
		out->end = out->job_id != 0 && strcmp(out->state, "canceled") != 0
			? KZ_CUPS_UNKNOWN
			: KZ_CUPS_NOT_PRINTED;
	if (rc == KZ_OK)
		rc = follow(&c, j, &ev, out, err);
	kz_cups_events_stop(&c, j->queue, &ev);
	kz_cups_conn_close(&c);
	return rc;
}

int
kz_cups_state(const char *queue, char *state, struct kz_cups_printer *p, char *err)
{
	struct kz_cups_conn c = {0};
	int accepting, rc;

	snprintf(state, 16, "stopped");
	snprintf(p->reasons, sizeof p->reasons, "none");
	p->condition = KZ_PRINTER_OFFLINE;
	p->said = "";
	if ((rc = check_queue(queue, err)) != KZ_OK)
		return rc;
	if ((rc = kz_cups_conn_open(&c, KZ_CUPS_STATE_MS, err)) != KZ_OK)
		return rc;
	rc = printer_state(&c, queue, state, p, &accepting, err);
	kz_cups_conn_close(&c);
	return rc;
}
