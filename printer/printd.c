/*
 * printd.c - one printer's service: claim, make, check, send, record.
 * Start at kz_printd_step.  The printer is reached afresh for every job, so
 * a printer switched off and on again needs nothing from us.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printd.h"
#include "printer/bitmap.h"
#include "printer/doc-test.h"
#include "printer/doc-ticket.h"
#include "printer/escpos.h"
#include "printer/transport.h"
#include "printer/typeset.h"
#include "queue/clock.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/outbox.h"

#define FEED_LINES 4 /* clear the cutter so the tear is below the text */

struct kz_printd {
	struct kz_printd_options opt;
	const struct kz_transport_ops *ops;
	struct kz_typeset *ts;
	struct kz_db *db;
	struct kz_bytes out;
};

static const char *
service_name(const struct kz_config *cfg, const char *code, const char *lang)
{
	const struct kz_service_conf *s = kz_config_service(cfg, code);

	if (s == NULL)
		return code;
	return strcmp(lang, "kk") == 0 ? s->name_kk : s->name_ru;
}

/* The job's document as a printout. */
static int
make_bitmap(struct kz_printd *pd, const struct kz_print_job *j, struct kz_bitmap **bm, char *err)
{
	const struct kz_config *cfg = pd->opt.cfg;
	const char *office = strcmp(j->lang, "kk") == 0 ? cfg->name_kk : cfg->name_ru;
	int width = pd->opt.printer->paper == 58 ? KZ_DOTS_58MM : KZ_DOTS_80MM;

	if (strcmp(j->document, "ticket") == 0) {
		struct kz_ticket_doc d = {j->lang, office, service_name(cfg, j->service, j->lang),
			j->number, j->issued_at, j->ahead, j->resumes_at != 0, j->resumes_at};
		return kz_doc_ticket_bitmap(pd->ts, &d, width, bm, err);
	}
	if (strcmp(j->document, "test") == 0) {
		struct kz_doc_layout *l = malloc(sizeof *l);
		int rc;
		if (l == NULL)
			return kz_err(err, KZ_ENOMEM, "out of memory making a test page");
		rc = kz_doc_test_layout(j->lang, pd->opt.printer->name, office, kz_clock_now(), width,
			l, err);
		if (rc == KZ_OK)
			rc = kz_doc_layout_bitmap(pd->ts, l, bm, err);
		free(l);
		return rc;
	}
	return kz_err(err, KZ_EINVAL, "a %s cannot be printed on the thermal printer %s yet",
		j->document, pd->opt.printer->name);
}

/* What the printer's status says, recorded; 0 if it can print.  A
 * printer that answers status (status = yes) and stays silent is offline.
 * reason: KZ_ERR_LEN bytes. */
static int
check_printer(struct kz_printd *pd, void *conn, char *reason, size_t len)
{
	struct kz_printer_state st;
	const char *state = "ready";
	char err[KZ_ERR_LEN];

	reason[0] = '\0';
	if (!pd->opt.printer->status || pd->ops->status == NULL)
		return 0; /* no status channel: the write alone tells */
	if (pd->ops->status(conn, &st, pd->opt.io_timeout_ms, err) != KZ_OK) {
		kz_err(reason, 0, "no answer to a status request: %s", err);
		kz_printer_set_state(pd->db, pd->opt.printer->name, "offline", reason, err);
		return 1;
	}
	kz_escpos_state_text(&st, reason, len);
	if (st.paper_out)
		state = "paper_out";
	else if (st.cover_open)
		state = "cover_open";
	else if (st.error || st.cutter_error || st.unrecoverable)
		state = "error";
	else if ((st.valid & 2) && !st.online)
		state = "offline";
	else if (st.paper_near_end)
		state = "paper_low";
	kz_printer_set_state(pd->db, pd->opt.printer->name, state, reason, err);
	return strcmp(state, "ready") != 0 && strcmp(state, "paper_low") != 0;
}

/* The printer cannot take the job now: record why; the job waits. */
static int
postpone(struct kz_printd *pd, const struct kz_print_job *j, const char *state,
	const char *reason, char *err)
{
	char e2[KZ_ERR_LEN];

	if (state)
		kz_printer_set_state(pd->db, pd->opt.printer->name, state, reason, e2);
	return kz_outbox_retry(pd->db, j->id, reason, pd->opt.retry_seconds, err);
}

/* Reach the printer, check it, send the bytes. */
static int
send_job(struct kz_printd *pd, const struct kz_print_job *j, int *printed, char *err)
{
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN];
	void *conn = NULL;
	int rc;

	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK)
		return postpone(pd, j, "offline", why, err);
	if (check_printer(pd, conn, reason, sizeof reason)) {
		pd->ops->close(conn);
		return postpone(pd, j, NULL, reason, err);
	}
	rc = pd->ops->write(conn, pd->out.data, pd->out.len, pd->opt.io_timeout_ms, why);
	/* Bytes accepted by the network are not yet paper: a printer that
	 * answers status must answer after them too, or it did not take them.
	 * One without status is trusted with the write alone. */
	if (rc == KZ_OK && pd->opt.printer->status && pd->ops->status != NULL) {
		struct kz_printer_state st;
		rc = pd->ops->status(conn, &st, pd->opt.io_timeout_ms, why);
	}
	pd->ops->close(conn);
	if (rc != KZ_OK)
		return postpone(pd, j, "offline", why, err);
	if ((rc = kz_outbox_done(pd->db, j->id, err)) != KZ_OK)
		return rc;
	if (!pd->opt.printer->status)
		kz_printer_set_state(pd->db, pd->opt.printer->name, "ready", "", why);
	*printed = 1;
	return KZ_OK;
}

int
kz_printd_step(struct kz_printd *pd, int *printed, char *err)
{
	struct kz_bitmap *bm = NULL;
	struct kz_print_job j;
	char why[KZ_ERR_LEN];
	int rc, dummy;

	if (printed == NULL)
		printed = &dummy;
	*printed = 0;
	rc = kz_outbox_claim(pd->db, pd->opt.printer->name, &j, err);
	if (rc == KZ_EEMPTY)
		return KZ_OK;
	if (rc != KZ_OK)
		return rc;
	pd->out.len = 0;
	if ((rc = make_bitmap(pd, &j, &bm, why)) != KZ_OK ||
	    (rc = kz_escpos_print(bm, FEED_LINES, 1, &pd->out)) != KZ_OK) {
		kz_bitmap_free(bm);
		/* a document that cannot be made will not be made by waiting */
		return kz_outbox_fail(pd->db, j.id, rc == KZ_OK ? "cannot encode" : why, err);
	}
	kz_bitmap_free(bm);
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
			"[printer %s]: transport '%s' is not available in this build yet; use tcp, "
			"device or usb", opt->printer->name, opt->printer->transport);
	}
	if (strcmp(opt->printer->role, "a4") == 0) {
		free(pd);
		return kz_err(err, KZ_ECONFIG,
			"[printer %s]: A4 printing through CUPS is not available in this build yet",
			opt->printer->name);
	}
	if ((rc = kz_db_open(opt->db_path, 0, &pd->db, err)) != KZ_OK ||
	    (rc = kz_typeset_open(opt->font_dir, &pd->ts, err)) != KZ_OK ||
	    (rc = kz_outbox_recover(pd->db, opt->printer->name, uncertain, err)) != KZ_OK) {
		kz_printd_close(pd);
		return rc;
	}
	*out = pd;
	return KZ_OK;
}

void
kz_printd_close(struct kz_printd *pd)
{
	if (pd == NULL)
		return;
	kz_typeset_close(pd->ts);
	kz_db_close(pd->db);
	kz_bytes_free(&pd->out);
	free(pd);
}
