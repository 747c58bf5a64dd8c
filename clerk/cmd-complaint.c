/*
 * cmd-complaint.c - kezek complaint add|answer: the complaints journal
 * (p.20-25).  add registers a complaint taken at counter N (by its clerk)
 * or by a named clerk, and prints its talon; answer records the answer.
 * The complainant's words come on standard input (person.c).
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/complaint.h"

static const struct kz_cmd_option options[] = {
	{"channel", "HOW", N("in_person, post or email: how it came (add) or went (answer)")},
	{"kind", "KIND", N("add: result (about the result, p.21) or service (p.22)")},
	{"from", "FILE",
		N("read the personal data from FILE (its owner's only: mode 0600 or 0400), not "
		  "standard input")},
	{"days", "15|30",
		N("add: the answer's term in calendar days (default 30; 15 when no more "
		  "information is needed)")},
	{"clerk", "NAME", N("add: the clerk who took it, when not at a counter (with --position)")},
	{"position", "TITLE", N("add: that clerk's position")},
	{"counter", "N", N("answer: the counter whose clerk records it")},
	{"print", "PRINTER", N("add: print the talon on PRINTER ([printer NAME] in hall.ini)")},
	{"lang", "kk|ru", N("add: the talon's language (default kk)")},
	{NULL, NULL, NULL},
};

/* The complainant's words: on standard input, never in the arguments. */
static const struct kz_cmd_key keys[] = {
	{"name", N("add: who complains (surname and name, or the organisation)")},
	{"contact", N("add: postal address or e-mail for the answer (post, email: required)")},
	{"text", N("what the complaint is about, or what the answer said, in short")},
	{NULL, NULL},
};

/* A channel's or a kind's code under en, read by scripts; the staff's word
 * otherwise. */
static const char *
word(const char *code)
{
	return strcmp(kz_cli_lang(), "en") == 0 ? code : kz_cli_word(code);
}

static void
print_complaint(const struct kz_complaint *m)
{
	char when[32];

	kz_clock_format(m->registered_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s\n", m->number);
	kz_cli_label(T("registered"), 12);
	printf(T("%s, %s, about the %s\n"), when, word(kz_complaint_channel_name(m->channel)),
		word(kz_complaint_kind_name(m->kind)));
	kz_cli_label(T("taken by"), 12);
	printf("%s (%s)", m->clerk, m->position);
	if (m->counter)
		printf(T(", counter %d"), m->counter);
	printf("\n");
	kz_cli_label(T("answer by"), 12);
	printf(kz_trn(kz_cli_lang(), "%s (%d calendar day)\n", "%s (%d calendar days)\n",
		       (unsigned long)m->days),
		m->due_day, m->days);
	if (m->answered_at) {
		kz_clock_format(m->answered_at, "%Y-%m-%d %H:%M", when, sizeof when);
		kz_cli_label(T("answered"), 12);
		printf(T("%s by %s, %s\n"), when,
			word(kz_complaint_channel_name(m->answer_channel)),
			m->late ? T("late") : T("in time"));
	}
}

static int
add(struct kz_cli *cli)
{
	const char *days = kz_cli_opt(cli, "days"), *printer = kz_cli_opt(cli, "print");
	const char *lang = kz_cli_opt(cli, "lang");
	const char *channel = kz_cli_opt(cli, "channel"), *kind = kz_cli_opt(cli, "kind");
	struct kz_complaint_new c = {
		.clerk = kz_cli_opt(cli, "clerk"),
		.position = kz_cli_opt(cli, "position"),
	};
	struct kz_complaint *m;
	struct kz_person p;
	int64_t job = 0;
	int rc;

	if (cli->argc == 2 && (c.counter = kz_cli_counter(cli, cli->argv[1])) < 0)
		return KZ_EXIT_USAGE;
	if ((cli->argc == 2) == (c.clerk != NULL) || (c.clerk == NULL) != (c.position == NULL))
		return kz_cli_usage(cli,
			"say who took it: the counter N, or --clerk NAME with "
			"--position TITLE");
	if (channel == NULL || kind == NULL)
		return kz_cli_usage(cli, "a complaint needs --channel and --kind");
	if (days != NULL && strcmp(days, "15") != 0 && strcmp(days, "30") != 0)
		return kz_cli_usage(cli, "--days is 15 or 30 (p.25), not '%s'", days);
	c.days = days ? atoi(days) : 30;
	if ((rc = kz_complaint_channel_parse(channel, "how a complaint comes", &c.channel,
		     cli->err)) != KZ_OK ||
		(rc = kz_complaint_kind_parse(kind, &c.kind, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_person_read(cli, &p)) != KZ_EXIT_OK)
		return rc;
	c.name = kz_person_get(&p, "name");
	c.contact = kz_person_get(&p, "contact");
	c.text = kz_person_get(&p, "text");
	if (c.name == NULL || c.text == NULL) {
		kz_person_free(&p);
		return kz_cli_usage(cli,
			"a complaint needs 'name: ...' and 'text: ...' on standard input");
	}
	if ((m = malloc(sizeof *m)) == NULL) {
		kz_person_free(&p);
		return kz_cli_usage(cli, "out of memory");
	}
	rc = kz_complaint_add(cli->db, cli->cal, &c, printer, lang ? lang : "kk", m, &job,
		cli->err);
	kz_person_free(&p);
	if (rc == KZ_OK) {
		print_complaint(m);
		if (job) {
			kz_cli_label(T("talon"), 12);
			printf(T("job %lld on %s\n"), (long long)job, printer);
		}
	}
	free(m);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

static int
answer(struct kz_cli *cli)
{
	const char *channel = kz_cli_opt(cli, "channel"), *counter = kz_cli_opt(cli, "counter");
	enum kz_complaint_channel how;
	struct kz_complaint *m;
	struct kz_person p;
	int n = 0, rc;

	if (cli->argc != 2)
		return kz_cli_usage(cli, "name the complaint: kezek complaint answer NUMBER");
	if (channel == NULL)
		return kz_cli_usage(cli, "an answer needs --channel");
	if (counter != NULL && (n = kz_cli_counter(cli, counter)) < 0)
		return KZ_EXIT_USAGE;
	if ((rc = kz_complaint_channel_parse(channel, "how an answer is given", &how, cli->err)) !=
		KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_person_read(cli, &p)) != KZ_EXIT_OK)
		return rc;
	if (kz_person_get(&p, "text") == NULL || kz_person_get(&p, "name") != NULL ||
		kz_person_get(&p, "contact") != NULL) {
		kz_person_free(&p);
		return kz_cli_usage(cli,
			"an answer takes 'text: ...' on standard input, and only that");
	}
	if ((m = malloc(sizeof *m)) == NULL) {
		kz_person_free(&p);
		return kz_cli_usage(cli, "out of memory");
	}
	rc = kz_complaint_answer(cli->db, cli->argv[1], how, kz_person_get(&p, "text"), n, m,
		cli->err);
	kz_person_free(&p);
	if (rc == KZ_OK)
		print_complaint(m);
	free(m);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

static int
exec(struct kz_cli *cli)
{
	if (strcmp(cli->argv[0], "add") == 0)
		return add(cli);
	if (strcmp(cli->argv[0], "answer") == 0)
		return answer(cli);
	return kz_cli_usage(cli, "'%s' is not add or answer", cli->argv[0]);
}

const struct kz_cmd kz_cmd_complaint = {
	.name = "complaint",
	.args = "add [N] | answer NUMBER",
	.summary =
		N("register a complaint taken at counter N and print its talon (p.25), or record "
		  "its answer; prints the complaint's number first"),
	.options = options,
	.min_args = 1,
	.max_args = 2,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.exec = exec,
	.keys = keys,
};
