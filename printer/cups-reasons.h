/*
 * cups-reasons.h - what a CUPS printer's printer-state-reasons (media-empty,
 * media-jam, offline, paused, toner-low ...) mean to the staff: one of the
 * printer states every screen shows, and a short plain sentence saying
 * what to do.  The sentences are English msgids of po/ (Kazakh, Russian).
 */
#ifndef KZ_CUPS_REASONS_H
#define KZ_CUPS_REASONS_H

#include "queue/outbox.h"

struct kz_cups_printer {
	enum kz_printer_condition condition; /* ready, paper_out, paused ... */
	const char *said;  /* what staff do, a msgid of po/; "" when all is well */
	char reasons[256]; /* printer-state-reasons as CUPS says them ("none" if
			    * none), then printer-state-message in brackets */
};

/* Read p->reasons (keywords "a, b", each maybe with an -error, -warning
 * or -report suffix) with the printer-state (idle, processing, stopped)
 * into p->condition and p->said; the worst reason wins.  A stopped queue
 * with no reason of its own is paused. */
void kz_cups_read_reasons(const char *state, struct kz_cups_printer *p);

/* Whether p's message says the backend has not reached the printer yet
 * (connecting, unreachable, busy): nothing of the job is on it.  CUPS'
 * messages in the server's language other than English say nothing here. */
int kz_cups_not_reached(const struct kz_cups_printer *p);

/* Every sentence kz_cups_read_reasons can give, NULL-terminated: the
 * kiosk's catalogue test checks each has its translations. */
extern const char *const kz_cups_sentences[];

#endif
