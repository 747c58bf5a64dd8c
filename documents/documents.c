/* documents.c - the table of documents, one row each; see documents.h. */
#include <stdlib.h>

#include "documents.h"
#include "form.h"
#include "notice.h"
#include "receipt.h"
#include "refusal.h"
#include "talon.h"
#include "test.h"
#include "ticket.h"
#include "queue/error.h"

#define THERMAL (KZ_PAPER_58MM | KZ_PAPER_80MM)
/* the documents' names are English msgids (po/), said in the staff's words */
#ifndef N
#define N(msgid) (msgid)
#endif

static const struct kz_document table[KZ_DOC_COUNT] = {
	[KZ_DOC_TICKET] = {KZ_DOC_TICKET, N("a queue ticket"), KZ_PAPER_ANY, kz_doc_ticket_load,
		kz_doc_ticket_lay_out, NULL},
	[KZ_DOC_RECEIPT] = {KZ_DOC_RECEIPT, N("a receipt for documents (p.14)"), KZ_PAPER_ANY,
		kz_doc_receipt_load, kz_doc_receipt_lay_out, NULL},
	[KZ_DOC_NOTICE] = {KZ_DOC_NOTICE, N("a notice of refusal (p.16)"), KZ_PAPER_ANY,
		kz_doc_notice_load, kz_doc_notice_lay_out, NULL},
	[KZ_DOC_TALON] = {KZ_DOC_TALON, N("a complaint talon (p.25)"), KZ_PAPER_ANY,
		kz_doc_talon_load, kz_doc_talon_lay_out, kz_doc_talon_free},
	[KZ_DOC_FORM] = {KZ_DOC_FORM, N("a blank application form (App. 2)"), KZ_PAPER_A4,
		kz_doc_form_load, kz_doc_form_lay_out, NULL},
	[KZ_DOC_TEST] = {KZ_DOC_TEST, N("a test page"), KZ_PAPER_ANY, kz_doc_test_load,
		kz_doc_test_lay_out, NULL},
	/* drawn with cairo on its own pages by report.c, on request (kezek report) */
	[KZ_DOC_REPORT] = {KZ_DOC_REPORT, N("the managers' report"), KZ_PAPER_A4, NULL, NULL, NULL},
	/* a letter: on A4 only (p.5, p.16) */
	[KZ_DOC_REFUSAL] = {KZ_DOC_REFUSAL, N("a motivated refusal (p.5)"), KZ_PAPER_A4,
		kz_doc_refusal_load, kz_doc_refusal_lay_out, kz_doc_refusal_free},
	[KZ_DOC_FORM_SAMPLE] = {KZ_DOC_FORM_SAMPLE,
		N("a sample filled-in application form (App. 2)"), KZ_PAPER_A4, kz_doc_form_load,
		kz_doc_form_sample_lay_out, NULL},
};

const struct kz_document *
kz_document(enum kz_doc_kind kind)
{
	if (kind <= KZ_DOC_NONE || kind >= KZ_DOC_COUNT || table[kind].kind != kind)
		return NULL;
	return &table[kind];
}

enum kz_paper
kz_document_paper(const struct kz_printer_conf *pr)
{
	if (pr->role == KZ_ROLE_A4)
		return KZ_PAPER_A4;
	return pr->paper == 58 ? KZ_PAPER_58MM : KZ_PAPER_80MM;
}

int
kz_document_check_paper(enum kz_doc_kind kind, const struct kz_config *cfg,
	const struct kz_printer_conf *pr, char *err)
{
	const struct kz_document *d = kz_document(kind);

	if (d == NULL)
		return kz_err(err, KZ_EINVAL,
			"printer '%s' was asked for a document this build "
			"does not know",
			pr->name);
	if (d->papers & kz_document_paper(pr))
		return KZ_OK;
	if (d->papers == KZ_PAPER_A4)
		return kz_err(err, KZ_EINVAL,
			"cannot print %s on '%s': it goes on A4 paper only and '%s' holds %d mm "
			"thermal rolls; name a printer with role a4 of %s ('kezek print status' "
			"lists them)",
			d->what, pr->name, pr->name, pr->paper,
			cfg->path[0] ? cfg->path : "hall.ini");
	return kz_err(err, KZ_EINVAL,
		"cannot print %s on '%s': its paper does not suit it; name another printer of %s",
		d->what, pr->name, cfg->path[0] ? cfg->path : "hall.ini");
}

int
kz_document_make(struct kz_doc_source *src, const struct kz_print_job *job, enum kz_paper paper,
	struct kz_layout *out, char *err)
{
	const struct kz_document *d = kz_document(job->document);
	int width = paper == KZ_PAPER_58MM ? KZ_DOTS_58MM : KZ_DOTS_80MM;
	void *data = NULL;
	int rc;

	if (d == NULL)
		return kz_err(err, KZ_EINVAL,
			"job %lld asks for a document this build does not know",
			(long long)job->id);
	if (d->load == NULL)
		return kz_err(err, KZ_EINVAL,
			"%s is not printed from the print queue; 'kezek report' makes it", d->what);
	if ((rc = d->load(src, job, &data, err)) != KZ_OK)
		return rc;
	rc = d->lay_out(data, width, out, err);
	if (d->free_data != NULL)
		d->free_data(data);
	else
		free(data);
	return rc;
}
