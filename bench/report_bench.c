/*
 * report_bench.c - figures, never a pass or fail: how long the managers'
 * report takes on years of a busy hall.  Generates (sim/generate.h) a
 * history of at least a million tickets into a fresh database, summarises
 * its days (queue/report-days.h; timed), then times the report for a day,
 * a week, a month, a year and the whole history, each five times (the
 * median is printed), and once each worked out from every ticket instead
 * (--scan, as before the summaries).
 *
 *   report_bench [--quick] [VISITORS_A_DAY] [FIRST_YEAR] [LAST_YEAR]  (1000 2022 2025)
 *
 * --quick generates one week of the last year (100 visitors a day) and
 * times the same reports over it: a check that the benchmark still works.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bench.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "sim/generate.h"
#include "queue/hall.h"
#include "queue/report.h"
#include "queue/report-days.h"

static char dir[256]; /* the scratch folder, removed on the way out */

static void
remove_dir(void)
{
	bench_remove_dir("report_bench", dir);
}

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "report_bench: %s: %s\n", what, err);
	remove_dir();
	exit(1);
}

static void
usage(void)
{
	printf("usage: report_bench [--quick] [VISITORS_A_DAY [FIRST_YEAR [LAST_YEAR]]]\n"
	       "Generates a busy hall's history (VISITORS_A_DAY visitors a working day, 1 to\n"
	       "3000, default 1000, from FIRST_YEAR to LAST_YEAR, default 2022 to 2025: about\n"
	       "a million tickets) into a database in a new folder under $TMPDIR or /tmp,\n"
	       "then times the managers' report over a day, a week, a month, a year and the\n"
	       "whole history (median of five), and removes the folder.\n"
	       "  --quick     one week of LAST_YEAR at 100 visitors a day (unless given):\n"
	       "              a few seconds; exits 1 if any part of the work fails\n"
	       "  -h, --help  this text\n");
}

static void
time_report(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *what, const char *from, const char *to)
{
	double ms[5], cpu[5], t0, c0;
	struct kz_report *r = NULL;
	char err[KZ_ERR_LEN];

	for (int i = 0; i < 5; i++) {
		t0 = bench_now();
		c0 = bench_cpu();
		if (kz_report_build(db, cal, cfg, from, to, &r, err) != KZ_OK)
			die(what, err);
		ms[i] = (bench_now() - t0) * 1000;
		cpu[i] = (bench_cpu() - c0) * 1000;
		if (i < 4)
			kz_report_free(r);
	}
	bench_sort(ms, 5);
	bench_sort(cpu, 5);
	printf("%-8s %s..%s  %8d tickets  median %8.1f ms  (min %.1f, max %.1f; cpu %.1f)", what,
		from, to, r->total.places, ms[2], ms[0], ms[4], cpu[2]);
	kz_report_free(r);
	t0 = bench_now();
	if (kz_report_build_scanned(db, cal, cfg, from, to, &r, err) != KZ_OK)
		die(what, err);
	printf("  scanned %.1f ms  load %.1f\n", (bench_now() - t0) * 1000, bench_load());
	kz_report_free(r);
}

int
main(int argc, char **argv)
{
	static struct kz_config cfg;
	long arg[3] = {-1, 2022, 2025}, lo[3] = {1, 1970, 1970}, hi[3] = {3000, 2100, 2100};
	int quick = 0, nargs = 0, built = 0;
	char cmd[600], config[600], dbpath[600], err[KZ_ERR_LEN], from[11], to[11], week[32];
	struct kz_gen_result g;
	struct kz_calendar *cal;
	struct kz_db *db;
	struct stat st;
	double t0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else if (nargs >= 3 || !bench_number(argv[i], lo[nargs], hi[nargs], &arg[nargs]))
			bench_bad_option("report_bench", argv[i]);
		else
			nargs++;
	}
	int visitors = arg[0] > 0 ? (int)arg[0] : quick ? 100 : 1000;
	int y0 = quick ? (int)arg[2] : (int)arg[1], y1 = (int)arg[2];
	if (y0 > y1)
		bench_bad_option("report_bench", argv[argc - 1]);
	if (bench_scratch_hall("rbench", dir, config, dbpath, cmd) != 0)
		die("a scratch hall", cmd);
	snprintf(from, sizeof from, "%04d-01-01", y0);
	snprintf(to, sizeof to, "%04d-12-31", y1);
	if (quick) { /* the week of the day timed below */
		snprintf(from, sizeof from, "%04d-03-17", y1);
		snprintf(to, sizeof to, "%04d-03-23", y1);
	}
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", "2026-03-20T10:00", err) != KZ_OK ||
		kz_cal_load(cfg.holidays, &cfg.hours, &cal, err) != KZ_OK ||
		kz_db_open(dbpath, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, &cfg, NULL, err) != KZ_OK)
		die("hall", err);
	t0 = bench_now();
	if (kz_generate_history(db, cal, &cfg, from, to, visitors, 20261125, &g, err) != KZ_OK)
		die("generate", err);
	if (stat(dbpath, &st) != 0)
		die("database", strerror(errno));
	if (g.tickets <= 0)
		die("generate", "no tickets generated");
	printf("generated %s..%s: %d working days, %ld tickets, %ld feedback answers, %ld "
	       "applications, %ld complaints in %.1f s; database %.0f MB\n",
		from, to, g.days, g.tickets, g.feedback, g.applications, g.complaints,
		bench_now() - t0, st.st_size / 1048576.0);
	t0 = bench_now();
	if (kz_report_days_refresh(db, &cfg, from, to, &built, err) != KZ_OK)
		die("summarise", err);
	printf("summarised %d days in %.1f s\n", built, bench_now() - t0);
	snprintf(from, sizeof from, "%04d-03-18", y1);
	time_report(db, cal, &cfg, "day", from, from);
	snprintf(week, sizeof week, "week %s", from);
	if (kz_report_range(week, from, to, err) != KZ_OK)
		die(week, err);
	time_report(db, cal, &cfg, "week", from, to);
	snprintf(from, sizeof from, "%04d-03-01", y1);
	snprintf(to, sizeof to, "%04d-03-31", y1);
	time_report(db, cal, &cfg, "month", from, to);
	snprintf(from, sizeof from, "%04d-01-01", y1);
	snprintf(to, sizeof to, "%04d-12-31", y1);
	time_report(db, cal, &cfg, "year", from, to);
	snprintf(from, sizeof from, "%04d-01-01", y0);
	time_report(db, cal, &cfg, "all", from, to);
	kz_db_close(db);
	kz_cal_free(cal);
	remove_dir();
	return 0;
}
