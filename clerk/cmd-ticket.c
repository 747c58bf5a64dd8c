/* cmd-ticket.c - kezek ticket SERVICE: issue a queue ticket. */
#include "kezek.h"
#include "queue/clock.h"
#include "queue/ticket.h"

static int
exec(struct kz_cli *cli)
{
	const struct kz_service_conf *s;
	struct kz_ticket t;
	char when[32], warning[512];
	const char *printer = kz_cli_opt(cli, "print"), *lang = kz_cli_opt(cli, "lang");
	int64_t job = 0;
	int rc = printer ? kz_ticket_issue_print(cli->db, cli->cal, cli->argv[0], printer,
				   lang ? lang : "kk", &t, &job, cli->err)
			 : kz_ticket_issue(cli->db, cli->cal, cli->argv[0], &t, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	s = kz_config_service(cli->cfg, t.service);
	kz_clock_format(t.issued_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s\n", t.number);
	printf(T("service  %s  %s / %s\n"), t.service, s ? s->name_kk : "", s ? s->name_ru : "");
	printf(T("issued   %s\n"), when);
	printf(T("ahead    %d\n"), t.ahead);
	if (job)
		printf(T("print    job %lld on %s\n"), (long long)job, printer);
	if (t.lunch_notice) {
		char resumes[8];
		printf(T("notice   reception breaks for lunch; if not called before it, you will be "
			 "called after %s\n"),
			kz_cli_hhmm(t.resumes_at, resumes));
	}
	/* the office was found open on today's holiday data: say if it is not decreed */
	if (kz_cli_cal_warning(cli->cal, kz_date_of(t.issued_at), kz_date_of(t.issued_at), warning,
		    sizeof warning))
		printf("%s\n", warning);
	return KZ_EXIT_OK;
}

static const struct kz_cmd_option options[] = {
	{"print", "PRINTER", "print the ticket on PRINTER ([printer NAME] in hall.ini)"},
	{"lang", "kk|ru", "the printed ticket's language (default kk)"},
	{NULL, NULL, NULL},
};

const struct kz_cmd kz_cmd_ticket = {
	.name = "ticket",
	.args = "SERVICE",
	.summary = "issue the next ticket of SERVICE (its code or prefix); prints its number first",
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.exec = exec,
};
