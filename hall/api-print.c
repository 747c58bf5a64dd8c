/*
 * api-print.c - POST /api/print {"doc": "receipt|notice|talon|ticket",
 * "number": ...}: print a paper again on the counter's printer ([counter N] printer =, else the hall's receipts printer), as
 * 'kezek print receipt|notice|talon|ticket NUMBER', asked for by the
 * logged-in clerk at their counter (the event log's print_asked).
 */
#include <stdio.h>
#include <string.h>

#include "queue/application.h"
#include "queue/clock.h"
#include "queue/reprint.h"
#include "routes.h"

int
hall_print(struct hall_req *r)
{
	const char *doc = hall_body_str(r, "doc"), *number = hall_body_str(r, "number");
	enum kz_doc_kind kind = doc ? kz_outbox_doc_kind(doc) : KZ_DOC_NONE;
	char printer[32], err[KZ_ERR_LEN], who[64], day[11];
	int64_t job = 0;
	int rc;

	if (kind != KZ_DOC_RECEIPT && kind != KZ_DOC_NOTICE && kind != KZ_DOC_TALON &&
		kind != KZ_DOC_TICKET) {
		hall_fail(r, 400, "invalid",
			N("Choose the paper: receipt, notice, talon or ticket."), doc);
		json_object_set_new(r->out, "field", json_string("doc"));
		return KZ_EINVAL;
	}
	if (number == NULL || number[0] == '\0' || strlen(number) > 23) {
		hall_fail(r, 400, "invalid", N("Write the paper's number."), NULL);
		json_object_set_new(r->out, "field", json_string("number"));
		return KZ_EINVAL;
	}
	snprintf(who, sizeof who, "counter %d", r->sess.counter);
	kz_clock_day(kz_clock_now(), day);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_app_counter_printer(r->hall->db, r->hall->cfg, r->sess.counter, printer, err);
	if (rc == KZ_OK)
		rc = kz_reprint_add(r->hall->db, printer, kind, number, day, r->lang, who, &job,
			err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_ENOTFOUND)
		return hall_fail(r, 404, "not_found",
			N("There is no such paper, or no printer for it in the hall."), err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("This paper is not printed for that number."), err);
	hall_ok(r, json_pack("{s:I, s:s}", "job", (json_int_t)job, "printer", printer));
	return KZ_OK;
}
