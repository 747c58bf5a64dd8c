/* cmd-restore.c - kezek restore FILE: a checked copy put back in place of
 * the hall database, in one step, then brought to this build's schema. */
#include "kezek.h"
#include "queue/backup.h"

static int
exec(struct kz_cli *cli)
{
	struct kz_backup_result r;
	int rc = kz_backup_restore(cli->db, cli->argv[0], &r, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	/* an older copy is migrated as any database is when opened */
	kz_db_close(cli->db);
	cli->db = NULL;
	if ((rc = kz_db_open(cli->db_path, 0, &cli->db, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s is back in place of %s: schema %d, %lld tickets agree with the event log\n",
		cli->argv[0], cli->db_path, kz_db_version(cli->db), (long long)r.tickets);
	printf("restart the hall's programs (kiosks, boards, printers) so they start from it\n");
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_restore = {
	.name = "restore",
	.args = "FILE",
	.summary = N("put a copy made by 'kezek backup' back in place of the database, after "
		     "checking it"),
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
