/*
 * cmd-clerk.c - kezek clerk pin NAME: give a clerk the PIN they log in
 * with at the counter console.  The PIN is read from standard input (on a
 * terminal: typed twice, not shown), never from the command line, where
 * other users and the shell's history would see it.
 */
#include <string.h>

#include "kezek.h"
#include "queue/clerk.h"
#include "term.h"

static const struct kz_cmd_option options[] = {
	{"position", "TITLE",
		N("the clerk's position: picks one of two of the same name, or adds "
		  "a new clerk")},
	{NULL, NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	char pin[64] = "";
	struct kz_clerk k;
	int rc;

	if (strcmp(cli->argv[0], "pin") != 0)
		return kz_cli_usage(cli, "'%s' is not something to do to a clerk; say pin",
			cli->argv[0]);
	if (kz_term_new_pin("clerk", pin, sizeof pin) != 0) {
		memset(pin, 0, sizeof pin);
		return KZ_EXIT_USAGE;
	}
	rc = kz_clerk_set_pin(cli->db, cli->argv[1], kz_cli_opt(cli, "position"), pin, &k,
		cli->err);
	memset(pin, 0, sizeof pin);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf("%s (%s) has a new PIN; log in with 'kezek console COUNTER'\n", k.name, k.position);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_clerk = {
	.name = "clerk",
	.args = "pin NAME",
	.summary =
		N("set the PIN (read from standard input) a clerk logs in with at 'kezek console'"),
	.options = options,
	.min_args = 2,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
