/* cmd-return.c - kezek return NUMBER --counter N: call a postponed visitor
 * back to the counter that sent them. */
#include <string.h>

#include "kezek.h"
#include "queue/postpone.h"
#include "queue/wait.h"

static const struct kz_cmd_option options[] = {
	{"counter", "N", N("the counter that postponed the visitor")},
	{NULL, NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *value = kz_cli_opt(cli, "counter");
	struct kz_ticket t;
	char hhmm[8];
	int counter, rc;

	if (value == NULL)
		return kz_cli_usage(cli, "which counter calls the visitor back? give --counter N");
	if ((counter = kz_cli_counter(cli, value)) < 0)
		return KZ_EXIT_USAGE;
	if ((rc = kz_ticket_return(cli->db, counter, cli->argv[0], &t, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", t.number);
	kz_cli_label(T("counter"), 9);
	printf("%d\n", t.counter);
	kz_cli_label(T("state"), 9);
	printf("%s\n",
		strcmp(kz_cli_lang(), "en") == 0 ? kz_ticket_state_say(t.state)
						 : kz_cli_word(kz_ticket_state_name(t.state)));
	kz_cli_label(T("issued"), 9);
	printf(T("%s, waited %lld min (to the first call), away %lld min\n"),
		kz_cli_hhmm(t.issued_at, hhmm),
		(long long)kz_wait_seconds(t.issued_at, t.called_at, 0) / 60,
		(long long)t.away_seconds / 60);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_return = {
	.name = "return",
	.args = "NUMBER",
	.summary = N("call a postponed visitor back to the counter that sent them"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
