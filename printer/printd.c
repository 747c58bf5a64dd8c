/*
 * printd.c - one printer's service: claim, make, check, send, record.
 * Start at kz_printd_step.  The printer is reached afresh for every job, so
 * a printer switched off and on again needs nothing from us.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "printd.h"
#include "printer/a4.h"
#include "printer/bitmap.h"
#include "printer/cups.h"
#include "printer/doc-form.h"
#include "printer/doc-notice.h"
#include "printer/doc-receipt.h"
#include "printer/doc-talon.h"
#include "printer/doc-test.h"
#include "printer/doc-ticket.h"
#include "printer/escpos.h"
#include "printer/pdf.h"
#include "printer/transport.h"
#include "printer/typeset.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/db.h"
#include "queue/directory.h"
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
	int64_t polled_at;            /* when the printer's state was last asked */
	struct kz_directory *offices; /* App. 1, loaded for the first receipt or notice */
};

static const char *
service_name(const struct kz_config *cfg, const char *code, const char *lang)
{
	const struct kz_service_conf *s = kz_config_service(cfg, code);

	if (s == NULL)
		return code;
	return strcmp(lang, "kk") == 0 ? s->name_kk : s->name_ru;
}

/* kk's text if there is one, else ru's (the directory is in Russian), else "—". */
static const char *
pick(const char *kk, const char *ru, int in_kk)
{
	if (in_kk && kk != NULL && kk[0] != '\0')
		return kk;
	return ru != NULL && ru[0] != '\0' ? ru : "\u2014";
}

/* The talon of p.25 for the complaint job j prints: its journal entry,
 * and this office's contacts from App. 1 and App. 5 (cfg->office). */
static int
talon_layout(struct kz_printd *pd, const struct kz_print_job *j, int width, struct kz_doc_layout *l,
	char *err)
{
	const struct kz_config *cfg = pd->opt.cfg;
	const struct kz_office_kk *kk = &cfg->office_kk;
	const struct kz_office_entry *o, *a;
	struct kz_directory *offices = NULL, *akimats = NULL;
	struct kz_complaint *m = malloc(sizeof *m);
	struct kz_talon_doc d;
	char body[2 * KZ_NAME_LEN + 8];
	int rc, in_kk = strcmp(j->lang, "kk") == 0;

	if (m == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a talon");
	if ((rc = kz_complaint_of_job(pd->db, j->id, m, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->offices, &offices, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->akimats, &akimats, err)) != KZ_OK)
		goto out;
	o = kz_dir_find(offices, cfg->office);
	a = kz_dir_find(akimats, cfg->office);
	if (o == NULL || a == NULL) {
		rc = kz_err(err, KZ_ECONFIG,
			"a talon prints this office's contacts (App. 1, App. 5), but '%s' is not a "
			"key of both %s and %s; set [hall] office (find it with 'kezek office find')",
			cfg->office, cfg->offices, cfg->akimats);
		goto out;
	}
	snprintf(body, sizeof body, "%s, %s", pick(kk->akimat_official, a->official, in_kk),
		pick(kk->akimat_name, a->name, in_kk));
	d = (struct kz_talon_doc){
		.lang = j->lang,
		.office = pick(kk->name, o->name, in_kk),
		.number = m->number,
		.registered_at = m->registered_at,
		.taker_name = m->clerk,
		.days = m->days,
		.answer_place = pick(kk->address, o->address, in_kk),
		.official_name = pick(kk->official, o->official, in_kk),
		.official_position = pick(kk->name, o->name, in_kk),
		.official_phone = pick(NULL, o->phones, 0),
		.body_name = body,
		.body_phone = pick(NULL, a->phones, 0),
		.body_email = pick(NULL, a->emails, 0),
	};
	if (kz_date_parse(m->due_day, &d.due) != 0) {
		rc = kz_err(err, KZ_EDB, "complaint %s has no due day", m->number);
		goto out;
	}
	rc = kz_doc_talon_layout(&d, width, l, err);
out:
	kz_dir_free(offices);
	kz_dir_free(akimats);
	free(m);
	return rc;
}

/* This office's name, address and phone in lang, as a receipt or notice
 * prints them: App. 1 (offices.csv, in Russian) under the configuration's
 * office key; in Kazakh, the [office] section's name and address where
 * given.  The address is where the result is issued. */
static int
office_contact(struct kz_printd *pd, const char *lang, const char **name, const char **address,
	const char **phone, char *err)
{
	const struct kz_config *cfg = pd->opt.cfg;
	const struct kz_office_entry *e;
	int kk = strcmp(lang, "kk") == 0, rc;

	if (cfg->office[0] == '\0')
		return kz_err(err, KZ_ECONFIG,
			"a receipt or notice needs this office's address and phone: set office = KEY "
			"in [hall] of %s (find the key with 'kezek office find TEXT')",
			cfg->path);
	if (pd->offices == NULL && (rc = kz_dir_load(cfg->offices, &pd->offices, err)) != KZ_OK)
		return rc;
	if ((e = kz_dir_find(pd->offices, cfg->office)) == NULL)
		return kz_err(err, KZ_ECONFIG,
			"office '%s' is not in %s; correct office = KEY in %s", cfg->office,
			cfg->offices, cfg->path);
	*name = kk ? (cfg->office_kk.name[0] ? cfg->office_kk.name : cfg->name_kk) : e->name;
	*address = kk && cfg->office_kk.address[0] ? cfg->office_kk.address : e->address;
	*phone = e->phones;
	return KZ_OK;
}

/* p.14: the receipt of the application job j prints. */
static int
receipt_layout(struct kz_printd *pd, const struct kz_print_job *j, int width,
	struct kz_doc_layout *l, char *err)
{
	const struct kz_hours *h = &pd->opt.cfg->hours;
	struct kz_receipt_doc d = {.lang = j->lang};
	struct kz_application a;
	int rc;

	if ((rc = kz_app_get_job(pd->db, j->id, &a, err)) != KZ_OK ||
		(rc = office_contact(pd, j->lang, &d.office, &d.office_address, &d.office_phone,
			 err)) != KZ_OK)
		return rc;
	d.number = a.number;
	d.accepted_at = a.accepted_at;
	for (int i = 0; i < KZ_APPDOC_COUNT && d.ndocs < KZ_DOC_MAX_DOCS; i++)
		if (a.docs & (1u << i))
			d.docs[d.ndocs++] = kz_app_doc_name(i, j->lang);
	if (kz_date_parse(a.due_day, &d.due) != 0)
		return kz_err(err, KZ_EDB, "application %s has no due day", a.number);
	d.due_from = h->open; /* the result is issued in office hours (p.9) */
	d.due_to = h->close;
	d.clerk_name = a.clerk;
	d.clerk_position = a.clerk_position;
	return kz_doc_receipt_layout(&d, width, l, err);
}

/* p.16: the notice of refusal of the application job j prints. */
static int
notice_layout(struct kz_printd *pd, const struct kz_print_job *j, int width,
	struct kz_doc_layout *l, char *err)
{
	struct kz_notice_doc d = {.lang = j->lang};
	struct kz_application a;
	int rc;

	if ((rc = kz_app_get_job(pd->db, j->id, &a, err)) != KZ_OK ||
		(rc = office_contact(pd, j->lang, &d.office, &d.office_address, &d.office_phone,
			 err)) != KZ_OK)
		return rc;
	d.applicant = a.applicant;
	d.number = a.number;
	d.received_at = a.accepted_at;
	for (int i = 0; i < KZ_APPDOC_COUNT && d.nmissing < KZ_DOC_MAX_DOCS; i++)
		if (a.missing & (1u << i))
			d.missing[d.nmissing++] = kz_app_doc_name(i, j->lang);
	if (kz_date_parse(a.suspended_until, &d.until) != 0)
		return kz_err(err, KZ_EINVAL, "application %s is %s: it has no notice of refusal",
			a.number, kz_app_state_name(a.state));
	d.clerk_name = a.clerk;
	d.clerk_position = a.clerk_position;
	return kz_doc_notice_layout(&d, width, l, err);
}

/* The job's document laid out for width dots (its A4 page is the same
 * layout, set by pdf.c). */
static int
make_layout(struct kz_printd *pd, const struct kz_print_job *j, int width, struct kz_doc_layout *l,
	char *err)
{
	const struct kz_config *cfg = pd->opt.cfg;
	const char *office = strcmp(j->lang, "kk") == 0 ? cfg->name_kk : cfg->name_ru;

	if (strcmp(j->document, "ticket") == 0) {
		struct kz_ticket_doc d = {j->lang, office, service_name(cfg, j->service, j->lang),
			j->number, j->issued_at, j->ahead, j->resumes_at != 0, j->resumes_at};
		return kz_doc_ticket_layout(&d, width, l, err);
	}
	if (strcmp(j->document, "test") == 0)
		return kz_doc_test_layout(j->lang, pd->opt.printer->name, office, kz_clock_now(),
			width, l, err);
	if (strcmp(j->document, "form") == 0) /* p.12: the blank application, App. 2 */
		return kz_doc_form_layout(j->lang, width, l, err);
	if (strcmp(j->document, "receipt") == 0)
		return receipt_layout(pd, j, width, l, err);
	if (strcmp(j->document, "notice") == 0)
		return notice_layout(pd, j, width, l, err);
	if (strcmp(j->document, "talon") == 0) /* p.25: a registered complaint */
		return talon_layout(pd, j, width, l, err);
	return kz_err(err, KZ_EINVAL, "a %s cannot be printed on %s yet", j->document,
		pd->opt.printer->name);
}

/* The bytes the printer takes: ESC/POS raster, or a PDF for CUPS. */
static int
make_output(struct kz_printd *pd, const struct kz_print_job *j, char *err)
{
	int a4 = strcmp(pd->opt.printer->role, "a4") == 0;
	int width = !a4 && pd->opt.printer->paper == 58 ? KZ_DOTS_58MM : KZ_DOTS_80MM;
	struct kz_doc_layout *l = malloc(sizeof *l);
	struct kz_bitmap *bm = NULL;
	int rc;

	if (l == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a %s", j->document);
	pd->out.len = 0;
	rc = make_layout(pd, j, width, l, err);
	if (rc == KZ_OK && a4) {
		const struct kz_doc_layout *pages[] = {l};
		rc = kz_pdf_memory(pages, 1, pd->opt.font_dir, &pd->out, err);
	} else if (rc == KZ_OK) {
		rc = kz_doc_layout_bitmap(pd->ts, l, &bm, err);
		if (rc == KZ_OK)
			rc = kz_escpos_print(bm, FEED_LINES, 1, &pd->out);
		if (rc != KZ_OK && rc != KZ_ENOMEM && bm != NULL)
			kz_err(err, rc, "cannot encode the %s for ESC/POS", j->document);
	}
	kz_bitmap_free(bm);
	free(l);
	return rc;
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
postpone(struct kz_printd *pd, const struct kz_print_job *j, const char *state, const char *reason,
	char *err)
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
	/* Fault injection for the crash test: die between sending and
	 * recording, the one moment that must not print twice. */
	if (getenv("KEZEK_FAULT_AFTER_SEND") != NULL)
		raise(SIGKILL);
	if ((rc = kz_outbox_done(pd->db, j->id, err)) != KZ_OK)
		return rc;
	if (!pd->opt.printer->status)
		kz_printer_set_state(pd->db, pd->opt.printer->name, "ready", "", why);
	*printed = 1;
	return KZ_OK;
}

/* A4: hand the PDF to the CUPS queue and follow the job. */
static int
send_cups(struct kz_printd *pd, const struct kz_print_job *j, int *printed, char *err)
{
	struct kz_cups_result res = {0};
	char why[KZ_ERR_LEN], title[64], e2[KZ_ERR_LEN];
	int rc;

	snprintf(title, sizeof title, "Kezek %s %lld", j->document, (long long)j->id);
	rc = kz_cups_print(pd->opt.printer->address, title, pd->out.data, pd->out.len,
		pd->opt.io_timeout_ms, &res, why);
	if (rc == KZ_OK) {
		kz_printer_set_state(pd->db, pd->opt.printer->name, "ready", "", e2);
		*printed = 1;
		return kz_outbox_done(pd->db, j->id, err);
	}
	/* Refused before a CUPS job existed, or a job CUPS threw away: safe to
	 * try again.  A job that waits in CUPS may still print: a person
	 * decides, as after a crash. */
	if (res.job_id == 0 || strcmp(res.state, "canceled") == 0 ||
		strcmp(res.state, "aborted") == 0)
		return postpone(pd, j, "offline", why, err);
	kz_printer_set_state(pd->db, pd->opt.printer->name, "offline", why, e2);
	return kz_outbox_uncertain(pd->db, j->id, why, err);
}

static int
is_folder(const struct kz_printd *pd)
{
	return strcmp(pd->opt.printer->transport, "folder") == 0;
}

/* A4 into a folder (a hall with no office printer yet): each job is a PDF
 * file, written under a temporary name and renamed, so a file that is
 * there is whole. */
static int
send_folder(struct kz_printd *pd, const struct kz_print_job *j, int *printed, char *err)
{
	char path[KZ_PATH_LEN + 96], why[KZ_ERR_LEN], stamp[32];

	kz_clock_format(j->created_at, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
	snprintf(path, sizeof path, "%s/%s-%06lld-%s-%s.pdf", pd->opt.printer->address, stamp,
		(long long)j->id, j->document, j->lang);
	if (kz_a4_save(path, pd->out.data, pd->out.len, why) != KZ_OK)
		return postpone(pd, j, "offline", why, err);
	kz_printer_set_state(pd->db, pd->opt.printer->name, "ready", "", why);
	*printed = 1;
	return kz_outbox_done(pd->db, j->id, err);
}

/* Nothing to print: keep the printer's recorded state current anyway, so
 * the kiosk knows paper ran out before the next visitor comes. */
static void
poll_idle(struct kz_printd *pd)
{
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN], e2[KZ_ERR_LEN];
	const char *name = pd->opt.printer->name;
	void *conn = NULL;

	if (kz_clock_now() - pd->polled_at < IDLE_POLL_SECONDS)
		return;
	pd->polled_at = kz_clock_now();
	if (is_folder(pd)) {
		int ok = access(pd->opt.printer->address, W_OK) == 0;
		kz_err(why, 0, "cannot write to the folder '%s': %s", pd->opt.printer->address,
			strerror(errno));
		kz_printer_set_state(pd->db, name, ok ? "ready" : "offline", ok ? "" : why, e2);
		return;
	}
	if (pd->ops == NULL) { /* a CUPS queue */
		char state[16], reasons[256];
		if (kz_cups_state(pd->opt.printer->address, state, reasons, why) != KZ_OK)
			kz_printer_set_state(pd->db, name, "offline", why, e2);
		else
			kz_printer_set_state(pd->db, name,
				strcmp(state, "stopped") == 0 ? "offline" : "ready",
				strcmp(reasons, "none") == 0 ? "" : reasons, e2);
		return;
	}
	if (!pd->opt.printer->status || pd->ops->status == NULL)
		return; /* nothing to ask; the next job will tell */
	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK) {
		kz_printer_set_state(pd->db, name, "offline", why, e2);
		return;
	}
	check_printer(pd, conn, reason, sizeof reason);
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
	if (is_folder(pd))
		return send_folder(pd, &j, printed, err);
	if (strcmp(pd->opt.printer->role, "a4") == 0)
		return send_cups(pd, &j, printed, err);
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
	if (pd->ops == NULL && strcmp(opt->printer->transport, "cups") != 0 &&
		strcmp(opt->printer->transport, "folder") != 0) {
		free(pd);
		return kz_err(err, KZ_ECONFIG,
			"[printer %s]: transport '%s' is not available in this build yet; use tcp, "
			"device or usb",
			opt->printer->name, opt->printer->transport);
	}
	if (pd->ops == NULL && strcmp(opt->printer->role, "a4") != 0) {
		free(pd);
		return kz_err(err, KZ_ECONFIG,
			"[printer %s]: a %s printer needs transport tcp, "
			"device or usb",
			opt->printer->name, opt->printer->role);
	}
	if (strcmp(opt->printer->transport, "folder") == 0)
		mkdir(opt->printer->address,
			0750); /* a folder that cannot be made shows as offline */
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
	kz_dir_free(pd->offices);
	kz_db_close(pd->db);
	kz_bytes_free(&pd->out);
	free(pd);
}
