/*
 * kiosk_bench.c - figures, never a pass or fail: how soon the kiosk
 * answers a touch (the touch queued, the kiosk's turn, the new screen
 * drawn), how long taking a ticket takes from the touch on "take" to the
 * number on screen (its transaction and print job included), what an
 * untouched kiosk costs per turn, the cold start to the first frame, the
 * libraries mapped (none of them GL: the kiosk draws in software), and
 * whether memory grows over a day of visitors and after.
 * Off-screen (or the video driver SDL_VIDEODRIVER names, x11 under Xvfb),
 * on the shipped configuration, at 1920x1080, the clock stood at an open
 * office hour (the kiosk is closed at night and at weekends).
 *
 *   kiosk_bench [--quick]  (1000 visitors; --quick: 10)
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

#define VISITORS 1000               /* the most; --quick makes fewer */
#define DAY      100                /* visitors of a busy kiosk's day: RSS then, and at the end */
#define OPEN_AT  "2026-03-20T10:00" /* a working Friday morning */
#define PAUSE    6                  /* seconds between visitors: more than ticket_pause_seconds */

static struct kz_config cfg;
static struct kz_kiosk *k;
static char dir[256];

static void
remove_dir(void)
{
	bench_remove_dir("kiosk_bench", dir);
}

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "kiosk_bench: %s: %s\n", what, err);
	remove_dir();
	exit(1);
}

/* Make the hall and open the kiosk on it; *started: the moment the
 * kiosk's own start began, the hall made. */
static void
open_kiosk(double *started)
{
	char cmd[600], config[600], dbpath[600], err[KZ_ERR_LEN];
	struct kz_kiosk_options o;
	struct kz_db *db;

	if (bench_scratch_hall("kbench", dir, config, dbpath, cmd) != 0)
		die("a scratch hall", cmd);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", OPEN_AT, err) != KZ_OK ||
		kz_db_open(dbpath, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, &cfg, NULL, err) != KZ_OK)
		die("hall", err);
	kz_db_close(db);
	o = (struct kz_kiosk_options){.cfg = &cfg,
		.conf = kz_config_kiosk(&cfg, NULL),
		.db_path = dbpath,
		.font_dir = KZ_SOURCE_DIR "/assets/fonts",
		.locale_dir = KZ_LOCALE_DIR,
		.w = 1920,
		.h = 1080,
		.tap_guard_ms = -1};
	*started = bench_now();
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

/* The button name on the screen shown, or die naming the screen and the
 * buttons it has (as the kiosk tests do). */
static const struct kz_item *
button(const char *name)
{
	const struct kz_scene *s = kz_kiosk_scene(k);
	char id[KZ_ID_MAX], what[KZ_ID_MAX + 64], shown[1024] = "";
	const struct kz_item *it;

	snprintf(id, sizeof id, "btn.%s", name);
	if ((it = kz_scene_find(s, id)) != NULL)
		return it;
	for (int i = 0; i < s->n; i++)
		if (strncmp(s->items[i].id, "btn.", 4) == 0 &&
			strlen(shown) + strlen(s->items[i].id) + 2 < sizeof shown)
			strcat(strcat(shown, s->items[i].id), " ");
	snprintf(what, sizeof what, "no %s on the %s screen", id, kz_kiosk_screen(k));
	die(what, shown[0] ? shown : "no buttons");
	return NULL;
}

/* Touch button name and time until its answer is on screen, which must
 * be the screen expect. */
static double
touch(const char *name, const char *expect)
{
	const struct kz_item *b = button(name);
	char what[160];
	SDL_Event ev;
	double t0, ms;

	memset(&ev, 0, sizeof ev);
	ev.type = SDL_FINGERDOWN;
	ev.tfinger.x = (b->x + b->w / 2) / 1920.0f;
	ev.tfinger.y = (b->y + b->h / 2) / 1080.0f;
	t0 = bench_now();
	if (SDL_PushEvent(&ev) != 1)
		die("touch", SDL_GetError());
	step();
	ms = (bench_now() - t0) * 1000;
	if (strcmp(kz_kiosk_screen(k), expect) != 0) {
		snprintf(what, sizeof what, "after %s the %s screen", name, kz_kiosk_screen(k));
		die(what, expect);
	}
	return ms;
}

static void
report(const char *what, double *ms, int n)
{
	bench_sort(ms, (size_t)n);
	printf("%-34s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d)\n", what, ms[n / 2],
		ms[n * 95 / 100], ms[n - 1], n);
}

static void
usage(void)
{
	printf("usage: kiosk_bench [--quick]\n"
	       "Runs the touch kiosk off-screen at 1920x1080 on the shipped configuration,\n"
	       "the clock at %s, for %d visitors (each reads the information page,\n"
	       "then takes a ticket): prints the cold start to the first frame, touch to new\n"
	       "screen drawn, touch on 'take' to the number shown, the untouched turn's time\n"
	       "and CPU, resident memory at start, after %d visitors and after all, and the\n"
	       "libraries mapped.  SDL_VIDEODRIVER=x11 (with DISPLAY) runs it in a real X11\n"
	       "window instead of off-screen.  The hall is in a new folder under $TMPDIR or\n"
	       "/tmp, removed afterwards.  Exits 1 if a GL or LLVM library is mapped.\n"
	       "  --quick     10 visitors: a few seconds; exits 1 if a button is missing, a\n"
	       "              screen is not the one expected or a figure cannot be measured\n"
	       "  -h, --help  this text\n",
		OPEN_AT, VISITORS, DAY);
}

/* CPU seconds of this process so far. */
static double
cpu_seconds(void)
{
	struct rusage r;

	getrusage(RUSAGE_SELF, &r);
	return r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + r.ru_stime.tv_sec +
		r.ru_stime.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	static double nav[VISITORS * 3], take[VISITORS], idle[VISITORS];
	long rss_start, rss_day = 0, rss_end;
	int nn = 0, visitors = VISITORS, day = DAY, failed;
	double started, cold, cpu;
	int64_t open_at;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--quick") == 0)
			visitors = 10, day = 5;
		else
			bench_bad_option("kiosk_bench", argv[i]);
	}
	setenv("SDL_VIDEODRIVER",
		getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "offscreen", 1);
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	open_kiosk(&started);
	step();
	cold = (bench_now() - started) * 1000;
	open_at = kz_clock_now();
	if (strcmp(kz_kiosk_screen(k), "home") != 0)
		die("at " OPEN_AT " the kiosk shows", kz_kiosk_screen(k));
	printf("kiosk_bench: 1920x1080, %s video\n", getenv("SDL_VIDEODRIVER"));
	printf("cold start to the first frame: %.0f ms (fonts, SDL, window, database, "
	       "catalogues, first draw)\n",
		cold);
	rss_start = bench_rss_kb();
	for (int i = 0; i < visitors; i++) {
		/* each visitor PAUSE seconds after the last, whatever the pace of
		 * this machine: the ticket pause is over, the office still open */
		kz_clock_set(open_at + (int64_t)i * PAUSE);
		/* a visitor: information, then a ticket of service A */
		nav[nn++] = touch("about", "about");
		nav[nn++] = touch("home", "home");
		nav[nn++] = touch("ticket", "services");
		touch("service.A", "confirm");
		take[i] = touch("take", "issued");
		touch("home", "home");
		if (i + 1 == day)
			rss_day = bench_rss_kb();
	}
	cpu = cpu_seconds();
	for (int i = 0; i < visitors; i++) {
		double s = bench_now();
		step();
		idle[i] = (bench_now() - s) * 1000;
	}
	cpu = cpu_seconds() - cpu;
	report("touch to new screen drawn", nav, nn);
	report("touch on 'take' to number shown", take, visitors);
	report("untouched turn (nothing redrawn)", idle, visitors);
	printf("untouched: %.3f ms CPU per turn; at 10 turns a second %.2f%% of one core\n",
		cpu * 1e3 / visitors, cpu / visitors * 10 * 100);
	rss_end = bench_rss_kb();
	printf("memory (RSS): %ld kB at start, %ld kB after %d visitors, %ld kB after %d\n",
		rss_start, rss_day, day, rss_end, visitors);
	failed = bench_print_libraries("kiosk_bench");
	kz_kiosk_close(k);
	remove_dir();
	if (rss_start < 0 || rss_day < 0 || rss_end < 0) {
		fprintf(stderr, "kiosk_bench: the resident memory could not be read\n");
		return 1;
	}
	return failed;
}
