/* talon.h - the talon given for a registered complaint (standard p.25),
 * laid out once as data (ink/layout.h) for the thermal printout and the A4 PDF. */
#ifndef KZ_DOC_TALON_H
#define KZ_DOC_TALON_H

#include <stddef.h>
#include <stdint.h>

#include "ink/layout.h"
#include "queue/calendar.h"

struct kz_doc_source;
struct kz_print_job;

/* Everything p.25 requires the talon to say, in one language. */
struct kz_talon_doc {
	const char *lang;          /* "kk" or "ru" */
	const char *office;        /* the local executive body that registered it */
	const char *number;        /* the complaint's number in the register */
	int64_t registered_at;     /* UTC seconds; printed as local date and time */
	const char *taker_name;    /* full name; printed as surname and initials */
	struct kz_date due;        /* the answer's last day */
	int days;                  /* 15 or 30 calendar days, p.25 */
	const char *answer_place;  /* where the answer is handed out */
	const char *official_name; /* the office's official to ask about progress */
	const char *official_position;
	const char *official_phone;
	const char *body_name; /* the body of Appendix 5 */
	const char *body_phone;
	const char *body_email;
};

/* Lay the talon out for paper width dots wide (KZ_DOTS_58MM or
 * KZ_DOTS_80MM).  KZ_EINVAL for another width or language, a missing
 * field, days other than 15 or 30, a due date before the registration's
 * date plus days, or a text too long for a block. */
int kz_doc_talon_layout(const struct kz_talon_doc *d, int width, struct kz_layout *out, char *err);

/* "Иванова Мария Петровна" as "Иванова М. П." into out (len bytes): the
 * surname, then the first letter of each further name with a full stop;
 * a hyphenated name gives both ("Анна-Мария": "А.-М."), and the Kazakh
 * patronymic's separate "қызы", "ұлы" is part of it, no initial of its own.
 * Runs of spaces count as one.  KZ_EINVAL for a name with no letters or
 * one that does not fit out. */
int kz_doc_initials(const char *full, char *out, size_t len);

/* The table's trio (documents.h): the talon of complaint job j, from its
 * journal entry and this office's contacts of App. 1 and App. 5; that data
 * laid out; and let go. */
int kz_doc_talon_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data,
	char *err);
int kz_doc_talon_lay_out(const void *data, int width, struct kz_layout *out, char *err);
void kz_doc_talon_free(void *data);

#endif
