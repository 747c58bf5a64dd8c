/* cmd-handover.c - kezek handover NUMBER: the result handed over (p.15), to
 * the applicant in person or to a proxy with a power of attorney, whose
 * data comes on standard input (person.c). */
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"

static const struct kz_cmd_option options[] = {
	{"to", "applicant|proxy", N("who collects it (required)")},
	{"from", "FILE",
		N("with --to proxy: read the proxy's data from FILE (its owner's only: mode 0600 or "
		  "0400), not standard input")},
	{"counter", "N", N("the counter handing it over: its clerk is recorded")},
	{NULL, NULL, NULL},
};

/* The proxy's data, with --to proxy: on standard input, never in the arguments. */
static const struct kz_cmd_key keys[] = {
	{"proxy-name", N("the proxy's full name")},
	{"proxy-doc", N("the power of attorney (number, date)")},
	{NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *to = kz_cli_opt(cli, "to"), *counter = kz_cli_opt(cli, "counter");
	struct kz_person p = {0};
	struct kz_application a;
	enum kz_app_handed who;
	int n = 0, rc;
	char when[32];

	if (to == NULL || kz_app_handed_parse(to, &who, NULL) != KZ_OK)
		return kz_cli_usage(cli, "say who collects it: --to applicant or --to proxy");
	if (who == KZ_HANDED_APPLICANT && kz_cli_opt(cli, "from") != NULL)
		return kz_cli_usage(cli, "--from goes with --to proxy");
	if (counter != NULL && (n = kz_cli_counter(cli, counter)) < 0)
		return KZ_EXIT_USAGE;
	if (who == KZ_HANDED_PROXY) {
		if ((rc = kz_person_read(cli, &p)) != KZ_EXIT_OK)
			return rc;
		if (kz_person_get(&p, "proxy-name") == NULL ||
			kz_person_get(&p, "proxy-doc") == NULL) {
			kz_person_free(&p);
			return kz_cli_usage(cli,
				"a proxy needs 'proxy-name: ...' and 'proxy-doc: ...' (the "
				"power of attorney, p.15) on standard input");
		}
	}
	rc = kz_app_handover(cli->db, cli->argv[0], n, kz_person_get(&p, "proxy-name"),
		kz_person_get(&p, "proxy-doc"), &a, cli->err);
	kz_person_free(&p);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	kz_clock_format(a.handed_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s %s\n", a.number, T("handed over"));
	kz_cli_label(T("result"), 10);
	if (a.deemed)
		printf(T("deemed approved from %s\n"), a.due_day);
	else /* the state's code under en, read by scripts; the staff's word otherwise */
		printf("%s\n",
			strcmp(kz_cli_lang(), "en") == 0 ? kz_app_state_name(a.state)
							 : kz_cli_word(kz_app_state_name(a.state)));
	kz_cli_label(T("handed"), 10);
	if (a.handed_doc[0])
		printf(T("%s %s under %s\n"), when, kz_cli_word(kz_app_handed_name(a.handed_to)),
			a.handed_doc);
	else
		printf("%s %s\n", when, kz_cli_word(kz_app_handed_name(a.handed_to)));
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_handover = {
	.name = "handover",
	.args = "NUMBER",
	.summary = N("record that application NUMBER's result was collected, and by whom (p.15)"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.exec = exec,
	.keys = keys,
};
