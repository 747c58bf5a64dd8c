/*
 * cmd-calendar.c - kezek calendar [YEAR | YEAR-MM | due DATE | now]:
 * the working calendar with days off marked and named, the p.7.1 due date
 * of an application, and whether the office is open now.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", N("the language it speaks (default: [hall] staff_lang)")},
	{NULL, NULL, NULL},
};

static const char *const month_names[] = {N("January"), N("February"), N("March"), N("April"),
	N("May"), N("June"), N("July"), N("August"), N("September"), N("October"), N("November"),
	N("December")};
static const char *const weekday_names[] = {N("Sun"), N("Mon"), N("Tue"), N("Wed"), N("Thu"),
	N("Fri"), N("Sat")};

static const char *
weekday(struct kz_date d)
{
	return T(weekday_names[kz_date_weekday(d)]);
}

static const char *
day_name(const struct kz_day *day)
{
	return kz_cal_day_name(day, NULL, kz_cli_lang());
}

/* One line for a day that is not what its weekday suggests. */
static void
print_special(const struct kz_day *day)
{
	char from[11] = "";

	if (day->from.y)
		kz_date_format(day->from, from);
	printf("  %2d %s  ", day->date.d, weekday(day->date));
	switch (day->kind) {
	case KZ_HOLIDAY:
		printf("%s\n", day_name(day));
		break;
	case KZ_HOLIDAY_MOVED:
		printf(T("day off for %s (%s)"), day_name(day), from);
		printf("\n");
		break;
	case KZ_TRANSFER_OFF:
		printf(T("day off, transferred from %s"), from);
		printf("%s%s\n", day->source ? ": " : "", day->source ? day->source : "");
		break;
	case KZ_TRANSFER_WORK:
		printf(T("working day, for the day off on %s"), from);
		printf("\n");
		break;
	default:
		break;
	}
}

static void
print_month(struct kz_calendar *cal, int y, int m)
{
	struct kz_date d = {y, m, 1};
	struct kz_day day;
	char warning[512];
	int col = (kz_date_weekday(d) + 6) % 7; /* weeks start on Monday */

	/* TRANSLATORS: the days of the week, Monday first, each in 4 columns */
	printf("%s %d\n%s\n%*s", T(month_names[m - 1]), y, T(" Mo  Tu  We  Th  Fr  Sa  Su"),
		col * 4, "");
	for (; d.m == m; d = kz_date_from_days(kz_date_days(d) + 1)) {
		int weekend = kz_date_weekday(d) == 0 || kz_date_weekday(d) == 6;
		kz_cal_day(cal, d, &day);
		/* '*': a weekday off; '+': a weekend day worked */
		printf("%3d%c", d.d,
			!day.working && !weekend         ? '*'
				: day.working && weekend ? '+'
							 : ' ');
		if (++col == 7) {
			printf("\n");
			col = 0;
		}
	}
	if (col)
		printf("\n");
	for (d = (struct kz_date){y, m, 1}; d.m == m; d = kz_date_from_days(kz_date_days(d) + 1)) {
		kz_cal_day(cal, d, &day);
		if (day.kind != KZ_WORKDAY && day.kind != KZ_WEEKEND)
			print_special(&day);
	}
	if (kz_cli_cal_warning(cal, (struct kz_date){y, m, 1}, (struct kz_date){y, m, 1}, warning,
		    sizeof warning))
		printf("  (%s)\n", warning);
	printf("\n");
}

static int
print_due(struct kz_cli *cli, const char *text)
{
	struct kz_date accepted, due;
	char a[11], d[11], warning[512];

	if (kz_date_parse(text, &accepted) < 0)
		return kz_cli_usage(cli, "'%s' is not a date; write it as 2026-12-14", text);
	due = kz_cal_due(cli->cal, accepted);
	kz_date_format(accepted, a);
	kz_date_format(due, d);
	printf("%s\n", d);
	printf(T("accepted %s (%s); due %s (%s), the 3rd working day after acceptance (p.7.1)"), a,
		weekday(accepted), d, weekday(due));
	printf("\n");
	/* a due date on data not decreed is said to be one, and exits so */
	if (kz_cli_cal_warning(cli->cal, accepted, due, warning, sizeof warning) == NULL)
		return KZ_EXIT_OK;
	printf("%s\n", warning);
	return KZ_EXIT_UNSURE;
}

static int
print_now(struct kz_cli *cli)
{
	static const char *const states[] = {N("open"), N("closed: not open yet"),
		N("closed: lunch"), N("closed for the day"), N("closed: day off")};
	int64_t now = kz_clock_now(), next;
	struct kz_office o;
	char when[40], warning[512];

	kz_cal_office(cli->cal, now, &o);
	kz_clock_format(now, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s  %s", when, T(states[o.state]));
	if (o.state == KZ_OFFICE_DAY_OFF && o.day.name)
		printf(" (%s)", day_name(&o.day));
	next = o.state == KZ_OFFICE_OPEN ? o.next_break : o.next_open;
	kz_clock_format(next, "%Y-%m-%d %H:%M", when, sizeof when);
	printf(o.state == KZ_OFFICE_OPEN ? T("; until %s") : T("; opens %s"), when);
	printf("\n");
	/* today and the day it opens next: both rest on the year's data */
	if (kz_cli_cal_warning(cli->cal, kz_date_of(now), kz_date_of(next), warning,
		    sizeof warning) == NULL)
		return KZ_EXIT_OK;
	printf("%s\n", warning);
	return KZ_EXIT_UNSURE;
}

static int
exec(struct kz_cli *cli)
{
	const char *arg = cli->argc ? cli->argv[0] : NULL;
	struct kz_date today = kz_date_of(kz_clock_now());
	int y, m, n = 0;
	if (arg && strcmp(arg, "due") == 0)
		return cli->argc == 2
			? print_due(cli, cli->argv[1])
			: kz_cli_usage(cli, "give the day of acceptance: due 2026-12-14");
	if (cli->argc > 1)
		return kz_cli_usage(cli, "too many arguments");
	if (arg && strcmp(arg, "now") == 0)
		return print_now(cli);
	if (arg == NULL) {
		print_month(cli->cal, today.y, today.m);
		return KZ_EXIT_OK;
	}
	if (sscanf(arg, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && strlen(arg) == 7 && m >= 1 &&
		m <= 12 && y >= 1992 && y <= 2099) {
		print_month(cli->cal, y, m);
		return KZ_EXIT_OK;
	}
	if (sscanf(arg, "%4d%n", &y, &n) == 1 && n == 4 && strlen(arg) == 4 && y >= 1992 &&
		y <= 2099) {
		for (m = 1; m <= 12; m++)
			print_month(cli->cal, y, m);
		return KZ_EXIT_OK;
	}
	return kz_cli_usage(cli,
		"'%s' is not a year (2026), a month (2026-03), 'due DATE' or "
		"'now'",
		arg);
}

const struct kz_cmd kz_cmd_calendar = {
	/* calendar due and now exit KZ_EXIT_UNSURE (4) when the answer rests on
	 * holiday data not decreed (a provisional or a missing year file) */
	.name = "calendar",
	.args = "[YEAR | YEAR-MM | due DATE | now]",
	.summary =
		N("the working calendar: days off marked and named, due dates, office hours "
		  "now; 'due' and 'now' exit 4 when the answer rests on holiday data not decreed "
		  "(a provisional or missing year), saying so"),
	.options = options,
	.max_args = 2,
	.flags = KZ_CMD_CAL | KZ_CMD_LANG,
	.exec = exec,
};
