/*
 * application.h - applications for the service: intake with the p.11
 * checklist and the act check, the receipt (p.14) or the notice of
 * refusal (p.16), the decision, hand-over (p.15) and the lists.
 *
 *   accept --all documents--> registered --decide--> approved | rejected
 *   accept --a document missing--> suspended (notice due within 1 day)
 *   suspended --resume: the missing documents--> registered, due anew
 *   suspended, term passed --expire--> refused (the motivated refusal)
 *   registered, no decision by due_day --> deemed approved from due_day
 *   approved | rejected | deemed --handover--> handed over (p.15)
 *
 * A number is "2026-0001": the local year of acceptance and the year's
 * sequence.  The result is due on the 3rd working day after the day of
 * acceptance (p.7.1, kz_cal_due).  "Deemed approved" (p.16, last
 * paragraph) is not a stored state: an application with no decision on or
 * before its due day counts as approved from that day, and every read here
 * (kz_app_get, kz_app_list) works it out as of kz_clock_now(), so nothing
 * has to run at midnight.  A result is kept 6 months (p.26): one not
 * collected by then is "uncollected".
 *
 * The applicant's particulars are personal data (p.17.7): the event log
 * records the application's number only, and no message in err quotes a
 * name, an IIN, a BIN or a phone.  Every change is one BEGIN IMMEDIATE
 * transaction with its event; on any error nothing has changed.
 */
#ifndef KZ_APPLICATION_H
#define KZ_APPLICATION_H

#include <stdint.h>

#include "act.h"
#include "calendar.h"
#include "db.h"

#define KZ_APP_TEXT_MAX   250  /* bytes of any one field the clerk types */
#define KZ_APP_REASON_MAX 1000 /* bytes of a decision's reason */

/* Stored as its name (kz_app_kind_name): individual, legal. */
enum kz_app_kind {
	KZ_APP_INDIVIDUAL,
	KZ_APP_LEGAL,
};

/* What was recorded (an application's status) and what it is now (its
 * state: the status, or deemed approved).  Stored as its name
 * (kz_app_state_name). */
enum kz_app_state {
	KZ_APP_REGISTERED, /* all documents handed in, no decision yet */
	KZ_APP_REFUSED,    /* a document missing (p.16) */
	KZ_APP_APPROVED,
	KZ_APP_REJECTED,
	KZ_APP_DEEMED_APPROVED, /* state only: no decision on or before its due day */
	KZ_APP_SUSPENDED,       /* a document missing (p.16): waits for it to its term */
};

/* Who collected the result.  Stored as its name (kz_app_handed_name). */
enum kz_app_handed {
	KZ_HANDED_NONE, /* not yet */
	KZ_HANDED_APPLICANT,
	KZ_HANDED_PROXY,
};

/* The words stored and printed: "individual", "legal"; "registered",
 * "suspended", "refused", "approved", "rejected", "deemed_approved"; "" (not yet),
 * "applicant", "proxy". */
const char *kz_app_kind_name(enum kz_app_kind k);
const char *kz_app_state_name(enum kz_app_state s);
const char *kz_app_handed_name(enum kz_app_handed h);

/* Parse a kind's or a state's name (or "deemed") into *out; KZ_EINVAL
 * naming the words taken otherwise. */
int kz_app_kind_parse(const char *s, enum kz_app_kind *out, char *err);
int kz_app_handed_parse(const char *s, enum kz_app_handed *out, char *err);
int kz_app_state_parse(const char *s, enum kz_app_state *out, char *err);

/* The documents of p.11, in its order; bit (1u << doc) in a set. */
enum kz_app_doc {
	KZ_APPDOC_APPLICATION,       /* 1) the application, App. 2 */
	KZ_APPDOC_ID_COPY,           /* 2), 3) copy of the applicant's (representative's) ID */
	KZ_APPDOC_POWER_OF_ATTORNEY, /* 2) individual through a proxy: the power of attorney */
	KZ_APPDOC_PROXY_ID,          /* 2) and a copy of the proxy's ID */
	KZ_APPDOC_REGISTRATION,      /* 3) legal entity: state registration certificate */
	KZ_APPDOC_AUTHORITY,         /* 3) the representative's authority */
	KZ_APPDOC_ACT,               /* 4) the act of assessed value, App. 3 */
	KZ_APPDOC_CONCLUSION,        /* 5) copy of the commission's positive conclusion */
	KZ_APPDOC_COUNT
};

/* A document's code ("id_copy": what the clerk types) and its name in
 * lang ("kk" or "ru"; anything else gives Russian); NULL for doc out of
 * range. */
const char *kz_app_doc_code(int doc);
const char *kz_app_doc_name(int doc, const char *lang);

/* Parse "application,id_copy,act" (commas, spaces allowed) into a set.
 * KZ_EINVAL naming an unknown code and listing the known ones. */
int kz_app_docs_parse(const char *list, unsigned *docs, char *err);

/* The documents p.11 asks of kind (through a proxy: with_proxy). */
unsigned kz_app_docs_required(enum kz_app_kind kind, int with_proxy);

/* What the clerk enters at intake.  Text is UTF-8, at most
 * KZ_APP_TEXT_MAX bytes, no control characters; NULL or "" is "not
 * given". */
struct kz_app_input {
	enum kz_app_kind kind;
	const char *name;           /* the individual's full name, or the entity's name */
	const char *idnum;          /* the IIN (individual) or BIN (legal entity) */
	const char *id_doc;         /* identity document (individual: required) */
	const char *phone;          /* individual: required */
	const char *address;        /* individual: required; legal: its address */
	const char *representative; /* legal: required, the representative's full name */
	const char *authority;      /* legal: required, their authority */
	const char *proxy;          /* individual: who hands it in for them, or NULL */
	const char *proxy_doc;      /* with proxy: required, the power of attorney */
	const char *plot_address;   /* required: the land plot */
	unsigned docs;              /* the p.11 documents handed in (bits) */
	int nact;                   /* act rows entered, 0: none */
	const struct kz_act_row *act;
	int64_t act_total; /* with nact: the act's stated total, tiyn */
};

/* Parse one act row "zone;area;rate;coef;value" (area in hectares, rate in
 * tenge per hectare, value in tenge, as a person types numbers:
 * kz_decimal_parse).  KZ_EINVAL naming the field that is wrong. */
int kz_app_act_row_parse(const char *text, struct kz_act_row *out, char *err);

struct kz_application {
	int64_t id;
	char number[16]; /* 2026-0001 */
	enum kz_app_kind kind;
	char applicant[256]; /* personal: "" once purged */
	char idnum[16];      /* personal: IIN or BIN */
	char id_doc[256], phone[256], address[256];
	char representative[256], authority[256];
	char proxy[256], proxy_doc[256];
	char plot_address[256];
	int64_t accepted_at;           /* UTC seconds */
	char day[11];                  /* local day of acceptance, YYYY-MM-DD */
	char due_day[11];              /* p.7.1 */
	enum kz_cal_data due_calendar; /* the holiday data due_day was counted on */
	int counter;                   /* where it was accepted, 0 if unknown */
	char clerk[256];               /* who accepted it: full name */
	char clerk_position[256];      /* and position */
	enum kz_app_state
		status;     /* as recorded: registered, suspended, refused, approved, rejected */
	unsigned docs;      /* handed in, at intake and on resuming */
	unsigned missing;   /* suspended at intake: not handed in then */
	int has_act;        /* the act's rows were entered and checked */
	int nact;           /* how many */
	int64_t act_total;  /* their total, tiyn */
	int64_t decided_at; /* 0 until decided */
	char decided_day[11];
	char reason[KZ_APP_REASON_MAX + 1];
	char notice_due_day[11];    /* suspended at intake: the notice's last day */
	int64_t notice_sent_at;     /* 0 until sent */
	char suspended_until[11];   /* suspended at intake: the suspension's last day */
	char lang[3];               /* the applicant's language, kk or ru: papers sent later */
	int64_t resumed_at;         /* the missing documents came; 0 if not */
	int64_t refused_at;         /* the suspension ended without them; 0 if not */
	int64_t receipt_printed_at; /* a receipt of p.14 reached 'done'; 0 if not */
	char notice_out[24];        /* the notice's outgoing number (outgoing.h), "" none */
	char notice_out_day[11];    /* and its date */
	char refusal_out[24];       /* the motivated refusal's outgoing number, "" none */
	char refusal_out_day[11];   /* and its date */
	int64_t handed_at;          /* 0 until collected */
	enum kz_app_handed handed_to;
	char handed_name[256]; /* personal: who collected it */
	char handed_doc[256];  /* personal: their power of attorney */
	int64_t purged_at;
	/* Worked out as of now (kz_clock_now), the same everywhere: */
	enum kz_app_state state; /* the status, or deemed approved */
	int deemed;              /* no decision on or before due_day: approved from due_day */
	int overdue;             /* no decision and due_day passed, or the notice late */
	char kept_until[11];     /* a result: kept to this day (p.26); "" otherwise */
	int uncollected;         /* a result not collected and kept_until passed */
	int expired;             /* suspended and suspended_until passed: to be refused */
	int receipt_owed;        /* registered, no decision, and no receipt printed yet */
};

/* Accept an application at counter (open: its clerk accepts) now.
 * Everything is checked first: the text fields the kind needs, the IIN or
 * BIN by its control digit, documents that belong to the kind, and the
 * act's rows and total (kz_act_check); anything malformed is KZ_EINVAL and
 * nothing is recorded.  Then, in one transaction:
 *  - all documents of p.11 present: the application is registered, due on
 *    kz_cal_due of today; with printer, its receipt (p.14) is queued, and
 *    until a receipt of it prints the receipt is owed (receipt_owed);
 *  - a document missing: it is recorded suspended (p.16) to the due day,
 *    its notice takes an outgoing number (outgoing.h) and is due by the
 *    next day (a day off moves it to the next working day); with printer,
 *    the notice is queued.
 * Both are KZ_OK: out->status says which, out->missing what was missing.
 * printer (by name; NULL: no print) must have role receipts or a4; lang
 * (kk or ru; NULL: kk) is the applicant's language, kept for the papers
 * sent later; *job (may be NULL) is the print job.
 * KZ_ENOTFOUND: no such counter or printer; KZ_EREJECT: the counter is
 * not open, or the printer prints tickets. */
int kz_app_accept(struct kz_db *db, struct kz_calendar *cal, int counter,
	const struct kz_app_input *in, const char *printer, const char *lang,
	struct kz_application *out, int64_t *job, char *err);

/* The missing documents docs of suspended application number were handed
 * in at counter (open) now: with them the set of p.11 must be complete,
 * and the suspension's term not passed.  The application is registered
 * again, due on kz_cal_due of today (p.7.1 counts from the day the set is
 * complete), and its new receipt is owed; with printer (role receipts or
 * a4) it is queued in lang (NULL: the applicant's), *job (may be NULL).
 * KZ_EREJECT: not suspended, the term passed, the counter not open, or a
 * document still missing (err names them); KZ_EINVAL: a document of docs
 * was handed in already or is not one of the kind's; KZ_ENOTFOUND. */
int kz_app_resume(struct kz_db *db, struct kz_calendar *cal, const char *number, int counter,
	unsigned docs, const char *printer, const char *lang, struct kz_application *out,
	int64_t *job, char *err);

/* Every suspended application whose term passed before today (local) is
 * refused now (p.16): it takes the outgoing number of its motivated
 * refusal, and with printer (role a4; NULL: none) the refusal is queued
 * in the applicant's language.  *n (may be NULL): how many.  One
 * transaction: all or none. */
int kz_app_expire(struct kz_db *db, const char *printer, int *n, char *err);

/* The printer a paper goes to when the clerk names none: an active one of
 * role receipts (not for a4_only) or a4, one that works (not out of
 * paper, open, offline or in error) before one that does not, receipts
 * before a4; its name into name (32 bytes).  KZ_ENOTFOUND if there is none
 * of the kind. */
int kz_app_default_printer(struct kz_db *db, int a4_only, char *name, char *err);

/* The printer of counter's papers (receipts, notices, talons): its
 * [counter N] printer = in cfg, else kz_app_default_printer's choice;
 * its name into name (32 bytes).  KZ_ENOTFOUND if there is none. */
struct kz_config;
int kz_app_counter_printer(struct kz_db *db, const struct kz_config *cfg, int counter, char *name,
	char *err);

/* Decide application number: approve, or reject with reason (required;
 * optional for approval).  Only a registered application; a rejection only
 * on or before its due day, since after it the act counts as approved
 * (p.16), which a late approval confirms.  A rejection takes the outgoing
 * number of its motivated refusal (p.5); with printer (role a4; NULL:
 * none) the refusal is queued in lang (NULL: the applicant's), *job (may
 * be NULL).  KZ_ENOTFOUND, KZ_EREJECT (a printer not for A4 too), or
 * KZ_EINVAL for a missing or overlong reason. */
int kz_app_decide_print(struct kz_db *db, const char *number, int approve, const char *reason,
	const char *printer, const char *lang, struct kz_application *out, int64_t *job, char *err);

/* kz_app_decide_print with no printout. */
int kz_app_decide(struct kz_db *db, const char *number, int approve, const char *reason,
	struct kz_application *out, char *err);

/* Hand application number's result over (p.15) now: to the applicant in
 * person (proxy_name NULL) or to a proxy named proxy_name with the power
 * of attorney proxy_doc (both required then).  counter (0: none) is where
 * its clerk hands it over.  Only a decided or deemed approved application,
 * once.  KZ_ENOTFOUND, KZ_EREJECT, KZ_EINVAL. */
int kz_app_handover(struct kz_db *db, const char *number, int counter, const char *proxy_name,
	const char *proxy_doc, struct kz_application *out, char *err);

/* The written notice of suspension (p.16) of application number was sent
 * now.  Only an application suspended at intake, once. */
int kz_app_notice_sent(struct kz_db *db, const char *number, struct kz_application *out, char *err);

/* Read application number, or the one print job job prints (printd). */
int kz_app_get(struct kz_db *db, const char *number, struct kz_application *out, char *err);
int kz_app_get_job(struct kz_db *db, int64_t job, struct kz_application *out, char *err);

/* The act's rows of application id, up to max into rows; *n how many. */
int kz_app_act_rows(struct kz_db *db, int64_t id, struct kz_act_row *rows, int max, int *n,
	char *err);

/* Which applications kz_app_list gives: all that match every field set. */
struct kz_app_filter {
	const enum kz_app_state *state; /* NULL: any; else only this state */
	int overdue;                    /* only overdue ones */
	int deemed;                     /* only deemed approved ones */
	int uncollected;                /* only results uncollected past 6 months (p.26) */
	int receipt_owed;               /* only those whose receipt (p.14) is owed */
	int expired;                    /* only suspensions past their term */
};

/* Call fn for each application filter (NULL: all) lets through, oldest
 * first; fn returns 0 to go on and must not use db. */
int kz_app_list(struct kz_db *db, const struct kz_app_filter *filter,
	int (*fn)(const struct kz_application *a, void *arg), void *arg, char *err);

#endif
