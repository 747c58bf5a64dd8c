/*
 * cmd-manager.c - kezek manager pin NAME: give a manager (or, with
 * --administrator, an administrator) the PIN they log in with to
 * kezek-hall's live page.  Their accounts are not clerks': a clerk's PIN
 * never opens the live page, nor a manager's a counter.  The PIN is read
 * from standard input, as for 'kezek clerk pin'.
 */
#include <string.h>

#include "kezek.h"
#include "queue/clerk.h"
#include "term.h"

static const struct kz_cmd_option options[] = {
	{"administrator", NULL, N("an administrator rather than a manager")},
	{NULL, NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *role = kz_cli_opt(cli, "administrator") ? "administrator" : "manager";
	char pin[64] = "";
	struct kz_clerk k;
	int rc;

	if (strcmp(cli->argv[0], "pin") != 0)
		return kz_cli_usage(cli, "'%s' is not something to do to a manager; say pin",
			cli->argv[0]);
	if (kz_term_new_pin("manager", pin, sizeof pin) != 0) {
		memset(pin, 0, sizeof pin);
		return KZ_EXIT_USAGE;
	}
	rc = kz_manager_set_pin(cli->db, cli->argv[1], role, pin, &k, cli->err);
	memset(pin, 0, sizeof pin);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s (%s) has a new PIN; log in on kezek-hall's manager page\n", k.name, k.role);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_manager = {
	.name = "manager",
	.args = "pin NAME",
	.summary = N("set the PIN (read from standard input) a manager logs in with to kezek-hall"),
	.options = options,
	.min_args = 2,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
