/*
 * doctor.h - the checks of kezek doctor (cmd-doctor.c), one table.  Each
 * check fills a line: what it found, and what to do when that is not
 * right.  A check may add lines of its own (one per printer or kiosk) to
 * extra.  The doctor keeps what earlier checks found (the configuration,
 * the database) for the later ones.  What a check writes into a line is
 * already in the staff's language (T, kz_trn); a lower layer's message
 * (a line of hall.ini, a damaged database) follows a translated lead.
 */
#ifndef KZ_DOCTOR_H
#define KZ_DOCTOR_H

#include "kezek.h"
#include "queue/calendar.h"
#include "queue/db.h"

enum kz_doctor_verdict { KZ_DOCTOR_OK, KZ_DOCTOR_WARN, KZ_DOCTOR_FAIL, KZ_DOCTOR_SKIP };

struct kz_doctor_line {
	enum kz_doctor_verdict verdict;
	char what[KZ_ERR_LEN];
	char todo[KZ_ERR_LEN];
};

#define KZ_DOCTOR_EXTRA 24

struct kz_doctor {
	struct kz_cli *cli;
	struct kz_config *cfg;
	int config_ok;
	const char *db_path;
	struct kz_db *db; /* open when the database check passed */
	int nextra;
	struct kz_doctor_line extra[KZ_DOCTOR_EXTRA];
};

struct kz_doctor_check {
	const char *name; /* a msgid (N): said in the staff's words */
	enum kz_doctor_verdict (*run)(struct kz_doctor *d, struct kz_doctor_line *line);
};

/* Every check in the order they run, ending with {NULL}. */
extern const struct kz_doctor_check kz_doctor_checks[];

/* Close what the checks opened. */
void kz_doctor_done(struct kz_doctor *d);

#endif
