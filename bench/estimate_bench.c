/*
 * estimate_bench.c - figures, never a pass or fail: how far the wait the
 * kiosk tells (queue/estimate.h) is from the call that really comes.
 *
 * Simulates working days of the default hall (sim/simulate.h, the queue's
 * own operations).  At each ticket's issue it asks what the kiosk would
 * tell that visitor (kz_wait_estimate_ticket, right after the ticket's
 * commit, as the kiosk does); after the days it reads each ticket's first
 * call from the event log and prints the median and 90th percentile of
 * |expected call - actual call| in minutes, how often the actual wait fell
 * in the range told, and how the lunch and closing warnings came out.
 *
 *   estimate_bench [--quick] [DAYS] [SEED]   (20 working days from 2026-03-02, seed 1)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/estimate.h"
#include "queue/hall.h"
#include "queue/history.h"
#include "queue/ticket.h"
#include "sim/simulate.h"

static char dir[256]; /* the scratch folder, removed on the way out */

struct told {
	char number[24];
	char day[11];
	struct kz_wait_estimate e;
};

struct run {
	const struct kz_config *cfg;
	struct told *told;
	int n, cap;
};

static void
remove_dir(void)
{
	bench_remove_dir("estimate_bench", dir);
}

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "estimate_bench: %s: %s\n", what, err);
	remove_dir();
	exit(1);
}

static void
usage(void)
{
	printf("usage: estimate_bench [--quick] [DAYS [SEED]]\n"
	       "Simulates DAYS working days (1 to 250, default 20) of the default hall from\n"
	       "2026-03-02 with the simulator's SEED (default 1) in a database in a new folder\n"
	       "under $TMPDIR or /tmp; asks at every ticket's issue what the kiosk would tell\n"
	       "(people ahead, the expected call) and prints, against the real first calls,\n"
	       "the median and 90th percentile of |expected - actual| in minutes, the share of\n"
	       "waits within the range told, and how the lunch and closing warnings came out.\n"
	       "  --quick     one working day: a check that the benchmark still works;\n"
	       "              exits 1 if any part of the work fails\n"
	       "  -h, --help  this text\n");
}

/* The simulator's hook: what the kiosk tells this visitor now. */
static int
on_issue(void *ctx, struct kz_db *db, const struct kz_ticket *t, char *err)
{
	struct run *r = ctx;
	struct told *told;

	if (r->n == r->cap) {
		int cap = r->cap ? 2 * r->cap : 1024;
		struct told *grown = realloc(r->told, (size_t)cap * sizeof *grown);
		if (grown == NULL)
			return kz_err(err, KZ_ENOMEM, "out of memory keeping the estimates");
		r->told = grown, r->cap = cap;
	}
	told = &r->told[r->n++];
	snprintf(told->number, sizeof told->number, "%s", t->number);
	snprintf(told->day, sizeof told->day, "%s", t->day);
	return kz_wait_estimate_ticket(db, &r->cfg->hours, t->id, KZ_ESTIMATE_TYPICAL_VISIT,
		&told->e, err);
}

static int
first_call(const struct kz_event *ev, void *arg)
{
	int64_t *at = arg;

	if (strcmp(ev->kind, "called") != 0)
		return 0;
	*at = ev->at;
	return 1;
}

/* The figures over every ticket told. */
static void
report(struct kz_db *db, const struct run *r)
{
	double *err_min = malloc(sizeof *err_min * (size_t)(r->n + 1));
	int n = 0, within = 0, unknown = 0, lunch = 0, lunch_ok = 0, closing = 0, closing_ok = 0;
	int missed_closing = 0;
	char err[KZ_ERR_LEN];

	if (err_min == NULL)
		die("figures", "out of memory");
	for (int i = 0; i < r->n; i++) {
		const struct told *t = &r->told[i];
		int64_t called = 0, wait;
		if (kz_history_ticket(db, t->number, t->day, first_call, &called, err) != KZ_OK)
			die("history", err);
		if (!t->e.known) {
			unknown++;
			continue;
		}
		closing += t->e.after_close;
		closing_ok += t->e.after_close && (called == 0 || called >= t->e.close_at);
		if (called == 0) {
			missed_closing += !t->e.after_close;
			continue;
		}
		lunch += t->e.after_lunch;
		lunch_ok += t->e.after_lunch && called >= t->e.lunch_end;
		wait = called - t->e.now;
		err_min[n++] = fabs((double)(t->e.call_at - called)) / 60.0;
		within += wait >= t->e.low_min * 60 && wait <= t->e.high_min * 60;
	}
	if (n == 0)
		die("figures", "no ticket was called with an estimate");
	bench_sort(err_min, (size_t)n);
	printf("|expected call - actual call| over %d tickets called: median %.1f min, p90 %.1f "
	       "min, max %.1f min\n",
		n, err_min[n / 2], err_min[(int)(0.9 * (n - 1))], err_min[n - 1]);
	printf("actual wait within the range told: %d of %d (%.0f%%)\n", within, n,
		100.0 * within / n);
	printf("told \"called after lunch\": %d, called after lunch: %d\n", lunch, lunch_ok);
	printf("told \"maybe not before closing\": %d, not called before closing: %d; not called "
	       "and not told: %d\n",
		closing, closing_ok, missed_closing);
	printf("no estimate (no open counter served it): %d\n", unknown);
	free(err_min);
}

int
main(int argc, char **argv)
{
	static struct kz_config cfg;
	long arg[2] = {20, 1}, lo[2] = {1, 0}, hi[2] = {250, 1000000};
	int quick = 0, nargs = 0;
	char cmd[600], config[600], dbpath[600], err[KZ_ERR_LEN], to[11];
	struct run run = {&cfg, NULL, 0, 0};
	struct kz_sim_options o;
	struct kz_sim_result res;
	struct kz_calendar *cal;
	struct kz_db *db;
	double t0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else if (nargs >= 2 || !bench_number(argv[i], lo[nargs], hi[nargs], &arg[nargs]))
			bench_bad_option("estimate_bench", argv[i]);
		else
			nargs++;
	}
	if (quick && nargs == 0)
		arg[0] = 1;
	if (bench_scratch_hall("ebench", dir, config, dbpath, cmd) != 0)
		die("a scratch hall", cmd);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", "2026-03-01T10:00", err) != KZ_OK ||
		kz_cal_load(cfg.holidays, &cfg.hours, &cal, err) != KZ_OK ||
		kz_db_open(dbpath, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, &cfg, NULL, err) != KZ_OK)
		die("hall", err);
	/* the last of DAYS working days from 2 March 2026 */
	struct kz_date d = {2026, 3, 2};
	for (long k = 0, day = kz_date_days(d);; day++) {
		d = kz_date_from_days(day);
		if (kz_cal_is_working(cal, d) && ++k == arg[0])
			break;
	}
	snprintf(to, sizeof to, "%04d-%02d-%02d", d.y, d.m, d.d);
	kz_sim_options_init(&o);
	o.from_day = "2026-03-02";
	o.to_day = to;
	o.seed = (uint64_t)arg[1];
	o.cases = 0;
	o.feedback_percent = 0;
	o.on_issue = on_issue;
	o.on_issue_ctx = &run;
	t0 = bench_now();
	if (kz_simulate(db, cal, &cfg, &o, &res, err) != KZ_OK)
		die("simulate", err);
	printf("simulated 2026-03-02..%s (seed %ld): %d working days, %d tickets, %d over the "
	       "30-minute wait, in %.1f s\n",
		to, arg[1], res.days, res.tickets, res.over_limit, bench_now() - t0);
	report(db, &run);
	free(run.told);
	kz_db_close(db);
	kz_cal_free(cal);
	remove_dir();
	return 0;
}
