/*
 * documents.h - every paper Kezek prints, one row each in documents.c: its
 * kind (enum kz_doc_kind of queue/outbox.h, the outbox's document column),
 * what people call it, the papers it may go on, and how it is made from a
 * print job: load gathers its data from the queue, lay_out sets that data
 * as a layout (ink/layout.h) for a thermal roll or, the same layout, an A4
 * page (ink/pdf.h).  A document never saves a file nor speaks to a
 * printer: printer/ does that with what it makes.
 *
 * Adding a document: its file here (data, layout, load, lay_out), its kind
 * in queue/outbox.h and its row in documents.c.
 */
#ifndef KZ_DOCUMENTS_H
#define KZ_DOCUMENTS_H

#include "doc.h"
#include "ink/layout.h"
#include "queue/config.h"
#include "queue/outbox.h"

/* The papers a printer holds and a document may go on. */
enum kz_paper {
	KZ_PAPER_58MM = 1 << 0, /* thermal roll, KZ_DOTS_58MM */
	KZ_PAPER_80MM = 1 << 1, /* thermal roll, KZ_DOTS_80MM */
	KZ_PAPER_A4 = 1 << 2,   /* an office printer: the 80 mm layout as an A4 page */
};

#define KZ_PAPER_ANY (KZ_PAPER_58MM | KZ_PAPER_80MM | KZ_PAPER_A4)

struct kz_document {
	enum kz_doc_kind kind;
	const char *what; /* for people, in messages: "a blank application form (App. 2)" */
	unsigned papers;  /* the enum kz_paper bits it may go on */
	/* Gather job's data from src into *data, for lay_out; it may point into
	 * job and src, so keep them while it lives.  NULL: the document is not
	 * made from a print job (the report: kezek report makes it). */
	int (*load)(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
		char *err);
	/* Lay data out width dots wide (KZ_DOTS_58MM or KZ_DOTS_80MM). */
	int (*lay_out)(const void *data, int width, struct kz_layout *out, char *err);
	/* Let data go; may be NULL: free() is enough. */
	void (*free_data)(void *data);
};

/* The row of kind; NULL for KZ_DOC_NONE or a value outside the enum. */
const struct kz_document *kz_document(enum kz_doc_kind kind);

/* The paper printer pr holds: A4 for role a4, else its roll. */
enum kz_paper kz_document_paper(const struct kz_printer_conf *pr);

/* Whether kind may go on printer pr of cfg.  KZ_OK, or KZ_EINVAL with err
 * saying what cannot print where and on which printer it can: a document
 * for A4 only (the blank form, the report) on a thermal roll, say. */
int kz_document_check_paper(enum kz_doc_kind kind, const struct kz_config *cfg,
	const struct kz_printer_conf *pr, char *err);

/* job's document, loaded from src and laid out for paper (an A4 page takes
 * the 80 mm layout).  KZ_EINVAL for a kind this build cannot make from a
 * job, or what its load or lay_out returned. */
int kz_document_make(struct kz_doc_source *src, const struct kz_print_job *job, enum kz_paper paper,
	struct kz_layout *out, char *err);

#endif
