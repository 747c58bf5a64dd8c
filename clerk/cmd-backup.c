/* cmd-backup.c - kezek backup [FILE]: a consistent copy of the hall
 * database taken while the hall runs, checked, readable by its owner only. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kezek.h"
#include "queue/backup.h"
#include "queue/clock.h"
#include "term.h"

static const struct kz_cmd_option options[] = {
	{"keep", "N",
		N("after the copy, keep only the newest N copies in the backups/ folder "
		  "(the daily timer keeps 14)")},
	{NULL, NULL, NULL},
};

/* backups/hall-YYYYMMDD-HHMMSS.db beside the database, its folder made
 * for the owner only. */
static int
default_path(struct kz_cli *cli, char *out, size_t len)
{
	char stamp[32], dir[KZ_PATH_LEN + 16];

	kz_backup_folder(cli->db_path, dir, sizeof dir);
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
is_copy_name(const char *name)
{
	size_t n = strlen(name);

	return strncmp(name, "hall-", 5) == 0 && n == strlen("hall-YYYYMMDD-HHMMSS.db") &&
		strcmp(name + n - 3, ".db") == 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remove all but the newest keep copies named hall-STAMP.db in dir: the
 * stamps sort by time.  Other files in the folder are never touched. */
static int
prune(struct kz_cli *cli, const char *dir, long keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, path[KZ_PATH_LEN + 128];
	size_t n = 0, cap = 0, i;
	int removed = 0;

	if (d == NULL) {
		kz_err(cli->err, KZ_EDB, "cannot read the backups folder '%s': %s", dir,
			strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_copy_name(e->d_name))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = cap ? 2 * cap : 32) * sizeof *names);
			if (more == NULL)
				break;
			names = more;
		}
		if ((names[n] = strdup(e->d_name)) == NULL)
			break;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		if ((long)(n - i) > keep) {
			int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			if (len > 0 && (size_t)len < sizeof path && unlink(path) == 0)
				removed++;
		}
		free(names[i]);
	}
	free(names);
	return removed;
}

/* On a terminal only (kz_term_progress): a large hall's copy takes a while. */
static void
progress(void *ctx, const char *step, long done, long total)
{
	(void)ctx;
	(void)step;
	kz_term_progress("backup: pages copied", done, total);
}

static int
exec(struct kz_cli *cli)
{
	struct kz_backup_result r;
	char path[KZ_PATH_LEN + 64], *end, *slash;
	const char *keep_opt = kz_cli_opt(cli, "keep");
	long keep = 0;
	int rc, removed;

	if (keep_opt != NULL) {
		keep = strtol(keep_opt, &end, 10);
		if (*keep_opt == '\0' || *end != '\0' || keep < 1 || keep > 10000)
			return kz_cli_usage(cli,
				"--keep is a number of copies, 1 to 10000, not '%s'", keep_opt);
	}
	if (cli->argc == 1)
		snprintf(path, sizeof path, "%s", cli->argv[0]);
	else if ((rc = default_path(cli, path, sizeof path)) != KZ_EXIT_OK)
		return rc;
	if ((rc = kz_backup_take_told(cli->db, path, progress, NULL, &r, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s\n", path);
	printf("a copy of %lld bytes, schema %d, %lld tickets agree with the event log\n",
		(long long)r.bytes, r.version, (long long)r.tickets);
	if (keep > 0 && (slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		if ((removed = prune(cli, path, keep)) < 0)
			return kz_cli_fail(cli, KZ_EDB);
		if (removed > 0)
			printf("removed %d older cop%s, kept the newest %ld\n", removed,
				removed == 1 ? "y" : "ies", keep);
	}
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_backup = {
	.name = "backup",
	.args = "[FILE]",
	.summary = N("a checked copy of the database while the hall runs (default: backups/ "
		     "beside it); prints its path first"),
	.max_args = 1,
	.options = options,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
