/*
 * console-papers.c - the console's c (a complaint taken at the counter,
 * with its talon) and d (the missing documents of a suspended application
 * brought): each field asked again until it is right, and the register
 * entry, which cannot be undone, confirmed first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "queue/application.h"
#include "queue/complaint.h"
#include "queue/config.h"
#include "term.h"

const char *
kz_console_paper_printer(struct console *c, char *buf)
{
	char e[KZ_ERR_LEN];

	if (c->printer != NULL)
		return c->printer;
	return kz_app_counter_printer(c->cli->db, c->cli->cfg, c->counter, buf, e) == KZ_OK ? buf
											    : NULL;
}

/* Ask until the answer is one of the choices (its code), or text when
 * choices is NULL (required: not empty).  0, or KZ_TERM_EOF. */
static int
ask_until(const char *prompt, const char *dflt, const char *const *choices, char *buf, size_t len)
{
	for (;;) {
		if (kz_console_ask(prompt, dflt, buf, len))
			return KZ_TERM_EOF;
		if (choices == NULL && buf[strspn(buf, " ")] != '\0')
			return 0;
		for (int i = 0; choices && choices[i]; i++)
			if (strcmp(buf, choices[i]) == 0)
				return 0;
		printf("%s\n",
			choices ? T("type one of the words in brackets") : T("required; type it"));
	}
}

int
kz_console_complaint(struct console *c)
{
	static const char *const channels[] = {"in_person", "post", "email", NULL};
	static const char *const kinds[] = {"result", "service", NULL};
	static const char *const days_ok[] = {"15", "30", NULL};
	static const char *const langs[] = {"kk", "ru", NULL};
	char channel[16], kind[16], name[256], contact[256], text[KZ_COMPLAINT_TEXT_MAX + 1];
	char days[8], lang[8], q[128];
	struct kz_complaint_new in = {.counter = c->counter};
	struct kz_complaint *m;
	const struct kz_counter_conf *k = kz_config_counter(c->cli->cfg, c->counter);
	/* the talon: on --print, else on the counter's own printer, if it has one */
	const char *printer = c->printer ? c->printer : k && k->printer[0] ? k->printer : NULL;
	int64_t job = 0;
	int yes, rc;

	if (ask_until(T("channel (in_person, post, email) [in_person]: "), "in_person", channels,
		    channel, sizeof channel) ||
		ask_until(T("about (result, service): "), NULL, kinds, kind, sizeof kind) ||
		ask_until(T("complainant's name: "), NULL, NULL, name, sizeof name) ||
		ask_until(T("contact for the answer (address or e-mail): "), NULL, NULL, contact,
			sizeof contact) ||
		ask_until(T("what it is about: "), NULL, NULL, text, sizeof text) ||
		ask_until(T("answer within days (15, 30) [30]: "), "30", days_ok, days,
			sizeof days) ||
		(printer &&
			ask_until(T("talon language (kk, ru): "), c->lang, langs, lang,
				sizeof lang)))
		return KZ_TERM_EOF;
	snprintf(q, sizeof q, "%s", T("Register the complaint in the journal?"));
	if ((yes = kz_console_confirm(q)) == KZ_TERM_EOF)
		return KZ_TERM_EOF;
	if (!yes)
		return kz_console_say(c, "%s", T("the complaint was not registered")), 0;
	in.name = name, in.contact = contact, in.text = text;
	in.days = atoi(days);
	kz_complaint_channel_parse(channel, "how a complaint comes", &in.channel, NULL);
	kz_complaint_kind_parse(kind, &in.kind, NULL);
	if ((m = malloc(sizeof *m)) == NULL)
		return kz_console_say(c, "%s", T("out of memory")), 0;
	if ((rc = kz_complaint_add(c->cli->db, c->cli->cal, &in, printer, printer ? lang : NULL, m,
		     &job, c->cli->err)) != KZ_OK)
		kz_console_refused(c, rc, "complaint");
	else
		kz_console_say(c, T("complaint %s registered; answer by %s%s%s"), m->number,
			m->due_day, job ? T("; talon printing on ") : "", job ? printer : "");
	free(m);
	return 0;
}

int
kz_console_resume(struct console *c)
{
	char number[32], docs[256], chosen[32], q[128], said[256], warn[512] = "";
	const char *printer;
	struct kz_application *a;
	unsigned set = 0;
	int64_t job = 0;
	int yes, rc;

	if (ask_until(T("application number: "), NULL, NULL, number, sizeof number))
		return KZ_TERM_EOF;
	for (;;) {
		if (ask_until(T("documents brought (act,conclusion ...): "), NULL, NULL, docs,
			    sizeof docs))
			return KZ_TERM_EOF;
		if (kz_app_docs_parse(docs, &set, NULL) == KZ_OK)
			break;
		printf("%s\n",
			T("a document code is not known; the codes are application, id_copy, "
			  "power_of_attorney, proxy_id, registration, authority, act, "
			  "conclusion"));
	}
	snprintf(q, sizeof q, T("Resume application %s with these documents?"), number);
	if ((yes = kz_console_confirm(q)) == KZ_TERM_EOF)
		return KZ_TERM_EOF;
	if (!yes)
		return kz_console_say(c, T("application %s: nothing changed"), number), 0;
	if ((a = malloc(sizeof *a)) == NULL)
		return kz_console_say(c, "%s", T("out of memory")), 0;
	printer = kz_console_paper_printer(c, chosen);
	if ((rc = kz_app_resume(c->cli->db, c->cli->cal, number, c->counter, set, printer, NULL, a,
		     &job, c->cli->err)) != KZ_OK)
		kz_console_refused(c, rc, "resume");
	else {
		/* the due day on holiday data not decreed says so, beside it */
		snprintf(said, sizeof said, T("application %s goes on, due %s (p.7.1)%s%s"),
			a->number, a->due_day,
			job ? T("; receipt printing on ") : T("; RECEIPT OWED: no printer"),
			job ? printer : "");
		kz_console_say(c, "%s%s%s", said,
			kz_cli_due_warning(a->due_calendar, a->due_day, warn, sizeof warn) ? "; "
											   : "",
			warn);
	}
	free(a);
	return 0;
}
