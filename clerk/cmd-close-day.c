/* cmd-close-day.c - kezek close-day: the office closes; waiting tickets end. */
#include "kezek.h"
#include "queue/ticket.h"

static int
exec(struct kz_cli *cli)
{
	int closed, at_counters, rc = kz_ticket_close_day(cli->db, &closed, &at_counters, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%d waiting ticket%s closed: not served, office closed\n", closed,
		closed == 1 ? "" : "s");
	if (at_counters > 0)
		printf("%d ticket%s still at counters: the clerks must finish them\n", at_counters,
			at_counters == 1 ? " is" : "s are");
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_close_day = {
	.name = "close-day",
	.summary = "close the day: tickets still waiting end as 'not served: office closed'",
	.flags = KZ_CMD_DB,
	.exec = exec,
};
