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
	{"lang", "kk|ru", "the language it speaks (default: [hall] staff_lang)"},
	{NULL, NULL, NULL},
};

static const char *const month_names[] = {"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"};
static const char *const weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

static const char *
day_name(const struct kz_day *day, int kk)
{
	return kk && day->name_kk ? day->name_kk : day->name_ru;
}

/* One line for a day that is not what its weekday suggests. */
static void
print_special(const struct kz_day *day, int kk)
{
	char from[11] = "";

	if (day->from.y)
		kz_date_format(day->from, from);
	printf("  %2d %s  ", day->date.d, weekday_names[kz_date_weekday(day->date)]);
	switch (day->kind) {
	case KZ_HOLIDAY:
		printf("%s\n", day_name(day, kk));
		break;
	case KZ_HOLIDAY_MOVED:
		printf("day off for %s (%s)\n", day_name(day, kk), from);
		break;
	case KZ_TRANSFER_OFF:
		printf("day off, transferred from %s%s%s\n", from, day->source ? ": " : "",
			day->source ? day->source : "");
		break;
	case KZ_TRANSFER_WORK:
		printf("working day, for the day off on %s\n", from);
		break;
	default:
		break;
	}
}

static void
print_month(struct kz_calendar *cal, int y, int m, int kk)
{
	struct kz_date d = {y, m, 1};
	struct kz_day day;
	int col = (kz_date_weekday(d) + 6) % 7; /* weeks start on Monday */

	printf("%s %d\n Mo  Tu  We  Th  Fr  Sa  Su\n%*s", month_names[m - 1], y, col * 4, "");
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
			print_special(&day, kk);
	}
	kz_cal_day(cal, (struct kz_date){y, m, 1}, &day);
	if (!day.data_known)
		printf("  (no decreed data for %d in the holidays folder: Kurban Ait and transfers "
		       "are not known)\n",
			y);
	printf("\n");
}

static int
print_due(struct kz_cli *cli, const char *text)
{
	struct kz_date accepted, due;
	char a[11], d[11];

	if (kz_date_parse(text, &accepted) < 0)
		return kz_cli_usage(cli, "'%s' is not a date; write it as 2026-12-14", text);
	due = kz_cal_due(cli->cal, accepted);
	kz_date_format(accepted, a);
	kz_date_format(due, d);
	printf("%s\naccepted %s (%s); due %s (%s), the 3rd working day after acceptance (p.7.1)\n",
		d, a, weekday_names[kz_date_weekday(accepted)], d,
		weekday_names[kz_date_weekday(due)]);
	return KZ_EXIT_OK;
}

static int
print_now(struct kz_cli *cli)
{
	static const char *const states[] = {"open", "closed: not open yet", "closed: lunch",
		"closed for the day", "closed: day off"};
	struct kz_office o;
	char when[40];

	kz_cal_office(cli->cal, kz_clock_now(), &o);
	kz_clock_format(kz_clock_now(), "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s  %s", when, states[o.state]);
	if (o.state == KZ_OFFICE_DAY_OFF && o.day.name_ru)
		printf(" (%s)", o.day.name_ru);
	kz_clock_format(o.state == KZ_OFFICE_OPEN ? o.next_break : o.next_open, "%Y-%m-%d %H:%M",
		when, sizeof when);
	printf("; %s %s\n", o.state == KZ_OFFICE_OPEN ? "until" : "opens", when);
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang"), *arg = cli->argc ? cli->argv[0] : NULL;
	struct kz_date today = kz_date_of(kz_clock_now());
	int y, m, n = 0, kk = lang && strcmp(lang, "kk") == 0;

	if (lang && !kk && strcmp(lang, "ru") != 0)
		return kz_cli_usage(cli, "--lang is kk or ru, not '%s'", lang);
	if (arg && strcmp(arg, "due") == 0)
		return cli->argc == 2
			? print_due(cli, cli->argv[1])
			: kz_cli_usage(cli, "give the day of acceptance: due 2026-12-14");
	if (cli->argc > 1)
		return kz_cli_usage(cli, "too many arguments");
	if (arg && strcmp(arg, "now") == 0)
		return print_now(cli);
	if (arg == NULL) {
		print_month(cli->cal, today.y, today.m, kk);
		return KZ_EXIT_OK;
	}
	if (sscanf(arg, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && strlen(arg) == 7 && m >= 1 &&
		m <= 12 && y >= 1992 && y <= 2099) {
		print_month(cli->cal, y, m, kk);
		return KZ_EXIT_OK;
	}
	if (sscanf(arg, "%4d%n", &y, &n) == 1 && n == 4 && strlen(arg) == 4 && y >= 1992 &&
		y <= 2099) {
		for (m = 1; m <= 12; m++)
			print_month(cli->cal, y, m, kk);
		return KZ_EXIT_OK;
	}
	return kz_cli_usage(cli,
		"'%s' is not a year (2026), a month (2026-03), 'due DATE' or "
		"'now'",
		arg);
}

const struct kz_cmd kz_cmd_calendar = {
	.name = "calendar",
	.args = "[YEAR | YEAR-MM | due DATE | now]",
	.summary = "the working calendar: days off marked and named, due dates, office hours now",
	.options = options,
	.max_args = 2,
	.flags = KZ_CMD_CAL | KZ_CMD_LANG,
	.exec = exec,
};
