/*
 * people.h - made-up people for the simulated days, drawn from a random
 * stream (the same stream gives the same people).
 */
#ifndef KZ_SIM_PEOPLE_H
#define KZ_SIM_PEOPLE_H

#include <stddef.h>

#include "queue/idnum.h"
#include "sim/rng.h"

/* A person's full name ("Surname First Patronymic" of either sex), a
 * phone number, a valid IIN or (legal) BIN, into out. */
void kz_sim_person(struct kz_rng *r, char *out, size_t len);
void kz_sim_phone(struct kz_rng *r, char *out, size_t len);
void kz_sim_idnum(struct kz_rng *r, int legal, char out[KZ_IDNUM_LEN + 1]);

/* The k-th name in turn, for a hall with more counters than its roster. */
void kz_sim_staff_name(int k, char *out, size_t len);

#endif
