/* cmd-counter.c - kezek counter open|pause|close N: a counter under a clerk. */
#include <string.h>

#include "kezek.h"
#include "queue/counter.h"

static const struct kz_cmd_option options[] = {
	{"clerk", "NAME", N("the clerk's full name (required to open)")},
	{"position", "TITLE", N("the clerk's position (required with --clerk)")},
	{NULL, NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *verb = cli->argv[0], *clerk = kz_cli_opt(cli, "clerk"),
		   *position = kz_cli_opt(cli, "position");
	int n = kz_cli_counter(cli, cli->argv[1]), rc;

	if (n < 0)
		return KZ_EXIT_USAGE;
	if (strcmp(verb, "open") == 0) {
		if (clerk == NULL || position == NULL)
			return kz_cli_usage(cli,
				"opening a counter needs --clerk NAME and "
				"--position TITLE");
		rc = kz_counter_open(cli->db, n, clerk, position, cli->err);
	} else if (strcmp(verb, "pause") == 0 || strcmp(verb, "close") == 0) {
		if ((clerk == NULL) != (position == NULL))
			return kz_cli_usage(cli, "give --clerk and --position together");
		rc = verb[0] == 'p' ? kz_counter_pause(cli->db, n, clerk, position, cli->err)
				    : kz_counter_close(cli->db, n, clerk, position, cli->err);
	} else {
		return kz_cli_usage(cli, "'%s' is not open, pause or close", verb);
	}
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("counter %d %s\n"), n,
		kz_cli_word(verb[0] == 'o'       ? "open"
				: verb[0] == 'p' ? "paused"
						 : "closed"));
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_counter = {
	.name = "counter",
	.args = "open|pause|close N",
	.summary = N("open, pause or close counter N under a clerk"),
	.options = options,
	.min_args = 2,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.counter_arg = 2,
	.exec = exec,
};
