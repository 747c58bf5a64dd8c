/* cmd-finish.c - kezek finish N --outcome ...: end the visit at counter N. */
#include <string.h>

#include "kezek.h"
#include "queue/ticket.h"

static const struct kz_cmd_option options[] = {
	{"outcome", "OUTCOME", N("served, no-show, transferred or cancelled")},
	{"to", "SERVICE", N("with --outcome transferred: the service to send the visitor to")},
	{"ticket", "NUMBER", N("refuse unless this is the ticket at the counter")},
	{"comment", "TEXT",
		N("with --outcome transferred: a line for the counter that receives the visitor")},
	{NULL, NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *name = kz_cli_opt(cli, "outcome");
	enum kz_outcome outcome;
	struct kz_ticket t;
	int n = kz_cli_counter(cli, cli->argv[0]), rc;

	if (n < 0)
		return KZ_EXIT_USAGE;
	if (name == NULL)
		return kz_cli_usage(cli,
			"say how the visit ended: --outcome served|no-show|"
			"transferred|cancelled");
	if (kz_outcome_parse(name, &outcome) != KZ_OK || outcome == KZ_OFFICE_CLOSED)
		return kz_cli_usage(cli,
			"'%s' is not an outcome; use served, no-show, transferred "
			"or cancelled",
			name);
	if (outcome != KZ_TRANSFERRED && kz_cli_opt(cli, "comment") != NULL)
		return kz_cli_usage(cli, "--comment goes only with --outcome transferred");
	rc = outcome == KZ_TRANSFERRED
		? kz_ticket_transfer(cli->db, n, kz_cli_opt(cli, "to"), kz_cli_opt(cli, "comment"),
			  kz_cli_opt(cli, "ticket"), &t, cli->err)
		: kz_ticket_finish(cli->db, n, outcome, kz_cli_opt(cli, "to"),
			  kz_cli_opt(cli, "ticket"), &t, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", t.number);
	if (outcome == KZ_TRANSFERRED) {
		printf(T("transferred to %s, waiting with its original place in line\n"),
			t.service);
	} else {
		/* the outcome's code in en, read by scripts; the staff's word otherwise */
		const char *code = kz_outcome_name(t.outcome);
		kz_cli_label(T("outcome"), 9);
		printf("%s\n", strcmp(kz_cli_lang(), "en") == 0 ? code : kz_cli_word(code));
	}
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_finish = {
	.name = "finish",
	.args = "N",
	.summary = N("finish the visit at counter N with an outcome"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.counter_arg = 1,
	.exec = exec,
};
