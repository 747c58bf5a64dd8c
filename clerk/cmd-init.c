/* cmd-init.c - kezek init: create or bring up to date the hall database. */
#include "kezek.h"

static int
exec(struct kz_cli *cli)
{
	printf("database %s is ready (schema %d): %d services, %d counters\n", cli->db_path,
		kz_db_version(cli->db), cli->cfg->nservices, cli->cfg->ncounters);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_init = {
	.name = "init",
	.summary = N("create the hall database from the configuration, or migrate it"),
	.flags = KZ_CMD_DB | KZ_CMD_CREATE,
	.exec = exec,
};
