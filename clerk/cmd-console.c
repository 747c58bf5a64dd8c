/*
 * cmd-console.c - kezek console N: the clerk's working day at counter N.
 * The clerk logs in with name and PIN (queue/clerk.h); the counter opens
 * under them, so everything done here is recorded under their name.  The
 * screen shows the visitor at the counter with the wait (p.7.2) and the
 * time at the counter (p.7.3) against their limits, and who waits; single
 * keys call the same queue/ functions as the scriptable commands.  Without
 * a terminal (a script, a test) each key and each answer is one line of
 * standard input (clerk/term.h).  Start at exec.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clerk.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/counter.h"
#include "queue/status.h"
#include "queue/ticket.h"
#include "queue/wait.h"
#include "term.h"

#define RED   "\033[1;31m"
#define GREEN "\033[32m"
#define BOLD  "\033[1m"
#define PLAIN "\033[0m"

struct console {
	struct kz_cli *cli;
	int counter;
	int tty;               /* a terminal: full screen, colours, single keys */
	struct kz_clerk clerk; /* who logged in */
	const char *printer;   /* --print: talons, receipts, notices; NULL none */
	const char *lang;      /* --lang: the printouts' default language */
	struct kz_status st;   /* the hall as last drawn */
	int64_t drawn_version; /* data_version and minute of the last drawing */
	int64_t drawn_minute;
	char msg[KZ_ERR_LEN + 128]; /* what the last key did */
};

static const struct kz_cmd_option options[] = {
	{"clerk", "NAME", "the clerk's full name (asked if not given); the PIN is always asked"},
	{"print", "PRINTER", "print talons, receipts and notices on PRINTER"},
	{"lang", "kk|ru", "the printouts' language unless the visitor chooses (default kk)"},
	{NULL, NULL, NULL},
};

/* TRANSLATORS: the letters are the keys and stay as they are */
static const char keys_help[] = N("n next  r recall  s start  f finish  x no-show  t transfer  "
				  "a accept documents  d missing documents brought  c complaint  "
				  "q quit");

static void
say(struct console *c, const char *fmt, const char *a, const char *b)
{
	snprintf(c->msg, sizeof c->msg, fmt, a, b);
}

/* What counter c->counter is doing now, NULL if it is not in the hall. */
static const struct kz_counter_status *
my_counter(struct console *c)
{
	for (int i = 0; i < c->st.ncounters; i++)
		if (c->st.counters[i].number == c->counter)
			return &c->st.counters[i];
	return NULL;
}

/* "12 min" coloured against limit minutes on a terminal. */
static void
minutes(const struct console *c, int64_t seconds, int limit)
{
	int over = seconds > (int64_t)limit * 60;

	printf("%s", c->tty ? (over ? RED : GREEN) : "");
	printf(T("%lld min"), (long long)seconds / 60);
	printf("%s", c->tty ? PLAIN : "");
	if (over)
		printf(T(" (over %d)"), limit);
}

/* Today's answers (hours, due dates) on holiday data not decreed, and
 * from 1 November next year's missing file: the clerk sees both. */
static void
calendar_warnings(const struct console *c)
{
	struct kz_date today = kz_date_of(c->st.now);
	char w[512];

	if (kz_cli_cal_warning(c->cli->cal, today, kz_cal_due(c->cli->cal, today), w, sizeof w))
		printf("%s\n", w);
	if (kz_cli_next_year_warning(c->cli->cal, today, w, sizeof w))
		printf("%s\n", w);
}

struct owed_list {
	char text[256];
	size_t len;
};

static int
owed_row(const struct kz_application *a, void *arg)
{
	struct owed_list *o = arg;
	int n = snprintf(o->text + o->len, sizeof o->text - o->len, " %s", a->number);

	if (n < 0 || (size_t)n >= sizeof o->text - o->len)
		return 1; /* the line is full: enough to act on */
	o->len += (size_t)n;
	return 0;
}

/* What the office owes applicants: receipts not printed (p.14) and
 * suspensions past their term (p.16), a line each when there are any. */
static void
draw_owed(struct console *c)
{
	struct kz_app_filter receipts = {.receipt_owed = 1}, expired = {.expired = 1};
	struct owed_list o = {"", 0};
	char e[KZ_ERR_LEN];

	if (kz_app_list(c->cli->db, &receipts, owed_row, &o, e) == KZ_OK && o.len)
		printf(T("%sreceipts owed (p.14):%s%s\n"), c->tty ? RED : "", o.text,
			c->tty ? PLAIN : "");
	o.len = 0;
	o.text[0] = '\0';
	if (kz_app_list(c->cli->db, &expired, owed_row, &o, e) == KZ_OK && o.len)
		printf(T("suspension term passed, refused at close-day (p.16):%s\n"), o.text);
}

static void
draw(struct console *c)
{
	const struct kz_counter_status *k;
	struct kz_ticket t;
	char now[32], e[KZ_ERR_LEN];

	if (kz_status_read(c->cli->db, &c->st, e) != KZ_OK) {
		printf("kezek: %s\n", e);
		return;
	}
	c->drawn_version = kz_db_data_version(c->cli->db);
	c->drawn_minute = c->st.now / 60;
	k = my_counter(c);
	kz_clock_format(c->st.now, "%d.%m.%Y %H:%M", now, sizeof now);
	if (c->tty) {
		printf("\033[H\033[2J" BOLD);
		printf(T("Kezek  counter %d  %s (%s)"), c->counter, c->clerk.name,
			c->clerk.position);
		printf(PLAIN "   %s\n\n", now);
	}
	printf(T("counter %d %s: "), c->counter,
		k ? kz_cli_word(kz_counter_state_name(k->state)) : "?");
	if (k && k->ticket[0] && kz_ticket_find(c->cli->db, k->ticket, NULL, &t, e) == KZ_OK) {
		printf(T("%s %s, waited "), t.number,
			t.state == KZ_TICKET_SERVING ? T("in service") : T("called"));
		minutes(c, kz_wait_seconds(t.issued_at, t.called_at, 0),
			c->cli->cfg->wait_limit_min);
		printf("%s", T(", at the counter "));
		minutes(c, kz_service_seconds(t.called_at, 0, c->st.now),
			c->cli->cfg->service_limit_min);
	} else {
		printf("%s", c->st.waiting ? T("nobody; n calls the next visitor") : T("nobody"));
	}
	printf("\n");
	printf(T("waiting %d:"), c->st.waiting);
	for (int i = 0; i < c->st.nservices; i++) {
		const struct kz_service_status *s = &c->st.services[i];
		if (k && strstr(k->services, s->code) == NULL)
			continue;
		printf("  %s %d", s->code, s->waiting);
		if (s->waiting) {
			printf("%s", T(" (longest "));
			minutes(c, s->longest_wait, c->cli->cfg->wait_limit_min);
			printf(")");
		}
	}
	printf("\n");
	draw_owed(c);
	calendar_warnings(c);
	if (c->tty)
		printf("\n%s\n\n", T(keys_help));
	if (c->msg[0])
		printf("%s%s\n", c->tty ? "> " : "", c->msg);
	c->msg[0] = '\0';
	fflush(stdout);
}

/* Ask for a line; "" takes dflt (may be NULL).  0, or KZ_TERM_EOF. */
static int
ask(const char *prompt, const char *dflt, char *buf, size_t len)
{
	if (kz_term_line(prompt, buf, len, 0) != 0)
		return KZ_TERM_EOF;
	if (buf[0] == '\0' && dflt != NULL)
		snprintf(buf, len, "%s", dflt);
	return 0;
}

/* c: register a complaint taken here, and print its talon. */
static int
complaint(struct console *c)
{
	char channel[16], kind[16], name[256], contact[256], text[KZ_COMPLAINT_TEXT_MAX + 1];
	char days[8], lang[8];
	struct kz_complaint_new in = {.counter = c->counter};
	struct kz_complaint *m;
	int64_t job = 0;

	if (ask(T("channel (in_person, post, email) [in_person]: "), "in_person", channel,
		    sizeof channel) ||
		ask(T("about (result, service): "), NULL, kind, sizeof kind) ||
		ask(T("complainant's name: "), NULL, name, sizeof name) ||
		ask(T("contact for the answer (address or e-mail): "), NULL, contact,
			sizeof contact) ||
		ask(T("what it is about: "), NULL, text, sizeof text) ||
		ask(T("answer within days (15, 30) [30]: "), "30", days, sizeof days) ||
		(c->printer && ask(T("talon language (kk, ru): "), c->lang, lang, sizeof lang)))
		return KZ_TERM_EOF;
	in.name = name, in.contact = contact, in.text = text;
	in.days = atoi(days);
	if (kz_complaint_channel_parse(channel, "how a complaint comes", &in.channel,
		    c->cli->err) != KZ_OK ||
		kz_complaint_kind_parse(kind, &in.kind, c->cli->err) != KZ_OK)
		return say(c, "%s%s", c->cli->err, ""), 0;
	if ((m = malloc(sizeof *m)) == NULL)
		return say(c, "%s%s", T("out of memory"), ""), 0;
	if (kz_complaint_add(c->cli->db, c->cli->cal, &in, c->printer, c->printer ? lang : NULL, m,
		    &job, c->cli->err) != KZ_OK)
		say(c, "%s%s", c->cli->err, "");
	else
		snprintf(c->msg, sizeof c->msg, T("complaint %s registered; answer by %s%s%s"),
			m->number, m->due_day, job ? T("; talon printing on ") : "",
			job ? c->printer : "");
	free(m);
	return 0;
}

/* The printer for a receipt or notice: --print, or the hall's default. */
static const char *
paper_printer(struct console *c, char *buf)
{
	char e[KZ_ERR_LEN];

	if (c->printer != NULL)
		return c->printer;
	return kz_app_default_printer(c->cli->db, 0, buf, e) == KZ_OK ? buf : NULL;
}

/* a: accept an application's documents here (as kezek accept). */
static int
accept_docs(struct console *c)
{
	char kind[16], name[256], idnum[32], id_doc[256], phone[256], address[256], rep[256];
	char auth[256], proxy[256], proxy_doc[256], plot[256], docs[256], row[256], total[64];
	char lang[8] = "", chosen[32];
	const char *printer;
	struct kz_act_row rows[KZ_ACT_MAX_ROWS];
	struct kz_app_input in = {.act = rows};
	struct kz_application *a;
	int64_t job = 0;
	int legal;

	if (ask(T("applicant (individual, legal) [individual]: "), "individual", kind, sizeof kind))
		return KZ_TERM_EOF;
	legal = kz_app_kind_parse(kind, &in.kind, NULL) == KZ_OK && in.kind == KZ_APP_LEGAL;
	rep[0] = auth[0] = proxy[0] = proxy_doc[0] = '\0';
	if (ask(legal ? "entity's name: " : "full name: ", NULL, name, sizeof name) ||
		ask(legal ? "BIN: " : "IIN: ", NULL, idnum, sizeof idnum) ||
		ask(T("identity document: "), NULL, id_doc, sizeof id_doc) ||
		ask(T("phone: "), NULL, phone, sizeof phone) ||
		ask(T("address: "), NULL, address, sizeof address) ||
		(legal &&
			(ask(T("representative: "), NULL, rep, sizeof rep) ||
				ask(T("their authority: "), NULL, auth, sizeof auth))) ||
		(!legal && ask(T("proxy (empty: none): "), NULL, proxy, sizeof proxy)) ||
		(proxy[0] && ask(T("power of attorney: "), NULL, proxy_doc, sizeof proxy_doc)) ||
		ask(T("land plot's address: "), NULL, plot, sizeof plot) ||
		ask(T("documents handed in (application,id_copy,act,conclusion ...): "), NULL, docs,
			sizeof docs))
		return KZ_TERM_EOF;
	if (kz_app_docs_parse(docs, &in.docs, c->cli->err) != KZ_OK)
		return say(c, "%s%s", c->cli->err, ""), 0;
	for (;;) {
		if (ask(T("act row 'zone;area;rate;coefficient;value' (empty: no more): "), NULL,
			    row, sizeof row))
			return KZ_TERM_EOF;
		if (row[0] == '\0')
			break;
		if (in.nact == KZ_ACT_MAX_ROWS) {
			snprintf(c->msg, sizeof c->msg, T("an act has at most %d rows"),
				KZ_ACT_MAX_ROWS);
			return 0;
		}
		if (kz_app_act_row_parse(row, &rows[in.nact], c->cli->err) != KZ_OK)
			return say(c, "%s%s", c->cli->err, ""), 0;
		in.nact++;
	}
	if (in.nact > 0 &&
		(ask(T("the act's total, tenge: "), NULL, total, sizeof total) ||
			(c->printer &&
				ask(T("printout language (kk, ru): "), c->lang, lang, sizeof lang))))
		return KZ_TERM_EOF;
	if (in.nact == 0 && c->printer &&
		ask(T("printout language (kk, ru): "), c->lang, lang, sizeof lang))
		return KZ_TERM_EOF;
	if (in.nact > 0 && kz_decimal_parse(total, KZ_MONEY_SCALE, &in.act_total, c->cli->err))
		return say(c, T("the act's total: %s%s"), c->cli->err, ""), 0;
	in.kind = legal ? KZ_APP_LEGAL : KZ_APP_INDIVIDUAL;
	in.name = name, in.idnum = idnum, in.id_doc = id_doc, in.phone = phone;
	in.address = address, in.representative = rep, in.authority = auth, in.proxy = proxy;
	in.proxy_doc = proxy_doc, in.plot_address = plot;
	if ((a = malloc(sizeof *a)) == NULL)
		return say(c, "%s%s", T("out of memory"), ""), 0;
	printer = paper_printer(c, chosen);
	if (kz_app_accept(c->cli->db, c->cli->cal, c->counter, &in, printer,
		    c->printer ? lang : c->lang, a, &job, c->cli->err) != KZ_OK)
		say(c, "%s%s", c->cli->err, "");
	else
		snprintf(c->msg, sizeof c->msg, T("application %s %s%s%s"), a->number,
			a->missing
				? T("suspended: documents are missing (notice due); d when they come")
				: job ? T("registered")
				      : T("registered; RECEIPT OWED: no printer"),
			job ? T("; printing on ") : "", job ? printer : "");
	free(a);
	return 0;
}

/* d: the missing documents of a suspended application brought here (as
 * kezek resume): it goes on, due anew, with its new receipt. */
static int
resume_docs(struct console *c)
{
	char number[32], docs[256], chosen[32];
	const char *printer;
	struct kz_application *a;
	unsigned set = 0;
	int64_t job = 0;

	if (ask(T("application number: "), NULL, number, sizeof number) ||
		ask(T("documents brought (act,conclusion ...): "), NULL, docs, sizeof docs))
		return KZ_TERM_EOF;
	if (kz_app_docs_parse(docs, &set, c->cli->err) != KZ_OK)
		return say(c, "%s%s", c->cli->err, ""), 0;
	if ((a = malloc(sizeof *a)) == NULL)
		return say(c, "%s%s", T("out of memory"), ""), 0;
	printer = paper_printer(c, chosen);
	if (kz_app_resume(c->cli->db, c->cli->cal, number, c->counter, set, printer, NULL, a, &job,
		    c->cli->err) != KZ_OK)
		say(c, "%s%s", c->cli->err, "");
	else
		snprintf(c->msg, sizeof c->msg, T("application %s goes on, due %s (p.7.1)%s%s"),
			a->number, a->due_day,
			job ? T("; receipt printing on ") : T("; RECEIPT OWED: no printer"),
			job ? printer : "");
	free(a);
	return 0;
}

/* One key; 1 to leave the console. */
static int
handle(struct console *c, int key)
{
	struct kz_db *db = c->cli->db;
	char *err = c->cli->err, to[KZ_CODE_LEN + 8];
	const struct kz_counter_status *k;
	struct kz_ticket t;
	int rc = KZ_OK;

	switch (key) {
	case 'n':
		if ((rc = kz_ticket_next(db, c->counter, &t, err)) == KZ_OK)
			snprintf(c->msg, sizeof c->msg, T("called %s (waited %lld min)"), t.number,
				(long long)kz_wait_seconds(t.issued_at, t.called_at, 0) / 60);
		break;
	case 'r':
		if ((rc = kz_ticket_recall(db, c->counter, &t, err)) == KZ_OK)
			say(c, T("called %s again%s"), t.number, "");
		break;
	case 's':
		if ((rc = kz_ticket_start(db, c->counter, &t, err)) == KZ_OK)
			say(c, T("%s in service%s"), t.number, "");
		break;
	case 'f':
	case 'x':
		rc = kz_ticket_finish(db, c->counter, key == 'f' ? KZ_SERVED : KZ_NO_SHOW, NULL,
			NULL, &t, err);
		if (rc == KZ_OK)
			say(c, "%s %s", t.number,
				key == 'f' ? T("served") : T("did not come (no-show)"));
		break;
	case 't':
		if (ask(T("transfer to service: "), NULL, to, sizeof to))
			return 1;
		if ((rc = kz_ticket_finish(db, c->counter, KZ_TRANSFERRED, to, NULL, &t, err)) ==
			KZ_OK)
			say(c, T("%s waits for service %s, keeping its place"), t.number,
				t.service);
		break;
	case 'a':
		return accept_docs(c) == KZ_TERM_EOF;
	case 'c':
		return complaint(c) == KZ_TERM_EOF;
	case 'd':
		return resume_docs(c) == KZ_TERM_EOF;
	case 'q':
		kz_status_read(db, &c->st, err);
		k = my_counter(c);
		if (k && k->ticket[0]) {
			say(c, T("%s is still at the counter: finish it first (f, x or t)%s"),
				k->ticket, "");
			break;
		}
		if ((rc = kz_counter_close(db, c->counter, NULL, NULL, err)) == KZ_OK) {
			printf(T("counter %d closed; goodbye, %s\n"), c->counter, c->clerk.name);
			return 1;
		}
		break;
	case '\n':
	case 'w':
		break;
	case 'h':
	case '?':
		say(c, "%s%s", T(keys_help), "");
		break;
	default:
		snprintf(c->msg, sizeof c->msg, T("'%c' does nothing; h lists the keys"), key);
	}
	if (rc != KZ_OK)
		say(c, "%s%s", err, "");
	return 0;
}

/* Name and PIN, up to 3 times; KZ_OK once logged in. */
static int
login(struct console *c)
{
	const char *given = kz_cli_opt(c->cli, "clerk");
	char name[256], pin[64];
	int rc = KZ_EREJECT;

	for (int i = 0; i < 3 && rc == KZ_EREJECT; i++) {
		if (given)
			snprintf(name, sizeof name, "%s", given);
		else if (kz_term_line(T("full name: "), name, sizeof name, 0) != 0)
			return kz_err(c->cli->err, KZ_EREJECT, "%s", T("no name to log in with"));
		if (kz_term_line(T("PIN: "), pin, sizeof pin, 1) != 0)
			return kz_err(c->cli->err, KZ_EREJECT, "%s", T("no PIN to log in with"));
		rc = kz_clerk_login(c->cli->db, name, pin, c->counter, &c->clerk, c->cli->err);
		memset(pin, 0, sizeof pin);
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
	k = my_counter(c);
	if (k && k->state == KZ_COUNTER_OPEN) {
		if (strcmp(k->clerk, c->clerk.name) == 0 &&
			strcmp(k->position, c->clerk.position) == 0)
			return KZ_OK;
		return kz_err(c->cli->err, KZ_EREJECT,
			T("counter %d is open under %s; they close it first ('q' in their console or "
			  "'kezek counter close %d')"),
			c->counter, k->clerk, c->counter);
	}
	return kz_counter_open(c->cli->db, c->counter, c->clerk.name, c->clerk.position,
		c->cli->err);
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
		return kz_cli_fail(cli, rc);
	}
	snprintf(c->msg, sizeof c->msg, T("%s (%s) at counter %d"), c->clerk.name,
		c->clerk.position, c->counter);
	kz_term_raw();
	draw(c);
	for (;;) {
		key = kz_term_key(1000);
		if (key == KZ_TERM_EOF) {
			printf(T("counter %d stays %s under %s\n"), c->counter,
				kz_cli_word(my_counter(c)
						? kz_counter_state_name(my_counter(c)->state)
						: "open"),
				c->clerk.name);
			break;
		}
		/* redraw only when the hall changed or the minute turned */
		if (key == KZ_TERM_TIMEOUT) {
			if (kz_db_data_version(cli->db) != c->drawn_version ||
				kz_clock_now() / 60 != c->drawn_minute)
				draw(c);
			continue;
		}
		if (handle(c, key))
			break;
		draw(c);
	}
	kz_term_restore();
	free(c);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_console = {
	.name = "console",
	.args = "N",
	.summary = "the clerk's console at counter N: log in with a PIN, then single keys for "
		   "next, recall, start, finish, no-show, transfer, documents, complaint",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.counter_arg = 1,
	.exec = exec,
};
