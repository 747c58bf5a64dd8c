/*
 * cups.h - printouts to a CUPS queue: A4 PDF to an office printer (the
 * page size asked for, so A4 stays A4), or ESC/POS bytes to a raw queue of
 * a thermal printer; the job followed through its IPP states (pending,
 * held, processing, stopped, completed, cancelled, aborted) until it ends
 * or its own deadline passes, and the printer's state-reasons read as the
 * state staff see.
 *
 * The server is libcups' own choice: CUPS_SERVER, ~/.cups/client.conf or
 * /etc/cups/client.conf, else the local cupsd.  Every wait is bounded: each
 * exchange with cupsd by the I/O deadline, the job by its job deadline.
 */
#ifndef KZ_CUPS_H
#define KZ_CUPS_H

#include <stddef.h>
#include <stdint.h>

#include "cups-reasons.h"
#include "queue/error.h"

#define KZ_CUPS_STATE_MS 5000               /* kz_cups_state waits no longer */
#define KZ_CUPS_MEDIA_A4 "iso_a4_210x297mm" /* what ink/pdf.h lays pages out on */

/* How a job ended, for the outbox. */
enum kz_cups_end {
	KZ_CUPS_PRINTED,     /* completed: the printer took it whole */
	KZ_CUPS_NOT_PRINTED, /* refused before a job existed, or withdrawn unstarted
			      * (pending, held or stopped at the deadline, or the
			      * printer never reached): safe to send again */
	KZ_CUPS_GAVE_UP,     /* cancelled by a person or aborted by CUPS or the
			      * printer: it did not print and will not by itself */
	KZ_CUPS_UNKNOWN,     /* still printing at the deadline, or cupsd lost while
			      * it printed: it may have printed; a person decides */
};

struct kz_cups_result {
	int job_id;        /* 0 until the job is created */
	char state[16];    /* pending, held, processing, stopped, canceled, aborted,
			    * completed */
	char reasons[256]; /* job-state-reasons, and job-state-message in brackets */
	enum kz_cups_end end;
	struct kz_cups_printer printer; /* as last seen */
	int impressions;                /* job-impressions-completed as last seen */
	int handed;                     /* the printer held it whole while it printed
					 * (cups-waiting-for-job-completed), as cupsd's
					 * record of the job's events or a look says */
};

/* One job to print. */
struct kz_cups_job {
	const char *queue; /* the CUPS queue */
	const char *title; /* the job's name; NULL: "Kezek" */
	const uint8_t *data;
	size_t len;
	int raw;           /* ESC/POS bytes for a raw queue (application/vnd.cups-raw);
			    * else a PDF */
	const char *media; /* a PDF's page size (PWG name); NULL: KZ_CUPS_MEDIA_A4 */
	int io_timeout_ms; /* each exchange with cupsd */
	int job_ms;        /* the job from its creation to its end */
	/* Called (may be NULL) at each look at a job not ended yet, with what
	 * the job and the printer are doing: a printer paused or out of paper
	 * while the job waits is told as it happens. */
	void (*progress)(void *arg, const struct kz_cups_result *r);
	void *arg;
};

/* Print job j and follow it until it ends, or j->job_ms passes.  *out
 * (may be NULL) tells the job, its last state, how it ended and the
 * printer.  KZ_OK once the job completed (for CUPS: the document went
 * through the filters to the device, not that it is on paper).
 * KZ_EINVAL for a malformed queue name, no data or a timeout below 0.
 * KZ_EDEVICE otherwise, with err naming the queue or the server and the
 * reasons, and out->end saying whether it may still print: a job pending,
 * held or stopped at the deadline is cancelled (NOT_PRINTED), and so is
 * one processing while the backend still tries to reach the printer or is
 * told it is busy; one the printer may be printing is left to CUPS
 * (UNKNOWN).
 *
 * A queue paused while the job prints puts the job back to wait, and
 * CUPS sends it again from its start once the queue is resumed: after the
 * printer had it whole (handed over, in cupsd's record of the job's events
 * however briefly, or pages completed), that would print it twice.  Such a job is cancelled in CUPS there and then, and
 * counts as printed (KZ_OK): the printer took it whole, as a completed
 * job's; one put back before that is followed on, and prints once. */
int kz_cups_print(const struct kz_cups_job *j, struct kz_cups_result *out, char *err);

/* The queue's printer-state into state (16 bytes: idle, processing,
 * stopped) and its reasons read for staff into *p, within
 * KZ_CUPS_STATE_MS.  KZ_OK; KZ_EINVAL or KZ_EDEVICE as for kz_cups_print. */
int kz_cups_state(const char *queue, char *state, struct kz_cups_printer *p, char *err);

#endif
