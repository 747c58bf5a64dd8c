/*
 * printd.h - the service behind one printer: it takes the printer's jobs
 * from the outbox in order, makes each document, sends it, and records
 * how it went and what the printer is doing, so the kiosk, the display and
 * the clerks see "paper out" as soon as it happens.  printer/printd-main.c
 * runs kz_printd_step in a loop; tests drive it step by step.
 */
#ifndef KZ_PRINTD_H
#define KZ_PRINTD_H

#include "queue/config.h"

struct kz_printd;

struct kz_printd_options {
	const struct kz_config *cfg;           /* kept by reference */
	const struct kz_printer_conf *printer; /* one of cfg's printers */
	const char *db_path;
	const char *font_dir;
	int io_timeout_ms; /* connect, send, status: each at most this */
	int retry_seconds; /* pause after a fault before trying again */
};

/* Open the database, the fonts and the printer's transport, and turn jobs
 * a previous run left 'sending' into 'uncertain' (*uncertain how many; may
 * be NULL).  KZ_ECONFIG for a transport that does not suit the printer's
 * role (a tickets printer on cups, say). */
int kz_printd_open(const struct kz_printd_options *opt, struct kz_printd **out, int *uncertain,
	char *err);
void kz_printd_close(struct kz_printd *pd);

/* Print at most one job (its document made by the table of documents;
 * one that cannot go on this printer's paper fails saying why); with
 * none, ask the printer how it is (at most every 15 s) and record it.  *printed (may be NULL) is 1 if a job printed.
 * A printer fault is not an error of the step: the job waits for the
 * retry pause and the printer's state says why.  KZ_OK, or a database
 * error. */
int kz_printd_step(struct kz_printd *pd, int *printed, char *err);

#endif
