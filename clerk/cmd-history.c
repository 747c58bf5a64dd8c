/*
 * cmd-history.c - kezek history NUMBER: a ticket's life, from the event
 * log; kezek history --requests: what kezek-hall was asked and refused.
 */
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/history.h"
#include "queue/request.h"

static const struct kz_cmd_option options[] = {
	{"day", "DATE", N("the day it was issued, YYYY-MM-DD (default today)")},
	{"requests", NULL,
		N("instead of a ticket: the hall server's requests and refusals of the day "
		  "(who, counter, what, the outcome)")},
	{"lang", "kk|ru", N("the language it speaks (default: [hall] staff_lang)")},
	{NULL, NULL, NULL},
};

static int
print_event(const struct kz_event *ev, void *arg)
{
	char when[32];

	(void)arg;
	kz_clock_format(ev->at, "%Y-%m-%d %H:%M:%S", when, sizeof when);
	printf("%s  %-8s ", when, ev->number);
	/* the event's code under en, read by scripts; the staff's word otherwise */
	kz_cli_pad(stdout, strcmp(kz_cli_lang(), "en") == 0 ? ev->kind : kz_cli_word(ev->kind), 13);
	if (ev->service[0])
		printf(T("  service %s"), ev->service);
	if (ev->counter)
		printf(T("  counter %d"), ev->counter);
	if (ev->clerk[0])
		printf(T("  clerk %s"), ev->clerk);
	if (ev->detail[0] && strcmp(ev->kind, "requeued") == 0)
		printf(T("  (from %s)"), ev->detail);
	else if (ev->detail[0])
		printf("  (%s)", ev->detail);
	if (ev->comment[0])
		printf("  \"%s\"", ev->comment);
	printf("\n");
	return 0;
}

/* One request of kezek-hall: when, kind, counter, account, then the
 * record's own words (role address method route status code). */
static int
print_request(const struct kz_event *ev, void *arg)
{
	char when[32];

	(void)arg;
	kz_clock_format(ev->at, "%Y-%m-%d %H:%M:%S", when, sizeof when);
	printf("%s  %-12s", when, ev->kind);
	if (ev->counter)
		printf(T("  counter %d"), ev->counter);
	if (ev->clerk[0])
		printf("  %s", ev->clerk);
	printf("  %s\n", ev->detail);
	return 0;
}

static int
exec(struct kz_cli *cli)
{
	int rc, n = 0;

	if (kz_cli_opt(cli, "requests") != NULL) {
		if (cli->argc > 0)
			return kz_cli_usage(cli,
				"--requests lists a day's requests: give no "
				"ticket number with it");
		rc = kz_request_list(cli->db, kz_cli_opt(cli, "day"), print_request, NULL, &n,
			cli->err);
		return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
	}
	if (cli->argc != 1)
		return kz_cli_usage(cli, "give the ticket's number (or --requests)");
	rc = kz_history_ticket(cli->db, cli->argv[0], kz_cli_opt(cli, "day"), print_event, NULL,
		cli->err);

	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

const struct kz_cmd kz_cmd_history = {
	.name = "history",
	.args = "NUMBER | --requests",
	.summary = N("everything that happened to a ticket (or the hall server's requests), from "
		     "the event log"),
	.options = options,
	.min_args = 0,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
