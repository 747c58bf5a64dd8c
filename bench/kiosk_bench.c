/*
 * kiosk_bench.c - figures, never a pass or fail: how soon the kiosk
 * answers a touch (the touch queued, the kiosk's turn, the new screen
 * drawn), how long taking a ticket takes from the touch on "take" to the
 * number on screen (its transaction and print job included), what an
 * untouched kiosk costs per turn, and whether memory grows over visitors.
 * Off-screen, on the shipped configuration, at 1920x1080.
 */
#define _GNU_SOURCE
#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"
#include "kiosk/kiosk.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/hall.h"

#define VISITORS 300

static struct kz_config cfg;
static struct kz_kiosk *k;

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "kiosk_bench: %s: %s\n", what, err);
	exit(1);
}

static void
open_kiosk(void)
{
	char dir[256], cmd[600], config[600], dbpath[600], err[KZ_ERR_LEN];
	struct kz_kiosk_options o;
	struct kz_db *db;

	snprintf(dir, sizeof dir, "%s/kezek-kbench-XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		die("mkdtemp", strerror(errno));
	snprintf(cmd, sizeof cmd, "cp -r '%s/config' '%s/'", KZ_SOURCE_DIR, dir);
	if (system(cmd) != 0)
		die("copy config", cmd);
	snprintf(config, sizeof config, "%s/config/hall.ini", dir);
	snprintf(dbpath, sizeof dbpath, "%s/hall.db", dir);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", "2026-03-20T10:00", err) != KZ_OK ||
		kz_db_open(dbpath, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, &cfg, NULL, err) != KZ_OK)
		die("hall", err);
	kz_db_close(db);
	o = (struct kz_kiosk_options){.cfg = &cfg,
		.conf = kz_config_kiosk(&cfg, NULL),
		.db_path = dbpath,
		.font_dir = KZ_SOURCE_DIR "/assets/fonts",
		.po_dir = KZ_SOURCE_DIR "/po",
		.w = 1920,
		.h = 1080,
		.tap_guard_ms = -1};
	if (kz_kiosk_open(&o, &k, err) != KZ_OK)
		die("kiosk", err);
}

static void
step(void)
{
	char err[KZ_ERR_LEN];

	if (kz_kiosk_step(k, 0, err) != KZ_OK)
		die("step", err);
}

/* Touch button name and time until its answer is on screen. */
static double
touch(const char *name)
{
	char id[KZ_ID_MAX];
	const struct kz_item *b;
	SDL_Event ev;
	double t0;

	snprintf(id, sizeof id, "btn.%s", name);
	if ((b = kz_scene_find(kz_kiosk_scene(k), id)) == NULL)
		die("no button", id);
	memset(&ev, 0, sizeof ev);
	ev.type = SDL_FINGERDOWN;
	ev.tfinger.x = (b->x + b->w / 2) / 1920.0f;
	ev.tfinger.y = (b->y + b->h / 2) / 1080.0f;
	t0 = bench_now();
	SDL_PushEvent(&ev);
	step();
	return (bench_now() - t0) * 1000;
}

static void
report(const char *what, double *ms, int n)
{
	bench_sort(ms, (size_t)n);
	printf("%-34s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d)\n", what, ms[n / 2],
		ms[n * 95 / 100], ms[n - 1], n);
}

int
main(void)
{
	static double nav[VISITORS * 3], take[VISITORS], idle[VISITORS];
	struct rusage r0, r1;
	long rss_start, rss_mid = 0;
	int nn = 0;

	open_kiosk();
	step();
	rss_start = bench_rss_kb();
	for (int i = 0; i < VISITORS; i++) {
		/* a visitor: information, then a ticket of service A */
		nav[nn++] = touch("about");
		nav[nn++] = touch("home");
		nav[nn++] = touch("ticket");
		touch("service.A");
		take[i] = touch("take");
		touch("home");
		kz_clock_set(kz_clock_now() + 6); /* the next visitor, after the pause */
		if (i == VISITORS / 3)
			rss_mid = bench_rss_kb();
	}
	getrusage(RUSAGE_SELF, &r0);
	double t0 = bench_now();
	for (int i = 0; i < VISITORS; i++) {
		double s = bench_now();
		step();
		idle[i] = (bench_now() - s) * 1000;
	}
	double wall = bench_now() - t0;
	getrusage(RUSAGE_SELF, &r1);
	report("touch to new screen drawn", nav, nn);
	report("touch on 'take' to number shown", take, VISITORS);
	report("untouched turn (nothing redrawn)", idle, VISITORS);
	printf("untouched: %.3f ms CPU per turn; at 10 turns a second %.2f%% of one core\n",
		((r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) * 1e3 +
			(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e3 +
			(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) * 1e3 +
			(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e3) /
			VISITORS,
		((r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) +
			(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6 +
			(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) +
			(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6) /
			VISITORS * 10 * 100);
	printf("memory (RSS): %ld kB at start, %ld kB after %d visitors, %ld kB after %d\n",
		rss_start, rss_mid, VISITORS / 3, bench_rss_kb(), VISITORS);
	(void)wall;
	kz_kiosk_close(k);
	return 0;
}
