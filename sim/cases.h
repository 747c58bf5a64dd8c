/*
 * cases.h - the applications and complaints of simulated days (cases.c),
 * called by the day's loop in simulate.c on its events.
 */
#ifndef KZ_SIM_CASES_H
#define KZ_SIM_CASES_H

#include "queue/complaint.h"
#include "sim/state.h"

/* A served visitor at counter c: an intake visitor may hand in documents,
 * a result visitor collect a ready result, a complaint-service visitor
 * complain. */
int kz_sim_case_hooks(struct sim *s, struct sim_counter *c);

/* Events of the cases: application who decided (approve or reject), its
 * refusal notice sent; a complaint by channel at counter (0: by post or
 * e-mail); complaint who answered. */
int kz_sim_on_decide(struct sim *s, int who, int approve);
int kz_sim_on_notice(struct sim *s, int who);
int kz_sim_complain(struct sim *s, int counter, enum kz_complaint_channel channel);
int kz_sim_on_answer(struct sim *s, int who);

#endif
