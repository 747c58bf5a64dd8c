/*
 * printd.c - one printer's service: claim, make, check, send, record.
 * Start at kz_printd_step.  The job's document comes from the table of
 * documents (documents/documents.h), its bytes go through the printer's
 * transport (transport.h), one path for all.  The printer is reached afresh
 * for every job, so a printer switched off and on again needs nothing from
 * us.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "documents/documents.h"
#include "ink/layout.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "printd.h"
#include "printer/escpos.h"
#include "printer/transport.h"
#include "queue/clock.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/outbox.h"

#define FEED_LINES        4  /* clear the cutter so the tear is below the text */
#define IDLE_POLL_SECONDS 15 /* when idle, ask the printer how it is this often */

struct kz_printd {
	struct kz_printd_options opt;
	const struct kz_transport_ops *ops;
	struct kz_typeset *ts;
	struct kz_db *db;
	struct kz_bytes out;
	int64_t polled_at;         /* when the printer's state was last asked */
	struct kz_doc_source docs; /* where the documents load their data */
	int told;                  /* the transport told the printer's state during the send */
	struct kz_health last;     /* what it told last */
};

/* The bytes the printer takes: ESC/POS raster, or a PDF for an A4 printer.
 * A document that cannot go on this printer's paper is refused here. */
static int
make_output(struct kz_printd *pd, const struct kz_print_job *j, char *err)
{
	const char *what = kz_outbox_doc_name(j->document);
	enum kz_paper paper = kz_document_paper(pd->opt.printer);
	struct kz_layout *l;
	struct kz_bitmap *bm = NULL;
	int rc;

	pd->out.len = 0;
	if ((rc = kz_document_check_paper(j->document, pd->opt.cfg, pd->opt.printer, err)) != KZ_OK)
		return rc;
	if ((l = malloc(sizeof *l)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a %s", what);
	rc = kz_document_make(&pd->docs, j, paper, l, err);
	if (rc == KZ_OK && pd->ops->pdf) {
		const struct kz_layout *pages[] = {l};
		rc = kz_pdf_memory(pages, 1, pd->opt.font_dir, &pd->out, err);
	} else if (rc == KZ_OK) {
		rc = kz_layout_bitmap(pd->ts, l, &bm, err);
		if (rc == KZ_OK)
			rc = kz_escpos_print(bm, FEED_LINES, 1, &pd->out);
		if (rc != KZ_OK && rc != KZ_ENOMEM && bm != NULL)
			kz_err(err, rc, "cannot encode the %s for ESC/POS", what);
	}
	kz_bitmap_free(bm);
	free(l);
	return rc;
}

/* An ESC/POS printer that answers status is asked before each printout,
 * so paper out shows before the bytes go; cups and folder are not. */
static int
asks_first(const struct kz_printd *pd)
{
	return pd->ops->health == NULL && kz_transport_can_ask(pd->ops, pd->opt.printer->status);
}

/* Ask the printer how it is and record it; 0 if it can print.  reason
 * (KZ_ERR_LEN bytes) gets why not. */
static int
check_printer(struct kz_printd *pd, void *conn, char *reason)
{
	struct kz_health h;
	char err[KZ_ERR_LEN];

	kz_transport_health(pd->ops, conn, pd->opt.io_timeout_ms, &h, err);
	kz_printer_set_state(pd->db, pd->opt.printer->name, h.state, h.reason, err);
	snprintf(reason, KZ_ERR_LEN, "%s", h.reason);
	return !kz_transport_printable(&h);
}

/* The printer cannot take the job now: record why (state, unless
 * KZ_PRINTER_UNKNOWN: already recorded); the job waits. */
static int
postpone(struct kz_printd *pd, const struct kz_print_job *j, enum kz_printer_condition state,
	const char *reason, char *err)
{
	char e2[KZ_ERR_LEN];

	if (state != KZ_PRINTER_UNKNOWN)
		kz_printer_set_state(pd->db, pd->opt.printer->name, state, reason, e2);
	return kz_outbox_retry(pd->db, j->id, reason, pd->opt.retry_seconds, err);
}

/* A transport that follows a job (cups) tells how the printer is while
 * the job waits or prints (paused, out of paper ...): recorded as it
 * changes, so every screen shows it while the job waits. */
static void
job_progress(void *arg, const struct kz_health *h)
{
	struct kz_printd *pd = arg;
	char e2[KZ_ERR_LEN];

	if (pd->told && h->state == pd->last.state && strcmp(h->reason, pd->last.reason) == 0)
		return;
	pd->told = 1;
	pd->last = *h;
	kz_printer_set_state(pd->db, pd->opt.printer->name, h->state, h->reason, e2);
}

/* Reach the printer, check it, send the printout until its transport
 * says done, record. */
static int
send_job(struct kz_printd *pd, const struct kz_print_job *j, int *printed, char *err)
{
	const char *doc = kz_outbox_doc_name(j->document);
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN], title[64], name[96], stamp[32];
	struct kz_printout p = {pd->out.data, pd->out.len, title, name,
		pd->opt.printer->job_timeout_s * 1000, job_progress, pd};
	enum kz_unsent unsent;
	void *conn = NULL;
	int rc;

	snprintf(title, sizeof title, "Kezek %s %lld", doc, (long long)j->id);
	kz_clock_format(j->created_at, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
	snprintf(name, sizeof name, "%s-%06lld-%s-%s", stamp, (long long)j->id, doc, j->lang);
	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK)
		return postpone(pd, j, KZ_PRINTER_OFFLINE, why, err);
	if (asks_first(pd) && check_printer(pd, conn, reason)) {
		pd->ops->close(conn);
		return postpone(pd, j, KZ_PRINTER_UNKNOWN, reason, err);
	}
	pd->told = 0;
	rc = kz_transport_send(pd->ops, conn, &p, pd->opt.printer->status, pd->opt.io_timeout_ms,
		&unsent, why);
	pd->ops->close(conn);
	if (rc != KZ_OK && unsent != KZ_UNSENT_RETRY && !pd->told)
		kz_printer_set_state(pd->db, pd->opt.printer->name, KZ_PRINTER_OFFLINE, why,
			reason);
	if (rc != KZ_OK && unsent == KZ_UNSENT_UNCERTAIN)
		return kz_outbox_uncertain(pd->db, j->id, why, err);
	if (rc != KZ_OK && unsent == KZ_UNSENT_FAILED)
		return kz_outbox_fail(pd->db, j->id, why, err);
	if (rc != KZ_OK)
		return postpone(pd, j, pd->told ? KZ_PRINTER_UNKNOWN : KZ_PRINTER_OFFLINE, why,
			err);
	/* Fault injection for the crash test: die between sending and
	 * recording, the one moment that must not print twice. */
	if (getenv("KEZEK_FAULT_AFTER_SEND") != NULL)
		raise(SIGKILL);
	if ((rc = kz_outbox_done(pd->db, j->id, err)) != KZ_OK)
		return rc;
	if (!asks_first(pd) && !pd->told) /* nothing asked: the send alone tells */
		kz_printer_set_state(pd->db, pd->opt.printer->name, KZ_PRINTER_READY, "", why);
	*printed = 1;
	return KZ_OK;
}

/* Nothing to print: keep the printer's recorded state current anyway, so
 * the kiosk knows paper ran out before the next visitor comes. */
static void
poll_idle(struct kz_printd *pd)
{
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN], e2[KZ_ERR_LEN];
	void *conn = NULL;

	if (kz_clock_now() - pd->polled_at < IDLE_POLL_SECONDS)
		return;
	pd->polled_at = kz_clock_now();
	if (!kz_transport_can_ask(pd->ops, pd->opt.printer->status))
		return; /* nothing to ask; the next job will tell */
	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK) {
		kz_printer_set_state(pd->db, pd->opt.printer->name, KZ_PRINTER_OFFLINE, why, e2);
		return;
	}
	check_printer(pd, conn, reason);
	pd->ops->close(conn);
}

int
kz_printd_step(struct kz_printd *pd, int *printed, char *err)
{
	struct kz_print_job j;
	char why[KZ_ERR_LEN];
	int rc, dummy;

	if (printed == NULL)
		printed = &dummy;
	*printed = 0;
	rc = kz_outbox_claim(pd->db, pd->opt.printer->name, &j, err);
	if (rc == KZ_EEMPTY) {
		poll_idle(pd);
		return KZ_OK;
	}
	if (rc != KZ_OK)
		return rc;
	pd->polled_at = kz_clock_now(); /* sending asks the printer anyway */
	/* a document that cannot be made will not be made by waiting */
	if (make_output(pd, &j, why) != KZ_OK)
		return kz_outbox_fail(pd->db, j.id, why, err);
	return send_job(pd, &j, printed, err);
}

int
kz_printd_open(const struct kz_printd_options *opt, struct kz_printd **out, int *uncertain,
	char *err)
{
	struct kz_printd *pd = calloc(1, sizeof *pd);
	int rc;

	*out = NULL;
	if (pd == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory starting the printer service");
	pd->opt = *opt;
	pd->ops = kz_transport_find(opt->printer->transport);
	if (pd->ops == NULL) {
		free(pd);
		return kz_err(err, KZ_ECONFIG,
			"[printer %s]: no transport; use tcp, device, usb or cups-raw",
			opt->printer->name);
	}
	if (pd->ops->pdf != (opt->printer->role == KZ_ROLE_A4)) {
		int pdf = pd->ops->pdf;

		free(pd);
		return kz_err(err, KZ_ECONFIG, "[printer %s]: a %s printer needs transport %s",
			opt->printer->name, kz_config_role_name(opt->printer->role),
			pdf ? "tcp, device, usb or cups-raw" : "cups or folder");
	}
	if ((rc = kz_db_open(opt->db_path, 0, &pd->db, err)) != KZ_OK ||
		(rc = kz_typeset_open(opt->font_dir, &pd->ts, err)) != KZ_OK ||
		(rc = kz_outbox_recover(pd->db, opt->printer->name, uncertain, err)) != KZ_OK) {
		kz_printd_close(pd);
		return rc;
	}
	pd->docs = (struct kz_doc_source){pd->db, opt->cfg, opt->printer->name, NULL};
	*out = pd;
	return KZ_OK;
}

void
kz_printd_close(struct kz_printd *pd)
{
	if (pd == NULL)
		return;
	kz_typeset_close(pd->ts);
	kz_doc_source_close(&pd->docs);
	kz_db_close(pd->db);
	kz_bytes_free(&pd->out);
	free(pd);
}
