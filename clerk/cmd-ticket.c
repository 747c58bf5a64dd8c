/* cmd-ticket.c - kezek ticket SERVICE: issue a queue ticket. */
#include "kezek.h"
#include "queue/clock.h"
#include "queue/estimate.h"
#include "queue/ticket.h"

/* People ahead and the expected call, worked out after the ticket's commit:
 * a failure here leaves the ticket issued, so it is said and not fatal. */
static void
print_wait(struct kz_cli *cli, const struct kz_ticket *t)
{
	struct kz_wait_estimate e;
	char at[8], err[KZ_ERR_LEN];

	if (kz_wait_estimate_ticket(cli->db, &cli->cfg->hours, t->id, KZ_ESTIMATE_TYPICAL_VISIT, &e,
		    err) != KZ_OK) {
		printf(T("ahead    unknown: %s\n"), err);
		return;
	}
	printf(T("ahead    %d\n"), e.ahead);
	if (!e.known)
		printf(T("wait     unknown: no open counter serves %s now\n"), t->service);
	else if (e.after_close)
		printf(T("wait     may not be called before closing at %s\n"),
			kz_cli_hhmm(e.close_at, at));
	else if (e.after_lunch)
		printf(T("wait     after the lunch break, at about %s\n"),
			kz_cli_hhmm(kz_estimate_round_time(e.call_at), at));
	else if (e.low_min == 0)
		printf(T("wait     up to %d min (called at about %s)\n"), e.high_min,
			kz_cli_hhmm(kz_estimate_round_time(e.call_at), at));
	else
		printf(T("wait     %d-%d min (called at about %s)\n"), e.low_min, e.high_min,
			kz_cli_hhmm(kz_estimate_round_time(e.call_at), at));
}

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
	print_wait(cli, &t);
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
	{"print", "PRINTER", N("print the ticket on PRINTER ([printer NAME] in hall.ini)")},
	{"lang", "kk|ru", N("the printed ticket's language (default kk)")},
	{NULL, NULL, NULL},
};

const struct kz_cmd kz_cmd_ticket = {
	.name = "ticket",
	.args = "SERVICE",
	.summary =
		N("issue the next ticket of SERVICE (its code or prefix); prints its number first"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.exec = exec,
};
