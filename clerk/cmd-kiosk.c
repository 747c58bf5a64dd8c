/*
 * cmd-kiosk.c - kezek kiosk pin NAME: set the kiosk administrator's PIN,
 * kept in the database (never in hall.ini, which every user can read).
 * The PIN is read from standard input (on a terminal: typed twice, not
 * shown), never from the command line.  --sample gives a kiosk without a
 * PIN the README's sample PIN, for a first run; it is warned about until
 * changed.
 */
#include <string.h>

#include "kezek.h"
#include "queue/adminpin.h"
#include "term.h"

static const struct kz_cmd_option options[] = {
	{"sample", NULL,
		N("give the kiosk the README's sample PIN if it has none (a first run; "
		  "'kezek check' refuses it until changed)")},
	{NULL, NULL, NULL},
};

static int
sample(struct kz_cli *cli, const char *kiosk)
{
	int done = 0, rc = kz_admin_pin_set_sample(cli->db, kiosk, &done, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (done)
		printf("kiosk %s has the sample PIN %s; set your own with 'kezek kiosk pin %s'\n",
			kiosk, KZ_ADMIN_PIN_SAMPLE, kiosk);
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	char pin[64] = "";
	const char *kiosk = cli->argv[1];
	int rc;

	if (strcmp(cli->argv[0], "pin") != 0)
		return kz_cli_usage(cli, "'%s' is not something to do to a kiosk; say pin",
			cli->argv[0]);
	if (kz_config_kiosk(cli->cfg, kiosk) == NULL ||
		strcmp(kz_config_kiosk(cli->cfg, kiosk)->name, kiosk) != 0)
		return kz_cli_usage(cli, "there is no [kiosk %s] in the configuration", kiosk);
	if (kz_cli_opt(cli, "sample") != NULL)
		return sample(cli, kiosk);
	if (kz_term_new_pin("kiosk", pin, sizeof pin) != 0) {
		memset(pin, 0, sizeof pin);
		return KZ_EXIT_USAGE;
	}
	rc = kz_admin_pin_set(cli->db, kiosk, pin, cli->err);
	memset(pin, 0, sizeof pin);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("kiosk %s has a new administrator PIN\n", kiosk);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_kiosk = {
	.name = "kiosk",
	.args = "pin NAME",
	.summary = N("set the kiosk administrator's PIN (read from standard input), kept in the "
		     "database"),
	.options = options,
	.min_args = 2,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
