/* test_calendar.c - days off of 2025 and 2026 against the official lists,
 * office hours, and the standard's deadlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/error.h"

static struct kz_calendar *cal;

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	if (kz_clock_setup("Asia/Almaty", NULL, err) != KZ_OK ||
		kz_cal_load(KZ_SOURCE_DIR "/config/holidays", NULL, &cal, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	kz_cal_free(cal);
	return 0;
}

static struct kz_date
date(const char *s)
{
	struct kz_date d;

	if (kz_date_parse(s, &d) < 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* The day's holiday named in kk and in ru, each as the Law names it. */
static void
assert_named(const char *day, const char *kk, const char *ru)
{
	struct kz_day d;

	kz_cal_day(cal, date(day), &d);
	assert_non_null(d.name);
	assert_string_equal(kz_cal_day_name(&d, NULL, "kk"), kk);
	assert_string_equal(kz_cal_day_name(&d, NULL, "ru"), ru);
}

/* Every Monday-Friday of year is working unless listed in off; every
 * weekend day is off unless listed in worked. */
static void
check_year(int year, const char *const *off, const char *const *worked)
{
	struct kz_date d = {year, 1, 1};
	char s[11];

	for (; d.y == year; d = kz_date_from_days(kz_date_days(d) + 1)) {
		int wd = kz_date_weekday(d), expect_working = wd != 0 && wd != 6;
		kz_date_format(d, s);
		for (int i = 0; off[i]; i++)
			if (strcmp(off[i], s) == 0)
				expect_working = 0;
		for (int i = 0; worked[i]; i++)
			if (strcmp(worked[i], s) == 0)
				expect_working = 1;
		if (kz_cal_is_working(cal, d) != expect_working)
			fail_msg("%s: working %d, expected %d", s, !expect_working, expect_working);
	}
	for (int i = 0; off[i]; i++)
		assert_int_equal(kz_cal_is_working(cal, date(off[i])), 0);
}

/* The Ministry of Labour's production calendars (config/holidays/EXPECTED.md). */
static void
test_days_off_2025(void **state)
{
	static const char *const off[] = {"2025-01-01", "2025-01-02", "2025-01-03", "2025-01-07",
		"2025-03-10", "2025-03-21", "2025-03-24", "2025-03-25", "2025-05-01", "2025-05-07",
		"2025-05-09", "2025-06-06", "2025-07-07", "2025-09-01", "2025-10-27", "2025-12-16",
		NULL};
	static const char *const worked[] = {"2025-01-05", NULL};
	struct kz_day day;

	(void)state;
	check_year(2025, off, worked);
	kz_cal_day(cal, date("2025-01-03"), &day);
	assert_int_equal(day.kind, KZ_TRANSFER_OFF);
	assert_int_equal(kz_date_cmp(day.from, date("2025-01-05")), 0);
	assert_non_null(strstr(day.source, "436"));
	assert_named("2025-06-06", "Құрбан айт", "Курбан айт");
}

static void
test_days_off_2026(void **state)
{
	static const char *const off[] = {"2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09",
		"2026-03-23", "2026-03-24", "2026-03-25", "2026-05-01", "2026-05-07", "2026-05-11",
		"2026-05-27", "2026-07-06", "2026-10-26", "2026-12-16", NULL};
	static const char *const worked[] = {NULL};
	struct kz_day day;

	(void)state;
	check_year(2026, off, worked);
	/* Nauryz: 21 (Sat) and 22 (Sun) move to 24 and 25; 23 is Nauryz itself */
	kz_cal_day(cal, date("2026-03-25"), &day);
	assert_int_equal(day.kind, KZ_HOLIDAY_MOVED);
	assert_int_equal(kz_date_cmp(day.from, date("2026-03-22")), 0);
	assert_named("2026-03-25", "Наурыз мейрамы", "Наурыз мейрамы");
	/* 9 May is a Saturday: Monday 11 May is off */
	kz_cal_day(cal, date("2026-05-11"), &day);
	assert_int_equal(day.kind, KZ_HOLIDAY_MOVED);
	assert_named("2026-05-11", "Жеңіс күні", "День Победы");
	/* 30 August is no longer a holiday from 2026: Monday 31 August works */
	assert_int_equal(kz_cal_is_working(cal, date("2026-08-31")), 1);
	/* religious days do not move: 7 January 2024 was a Sunday */
	assert_int_equal(kz_cal_is_working(cal, date("2024-01-08")), 1);
}

static void
test_due_dates(void **state)
{
	static const char *const cases[][2] = {
		{"2026-12-14", "2026-12-18"}, /* Monday; Wednesday 16 Dec is off */
		{"2026-12-16", "2026-12-21"}, /* accepted on a holiday: Thu, Fri, Mon */
		{"2026-03-19", "2026-03-27"}, /* across Nauryz 23-25 March */
		{"2026-03-20", "2026-03-30"}, /* Friday before Nauryz */
		{"2025-01-02", "2025-01-08"}, /* Sunday 5 Jan worked; 7 Jan off */
		{"2024-05-02", "2024-05-06"}, /* Saturday 4 May 2024 was a working day */
		{"2024-05-06", "2024-05-14"}, /* 7, 8 (transferred) and 9 May off: 10, 13, 14 */
		{"2026-12-30", "2027-01-06"}, /* the year's end: 1 Jan, 4 Jan (for the 2nd) off */
		{"2026-05-08", "2026-05-14"}, /* Friday; Monday 11 May is off for 9 May */
		{"2026-11-25", "2026-11-30"}, /* an ordinary Wednesday: Thu, Fri, Mon */
	};
	char got[11];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		kz_date_format(kz_cal_due(cal, date(cases[i][0])), got);
		if (strcmp(got, cases[i][1]) != 0)
			fail_msg("accepted %s: due %s, expected %s", cases[i][0], got, cases[i][1]);
	}
}

static void
test_open_and_closed_through_the_day(void **state)
{
	static const struct {
		const char *at;
		enum kz_office_state state;
		const char *next; /* next opening, or next break while open */
	} cases[] = {
		{"2026-03-20T08:59", KZ_OFFICE_BEFORE_HOURS, "2026-03-20T09:00"},
		{"2026-03-20T09:00", KZ_OFFICE_OPEN, "2026-03-20T13:00"},
		{"2026-03-20T12:59", KZ_OFFICE_OPEN, "2026-03-20T13:00"},
		{"2026-03-20T13:00", KZ_OFFICE_LUNCH, "2026-03-20T14:00"},
		{"2026-03-20T14:00", KZ_OFFICE_OPEN, "2026-03-20T18:00"},
		{"2026-03-20T17:59", KZ_OFFICE_OPEN, "2026-03-20T18:00"},
		{"2026-03-20T18:00", KZ_OFFICE_AFTER_HOURS, "2026-03-26T09:00"},
		{"2026-03-21T10:00", KZ_OFFICE_DAY_OFF, "2026-03-26T09:00"},
		{"2026-12-31T18:30", KZ_OFFICE_AFTER_HOURS, "2027-01-05T09:00"},
	};
	char err[KZ_ERR_LEN];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct kz_office o;
		int64_t t, want;
		assert_int_equal(kz_clock_parse_local(cases[i].at, &t, err), KZ_OK);
		assert_int_equal(kz_clock_parse_local(cases[i].next, &want, err), KZ_OK);
		kz_cal_office(cal, t, &o);
		if (o.state != cases[i].state)
			fail_msg("%s: state %d, expected %d", cases[i].at, o.state, cases[i].state);
		assert_int_equal(o.state == KZ_OFFICE_OPEN ? o.next_break : o.next_open, want);
	}
}

static void
test_day_off_names_the_holiday(void **state)
{
	char err[KZ_ERR_LEN];
	struct kz_office o;
	int64_t t;

	(void)state;
	assert_int_equal(kz_clock_parse_local("2026-12-16T11:00", &t, err), KZ_OK);
	kz_cal_office(cal, t, &o);
	assert_int_equal(o.state, KZ_OFFICE_DAY_OFF);
	assert_string_equal(kz_cal_day_name(&o.day, NULL, "ru"), "День Независимости");
	assert_string_equal(kz_cal_day_name(&o.day, NULL, "kk"), "Тәуелсіздік күні");
	assert_string_equal(kz_cal_day_name(&o.day, NULL, "en"), "Independence Day");
	/* a working day names none */
	kz_cal_day(cal, date("2026-12-15"), &o.day);
	assert_null(kz_cal_day_name(&o.day, NULL, "kk"));
}

/* Each of the Law's holidays, in the years it held, is named in Kazakh and
 * in Russian by the catalogues (the Law's own names), never left English. */
static void
test_every_holiday_of_the_law_is_named_in_both_languages(void **state)
{
	static const struct {
		const char *day, *kk, *ru;
	} law[] = {
		{"2026-01-01", "Жаңа жыл", "Новый год"},
		{"2026-01-02", "Жаңа жыл", "Новый год"},
		{"2026-01-07", "Православиелік Рождество", "Православное Рождество"},
		{"2026-03-08", "Халықаралық әйелдер күні", "Международный женский день"},
		{"2027-03-15", "Қазақстан Республикасының Конституциясы күні",
			"День Конституции Республики Казахстан"},
		{"2026-03-21", "Наурыз мейрамы", "Наурыз мейрамы"},
		{"2026-05-01", "Қазақстан халқының бірлігі мерекесі",
			"Праздник единства народа Казахстана"},
		{"2026-05-07", "Отан қорғаушы күні", "День защитника Отечества"},
		{"2026-05-09", "Жеңіс күні", "День Победы"},
		{"2026-07-06", "Астана күні", "День Столицы"},
		{"2025-08-30", "Қазақстан Республикасының Конституциясы күні",
			"День Конституции Республики Казахстан"},
		{"2024-10-25", "Республика күні", "День Республики"},
		{"2020-12-01", "Қазақстан Республикасының Тұңғыш Президенті күні",
			"День Первого Президента Республики Казахстан"},
		{"2026-12-16", "Тәуелсіздік күні", "День Независимости"},
		{"2020-12-17", "Тәуелсіздік күні", "День Независимости"},
		{"2026-05-27", "Құрбан айт", "Курбан айт"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof law / sizeof law[0]; i++)
		assert_named(law[i].day, law[i].kk, law[i].ru);
	/* and every day off of a year, moved ones too, has a name in each */
	for (struct kz_date d = {2026, 1, 1}; d.y == 2026;
		d = kz_date_from_days(kz_date_days(d) + 1)) {
		struct kz_day day;
		kz_cal_day(cal, d, &day);
		if (day.kind != KZ_HOLIDAY && day.kind != KZ_HOLIDAY_MOVED)
			continue;
		for (int l = 0; l < 2; l++) {
			const char *name = kz_cal_day_name(&day, NULL, l ? "ru" : "kk");
			if (name == NULL || strcmp(name, day.name) == 0)
				fail_msg("%04d-%02d-%02d: '%s' has no name in %s", d.y, d.m, d.d,
					day.name, l ? "ru" : "kk");
		}
	}
}

/* A holiday a year's file adds is named by the file, in both languages;
 * a file that names it in one only is refused. */
static void
test_a_holiday_the_file_adds_is_named_by_it(void **state)
{
	char dir[] = "/tmp/kezek-holidays-XXXXXX", path[64], err[KZ_ERR_LEN] = "";
	struct kz_calendar *c = NULL;
	struct kz_day day;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/2026.ini", dir);
	test_write_file(path,
		"[year]\nyear = 2026\nstatus = decreed\n[holiday-added 1]\n"
		"date = 2026-06-01\nkind = public\nname = День защиты детей\n"
		"name_kk = Балаларды қорғау күні\n");
	assert_int_equal(kz_cal_load(dir, NULL, &c, err), KZ_OK);
	kz_cal_day(c, date("2026-06-01"), &day);
	assert_int_equal(day.kind, KZ_HOLIDAY);
	assert_string_equal(kz_cal_day_name(&day, NULL, "kk"), "Балаларды қорғау күні");
	assert_string_equal(kz_cal_day_name(&day, NULL, "ru"), "День защиты детей");
	kz_cal_free(c);
	test_write_file(path,
		"[year]\nyear = 2026\nstatus = decreed\n[holiday-added 1]\n"
		"date = 2026-06-01\nkind = public\nname = День защиты детей\n");
	assert_int_equal(kz_cal_load(dir, NULL, &c, err), KZ_ECONFIG);
	assert_null(c);
	assert_non_null(strstr(err, "2026.ini"));
	assert_non_null(strstr(err, "name_kk"));
	unlink(path);
	rmdir(dir);
}

static void
test_calendar_day_terms_and_months(void **state)
{
	char got[11];

	(void)state;
	/* p.25: 15 days from 6 March 2026 is Saturday 21 March, during Nauryz:
	 * the term ends on the next working day, Thursday 26 March */
	kz_date_format(kz_cal_add_calendar_days(cal, date("2026-03-06"), 15), got);
	assert_string_equal(got, "2026-03-26");
	kz_date_format(kz_cal_add_calendar_days(cal, date("2026-11-02"), 30), got);
	assert_string_equal(got, "2026-12-02");
	/* p.26: six months */
	kz_date_format(kz_date_add_months(date("2026-03-20"), 6), got);
	assert_string_equal(got, "2026-09-20");
	kz_date_format(kz_date_add_months(date("2026-08-31"), 6), got);
	assert_string_equal(got, "2027-02-28");
	kz_date_format(kz_date_add_months(date("2027-08-31"), 6), got);
	assert_string_equal(got, "2028-02-29");
}

static void
test_date_parsing(void **state)
{
	struct kz_date d;

	(void)state;
	assert_int_equal(kz_date_parse("2026-02-29", &d), -1);
	assert_int_equal(kz_date_parse("2026-13-01", &d), -1);
	assert_int_equal(kz_date_parse("2026-1-01", &d), -1);
	assert_int_equal(kz_date_parse("2026-01-01x", &d), -1);
	assert_int_equal(kz_date_parse("2028-02-29", &d), 0);
	assert_int_equal(kz_date_weekday(d), 2); /* a Tuesday */
}

static void
test_malformed_holiday_file_is_refused_with_its_line(void **state)
{
	char dir[] = "/tmp/kezek-holidays-XXXXXX", path[64], err[KZ_ERR_LEN] = "";
	struct kz_calendar *bad = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/2026.ini", dir);
	test_write_file(path, "[year]\nyear = 2026\n[transfer 1]\nday_off = 2026-02-30\n");
	assert_int_equal(kz_cal_load(dir, NULL, &bad, err), KZ_ECONFIG);
	assert_null(bad);
	assert_non_null(strstr(err, "2026.ini:4:"));
	assert_non_null(strstr(err, "2026-02-30"));
	test_write_file(path, "[year]\nyear = 2025\n");
	assert_int_equal(kz_cal_load(dir, NULL, &bad, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "does not match"));
	unlink(path);
	rmdir(dir);
	assert_int_equal(kz_cal_load("/nonexistent", NULL, &bad, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "/nonexistent"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_off_2025),
		cmocka_unit_test(test_days_off_2026),
		cmocka_unit_test(test_due_dates),
		cmocka_unit_test(test_open_and_closed_through_the_day),
		cmocka_unit_test(test_day_off_names_the_holiday),
		cmocka_unit_test(test_every_holiday_of_the_law_is_named_in_both_languages),
		cmocka_unit_test(test_a_holiday_the_file_adds_is_named_by_it),
		cmocka_unit_test(test_calendar_day_terms_and_months),
		cmocka_unit_test(test_date_parsing),
		cmocka_unit_test(test_malformed_holiday_file_is_refused_with_its_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
