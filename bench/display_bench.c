/*
 * display_bench.c - figures, never a pass or fail: how soon a call a clerk
 * commits shows on the hall board, and how much CPU an idle board uses.
 *
 * A child process plays the clerk (issue, then call, a random pause apart)
 * and sends the moment each call committed through a pipe; this process
 * runs the board's own loop (kz_display_step, then wait for input up to
 * the poll period) off-screen and notes when the new number is drawn.
 * Then a day of calls at the board's pace (issue, call, draw, finish, the
 * clock moved on each time) for its resident memory, and the libraries
 * mapped: none of them GL, as the board draws in software.
 *
 *   display_bench [--quick] [IDLE_SECONDS]  (40 calls, 10 s idle, 1000 in
 *                                            the day; --quick: 5, 1 s, 20)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "display/display.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/counter.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/hall.h"
#include "queue/ticket.h"

#include "bench.h"

#define POLL_MS 50   /* as display/main.c */
#define CALLS   40   /* the most; --quick makes fewer */
#define DAY     1000 /* calls of the day for the memory: RSS after CHECK and after all */
#define CHECK   100
#define OPEN_AT "2026-03-20T09:00"

static char dir[256], config[600], dbpath[600];
static struct kz_config cfg;
static int calls = CALLS;

/* A call as the clerk committed it. */
struct commit {
	double at;
	char number[24];
};

static void
remove_dir(void)
{
	bench_remove_dir("display_bench", dir);
}

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "display_bench: %s: %s\n", what, err);
	remove_dir();
	exit(1);
}

static void
make_hall(void)
{
	char cmd[1200], err[KZ_ERR_LEN];
	struct kz_db *db;

	if (bench_scratch_hall("dbench", dir, config, dbpath, cmd) != 0)
		die("a scratch hall", cmd);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", OPEN_AT, err) != KZ_OK ||
		kz_db_open(dbpath, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, &cfg, NULL, err) != KZ_OK ||
		kz_counter_open(db, 1, "Бенч Клерк", "Маман", err) != KZ_OK)
		die("hall", err);
	kz_db_close(db);
	cfg.display.sound = 0;
}

/* The clerk's way out on an error: the parent removes the folder. */
static void
clerk_die(const char *what, const char *err)
{
	fprintf(stderr, "display_bench: clerk: %s: %s\n", what, err);
	_exit(1);
}

/* The clerk: calls calls, each commit's moment written to fd. */
static void
clerk(int fd)
{
	struct kz_calendar *cal;
	struct kz_ticket t;
	struct kz_db *db;
	char err[KZ_ERR_LEN];

	srand((unsigned)getpid());
	if (kz_cal_load(NULL, NULL, &cal, err) != KZ_OK || kz_db_open(dbpath, 0, &db, err) != KZ_OK)
		clerk_die("clerk", err);
	usleep(500000);
	for (int i = 0; i < calls; i++) {
		struct commit c;
		if (kz_ticket_issue(db, cal, "A", &t, err) != KZ_OK)
			clerk_die("issue", err);
		usleep(150000 + (useconds_t)(rand() % 150000));
		if (kz_ticket_next(db, 1, &t, err) != KZ_OK)
			clerk_die("next", err);
		c.at = mono();
		snprintf(c.number, sizeof c.number, "%s", t.number);
		if (write(fd, &c, sizeof c) != sizeof c)
			clerk_die("pipe", strerror(errno));
		usleep(100000 + (useconds_t)(rand() % 100000));
		if (kz_ticket_finish(db, 1, KZ_SERVED, NULL, NULL, &t, err) != KZ_OK)
			clerk_die("finish", err);
	}
	kz_db_close(db);
	kz_cal_free(cal);
	_exit(0);
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Read the calls committed so far into c. */
static void
read_commits(int fd, struct commit *c, int *n)
{
	struct commit one;

	while (*n < calls && read(fd, &one, sizeof one) == sizeof one)
		c[(*n)++] = one;
}

/* Run the board until the last call is drawn; latencies in ms into lat,
 * each matched to its call by the number, so a call replaced by the next
 * before a frame (a loaded machine) is left out, not misattributed. */
static int
measure_latency(struct kz_display *d, int fd, double *lat)
{
	char last[KZ_TEXT_MAX] = "", err[KZ_ERR_LEN];
	struct commit committed[CALLS];
	int ncommitted = 0, seen = 0, drew;
	double give_up = mono() + 60;

	while (mono() < give_up &&
		!(ncommitted == calls && strcmp(last, committed[calls - 1].number) == 0)) {
		read_commits(fd, committed, &ncommitted);
		if (kz_display_step(d, &drew, err) != KZ_OK)
			die("step", err);
		const struct kz_item *it = kz_scene_find(kz_display_scene(d), "call.number");
		if (drew && it && strcmp(it->text, last) != 0 && strcmp(it->text, "—") != 0) {
			double shown = mono();
			snprintf(last, sizeof last, "%s", it->text);
			read_commits(fd, committed, &ncommitted);
			for (int i = ncommitted - 1; i >= 0; i--)
				if (strcmp(committed[i].number, last) == 0) {
					lat[seen++] = (shown - committed[i].at) * 1000;
					break;
				}
		}
		kz_ui_sleep(kz_display_ui(d), POLL_MS);
	}
	return seen;
}

static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
		ru.ru_stime.tv_usec / 1e6;
}

static double
measure_idle(struct kz_display *d, double seconds)
{
	char err[KZ_ERR_LEN];
	double start = mono(), cpu = cpu_seconds();
	int frames = 0, drew;

	while (mono() - start < seconds) {
		if (kz_display_step(d, &drew, err) != KZ_OK)
			die("step", err);
		frames += drew;
		kz_ui_sleep(kz_display_ui(d), POLL_MS);
	}
	printf("idle: %d frames drawn in %.0f s (the clock changes once a minute)\n", frames,
		seconds);
	return (cpu_seconds() - cpu) / (mono() - start) * 100;
}

/* One call of the day: a ticket issued and called, the board drawn, the
 * visitor served; the clock at the call's minute. */
static void
day_call(struct kz_display *d, struct kz_db *db, struct kz_calendar *cal, int64_t at)
{
	char err[KZ_ERR_LEN];
	struct kz_ticket t;
	int drew;

	kz_clock_set(at);
	if (kz_ticket_issue(db, cal, "A", &t, err) != KZ_OK ||
		kz_ticket_next(db, 1, &t, err) != KZ_OK)
		die("day: call", err);
	if (kz_display_step(d, &drew, err) != KZ_OK)
		die("day: step", err);
	kz_ui_sleep(kz_display_ui(d), 0);
	if (kz_ticket_finish(db, 1, KZ_SERVED, NULL, NULL, &t, err) != KZ_OK)
		die("day: finish", err);
}

/* The board's resident memory over a day of n calls from 09:00, spread
 * over three hours of the morning (the lunch is at 13:00); printed at the start, after
 * CHECK (or n/2) and after all. */
static void
measure_day(struct kz_display *d, int n)
{
	int check = n > CHECK ? CHECK : n / 2;
	long start = bench_rss_kb(), mid = 0, end;
	struct kz_calendar *cal;
	char err[KZ_ERR_LEN];
	struct kz_db *db;
	int64_t open_at = kz_clock_now();

	if (kz_cal_load(NULL, NULL, &cal, err) != KZ_OK || kz_db_open(dbpath, 0, &db, err) != KZ_OK)
		die("day", err);
	for (int i = 0; i < n; i++) {
		day_call(d, db, cal, open_at + (int64_t)i * 3 * 3600 / n);
		if (i + 1 == check)
			mid = bench_rss_kb();
	}
	end = bench_rss_kb();
	kz_db_close(db);
	kz_cal_free(cal);
	printf("memory (RSS): %ld kB at start, %ld kB after %d calls, %ld kB after %d\n", start,
		mid, check, end, n);
	if (start < 0 || mid < 0 || end < 0)
		die("memory", "the resident memory could not be read");
}

static void
usage(void)
{
	printf("usage: display_bench [--quick] [IDLE_SECONDS]\n"
	       "Runs the hall board off-screen at 1920x1080 while a clerk process issues and\n"
	       "calls %d tickets a random pause apart: prints how soon each committed call is\n"
	       "drawn (p50, p95, max), then the board's CPU while idle for IDLE_SECONDS\n"
	       "(0.1 to 3600, default 10), then resident memory at the start, after %d and\n"
	       "after %d calls of a day, the cold start to the first frame and the\n"
	       "libraries mapped.  SDL_VIDEODRIVER=x11 (with DISPLAY) runs it in a real X11\n"
	       "window instead of off-screen.  The hall is in a new folder under $TMPDIR or\n"
	       "/tmp, removed afterwards.  Exits 1 if a GL or LLVM library is mapped.\n"
	       "  --quick     5 calls, 1 s idle (unless given) and 20 calls in the day: a few\n"
	       "              seconds; exits 1 if the clerk fails or a call is not seen\n"
	       "  -h, --help  this text\n",
		CALLS, CHECK, DAY);
}

int
main(int argc, char **argv)
{
	int w = 1920, h = 1080, fds[2], status, n, quick = 0, given = 0, day = DAY, failed;
	double idle_seconds = 10, lat[CALLS], idle, started = bench_now(), cold;
	struct kz_display_options o;
	struct kz_display *d;
	char err[KZ_ERR_LEN];
	pid_t pid;

	for (int i = 1; i < argc; i++) {
		char *end;
		double v;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
			continue;
		}
		v = strtod(argv[i], &end);
		if (given || end == argv[i] || *end != '\0' || !(v >= 0.1 && v <= 3600))
			bench_bad_option("display_bench", argv[i]);
		idle_seconds = v;
		given = 1;
	}
	if (quick) {
		calls = 5;
		day = 20;
		if (!given)
			idle_seconds = 1;
	}

	setenv("SDL_VIDEODRIVER",
		getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "offscreen", 1);
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	make_hall();
	started = bench_now(); /* the board's own start: the hall is there */
	o = (struct kz_display_options){&cfg, dbpath, KZ_SOURCE_DIR "/assets/fonts", w, h, 0,
		KZ_LOCALE_DIR, NULL};
	if (kz_display_open(&o, &d, err) != KZ_OK || kz_display_step(d, &n, err) != KZ_OK)
		die("display", err);
	cold = (bench_now() - started) * 1000;
	if (pipe(fds) < 0 || fcntl(fds[0], F_SETFL, O_NONBLOCK) < 0)
		die("pipe", strerror(errno));
	if ((pid = fork()) == 0) {
		close(fds[0]);
		clerk(fds[1]);
	}
	close(fds[1]);
	n = measure_latency(d, fds[0], lat);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("clerk", "the clerk process failed");
	if (n == 0)
		die("board", "no call was seen on the board");
	qsort(lat, (size_t)n, sizeof lat[0], cmp);
	printf("kezek display_bench: %dx%d, %s video, poll %d ms\n", w, h,
		getenv("SDL_VIDEODRIVER"), POLL_MS);
	if (n < calls)
		printf("%d of %d calls replaced by the next before a frame showed them\n",
			calls - n, calls);
	printf("commit to frame: %d calls; p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", n,
		n ? lat[n / 2] : 0, n ? lat[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1] : 0,
		n ? lat[n - 1] : 0);
	idle = measure_idle(d, idle_seconds);
	printf("idle CPU: %.2f%% of one core over %.0f s\n", idle, idle_seconds);
	printf("cold start to the first frame: %.0f ms (fonts, SDL, window, database, first "
	       "draw)\n",
		cold);
	measure_day(d, day);
	failed = bench_print_libraries("display_bench");
	kz_display_close(d);
	remove_dir();
	return failed;
}
