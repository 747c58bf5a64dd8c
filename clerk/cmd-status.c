/* cmd-status.c - kezek status: the hall now, against the 30-minute limits. */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/status.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", "the language of the table (default: [hall] staff_lang)"},
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
	print_counters(s, cli->cfg);
	free(s);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_status = {
	.name = "status",
	.summary = "who waits for what and for how long; what each counter is doing",
	.options = options,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG | KZ_CMD_CAL,
	.exec = exec,
};
