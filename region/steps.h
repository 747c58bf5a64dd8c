/*
 * steps.h - the centre's numbered schema steps (PostgreSQL).  Step N takes
 * the centre from version N-1 to N.  Never edit a step that has shipped.
 */
#ifndef KZ_REGION_STEPS_H
#define KZ_REGION_STEPS_H

struct kz_centre_step {
	int version;
	const char *name;
	const char *sql;
};

extern const struct kz_centre_step kz_centre_steps[];
extern const int kz_centre_nsteps;

#endif
