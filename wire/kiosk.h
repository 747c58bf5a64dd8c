/*
 * kiosk.h - what a kiosk on its own machine and kezek-hall say to each
 * other (the /api/kiosk routes), as JSON both ways: the wait estimate of
 * queue/estimate.h, the ticket just issued, a print job's state, the
 * administrator PIN's state and a ballot's refusal.  One file for both
 * ends, so they always agree.
 */
#ifndef KZ_WIRE_KIOSK_H
#define KZ_WIRE_KIOSK_H

#include <jansson.h>

#include "queue/adminpin.h"
#include "queue/estimate.h"
#include "queue/feedback.h"
#include "queue/outbox.h"
#include "queue/ticket.h"

json_t *kz_wire_estimate(const struct kz_wait_estimate *e);
int kz_wire_estimate_parse(const json_t *j, struct kz_wait_estimate *out, char *err);

/* The ticket as the kiosk shows it: id, number, service, day, issued_at,
 * lunch_notice, resumes_at. */
json_t *kz_wire_ticket(const struct kz_ticket *t);
int kz_wire_ticket_parse(const json_t *j, struct kz_ticket *out, char *err);

/* A print job's id, state (kz_job_state_name) and reason. */
json_t *kz_wire_job(const struct kz_print_job *job);
int kz_wire_job_parse(const json_t *j, struct kz_print_job *out, char *err);

json_t *kz_wire_admin_pin(const struct kz_admin_pin *p);
int kz_wire_admin_pin_parse(const json_t *j, struct kz_admin_pin *out, char *err);

/* A ballot's refusal as a word ("may_vote", "unknown", "not_served",
 * "cast", "wrong_code") and back (an unknown word: "unknown"). */
const char *kz_wire_refusal(enum kz_ballot_refusal why);
enum kz_ballot_refusal kz_wire_refusal_parse(const char *word);

#endif
