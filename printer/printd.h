/*
 * printd.h - the service behind one printer: it takes the printer's jobs
 * in order (from the outbox, or from kezek-hall for a service on a machine
 * of its own: jobs.h), makes each document, sends it, and records
 * how it went and what the printer is doing, so the kiosk, the display and
 * the clerks see "paper out" as soon as it happens.  printer/printd-main.c
 * runs kz_printd_step in a loop; tests drive it step by step.
 */
#ifndef KZ_PRINTD_H
#define KZ_PRINTD_H

#include "printer/jobs.h"
#include "queue/config.h"

struct kz_printd;

struct kz_printd_options {
	const struct kz_config *cfg;           /* kept by reference */
	const struct kz_printer_conf *printer; /* one of cfg's printers */
	const char *db_path;
	const char *font_dir;
	int io_timeout_ms; /* connect, send, status: each at most this */
	int retry_seconds; /* pause after a fault before trying again */
	int wait;          /* a database that cannot be opened yet is waited for */
	/* Where the jobs are (jobs.h), taken over (closed with the service,
	 * also when opening fails); NULL: the outbox of the database at
	 * db_path. */
	struct kz_jobs *jobs;
};

#define KZ_PRINTD_BEAT_SECONDS  5  /* the heartbeat is written this often */
#define KZ_PRINTD_STALE_SECONDS 30 /* a heartbeat older: no service runs */

/* Open the fonts, the printer's transport and the database (through a
 * watch: a lost one is reopened by the steps), and see to a job a previous
 * run left 'sending' (*uncertain: how many may have printed; may be
 * NULL).  KZ_ECONFIG for a transport that does not suit the printer's role
 * (a tickets printer on cups, say); without opt->wait, the database's
 * error when it cannot be opened now. */
int kz_printd_open(const struct kz_printd_options *opt, struct kz_printd **out, int *uncertain,
	char *err);
void kz_printd_close(struct kz_printd *pd);

/* Print at most one job (its document made by the table of documents;
 * one that cannot go on this printer's paper fails saying why); with
 * none, ask the printer how it is (at most every 15 s) and record it.
 * *printed (may be NULL) is 1 if a job printed.  The heartbeat is written
 * every KZ_PRINTD_BEAT_SECONDS.  A printer fault is not an error of the
 * step: the job waits for the retry pause and the printer's state says
 * why.  KZ_OK; a database error (KZ_EBUSY, KZ_EDB: the next step waits
 * for it or reopens it); KZ_EDEVICE when a printout a stop interrupted
 * cannot be ended yet because the printer cannot be reached. */
int kz_printd_step(struct kz_printd *pd, int *printed, char *err);

/* How many jobs the steps found perhaps printed by a run before (so
 * 'uncertain'), since the last call. */
int kz_printd_uncertain(struct kz_printd *pd);

/* The service waits (reason: for what) or stops as asked: said in its
 * heartbeat where the database can be written. */
void kz_printd_waiting(struct kz_printd *pd, const char *reason);
void kz_printd_stopping(struct kz_printd *pd);

#endif
