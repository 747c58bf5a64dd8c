/* cmd-start.c - kezek start N: the called visitor is at counter N. */
#include "kezek.h"
#include "queue/ticket.h"

static int
exec(struct kz_cli *cli)
{
	struct kz_ticket t;
	char hhmm[8];
	int n = kz_cli_counter(cli, cli->argv[0]), rc;

	if (n < 0)
		return KZ_EXIT_USAGE;
	if ((rc = kz_ticket_start(cli->db, n, &t, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", t.number);
	kz_cli_label(T("counter"), 9);
	printf("%d\n", t.counter);
	kz_cli_label(T("started"), 9);
	printf("%s\n", kz_cli_hhmm(t.started_at, hhmm));
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_start = {
	.name = "start",
	.args = "N",
	.summary = N("the called visitor came: service at counter N starts"),
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.counter_arg = 1,
	.exec = exec,
};
