/*
 * cups.h - A4 printouts (ink/pdf.h) to an office printer through a CUPS queue,
 * followed until the job is done, so a refused or stuck job is told.
 *
 * The server is libcups' own choice: CUPS_SERVER, ~/.cups/client.conf or
 * /etc/cups/client.conf, else the local cupsd.  Every wait is bounded.
 */
#ifndef KZ_CUPS_H
#define KZ_CUPS_H

#include <stddef.h>
#include <stdint.h>

#define KZ_CUPS_STATE_MS 5000 /* kz_cups_state waits no longer */

struct kz_cups_result {
	int job_id;        /* 0 until the job is created */
	char state[16];    /* completed, stopped, canceled, aborted, pending, processing */
	char reasons[256]; /* job-state-reasons or printer-state-reasons, for people */
};

/* Print the PDF pdf[0..len) on queue as one job named title, and wait until
 * it is completed, stopped, canceled or aborted, at most timeout_ms in all
 * (0 or more).  *out (may be NULL) tells the job and its last state.
 * KZ_OK once the job is completed (for CUPS: the file went through the
 * filters to the device, not that it is on paper).  KZ_EINVAL for a
 * malformed queue name, an empty PDF or a negative timeout.  KZ_EDEVICE,
 * with err naming the queue or the server and the reasons, when the server
 * cannot be reached, the queue does not exist, is stopped or refuses jobs,
 * the job ends other than completed, or is still pending or processing
 * at timeout_ms: that job is left in the queue (out->job_id) and may still
 * print, so print it again only after cancelling it. */
int kz_cups_print(const char *queue, const char *title, const uint8_t *pdf, size_t len,
	int timeout_ms, struct kz_cups_result *out, char *err);

/* The queue's printer-state into state (16 bytes: idle, processing,
 * stopped) and printer-state-reasons into reasons (256 bytes, "none" if
 * none, then any printer-state-message in brackets: "paused (out of
 * paper)"), within KZ_CUPS_STATE_MS.  KZ_OK; KZ_EINVAL or KZ_EDEVICE as for
 * kz_cups_print. */
int kz_cups_state(const char *queue, char *state, char *reasons, char *err);

#endif
