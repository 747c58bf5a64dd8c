/*
 * cmd-report.c - kezek report [RANGE]: the managers' figures for a day, a
 * week, a month, a year or any range, as a table for the terminal, as CSV
 * (RFC 4180, UTF-8) for spreadsheets, or as an A4 PDF with charts, saved
 * or printed on an A4 printer.  Definitions: queue/report.h.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "printer/a4.h"
#include "documents/report-csv.h"
#include "documents/report.h"
#include "queue/clock.h"
#include "queue/report.h"

static const struct kz_cmd_option options[] = {
	{"week", "DATE", "the week (Monday to Sunday) of DATE"},
	{"from", "DATE", "first day of a range (with --to)"},
	{"to", "DATE", "last day of a range"},
	{"csv", NULL, "CSV for a spreadsheet instead of the table"},
	{"pdf", "FILE", "write the report with charts as an A4 PDF"},
	{"print", "PRINTER", "print it on an A4 printer of hall.ini"},
	{"lang", "kk|ru", "language of names and of the PDF (default ru)"},
	{"scan", NULL, "work every day out from its tickets, not from the days' summaries"},
	{NULL, NULL, NULL},
};

static double
minutes(int64_t s)
{
	return s / 60.0;
}

static void
print_stat(const struct kz_stat *s)
{
	if (s->n == 0) {
		printf("     -      -      -      -");
		return;
	}
	printf(" %5.1f  %5.1f  %5.1f  %4.0f%%", minutes(s->median), minutes(s->p90),
		minutes(s->max), kz_stat_share(s));
}

static void
print_group(const char *label, const struct kz_report_group *g)
{
	kz_cli_cell(stdout, label, 30);
	printf(" %6d %6d %5d %5d %5d ", g->places, g->served, g->no_shows, g->transferred,
		g->not_served);
	print_stat(&g->wait);
	printf("  ");
	print_stat(&g->service);
	printf("\n");
}

/* The standard's figure stands; the lunch break explains part of it. */
static void
print_lunch(const struct kz_report *r)
{
	const struct kz_report_group *g = &r->total;
	int over = g->wait.n - g->wait.within;

	printf("waits over the %lld-minute limit %d of %d; of which over the lunch break %d "
	       "(%.1f%%)\n",
		(long long)r->wait_limit / 60, over, g->wait.n, g->lunch_over,
		over > 0 ? 100.0 * g->lunch_over / over : 0.0);
}

static void
print_heading(const char *what, const struct kz_report *r)
{
	printf("\n");
	kz_cli_cell(stdout, what, 30);
	printf(" PLACES SERVED NOSHW SENT  CLOSD  WAIT: med    p90    max  <=%lld"
	       "  SERVICE: med p90    max  <=%lld\n",
		(long long)r->wait_limit / 60, (long long)r->service_limit / 60);
}

static void
print_groups(const struct kz_report *r, int kk)
{
	char label[KZ_NAME_LEN + 32];

	print_heading("ALL (minutes)", r);
	print_group("all", &r->total);
	print_heading("SERVICE", r);
	for (int i = 0; i < r->nservices; i++) {
		snprintf(label, sizeof label, "%s %s", r->services[i].key,
			kk ? r->services[i].name_kk : r->services[i].name_ru);
		print_group(label, &r->services[i]);
	}
	print_heading("COUNTER", r);
	for (int i = 0; i < r->ncounters; i++)
		print_group(r->counters[i].key, &r->counters[i]);
	print_heading("CLERK", r);
	for (int i = 0; i < r->nclerks; i++)
		print_group(r->clerks[i].key, &r->clerks[i]);
	print_heading("HOUR OF ARRIVAL", r);
	for (int h = 0; h < 24; h++)
		if (r->hours[h].places > 0) {
			snprintf(label, sizeof label, "%02d:00-%02d:59", h, h);
			print_group(label, &r->hours[h]);
		}
}

static void
print_cases(const struct kz_report *r, const struct kz_config *cfg, int kk)
{
	struct kz_app4_row rows[KZ_APP4_ROWS];
	const struct kz_report_apps *a = &r->apps;
	const struct kz_report_complaints *c = &r->complaints;

	printf("\nBUSIEST HOURS:");
	for (int i = 0; i < 3 && r->busiest[i] >= 0; i++)
		printf(" %02d:00 (%d)", r->busiest[i], r->hours[r->busiest[i]].places);
	printf("%s\n", r->busiest[0] < 0 ? " -" : "");
	if (a->available)
		printf("APPLICATIONS: accepted %d, refused (p.16) %d; term ended %d: on time %d, late %d, "
		       "deemed approved %d; uncollected after 6 months %d; refusal notices late %d\n",
			a->accepted, a->refused, a->due, a->on_time, a->late, a->deemed,
			a->uncollected, a->notices_late);
	else
		printf("APPLICATIONS: none registered in this database\n");
	if (c->available)
		printf("COMPLAINTS: received %d, answered %d (on time %d, late %d), overdue now %d\n",
			c->received, c->answered, c->on_time, c->late, c->overdue);
	else
		printf("COMPLAINTS: none registered in this database\n");
	kz_report_app4(r, &cfg->targets, rows);
	printf("\nAPP. 4  NORM  TARGET  CURRENT (OF n)                   INDICATOR\n");
	for (int i = 0; i < KZ_APP4_ROWS; i++) {
		char current[64] = "-";
		if (rows[i].current >= 0 && rows[i].basis[0] != '\0')
			snprintf(current, sizeof current, "%5.1f%% (%d of %d %s)", rows[i].current,
				rows[i].count, rows[i].of, rows[i].basis);
		else if (rows[i].current >= 0)
			snprintf(current, sizeof current, "%5.1f%% (configured)", rows[i].current);
		else /* none yet: say so, n = 0, never a bare dash */
			snprintf(current, sizeof current, "    - (0 %s)", rows[i].basis);
		printf("%-6s %4d%%  %5d%%  ", rows[i].code, rows[i].norm, rows[i].target);
		kz_cli_cell(stdout, current, 33);
		printf("  %s\n", kk ? rows[i].name_kk : rows[i].name_ru);
	}
}

/* --- the command -------------------------------------------------------------- */

static int
range(struct kz_cli *cli, char *from, char *to)
{
	const char *week = kz_cli_opt(cli, "week"), *f = kz_cli_opt(cli, "from"),
		   *t = kz_cli_opt(cli, "to");
	char what[64];

	if ((f != NULL) != (t != NULL))
		return kz_cli_usage(cli, "--from and --to go together");
	if ((f != NULL) + (week != NULL) + (cli->argc > 0) > 1)
		return kz_cli_usage(cli, "give one range: RANGE, --week DATE, or --from and --to");
	if (f != NULL) {
		snprintf(from, 11, "%.10s", f);
		snprintf(to, 11, "%.10s", t);
		return strlen(f) == 10 && strlen(t) == 10
			? 0
			: kz_cli_usage(cli, "--from and --to are days, YYYY-MM-DD");
	}
	if (week != NULL)
		snprintf(what, sizeof what, "week %s", week);
	else if (cli->argc > 0)
		snprintf(what, sizeof what, "%s", cli->argv[0]);
	else
		kz_clock_day(kz_clock_now(), what);
	if (kz_report_range(what, from, to, cli->err) != KZ_OK)
		return kz_cli_usage(cli, "%s", cli->err);
	return 0;
}

static int
pdf(struct kz_cli *cli, const struct kz_report *r, const char *lang)
{
	const char *path = kz_cli_opt(cli, "pdf"), *printer = kz_cli_opt(cli, "print");
	struct kz_bytes out = {0};
	char fonts[KZ_PATH_LEN + 32], title[64];
	int rc;

	kz_cli_fonts(cli, fonts, sizeof fonts);
	if ((rc = kz_doc_report_pdf(r, cli->cfg, lang, fonts, &out, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (path != NULL && (rc = kz_a4_save(path, out.data, out.len, cli->err)) == KZ_OK)
		printf("report %s to %s: %s\n", r->from, r->to, path);
	if (rc == KZ_OK && printer != NULL) {
		snprintf(title, sizeof title, "Kezek report %s %s", r->from, r->to);
		if ((rc = kz_a4_print(cli->cfg, printer, title, out.data, out.len, cli->err)) ==
			KZ_OK)
			printf("report %s to %s: printed on %s\n", r->from, r->to, printer);
	}
	kz_bytes_free(&out);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

static int
exec(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang");
	struct kz_report *r;
	char from[11], to[11];
	int rc, kk;

	if (lang != NULL && strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return kz_cli_usage(cli, "--lang is kk or ru, not '%s'", lang);
	kk = lang != NULL && lang[0] == 'k';
	if ((rc = range(cli, from, to)) != 0)
		return rc;
	rc = kz_cli_opt(cli, "scan")
		? kz_report_build_scanned(cli->db, cli->cal, cli->cfg, from, to, &r, cli->err)
		: kz_report_build(cli->db, cli->cal, cli->cfg, from, to, &r, cli->err);
	if (rc != KZ_OK)
		return rc == KZ_EINVAL ? kz_cli_usage(cli, "%s", cli->err) : kz_cli_fail(cli, rc);
	if (kz_cli_opt(cli, "pdf") || kz_cli_opt(cli, "print")) {
		rc = pdf(cli, r, kk ? "kk" : "ru");
	} else if (kz_cli_opt(cli, "csv")) {
		kz_doc_report_csv(stdout, r, cli->cfg, kk);
		rc = KZ_EXIT_OK;
	} else {
		printf("REPORT %s to %s  %s\n", r->from, r->to,
			kk ? cli->cfg->name_kk : cli->cfg->name_ru);
		printf("visitors %d; served %d, no-shows %d, sent on %d, not served at closing %d\n",
			r->issued, r->total.served, r->total.no_shows, r->total.transferred,
			r->total.not_served);
		print_lunch(r);
		print_groups(r, kk);
		print_cases(r, cli->cfg, kk);
		rc = KZ_EXIT_OK;
	}
	kz_report_free(r);
	return rc;
}

const struct kz_cmd kz_cmd_report = {
	.name = "report",
	.args = "[DATE | YYYY-MM | YYYY]",
	.summary = "waits, service times, applications, complaints and App. 4 for a range",
	.options = options,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL | KZ_CMD_READS,
	.exec = exec,
};
