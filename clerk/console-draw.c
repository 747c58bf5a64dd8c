/*
 * console-draw.c - the console's screen: the counter and its visitor (the
 * wait, p.7.2, and the service time, p.7.3, against their limits), the
 * visitors postponed here, who waits, what the office owes, the calendar's
 * warnings, and the last message, which stays until the next key.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/postpone.h"
#include "queue/ticket.h"
#include "queue/wait.h"
#include "term.h"

#define RED   "\033[1;31m"
#define GREEN "\033[32m"
#define BOLD  "\033[1m"
#define PLAIN "\033[0m"

/* TRANSLATORS: the letters are the keys and stay as they are */
static const char keys_help[] = N("n next  r recall  s start  f finish  x no-show or cancel  "
				  "t transfer  p postpone  b call back  a accept documents  "
				  "d missing documents brought  c complaint  l language  q quit");

const char *
kz_console_keys(void)
{
	return T(keys_help);
}

const struct kz_counter_status *
kz_console_counter(const struct console *c)
{
	for (int i = 0; i < c->st.ncounters; i++)
		if (c->st.counters[i].number == c->counter)
			return &c->st.counters[i];
	return NULL;
}

void
kz_console_say(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
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

/* The visitor at the counter, or "nobody". */
static void
draw_visitor(struct console *c, const struct kz_counter_status *k)
{
	struct kz_ticket t;
	char e[KZ_ERR_LEN];

	printf(T("counter %d %s: "), c->counter,
		k ? kz_cli_word(kz_counter_state_name(k->state)) : "?");
	if (k && k->ticket[0] && kz_ticket_find(c->cli->db, k->ticket, NULL, &t, e) == KZ_OK) {
		printf(T("%s %s, waited "), t.number,
			t.state == KZ_TICKET_SERVING ? T("in service") : T("called"));
		minutes(c, kz_wait_seconds(t.issued_at, t.called_at, 0),
			c->cli->cfg->wait_limit_min);
		printf("%s", T(", at the counter "));
		minutes(c, kz_service_seconds(t.called_at + t.away_seconds, 0, c->st.now),
			c->cli->cfg->service_limit_min);
		if (t.comment[0])
			printf("\n  %s %s", T("Transferred with the comment:"), t.comment);
	} else {
		printf("%s", c->st.waiting ? T("nobody; n calls the next visitor") : T("nobody"));
	}
	printf("\n");
}

/* The visitors postponed here, each with its limit and reason. */
static void
draw_postponed(struct console *c)
{
	struct kz_postponed p[16];
	char until[8], e[KZ_ERR_LEN];
	int n = 0;

	if (kz_postponed_list(c->cli->db, c->counter, p, 16, &n, e) != KZ_OK || n == 0)
		return;
	printf("%s", T("postponed (b calls back):"));
	for (int i = 0; i < n && i < 16; i++)
		printf(T("  %s until %s (%s)"), p[i].number, kz_cli_hhmm(p[i].until, until),
			p[i].reason);
	printf("\n");
}

static void
draw_waiting(struct console *c, const struct kz_counter_status *k)
{
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
}

void
kz_console_draw(struct console *c)
{
	const struct kz_counter_status *k;
	char now[32], e[KZ_ERR_LEN];

	if (kz_status_read(c->cli->db, &c->st, e) != KZ_OK) {
		printf("%s\n",
			T("the hall's database cannot be read now; the screen is as it was"));
		return;
	}
	c->drawn_version = kz_db_data_version(c->cli->db);
	c->drawn_minute = c->st.now / 60;
	k = kz_console_counter(c);
	kz_clock_format(c->st.now, "%d.%m.%Y %H:%M", now, sizeof now);
	if (c->tty) {
		printf("\033[H\033[2J" BOLD);
		printf(T("Kezek  counter %d  %s (%s)"), c->counter, c->clerk.name,
			c->clerk.position);
		printf(PLAIN "   %s\n\n", now);
	}
	draw_visitor(c, k);
	draw_postponed(c);
	draw_waiting(c, k);
	draw_owed(c);
	calendar_warnings(c);
	if (c->tty)
		printf("\n%s\n\n", kz_console_keys());
	/* the message stays on every redraw until the clerk's next key */
	if (c->msg[0])
		printf("%s%s\n", c->tty ? "> " : "", c->msg);
	fflush(stdout);
}

int
kz_console_ask(const char *prompt, const char *dflt, char *buf, size_t len)
{
	if (kz_term_line(prompt, buf, len, 0) != 0)
		return KZ_TERM_EOF;
	if (buf[0] == '\0' && dflt != NULL)
		snprintf(buf, len, "%s", dflt);
	return 0;
}

int
kz_console_confirm(const char *question)
{
	int key;

	printf("%s %s ", question, T("y: yes, n: no"));
	fflush(stdout);
	for (;;) {
		key = kz_term_key(-1);
		if (key == KZ_TERM_EOF)
			return KZ_TERM_EOF;
		if (key == 'y' || key == 'Y' || key == 'n' || key == 'N' || key == 'q') {
			printf("\n");
			return key == 'y' || key == 'Y';
		}
	}
}
