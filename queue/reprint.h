/*
 * reprint.h - every paper printed again from its number: a queue ticket
 * (by its number and day), the receipt of p.14, the notice of p.16 and the
 * motivated refusal of p.5 (by the application's number), the talon of p.25 (by the complaint's number)
 * and the blank form of App. 2.  One row of reprint.c per kind says how its
 * number is found; a new document adds its row there.
 */
#ifndef KZ_REPRINT_H
#define KZ_REPRINT_H

#include <stdint.h>

#include "db.h"
#include "outbox.h"

/* What the number of a reprintable kind is, for messages and --help
 * ("application"); NULL for a kind that is not printed again by number
 * (the form takes none: "" ; a test page or a report: NULL). */
const char *kz_reprint_numbered(enum kz_doc_kind kind);

/* The printer that printed kind for number last and in what language
 * (printer 32 bytes, lang 3), both "" if it was never printed.
 * KZ_ENOTFOUND for no such ticket, application or complaint. */
int kz_reprint_last(struct kz_db *db, enum kz_doc_kind kind, const char *number, const char *day,
	char *printer, char *lang, char *err);

/* Queue kind for what number names on printer, in lang, asked for by who
 * (a counter or a clerk: "counter 3", "clerk Aliya Serikova"; "" if not
 * known), with a print_asked event in the log, in one transaction; *id
 * the new job.  number is a ticket's (issued on the local day day,
 * YYYY-MM-DD), an application's or a complaint's; ignored for the form.
 * KZ_ENOTFOUND for no such ticket, application, complaint or printer;
 * KZ_EREJECT for a kind not printed by number, a notice of an application
 * that was not refused, a receipt of one that was, or a motivated refusal
 * of one that was not rejected. */
int kz_reprint_add(struct kz_db *db, const char *printer, enum kz_doc_kind kind, const char *number,
	const char *day, const char *lang, const char *who, int64_t *id, char *err);

#endif
