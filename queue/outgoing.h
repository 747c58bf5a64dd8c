/*
 * outgoing.h - the office's register of outgoing papers: each notice of
 * p.16 and each motivated refusal of p.5 takes the year's next number,
 * "2026-O-0001" (the local year, O for outgoing, the year's sequence with
 * no gap), and its date, in the transaction that makes the paper.  One
 * hall database is one office, so the register is per office and year.
 */
#ifndef KZ_OUTGOING_H
#define KZ_OUTGOING_H

#include <stdint.h>

#include "db.h"

#define KZ_OUTGOING_LEN 24 /* bytes of a number with its NUL */

/* The papers the register numbers; stored as "notice", "refusal". */
enum kz_outgoing_doc {
	KZ_OUTGOING_NOTICE,  /* the notice of suspension, p.16 */
	KZ_OUTGOING_REFUSAL, /* the motivated refusal, p.5 */
};

/* Inside a transaction the caller holds: register document of
 * application (its id) at instant now, into number (KZ_OUTGOING_LEN) and
 * day (local YYYY-MM-DD).  An application has one of each: a second is
 * KZ_EREJECT. */
int kz_outgoing_take(struct kz_db *db, enum kz_outgoing_doc document, int64_t application,
	int64_t now, char *number, char day[11], char *err);

#endif
