/* cmd-next.c - kezek next N: call the next visitor to counter N. */
#include "kezek.h"
#include "queue/ticket.h"
#include "queue/wait.h"

static int
exec(struct kz_cli *cli)
{
	struct kz_ticket t;
	char hhmm[8];
	int n = kz_cli_counter(cli, cli->argv[0]), rc;

	if (n < 0)
		return KZ_EXIT_USAGE;
	if ((rc = kz_ticket_next(cli->db, n, &t, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", t.number);
	kz_cli_label(T("counter"), 9);
	printf("%d\n", t.counter);
	kz_cli_label(T("service"), 9);
	printf("%s\n", t.service);
	kz_cli_label(T("issued"), 9);
	printf(T("%s, waited %lld min\n"), kz_cli_hhmm(t.issued_at, hhmm),
		(long long)kz_wait_seconds(t.issued_at, t.called_at, 0) / 60);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_next = {
	.name = "next",
	.args = "N",
	.summary =
		N("call the visitor who has waited longest to counter N; prints the number first"),
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.counter_arg = 1,
	.exec = exec,
};
