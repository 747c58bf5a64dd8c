/* cmd-check.c - kezek check: the database is sound and agrees with its log. */
#include "kezek.h"
#include "queue/history.h"

static int
exec(struct kz_cli *cli)
{
	int64_t tickets = 0;
	int rc;

	if ((rc = kz_db_integrity(cli->db, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_history_audit(cli->db, &tickets, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("database %s: integrity ok, %lld tickets agree with the event log\n", cli->db_path,
		(long long)tickets);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_check = {
	.name = "check",
	.summary = "check the database's integrity and that every ticket agrees with the event log",
	.flags = KZ_CMD_DB,
	.exec = exec,
};
