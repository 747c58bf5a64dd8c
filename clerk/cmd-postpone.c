/* cmd-postpone.c - kezek postpone --counter N --reason TEXT --minutes M: send
 * the visitor at counter N away for a while (to fetch a copy); --list: the
 * counter's postponed visitors. */
#include <stdlib.h>

#include "kezek.h"
#include "queue/postpone.h"
#include "queue/wait.h"

static const struct kz_cmd_option options[] = {
	{"counter", "N", N("the counter whose visitor goes away, or whose list is shown")},
	{"reason", "TEXT", N("what the visitor went to fetch (one line)")},
	{"minutes", "M", N("how long they have to come back (1 to 240)")},
	{"list", NULL, N("show the counter's postponed visitors instead")},
	{NULL, NULL, NULL},
};

/* A whole number 1..max from option name; -1 after saying what is wrong. */
static int
whole(struct kz_cli *cli, const char *name, const char *value, int max)
{
	char *end;
	long n;

	if (value == NULL) {
		kz_cli_usage(cli, "give --%s", name);
		return -1;
	}
	n = strtol(value, &end, 10);
	if (*value == '\0' || *end != '\0' || n < 1 || n > max) {
		kz_cli_usage(cli, "--%s '%s' is not a whole number from 1 to %d", name, value, max);
		return -1;
	}
	return (int)n;
}

static int
list(struct kz_cli *cli, int counter)
{
	struct kz_postponed p[64];
	char until[8], issued[8];
	int n = 0, rc = kz_postponed_list(cli->db, counter, p, 64, &n, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (n == 0)
		printf(T("counter %d: no one is postponed\n"), counter);
	for (int i = 0; i < n && i < 64; i++) {
		kz_cli_label(p[i].number, 9);
		printf(T("service %-6s issued %s  back by %s  %s\n"), p[i].service,
			kz_cli_hhmm(p[i].issued_at, issued), kz_cli_hhmm(p[i].until, until),
			p[i].reason);
	}
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *value = kz_cli_opt(cli, "counter");
	struct kz_ticket t;
	char until[8];
	int counter, minutes, rc;

	if (value == NULL)
		return kz_cli_usage(cli, "which counter? give --counter N");
	if ((counter = kz_cli_counter(cli, value)) < 0)
		return KZ_EXIT_USAGE;
	if (kz_cli_opt(cli, "list") != NULL)
		return list(cli, counter);
	if (kz_cli_opt(cli, "reason") == NULL)
		return kz_cli_usage(cli, "say why the visitor goes: --reason TEXT");
	if ((minutes = whole(cli, "minutes", kz_cli_opt(cli, "minutes"), KZ_POSTPONE_MAX_MINUTES)) <
		0)
		return KZ_EXIT_USAGE;
	rc = kz_ticket_postpone(cli->db, counter, kz_cli_opt(cli, "reason"), minutes, &t, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	char back[64];
	snprintf(back, sizeof back, "kezek return %s --counter %d", t.number, counter);
	printf("%s\n", t.number);
	printf(T("postponed at counter %d until %s; call back with '%s'\n"), counter,
		kz_cli_hhmm(t.postponed_until, until), back);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_postpone = {
	.name = "postpone",
	.args = "",
	.summary = N(
		"send a counter's visitor to fetch a copy, back by a time; prints the number first"),
	.options = options,
	.min_args = 0,
	.max_args = 0,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
