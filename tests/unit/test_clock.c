/* test_clock.c - the injected clock and Asia/Almaty local time. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/error.h"

/* UTC instant of a UTC calendar time, independent of TZ. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {.tm_year = y - 1900,
		.tm_mon = mo - 1,
		.tm_mday = d,
		.tm_hour = h,
		.tm_min = mi};
	return (int64_t)timegm(&tm);
}

static void
test_local_time_is_utc_plus_5_since_march_2024(void **state)
{
	char err[KZ_ERR_LEN];
	int64_t t;

	(void)state;
	assert_int_equal(kz_clock_setup("Asia/Almaty", "2026-03-20T10:15", err), KZ_OK);
	assert_int_equal(kz_clock_parse_local("2026-03-20T10:15", &t, err), KZ_OK);
	assert_int_equal(t, utc(2026, 3, 20, 5, 15));
	/* Before 1 March 2024 Almaty kept UTC+6. */
	assert_int_equal(kz_clock_parse_local("2024-01-10T10:00", &t, err), KZ_OK);
	assert_int_equal(t, utc(2024, 1, 10, 4, 0));
}

static void
test_injected_clock_stands_at_the_given_moment(void **state)
{
	char err[KZ_ERR_LEN];
	int64_t now;

	(void)state;
	assert_int_equal(kz_clock_setup("Asia/Almaty", "2026-12-14T09:00:30", err), KZ_OK);
	now = kz_clock_now();
	/* it advances at the real pace, so allow the test's own run time */
	assert_true(now >= utc(2026, 12, 14, 4, 0) + 30);
	assert_true(now <= utc(2026, 12, 14, 4, 0) + 40);
}

static void
test_environment_sets_the_clock(void **state)
{
	char err[KZ_ERR_LEN], day[11];

	(void)state;
	setenv(KZ_NOW_ENV, "2027-01-04T03:00", 1);
	assert_int_equal(kz_clock_setup(NULL, NULL, err), KZ_OK);
	unsetenv(KZ_NOW_ENV);
	/* 03:00 local is 22:00 UTC the day before: the local day counts. */
	kz_clock_day(kz_clock_now(), day);
	assert_string_equal(day, "2027-01-04");
}

static void
test_malformed_times_are_refused_with_the_expected_form(void **state)
{
	static const char *bad[] = {
		"",
		"2026-03-20T10",
		"2026-3-20T10:15",
		"20260320T1015",
		"2026-03-20T25:00",
		"2026-02-29",
		"2026-03-20T10:15Z",
		"2026-03-20T 1:15",
		"tomorrow",
		"2026-03-20T10:60",
		"+026-03-20T10:15",
		"2026-03-20X10:15",
	};
	char err[KZ_ERR_LEN];
	int64_t t = 42;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		assert_int_equal(kz_clock_parse_local(bad[i], &t, err), KZ_EINVAL);
		assert_true(strlen(err) > 0);
		assert_int_equal(t, 42);
	}
	assert_int_equal(kz_clock_setup("Asia/Almaty", "nonsense", err), KZ_EINVAL);
	assert_non_null(strstr(err, "2026-03-20T10:15"));
}

static void
test_accepted_forms(void **state)
{
	char err[KZ_ERR_LEN];
	int64_t a, b, c;

	(void)state;
	assert_int_equal(kz_clock_setup("Asia/Almaty", NULL, err), KZ_OK);
	assert_int_equal(kz_clock_parse_local("2028-02-29", &a, err), KZ_OK);
	assert_int_equal(kz_clock_parse_local("2028-02-29 00:00", &b, err), KZ_OK);
	assert_int_equal(kz_clock_parse_local("2028-02-29T00:00:00", &c, err), KZ_OK);
	assert_int_equal(a, b);
	assert_int_equal(b, c);
	assert_int_equal(a, utc(2028, 2, 28, 19, 0));
}

static void
test_unknown_zone_is_a_configuration_error(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_clock_setup("Asia/Nowhere", NULL, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "Asia/Nowhere"));
}

static void
test_format_shows_local_time(void **state)
{
	char err[KZ_ERR_LEN], buf[32];

	(void)state;
	assert_int_equal(kz_clock_setup("Asia/Almaty", NULL, err), KZ_OK);
	kz_clock_format(utc(2026, 12, 31, 19, 30), "%Y-%m-%d %H:%M", buf, sizeof buf);
	assert_string_equal(buf, "2027-01-01 00:30");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_time_is_utc_plus_5_since_march_2024),
		cmocka_unit_test(test_injected_clock_stands_at_the_given_moment),
		cmocka_unit_test(test_environment_sets_the_clock),
		cmocka_unit_test(test_malformed_times_are_refused_with_the_expected_form),
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_unknown_zone_is_a_configuration_error),
		cmocka_unit_test(test_format_shows_local_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
