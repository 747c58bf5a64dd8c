/* clock.c - wall or injected clock, local time in the hall's zone; see clock.h. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "error.h"
#include "file.h"

static int injected;              /* nonzero: base_utc + elapsed monotonic time */
static int64_t base_utc;          /* the injected instant */
static struct timespec base_mono; /* monotonic time when it was injected */

/* zone is a place's time zone: named in the system's list of zones
 * (zone.tab, third column) and its file a compiled zone.  A path that
 * climbs out of the zone folder, a table, or "Factory" is none: the C
 * library would silently run such a "zone" as UTC. */
static int
zone_exists(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[512], line[512], magic[4];
	int listed = 0;
	FILE *f;

	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "Etc/UTC") == 0)
		return 1;
	if (zone[0] == '/' || strstr(zone, "..") != NULL)
		return 0;
	dir = dir && *dir ? dir : "/usr/share/zoneinfo";
	snprintf(path, sizeof path, "%s/zone.tab", dir);
	if ((f = kz_file_open(path, KZ_FILE_MAX_CONFIG, "list of time zones", NULL)) == NULL)
		return 0;
	while (!listed && fgets(line, sizeof line, f) != NULL) {
		char *name = line[0] == '#' ? NULL : strchr(line, '\t');
		if (name != NULL && (name = strchr(name + 1, '\t')) != NULL) {
			size_t n = strcspn(++name, "\t\n");
			listed = n == strlen(zone) && strncmp(name, zone, n) == 0;
		}
	}
	fclose(f);
	snprintf(path, sizeof path, "%s/%s", dir, zone);
	if (!listed || (f = kz_file_open(path, KZ_FILE_MAX_CONFIG, "time zone", NULL)) == NULL)
		return 0;
	listed = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return listed;
}

int
kz_clock_setup(const char *zone, const char *now_text, char *err)
{
	int64_t t;
	int rc;

	if (zone == NULL || *zone == '\0')
		zone = KZ_DEFAULT_ZONE;
	if (!zone_exists(zone))
		return kz_err(err, KZ_ECONFIG,
			"time zone '%s' is not a time zone this machine knows; set 'timezone' in "
			"[hall] to a zone of zone.tab such as Asia/Almaty (and install tzdata)",
			zone);
	setenv("TZ", zone, 1);
	tzset();

	if (now_text == NULL)
		now_text = getenv(KZ_NOW_ENV);
	if (now_text == NULL || *now_text == '\0') {
		kz_clock_use_wall();
		return KZ_OK;
	}
	rc = kz_clock_parse_local(now_text, &t, err);
	if (rc != KZ_OK)
		return rc;
	kz_clock_set(t);
	return KZ_OK;
}

void
kz_clock_set(int64_t t)
{
	injected = 1;
	base_utc = t;
	clock_gettime(CLOCK_MONOTONIC, &base_mono);
}

void
kz_clock_use_wall(void)
{
	injected = 0;
}

int64_t
kz_clock_now(void)
{
	struct timespec ts;

	if (!injected) {
		clock_gettime(CLOCK_REALTIME, &ts);
		return (int64_t)ts.tv_sec;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return base_utc + (int64_t)(ts.tv_sec - base_mono.tv_sec) -
		(ts.tv_nsec < base_mono.tv_nsec ? 1 : 0);
}

int64_t
kz_clock_from_local(int year, int month, int day, int hour, int min, int sec)
{
	struct tm tm = {0};

	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static int
days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

/* Digits of text[at..at+n) as a number, or -1 if any is not a digit. */
static int
digits(const char *text, int at, int n)
{
	int v = 0;

	for (int i = at; i < at + n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	return v;
}

int
kz_clock_parse_local(const char *text, int64_t *out, char *err)
{
	size_t len = strlen(text);
	int y, mo, d, h = 0, mi = 0, s = 0;

	/* Exactly YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS. */
	if (len != 10 && len != 16 && len != 19)
		goto bad;
	if (text[4] != '-' || text[7] != '-')
		goto bad;
	y = digits(text, 0, 4);
	mo = digits(text, 5, 2);
	d = digits(text, 8, 2);
	if (len >= 16) {
		if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':')
			goto bad;
		h = digits(text, 11, 2);
		mi = digits(text, 14, 2);
	}
	if (len == 19) {
		if (text[16] != ':')
			goto bad;
		s = digits(text, 17, 2);
	}
	if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0)
		goto bad;
	goto check;
bad:
	return kz_err(err, KZ_EINVAL,
		"'%s' is not a local time; write it as 2026-03-20T10:15 (Asia/Almaty time)", text);
check:
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
		h > 23 || mi > 59 || s > 59)
		return kz_err(err, KZ_EINVAL, "'%s' is not a real date and time of day", text);
	*out = kz_clock_from_local(y, mo, d, h, mi, s);
	return KZ_OK;
}

void
kz_clock_local(int64_t t, struct tm *out)
{
	time_t tt = (time_t)t;

	localtime_r(&tt, out);
}

void
kz_clock_format(int64_t t, const char *fmt, char *buf, size_t len)
{
	struct tm tm;

	kz_clock_local(t, &tm);
	if (strftime(buf, len, fmt, &tm) == 0 && len > 0)
		buf[0] = '\0';
}

void
kz_clock_day(int64_t t, char day[11])
{
	kz_clock_format(t, "%Y-%m-%d", day, 11);
}
