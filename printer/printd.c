/*
 * printd.c - one printer's service: find, make, check, send, record.
 * Start at kz_printd_step.  The job's document comes from the table of
 * documents (documents/documents.h), its bytes go through the printer's
 * transport (transport.h), one path for all.  The printer is reached afresh
 * for every job, so a printer switched off and on again needs nothing from
 * us; the database is watched (queue/watch.h), so one locked, removed or
 * replaced is waited for and reopened, never a reason to stop.
 *
 * The jobs are found and recorded through a job store (jobs.h): the outbox
 * of the database on the hall machine, or kezek-hall's /api/printer routes
 * for a service on a machine of its own; one loop for both.
 *
 * An ESC/POS printout goes out band by band, each band recorded before it
 * goes (kz_outbox_progress), and a job is 'sending' only from its first
 * byte: after a stop, the printer is brought back to a known state first
 * (recover_printer) and the job is queued again if its picture was cut
 * off before its last band, or left to a person if it may have printed.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "documents/doc.h" /* N(): a sentence of po/, translated where staff read it */
#include "documents/interrupted.h"
#include "ink/layout.h"
#include "ink/typeset.h"
#include "printd.h"
#include "printer/escpos.h"
#include "printer/jobs.h"
#include "printer/printout.h"
#include "printer/transport.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/outbox.h"

#define FEED_LINES        KZ_PRINTOUT_FEED_LINES
#define IDLE_POLL_SECONDS 15 /* when idle, ask the printer how it is this often */

struct kz_printd {
	struct kz_printd_options opt;
	const struct kz_transport_ops *ops;
	struct kz_typeset *ts;
	struct kz_jobs *jobs; /* where the jobs are (jobs.h) */
	int online;           /* the store answered since it was last lost */
	struct kz_bytes out;
	struct kz_escpos_bands bands; /* where out's bands lie (ESC/POS) */
	int64_t polled_at;            /* when the printer's state was last asked */
	int told;                     /* the transport told the printer's state during the send */
	struct kz_health last;        /* what it told last */
	int64_t beat_at;              /* when the heartbeat was last written; 0 never */
	int recovered;                /* the jobs a stop left were seen to on this connection */
	int stop_at;                  /* fault injection: die before byte n of a printout */
	int64_t cut_job;              /* a job whose send failed part way, left for a reset */
	char cut_why[KZ_ERR_LEN];     /* and why it failed */
	int uncertain;                /* jobs found perhaps printed, not yet told */
	int printer_wait;             /* this step waits for the printer, not for the store */
};

/* The bytes the printer takes: ESC/POS raster in bands, or a PDF for an
 * A4 printer, made where the database is (printout.h).  A document that
 * cannot go on this printer's paper is refused (KZ_EINVAL). */
static int
make_output(struct kz_printd *pd, const struct kz_print_job *j, char *err)
{
	pd->out.len = 0;
	pd->bands.n = 0;
	return pd->jobs->ops->printout(pd->jobs, j, pd->ts, &pd->out, &pd->bands, err);
}

/* The store's operations, for the one printer of the service. */
#define JOBS(op, ...) pd->jobs->ops->op(pd->jobs, __VA_ARGS__)

static void
set_state(struct kz_printd *pd, enum kz_printer_condition state, const char *reason)
{
	char e2[KZ_ERR_LEN];

	JOBS(set_state, state, reason, e2);
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
	set_state(pd, h.state, h.reason);
	snprintf(reason, KZ_ERR_LEN, "%s", h.reason);
	return !kz_transport_printable(&h);
}

/* Write the service's heartbeat when due (or now, with force). */
static void
beat(struct kz_printd *pd, enum kz_service_state state, const char *reason, int force)
{
	char err[KZ_ERR_LEN];
	int64_t now = kz_clock_now();

	if (!force && pd->beat_at != 0 && now - pd->beat_at < KZ_PRINTD_BEAT_SECONDS)
		return;
	if (JOBS(heartbeat, state, reason, err) == KZ_OK)
		pd->beat_at = now;
}

/* Fault injection for the tests: KEZEK_FAULT_KILL_AT=N dies just before
 * the printout's byte N goes out (so within a band, or at its start). */
static int
write_checked(struct kz_printd *pd, void *conn, const uint8_t *data, size_t from, size_t to,
	char *err)
{
	size_t stop = (size_t)pd->stop_at;

	if (pd->stop_at > 0 && stop >= from && stop < to) {
		/* a band's header (with ESC @) goes in one short write, which a
		 * kill lands before or after, never inside: so does the fault */
		if (to - from <= KZ_ESCPOS_BAND_HEAD + 8)
			raise(SIGKILL);
		if (stop > from &&
			pd->ops->write(conn, data + from, stop - from, pd->opt.io_timeout_ms,
				err) != KZ_OK)
			return KZ_EDEVICE;
		raise(SIGKILL);
	}
	return pd->ops->write(conn, data + from, to - from, pd->opt.io_timeout_ms, err);
}

/* Write bytes [from, to) of the printout. */
static int
put(struct kz_printd *pd, void *conn, size_t from, size_t to, char *why)
{
	if (to <= from)
		return KZ_OK;
	return write_checked(pd, conn, pd->out.data, from, to, why) == KZ_OK ? KZ_OK : KZ_EDEVICE;
}

/* Wait until the printer took what was written (a transport that can
 * tell: tcp), so that what is recorded as sent has reached it. */
static int
settle(struct kz_printd *pd, void *conn, char *why)
{
	if (pd->ops->settle == NULL)
		return KZ_OK;
	return pd->ops->settle(conn, pd->opt.io_timeout_ms, why) == KZ_OK ? KZ_OK : KZ_EDEVICE;
}

/* The ESC/POS printout band by band, each recorded before it goes, its
 * header in a write of its own so a stop never leaves half a header, and
 * only once the printer took the band before it (a full send buffer could
 * take a header in part); then "the picture is out" and the feed and cut.
 * A printer that answers status must answer after the bytes.  KZ_EDEVICE
 * (why) for the printer, or the database's error (err). */
static int
send_bands(struct kz_printd *pd, void *conn, const struct kz_print_job *j, char *why, char *err)
{
	const struct kz_escpos_bands *b = &pd->bands;
	struct kz_printer_state st;
	int rc;

	for (int i = 0; i < b->n; i++) {
		size_t head = b->at[i] + KZ_ESCPOS_BAND_HEAD;

		if (i > 0 && (rc = settle(pd, conn, why)) != KZ_OK)
			return rc;
		/* band 0 was recorded by kz_outbox_start; ESC @ goes with it */
		if (i > 0 && (rc = JOBS(progress, j->id, i, err)) != KZ_OK)
			return rc;
		if ((rc = put(pd, conn, i == 0 ? b->start : b->at[i], head, why)) != KZ_OK ||
			(rc = put(pd, conn, head, b->at[i + 1], why)) != KZ_OK)
			return rc;
	}
	/* the picture is whole only once its last band was taken */
	if ((rc = settle(pd, conn, why)) != KZ_OK ||
		(rc = JOBS(progress, j->id, b->n, err)) != KZ_OK)
		return rc;
	if ((rc = put(pd, conn, b->n == 0 ? b->start : b->at[b->n], b->end, why)) != KZ_OK ||
		(rc = settle(pd, conn, why)) != KZ_OK)
		return rc;
	if (kz_transport_can_ask(pd->ops, pd->opt.printer->status) &&
		kz_transport_status(pd->ops, conn, &st, pd->opt.io_timeout_ms, why) != KZ_OK)
		return KZ_EDEVICE;
	return KZ_OK;
}

/* The printer cannot take the job now: record why (state, unless
 * KZ_PRINTER_UNKNOWN: already recorded); the job waits, still queued. */
static void
not_now(struct kz_printd *pd, enum kz_printer_condition state, const char *reason)
{
	if (state != KZ_PRINTER_UNKNOWN)
		set_state(pd, state, reason);
}

/* A job 'sending' that did not get out: queued again after the pause. */
static int
postpone(struct kz_printd *pd, const struct kz_print_job *j, enum kz_printer_condition state,
	const char *reason, char *err)
{
	not_now(pd, state, reason);
	return JOBS(retry, j->id, reason, pd->opt.retry_seconds, err);
}

/* A transport that follows a job (cups) tells how the printer is while
 * the job waits or prints (paused, out of paper ...): recorded as it
 * changes, so every screen shows it while the job waits. */
static void
job_progress(void *arg, const struct kz_health *h)
{
	struct kz_printd *pd = arg;

	if (pd->told && h->state == pd->last.state && strcmp(h->reason, pd->last.reason) == 0)
		return;
	pd->told = 1;
	pd->last = *h;
	set_state(pd, h->state, h->reason);
}

static int part_way(struct kz_printd *pd, const struct kz_print_job *j, const char *why, char *err);

/* Reach the printer, check it, mark the job 'sending' and send the
 * printout until its transport says done, record. */
static int
send_job(struct kz_printd *pd, const struct kz_print_job *j, int *printed, char *err)
{
	const char *doc = kz_outbox_doc_name(j->document);
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN], title[64], name[96], stamp[32];
	char path[KZ_PATH_LEN + 160];
	struct kz_printout p = {pd->out.data, pd->out.len, title, name,
		pd->opt.printer->job_timeout_s * 1000, job_progress, pd};
	enum kz_unsent unsent = KZ_UNSENT_RETRY;
	void *conn = NULL;
	int rc;

	pd->cut_job = 0; /* any job cut off before was seen to: this one goes */
	snprintf(title, sizeof title, "Kezek %s %lld", doc, (long long)j->id);
	kz_clock_format(j->created_at, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
	snprintf(name, sizeof name, "%s-%06lld-%s-%s", stamp, (long long)j->id, doc, j->lang);
	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK) {
		/* not sent: the job stays queued and is tried at the next turn */
		not_now(pd, KZ_PRINTER_OFFLINE, why);
		return JOBS(retry, j->id, why, pd->opt.retry_seconds, err);
	}
	if (asks_first(pd) && check_printer(pd, conn, reason)) {
		pd->ops->close(conn);
		return JOBS(retry, j->id, reason, pd->opt.retry_seconds, err);
	}
	/* the first byte goes now: only from here may the job have printed */
	/* whole documents (cups, cups-raw, folder) go in one delivery; ESC/POS
	 * bytes in bands that each stand alone */
	rc = JOBS(start, j->id, pd->ops->deliver != NULL ? 0 : pd->bands.n,
		pd->opt.cfg->ticket_print_seconds, err);
	if (rc != KZ_OK) {
		pd->ops->close(conn);
		return rc == KZ_EEMPTY ? KZ_OK : rc; /* expired or taken meanwhile */
	}
	pd->told = 0;
	if (pd->ops->deliver != NULL)
		rc = kz_transport_send(pd->ops, conn, &p, pd->opt.printer->status,
			pd->opt.io_timeout_ms, &unsent, why);
	else if ((rc = send_bands(pd, conn, j, why, err)) != KZ_OK && rc != KZ_EDEVICE) {
		pd->ops->close(conn);
		pd->recovered = 0; /* the store: the job stays 'sending', seen to next */
		return rc;
	}
	pd->ops->close(conn);
	if (rc == KZ_EDEVICE && pd->ops->deliver == NULL)
		return part_way(pd, j, why, err);
	if (rc != KZ_OK && unsent != KZ_UNSENT_RETRY && !pd->told)
		set_state(pd, KZ_PRINTER_OFFLINE, why);
	if (rc != KZ_OK && unsent == KZ_UNSENT_UNCERTAIN)
		return JOBS(uncertain, j->id, why, err);
	if (rc != KZ_OK && unsent == KZ_UNSENT_FAILED)
		return JOBS(fail, j->id, why, err);
	if (rc != KZ_OK)
		return postpone(pd, j, pd->told ? KZ_PRINTER_UNKNOWN : KZ_PRINTER_OFFLINE, why,
			err);
	/* Fault injection for the crash test: die between sending and
	 * recording, the one moment that must not print twice. */
	if (getenv("KEZEK_FAULT_AFTER_SEND") != NULL)
		raise(SIGKILL);
	if (pd->ops->kind == KZ_TRANSPORT_FOLDER) {
		snprintf(path, sizeof path, "%s/%s.pdf", pd->opt.printer->address, name);
		if ((rc = JOBS(set_file, j->id, path, err)) != KZ_OK)
			return rc;
	}
	if ((rc = JOBS(done, j->id, err)) != KZ_OK)
		return rc;
	if (!asks_first(pd) && !pd->told) /* nothing asked: the send alone tells */
		set_state(pd, KZ_PRINTER_READY, "");
	*printed = 1;
	return KZ_OK;
}

/* Nothing to print: keep the printer's recorded state current anyway, so
 * the kiosk knows paper ran out before the next visitor comes. */
static void
poll_idle(struct kz_printd *pd)
{
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN];
	void *conn = NULL;

	if (kz_clock_now() - pd->polled_at < IDLE_POLL_SECONDS)
		return;
	pd->polled_at = kz_clock_now();
	if (!kz_transport_can_ask(pd->ops, pd->opt.printer->status))
		return; /* nothing to ask; the next job will tell */
	if (pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why) != KZ_OK) {
		set_state(pd, KZ_PRINTER_OFFLINE, why);
		return;
	}
	check_printer(pd, conn, reason);
	pd->ops->close(conn);
}

/* The picture of the line that says a printout was cut off, in lang. */
static int
interrupted_note(struct kz_printd *pd, const char *lang, struct kz_bitmap **bm, char *err)
{
	struct kz_layout *l = malloc(sizeof *l);
	int rc;

	*bm = NULL;
	if (l == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	rc = kz_doc_interrupted_layout(lang,
		pd->opt.printer->paper == 58 ? KZ_DOTS_58MM : KZ_DOTS_80MM, l, err);
	if (rc == KZ_OK)
		rc = kz_layout_bitmap(pd->ts, l, bm, err);
	free(l);
	return rc;
}

/* An ESC/POS printout was stopped part way: end the band it may have been
 * in with blank rows, reset the printer, and (when its picture was cut
 * off) print the line that says so, feed and cut.  KZ_EDEVICE (why) when
 * the printer cannot be reached: try again later, before any other job. */
static int
recover_printer(struct kz_printd *pd, const struct kz_print_job *j, int cut_off, char *why)
{
	struct kz_bitmap *note = NULL;
	struct kz_bytes b = {0};
	void *conn = NULL;
	int stride = (pd->opt.printer->paper == 58 ? KZ_DOTS_58MM : KZ_DOTS_80MM) / 8, rc;

	if (cut_off && (rc = interrupted_note(pd, j->lang, &note, why)) != KZ_OK)
		note = NULL; /* reset and cut without the line rather than not at all */
	rc = kz_escpos_recover(stride, note, FEED_LINES, &b);
	kz_bitmap_free(note);
	if (rc != KZ_OK) {
		kz_bytes_free(&b);
		return kz_err(why, rc, "cannot make the printer's reset");
	}
	rc = pd->ops->open(pd->opt.printer->address, pd->opt.io_timeout_ms, &conn, why);
	if (rc == KZ_OK) {
		rc = pd->ops->write(conn, b.data, b.len, pd->opt.io_timeout_ms, why);
		if (rc == KZ_OK)
			rc = settle(pd, conn, why); /* reset only once the printer took it */
		pd->ops->close(conn);
	}
	kz_bytes_free(&b);
	return rc == KZ_OK ? KZ_OK : KZ_EDEVICE;
}

/* The job a stop left 'sending', if any: an ESC/POS printer is brought back
 * to a known state first; then the job is queued again if its picture never
 * got out whole (cut off before its last band), else it may have printed
 * and waits for a person ('uncertain').  *uncertain counts those. */
static int
recover_jobs(struct kz_printd *pd, int *uncertain, char *err)
{
	struct kz_print_job j;
	char why[KZ_ERR_LEN], reason[KZ_ERR_LEN + 64];
	int rc, cut_off;

	if ((rc = JOBS(unfinished, &j, err)) == KZ_EEMPTY)
		return KZ_OK;
	if (rc != KZ_OK)
		return rc;
	cut_off = j.bands > 0 && j.bands_sent < j.bands - 1;
	/* with every band out the picture is whole: the next printout's ESC @
	 * is reset enough */
	if (j.bands > 0 && j.bands_sent < j.bands && pd->ops->deliver == NULL &&
		recover_printer(pd, &j, cut_off, why) != KZ_OK) {
		not_now(pd, KZ_PRINTER_OFFLINE, why);
		pd->printer_wait = 1;
		return KZ_EDEVICE; /* the job stays 'sending' until the printer is reset */
	}
	if (cut_off && j.id == pd->cut_job) {
		/* the send failed part way; the printer took its reset just now */
		snprintf(reason, sizeof reason,
			"%.400s; cut off at band %d of %d, the printer was reset; printing it again",
			pd->cut_why, j.bands_sent + 1, j.bands);
		return JOBS(retry, j.id, reason, 0, err);
	}
	if (cut_off) {
		snprintf(reason, sizeof reason,
			"interrupted at band %d of %d when the printer service stopped; printing "
			"it again",
			j.bands_sent + 1, j.bands);
		return JOBS(retry, j.id, reason, 0, err);
	}
	(*uncertain)++;
	if (j.id == pd->cut_job) {
		snprintf(reason, sizeof reason,
			"%.400s in the last band; the printer was reset; it may have printed",
			pd->cut_why);
		return JOBS(uncertain, j.id, reason, err);
	}
	return JOBS(uncertain, j.id,
		N("the printer service stopped while sending; it may have printed"), err);
}

/* An ESC/POS send that failed part way without a stop (the printer dropped
 * the connection or stopped taking bytes inside the picture): the printer
 * may be inside a band, so the job goes back to the queue only after the
 * reset a stop would get (recover_jobs).  Can the printer not be reached
 * for that now, the job stays 'sending' and the next turn resets the
 * printer before anything else.  A picture that got out whole and then
 * failed (no status after it) needs no reset: queued again as before. */
static int
part_way(struct kz_printd *pd, const struct kz_print_job *j, const char *why, char *err)
{
	struct kz_print_job now;
	int rc, uncertain = 0;

	if ((rc = JOBS(get, j->id, &now, err)) != KZ_OK)
		return rc;
	if (now.bands_sent >= now.bands)
		return postpone(pd, j, pd->told ? KZ_PRINTER_UNKNOWN : KZ_PRINTER_OFFLINE, why,
			err);
	not_now(pd, pd->told ? KZ_PRINTER_UNKNOWN : KZ_PRINTER_OFFLINE, why);
	pd->cut_job = j->id;
	snprintf(pd->cut_why, sizeof pd->cut_why, "%s", why);
	pd->recovered = 0;
	pd->printer_wait = 0;
	rc = recover_jobs(pd, &uncertain, err);
	pd->uncertain += uncertain;
	if (rc == KZ_EDEVICE && pd->printer_wait) {
		pd->printer_wait = 0;
		return KZ_OK; /* left 'sending': reset first at the next turn */
	}
	if (rc == KZ_OK)
		pd->recovered = 1;
	return rc;
}

/* The job store: reconnect when lost, and on each (re)connection see to
 * what a stop left.  KZ_OK when it can be used now; KZ_EDEVICE with
 * pd->printer_wait set when the printer must be reached first. */
static int
connect_store(struct kz_printd *pd, int *uncertain, char *err)
{
	int rc, fresh = 0;

	pd->printer_wait = 0;
	if ((rc = pd->jobs->ops->connect(pd->jobs, &fresh, err)) != KZ_OK)
		return rc;
	if (fresh || !pd->online)
		pd->recovered = 0;
	pd->online = 1;
	if (!pd->recovered) {
		if ((rc = recover_jobs(pd, uncertain, err)) == KZ_EDEVICE && pd->printer_wait) {
			beat(pd, KZ_SERVICE_WAITING,
				N("the printer, to finish an interrupted printout"), 1);
			return kz_err(err, KZ_EDEVICE,
				"cannot reach the printer to end an interrupted printout");
		}
		if (rc != KZ_OK)
			return rc;
		pd->recovered = 1;
		beat(pd, KZ_SERVICE_RUNNING, "", 1);
	}
	return KZ_OK;
}

int
kz_printd_step(struct kz_printd *pd, int *printed, char *err)
{
	struct kz_print_job j;
	char why[KZ_ERR_LEN];
	int rc, dummy, uncertain = 0;

	if (printed == NULL)
		printed = &dummy;
	*printed = 0;
	rc = connect_store(pd, &uncertain, err);
	if (uncertain > 0)
		pd->uncertain += uncertain;
	if (rc == KZ_OK) {
		beat(pd, KZ_SERVICE_RUNNING, "", 0);
		rc = JOBS(next, pd->opt.cfg->ticket_print_seconds, &j, err);
		if (rc == KZ_EEMPTY) {
			poll_idle(pd);
			return KZ_OK;
		}
	}
	if (rc == KZ_OK) {
		pd->polled_at = kz_clock_now(); /* sending asks the printer anyway */
		rc = make_output(pd, &j, why);
		/* a document that cannot be made will not be made by waiting */
		if (rc == KZ_EINVAL)
			rc = JOBS(fail, j.id, why, err);
		else if (rc != KZ_OK)
			snprintf(err, KZ_ERR_LEN, "%s", why); /* the store's fault: tried again */
		else
			rc = send_job(pd, &j, printed, err);
	}
	if (rc != KZ_OK && !pd->printer_wait && pd->online) {
		pd->jobs->ops->lost(pd->jobs, rc);
		pd->online = 0;
		pd->recovered = 0; /* a job may have been left 'sending' */
	}
	return rc;
}

int
kz_printd_uncertain(struct kz_printd *pd)
{
	int n = pd->uncertain;

	pd->uncertain = 0;
	return n;
}

void
kz_printd_stopping(struct kz_printd *pd)
{
	beat(pd, KZ_SERVICE_STOPPED, "", 1);
}

void
kz_printd_waiting(struct kz_printd *pd, const char *reason)
{
	beat(pd, KZ_SERVICE_WAITING, reason, 0);
}

int
kz_printd_open(const struct kz_printd_options *opt, struct kz_printd **out, int *uncertain,
	char *err)
{
	struct kz_printd *pd = calloc(1, sizeof *pd);
	const char *kill_at = getenv("KEZEK_FAULT_KILL_AT");
	int rc, n = 0;

	*out = NULL;
	if (uncertain)
		*uncertain = 0;
	if (pd == NULL) {
		kz_jobs_close(opt->jobs);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the printer service");
	}
	pd->opt = *opt;
	pd->jobs = opt->jobs;
	pd->ops = kz_transport_find(opt->printer->transport);
	pd->stop_at = kill_at ? atoi(kill_at) : 0;
	if (pd->ops == NULL) {
		kz_printd_close(pd);
		return kz_err(err, KZ_ECONFIG,
			"[printer %s]: no transport; use tcp, device, usb or cups-raw",
			opt->printer->name);
	}
	if (pd->ops->pdf != (opt->printer->role == KZ_ROLE_A4)) {
		int pdf = pd->ops->pdf;

		kz_printd_close(pd);
		return kz_err(err, KZ_ECONFIG, "[printer %s]: a %s printer needs transport %s",
			opt->printer->name, kz_config_role_name(opt->printer->role),
			pdf ? "tcp, device, usb or cups-raw" : "cups or folder");
	}
	if ((rc = kz_typeset_open(opt->font_dir, &pd->ts, err)) != KZ_OK) {
		kz_printd_close(pd);
		return rc;
	}
	if (pd->jobs == NULL) {
		struct kz_jobs_local_options lo = {opt->db_path, opt->cfg, opt->printer,
			opt->font_dir, opt->wait};
		if ((rc = kz_jobs_local_open(&lo, &pd->jobs, err)) != KZ_OK) {
			kz_printd_close(pd);
			return rc;
		}
	}
	rc = connect_store(pd, &n, err);
	if (uncertain)
		*uncertain = n;
	/* a configuration that cannot work (a hall that knows this service
	 * as another printer's) is a person's to mend, not waited for */
	if (rc != KZ_OK && (!opt->wait || rc == KZ_ECONFIG)) {
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
	kz_jobs_close(pd->jobs);
	kz_bytes_free(&pd->out);
	free(pd);
}
