/*
 * screens.h - what the kiosk's screens share: the kiosk's state, and the
 * frame every screen is drawn in.  One file per screen (screen-*.c) holds
 * its entry: how it looks (build: state to scene, no SDL, no SQL) and what
 * its buttons do (tap); screen-list.h lists them.  kiosk.c owns the loop,
 * the hall (through hall.h) and the actions.
 */
#ifndef KZ_KIOSK_SCREENS_H
#define KZ_KIOSK_SCREENS_H

#include <stdint.h>

#include "kiosk.h"
#include <stddef.h>

#include "queue/adminpin.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/directory.h"
#include "queue/estimate.h"
#include "queue/feedback.h"
#include "queue/outbox.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "hall.h"
#include "queue/watch.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

/* Mark an English source string for translation (xgettext -kT). */
#define T(msgid) kz_i18n_get(k->tr, k->lang, msgid)
/* A sentence with a count in it, in the form the count takes (xgettext
 * -kTN:1,2): TN("%d person", "%d people", n). */
#define TN(msgid, plural, n) kz_i18n_nget(k->tr, k->lang, msgid, plural, (unsigned long)(n))
/* Mark a string for translation where it is defined; T() it where shown. */
#define N(msgid) (msgid)

/* KZ_SCR_HOME ...: the rows of screen-list.h, in its order. */
enum kz_screen_id {
#define KZ_SCREEN(ID, name) KZ_SCR_##ID,
#include "screen-list.h"
	KZ_SCR_COUNT
};

/* A ticket's print, as the visitor is told of it.  After a fault the job
 * is still followed: the printer may come back in time (LATE: take it
 * after all), or the print expires and never comes out unasked (NEVER). */
enum kz_print_seen {
	KZ_PRINT_WAITING,
	KZ_PRINT_DONE,
	KZ_PRINT_FAULT,
	KZ_PRINT_LATE,  /* printed after a fault */
	KZ_PRINT_NEVER, /* expired or failed: it will not print by itself */
};

/* An action that met a busy database: tried again quietly at each step. */
enum kz_pending { KZ_PENDING_NONE, KZ_PENDING_TICKET, KZ_PENDING_FORM, KZ_PENDING_FEEDBACK };

struct kz_kiosk {
	struct kz_kiosk_options opt;
	struct kz_ui *ui;
	struct kz_i18n *tr;
	struct kz_calendar *cal;
	struct kz_directory *offices, *akimats;
	const struct kz_office_entry *office, *akimat; /* App. 1 and App. 5 rows, or NULL */

	/* the hall (hall.h: the database or kezek-hall), and what the screens show of it */
	struct kz_kiosk_hall *hall;
	int up;              /* the hall can be reached now */
	int64_t read_minute; /* the clock's minute of the last read */
	struct kz_status status;
	enum kz_printer_condition printer_state; /* as its printd last recorded */
	char printer_reason[256];
	int may_issue;               /* tickets are issued now */
	char closed_why[512];        /* why not (the library's words, for the log) */
	struct kz_office office_now; /* open, lunch, day off ... */

	/* the visitor's session: reset when the kiosk goes home */
	char lang[3];
	enum kz_screen_id screen;
	int64_t touched_at;   /* the clock at the last tap */
	int told_screen;      /* the screen last written to opt.screen_file; -1 none */
	unsigned last_tap_ms; /* SDL time of the last tap acted on */
	int have_tap_ms;
	char service[KZ_CODE_LEN]; /* chosen */
	struct kz_wait_estimate est;
	struct kz_ticket ticket; /* the one issued */
	int64_t job;             /* its print */
	int64_t job_at;          /* when it was issued (clock) */
	enum kz_print_seen print;
	char print_why[KZ_ERR_LEN];
	int legal;                            /* forms: 1 legal entity, 0 individual */
	int form_printed;                     /* forms: 1 queued, -1 could not */
	int form_sample;                      /* forms: the one asked for is the filled-in sample */
	char ballot_prefix[KZ_CODE_LEN];      /* feedback: the ticket's letter as tapped */
	char ballot_digits[8];                /* and its digits */
	char ballot[KZ_BALLOT_NUMBER_LEN];    /* the ticket that may vote, as printed */
	int ballot_note;                      /* why not, until the next key (KZ_BALLOT_NOTE_*) */
	int ballot_asking_code;               /* the number may vote: its check code is typed */
	char ballot_code[KZ_BALLOT_CODE_LEN]; /* the check code as typed */
	int fb_question;                      /* 0..3 */
	int fb_answer[KZ_FB_QUESTIONS];       /* 1 yes, 0 no, -1 skipped */
	int notice;                           /* a passing message on the screen (KZ_NOTE_*) */
	enum kz_pending pending;
	char key[33];          /* the pending action's idempotency key: one per action */
	int64_t pending_since; /* when the action was first tried (clock) */
	char pin[16];

	/* the kiosk's own memory, kept across visitors */
	int64_t last_ticket_at;    /* for the pause between tickets */
	int ballot_wrong_codes;    /* wrong check codes in a row: guessing is slowed */
	int64_t ballot_wait_until; /* no check code is tried before then */
	struct kz_admin_pin admin; /* the PIN as last read: set, sample, tries, rest */
	int gesture;               /* corners of the admin gesture tapped so far */
	int64_t gesture_at;
	int done; /* the administrator closed the kiosk */

	struct kz_scene *scene[2]; /* on screen, and being built */
	int shown;
	struct kz_ui_stats stats;
};

/* What the ballot screen says of the number or check code typed: the
 * refusals of enum kz_ballot_refusal, a number that is not one, a code
 * too short, and the pause after wrong codes. */
enum {
	KZ_BALLOT_NOTE_NONE,
	KZ_BALLOT_NOTE_INCOMPLETE,
	KZ_BALLOT_NOTE_UNKNOWN,
	KZ_BALLOT_NOTE_NOT_SERVED,
	KZ_BALLOT_NOTE_CAST,
	KZ_BALLOT_NOTE_WRONG_CODE,
	KZ_BALLOT_NOTE_CODE_SHORT, /* fewer than four digits */
	KZ_BALLOT_NOTE_WAIT        /* too many wrong codes: a minute's pause */
};

/* Wrong check codes in a row at one kiosk before each further try waits
 * KZ_BALLOT_WAIT_SECONDS: four digits cannot be guessed at a keypad. */
#define KZ_BALLOT_FREE_TRIES   3
#define KZ_BALLOT_WAIT_SECONDS 60

enum kz_notice {
	KZ_NOTE_NONE,
	KZ_NOTE_BUSY,
	KZ_NOTE_PAUSE,
	KZ_NOTE_PIN_WRONG,
	KZ_NOTE_PIN_LOCKED,
	KZ_NOTE_TEST_PRINTED,
	KZ_NOTE_FAILED,
	KZ_NOTE_CANNOT_NOW, /* the hall stayed out of reach: nothing was done */
};

/* A screen's entry: each screen-NAME.c defines one, kz_screen_NAME, and
 * screen-list.h lists it. */
struct kz_screen_def {
	const char *name; /* as in screen-list.h: --screen NAME, tests, snapshots */
	const char *when; /* when a visitor sees it: "open" (tickets are issued),
	                     "closed", "after" (an action of theirs), "staff" (the
	                     administrator's), "fault" (no database) */
	void (*build)(struct kz_kiosk *k, struct kz_scene *s); /* state to scene */
	void (*tap)(struct kz_kiosk *k, const char *button);   /* button "btn.X": "X" */
};

#define KZ_SCREEN(ID, name) extern const struct kz_screen_def kz_screen_##name;
#include "screen-list.h"

/* Every screen's entry, by id (kiosk.c, from screen-list.h). */
extern const struct kz_screen_def *const kz_screen_defs[KZ_SCR_COUNT];

/* kiosk.c: moving between screens and the actions screens ask for. */
void kz_kiosk_go(struct kz_kiosk *k, enum kz_screen_id to);
void kz_kiosk_go_home(struct kz_kiosk *k);
void kz_kiosk_choose_service(struct kz_kiosk *k, const char *code);
void kz_kiosk_take_ticket(struct kz_kiosk *k);
void kz_kiosk_print_form(struct kz_kiosk *k);
void kz_kiosk_answer(struct kz_kiosk *k, int answer);
void kz_kiosk_ballot_key(struct kz_kiosk *k, const char *key);
void kz_kiosk_start_ballot(struct kz_kiosk *k);
void kz_kiosk_print_test(struct kz_kiosk *k);
void kz_kiosk_pin_key(struct kz_kiosk *k, const char *key);

/* frame.c: the layout every screen shares. */
struct kz_layout {
	int u; /* one hundredth of the screen's shorter side */
	int portrait;
	struct kz_box body; /* between the header and the footer */
	int line;           /* height of a line of body text */
	int gap;            /* between boxes */
};

/* Start s: background, header (office name, date and time), and unless
 * back is NULL a footer with a Home button, and a button named back
 * labelled back_label if back is not "".  Fills lay. */
void kz_frame(struct kz_kiosk *k, struct kz_scene *s, const char *title, const char *back,
	struct kz_layout *lay);

/* The language switch: Қазақша and Русский side by side in b. */
void kz_frame_langs(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b);

/* Why tickets are not issued now, and when they are next, in the
 * visitor's language (screen-closed.c; the home screen shows it too). */
void kz_kiosk_closed_text(struct kz_kiosk *k, char *why, size_t wlen, char *next, size_t nlen);

/* The passing message (k->notice), if any, as a panel in b (screen-confirm.c). */
void kz_kiosk_notice(struct kz_kiosk *k, struct kz_scene *s, struct kz_box b, int line);

/* A printer's state in the visitor's language. */
const char *kz_kiosk_printer_state(struct kz_kiosk *k, enum kz_printer_condition state);

/* The ticket printer cannot print now (as its service last said). */
int kz_kiosk_printer_down(const struct kz_kiosk *k);

/* The title line at the top of body; returns the body below it. */
struct kz_box kz_frame_title(struct kz_kiosk *k, struct kz_scene *s, const struct kz_layout *lay,
	struct kz_box body, const char *title);

/* body in two, lay.gap apart: one above the other on a portrait screen
 * (the first tall per cent high), else side by side (wide per cent wide). */
void kz_frame_split(const struct kz_layout *lay, struct kz_box body, int tall, int wide,
	struct kz_box *first, struct kz_box *second);

/* A panel of text (a paragraph) on a fill. */
void kz_frame_panel(struct kz_kiosk *k, struct kz_scene *s, const char *id, struct kz_box b,
	int line, struct kz_rgb fill, struct kz_rgb ink, const char *text);

/* An office's contacts, a line each (name, address, official, phones,
 * e-mails), those given, into out: for App. 1 and App. 5 entries. */
void kz_kiosk_contacts(struct kz_kiosk *k, const char *name, const char *address,
	const char *official, const char *phones, const char *emails, char *out, size_t len);

/* The service's name in the visitor's language. */
const char *kz_kiosk_service_name(const struct kz_kiosk *k, const char *code);

/* Local time t as "HH:MM" and as "DD.MM.YYYY". */
void kz_kiosk_hhmm(int64_t t, char out[8]);
void kz_kiosk_date(int64_t t, char out[16]);

/* "Monday, 30.11.2026, 09:00": when the office opens next, in the visitor's language. */
void kz_kiosk_when(struct kz_kiosk *k, int64_t t, char *out, size_t len);

#endif
