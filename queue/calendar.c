/*
 * calendar.c - Kazakhstan's days off from rules and per-year data, office
 * hours and deadlines; see calendar.h.  A year's days are worked out once,
 * on first use, into a table of 366 entries.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "calendar.h"
#include "clock.h"
#include "error.h"
#include "file.h"
#include "i18n.h"

#define FIRST_YEAR  1992
#define LAST_YEAR   2099
#define NYEARS      (LAST_YEAR - FIRST_YEAR + 1)
#define MAX_ENTRIES 16

/* Mark an English msgid for tools/po-update.sh; kz_cal_day_name says it. */
#define N(msgid) (msgid)

/* A holiday of the Law "On holidays", with the years it holds.  Its name is
 * the English msgid whose Kazakh and Russian in po/ are the Law's own
 * (Қазақстан Республикасындағы мерекелер туралы / О праздниках в
 * Республике Казахстан, arts. 2-3; the Labour Code, art. 85, for the
 * religious days off). */
struct rule {
	int m, d;
	int from, to;  /* years, inclusive */
	int religious; /* 1: does not move off a weekend */
	const char *name;
};

static const struct rule rules[] = {
	{1, 1, 1992, LAST_YEAR, 0, N("New Year")},
	{1, 2, 1992, LAST_YEAR, 0, N("New Year")},
	{1, 7, 2007, LAST_YEAR, 1, N("Orthodox Christmas")},
	{3, 8, 1992, LAST_YEAR, 0, N("International Women's Day")},
	{3, 15, 2027, LAST_YEAR, 0, N("Constitution Day of the Republic of Kazakhstan")},
	{3, 21, 2010, LAST_YEAR, 0, N("Nauryz meiramy")},
	{3, 22, 1992, LAST_YEAR, 0, N("Nauryz meiramy")},
	{3, 23, 2010, LAST_YEAR, 0, N("Nauryz meiramy")},
	{5, 1, 1992, LAST_YEAR, 0, N("Day of Unity of the People of Kazakhstan")},
	{5, 7, 2013, LAST_YEAR, 0, N("Defender of the Fatherland Day")},
	{5, 9, 1992, LAST_YEAR, 0, N("Victory Day")},
	{7, 6, 2009, LAST_YEAR, 0, N("Capital Day")},
	/* 30 August held up to 2025: the Constitution of 15.03.2026 moved
	 * Constitution Day to 15 March, first observed in 2027. */
	{8, 30, 1996, 2025, 0, N("Constitution Day of the Republic of Kazakhstan")},
	{10, 25, 2022, LAST_YEAR, 0, N("Republic Day")},
	{12, 1, 2012, 2021, 0, N("Day of the First President of the Republic of Kazakhstan")},
	{12, 16, 1992, LAST_YEAR, 0, N("Independence Day")},
	{12, 17, 1992, 2021, 0, N("Independence Day")},
};
#define NRULES (int)(sizeof rules / sizeof rules[0])

/* The first day of Kurban Ait, a religious day off (its date: the year's file). */
static const char kurban[] = N("Kurban Ait");

/* What a year's file says. */
struct year_data {
	int loaded;            /* a file was read */
	int decreed;           /* status = decreed */
	struct kz_date kurban; /* y == 0: not known */
	char kurban_source[256];
	int ntransfers;
	struct {
		struct kz_date off, work; /* work.y == 0: none */
		char source[256];
	} transfer[MAX_ENTRIES];
	int nremoved;
	struct kz_date removed[MAX_ENTRIES];
	int nadded;
	struct {
		struct kz_date date;
		int religious;
		char ru[128], kk[128];
	} added[MAX_ENTRIES];
};

/* One day of a worked-out year. */
struct day_entry {
	unsigned char kind;   /* enum kz_day_kind */
	signed char rule;     /* index in rules[], NRULES + i: added[i], -2: Kurban Ait, -1 none */
	signed char transfer; /* index of the transfer, -1 none */
	short from_doy;       /* moved holiday's own day of the year (0-based), -1 none */
};

struct year_days {
	int done;
	struct day_entry day[366];
};

struct kz_calendar {
	struct kz_hours hours;
	struct year_data data[NYEARS];
	struct year_days days[NYEARS];
};

/* ---- civil dates (days since 1970-01-01, proleptic Gregorian) ---- */

int64_t
kz_date_days(struct kz_date dt)
{
	int64_t y = dt.y - (dt.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct kz_date
kz_date_from_days(int64_t z)
{
	struct kz_date dt;
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dt.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	dt.y = (int)(yoe + era * 400 + (dt.m <= 2));
	return dt;
}

int
kz_date_weekday(struct kz_date d)
{
	int64_t z = kz_date_days(d);

	return (int)((z % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

int
kz_date_cmp(struct kz_date a, struct kz_date b)
{
	int64_t x = kz_date_days(a), y = kz_date_days(b);

	return x < y ? -1 : x > y;
}

static int
days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

int
kz_date_parse(const char *s, struct kz_date *out)
{
	struct kz_date d;
	int n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &d.y, &d.m, &d.d, &n) != 3 || n != 10 ||
		s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	if (d.y < FIRST_YEAR || d.y > LAST_YEAR || d.m < 1 || d.m > 12 || d.d < 1 ||
		d.d > days_in_month(d.y, d.m))
		return -1;
	*out = d;
	return 0;
}

void
kz_date_format(struct kz_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
		(unsigned)d.d % 100u);
}

struct kz_date
kz_date_of(int64_t t)
{
	struct tm tm;
	struct kz_date d;

	kz_clock_local(t, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

int64_t
kz_date_at(struct kz_date d, int minute)
{
	return kz_clock_from_local(d.y, d.m, d.d, minute / 60, minute % 60, 0);
}

struct kz_date
kz_date_add_months(struct kz_date d, int n)
{
	int months = d.y * 12 + (d.m - 1) + n;
	struct kz_date r = {months / 12, months % 12 + 1, d.d};

	if (r.d > days_in_month(r.y, r.m))
		r.d = days_in_month(r.y, r.m);
	return r;
}

static int
day_of_year(struct kz_date d)
{
	struct kz_date jan1 = {d.y, 1, 1};

	return (int)(kz_date_days(d) - kz_date_days(jan1));
}

static struct kz_date
date_of_doy(int y, int doy)
{
	struct kz_date jan1 = {y, 1, 1};

	return kz_date_from_days(kz_date_days(jan1) + doy);
}

/* ---- the year files ---- */

struct load {
	struct year_data *yd;
	int year; /* from the file name */
	char reason[KZ_ERR_LEN];
	int failed;
	char section[64]; /* the section being filled, for new entries */
};

static int load_fail(struct load *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Record the first fault; returns 0 so handlers can "return load_fail(...)". */
static int
load_fail(struct load *l, const char *fmt, ...)
{
	va_list ap;

	if (!l->failed) {
		va_start(ap, fmt);
		vsnprintf(l->reason, sizeof l->reason, kz_err_format(fmt), ap);
		va_end(ap);
		l->failed = 1;
	}
	return 0;
}

static int
date_value(struct load *l, const char *key, const char *value, struct kz_date *out)
{
	if (kz_date_parse(value, out) < 0)
		return load_fail(l, N_("%s = '%s' is not a date YYYY-MM-DD"), key, value);
	return 1;
}

/* Sections "[transfer N]" etc. start a new entry when N changes. */
static int
entry_index(struct load *l, const char *section, int *count)
{
	if (strcmp(section, l->section) != 0) {
		if (*count == MAX_ENTRIES)
			return -1;
		(*count)++;
		snprintf(l->section, sizeof l->section, "%s", section);
	}
	return *count - 1;
}

static int
is_note(const char *name)
{
	return strcmp(name, "source") == 0 || strcmp(name, "adilet") == 0 ||
		strcmp(name, "name") == 0 || strcmp(name, "estimate") == 0;
}

static int
transfer_key(struct load *l, const char *section, const char *name, const char *value)
{
	struct year_data *yd = l->yd;
	int i = entry_index(l, section, &yd->ntransfers);

	if (i < 0)
		return load_fail(l, N_("more than 16 [transfer] sections"));
	if (strcmp(name, "day_off") == 0)
		return date_value(l, name, value, &yd->transfer[i].off);
	if (strcmp(name, "working") == 0)
		return date_value(l, name, value, &yd->transfer[i].work);
	if (strcmp(name, "source") == 0)
		snprintf(yd->transfer[i].source, sizeof yd->transfer[i].source, "%s", value);
	if (is_note(name))
		return 1;
	return load_fail(l, N_("unknown key '%s' in [%s]; known: day_off, working, source, adilet"),
		name, section);
}

static int
added_key(struct load *l, const char *section, const char *name, const char *value)
{
	struct year_data *yd = l->yd;
	int i = entry_index(l, section, &yd->nadded);

	if (i < 0)
		return load_fail(l, N_("more than 16 [holiday-added] sections"));
	if (strcmp(name, "date") == 0)
		return date_value(l, name, value, &yd->added[i].date);
	if (strcmp(name, "kind") == 0) {
		if (strcmp(value, "public") != 0 && strcmp(value, "religious") != 0)
			return load_fail(l, N_("kind = '%s': write public or religious"), value);
		yd->added[i].religious = value[0] == 'r';
		return 1;
	}
	if (strcmp(name, "name") == 0 || strcmp(name, "name_ru") == 0)
		snprintf(yd->added[i].ru, sizeof yd->added[i].ru, "%s", value);
	else if (strcmp(name, "name_kk") == 0)
		snprintf(yd->added[i].kk, sizeof yd->added[i].kk, "%s", value);
	else if (!is_note(name))
		return load_fail(l,
			N_("unknown key '%s' in [%s]; known: date, kind, name (or name_ru), "
			   "name_kk, source"),
			name, section);
	return 1;
}

static int
year_handler(void *user, const char *section, const char *name, const char *value)
{
	struct load *l = user;
	struct year_data *yd = l->yd;

	if (l->failed)
		return 0;
	if (strcmp(section, "year") == 0) {
		if (strcmp(name, "year") == 0 && atoi(value) != l->year)
			return load_fail(l, N_("year = %s does not match the file's name"), value);
		if (strcmp(name, "status") == 0) {
			if (strcmp(value, "decreed") != 0 && strcmp(value, "provisional") != 0)
				return load_fail(l,
					N_("status = '%s': write decreed or provisional"), value);
			yd->decreed = value[0] == 'd';
		} else if (strcmp(name, "year") != 0)
			return load_fail(l, N_("unknown key '%s' in [year]"), name);
		return 1;
	}
	if (strcmp(section, "kurban-ait") == 0) {
		if (strcmp(name, "date") == 0)
			return date_value(l, name, value, &yd->kurban);
		if (strcmp(name, "source") == 0)
			snprintf(yd->kurban_source, sizeof yd->kurban_source, "%s", value);
		return is_note(name) ? 1
				     : load_fail(l, N_("unknown key '%s' in [kurban-ait]"), name);
	}
	if (strncmp(section, "transfer ", 9) == 0)
		return transfer_key(l, section, name, value);
	if (strncmp(section, "holiday-removed ", 16) == 0) {
		int i = entry_index(l, section, &yd->nremoved);
		if (i < 0)
			return load_fail(l, N_("more than 16 [holiday-removed] sections"));
		if (strcmp(name, "date") == 0)
			return date_value(l, name, value, &yd->removed[i]);
		return is_note(name) ? 1
				     : load_fail(l, N_("unknown key '%s' in [%s]"), name, section);
	}
	if (strncmp(section, "holiday-added ", 14) == 0)
		return added_key(l, section, name, value);
	return load_fail(l,
		N_("unknown section [%s]; known: [year], [kurban-ait], [transfer N], "
		   "[holiday-removed N], [holiday-added N]"),
		section);
}

static int
load_year(struct kz_calendar *cal, const char *dir, int year, char *err)
{
	struct load l = {0};
	char path[1200];
	FILE *f;
	int line;

	l.yd = &cal->data[year - FIRST_YEAR];
	l.year = year;
	snprintf(path, sizeof path, "%s/%d.ini", dir, year);
	if ((f = kz_file_open(path, KZ_FILE_MAX_CONFIG, N_("holiday file"), err)) == NULL)
		return KZ_ECONFIG;
	line = ini_parse_file(f, year_handler, &l);
	fclose(f);
	if (line < 0)
		return kz_err(err, KZ_ECONFIG, N_("cannot read holiday data '%s'"), path);
	if (line > 0)
		return kz_err(err, KZ_ECONFIG, "%s:%d: %s", path, line,
			l.failed ? l.reason
				 : kz_err_format(
					   N_("not 'key = value', '[section]' or a ';' comment")));
	/* a holiday the file adds is named in both languages by the file */
	for (int i = 0; i < l.yd->nadded; i++)
		if (l.yd->added[i].date.y == 0 || l.yd->added[i].ru[0] == '\0' ||
			l.yd->added[i].kk[0] == '\0')
			return kz_err(err, KZ_ECONFIG,
				N_("%s: the %d. [holiday-added] section needs its date and its name "
				   "in both languages: date, name_ru (or name) and name_kk"),
				path, i + 1);
	l.yd->loaded = 1;
	return KZ_OK;
}

static int
load_dir(struct kz_calendar *cal, const char *dir, char *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = KZ_OK;

	if (d == NULL)
		return kz_err(err, KZ_ECONFIG,
			N_("cannot read the holiday folder '%s'; set 'holidays' in [hall]"), dir);
	while (rc == KZ_OK && (e = readdir(d)) != NULL) {
		int year, n = 0;
		if (sscanf(e->d_name, "%4d.ini%n", &year, &n) == 1 && n == (int)strlen(e->d_name) &&
			year >= FIRST_YEAR && year <= LAST_YEAR)
			rc = load_year(cal, dir, year, err);
	}
	closedir(d);
	return rc;
}

static const struct kz_hours default_hours = {
	.open = 9 * 60,
	.close = 18 * 60,
	.lunch_start = 13 * 60,
	.lunch_end = 14 * 60,
	.last_ticket = 30,
	.lunch_notice = 30,
};

int
kz_cal_load(const char *dir, const struct kz_hours *hours, struct kz_calendar **out, char *err)
{
	struct kz_calendar *cal = calloc(1, sizeof *cal);
	int rc;

	*out = NULL;
	if (cal == NULL)
		return kz_err(err, KZ_ENOMEM, N_("out of memory loading the calendar"));
	cal->hours = hours ? *hours : default_hours;
	if (dir != NULL && (rc = load_dir(cal, dir, err)) != KZ_OK) {
		free(cal);
		return rc;
	}
	*out = cal;
	return KZ_OK;
}

void
kz_cal_free(struct kz_calendar *cal)
{
	free(cal);
}

const struct kz_hours *
kz_cal_hours(const struct kz_calendar *cal)
{
	return &cal->hours;
}

/* ---- working out a year ---- */

static int
is_removed(const struct year_data *yd, struct kz_date d)
{
	for (int i = 0; i < yd->nremoved; i++)
		if (kz_date_cmp(yd->removed[i], d) == 0)
			return 1;
	return 0;
}

/* Mark holiday (rule index r) at d; public ones on a weekend are queued. */
static void
mark_holiday(struct year_days *yd, struct kz_date d, int r, int religious, int *moving,
	int *nmoving)
{
	int doy = day_of_year(d), wd = kz_date_weekday(d);

	if (yd->day[doy].kind == KZ_HOLIDAY)
		return; /* the same day by two titles: keep the first */
	yd->day[doy].kind = KZ_HOLIDAY;
	yd->day[doy].rule = (signed char)r;
	if (!religious && (wd == 0 || wd == 6))
		moving[(*nmoving)++] = doy;
}

static void
mark_transfers(struct kz_calendar *cal, int y, struct year_days *days)
{
	/* A transfer lives in the file of the year of its day off; its working
	 * day may fall in the year before or after. */
	for (int yy = y - 1; yy <= y + 1; yy++) {
		const struct year_data *yd;
		if (yy < FIRST_YEAR || yy > LAST_YEAR)
			continue;
		yd = &cal->data[yy - FIRST_YEAR];
		for (int i = 0; i < yd->ntransfers; i++) {
			if (yd->transfer[i].off.y == y) {
				int doy = day_of_year(yd->transfer[i].off);
				days->day[doy].kind = KZ_TRANSFER_OFF;
				days->day[doy].transfer =
					(signed char)(i + (yy - y + 1) * MAX_ENTRIES);
			}
			if (yd->transfer[i].work.y == y) {
				int doy = day_of_year(yd->transfer[i].work);
				days->day[doy].kind = KZ_TRANSFER_WORK;
				days->day[doy].transfer =
					(signed char)(i + (yy - y + 1) * MAX_ENTRIES);
			}
		}
	}
}

static void
work_out_year(struct kz_calendar *cal, int y)
{
	struct year_days *days = &cal->days[y - FIRST_YEAR];
	const struct year_data *yd = &cal->data[y - FIRST_YEAR];
	int ndays = days_in_month(y, 2) == 29 ? 366 : 365, moving[64], nmoving = 0;

	for (int i = 0; i < ndays; i++) {
		int wd = kz_date_weekday(date_of_doy(y, i));
		days->day[i] = (struct day_entry){wd == 0 || wd == 6 ? KZ_WEEKEND : KZ_WORKDAY, -1,
			-1, -1};
	}
	for (int r = 0; r < NRULES; r++) {
		struct kz_date d = {y, rules[r].m, rules[r].d};
		if (y >= rules[r].from && y <= rules[r].to && !is_removed(yd, d))
			mark_holiday(days, d, r, rules[r].religious, moving, &nmoving);
	}
	for (int i = 0; i < yd->nadded; i++)
		if (yd->added[i].date.y == y)
			mark_holiday(days, yd->added[i].date, NRULES + i, yd->added[i].religious,
				moving, &nmoving);
	if (yd->kurban.y == y)
		mark_holiday(days, yd->kurban, -2, 1, moving, &nmoving);
	mark_transfers(cal, y, days);
	/* Each weekend public holiday, in date order, takes the next day that
	 * is still an ordinary working day. */
	for (int a = 0; a < nmoving; a++)
		for (int b = a + 1; b < nmoving; b++)
			if (moving[b] < moving[a]) {
				int t = moving[a];
				moving[a] = moving[b];
				moving[b] = t;
			}
	for (int i = 0; i < nmoving; i++) {
		int doy = moving[i] + 1;
		while (doy < ndays && days->day[doy].kind != KZ_WORKDAY)
			doy++;
		if (doy < ndays) {
			days->day[doy].kind = KZ_HOLIDAY_MOVED;
			days->day[doy].rule = days->day[moving[i]].rule;
			days->day[doy].from_doy = (short)moving[i];
		}
	}
	days->done = 1;
}

static void
holiday_names(struct kz_calendar *cal, int y, int rule, struct kz_day *out)
{
	const struct year_data *yd = &cal->data[y - FIRST_YEAR];

	if (rule == -2) {
		out->name = kurban;
		out->source = yd->kurban_source[0] ? yd->kurban_source : NULL;
	} else if (rule >= NRULES) {
		out->name = out->file_ru = yd->added[rule - NRULES].ru;
		out->file_kk = yd->added[rule - NRULES].kk;
	} else if (rule >= 0) {
		out->name = rules[rule].name;
	}
}

const char *
kz_cal_day_name(const struct kz_day *day, struct kz_i18n *cat, const char *lang)
{
	int kk = lang && strcmp(lang, "kk") == 0, ru = lang && strcmp(lang, "ru") == 0;

	if (day->name == NULL)
		return NULL;
	if (day->file_ru != NULL)
		return kk ? day->file_kk : day->file_ru;
	if (!kk && !ru)
		return day->name;
	return kz_i18n_get(cat ? cat : kz_i18n_current(), lang, day->name);
}

void
kz_cal_day(struct kz_calendar *cal, struct kz_date date, struct kz_day *out)
{
	struct year_days *days;
	const struct day_entry *e;

	memset(out, 0, sizeof *out);
	out->date = date;
	if (date.y < FIRST_YEAR || date.y > LAST_YEAR) {
		int wd = kz_date_weekday(date);
		out->kind = wd == 0 || wd == 6 ? KZ_WEEKEND : KZ_WORKDAY;
		out->working = out->kind == KZ_WORKDAY;
		return;
	}
	days = &cal->days[date.y - FIRST_YEAR];
	if (!days->done)
		work_out_year(cal, date.y);
	e = &days->day[day_of_year(date)];
	out->kind = (enum kz_day_kind)e->kind;
	out->working = e->kind == KZ_WORKDAY || e->kind == KZ_TRANSFER_WORK;
	out->data_known =
		cal->data[date.y - FIRST_YEAR].loaded && cal->data[date.y - FIRST_YEAR].decreed;
	holiday_names(cal, date.y, e->rule, out);
	if (e->from_doy >= 0)
		out->from = date_of_doy(date.y, e->from_doy);
	if (e->transfer >= 0) {
		int yy = date.y + e->transfer / MAX_ENTRIES - 1, i = e->transfer % MAX_ENTRIES;
		const struct year_data *yd = &cal->data[yy - FIRST_YEAR];
		out->from = e->kind == KZ_TRANSFER_OFF ? yd->transfer[i].work : yd->transfer[i].off;
		out->source = yd->transfer[i].source[0] ? yd->transfer[i].source : NULL;
	}
}

int
kz_cal_is_working(struct kz_calendar *cal, struct kz_date date)
{
	struct kz_day day;

	kz_cal_day(cal, date, &day);
	return day.working;
}

/* ---- hours and deadlines ---- */

static struct kz_date
next_day(struct kz_date d)
{
	return kz_date_from_days(kz_date_days(d) + 1);
}

void
kz_cal_office(struct kz_calendar *cal, int64_t t, struct kz_office *out)
{
	const struct kz_hours *h = &cal->hours;
	struct kz_date d = kz_date_of(t);
	struct tm tm;
	int minute, has_lunch = h->lunch_end > h->lunch_start;

	memset(out, 0, sizeof *out);
	kz_clock_local(t, &tm);
	minute = tm.tm_hour * 60 + tm.tm_min;
	kz_cal_day(cal, d, &out->day);
	if (!out->day.working)
		out->state = KZ_OFFICE_DAY_OFF;
	else if (minute < h->open)
		out->state = KZ_OFFICE_BEFORE_HOURS;
	else if (minute >= h->close)
		out->state = KZ_OFFICE_AFTER_HOURS;
	else if (has_lunch && minute >= h->lunch_start && minute < h->lunch_end)
		out->state = KZ_OFFICE_LUNCH;
	else
		out->state = KZ_OFFICE_OPEN;

	if (out->state == KZ_OFFICE_OPEN) {
		out->next_break = kz_date_at(d,
			has_lunch && minute < h->lunch_start ? h->lunch_start : h->close);
		return;
	}
	if (out->state == KZ_OFFICE_BEFORE_HOURS) {
		out->next_open = kz_date_at(d, h->open);
		return;
	}
	if (out->state == KZ_OFFICE_LUNCH) {
		out->next_open = kz_date_at(d, h->lunch_end);
		return;
	}
	d = next_day(d);
	for (int i = 0; i < 400 && !kz_cal_is_working(cal, d); i++)
		d = next_day(d);
	out->next_open = kz_date_at(d, h->open);
}

struct kz_date
kz_cal_add_working_days(struct kz_calendar *cal, struct kz_date date, int n)
{
	while (n > 0) {
		date = next_day(date);
		if (kz_cal_is_working(cal, date))
			n--;
	}
	return date;
}

struct kz_date
kz_cal_due(struct kz_calendar *cal, struct kz_date accepted)
{
	return kz_cal_add_working_days(cal, accepted, 3);
}

struct kz_date
kz_cal_add_calendar_days(struct kz_calendar *cal, struct kz_date date, int n)
{
	struct kz_date end = kz_date_from_days(kz_date_days(date) + n);

	for (int i = 0; i < 400 && !kz_cal_is_working(cal, end); i++)
		end = next_day(end);
	return end;
}

enum kz_cal_data
kz_cal_year_data(const struct kz_calendar *cal, int year)
{
	const struct year_data *yd;

	if (year < FIRST_YEAR || year > LAST_YEAR)
		return KZ_CAL_MISSING;
	yd = &cal->data[year - FIRST_YEAR];
	return !yd->loaded ? KZ_CAL_MISSING : yd->decreed ? KZ_CAL_DECREED : KZ_CAL_PROVISIONAL;
}

enum kz_cal_data
kz_cal_span_data(const struct kz_calendar *cal, struct kz_date from, struct kz_date to)
{
	enum kz_cal_data worst = KZ_CAL_DECREED;

	for (int y = from.y; y <= to.y; y++) {
		enum kz_cal_data d = kz_cal_year_data(cal, y);
		if (d > worst)
			worst = d;
	}
	return worst;
}

const char *
kz_cal_data_name(enum kz_cal_data data)
{
	return data == KZ_CAL_MISSING        ? "missing"
		: data == KZ_CAL_PROVISIONAL ? "provisional"
					     : "decreed";
}

int
kz_cal_next_year_missing(const struct kz_calendar *cal, struct kz_date today)
{
	return today.m >= 11 && kz_cal_year_data(cal, today.y + 1) == KZ_CAL_MISSING ? today.y + 1
										     : 0;
}
