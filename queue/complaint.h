/*
 * complaint.h - the complaints journal of p.20-25: register a complaint
 * (with its talon printed in the same transaction), record the answer,
 * list what is open or overdue.
 *
 *   registered --answer--> answered --purge (after retention)--> personal data gone
 *
 * A complaint is numbered "2026-C-0001": the local year of registration,
 * C, and the year's sequence (4 digits; a 10 000th gets 5).  Its answer is
 * due days (15, or 30 when more information must be gathered) calendar
 * days after the day of registration; a term that ends on a day off ends
 * on the next working day (kz_cal_add_calendar_days).  A complaint is
 * overdue from the day after its due day while it has no answer.
 *
 * The complainant's name, contact, the summary and the answer are personal
 * data (p.17.7): they never go into the event log (which records the
 * number, channel, kind and term only) and kezek purge removes them.
 * Every change is one BEGIN IMMEDIATE transaction with its event.
 */
#ifndef KZ_COMPLAINT_H
#define KZ_COMPLAINT_H

#include <stdint.h>

#include "calendar.h"
#include "db.h"

#define KZ_COMPLAINT_TEXT_MAX 2000 /* bytes of a summary or an answer */
#define KZ_COMPLAINT_NAME_MAX 200  /* bytes of a name or a contact */

/* How a complaint came, or how its answer went.  Stored as its name
 * (kz_complaint_channel_name). */
enum kz_complaint_channel {
	KZ_CHANNEL_NONE, /* not given; no answer yet */
	KZ_CHANNEL_IN_PERSON,
	KZ_CHANNEL_POST,
	KZ_CHANNEL_EMAIL,
};

/* What a complaint is about.  Stored as its name (kz_complaint_kind_name). */
enum kz_complaint_kind {
	KZ_COMPLAINT_KIND_NONE, /* not given */
	KZ_COMPLAINT_RESULT,    /* the result (p.21) */
	KZ_COMPLAINT_SERVICE,   /* the service (p.22) */
};

/* The words stored and printed: "in_person", "post", "email" ("" for
 * none); "result", "service" ("" for none). */
const char *kz_complaint_channel_name(enum kz_complaint_channel c);
const char *kz_complaint_kind_name(enum kz_complaint_kind k);

/* Parse a channel as typed ("in_person" or "in-person", "post", "email" or
 * "e-mail"); KZ_EINVAL otherwise, the message saying it is not how (how a
 * complaint comes, how an answer is given) and naming the channels. */
int kz_complaint_channel_parse(const char *s, const char *how, enum kz_complaint_channel *out,
	char *err);

/* Parse a kind ("result", "service"); KZ_EINVAL naming both otherwise. */
int kz_complaint_kind_parse(const char *s, enum kz_complaint_kind *out, char *err);

/* What the clerk writes in the journal. */
struct kz_complaint_new {
	int counter;                       /* taken at this counter: its clerk took it; or 0 and: */
	const char *clerk;                 /* the clerk who took it (full name), with */
	const char *position;              /* the clerk's position; both NULL with a counter */
	enum kz_complaint_channel channel; /* how it came */
	enum kz_complaint_kind kind;       /* about the result (p.21) or the service (p.22) */
	const char *name;                  /* the complainant: surname, name (organisation) */
	const char *contact;               /* where the answer goes; required for post and email */
	const char *text;                  /* what the complaint is about, in short */
	int days;                          /* 15 or 30; 0 means 30 */
};

struct kz_complaint {
	int64_t id;
	char number[24];                   /* 2026-C-0001 */
	int64_t registered_at;             /* UTC seconds */
	enum kz_complaint_channel channel; /* how it came */
	enum kz_complaint_kind kind;
	char name[256];                           /* personal; "" once purged */
	char contact[256];                        /* personal; "" if none or purged */
	char summary[2048];                       /* personal; "" once purged */
	char clerk[256];                          /* who took it, full name */
	char position[256];                       /* and their position */
	int counter;                              /* where it was taken, 0 if not at a counter */
	int days;                                 /* 15 or 30 */
	char due_day[11];                         /* local YYYY-MM-DD */
	int64_t answered_at;                      /* 0 while open */
	enum kz_complaint_channel answer_channel; /* KZ_CHANNEL_NONE while open */
	char answer[2048];                        /* personal; "" while open or once purged */
	char answer_clerk[256];                   /* who recorded the answer, "" if unknown */
	int overdue;                              /* open and past due_day now */
	int late;                                 /* answered after due_day */
	int64_t purged_at; /* 0 unless kezek purge removed its personal data */
};

/* Register c now; on KZ_OK *out (may be NULL) is the complaint.  With
 * printer (by name; NULL: no print), its talon in lang ("kk" or "ru") is
 * queued in the same transaction and *job (may be NULL) is the print job;
 * an unknown printer fails the whole registration.
 * KZ_EINVAL: a channel, kind or term not listed, a missing name or text,
 * no contact for a post or e-mail complaint, a text too long.
 * KZ_ENOTFOUND: no such counter; KZ_EREJECT: nobody is at that counter. */
int kz_complaint_add(struct kz_db *db, struct kz_calendar *cal, const struct kz_complaint_new *c,
	const char *printer, const char *lang, struct kz_complaint *out, int64_t *job, char *err);

/* Record the answer to complaint number, given now by channel (not
 * KZ_CHANNEL_NONE) with text (what it said, in short; required).  counter (0: none) names where it
 * was recorded: its clerk is recorded as answering.  KZ_ENOTFOUND: no
 * such complaint; KZ_EREJECT: it was answered already. */
int kz_complaint_answer(struct kz_db *db, const char *number, enum kz_complaint_channel channel,
	const char *text, int counter, struct kz_complaint *out, char *err);

/* Read complaint number (KZ_ENOTFOUND if none). */
int kz_complaint_get(struct kz_db *db, const char *number, struct kz_complaint *out, char *err);

/* The complaint whose talon print job is job (KZ_ENOTFOUND if job prints
 * no complaint): what kezek-printd lays out. */
int kz_complaint_of_job(struct kz_db *db, int64_t job, struct kz_complaint *out, char *err);

enum kz_complaint_filter {
	KZ_COMPLAINTS_ALL,
	KZ_COMPLAINTS_OPEN,    /* not answered yet */
	KZ_COMPLAINTS_OVERDUE, /* not answered and past the due day */
};

/* Call fn for each complaint that passes filter, by number (oldest
 * first), in one read transaction; fn returns 0 to go on.  *count (may be
 * NULL) is how many fn saw. */
int kz_complaint_list(struct kz_db *db, enum kz_complaint_filter filter,
	int (*fn)(const struct kz_complaint *c, void *arg), void *arg, int *count, char *err);

#endif
