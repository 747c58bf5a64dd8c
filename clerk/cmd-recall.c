/* cmd-recall.c - kezek recall N: call counter N's ticket again. */
#include "kezek.h"
#include "queue/ticket.h"

static int
exec(struct kz_cli *cli)
{
	struct kz_ticket t;
	int n = kz_cli_counter(cli, cli->argv[0]), rc;

	if (n < 0)
		return KZ_EXIT_USAGE;
	if ((rc = kz_ticket_recall(cli->db, n, &t, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", t.number);
	kz_cli_label(T("counter"), 9);
	printf("%d\n", t.counter);
	kz_cli_label(T("recalls"), 9);
	printf("%d\n", t.recalls);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_recall = {
	.name = "recall",
	.args = "N",
	.summary = N("call the ticket at counter N again (the visitor has not come up)"),
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.counter_arg = 1,
	.exec = exec,
};
