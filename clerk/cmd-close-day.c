/* cmd-close-day.c - kezek close-day: the office closes; waiting tickets
 * end, and suspensions whose term passed end as refusals (p.16): the
 * office closes every working day, so none waits longer than a night. */
#include "kezek.h"
#include "queue/application.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/report-days.h"
#include "queue/ticket.h"

/* Suspensions past their term are refused, their refusals printed on the
 * A4 printer when there is one. */
static int
expire(struct kz_cli *cli)
{
	char chosen[32];
	const char *printer = kz_cli_printer(cli, 1, chosen);
	int n = 0, rc = kz_app_expire(cli->db, printer, &n, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (n > 0 && printer)
		printf(kz_trn(kz_cli_lang(),
			       "%d suspended application refused: the term passed without the "
			       "missing documents (p.16); refusals queued on %s\n",
			       "%d suspended applications refused: the term passed without the "
			       "missing documents (p.16); refusals queued on %s\n",
			       (unsigned long)n),
			n, printer);
	else if (n > 0)
		printf(kz_trn(kz_cli_lang(),
			       "%d suspended application refused: the term passed without the "
			       "missing documents (p.16)\n",
			       "%d suspended applications refused: the term passed without the "
			       "missing documents (p.16)\n",
			       (unsigned long)n),
			n);
	return KZ_EXIT_OK;
}

/* The report's summaries of the last month's days, today's among them:
 * kept now, while the hall is quiet, rather than at the next report.  A
 * failure costs only time (the report works a day out from its tickets). */
static void
summarise(struct kz_cli *cli)
{
	struct kz_date d;
	char today[11], from[11];

	kz_clock_day(kz_clock_now(), today);
	if (kz_date_parse(today, &d) != 0)
		return;
	kz_date_format(kz_date_from_days(kz_date_days(d) - 31), from);
	if (kz_report_days_refresh(cli->db, cli->cfg, from, today, NULL, cli->err) != KZ_OK)
		fprintf(stderr,
			T("kezek: the day is closed, but its report summary was not kept "
			  "(%s); the report will work it out\n"),
			cli->err);
}

static int
exec(struct kz_cli *cli)
{
	int closed, at_counters, rc = kz_ticket_close_day(cli->db, &closed, &at_counters, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(kz_trn(kz_cli_lang(), "%d waiting ticket closed: not served, office closed\n",
		       "%d waiting tickets closed: not served, office closed\n",
		       (unsigned long)closed),
		closed);
	if (at_counters > 0)
		printf(kz_trn(kz_cli_lang(),
			       "%d ticket is still at counters: the clerks must finish them\n",
			       "%d tickets are still at counters: the clerks must finish them\n",
			       (unsigned long)at_counters),
			at_counters);
	/* refusals first: they change past days, which summarise then keeps */
	rc = expire(cli);
	summarise(cli);
	return rc;
}

const struct kz_cmd kz_cmd_close_day = {
	.name = "close-day",
	.summary = N("close the day: tickets still waiting end as 'not served: office closed'; "
		     "suspensions past their term end as refusals"),
	.flags = KZ_CMD_DB,
	.exec = exec,
};
