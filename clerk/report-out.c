/*
 * report-out.c - a report (queue/report.h) as the terminal's table and as
 * CSV, the same for one hall's `kezek report` and the region's
 * `kezek region report`.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/report.h"
#include "report-out.h"

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
void
kz_report_print_lunch(const struct kz_report *r)
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

void
kz_report_print_groups(const struct kz_report *r, int kk)
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

void
kz_report_print_cases(const struct kz_report *r, const struct kz_config *cfg, int kk)
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
