/* cmd-history.c - kezek history NUMBER: a ticket's life, from the event log. */
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/history.h"

static const struct kz_cmd_option options[] = {
	{"day", "DATE", "the day it was issued, YYYY-MM-DD (default today)"},
	{"lang", "kk|ru", "the language it speaks (default: [hall] staff_lang)"},
	{NULL, NULL, NULL},
};

static int
print_event(const struct kz_event *ev, void *arg)
{
	char when[32];

	(void)arg;
	kz_clock_format(ev->at, "%Y-%m-%d %H:%M:%S", when, sizeof when);
	printf("%s  %-8s %-13s", when, ev->number, ev->kind);
	if (ev->service[0])
		printf("  service %s", ev->service);
	if (ev->counter)
		printf("  counter %d", ev->counter);
	if (ev->clerk[0])
		printf("  clerk %s", ev->clerk);
	if (ev->detail[0] && strcmp(ev->kind, "requeued") == 0)
		printf("  (from %s)", ev->detail);
	else if (ev->detail[0])
		printf("  (%s)", ev->detail);
	printf("\n");
	return 0;
}

static int
exec(struct kz_cli *cli)
{
	int rc = kz_history_ticket(cli->db, cli->argv[0], kz_cli_opt(cli, "day"), print_event, NULL,
		cli->err);

	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

const struct kz_cmd kz_cmd_history = {
	.name = "history",
	.args = "NUMBER",
	.summary = "everything that happened to a ticket, from the event log",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
