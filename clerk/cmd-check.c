/* cmd-check.c - kezek check: the database is sound and agrees with its log. */
#include <sys/stat.h>

#include "kezek.h"
#include "queue/adminpin.h"
#include "queue/history.h"

/* p.17.7: only the service's own user may read the database (kz_db_open
 * creates it 0600); warn about it, its log and shared memory file if other
 * users can.  1 if a warning was given. */
static int
warn_readable(const char *db)
{
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char path[KZ_PATH_LEN + 8];
	struct stat st;
	int warned = 0;

	for (int i = 0; i < 3; i++) {
		char chmod[KZ_PATH_LEN + 24];
		snprintf(path, sizeof path, "%s%s", db, suffix[i]);
		snprintf(chmod, sizeof chmod, "chmod 600 %s", path);
		if (stat(path, &st) != 0 || (st.st_mode & 077) == 0)
			continue;
		fprintf(stderr,
			T("kezek: warning: '%s' can be read or written by other users (mode "
			  "%04o), but it holds personal data (p.17.7); '%s'\n"),
			path, (unsigned)(st.st_mode & 07777), chmod);
		warned = 1;
	}
	return warned;
}

/* A kiosk whose administrator PIN is still the README's sample is open to
 * anyone who read it: refused, with the way to change it.  1 if any. */
static int
sample_pins(struct kz_cli *cli)
{
	struct kz_admin_pin pin;
	int found = 0;

	for (int i = 0; i < cli->cfg->nkiosks; i++) {
		const char *name = cli->cfg->kiosks[i].name;
		if (kz_admin_pin_get(cli->db, name, &pin, cli->err) != KZ_OK || !pin.sample)
			continue;
		char set[96];
		snprintf(set, sizeof set, "kezek kiosk pin %s", name);
		fprintf(stderr,
			T("kezek: kiosk %s still has the sample administrator PIN everyone can read "
			  "in the %s; set your own with '%s'\n"),
			name, "README", set);
		found = 1;
	}
	return found;
}

static int
exec(struct kz_cli *cli)
{
	int64_t tickets = 0;
	int rc;

	if ((rc = kz_db_integrity(cli->db, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_history_audit(cli->db, &tickets, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(kz_trn(kz_cli_lang(),
		       "database %s: integrity ok, %lld ticket agrees with the event log\n",
		       "database %s: integrity ok, %lld tickets agree with the event log\n",
		       (unsigned long)tickets),
		cli->db_path, (long long)tickets);
	warn_readable(cli->db_path);
	return sample_pins(cli) ? KZ_EXIT_REJECTED : KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_check = {
	.name = "check",
	.summary =
		N("check the database's integrity and that every ticket agrees with the event log"),
	.flags = KZ_CMD_DB | KZ_CMD_READS,
	.exec = exec,
};
