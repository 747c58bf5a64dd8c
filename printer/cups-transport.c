/* cups-transport.c - the two CUPS rows of the transport table: cups (A4
 * PDF to an office printer's queue) and cups-raw (ESC/POS bytes to a raw
 * queue of a thermal printer).  Done is the job completed; see cups.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cups.h"
#include "queue/error.h"
#include "transport.h"

/* The open state: the queue's name. */
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

/* The printer as staff see it: the plain sentence, else CUPS' reasons. */
static void
health_of(const struct kz_cups_printer *p, struct kz_health *h)
{
	h->state = p->condition;
	if (p->said[0] != '\0')
		snprintf(h->reason, sizeof h->reason, "%s", p->said);
	else if (strcmp(p->reasons, "none") != 0 && p->condition != KZ_PRINTER_READY)
		snprintf(h->reason, sizeof h->reason, "%s", p->reasons);
	else
		h->reason[0] = '\0';
}

struct follow {
	const struct kz_printout *p;
};

static void
job_progress(void *arg, const struct kz_cups_result *r)
{
	const struct follow *f = arg;
	struct kz_health h;

	health_of(&r->printer, &h);
	f->p->progress(f->p->progress_arg, &h);
}

/* At the job's end, what the printer is: its state when CUPS told it,
 * offline with the reason when CUPS itself could not be reached. */
static void
report_end(const struct kz_printout *p, const struct kz_cups_result *r, int rc, const char *err)
{
	struct kz_health h;

	if (p->progress == NULL)
		return;
	health_of(&r->printer, &h);
	if (rc != KZ_OK && r->printer.condition == KZ_PRINTER_UNKNOWN) {
		h.state = KZ_PRINTER_OFFLINE;
		snprintf(h.reason, sizeof h.reason, "%s", err);
	}
	p->progress(p->progress_arg, &h);
}

static enum kz_unsent
unsent_of(enum kz_cups_end end)
{
	switch (end) {
	case KZ_CUPS_UNKNOWN:
		return KZ_UNSENT_UNCERTAIN;
	case KZ_CUPS_GAVE_UP:
		return KZ_UNSENT_FAILED;
	case KZ_CUPS_PRINTED:
	case KZ_CUPS_NOT_PRINTED:
		break;
	}
	return KZ_UNSENT_RETRY;
}

static int
deliver(void *state, const struct kz_printout *p, int raw, int timeout_ms, enum kz_unsent *unsent,
	char *err)
{
	struct follow f = {p};
	struct kz_cups_job j = {
		.queue = state,
		.title = p->title,
		.data = p->data,
		.len = p->len,
		.raw = raw,
		.io_timeout_ms = timeout_ms,
		.job_ms = p->job_ms > 0 ? p->job_ms : timeout_ms,
		.progress = p->progress ? job_progress : NULL,
		.arg = &f,
	};
	struct kz_cups_result res;
	int rc = kz_cups_print(&j, &res, err);

	*unsent = rc == KZ_OK ? KZ_UNSENT_RETRY : unsent_of(res.end);
	report_end(p, &res, rc, err ? err : "");
	return rc;
}

static int
cups_deliver(void *state, const struct kz_printout *p, int timeout_ms, enum kz_unsent *unsent,
	char *err)
{
	return deliver(state, p, 0, timeout_ms, unsent, err);
}

static int
cups_raw_deliver(void *state, const struct kz_printout *p, int timeout_ms, enum kz_unsent *unsent,
	char *err)
{
	return deliver(state, p, 1, timeout_ms, unsent, err);
}

/* The queue's state, read as staff see it. */
static int
cups_health(void *state, int timeout_ms, struct kz_health *h, char *err)
{
	struct kz_cups_printer p;
	char st[16];
	int rc;

	(void)timeout_ms; /* kz_cups_state keeps to KZ_CUPS_STATE_MS */
	if ((rc = kz_cups_state(state, st, &p, h->reason)) != KZ_OK) {
		h->state = KZ_PRINTER_OFFLINE;
		return kz_err(err, rc, "%s", h->reason);
	}
	health_of(&p, h);
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

const struct kz_transport_ops kz_transport_cups_raw = {
	.kind = KZ_TRANSPORT_CUPS_RAW,
	.name = "cups-raw",
	.pdf = 0,
	.open = cups_open,
	.close = cups_close,
	.deliver = cups_raw_deliver,
	.health = cups_health,
};
