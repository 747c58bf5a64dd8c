/*
 * console.h - what the files of kezek console share (cmd-console.c is the
 * command; console-draw.c the screen; console-visit.c the visitor's keys;
 * console-intake.c the intake form; console-papers.c complaints and
 * missing documents).  The console follows the counter page's flow and
 * words: Kazakh or Russian (l switches), a message stays on the screen
 * until the clerk presses the next key, actions that cannot be undone
 * are confirmed, the intake form checks each field as it is typed.
 */
#ifndef KZ_CONSOLE_H
#define KZ_CONSOLE_H

#include <stdint.h>

#include "kezek.h"
#include "queue/clerk.h"
#include "queue/status.h"

struct console {
	struct kz_cli *cli;
	int counter;
	int tty;               /* a terminal: full screen, colours, single keys */
	struct kz_clerk clerk; /* who logged in */
	const char *printer;   /* --print: talons, receipts, notices; NULL none */
	const char *lang;      /* --lang: the printouts' default language */
	struct kz_status st;   /* the hall as last drawn */
	int64_t drawn_version; /* data_version and minute of the last drawing */
	int64_t drawn_minute;
	char msg[KZ_ERR_LEN + 256]; /* what the last key did: stays until the next key */
};

/* The keys, as the help line shows them. */
const char *kz_console_keys(void);

/* What counter c->counter is doing as last read, NULL if not in the hall. */
const struct kz_counter_status *kz_console_counter(const struct console *c);

/* Read the hall and draw the screen, the message last. */
void kz_console_draw(struct console *c);

/* Set the message (printf format, already translated). */
void kz_console_say(struct console *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Say a refusal rc of operation what ("next", "transfer", "complaint" ...:
 * refusal.h) in the clerk's words; the queue's English reason only to a
 * console that speaks English. */
void kz_console_refused(struct console *c, int rc, const char *what);

/* Ask for a line after prompt; "" takes dflt (may be NULL).  0, or
 * KZ_TERM_EOF. */
int kz_console_ask(const char *prompt, const char *dflt, char *buf, size_t len);

/* Ask question, then y or n: 1 yes, 0 no, KZ_TERM_EOF. */
int kz_console_confirm(const char *question);

/* The keys' work: 1 to leave the console, 0 to go on. */
int kz_console_visit_key(struct console *c, int key);
int kz_console_intake(struct console *c);    /* a */
int kz_console_complaint(struct console *c); /* c */
int kz_console_resume(struct console *c);    /* d */

/* The printer for a receipt or notice: --print, or the hall's default;
 * NULL if there is none.  buf holds 32 bytes. */
const char *kz_console_paper_printer(struct console *c, char *buf);

#endif
