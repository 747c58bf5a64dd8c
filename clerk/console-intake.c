/*
 * console-intake.c - a: the intake form (p.11), as on the counter page:
 * each field checked as it is typed (kz_intake_check_field: the IIN's or
 * BIN's control digit, each act row against itself, the total against the
 * rows), asked again until it is right; "<" goes back a field; then the
 * whole form is shown numbered, and any field can be corrected by its
 * number with every other kept, until the clerk registers it (y) or
 * abandons it (q, confirmed).  Nothing typed is lost on a correction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "refusal.h"
#include "queue/intake.h"
#include "term.h"

#define BACK 1 /* the clerk typed "<" */

struct form {
	struct kz_intake_form f;
	char value[KZ_INTAKE_NFIELDS][KZ_APP_TEXT_MAX + 1];
	struct kz_act_row rows[KZ_ACT_MAX_ROWS];
	unsigned docs;
	int64_t total;
	int act_asked; /* the rows were asked since the act came among the documents */
};

static int
has_act(const struct form *m)
{
	return (m->docs & (1u << KZ_APPDOC_ACT)) != 0;
}

/* Does the form ask f now? */
static int
asked(const struct form *m, enum kz_intake_field f)
{
	if (f == KZ_INTAKE_ACT_ROW)
		return has_act(m);
	if (f == KZ_INTAKE_ACT_TOTAL)
		return has_act(m) && m->f.nrows > 0;
	return kz_intake_asks(&m->f, f);
}

/* What a checked value means for the rest of the form. */
static void
took(struct form *m, enum kz_intake_field f, const struct kz_intake_value *v)
{
	if (f == KZ_INTAKE_KIND && v->kind != m->f.kind) {
		/* another kind of applicant: an IIN is not a BIN, p.11 asks other
		 * documents, and the other kind's own fields go */
		m->f.kind = v->kind;
		m->f.with_proxy = 0;
		m->docs = 0;
		m->value[KZ_INTAKE_IDNUM][0] = m->value[KZ_INTAKE_DOCS][0] = '\0';
		for (int i = 0; i < KZ_INTAKE_NFIELDS; i++)
			if (!kz_intake_asks(&m->f, i))
				m->value[i][0] = '\0';
	} else if (f == KZ_INTAKE_PROXY) {
		m->f.with_proxy = m->value[f][0] != '\0';
		if (!m->f.with_proxy)
			m->value[KZ_INTAKE_PROXY_DOC][0] = '\0';
	}
	if (f == KZ_INTAKE_DOCS) {
		if (!has_act(m) && (v->docs & (1u << KZ_APPDOC_ACT)))
			m->act_asked = 0;
		m->docs = v->docs;
	} else if (f == KZ_INTAKE_ACT_TOTAL)
		m->total = v->total;
	if (!has_act(m) || m->f.nrows == 0) {
		m->f.nrows = 0;
		m->total = 0;
		m->value[KZ_INTAKE_ACT_TOTAL][0] = '\0';
	}
}

/* The act's rows, one line each, until an empty one: 0, BACK, EOF. */
static int
ask_rows(struct form *m)
{
	struct kz_intake_value v;
	char line[256], prompt[160], err[KZ_ERR_LEN];

	m->f.nrows = 0;
	m->act_asked = 1;
	m->total = 0;
	m->value[KZ_INTAKE_ACT_TOTAL][0] = '\0'; /* new rows, a total checked anew */
	for (;;) {
		snprintf(prompt, sizeof prompt,
			T("act row %d 'zone;area;rate;coefficient;value' "
			  "(empty: no more): "),
			m->f.nrows + 1);
		if (kz_console_ask(prompt, NULL, line, sizeof line))
			return KZ_TERM_EOF;
		if (strcmp(line, "<") == 0)
			return BACK;
		if (line[0] == '\0')
			return 0;
		if (kz_intake_check_field(&m->f, KZ_INTAKE_ACT_ROW, line, kz_cli_lang(), &v, err) !=
			KZ_OK) {
			printf("! %s\n", err);
			continue;
		}
		m->rows[m->f.nrows++] = v.row;
	}
}

/* Ask field f until it is right: 0, BACK, or KZ_TERM_EOF.  Enter keeps
 * what is there; "-" clears a field that may be empty. */
static int
ask_field(struct form *m, enum kz_intake_field f)
{
	struct kz_intake_value v;
	char line[KZ_APP_TEXT_MAX + 1], prompt[400], err[KZ_ERR_LEN];
	const char *label = kz_intake_label(f, m->f.kind, kz_cli_lang());
	const char *now = m->value[f];

	if (f == KZ_INTAKE_ACT_ROW)
		return ask_rows(m);
	if (f == KZ_INTAKE_KIND && !now[0])
		now = "individual";
	for (;;) {
		if (now[0])
			snprintf(prompt, sizeof prompt, "%s [%s]: ", label, now);
		else
			snprintf(prompt, sizeof prompt, "%s: ", label);
		if (kz_console_ask(prompt, now, line, sizeof line))
			return KZ_TERM_EOF;
		if (strcmp(line, "<") == 0)
			return BACK;
		if (strcmp(line, "-") == 0)
			line[0] = '\0';
		if (kz_intake_check_field(&m->f, f, line, kz_cli_lang(), &v, err) == KZ_OK) {
			snprintf(m->value[f], sizeof m->value[f], "%s", line);
			took(m, f, &v);
			return 0;
		}
		printf("! %s\n", err);
	}
}

/* Ask, in order, the fields the form asks and lacks (all, the first
 * time); "<" steps back.  0 or KZ_TERM_EOF. */
static int
fill(struct form *m, int all)
{
	int f = 0, rc;

	while (f < KZ_INTAKE_NFIELDS) {
		int lacks = f == KZ_INTAKE_ACT_ROW
			? !m->act_asked
			: kz_intake_required(&m->f, f) && !m->value[f][0];
		if (!asked(m, f) || (!all && !lacks)) {
			f++;
			continue;
		}
		if ((rc = ask_field(m, f)) == KZ_TERM_EOF)
			return rc;
		if (rc == BACK) {
			do
				f--;
			while (f > 0 && !asked(m, f));
			f = f < 0 ? 0 : f;
			continue;
		}
		f++;
	}
	return 0;
}

static void
show(const struct form *m)
{
	char total[32];

	printf("\n%s\n", T("the application as typed:"));
	for (int f = 0; f < KZ_INTAKE_NFIELDS; f++) {
		if (!asked(m, f))
			continue;
		printf("%3d  %s: ", f + 1, kz_intake_label(f, m->f.kind, kz_cli_lang()));
		if (f == KZ_INTAKE_ACT_ROW)
			printf(T("%d rows"), m->f.nrows);
		else if (f == KZ_INTAKE_ACT_TOTAL &&
			kz_money_format(m->total, total, sizeof total) > 0)
			printf("%s", total);
		else
			printf("%s", m->value[f][0] ? m->value[f] : "-");
		printf("\n");
	}
}

/* Register the form: KZ_OK, or the refusal in c's message. */
static int
submit(struct console *c, struct form *m)
{
	static const char *const langs[] = {"kk", "ru"};
	struct kz_app_input in = {.kind = m->f.kind, .act = m->rows};
	struct kz_application *a;
	char lang[8] = "", chosen[32], said[256], warn[512] = "";
	const char *printer;
	int64_t job = 0;
	int rc;

	if (c->printer) {
		do
			if (kz_console_ask(T("printout language (kk, ru): "), c->lang, lang,
				    sizeof lang))
				return KZ_TERM_EOF;
		while (strcmp(lang, langs[0]) != 0 && strcmp(lang, langs[1]) != 0);
	}
	in.name = m->value[KZ_INTAKE_NAME], in.idnum = m->value[KZ_INTAKE_IDNUM];
	in.id_doc = m->value[KZ_INTAKE_ID_DOC], in.phone = m->value[KZ_INTAKE_PHONE];
	in.address = m->value[KZ_INTAKE_ADDRESS];
	in.representative = m->value[KZ_INTAKE_REPRESENTATIVE];
	in.authority = m->value[KZ_INTAKE_AUTHORITY], in.proxy = m->value[KZ_INTAKE_PROXY];
	in.proxy_doc = m->value[KZ_INTAKE_PROXY_DOC], in.plot_address = m->value[KZ_INTAKE_PLOT];
	in.docs = m->docs, in.nact = m->f.nrows, in.act_total = m->total;
	if ((a = malloc(sizeof *a)) == NULL)
		return kz_console_say(c, "%s", T("out of memory")), KZ_ENOMEM;
	printer = kz_console_paper_printer(c, chosen);
	rc = kz_app_accept(c->cli->db, c->cli->cal, c->counter, &in, printer,
		c->printer ? lang : c->lang, a, &job, c->cli->err);
	if (rc != KZ_OK && strcmp(kz_cli_lang(), "en") == 0)
		printf("! %s %s\n", T("not registered:"), c->cli->err);
	else if (rc != KZ_OK)
		printf("! %s\n",
			kz_refusal_is(rc) ? kz_refusal_say("accept", rc)
					  : T("The hall's database failed; tell the "
					      "administrator (kezek doctor)."));
	else {
		snprintf(said, sizeof said, T("application %s %s%s%s"), a->number,
			a->missing
				? T("suspended: documents are missing (notice due); d when they come")
				: job ? T("registered")
				      : T("registered; RECEIPT OWED: no printer"),
			job ? T("; printing on ") : "", job ? printer : "");
		/* a due day counted on holiday data not decreed says so, beside it */
		kz_console_say(c, "%s%s%s", said,
			!a->missing &&
					kz_cli_due_warning(a->due_calendar, a->due_day, warn,
						sizeof warn)
				? "; "
				: "",
			a->missing ? "" : warn);
	}
	free(a);
	return rc;
}

/* The form shown, a field corrected, or registered or abandoned. */
static int
review(struct console *c, struct form *m)
{
	char line[16];
	int n, yes, rc;

	for (;;) {
		show(m);
		if (kz_console_ask(T("number of a field to correct, y to register, q to abandon: "),
			    NULL, line, sizeof line))
			return KZ_TERM_EOF;
		if (strcmp(line, "y") == 0) {
			if ((rc = submit(c, m)) == KZ_TERM_EOF || rc == KZ_OK)
				return rc == KZ_OK ? 0 : rc;
			continue;
		}
		if (strcmp(line, "q") == 0) {
			if ((yes = kz_console_confirm(T("Abandon this application? What was typed "
							"is lost."))) == KZ_TERM_EOF)
				return KZ_TERM_EOF;
			if (yes)
				return kz_console_say(c, "%s",
					       T("the application was not registered")),
				       0;
			continue;
		}
		n = atoi(line) - 1;
		if (n < 0 || n >= KZ_INTAKE_NFIELDS || !asked(m, n)) {
			printf("! %s\n", T("type a field's number from the list, y or q"));
			continue;
		}
		if ((rc = ask_field(m, n)) == KZ_TERM_EOF || fill(m, 0) == KZ_TERM_EOF)
			return KZ_TERM_EOF;
	}
}

int
kz_console_intake(struct console *c)
{
	struct form *m = calloc(1, sizeof *m);
	int rc;

	if (m == NULL)
		return kz_console_say(c, "%s", T("out of memory")), 0;
	m->f.kind = KZ_APP_INDIVIDUAL;
	m->f.rows = m->rows;
	rc = fill(m, 1);
	if (rc == 0)
		rc = review(c, m);
	free(m);
	return rc;
}
