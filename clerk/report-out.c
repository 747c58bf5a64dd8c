/*
 * report-out.c - a report (queue/report.h) as the terminal's table in the
 * staff's language, the same for one hall's `kezek report` and the
 * region's `kezek region report` (their CSV: documents/report-csv.c).
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/report.h"
#include "queue/utf8.h"
#include "report-out.h"

static double
minutes(int64_t s)
{
	return s / 60.0;
}

/* The table's columns: the row's name, five counts, then the median, the
 * 90th percentile, the maximum and the share within the limit of the
 * waits and of the service times. */
#define NAME_W  28
#define COUNT_W 11
#define STAT_W  8

/* s right-aligned in a cell of width columns, a blank column before it. */
static void
right_cell(const char *s, int width)
{
	char buf[256];

	kz_utf8_cell(s, width - 1, 0, buf, sizeof buf);
	printf("%*s%s", width - kz_utf8_width(buf), "", buf);
}

static void
print_stat(const struct kz_stat *s)
{
	char buf[4][16];

	if (s->n == 0) {
		for (int i = 0; i < 4; i++)
			right_cell("-", STAT_W);
		return;
	}
	snprintf(buf[0], sizeof buf[0], "%.1f", minutes(s->median));
	snprintf(buf[1], sizeof buf[1], "%.1f", minutes(s->p90));
	snprintf(buf[2], sizeof buf[2], "%.1f", minutes(s->max));
	snprintf(buf[3], sizeof buf[3], "%.0f%%", kz_stat_share(s));
	for (int i = 0; i < 4; i++)
		right_cell(buf[i], STAT_W);
}

static void
print_group(const char *label, const struct kz_report_group *g)
{
	const int counts[5] = {g->places, g->served, g->no_shows, g->transferred, g->not_served};
	char buf[16];

	kz_cli_cell(stdout, label, NAME_W);
	for (int i = 0; i < 5; i++) {
		snprintf(buf, sizeof buf, "%d", counts[i]);
		right_cell(buf, COUNT_W);
	}
	print_stat(&g->wait);
	print_stat(&g->service);
	printf("\n");
}

/* The standard's figure stands; the lunch break explains part of it. */
void
kz_report_print_lunch(const struct kz_report *r)
{
	const struct kz_report_group *g = &r->total;
	int over = g->wait.n - g->wait.within;

	printf(T("waits over the %lld-minute limit %d of %d; of which over the lunch break %d "
		 "(%.1f%%)\n"),
		(long long)r->wait_limit / 60, over, g->wait.n, g->lunch_over,
		over > 0 ? 100.0 * g->lunch_over / over : 0.0);
}

/* A group's name over its four columns, centred on them. */
static void
group_cell(const char *s)
{
	char buf[256];
	int w = 4 * STAT_W - 1, used;

	kz_utf8_cell(s, w, 0, buf, sizeof buf);
	used = kz_utf8_width(buf);
	printf(" %*s%s%*s", (w - used + 1) / 2, "", buf, w - used - (w - used + 1) / 2, "");
}

/* Two lines: the groups of columns, then each column's name. */
static void
print_heading(const char *what, const struct kz_report *r)
{
	char wait[128], service[128], within_wait[32], within_service[32];

	snprintf(wait, sizeof wait, T("waiting, min (limit %lld)"), (long long)r->wait_limit / 60);
	snprintf(service, sizeof service, T("service, min (limit %lld)"),
		(long long)r->service_limit / 60);
	snprintf(within_wait, sizeof within_wait, "<=%lld", (long long)r->wait_limit / 60);
	snprintf(within_service, sizeof within_service, "<=%lld", (long long)r->service_limit / 60);
	printf("\n%*s", NAME_W + 5 * COUNT_W, "");
	group_cell(wait);
	group_cell(service);
	printf("\n");
	kz_cli_cell(stdout, what, NAME_W);
	/* TRANSLATORS: the report's columns, each at most 10 letters wide */
	right_cell(T("in queue"), COUNT_W);
	right_cell(T("serviced"), COUNT_W);
	right_cell(T("no-shows"), COUNT_W);
	right_cell(T("sent on"), COUNT_W);
	right_cell(T("at closing"), COUNT_W);
	for (int i = 0; i < 2; i++) {
		/* TRANSLATORS: the report's columns, each at most 7 letters wide */
		right_cell(T("median"), STAT_W);
		right_cell(T("p90"), STAT_W);
		right_cell(T("max"), STAT_W);
		right_cell(i == 0 ? within_wait : within_service, STAT_W);
	}
	printf("\n");
}

void
kz_report_print_groups(const struct kz_report *r, int kk)
{
	char label[KZ_NAME_LEN + 32];

	print_heading(T("ALL"), r);
	print_group(T("all"), &r->total);
	print_heading(T("SERVICE"), r);
	for (int i = 0; i < r->nservices; i++) {
		snprintf(label, sizeof label, "%s %s", r->services[i].key,
			kk ? r->services[i].name_kk : r->services[i].name_ru);
		print_group(label, &r->services[i]);
	}
	print_heading(T("COUNTER"), r);
	for (int i = 0; i < r->ncounters; i++)
		print_group(r->counters[i].key, &r->counters[i]);
	print_heading(T("CLERK"), r);
	for (int i = 0; i < r->nclerks; i++)
		print_group(r->clerks[i].key, &r->clerks[i]);
	print_heading(T("HOUR OF ARRIVAL"), r);
	for (int h = 0; h < 24; h++)
		if (r->hours[h].places > 0) {
			snprintf(label, sizeof label, "%02d:00-%02d:59", h, h);
			print_group(label, &r->hours[h]);
		}
}

/* What an App. 4 value rests on: "(20 of 23 ballots)". */
static void
app4_current(const struct kz_app4_row *row, char *out, size_t len)
{
	const char *basis = strcmp(row->basis, "ballots") == 0 ? T("ballots")
		: row->basis[0] != '\0'                        ? T("applications")
							       : "";

	if (row->current >= 0 && row->basis[0] != '\0')
		/* TRANSLATORS: an App. 4 value, %d of %d ballots or applications */
		snprintf(out, len, T("%5.1f%% (%d of %d %s)"), row->current, row->count, row->of,
			basis);
	else if (row->current >= 0)
		snprintf(out, len, T("%5.1f%% (configured)"), row->current);
	else /* none yet: say so, n = 0, never a bare dash */
		snprintf(out, len, "    - (0 %s)", basis);
}

void
kz_report_print_cases(const struct kz_report *r, const struct kz_config *cfg, int kk)
{
	struct kz_app4_row rows[KZ_APP4_ROWS];
	const struct kz_report_apps *a = &r->apps;
	const struct kz_report_complaints *c = &r->complaints;

	printf("\n%s", T("BUSIEST HOURS:"));
	for (int i = 0; i < 3 && r->busiest[i] >= 0; i++)
		printf(" %02d:00 (%d)", r->busiest[i], r->hours[r->busiest[i]].places);
	printf("%s\n", r->busiest[0] < 0 ? " -" : "");
	if (a->available)
		printf(T("APPLICATIONS: accepted %d, refused (p.16) %d; term ended %d: on time %d, "
			 "late %d, deemed approved %d; uncollected after 6 months %d; refusal "
			 "notices late %d\n"),
			a->accepted, a->refused, a->due, a->on_time, a->late, a->deemed,
			a->uncollected, a->notices_late);
	else
		printf("%s\n", T("APPLICATIONS: none registered in this database"));
	if (c->available)
		printf(T("COMPLAINTS: received %d, answered %d (on time %d, late %d), overdue now "
			 "%d\n"),
			c->received, c->answered, c->on_time, c->late, c->overdue);
	else
		printf("%s\n", T("COMPLAINTS: none registered in this database"));
	kz_report_app4(r, &cfg->targets, rows);
	printf("\n");
	kz_cli_cell(stdout, T("APP. 4"), 7);
	kz_cli_cell(stdout, T("NORM"), 7);
	kz_cli_cell(stdout, T("TARGET"), 8);
	kz_cli_cell(stdout, T("CURRENT (OF n)"), 34);
	printf("%s\n", T("INDICATOR"));
	for (int i = 0; i < KZ_APP4_ROWS; i++) {
		char current[128];
		app4_current(&rows[i], current, sizeof current);
		printf("%-6s %4d%%  %5d%%  ", rows[i].code, rows[i].norm, rows[i].target);
		kz_cli_cell(stdout, current, 34);
		printf("%s\n", kk ? rows[i].name_kk : rows[i].name_ru);
	}
}

/* --- the range ------------------------------------------------------------ */

int
kz_report_cli_range(struct kz_cli *cli, char *from, char *to)
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
