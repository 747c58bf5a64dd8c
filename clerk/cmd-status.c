/* cmd-status.c - kezek status: the hall now, against the 30-minute limits. */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/estimate.h"
#include "queue/status.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", N("the language of the table (default: [hall] staff_lang)")},
	{NULL, NULL, NULL},
};

static void
print_services(const struct kz_status *s, const struct kz_config *cfg, int kk)
{
	kz_cli_cell(stdout, T("SERVICE"), 42);
	kz_cli_cell(stdout, T("WAITING"), 10);
	printf("%s\n", T("LONGEST WAIT"));
	for (int i = 0; i < s->nservices; i++) {
		const struct kz_service_status *v = &s->services[i];
		char name[KZ_NAME_LEN + KZ_CODE_LEN + 4], n[16];
		long long min = (long long)v->longest_wait / 60;
		snprintf(name, sizeof name, "%s  %s", v->prefix, kk ? v->name_kk : v->name_ru);
		kz_cli_cell(stdout, name, 42);
		snprintf(n, sizeof n, "%d", v->waiting);
		kz_cli_cell(stdout, n, 10);
		if (v->waiting == 0)
			printf("-\n");
		else
			printf(T("%lld min%s\n"), min,
				min >= cfg->wait_limit_min ? T("  OVER LIMIT") : "");
	}
}

/* What the kiosk would tell a visitor taking a ticket now (estimate.h). */
static int
print_new_ticket(struct kz_cli *cli, const struct kz_status *s)
{
	printf("\n");
	kz_cli_cell(stdout, T("A TICKET TAKEN NOW"), 20);
	kz_cli_cell(stdout, T("AHEAD"), 8);
	printf("%s\n", T("CALLED"));
	for (int i = 0; i < s->nservices; i++) {
		const struct kz_service_status *v = &s->services[i];
		struct kz_wait_estimate e;
		char at[8], n[16];
		int rc = kz_wait_estimate(cli->db, &cli->cfg->hours, v->prefix,
			KZ_ESTIMATE_TYPICAL_VISIT, &e, cli->err);
		if (rc != KZ_OK)
			return rc;
		kz_cli_cell(stdout, v->prefix, 20);
		snprintf(n, sizeof n, "%d", e.ahead);
		kz_cli_cell(stdout, n, 8);
		kz_cli_hhmm(kz_estimate_round_time(e.call_at), at);
		if (!e.known)
			printf("%s\n", T("unknown: no open counter serves it"));
		else if (e.after_close)
			printf(T("maybe not before closing (%s)\n"), kz_cli_hhmm(e.close_at, at));
		else if (e.after_lunch)
			printf(T("after the lunch break, about %s\n"), at);
		else if (e.low_min == 0)
			printf(T("in up to %d min, about %s\n"), e.high_min, at);
		else
			printf(T("in %d-%d min, about %s\n"), e.low_min, e.high_min, at);
	}
	return KZ_OK;
}

static void
print_counter(const struct kz_status *s, const struct kz_counter_status *c,
	const struct kz_config *cfg)
{
	char ticket[64] = "-", hhmm[8], n[16], clerk[600];
	long long min = (long long)(s->now - c->ticket_since) / 60;

	if (c->ticket[0])
		snprintf(ticket, sizeof ticket, "%s %s", c->ticket,
			kz_cli_word(kz_ticket_state_name(c->ticket_state)));
	snprintf(n, sizeof n, "%d", c->number);
	snprintf(clerk, sizeof clerk, "%s%s%s", c->clerk[0] ? c->clerk : "-",
		c->position[0] ? ", " : "", c->position);
	kz_cli_cell(stdout, n, 8);
	kz_cli_cell(stdout, kz_cli_word(kz_counter_state_name(c->state)), 10);
	kz_cli_cell(stdout, c->services, 9);
	kz_cli_cell(stdout, ticket, 18);
	kz_cli_cell(stdout, kz_cli_hhmm(c->ticket[0] ? c->ticket_since : 0, hhmm), 7);
	printf("%s", clerk);
	if (c->ticket[0] && min >= cfg->service_limit_min)
		printf(T("  OVER %d MIN"), cfg->service_limit_min);
	printf("\n");
}

static void
print_counters(const struct kz_status *s, const struct kz_config *cfg)
{
	printf("\n");
	kz_cli_cell(stdout, T("COUNTER"), 8);
	kz_cli_cell(stdout, T("STATE"), 10);
	kz_cli_cell(stdout, T("SERVES"), 9);
	kz_cli_cell(stdout, T("TICKET"), 18);
	kz_cli_cell(stdout, T("SINCE"), 7);
	printf("%s\n", T("CLERK"));
	for (int i = 0; i < s->ncounters; i++)
		print_counter(s, &s->counters[i], cfg);
}

/* What the staff must know of the calendar: today's answers (the office's
 * hours, the due dates of today's applications) resting on data not
 * decreed, and from 1 November next year's missing file. */
static void
print_calendar_warnings(struct kz_calendar *cal, int64_t now)
{
	struct kz_date today = kz_date_of(now);
	char warning[512];

	if (kz_cli_cal_warning(cal, today, kz_cal_due(cal, today), warning, sizeof warning))
		printf("%s\n", warning);
	if (kz_cli_next_year_warning(cal, today, warning, sizeof warning))
		printf("%s\n", warning);
}

struct owed {
	int n;
	const char *label;
};

static int
owed_row(const struct kz_application *a, void *arg)
{
	struct owed *o = arg;

	printf("%s%s", o->n++ ? ", " : o->label, a->number);
	return 0;
}

/* What staff owe applicants now: receipts not printed (p.14), suspensions
 * past their term not yet refused (p.16). */
static int
print_owed(struct kz_cli *cli)
{
	struct kz_app_filter receipts = {.receipt_owed = 1}, expired = {.expired = 1};
	struct owed r = {0, T("\nRECEIPTS OWED (p.14): ")},
		    e = {0, T("\nTERM PASSED, TO REFUSE (p.16): ")};
	int rc;

	if ((rc = kz_app_list(cli->db, &receipts, owed_row, &r, cli->err)) != KZ_OK)
		return rc;
	if (r.n)
		printf("\n");
	if ((rc = kz_app_list(cli->db, &expired, owed_row, &e, cli->err)) != KZ_OK)
		return rc;
	if (e.n)
		printf("%s", T(" (kezek close-day refuses them)\n"));
	return KZ_OK;
}

static int
exec(struct kz_cli *cli)
{
	int kk = strcmp(kz_cli_lang(), "kk") == 0;
	struct kz_status *s;
	char now[32];
	int rc;

	s = malloc(sizeof *s);
	if (s == NULL)
		return kz_cli_fail(cli, KZ_ENOMEM);
	if ((rc = kz_status_read(cli->db, s, cli->err)) != KZ_OK) {
		free(s);
		return kz_cli_fail(cli, rc);
	}
	kz_clock_format(s->now, "%Y-%m-%d %H:%M", now, sizeof now);
	printf("%s  %s\n", now, kk ? cli->cfg->name_kk : cli->cfg->name_ru);
	print_calendar_warnings(cli->cal, s->now);
	printf(T("waiting %d, longest wait %lld min (limit %d min)%s\n"), s->waiting,
		(long long)s->longest_wait / 60, cli->cfg->wait_limit_min,
		s->longest_wait / 60 >= cli->cfg->wait_limit_min ? T("  OVER LIMIT") : "");
	printf("\n");
	print_services(s, cli->cfg, kk);
	rc = print_new_ticket(cli, s);
	if (rc == KZ_OK)
		print_counters(s, cli->cfg);
	free(s);
	if (rc == KZ_OK)
		rc = print_owed(cli);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

const struct kz_cmd kz_cmd_status = {
	.name = "status",
	.summary = N("who waits for what and for how long; what each counter is doing"),
	.options = options,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG | KZ_CMD_CAL,
	.exec = exec,
};
