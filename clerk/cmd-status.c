/* cmd-status.c - kezek status: the hall now, against the 30-minute limits. */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/estimate.h"
#include "queue/status.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", "the language of the table (default: [hall] staff_lang)"},
	{NULL, NULL, NULL},
};

static void
print_services(const struct kz_status *s, const struct kz_config *cfg, int kk)
{
	printf("SERVICE                                   WAITING  LONGEST WAIT\n");
	for (int i = 0; i < s->nservices; i++) {
		const struct kz_service_status *v = &s->services[i];
		char name[KZ_NAME_LEN + KZ_CODE_LEN + 4];
		long long min = (long long)v->longest_wait / 60;
		snprintf(name, sizeof name, "%s  %s", v->prefix, kk ? v->name_kk : v->name_ru);
		kz_cli_pad(stdout, name, 42);
		printf("%7d  ", v->waiting);
		if (v->waiting == 0)
			printf("-\n");
		else
			printf("%lld min%s\n", min,
				min >= cfg->wait_limit_min ? "  OVER LIMIT" : "");
	}
}

/* What the kiosk would tell a visitor taking a ticket now (estimate.h). */
static int
print_new_ticket(struct kz_cli *cli, const struct kz_status *s)
{
	printf("\nA TICKET TAKEN NOW  AHEAD  CALLED\n");
	for (int i = 0; i < s->nservices; i++) {
		const struct kz_service_status *v = &s->services[i];
		struct kz_wait_estimate e;
		char at[8];
		int rc = kz_wait_estimate(cli->db, &cli->cfg->hours, v->prefix,
			KZ_ESTIMATE_TYPICAL_VISIT, &e, cli->err);
		if (rc != KZ_OK)
			return rc;
		printf("%-18s %6d  ", v->prefix, e.ahead);
		kz_cli_hhmm(kz_estimate_round_time(e.call_at), at);
		if (!e.known)
			printf("unknown: no open counter serves it\n");
		else if (e.after_close)
			printf("maybe not before closing (%s)\n", kz_cli_hhmm(e.close_at, at));
		else if (e.after_lunch)
			printf("after the lunch break, about %s\n", at);
		else if (e.low_min == 0)
			printf("in up to %d min, about %s\n", e.high_min, at);
		else
			printf("in %d-%d min, about %s\n", e.low_min, e.high_min, at);
	}
	return KZ_OK;
}

static void
print_counters(const struct kz_status *s, const struct kz_config *cfg)
{
	printf("\nCOUNTER  STATE   SERVES   TICKET          SINCE  CLERK\n");
	for (int i = 0; i < s->ncounters; i++) {
		const struct kz_counter_status *c = &s->counters[i];
		char ticket[48] = "-", hhmm[8];
		long long min = (long long)(s->now - c->ticket_since) / 60;
		if (c->ticket[0])
			snprintf(ticket, sizeof ticket, "%s %s", c->ticket,
				kz_ticket_state_name(c->ticket_state));
		printf("%7d  %-7s ", c->number, kz_counter_state_name(c->state));
		kz_cli_pad(stdout, c->services, 8);
		printf(" ");
		kz_cli_pad(stdout, ticket, 15);
		printf(" %-5s  %s%s%s", kz_cli_hhmm(c->ticket[0] ? c->ticket_since : 0, hhmm),
			c->clerk[0] ? c->clerk : "-", c->position[0] ? ", " : "", c->position);
		if (c->ticket[0] && min >= cfg->service_limit_min)
			printf("  OVER %d MIN", cfg->service_limit_min);
		printf("\n");
	}
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
	struct owed r = {0, "\nRECEIPTS OWED (p.14): "},
		    e = {0, "\nTERM PASSED, TO REFUSE (p.16): "};
	int rc;

	if ((rc = kz_app_list(cli->db, &receipts, owed_row, &r, cli->err)) != KZ_OK)
		return rc;
	if (r.n)
		printf("\n");
	if ((rc = kz_app_list(cli->db, &expired, owed_row, &e, cli->err)) != KZ_OK)
		return rc;
	if (e.n)
		printf(" (kezek close-day refuses them)\n");
	return KZ_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang");
	struct kz_status *s;
	char now[32];
	int rc;

	if (lang != NULL && strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return kz_cli_usage(cli, "--lang is kk or ru, not '%s'", lang);
	s = malloc(sizeof *s);
	if (s == NULL)
		return kz_cli_fail(cli, KZ_ENOMEM);
	if ((rc = kz_status_read(cli->db, s, cli->err)) != KZ_OK) {
		free(s);
		return kz_cli_fail(cli, rc);
	}
	kz_clock_format(s->now, "%Y-%m-%d %H:%M", now, sizeof now);
	printf("%s  %s\n", now, lang && lang[0] == 'k' ? cli->cfg->name_kk : cli->cfg->name_ru);
	printf("waiting %d, longest wait %lld min (limit %d min)%s\n\n", s->waiting,
		(long long)s->longest_wait / 60, cli->cfg->wait_limit_min,
		s->longest_wait / 60 >= cli->cfg->wait_limit_min ? "  OVER LIMIT" : "");
	print_services(s, cli->cfg, lang && lang[0] == 'k');
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
	.summary = "who waits for what and for how long; what each counter is doing",
	.options = options,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
