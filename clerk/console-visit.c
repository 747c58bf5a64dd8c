/*
 * console-visit.c - the keys of a visit at the counter, in the flow of
 * the counter page: call, call again, start, finish (confirmed; only a
 * visit that started is served), no-show (confirmed; only a call that did
 * not start) or cancel (confirmed; a visit that started), transfer
 * (confirmed), postpone and call back, the staff's language, quit.  A
 * refusal is told in the clerk's words from what the console knows of the
 * counter, before the queue is asked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "queue/counter.h"
#include "queue/postpone.h"
#include "queue/ticket.h"
#include "queue/wait.h"
#include "refusal.h"
#include "term.h"

/* The visitor at the counter now (re-read), or 0 with a message. */
static int
visitor(struct console *c, struct kz_ticket *t)
{
	const struct kz_counter_status *k;
	char e[KZ_ERR_LEN];

	if (kz_status_read(c->cli->db, &c->st, e) != KZ_OK)
		return kz_console_say(c, "%s",
			       T("the hall's database cannot be read now; try again")),
		       0;
	k = kz_console_counter(c);
	if (k == NULL || !k->ticket[0] ||
		kz_ticket_find(c->cli->db, k->ticket, NULL, t, e) != KZ_OK)
		return kz_console_say(c, "%s", T("no visitor at the counter; n calls the next")), 0;
	return 1;
}

/* A refusal the console did not foresee, of operation what (refusal.h):
 * said in the clerk's words; the queue's English reason only to a
 * console that speaks English. */
void
kz_console_refused(struct console *c, int rc, const char *what)
{
	if (strcmp(kz_cli_lang(), "en") == 0)
		kz_console_say(c,
			rc == KZ_EBUSY || rc == KZ_EDB
				? T("the database did not take it; try again (%s)")
				: T("refused: %s"),
			c->cli->err);
	else
		kz_console_say(c, "%s", kz_refusal_say(what, rc));
}

static void
next(struct console *c)
{
	struct kz_ticket t;
	int rc;

	if (kz_status_read(c->cli->db, &c->st, c->cli->err) == KZ_OK && kz_console_counter(c) &&
		kz_console_counter(c)->ticket[0]) {
		kz_console_say(c, T("%s is still at the counter: finish it first (f, x, t or p)"),
			kz_console_counter(c)->ticket);
		return;
	}
	rc = kz_ticket_next(c->cli->db, c->counter, &t, c->cli->err);
	if (rc == KZ_OK)
		kz_console_say(c, T("called %s (waited %lld min)"), t.number,
			(long long)kz_wait_seconds(t.issued_at, t.called_at, 0) / 60);
	else if (rc == KZ_EEMPTY)
		kz_console_say(c, T("no one is waiting for counter %d"), c->counter);
	else
		kz_console_refused(c, rc, "next");
}

static void
recall_or_start(struct console *c, int start)
{
	struct kz_ticket t;
	int rc;

	if (!visitor(c, &t))
		return;
	if (t.state == KZ_TICKET_SERVING) {
		kz_console_say(c, T("%s is already in service"), t.number);
		return;
	}
	rc = start ? kz_ticket_start(c->cli->db, c->counter, &t, c->cli->err)
		   : kz_ticket_recall(c->cli->db, c->counter, &t, c->cli->err);
	if (rc != KZ_OK)
		kz_console_refused(c, rc, start ? "start" : "recall");
	else if (start)
		kz_console_say(c, T("%s in service"), t.number);
	else
		kz_console_say(c, T("called %s again"), t.number);
}

/* f and x: the end of the visit, asked first; 1 when input ended. */
static int
end_visit(struct console *c, int key)
{
	enum kz_outcome outcome;
	struct kz_ticket t;
	char q[256];
	int yes, rc;

	if (!visitor(c, &t))
		return 0;
	if (key == 'f' && t.state != KZ_TICKET_SERVING) {
		kz_console_say(c,
			T("%s has not started: s when the visitor comes up, x if they did not come"),
			t.number);
		return 0;
	}
	outcome = key == 'f' ? KZ_SERVED : t.state == KZ_TICKET_SERVING ? KZ_CANCELLED : KZ_NO_SHOW;
	snprintf(q, sizeof q,
		outcome == KZ_SERVED              ? T("Finish %s as served?")
			: outcome == KZ_CANCELLED ? T("Cancel the service of %s?")
						  : T("%s did not come: mark as no-show?"),
		t.number);
	if ((yes = kz_console_confirm(q)) == KZ_TERM_EOF)
		return 1;
	if (!yes)
		return kz_console_say(c, T("nothing changed: %s is still at the counter"),
			       t.number),
		       0;
	rc = kz_ticket_finish(c->cli->db, c->counter, outcome, NULL, t.number, &t, c->cli->err);
	if (rc != KZ_OK)
		kz_console_refused(c, rc, outcome == KZ_NO_SHOW ? "no_show" : "finish");
	else
		kz_console_say(c, "%s %s", t.number,
			outcome == KZ_SERVED              ? T("served")
				: outcome == KZ_CANCELLED ? T("cancelled")
							  : T("did not come (no-show)"));
	return 0;
}

static int
transfer(struct console *c)
{
	struct kz_ticket t;
	char to[KZ_CODE_LEN + 8], q[256], comment[KZ_TRANSFER_COMMENT_LEN];
	int yes, rc;

	if (!visitor(c, &t))
		return 0;
	if (kz_console_ask(T("transfer to service: "), NULL, to, sizeof to) ||
		kz_console_ask(T("comment for the next clerk (Enter: none): "), "", comment,
			sizeof comment))
		return 1;
	snprintf(q, sizeof q, T("Send %s to service %s, keeping its place?"), t.number, to);
	if ((yes = kz_console_confirm(q)) == KZ_TERM_EOF)
		return 1;
	if (!yes)
		return kz_console_say(c, T("nothing changed: %s is still at the counter"),
			       t.number),
		       0;
	rc = kz_ticket_transfer(c->cli->db, c->counter, to, comment, t.number, &t, c->cli->err);
	if (rc == KZ_ENOTFOUND || (rc == KZ_EINVAL && to[0] == '\0'))
		kz_console_say(c, T("there is no service '%s' here; %s is still at the counter"),
			to, t.number);
	else if (rc != KZ_OK)
		kz_console_refused(c, rc, "transfer");
	else
		kz_console_say(c, T("%s waits for service %s, keeping its place"), t.number,
			t.service);
	return 0;
}

/* p: the visitor goes to fetch something, for some minutes. */
static int
postpone(struct console *c)
{
	struct kz_ticket t;
	char reason[KZ_POSTPONE_REASON_LEN], mins[16], until[8];
	int n, rc;

	if (!visitor(c, &t))
		return 0;
	if (kz_console_ask(T("what the visitor went to fetch: "), NULL, reason, sizeof reason) ||
		kz_console_ask(T("minutes to come back [15]: "), "15", mins, sizeof mins))
		return 1;
	n = atoi(mins);
	if (reason[strspn(reason, " ")] == '\0')
		return kz_console_say(c,
			       T("a postponement needs a reason; %s is still at the counter"),
			       t.number),
		       0;
	if (n < 1 || n > KZ_POSTPONE_MAX_MINUTES)
		return kz_console_say(c, T("minutes are 1 to %d; %s is still at the counter"),
			       KZ_POSTPONE_MAX_MINUTES, t.number),
		       0;
	if ((rc = kz_ticket_postpone(c->cli->db, c->counter, reason, n, &t, c->cli->err)) != KZ_OK)
		kz_console_refused(c, rc, "postpone");
	else
		kz_console_say(c, T("%s postponed until %s; b calls them back"), t.number,
			kz_cli_hhmm(t.postponed_until, until));
	return 0;
}

/* b: a postponed visitor is back: the only one, or the one named. */
static int
call_back(struct console *c)
{
	struct kz_postponed p[16];
	struct kz_ticket t;
	char number[32], prompt[128];
	int n = 0, rc;

	if (kz_postponed_list(c->cli->db, c->counter, p, 16, &n, c->cli->err) != KZ_OK)
		return kz_console_refused(c, KZ_EDB, "return"), 0;
	if (n == 0)
		return kz_console_say(c, "%s", T("no one is postponed at this counter")), 0;
	if (n == 1)
		snprintf(prompt, sizeof prompt, T("ticket to call back [%s]: "), p[0].number);
	if (kz_console_ask(n == 1 ? prompt : T("ticket to call back: "),
		    n == 1 ? p[0].number : NULL, number, sizeof number))
		return 1;
	for (char *s = number; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
	if (kz_console_counter(c) && kz_console_counter(c)->ticket[0])
		return kz_console_say(c,
			       T("%s is still at the counter: finish it first (f, x, t or p)"),
			       kz_console_counter(c)->ticket),
		       0;
	rc = kz_ticket_return(c->cli->db, c->counter, number, &t, c->cli->err);
	if (rc == KZ_OK)
		kz_console_say(c, T("%s called back (%s)"), t.number,
			t.state == KZ_TICKET_SERVING ? T("in service") : T("called"));
	else if (kz_ticket_find(c->cli->db, number, NULL, &t, c->cli->err) == KZ_OK &&
		t.state == KZ_TICKET_DONE && t.outcome == KZ_NO_SHOW)
		kz_console_say(c, T("%s did not come back in time: it ended as a no-show"),
			t.number);
	else
		kz_console_say(c, T("%s is not postponed at this counter"), number);
	return 0;
}

/* l: Kazakh and Russian in turn. */
static void
switch_language(struct console *c)
{
	kz_cli_set_lang(strcmp(kz_cli_lang(), "kk") == 0 ? "ru" : "kk");
	/* TRANSLATORS: said in the language just chosen: name that language */
	kz_console_say(c, "%s", T("the console speaks English now; l switches"));
}

static int
quit(struct console *c)
{
	int rc;

	if (kz_status_read(c->cli->db, &c->st, c->cli->err) == KZ_OK && kz_console_counter(c) &&
		kz_console_counter(c)->ticket[0]) {
		kz_console_say(c, T("%s is still at the counter: finish it first (f, x, t or p)"),
			kz_console_counter(c)->ticket);
		return 0;
	}
	if ((rc = kz_counter_close(c->cli->db, c->counter, NULL, NULL, c->cli->err)) != KZ_OK)
		return kz_console_refused(c, rc, "close"), 0;
	printf(T("counter %d closed; goodbye, %s\n"), c->counter, c->clerk.name);
	return 1;
}

int
kz_console_visit_key(struct console *c, int key)
{
	switch (key) {
	case 'n':
		next(c);
		return 0;
	case 'r':
	case 's':
		recall_or_start(c, key == 's');
		return 0;
	case 'f':
	case 'x':
		return end_visit(c, key);
	case 't':
		return transfer(c);
	case 'p':
		return postpone(c);
	case 'b':
		return call_back(c);
	case 'l':
		switch_language(c);
		return 0;
	case 'q':
		return quit(c);
	case '\n':
	case 'w':
		return 0;
	case 'h':
	case '?':
		kz_console_say(c, "%s", kz_console_keys());
		return 0;
	default:
		if (key < 0x20 || key >= 0x7f) /* a byte of a letter of another keyboard */
			kz_console_say(c, "%s", T("that key does nothing; h lists the keys"));
		else
			kz_console_say(c, T("'%c' does nothing; h lists the keys"), key);
		return 0;
	}
}
