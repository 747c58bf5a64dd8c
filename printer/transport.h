/*
 * transport.h - how a printout reaches a printer: one const table of
 * operations for each way in (tcp, device, usb, cups, cups-raw, folder), so the print
 * service (printd.c) and the A4 printing of reports (a4.c) take one path
 * whichever runs.  Start at kz_transport_send.
 *
 * What "done" means for each:
 *   tcp, device, usb  the ESC/POS bytes written and, for a printer that
 *                     answers status, its status answered after them;
 *   cups, cups-raw    the CUPS job completed (followed through its states
 *                     with a deadline of its own, kz_printout.job_ms);
 *   folder            the PDF file written whole and renamed into place.
 *
 * Adding a transport: its file here filling a struct kz_transport_ops, its
 * kind in queue/config.h (hall.ini's word there) and its row in transport.c.
 */
#ifndef KZ_TRANSPORT_H
#define KZ_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "escpos.h"
#include "queue/config.h"
#include "queue/error.h"
#include "queue/outbox.h"

/* How a printer is, for the outbox's printer state. */
struct kz_health {
	enum kz_printer_condition state; /* as the printers' state column will say */
	char reason[KZ_ERR_LEN];         /* for people; "" when there is nothing to say */
};

/* One printout to send: ESC/POS raster bytes, or an A4 PDF. */
struct kz_printout {
	const uint8_t *data;
	size_t len;
	const char *title; /* a CUPS job's name: "Kezek form 12" */
	const char *name;  /* a folder's file name without ".pdf": letters, digits, '-', '_' */
	/* cups, cups-raw: how long the job may take to end, queued, held or
	 * printing (0: the send's own timeout); its I/O stays timeout_ms. */
	int job_ms;
	/* cups, cups-raw (may be NULL): told how the printer is while the job
	 * waits or prints, and once more at its end. */
	void (*progress)(void *arg, const struct kz_health *h);
	void *progress_arg;
};

/* What became of a send that failed. */
enum kz_unsent {
	KZ_UNSENT_RETRY,     /* not printed, nothing left anywhere: safe to send again */
	KZ_UNSENT_UNCERTAIN, /* handed on and may still print (a job printing in CUPS
			      * past its deadline): a person decides, as after a crash */
	KZ_UNSENT_FAILED,    /* ended without printing and will not by itself (a job
			      * cancelled or aborted in CUPS): given up, reprint on request */
};

/* Every operation returns KZ_OK, KZ_EINVAL for an address or argument that
 * is malformed, KZ_ENOMEM, or KZ_EDEVICE when the printer cannot be
 * reached, refuses, drops the connection or times out; err (KZ_ERR_LEN
 * bytes, may be NULL) then names the printer's address and the reason.  A
 * timeout_ms of 0 waits for nothing; below 0 is KZ_EINVAL.  After a failed
 * write the printer may hold part of a printout: close and open again
 * before sending the next one.  Deadlines are kz_deadline_now() ms. */
struct kz_transport_ops {
	enum kz_transport_kind kind;
	const char *name; /* hall.ini's word: "tcp", for messages */
	int pdf;          /* it takes A4 PDF (cups, folder); else ESC/POS raster */
	/* Reach the printer at address ("host:port", port defaulting to 9100,
	 * for tcp; a path such as /dev/usb/lp0 for device; vendor:product or
	 * auto for usb; a queue for cups; a folder, made if missing, for
	 * folder), waiting at most timeout_ms; but tcp's name lookup keeps the
	 * system resolver's own timeouts.  *state is the transport's own. */
	int (*open)(const char *address, int timeout_ms, void **state, char *err);
	/* Let go of the printer; state may be NULL.  tcp resets a connection
	 * whose write failed rather than let it deliver half a printout. */
	void (*close)(void *state);

	/* ESC/POS byte streams (tcp, device, usb); NULL for the others. */
	/* Send all len bytes or fail; never longer than timeout_ms in all.
	 * KZ_OK means the bytes have left Kezek (the kernel may still hold
	 * some), not that they are on paper: status tells that. */
	int (*write)(void *state, const uint8_t *data, size_t len, int timeout_ms, char *err);
	/* Wait (at most timeout_ms) until the printer has taken every byte
	 * written, not just the kernel: tcp's send queue drained.  NULL where
	 * a write returns only once the device took the bytes (device, usb). */
	int (*settle)(void *state, int timeout_ms, char *err);
	/* The status dialogue's raw pieces; kz_transport_status does the
	 * rest.  Send a request's bytes by the deadline (timeout_ms: for the
	 * message only). */
	int (*send_by)(void *state, const uint8_t *data, size_t len, long long deadline,
		int timeout_ms, char *err);
	/* Before a status dialogue: throw away bytes the printer sent unasked
	 * and name it in where (len bytes: "at 127.0.0.1:9100"); KZ_EDEVICE
	 * saying why when it cannot answer (a FIFO, a file, no bulk IN).
	 * NULL (with read_byte): this transport cannot read back. */
	int (*status_begin)(void *state, char *where, size_t len, char *err);
	/* Read the one answer byte to status request ask by the deadline. */
	int (*read_byte)(void *state, int ask, uint8_t *b, long long deadline, int timeout_ms,
		char *err);

	/* Whole documents (cups, cups-raw, folder); NULL for ESC/POS, whose send is the
	 * bytes then, for a printer that answers status, its status. */
	/* Deliver p until done (see the top); on failure *unsent tells
	 * whether it may still print. */
	int (*deliver)(void *state, const struct kz_printout *p, int timeout_ms,
		enum kz_unsent *unsent, char *err);
	/* How the printer is now, within timeout_ms. */
	int (*health)(void *state, int timeout_ms, struct kz_health *h, char *err);
};

extern const struct kz_transport_ops kz_transport_tcp, kz_transport_device, kz_transport_usb,
	kz_transport_cups, kz_transport_folder, kz_transport_cups_raw;

/* The transport of this kind (hall.ini's transport =), or NULL for
 * KZ_TRANSPORT_NONE or a value outside the enum. */
const struct kz_transport_ops *kz_transport_find(enum kz_transport_kind kind);

/* The printer's real-time status, the dialogue every ESC/POS transport
 * has: DLE EOT 1, 2 and 4, and 3 when 2 reports an error, each request
 * sent and its answer read by one deadline timeout_ms away; *st reset
 * first, and on failure st->valid tells which answers came.  KZ_EDEVICE
 * for a transport that cannot read back (NULL status_begin, or what it
 * says), an answer that is no status byte, or what the exchange met. */
int kz_transport_status(const struct kz_transport_ops *ops, void *state,
	struct kz_printer_state *st, int timeout_ms, char *err);

/* Send p on an open printer until done, as its transport means it (see the
 * top); confirm: the printer answers status (status = yes in hall.ini),
 * so an ESC/POS printer must answer after the bytes or it did not take
 * them.  On failure *unsent (may be NULL) says whether p may still print. */
int kz_transport_send(const struct kz_transport_ops *ops, void *state, const struct kz_printout *p,
	int confirm, int timeout_ms, enum kz_unsent *unsent, char *err);

/* Whether the printer can be asked how it is: cups and folder always, an
 * ESC/POS printer when it answers status (confirm) and its transport can
 * read back. */
int kz_transport_can_ask(const struct kz_transport_ops *ops, int confirm);

/* How an open printer is (kz_transport_can_ask first): an ESC/POS printer's
 * status read as ready, paper_low, paper_out, cover_open, offline or error
 * with the reason in words, or what cups or folder say.  KZ_OK with h
 * filled, or the transport's error, h then offline with the error as
 * reason. */
int kz_transport_health(const struct kz_transport_ops *ops, void *state, int timeout_ms,
	struct kz_health *h, char *err);

/* Whether a printer in health h can take a printout: ready or paper_low. */
int kz_transport_printable(const struct kz_health *h);

#endif
