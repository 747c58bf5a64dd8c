/*
 * cmd-console.c - kezek console N: the clerk's working day at counter N.
 * The clerk logs in with name and PIN (queue/clerk.h); the counter opens
 * under them, so everything done here is recorded under their name.  The
 * screen shows the visitor at the counter with the wait (p.7.2) and the
 * time at the counter (p.7.3) against their limits, and who waits; single
 * keys call the same queue/ functions as the scriptable commands.  Without
 * a terminal (a script, a test) each key and each answer is one line of
 * standard input (clerk/term.h).  The screen, the keys and the forms are
 * in the files console.h names.  Start at exec.
 */
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "refusal.h"
#include "kezek.h"
#include "queue/clerk.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/status.h"
#include "term.h"

static const struct kz_cmd_option options[] = {
	{"clerk", "NAME", N("the clerk's full name (asked if not given); the PIN is always asked")},
	{"print", "PRINTER", N("print talons, receipts and notices on PRINTER")},
	{"lang", "kk|ru", N("the printouts' language unless the visitor chooses (default kk)")},
	{NULL, NULL, NULL},
};

/* One key; 1 to leave the console. */
static int
handle(struct console *c, int key)
{
	switch (key) {
	case 'a':
		return kz_console_intake(c) == KZ_TERM_EOF;
	case 'c':
		return kz_console_complaint(c) == KZ_TERM_EOF;
	case 'd':
		return kz_console_resume(c) == KZ_TERM_EOF;
	default:
		return kz_console_visit_key(c, key);
	}
}

/* Why a login was refused, in the clerk's words (the counter page's),
 * into c->cli->err; the queue's English reason when the console speaks
 * English. */
static void
login_refused(struct console *c, int rc, const struct kz_login_refusal *why)
{
	char until[8];

	if (strcmp(kz_cli_lang(), "en") == 0)
		return;
	if (rc != KZ_EREJECT) {
		kz_err(c->cli->err, rc, "%s", kz_refusal_say("login", rc));
	} else if (why->reason == KZ_LOGIN_LOCKED) {
		kz_clock_format(why->until, "%H:%M", until, sizeof until);
		kz_err(c->cli->err, rc,
			T("Too many wrong PINs: this login is locked until %s, or until the "
			  "administrator sets a new PIN."),
			until);
	} else if (why->reason == KZ_LOGIN_WRONG) {
		kz_err(c->cli->err, rc,
			T("Wrong name or PIN. Tries left before the login is locked: %d."),
			why->tries_left);
	} else if (why->reason == KZ_LOGIN_NO_PIN) {
		kz_err(c->cli->err, rc, "%s",
			T("You have no PIN yet; the administrator sets one with kezek clerk pin."));
	} else {
		kz_err(c->cli->err, rc, "%s", T("Wrong name or PIN."));
	}
}

/* Name and PIN, up to 3 times; KZ_OK once logged in. */
static int
login(struct console *c)
{
	const char *given = kz_cli_opt(c->cli, "clerk");
	char name[256], pin[64];
	struct kz_login_refusal why = {0};
	int rc = KZ_EREJECT;

	for (int i = 0; i < 3 && rc == KZ_EREJECT; i++) {
		if (given)
			snprintf(name, sizeof name, "%s", given);
		else if (kz_term_line(T("full name: "), name, sizeof name, 0) != 0)
			return kz_err(c->cli->err, KZ_EREJECT, "%s", T("no name to log in with"));
		if (kz_term_line(T("PIN: "), pin, sizeof pin, 1) != 0)
			return kz_err(c->cli->err, KZ_EREJECT, "%s", T("no PIN to log in with"));
		rc = kz_staff_login(c->cli->db, 0, name, pin, c->counter, &c->clerk, &why,
			c->cli->err);
		memset(pin, 0, sizeof pin);
		if (rc != KZ_OK)
			login_refused(c, rc, &why);
		if (rc == KZ_EREJECT && i < 2)
			fprintf(stderr, "kezek: %s\n", c->cli->err);
	}
	return rc;
}

/* Open the counter under the clerk who logged in, or go on where they are. */
static int
take_counter(struct console *c)
{
	const struct kz_counter_status *k;
	int rc;

	if ((rc = kz_status_read(c->cli->db, &c->st, c->cli->err)) != KZ_OK)
		return rc;
	k = kz_console_counter(c);
	if (k && k->state == KZ_COUNTER_OPEN) {
		if (strcmp(k->clerk, c->clerk.name) == 0 &&
			strcmp(k->position, c->clerk.position) == 0)
			return KZ_OK;
		return kz_err(c->cli->err, KZ_EREJECT,
			T("counter %d is open under %s; they close it first ('q' in their console or "
			  "'kezek counter close %d')"),
			c->counter, k->clerk, c->counter);
	}
	if ((rc = kz_counter_open(c->cli->db, c->counter, c->clerk.name, c->clerk.position,
		     c->cli->err)) != KZ_OK &&
		strcmp(kz_cli_lang(), "en") != 0 && kz_refusal_is(rc))
		kz_err(c->cli->err, rc, "%s", kz_refusal_say("open", rc));
	return rc;
}

static int
exec(struct kz_cli *cli)
{
	struct console *c = calloc(1, sizeof *c);
	int rc, key;

	if (c == NULL)
		return kz_cli_fail(cli, kz_err(cli->err, KZ_ENOMEM, "out of memory"));
	c->cli = cli;
	c->counter = kz_cli_counter(cli, cli->argv[0]);
	c->tty = kz_term_interactive();
	c->printer = kz_cli_opt(cli, "print");
	c->lang = kz_cli_opt(cli, "lang") ? kz_cli_opt(cli, "lang") : "kk";
	if ((rc = login(c)) != KZ_OK || (rc = take_counter(c)) != KZ_OK) {
		free(c);
		/* said already in the clerk's words (login_refused, take_counter) */
		return kz_cli_refuse(cli, rc, cli->err);
	}
	kz_console_say(c, T("%s (%s) at counter %d"), c->clerk.name, c->clerk.position, c->counter);
	kz_term_raw();
	kz_console_draw(c);
	for (;;) {
		key = kz_term_key(1000);
		if (key == KZ_TERM_EOF) {
			printf(T("counter %d stays %s under %s\n"), c->counter,
				kz_cli_word(kz_console_counter(c)
						? kz_counter_state_name(
							  kz_console_counter(c)->state)
						: "open"),
				c->clerk.name);
			break;
		}
		/* redraw only when the hall changed or the minute turned; the
		 * message stays until the clerk presses a key */
		if (key == KZ_TERM_TIMEOUT) {
			if (kz_db_data_version(cli->db) != c->drawn_version ||
				kz_clock_now() / 60 != c->drawn_minute)
				kz_console_draw(c);
			continue;
		}
		c->msg[0] = '\0';
		if (handle(c, key))
			break;
		kz_console_draw(c);
	}
	kz_term_restore();
	free(c);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_console = {
	.name = "console",
	.args = "N",
	.summary =
		N("the clerk's console at counter N: log in with a PIN, then single keys for "
		  "next, recall, start, finish, no-show, transfer, postpone, documents, complaint"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.counter_arg = 1,
	.exec = exec,
};
