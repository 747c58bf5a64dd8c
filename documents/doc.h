/*
 * doc.h - what the documents of this folder share: where their data comes
 * from (struct kz_doc_source), this office's contacts, and, when they lay
 * themselves out, keeping a phone number on one line, checking fields.
 */
#ifndef KZ_DOC_H
#define KZ_DOC_H

#include <stddef.h>

#include "ink/layout.h"
#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/directory.h"

/* Where a document loads its data from (documents.h): the hall's database
 * and configuration.  The caller fills the first three and lets the rest
 * start NULL; kz_doc_source_close frees what documents loaded into it. */
struct kz_doc_source {
	struct kz_db *db;
	const struct kz_config *cfg;
	const char *printer;          /* the printer's name: the test page says it */
	struct kz_directory *offices; /* App. 1, loaded by the first receipt or notice */
};

void kz_doc_source_close(struct kz_doc_source *src);

/* This office's name, address and phone in lang, as a receipt or notice
 * prints them: App. 1 (offices.csv, in Russian) under the configuration's
 * office key; in Kazakh, the [office] section's name and address where
 * given.  The address is where the result is issued.  The texts live as
 * long as src.  KZ_ECONFIG naming what to set when the office is not
 * configured or not in the directory. */
int kz_doc_office_contact(struct kz_doc_source *src, const char *lang, const char **name,
	const char **address, const char **phone, char *err);

/* s with its spaces made no-break into out (len bytes): a phone number or
 * "№ 2026-0001" must not split over lines. */
void kz_doc_unbroken(const char *s, char *out, size_t len);

/* The foot of a letter (the notice, the motivated refusal): "Executed by:",
 * the clerk's name and position, and a line to sign on with "(signature)"
 * under it, in lang, at text scale s (kz_doc_start). */
int kz_doc_signature(struct kz_layout *l, const char *lang, const char *name, const char *position,
	int s, char *err);

/* The paper and language of a document: width 384 or 576 dots, lang kk or
 * ru; KZ_EINVAL with a message naming what ("a receipt") otherwise, and
 * KZ_ECONFIG when no translations are in use (kz_i18n_use): a document
 * never prints its English source words. */
int kz_doc_check_format(const char *what, int width, const char *lang, char *err);

/* A document's words are English msgids marked N("...") in a struct of
 * const char * fields, translated as a whole into lang from the catalogues
 * in use (queue/i18n.h) by KZ_DOC_WORDS(lang, &english, &out). */
#define N(msgid) (msgid)
void kz_doc_words(const char *lang, const char *const *en, const char **out, int n);
#define KZ_DOC_WORDS(lang, en, out)                                                                \
	kz_doc_words(lang, (const char *const *)(en), (const char **)(out),                        \
		(int)(sizeof *(out) / sizeof(const char *)))

/* White dots on every side of every document: printers smear the edge. */
#define KZ_DOC_MARGIN 8

/* Empty out for paper width dots wide, with the margin every document
 * keeps; returns the text scale, in quarters of the 58 mm sizes (4; 5 on
 * 80 mm). */
int kz_doc_start(struct kz_layout *out, int width);

/* The names in lang of the p.11 documents in set (bits of KZ_APPDOC_*),
 * at most max of them, into names; returns how many. */
int kz_doc_app_docs(unsigned set, const char *lang, const char **names, int max);

/* A field not given: NULL or "". */
int kz_doc_missing(const char *s);

/* A real calendar day (30 February is not). */
int kz_doc_real_date(struct kz_date d);

#endif
