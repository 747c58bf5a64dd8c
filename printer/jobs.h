/*
 * jobs.h - where a print service finds its printer's jobs and records how
 * they went: one table of operations, so kezek-printd runs one loop
 * (printd.c) whether it sits on the hall machine beside the database
 * (jobs-local.c: the outbox of queue/outbox.h) or on a machine of its own
 * against kezek-hall (jobs-remote.c: the /api/printer routes over HTTP).
 *
 * Every operation means what its queue/outbox.h namesake means, for the
 * one printer the store was opened for; the printout is made where the
 * database is and handed over whole.  Errors: KZ_OK, the outbox's
 * refusals (KZ_EEMPTY, KZ_ENOTFOUND, KZ_EINVAL ...), and a store that
 * cannot be reached now as KZ_EBUSY, KZ_EDB (the database) or KZ_EDEVICE
 * (the hall server): kz_jobs_unreachable says which those are; the loop
 * then calls lost and waits, and the next connect tells it to see to what
 * a stop left (recover).
 */
#ifndef KZ_JOBS_H
#define KZ_JOBS_H

#include <stdint.h>

#include "ink/bytes.h"
#include "ink/typeset.h"
#include "printer/escpos.h"
#include "queue/outbox.h"

struct kz_jobs;

struct kz_jobs_ops {
	const char *name; /* "database" or "hall server", for messages */
	/* Be usable now: KZ_OK, *fresh 1 when (re)connected since the last
	 * call (what a stop left must be seen to first); an error otherwise. */
	int (*connect)(struct kz_jobs *j, int *fresh, char *err);
	/* A step met rc from the store: let the connection go where that
	 * means it is lost. */
	void (*lost)(struct kz_jobs *j, int rc);
	int (*next)(struct kz_jobs *j, int expire_seconds, struct kz_print_job *job, char *err);
	/* The job's bytes for this printer, with an ESC/POS printout's bands
	 * (bands->n 0 for a whole document).  KZ_EINVAL (err: why) for a
	 * document that cannot be made: the job then fails; any other error
	 * is the store's, and the job waits. */
	int (*printout)(struct kz_jobs *j, const struct kz_print_job *job, struct kz_typeset *ts,
		struct kz_bytes *out, struct kz_escpos_bands *bands, char *err);
	int (*start)(struct kz_jobs *j, int64_t job, int bands, int expire_seconds, char *err);
	int (*progress)(struct kz_jobs *j, int64_t job, int band, char *err);
	int (*set_file)(struct kz_jobs *j, int64_t job, const char *path, char *err);
	int (*unfinished)(struct kz_jobs *j, struct kz_print_job *job, char *err);
	int (*get)(struct kz_jobs *j, int64_t job, struct kz_print_job *out, char *err);
	int (*done)(struct kz_jobs *j, int64_t job, char *err);
	int (*retry)(struct kz_jobs *j, int64_t job, const char *reason, int delay, char *err);
	int (*fail)(struct kz_jobs *j, int64_t job, const char *reason, char *err);
	int (*uncertain)(struct kz_jobs *j, int64_t job, const char *reason, char *err);
	int (*set_state)(struct kz_jobs *j, enum kz_printer_condition state, const char *reason,
		char *err);
	int (*heartbeat)(struct kz_jobs *j, enum kz_service_state state, const char *reason,
		char *err);
	void (*close)(struct kz_jobs *j);
};

/* Each store begins with this. */
struct kz_jobs {
	const struct kz_jobs_ops *ops;
};

/* Whether rc means the store could not be reached (wait and try again)
 * rather than a refusal. */
int kz_jobs_unreachable(int rc);

/* Close j (NULL is fine). */
void kz_jobs_close(struct kz_jobs *j);

/* The outbox in the hall's database at db_path (watched: one locked,
 * removed or replaced is waited for and reopened), for printer pr of cfg
 * (both kept by reference); printouts are made with the fonts of
 * font_dir.  Without wait, the database's error when it cannot be opened
 * now. */
struct kz_jobs_local_options {
	const char *db_path;
	const struct kz_config *cfg;
	const struct kz_printer_conf *printer;
	const char *font_dir;
	int wait;
};
int kz_jobs_local_open(const struct kz_jobs_local_options *opt, struct kz_jobs **out, char *err);

/* The jobs of printer pr at kezek-hall, through r (taken over: closed
 * with the store, also when opening fails), a client with the print
 * service's credential (remote/client.h).  The hall makes the printouts.
 * An acknowledgement (done, retry, fail, uncertain, the file) whose
 * answer was lost is kept, with its idempotency key, and delivered first
 * when the hall answers again, before anything else is asked; one kept
 * while the service stops is lost with it, and its job, still 'sending'
 * at the hall, is seen to as a stop leaves one (uncertain, or printed
 * again when its picture was cut off). */
struct kz_remote;
int kz_jobs_remote_open(struct kz_remote *r, const struct kz_printer_conf *pr, struct kz_jobs **out,
	char *err);

#endif
