/*
 * outbox.h - the print outbox: what is to be printed, on which printer, and
 * how it went.  A job is written in the same transaction as the thing it
 * prints (a ticket and its ticket print), so a failing printer never loses
 * a ticket.  One kezek-printd per printer takes the jobs in order:
 *
 *   queued --start--> sending --done--> done
 *                     sending --retry--> queued (after a pause)
 *                     sending --fail--> failed
 *   queued ticket, issued longer ago than the hall allows --> expired
 *   sending, found at start-up --recover--> uncertain, or queued again
 *                     when its picture was cut off before its last band
 *
 * A job is never printed twice without a person asking: 'sending' is
 * recorded when the first byte goes to the printer (kz_outbox_start; a
 * service stopped before that leaves the job simply queued), and one left
 * 'sending' by a crash becomes 'uncertain' unless its recorded progress
 * shows that its picture never got out whole; kz_outbox_reprint makes a
 * new job of it.  An expired ticket (the visitor was told the number on
 * the kiosk's screen) prints only when staff ask for it.
 */
#ifndef KZ_OUTBOX_H
#define KZ_OUTBOX_H

#include <stdint.h>

#include "db.h"

/* What a job prints.  The outbox's document column holds its name
 * (kz_outbox_doc_name), converted here only; documents/documents.c has one
 * row for each kind, saying how it is made. */
enum kz_doc_kind {
	KZ_DOC_NONE,        /* a column this build does not know */
	KZ_DOC_TICKET,      /* "ticket": the queue ticket */
	KZ_DOC_RECEIPT,     /* "receipt": documents accepted, p.14 */
	KZ_DOC_NOTICE,      /* "notice": a request suspended, p.16 */
	KZ_DOC_TALON,       /* "talon": a complaint registered, p.25 */
	KZ_DOC_FORM,        /* "form": the blank application, App. 2 */
	KZ_DOC_TEST,        /* "test": the printer's test page */
	KZ_DOC_REPORT,      /* "report": the managers' report */
	KZ_DOC_REFUSAL,     /* "refusal": the motivated refusal, p.5 */
	KZ_DOC_FORM_SAMPLE, /* "form_sample": App. 2 filled in with made-up data, p.10 */
	KZ_DOC_COUNT
};

/* The column's word for kind ("ticket"), "" for KZ_DOC_NONE or a value
 * outside the enum; never NULL. */
const char *kz_outbox_doc_name(enum kz_doc_kind kind);

/* The kind a column's word names, KZ_DOC_NONE for NULL or one unknown. */
enum kz_doc_kind kz_outbox_doc_kind(const char *name);

/* Where a job is (see the top).  The state column holds its word
 * (kz_job_state_name), converted in outbox.c only. */
enum kz_job_state {
	KZ_JOB_QUEUED,    /* "queued": waiting for its printer */
	KZ_JOB_SENDING,   /* "sending": being sent now */
	KZ_JOB_DONE,      /* "done": printed */
	KZ_JOB_FAILED,    /* "failed": given up */
	KZ_JOB_UNCERTAIN, /* "uncertain": may have printed; a person decides */
	KZ_JOB_EXPIRED,   /* "expired": a ticket not at its printer in time; never unasked */
};

/* The column's word for s ("queued"), as `kezek print status` shows it;
 * "?" for a value outside the enum. */
const char *kz_job_state_name(enum kz_job_state s);

/* The state a column's word names; KZ_JOB_UNCERTAIN (never printed again
 * unasked) for NULL or a word unknown to this build. */
enum kz_job_state kz_job_state_from_db(const char *s);

/* What a printer is doing, as its printd last saw it.  The printers' state
 * column holds its word (kz_printer_condition_name), converted in
 * outbox.c only.  (printer/escpos.h's struct kz_printer_state is the
 * ESC/POS status bits this is read from.) */
enum kz_printer_condition {
	KZ_PRINTER_UNKNOWN,    /* "unknown": not asked yet */
	KZ_PRINTER_READY,      /* "ready" */
	KZ_PRINTER_PAPER_LOW,  /* "paper_low": prints, but the roll ends soon */
	KZ_PRINTER_PAPER_OUT,  /* "paper_out" */
	KZ_PRINTER_COVER_OPEN, /* "cover_open" */
	KZ_PRINTER_OFFLINE,    /* "offline": not reached, or stopped */
	KZ_PRINTER_ERROR,      /* "error": cutter, mechanism or another fault */
	KZ_PRINTER_PAUSED,     /* "paused": stopped by a person (a CUPS queue disabled) */
};

/* The column's word for c ("paper_out"); "?" for a value outside the enum. */
const char *kz_printer_condition_name(enum kz_printer_condition c);

/* c as staff and the kiosk's administrator read it ("out of paper"): an
 * English msgid of po/, translated by the caller. */
const char *kz_printer_condition_said(enum kz_printer_condition c);

/* The condition a column's word names; KZ_PRINTER_UNKNOWN for NULL or a
 * word unknown to this build. */
enum kz_printer_condition kz_printer_condition_from_db(const char *s);

struct kz_print_job {
	int64_t id;
	char printer[32];          /* the printer's name */
	enum kz_doc_kind document; /* KZ_DOC_NONE for a column unknown to this build */
	char lang[3];              /* kk or ru */
	enum kz_job_state state;
	int attempts; /* sends tried */
	int64_t created_at;
	char reason[256];   /* the last fault, for people; "" if none */
	int64_t reprint_of; /* the job this one prints again, 0 if none */
	/* what a ticket print needs (KZ_DOC_TICKET), from its ticket row */
	int64_t ticket_id;
	char number[24];
	char service[16]; /* the service's code */
	int64_t issued_at;
	int64_t resumes_at; /* issued shortly before lunch: reception resumes; else 0 */
	int bands;          /* raster bands of the printout; 0: sent whole, or not yet */
	int bands_sent;     /* i: bands before i are out, band i was going */
	char file[1024];    /* the file a folder printer wrote; "" if none */
};

/* Queue document in lang on printer (by name) now, in its own transaction;
 * *id (may be NULL) is the new job.  KZ_ENOTFOUND for an unknown or
 * inactive printer; KZ_EINVAL for a language other than kk or ru, or
 * KZ_DOC_NONE.  Whether the printer's paper suits the document is the
 * caller's to check (documents/documents.h). */
int kz_outbox_add(struct kz_db *db, const char *printer, enum kz_doc_kind document,
	const char *lang, int64_t *id, char *err);

/* The same inside a transaction the caller holds, for a ticket, receipt or
 * talon written with its print (ticket.c, application.c, complaint.c);
 * ticket_id 0 for none. */
int kz_outbox_add_job(struct kz_db *db, const char *printer, enum kz_doc_kind document,
	const char *lang, int64_t ticket_id, int64_t *id, char *err);

/* Take printer's oldest queued job whose pause has passed and mark it
 * 'sending' (one transaction).  KZ_EEMPTY if there is none; KZ_EREJECT if
 * the printer still has a job 'sending' (a printd already runs for it). */
int kz_outbox_claim(struct kz_db *db, const char *printer, struct kz_print_job *job, char *err);

/* The next job printer should print, left as it is: the oldest queued one
 * whose pause has passed.  First, queue tickets (not a person's reprint)
 * issued more than expire_seconds ago are recorded 'expired' (0: none
 * expire).  KZ_EEMPTY if there is none. */
int kz_outbox_next(struct kz_db *db, const char *printer, int expire_seconds,
	struct kz_print_job *job, char *err);

/* The job's first byte goes to the printer now: 'queued' to 'sending',
 * with the printout's raster bands (0 for a whole document).  A ticket that
 * expired meanwhile (expire_seconds as for kz_outbox_next) is recorded
 * 'expired' instead.  KZ_EEMPTY, and nothing is to be sent, when the job
 * is no longer queued (expired, or another service took it). */
int kz_outbox_start(struct kz_db *db, int64_t job, int bands, int expire_seconds, char *err);

/* Band band of a job 'sending' goes out now (bands: the whole picture is
 * out, the rest follows). */
int kz_outbox_progress(struct kz_db *db, int64_t job, int band, char *err);

/* The file a printer (the folder printer) wrote for job: kezek purge
 * removes it with the case it belongs to. */
int kz_outbox_set_file(struct kz_db *db, int64_t job, const char *path, char *err);

/* The job printer left 'sending' when its service stopped, if any (at
 * most one: a service sends one job at a time).  KZ_EEMPTY if none. */
int kz_outbox_unfinished(struct kz_db *db, const char *printer, struct kz_print_job *job,
	char *err);

/* The job printed. */
int kz_outbox_done(struct kz_db *db, int64_t job, char *err);

/* The job did not print for reason: try again after delay seconds.  From
 * 'sending', or 'queued' (not sent: the printer could not be reached). */
int kz_outbox_retry(struct kz_db *db, int64_t job, const char *reason, int delay, char *err);

/* The job cannot print (the document cannot be made, say): give up.  From
 * 'sending' or 'queued'. */
int kz_outbox_fail(struct kz_db *db, int64_t job, const char *reason, char *err);

/* The job was handed on (to a CUPS queue, say) and may still print, or
 * not: a person decides, as with a crash.  From 'sending' only. */
int kz_outbox_uncertain(struct kz_db *db, int64_t job, const char *reason, char *err);

/* At a printd's start: jobs of printer left 'sending' become 'uncertain'
 * (they may have printed); *n (may be NULL) is how many. */
int kz_outbox_recover(struct kz_db *db, const char *printer, int *n, char *err);

/* Print job again as a new queued job; *id the new one.  Only a job that
 * ended (done, failed or uncertain). */
int kz_outbox_reprint(struct kz_db *db, int64_t job, int64_t *id, char *err);

/* Call fn for printer's latest limit jobs, newest first; fn returns 0 to
 * go on. */
int kz_outbox_list(struct kz_db *db, const char *printer, int limit,
	int (*fn)(const struct kz_print_job *job, void *arg), void *arg, char *err);

/* Tell the staff that job was not seen printed (where: who noticed, such
 * as "kiosk kiosk-1"; reason: what was seen): an event in the log that
 * `kezek history` and the reports show.  The job itself is unchanged. */
int kz_outbox_report_unprinted(struct kz_db *db, int64_t job, const char *where, const char *reason,
	char *err);

/* Read one job. */
int kz_outbox_get(struct kz_db *db, int64_t job, struct kz_print_job *out, char *err);

/* Record what printer is doing: state and a reason for people.  KZ_EINVAL
 * for a state outside the enum. */
int kz_printer_set_state(struct kz_db *db, const char *printer, enum kz_printer_condition state,
	const char *reason, char *err);

/* A printer's recorded state, its reason (256 bytes), and the jobs waiting
 * for it. */
int kz_printer_get_state(struct kz_db *db, const char *printer, enum kz_printer_condition *state,
	char *reason, int *queued, char *err);

/* What a printer's service says of itself: its heartbeat (the injectable
 * clock's now) with its state, 'running', 'waiting' (for the database or
 * the printer: reason says which) or 'stopped' (asked to). */
enum kz_service_state {
	KZ_SERVICE_NONE,    /* "": never started */
	KZ_SERVICE_RUNNING, /* "running" */
	KZ_SERVICE_WAITING, /* "waiting": for the database or the printer */
	KZ_SERVICE_STOPPED, /* "stopped": asked to stop */
};

/* The column's word for s; "?" outside the enum. */
const char *kz_service_state_name(enum kz_service_state s);

/* Write printer's heartbeat now: state and reason. */
int kz_printer_heartbeat(struct kz_db *db, const char *printer, enum kz_service_state state,
	const char *reason, char *err);

/* printer's last heartbeat (*at 0 if none) with the state and reason
 * (256 bytes) it wrote. */
int kz_printer_get_heartbeat(struct kz_db *db, const char *printer, int64_t *at,
	enum kz_service_state *state, char *reason, char *err);

#endif
