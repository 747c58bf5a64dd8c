/* cmd-backup.c - kezek backup [FILE]: a consistent copy of the hall
 * database taken while the hall runs, checked, readable by its owner only. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "kezek.h"
#include "queue/backup.h"
#include "queue/clock.h"

/* backups/hall-YYYYMMDD-HHMMSS.db beside the database, its folder made
 * for the owner only. */
static int
default_path(struct kz_cli *cli, char *out, size_t len)
{
	const char *slash = strrchr(cli->db_path, '/');
	char stamp[32], dir[KZ_PATH_LEN + 16];

	snprintf(dir, sizeof dir, "%.*s%sbackups", slash ? (int)(slash - cli->db_path) : 0,
		cli->db_path, slash ? "/" : "");
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		kz_err(cli->err, KZ_EDB, "cannot make the folder '%s' for backups: %s; name a file",
			dir, strerror(errno));
		return kz_cli_fail(cli, KZ_EDB);
	}
	kz_clock_format(kz_clock_now(), "%Y%m%d-%H%M%S", stamp, sizeof stamp);
	snprintf(out, len, "%s/hall-%s.db", dir, stamp);
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	struct kz_backup_result r;
	char path[KZ_PATH_LEN + 64];
	int rc;

	if (cli->argc == 1)
		snprintf(path, sizeof path, "%s", cli->argv[0]);
	else if ((rc = default_path(cli, path, sizeof path)) != KZ_EXIT_OK)
		return rc;
	if ((rc = kz_backup_take(cli->db, path, &r, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", path);
	printf("a copy of %lld bytes, schema %d, %lld tickets agree with the event log\n",
		(long long)r.bytes, r.version, (long long)r.tickets);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_backup = {
	.name = "backup",
	.args = "[FILE]",
	.summary = "a checked copy of the database while the hall runs (default: backups/ "
		   "beside it); prints its path first",
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
