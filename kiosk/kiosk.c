/*
 * kiosk.c - the kiosk's loop body and the actions its screens ask for.
 * Start at kz_kiosk_step: follow the hall, act on a tap, return home when
 * untouched, draw if the screen changed.  Every action is one call of the
 * kiosk's hall (hall.h: the database, one queue/ call and one transaction
 * each; or kezek-hall over the network); a busy database or a server out
 * of reach is retried quietly with the action's one idempotency key, for a
 * bounded time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/clock.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/outbox.h"
#include "queue/adminpin.h"
#include "queue/watch.h"
#include "screens.h"

#define PRINT_WAIT_SECONDS 8  /* a ticket not printed by then: "remember your number" */
#define GIVE_UP_SECONDS    20 /* an action not done by then (no server): "cannot now" */
#define GESTURE_SECONDS    6  /* the admin gesture's corners, all within this */

const char *const kz_kiosk_screens[] = {
#define KZ_SCREEN(ID, name) #name,
#include "screen-list.h"
	NULL};

const struct kz_screen_def *const kz_screen_defs[KZ_SCR_COUNT] = {
#define KZ_SCREEN(ID, name) &kz_screen_##name,
#include "screen-list.h"
};

static void
say(const struct kz_kiosk *k, const char *what, const char *err)
{
	/* for the staff's log (stderr, or the journal under systemd) */
	fprintf(stderr, "kezek-kiosk %s: %s: %s\n", k->opt.conf->name, what, err);
}

/* --- the hall ---------------------------------------------------------- */

/* A passing fault: the database locked, or the server out of reach. */
static int
passing(int rc)
{
	return rc == KZ_EBUSY || rc == KZ_EDEVICE;
}

/* The hall went away: say so, unless the administrator is at work, a
 * visitor's action is being retried, or a visitor is about to take their
 * ticket (their tap is tried, with "one moment", while the hall comes back). */
static void
unavailable(struct kz_kiosk *k)
{
	if (k->screen != KZ_SCR_PIN && k->screen != KZ_SCR_ADMIN && k->screen != KZ_SCR_CONFIRM &&
		k->pending == KZ_PENDING_NONE)
		kz_kiosk_go(k, KZ_SCR_UNAVAILABLE);
}

static void
lose_connection(struct kz_kiosk *k)
{
	k->hall->ops->failed(k->hall->impl, KZ_EDB);
	k->up = 0;
	unavailable(k);
}

/* Read what the screens show; KZ_EBUSY keeps the last picture. */
static int
read_hall(struct kz_kiosk *k)
{
	static struct kz_kiosk_view v; /* large: off the stack */
	char err[KZ_ERR_LEN];
	int rc, lunch = 0;

	if ((rc = k->hall->ops->read(k->hall->impl, &v, err)) != KZ_OK) {
		if (!passing(
			    rc)) /* a hall out of reach is the unavailable screen's, not the log's */
			say(k, "reading the hall", err);
		return rc;
	}
	k->status = v.status;
	k->printer_state = v.printer;
	snprintf(k->printer_reason, sizeof k->printer_reason, "%s", v.printer_reason);
	k->may_issue = kz_ticket_may_issue(k->cal, kz_clock_now(), &k->office_now, &lunch,
			       k->closed_why) == KZ_OK;
	return KZ_OK;
}

static void
refresh(struct kz_kiosk *k)
{
	int64_t minute = kz_clock_now() / 60;
	enum kz_watch_state seen = k->hall->ops->poll(k->hall->impl);
	int rc;

	k->up = k->hall->ops->up(k->hall->impl);
	if (seen == KZ_WATCH_DOWN)
		return;
	if (seen == KZ_WATCH_LOST) {
		unavailable(k);
		return;
	}
	if (seen == KZ_WATCH_OPENED && k->screen == KZ_SCR_UNAVAILABLE)
		kz_kiosk_go_home(k);
	if (seen == KZ_WATCH_SAME && minute == k->read_minute)
		return;
	if ((rc = read_hall(k)) == KZ_EBUSY) {
		k->hall->ops->failed(k->hall->impl, rc);
		return;
	}
	if (rc != KZ_OK) {
		lose_connection(k);
		return;
	}
	k->hall->ops->seen(k->hall->impl);
	k->up = 1;
	k->read_minute = minute;
	/* the office opened or closed under the visitor's eyes */
	if (k->screen == KZ_SCR_HOME && !k->may_issue)
		kz_kiosk_go(k, KZ_SCR_CLOSED);
	else if (k->screen == KZ_SCR_CLOSED && k->may_issue)
		kz_kiosk_go(k, KZ_SCR_HOME);
}

/* --- moving between screens -------------------------------------------- */

static void read_admin_pin(struct kz_kiosk *k);
static void new_ballot(struct kz_kiosk *k);

void
kz_kiosk_go(struct kz_kiosk *k, enum kz_screen_id to)
{
	if (to == KZ_SCR_PIN || to == KZ_SCR_ADMIN)
		read_admin_pin(k);
	/* the number is typed afresh, except back from its own questions */
	if (to == KZ_SCR_BALLOT && k->screen != KZ_SCR_BALLOT && k->screen != KZ_SCR_FEEDBACK)
		new_ballot(k);
	if (k->screen != to)
		k->notice = KZ_NOTE_NONE;
	k->screen = to;
}

/* A visitor's answers so far are kept even if they walk away. */
static void store_feedback(struct kz_kiosk *k);

void
kz_kiosk_go_home(struct kz_kiosk *k)
{
	if (k->screen == KZ_SCR_FEEDBACK && k->fb_question > 0)
		store_feedback(k);
	snprintf(k->lang, sizeof k->lang, "%s", k->opt.conf->lang);
	k->service[0] = '\0';
	k->fb_question = 0;
	k->ballot[0] = k->ballot_prefix[0] = k->ballot_digits[0] = '\0';
	k->ballot_note = KZ_BALLOT_NOTE_NONE;
	k->form_printed = 0;
	k->form_sample = 0;
	k->legal = 0;
	k->pending = KZ_PENDING_NONE;
	memset(k->pin, 0, sizeof k->pin);
	if (!k->up)
		kz_kiosk_go(k, KZ_SCR_UNAVAILABLE);
	else
		kz_kiosk_go(k, k->may_issue ? KZ_SCR_HOME : KZ_SCR_CLOSED);
	k->notice = KZ_NOTE_NONE;
}

/* --- actions ----------------------------------------------------------- */

void
kz_kiosk_choose_service(struct kz_kiosk *k, const char *code)
{
	char err[KZ_ERR_LEN];
	int rc;

	if (!k->up)
		return;
	snprintf(k->service, sizeof k->service, "%s", code);
	rc = k->hall->ops->estimate(k->hall->impl, code, &k->est, err);
	if (passing(rc)) {
		k->notice = KZ_NOTE_BUSY;
		return;
	}
	if (rc != KZ_OK) {
		say(k, "estimating the wait", err);
		memset(&k->est, 0, sizeof k->est);
	}
	kz_kiosk_go(k, KZ_SCR_CONFIRM);
}

static int
paused(struct kz_kiosk *k)
{
	return k->last_ticket_at != 0 &&
		kz_clock_now() - k->last_ticket_at < k->opt.conf->ticket_pause_seconds;
}

/* A visitor's action (pending) begins: one idempotency key for it and all
 * its retries. */
static void
begin_action(struct kz_kiosk *k, enum kz_pending what)
{
	if (k->pending == what)
		return; /* a retry: the same key */
	kz_kiosk_hall_key(k->key);
	k->pending_since = kz_clock_now();
}

/* The action's answer rc: a passing fault keeps it pending (retried at
 * each step with the same key, "one moment" on screen) until
 * GIVE_UP_SECONDS, then the visitor is told it cannot be done now.
 * 1 when it is still pending or given up, 0 when it has an answer. */
static int
still_pending(struct kz_kiosk *k, enum kz_pending what, int rc, const char *doing, const char *err)
{
	if (!passing(rc)) {
		k->pending = KZ_PENDING_NONE;
		return 0;
	}
	if (kz_clock_now() - k->pending_since >= GIVE_UP_SECONDS) {
		say(k, doing, err);
		k->pending = KZ_PENDING_NONE;
		k->notice = what == KZ_PENDING_TICKET ? KZ_NOTE_CANNOT_NOW : KZ_NOTE_FAILED;
		return 1;
	}
	if (k->pending != what) /* once an action: the log says it is being tried again */
		fprintf(stderr, "kezek-kiosk %s: %s: %s; trying again\n", k->opt.conf->name, doing,
			err);
	k->pending = what;
	k->notice = KZ_NOTE_BUSY;
	return 1;
}

void
kz_kiosk_take_ticket(struct kz_kiosk *k)
{
	static struct kz_kiosk_issued got; /* large: off the stack */
	char err[KZ_ERR_LEN];
	int rc;

	if (k->service[0] == '\0')
		return;
	if (k->pending != KZ_PENDING_TICKET && paused(k)) {
		k->notice = KZ_NOTE_PAUSE;
		return;
	}
	begin_action(k, KZ_PENDING_TICKET);
	rc = k->hall->ops->issue(k->hall->impl, k->key, k->service, k->lang, &got, err);
	if (still_pending(k, KZ_PENDING_TICKET, rc, "issuing a ticket", err))
		return;
	if (rc == KZ_ECLOSED) {
		k->may_issue = 0;
		kz_kiosk_go(k, KZ_SCR_CLOSED);
		return;
	}
	if (rc != KZ_OK) {
		say(k, "issuing a ticket", err);
		k->notice = KZ_NOTE_FAILED;
		return;
	}
	k->ticket = got.ticket;
	k->job = got.job;
	/* people ahead of the ticket just taken; without it the confirmation's
	 * figure stands: it was worked out for this very ticket a moment before */
	if (got.have_estimate)
		k->est = got.est;
	k->last_ticket_at = k->job_at = kz_clock_now();
	k->print = KZ_PRINT_WAITING;
	k->print_why[0] = '\0';
	k->hall->ops->stale(k->hall->impl); /* show the new ticket in the hall's figures */
	kz_kiosk_go(k, KZ_SCR_ISSUED);
}

void
kz_kiosk_print_form(struct kz_kiosk *k)
{
	char err[KZ_ERR_LEN];
	int64_t job;
	int rc;

	if ((!k->up && k->pending != KZ_PENDING_FORM) || k->opt.conf->forms_printer[0] == '\0')
		return;
	if (k->pending != KZ_PENDING_FORM && paused(k)) {
		k->notice = KZ_NOTE_PAUSE;
		return;
	}
	begin_action(k, KZ_PENDING_FORM);
	rc = k->hall->ops->form(k->hall->impl, k->key, k->form_sample, k->lang, &job, err);
	if (still_pending(k, KZ_PENDING_FORM, rc, "printing a blank form", err)) {
		if (k->pending == KZ_PENDING_NONE)
			k->form_printed = -1;
		return;
	}
	if (rc != KZ_OK)
		say(k, "printing a blank form", err);
	k->form_printed = rc == KZ_OK ? 1 : -1;
	k->notice = KZ_NOTE_NONE;
	if (rc == KZ_OK)
		k->last_ticket_at = kz_clock_now();
}

/* --- feedback: one ballot per ticket served today ------------------------ */

static int
ballot_note_of(enum kz_ballot_refusal why)
{
	switch (why) {
	case KZ_BALLOT_UNKNOWN:
		return KZ_BALLOT_NOTE_UNKNOWN;
	case KZ_BALLOT_NOT_SERVED:
		return KZ_BALLOT_NOTE_NOT_SERVED;
	case KZ_BALLOT_CAST:
		return KZ_BALLOT_NOTE_CAST;
	case KZ_BALLOT_WRONG_CODE:
		return KZ_BALLOT_NOTE_WRONG_CODE;
	case KZ_BALLOT_MAY_VOTE:
		break;
	}
	return KZ_BALLOT_NOTE_NONE;
}

static void
new_ballot(struct kz_kiosk *k)
{
	k->fb_question = 0;
	k->ballot[0] = k->ballot_digits[0] = k->ballot_code[0] = '\0';
	k->ballot_note = KZ_BALLOT_NOTE_NONE;
	k->ballot_asking_code = 0;
	/* one service, one letter: the visitor types the digits only */
	snprintf(k->ballot_prefix, sizeof k->ballot_prefix, "%s",
		k->opt.cfg->nservices == 1 ? k->opt.cfg->services[0].prefix : "");
}

void
kz_kiosk_start_ballot(struct kz_kiosk *k)
{
	kz_kiosk_go(k, KZ_SCR_BALLOT);
}

/* The number and, once asked for, the check code, checked (code NULL:
 * the number alone); KZ_OK, KZ_EREJECT with the note set, or another
 * error already told. */
static int
ask_ballot(struct kz_kiosk *k, const char *code)
{
	enum kz_ballot_refusal why = KZ_BALLOT_MAY_VOTE;
	char err[KZ_ERR_LEN];
	int rc = k->hall->ops->ballot(k->hall->impl, k->ballot, code, &why, err);

	if (passing(rc))
		k->notice = KZ_NOTE_BUSY;
	else if (rc != KZ_OK && rc != KZ_EREJECT) {
		say(k, "checking a ballot's ticket", err);
		k->notice = KZ_NOTE_FAILED;
	} else
		k->ballot_note = ballot_note_of(why);
	return rc;
}

/* The check code typed, checked: on to the questions, or why not; wrong
 * codes in a row make each further try wait. */
static void
check_code(struct kz_kiosk *k)
{
	int64_t now = kz_clock_now();
	int rc;

	if (strlen(k->ballot_code) != KZ_BALLOT_CODE_LEN - 1) {
		k->ballot_note = KZ_BALLOT_NOTE_CODE_SHORT;
		return;
	}
	if (now < k->ballot_wait_until) {
		k->ballot_note = KZ_BALLOT_NOTE_WAIT;
		return;
	}
	if ((rc = ask_ballot(k, k->ballot_code)) == KZ_OK) {
		k->ballot_wrong_codes = 0;
		k->fb_question = 0;
		kz_kiosk_go(k, KZ_SCR_FEEDBACK);
		return;
	}
	if (rc != KZ_EREJECT)
		return;
	if (k->ballot_note == KZ_BALLOT_NOTE_WRONG_CODE) {
		if (++k->ballot_wrong_codes >= KZ_BALLOT_FREE_TRIES)
			k->ballot_wait_until = now + KZ_BALLOT_WAIT_SECONDS;
		return;
	}
	k->ballot_asking_code = 0; /* the number itself was refused */
}

/* The number typed, checked: on to its check code, or why not. */
static void
check_ballot(struct kz_kiosk *k)
{
	char typed[KZ_BALLOT_NUMBER_LEN + 8];

	if (!k->up)
		return;
	if (k->ballot_asking_code) {
		check_code(k);
		return;
	}
	snprintf(typed, sizeof typed, "%s-%s", k->ballot_prefix, k->ballot_digits);
	if (kz_ballot_number(typed, k->ballot) != KZ_OK) {
		k->ballot_note = KZ_BALLOT_NOTE_INCOMPLETE;
		return;
	}
	if (ask_ballot(k, NULL) == KZ_OK) {
		k->ballot_asking_code = 1;
		k->ballot_code[0] = '\0';
	}
}

/* A key while the check code is typed: digits, Erase (back to the number
 * when empty), a letter (another number). */
static void
code_key(struct kz_kiosk *k, const char *key)
{
	size_t n = strlen(k->ballot_code);

	if (k->ballot_note != KZ_BALLOT_NOTE_NONE && key[0] >= '0' && key[0] <= '9')
		k->ballot_code[n = 0] = '\0';
	k->ballot_note = KZ_BALLOT_NOTE_NONE;
	k->notice = KZ_NOTE_NONE;
	if (key[0] >= '0' && key[0] <= '9' && key[1] == '\0') {
		if (n + 1 < sizeof k->ballot_code) {
			k->ballot_code[n] = key[0];
			k->ballot_code[n + 1] = '\0';
		}
	} else if (strcmp(key, "erase") == 0) {
		if (n > 0)
			k->ballot_code[n - 1] = '\0';
		else
			k->ballot_asking_code = 0;
	} else if (strcmp(key, "ok") == 0)
		check_ballot(k);
	else if (strncmp(key, "p.", 2) == 0) {
		k->ballot_asking_code = 0;
		k->ballot_digits[0] = '\0';
		kz_kiosk_ballot_key(k, key);
	}
}

void
kz_kiosk_ballot_key(struct kz_kiosk *k, const char *key)
{
	size_t n = strlen(k->ballot_digits);

	if (k->ballot_asking_code) {
		code_key(k, key);
		return;
	}
	/* after a refusal, a digit starts another number */
	if (k->ballot_note != KZ_BALLOT_NOTE_NONE && key[0] >= '0' && key[0] <= '9')
		k->ballot_digits[n = 0] = '\0';
	k->ballot_note = KZ_BALLOT_NOTE_NONE;
	k->notice = KZ_NOTE_NONE;
	if (strncmp(key, "p.", 2) == 0) {
		int i = atoi(key + 2);
		if (i >= 0 && i < k->opt.cfg->nservices)
			snprintf(k->ballot_prefix, sizeof k->ballot_prefix, "%s",
				k->opt.cfg->services[i].prefix);
	} else if (key[0] >= '0' && key[0] <= '9' && key[1] == '\0') {
		if (n + 1 < sizeof k->ballot_digits) {
			k->ballot_digits[n] = key[0];
			k->ballot_digits[n + 1] = '\0';
		}
	} else if (strcmp(key, "erase") == 0) {
		if (n > 0)
			k->ballot_digits[n - 1] = '\0';
		else if (k->opt.cfg->nservices != 1)
			k->ballot_prefix[0] = '\0';
	} else if (strcmp(key, "ok") == 0)
		check_ballot(k);
}

/* A ballot stored, or why not: refused (another kiosk took this ticket's
 * ballot meanwhile) sends the visitor back to the number with the reason. */
static void
store_feedback(struct kz_kiosk *k)
{
	struct kz_feedback fb = {.quality = -1, .information = -1, .appeal = -1, .politeness = -1};
	enum kz_ballot_refusal why = KZ_BALLOT_MAY_VOTE;
	char err[KZ_ERR_LEN];
	int rc;

	if (!k->up && k->pending != KZ_PENDING_FEEDBACK)
		return;
	snprintf(fb.ticket, sizeof fb.ticket, "%s", k->ballot);
	snprintf(fb.code, sizeof fb.code, "%s", k->ballot_code);
	snprintf(fb.lang, sizeof fb.lang, "%s", k->lang);
	snprintf(fb.kiosk, sizeof fb.kiosk, "%s", k->opt.conf->name);
	fb.quality = k->fb_question > 0 ? k->fb_answer[0] : -1;
	fb.information = k->fb_question > 1 ? k->fb_answer[1] : -1;
	fb.appeal = k->fb_question > 2 ? k->fb_answer[2] : -1;
	fb.politeness = k->fb_question > 3 ? k->fb_answer[3] : -1;
	begin_action(k, KZ_PENDING_FEEDBACK);
	rc = k->hall->ops->feedback(k->hall->impl, k->key, &fb, &why, err);
	if (still_pending(k, KZ_PENDING_FEEDBACK, rc, "storing feedback", err)) {
		if (k->pending == KZ_PENDING_NONE)
			k->fb_question = 0; /* given up: the answers could not be kept */
		return;
	}
	if (rc != KZ_OK && rc != KZ_EINVAL && rc != KZ_EREJECT)
		say(k, "storing feedback", err);
	if (rc == KZ_EREJECT) {
		k->ballot_note = ballot_note_of(why);
		k->ballot_asking_code = why == KZ_BALLOT_WRONG_CODE;
	}
	k->fb_question = 0;
}

/* After the last answer: thanks, or back to the number if refused. */
static void
ballot_done(struct kz_kiosk *k)
{
	if (k->pending != KZ_PENDING_NONE)
		return;
	kz_kiosk_go(k, k->ballot_note != KZ_BALLOT_NOTE_NONE ? KZ_SCR_BALLOT : KZ_SCR_THANKS);
}

void
kz_kiosk_answer(struct kz_kiosk *k, int answer)
{
	if (k->fb_question >= KZ_FB_QUESTIONS)
		return;
	k->fb_answer[k->fb_question++] = answer;
	if (k->fb_question < KZ_FB_QUESTIONS)
		return;
	store_feedback(k);
	ballot_done(k);
}

void
kz_kiosk_print_test(struct kz_kiosk *k)
{
	char err[KZ_ERR_LEN], key[33];

	if (!k->up)
		return;
	kz_kiosk_hall_key(key);
	if (k->hall->ops->test_page(k->hall->impl, key, k->lang, err) != KZ_OK) {
		say(k, "printing a test page", err);
		k->notice = KZ_NOTE_FAILED;
		return;
	}
	k->notice = KZ_NOTE_TEST_PRINTED;
}

/* The administrator's PIN as the database has it: set, sample, resting. */
static void
read_admin_pin(struct kz_kiosk *k)
{
	char err[KZ_ERR_LEN] = "";

	memset(&k->admin, 0, sizeof k->admin);
	if (k->up && k->hall->ops->pin_get(k->hall->impl, &k->admin, err) != KZ_OK)
		say(k, "reading the administrator PIN", err);
}

void
kz_kiosk_pin_key(struct kz_kiosk *k, const char *key)
{
	char err[KZ_ERR_LEN] = "", idem[33];
	size_t n = strlen(k->pin);
	int rc;

	if (!k->up || !k->admin.set)
		return; /* no PIN to type: the screen says how to set one */
	if (kz_clock_now() < k->admin.rest_until) {
		k->notice = KZ_NOTE_PIN_LOCKED;
		return;
	}
	if (key[0] >= '0' && key[0] <= '9' && key[1] == '\0') {
		if (n + 1 < sizeof k->pin)
			k->pin[n] = key[0];
		return;
	}
	if (strcmp(key, "erase") == 0) {
		if (n > 0)
			k->pin[n - 1] = '\0';
		return;
	}
	if (strcmp(key, "ok") != 0)
		return;
	/* tries and rests are kept in the database: a restart does not lift them */
	kz_kiosk_hall_key(idem);
	rc = k->hall->ops->pin_try(k->hall->impl, idem, k->pin, &k->admin, err);
	memset(k->pin, 0, sizeof k->pin);
	if (rc == KZ_OK) {
		kz_kiosk_go(k, KZ_SCR_ADMIN);
		return;
	}
	if (rc != KZ_EREJECT) {
		say(k, "checking the administrator PIN", err);
		k->notice = passing(rc) ? KZ_NOTE_BUSY : KZ_NOTE_FAILED;
		return;
	}
	k->notice = KZ_NOTE_PIN_WRONG;
	if (kz_clock_now() < k->admin.rest_until) {
		say(k, "administrator PIN", "wrong three times; the keypad rests for 5 minutes");
		kz_kiosk_go_home(k);
	}
}

/* An action that met a busy database, tried again until it goes. */
static void
retry_pending(struct kz_kiosk *k)
{
	switch (k->pending) {
	case KZ_PENDING_TICKET:
		kz_kiosk_take_ticket(k);
		break;
	case KZ_PENDING_FORM:
		kz_kiosk_print_form(k);
		break;
	case KZ_PENDING_FEEDBACK:
		store_feedback(k);
		ballot_done(k);
		break;
	default:
		break;
	}
}

/* The ticket's print: done, or a fault the visitor must hear of now. */
static void
follow_print(struct kz_kiosk *k)
{
	struct kz_print_job j;
	char err[KZ_ERR_LEN], key[33];
	int rc;

	if (k->screen != KZ_SCR_ISSUED || !k->up ||
		(k->print != KZ_PRINT_WAITING && k->print != KZ_PRINT_FAULT))
		return;
	if (passing(rc = k->hall->ops->job(k->hall->impl, k->job, &j, err)))
		return;
	if (rc == KZ_OK && j.state == KZ_JOB_DONE) {
		k->print = k->print == KZ_PRINT_FAULT ? KZ_PRINT_LATE : KZ_PRINT_DONE;
		return;
	}
	/* after a fault, what is true now: it printed after all, or never will */
	if (rc == KZ_OK && k->print == KZ_PRINT_FAULT &&
		(j.state == KZ_JOB_EXPIRED || j.state == KZ_JOB_FAILED))
		k->print = KZ_PRINT_NEVER;
	if (k->print == KZ_PRINT_FAULT || k->print == KZ_PRINT_NEVER)
		return;
	if (rc != KZ_OK)
		snprintf(k->print_why, sizeof k->print_why, "%s", err);
	else if (j.state == KZ_JOB_FAILED || j.state == KZ_JOB_UNCERTAIN || j.reason[0] != '\0')
		snprintf(k->print_why, sizeof k->print_why, "%s", j.reason);
	else if (kz_kiosk_printer_down(k))
		snprintf(k->print_why, sizeof k->print_why, "printer %s",
			kz_printer_condition_name(k->printer_state));
	else if (kz_clock_now() - k->job_at >= PRINT_WAIT_SECONDS)
		snprintf(k->print_why, sizeof k->print_why, "not printed within %d s",
			PRINT_WAIT_SECONDS);
	else
		return;
	k->print = KZ_PRINT_FAULT;
	kz_kiosk_hall_key(key); /* told once; a lost answer is not told again */
	if (k->hall->ops->unprinted(k->hall->impl, key, k->job, k->print_why, err) != KZ_OK)
		say(k, "recording an unprinted ticket", err);
}

/* Untouched for a while: the next visitor finds the home screen in the
 * default language, with nothing of the last visitor on it. */
static void
idle(struct kz_kiosk *k)
{
	int64_t now = kz_clock_now();

	if (now - k->touched_at < k->opt.conf->idle_seconds)
		return;
	if ((k->screen == KZ_SCR_HOME || k->screen == KZ_SCR_CLOSED ||
		    k->screen == KZ_SCR_UNAVAILABLE) &&
		strcmp(k->lang, k->opt.conf->lang) == 0)
		return;
	kz_kiosk_go_home(k);
}

int
kz_kiosk_printer_down(const struct kz_kiosk *k)
{
	switch (k->printer_state) {
	case KZ_PRINTER_PAPER_OUT:
	case KZ_PRINTER_OFFLINE:
	case KZ_PRINTER_COVER_OPEN:
	case KZ_PRINTER_ERROR:
	case KZ_PRINTER_PAUSED:
		return 1;
	case KZ_PRINTER_UNKNOWN:
	case KZ_PRINTER_READY:
	case KZ_PRINTER_PAPER_LOW:
		break;
	}
	return 0;
}

const char *
kz_kiosk_printer_state(struct kz_kiosk *k, enum kz_printer_condition state)
{
	return T(kz_printer_condition_said(state));
}

/* --- taps -------------------------------------------------------------- */

/* The corner a tap is in (1 top left, 2 top right, 3 bottom right, 4
 * bottom left), 0 if none. */
static int
corner(const struct kz_scene *s, int x, int y)
{
	int c = (s->w < s->h ? s->w : s->h) * 8 / 100;
	int left = x < c, right = x >= s->w - c, top = y < c, bottom = y >= s->h - c;

	return top && left ? 1 : top && right ? 2 : bottom && right ? 3 : bottom && left ? 4 : 0;
}

/* The administrator's gesture: its corners in turn.  1 when complete. */
static int
gesture(struct kz_kiosk *k, int x, int y)
{
	const char *want = k->opt.conf->admin_gesture;
	int c = corner(k->scene[k->shown], x, y), now = (int)(kz_clock_now() - k->gesture_at);

	if (c == 0) {
		k->gesture = 0;
		return 0;
	}
	if (k->gesture > 0 && now > GESTURE_SECONDS)
		k->gesture = 0;
	if (want[k->gesture] - '0' != c)
		k->gesture = 0;
	if (want[k->gesture] - '0' != c)
		return 0;
	if (k->gesture == 0)
		k->gesture_at = kz_clock_now();
	if (want[++k->gesture] != '\0')
		return 0;
	k->gesture = 0;
	return 1;
}

static void
tap(struct kz_kiosk *k, const struct kz_ui_event *ev)
{
	const struct kz_item *hit;
	int guard = k->opt.tap_guard_ms == 0 ? k->opt.conf->double_tap_ms : k->opt.tap_guard_ms;

	k->touched_at = kz_clock_now();
	/* a second tap this soon is a double tap or a bounce: one ticket, one answer */
	if (k->have_tap_ms && guard > 0 && ev->ms - k->last_tap_ms < (unsigned)guard)
		return;
	k->have_tap_ms = 1;
	k->last_tap_ms = ev->ms;
	if (k->shown < 0)
		return;
	if (gesture(k, ev->x, ev->y)) {
		memset(k->pin, 0, sizeof k->pin);
		kz_kiosk_go(k, KZ_SCR_PIN);
		return;
	}
	hit = kz_scene_hit(k->scene[k->shown], ev->x, ev->y, "btn.");
	if (hit == NULL)
		return;
	if (strcmp(hit->id, "btn.home") == 0) {
		kz_kiosk_go_home(k);
		return;
	}
	if (strncmp(hit->id, "btn.lang.", 9) == 0) {
		snprintf(k->lang, sizeof k->lang, "%s", hit->id + 9);
		return;
	}
	kz_screen_defs[k->screen]->tap(k, hit->id + 4);
}

/* --- drawing ----------------------------------------------------------- */

/* The screen now on show, into opt.screen_file whole (written beside it,
 * then renamed): whoever reads it sees one name, never half of one. */
static void
tell_screen(struct kz_kiosk *k)
{
	char tmp[4200];
	FILE *f;

	if (k->opt.screen_file == NULL)
		return;
	snprintf(tmp, sizeof tmp, "%s.new", k->opt.screen_file);
	if ((f = fopen(tmp, "w")) == NULL)
		return; /* a supervisor's aid: the kiosk serves visitors without it */
	fprintf(f, "%s\n", kz_kiosk_screens[k->screen]);
	if (fclose(f) == 0 && rename(tmp, k->opt.screen_file) == 0)
		k->told_screen = (int)k->screen;
}

static int
draw(struct kz_kiosk *k, char *err)
{
	int next = k->shown < 0 ? 0 : 1 - k->shown, rc;
	struct kz_scene *s = k->scene[next];
	int w, h;

	kz_ui_size(k->ui, &w, &h);
	if (w != k->opt.w || h != k->opt.h) /* a full screen is the screen's size */
		k->opt.w = w, k->opt.h = h;
	kz_scene_begin(s, k->opt.w, k->opt.h, kz_white);
	kz_screen_defs[k->screen]->build(k, s);
	if (k->shown >= 0 && kz_scene_equal(s, k->scene[k->shown]))
		return KZ_OK;
	rc = kz_ui_draw(k->ui, s, &k->stats, err);
	k->shown = next;
	if (rc == KZ_OK && k->opt.frames_png != NULL &&
		kz_ui_save_png(k->ui, k->opt.frames_png, err) != KZ_OK)
		say(k, "writing the frame", err); /* a supervisor's aid, not the visitor's */
	if (rc == KZ_OK && (int)k->screen != k->told_screen)
		tell_screen(k);
	return rc;
}

int
kz_kiosk_step(struct kz_kiosk *k, int wait_ms, char *err)
{
	struct kz_ui_event ev;

	refresh(k);
	if (k->pending != KZ_PENDING_NONE)
		retry_pending(k);
	follow_print(k);
	idle(k);
	if (kz_ui_next(k->ui, wait_ms, &ev)) {
		if (ev.type == KZ_UI_TAP)
			tap(k, &ev);
		else if (ev.type == KZ_UI_CLOSE && !k->opt.fullscreen)
			k->done = 1; /* a window on a desk may close; the kiosk may not */
	}
	return draw(k, err);
}

int
kz_kiosk_show(struct kz_kiosk *k, const char *screen, const char *lang, char *err)
{
	char names[256] = "";

	for (int i = 0; kz_kiosk_screens[i] != NULL; i++) {
		if (strcmp(kz_kiosk_screens[i], screen) != 0)
			continue;
		refresh(k);
		if (lang != NULL)
			snprintf(k->lang, sizeof k->lang, "%s", lang);
		if (i == KZ_SCR_CONFIRM && k->service[0] == '\0' && k->opt.cfg->nservices > 0)
			kz_kiosk_choose_service(k, k->opt.cfg->services[0].code);
		if (i == KZ_SCR_BALLOT)
			new_ballot(k);
		kz_kiosk_go(k, (enum kz_screen_id)i);
		k->touched_at = kz_clock_now();
		return draw(k, err);
	}
	for (int i = 0; kz_kiosk_screens[i] != NULL; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "",
			kz_kiosk_screens[i]);
	return kz_err(err, KZ_EINVAL, "no screen '%s'; the screens are %s", screen, names);
}

/* --- opening ----------------------------------------------------------- */

static int
open_data(struct kz_kiosk *k, char *err)
{
	const struct kz_config *cfg = k->opt.cfg;
	int rc;

	if ((rc = kz_i18n_load(k->opt.locale_dir, &k->tr, err)) != KZ_OK ||
		(rc = kz_cal_load(cfg->holidays, &cfg->hours, &k->cal, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->offices, &k->offices, err)) != KZ_OK ||
		(rc = kz_dir_load(cfg->akimats, &k->akimats, err)) != KZ_OK)
		return rc;
	k->office = kz_dir_find(k->offices, cfg->office);
	k->akimat = kz_dir_find(k->akimats, cfg->office);
	return KZ_OK;
}

int
kz_kiosk_open(const struct kz_kiosk_options *opt, struct kz_kiosk **out, char *err)
{
	struct kz_kiosk *k = calloc(1, sizeof *k);
	int rc;

	*out = NULL;
	if (k == NULL || (k->scene[0] = malloc(sizeof *k->scene[0])) == NULL ||
		(k->scene[1] = malloc(sizeof *k->scene[1])) == NULL) {
		if (k == NULL)
			kz_kiosk_hall_close(opt->remote);
		else
			k->hall = opt->remote;
		kz_kiosk_close(k);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the kiosk");
	}
	k->opt = *opt;
	k->shown = -1;
	k->told_screen = -1;
	snprintf(k->lang, sizeof k->lang, "%s", opt->conf->lang);
	if (opt->remote != NULL) {
		k->hall = opt->remote; /* ours from here on, whatever happens */
		rc = open_data(k, err);
	} else if ((rc = open_data(k, err)) == KZ_OK)
		rc = kz_kiosk_hall_local(opt->db_path, opt->cfg, opt->conf, k->cal, &k->hall, err);
	if (rc != KZ_OK ||
		(rc = kz_ui_open("Kezek", opt->w, opt->h, opt->fullscreen, opt->font_dir, &k->ui,
			 err)) != KZ_OK) {
		kz_kiosk_close(k);
		return rc;
	}
	if (opt->fullscreen)
		kz_ui_grab(k->ui);
	k->touched_at = kz_clock_now();
	k->screen = KZ_SCR_UNAVAILABLE;
	refresh(k);
	kz_kiosk_go_home(k);
	*out = k;
	return KZ_OK;
}

void
kz_kiosk_close(struct kz_kiosk *k)
{
	if (k == NULL)
		return;
	kz_kiosk_hall_close(k->hall);
	kz_ui_close(k->ui);
	kz_dir_free(k->offices);
	kz_dir_free(k->akimats);
	kz_cal_free(k->cal);
	kz_i18n_free(k->tr);
	free(k->scene[0]);
	free(k->scene[1]);
	free(k);
}

const char *
kz_kiosk_screen_when(int i)
{
	return i >= 0 && i < KZ_SCR_COUNT ? kz_screen_defs[i]->when : NULL;
}

const char *
kz_kiosk_screen(const struct kz_kiosk *k)
{
	return kz_kiosk_screens[k->screen];
}

const struct kz_scene *
kz_kiosk_scene(const struct kz_kiosk *k)
{
	return k->shown < 0 ? NULL : k->scene[k->shown];
}

const struct kz_ui_stats *
kz_kiosk_stats(const struct kz_kiosk *k)
{
	return &k->stats;
}

struct kz_ui *
kz_kiosk_ui(struct kz_kiosk *k)
{
	return k->ui;
}

int
kz_kiosk_done(const struct kz_kiosk *k)
{
	return k->done;
}

int
kz_kiosk_missed_translations(const struct kz_kiosk *k)
{
	return kz_i18n_missed(k->tr);
}
