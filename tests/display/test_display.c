/*
 * test_display.c - the hall board off-screen under a test clock, while the
 * kezek command issues and calls tickets: what the frames show, the colours
 * at the thresholds, the spoken phrases and their order, every layout in
 * both languages (PNG screenshots into the build folder), a lost database,
 * and memory over a long run.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "display/board.h"
#include "display/display.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/hall.h"
#include "queue/ticket.h"

static char dir[256], config[512], dbpath[512];
static struct kz_config cfg;

/* The instant the test stands at (at()): every kezek command runs at it
 * exactly, however long the commands before it took. */
static int64_t stood;

/* Run the kezek command at the instant the test stands at; fails the test on error. */
static void
kezek(const char *fmt, ...)
{
	char args[512], cmd[2048], now[32];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	kz_clock_format(stood, "%Y-%m-%dT%H:%M:%S", now, sizeof now);
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' --db '%s' --now %s %s >/dev/null",
		getenv("KEZEK_BIN"), config, dbpath, now, args);
	if (system(cmd) != 0)
		fail_msg("failed: %s", cmd);
}

static void
at(const char *local)
{
	char err[KZ_ERR_LEN];

	assert_int_equal(kz_clock_parse_local(local, &stood, err), KZ_OK);
	kz_clock_set(stood);
}

static int
setup(void **state)
{
	char cmd[1024], err[KZ_ERR_LEN];

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kezek-display-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "cp -r '%s/config' '%s/'", KZ_SOURCE_DIR, dir);
	if (system(cmd) != 0)
		return -1;
	snprintf(config, sizeof config, "%s/config/hall.ini", dir);
	snprintf(dbpath, sizeof dbpath, "%s/hall.db", dir);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", "2026-03-20T09:00", err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	cfg.display.sound = 0; /* the phrases are checked, not heard */
	at("2026-03-20T09:00");
	kezek("init");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct kz_display *
open_display(int w, int h)
{
	struct kz_display_options o = {&cfg, dbpath, KZ_SOURCE_DIR "/assets/fonts", w, h, 0,
		KZ_LOCALE_DIR, NULL};
	struct kz_display *d = NULL;
	char err[KZ_ERR_LEN] = "";

	if (kz_display_open(&o, &d, err) != KZ_OK)
		fail_msg("open display: %s", err);
	return d;
}

static const struct kz_scene *
step(struct kz_display *d)
{
	char err[KZ_ERR_LEN] = "";

	if (kz_display_step(d, NULL, err) != KZ_OK)
		fail_msg("step: %s", err);
	return kz_display_scene(d);
}

static const char *
text_of(const struct kz_scene *s, const char *id)
{
	const struct kz_item *it = kz_scene_find(s, id);

	return it ? it->text : "(absent)";
}

/* The colour drawn at the corner of the item id, read back from the frame. */
static struct kz_rgb
color_at(struct kz_display *d, const char *id)
{
	const struct kz_item *it = kz_scene_find(kz_display_scene(d), id);
	struct kz_rgb c = {0, 0, 0};
	char err[KZ_ERR_LEN];

	if (it == NULL)
		fail_msg("%s is not on the board", id);
	assert_int_equal(kz_ui_pixel(kz_display_ui(d), it->x + 3, it->y + 3, &c, err), KZ_OK);
	return c;
}

static void
assert_rgb(struct kz_rgb got, struct kz_rgb want)
{
	if (got.r != want.r || got.g != want.g || got.b != want.b)
		fail_msg("colour %02x%02x%02x, expected %02x%02x%02x", got.r, got.g, got.b, want.r,
			want.g, want.b);
}

/* Pixels of colour c inside the box of item id in the frame on screen. */
static int
pixels_in(struct kz_display *d, const char *id, struct kz_rgb c)
{
	const struct kz_item *it = kz_scene_find(kz_display_scene(d), id);
	char err[KZ_ERR_LEN];
	int n = 0;

	if (it == NULL)
		fail_msg("%s is not on the board", id);
	for (int y = it->y; y < it->y + it->h; y += 2)
		for (int x = it->x; x < it->x + it->w; x += 2) {
			struct kz_rgb p;
			assert_int_equal(kz_ui_pixel(kz_display_ui(d), x, y, &p, err), KZ_OK);
			n += p.r == c.r && p.g == c.g && p.b == c.b;
		}
	return n;
}

static void
assert_phrase(struct kz_display *d, int i, const char *lang, const char *text)
{
	const char *l = NULL, *t = kz_announce_phrase(kz_display_announcer(d), i, &l);

	if (t == NULL)
		fail_msg("phrase %d was never queued", i);
	assert_string_equal(l, lang);
	assert_string_equal(t, text);
}

static void
test_call_appears_highlighted_and_is_announced(void **state)
{
	struct kz_display *d = open_display(1920, 1080);
	const struct kz_scene *s;

	(void)state;
	at("2026-03-20T10:00");
	kezek("ticket A");
	s = step(d);
	assert_string_equal(text_of(s, "waiting.A"), "1");
	assert_string_equal(text_of(s, "call.number"), "—");
	at("2026-03-20T10:05");
	kezek("counter open 2 --clerk 'Сейтқали Айгерім' --position 'Бас маман'");
	kezek("next 2");
	s = step(d);
	assert_string_equal(text_of(s, "call.number"), "A-001");
	assert_string_equal(text_of(s, "call.counter"), "→ 2");
	assert_string_equal(text_of(s, "waiting.A"), "0");
	assert_rgb(color_at(d, "call.panel"), (struct kz_rgb){0xff, 0xd5, 0x4f});
	/* the frame itself carries the number: dark glyphs on the highlight */
	assert_true(pixels_in(d, "call.number", (struct kz_rgb){0x0b, 0x1d, 0x33}) > 2000);
	assert_true(pixels_in(d, "call.counter", (struct kz_rgb){0x0b, 0x1d, 0x33}) > 500);
	assert_phrase(d, 0, "kk", "Талон а бір, терезе екі");
	assert_phrase(d, 1, "ru", "Талон а один, окно два");
	assert_null(kz_announce_phrase(kz_display_announcer(d), 2, NULL));
	/* the highlight ends after highlight_seconds; the call stays */
	at("2026-03-20T10:05:10");
	s = step(d);
	assert_string_equal(text_of(s, "call.number"), "A-001");
	assert_rgb(color_at(d, "call.panel"), (struct kz_rgb){0x13, 0x2c, 0x4c});
	/* a recall is announced again, a second ticket after it, in order */
	kezek("recall 2");
	kezek("ticket B");
	step(d);
	assert_phrase(d, 2, "kk", "Талон а бір, терезе екі");
	assert_phrase(d, 3, "ru", "Талон а один, окно два");
	kezek("finish 2 --outcome no-show");
	kezek("next 2");
	s = step(d);
	assert_phrase(d, 4, "kk", "Талон бэ бір, терезе екі");
	assert_string_equal(text_of(s, "recent.0"), "A-001 → 2");
	/* no clerk's name anywhere on the board: numbers only */
	for (int i = 0; i < s->n; i++)
		assert_null(strstr(s->items[i].text, "Сейтқали"));
	kz_display_close(d);
}

static void
test_wait_colours_change_at_the_thresholds(void **state)
{
	static const struct {
		const char *at;
		struct kz_rgb color;
	} steps[] = {
		{"2026-03-20T11:19", {0x1b, 0x8a, 0x3a}}, /* 19 min: green */
		{"2026-03-20T11:20", {0xf2, 0xa9, 0x00}}, /* 20: amber */
		{"2026-03-20T11:30", {0xf2, 0xa9, 0x00}}, /* 30: at the limit, amber */
		{"2026-03-20T11:31", {0xd3, 0x2f, 0x2f}}, /* over 30: red */
	};
	struct kz_display *d = open_display(1366, 768);

	(void)state;
	at("2026-03-20T11:00");
	kezek("ticket C");
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		at(steps[i].at);
		step(d);
		assert_rgb(color_at(d, "wait.C.box"), steps[i].color);
	}
	kz_display_close(d);
}

static void
test_counter_serving_past_30_minutes_is_marked(void **state)
{
	struct kz_display *d = open_display(1920, 1080);
	const struct kz_scene *s;

	(void)state;
	at("2026-03-20T11:00");
	kezek("ticket A");
	kezek("counter open 3 --clerk 'Ахметов Ерлан' --position 'Маман'");
	kezek("next 3");
	at("2026-03-20T11:30");
	s = step(d);
	assert_null(kz_scene_find(s, "overtime.3"));
	at("2026-03-20T11:31");
	s = step(d);
	assert_non_null(kz_scene_find(s, "overtime.3"));
	assert_rgb(color_at(d, "overtime.3"), (struct kz_rgb){0xd3, 0x2f, 0x2f});
	kz_display_close(d);
}

/* A busy hall: every region has something to show. */
static void
fill_hall(void)
{
	at("2026-03-20T10:00");
	for (int i = 0; i < 4; i++)
		kezek("ticket A");
	kezek("ticket B");
	kezek("ticket C");
	kezek("counter open 1 --clerk 'Бірінші Клерк' --position 'Маман'");
	kezek("counter open 2 --clerk 'Екінші Клерк' --position 'Маман'");
	kezek("counter open 3 --clerk 'Үшінші Клерк' --position 'Маман'");
	for (int i = 0; i < 3; i++) {
		kezek("next 1");
		kezek("finish 1 --outcome served");
	}
	kezek("next 2");
	kezek("next 3");
	at("2026-03-20T10:45");
	kezek("ticket A");
	kezek("ticket B");
	kezek("finish 2 --outcome served");
	kezek("next 2");
}

static void
test_every_layout_in_both_languages_fits(void **state)
{
	static const int sizes[][2] = {{1920, 1080}, {3840, 2160}, {1366, 768}, {1080, 1920}};
	static const struct {
		const char *name, *clock;
		int mode;
	} modes[] = {
		{"both", "2026-03-20T10:45:03", KZ_LANG_BOTH},
		{"kk", "2026-03-20T10:46:00", KZ_LANG_ALTERNATE}, /* even turn: Kazakh */
		{"ru", "2026-03-20T10:46:10", KZ_LANG_ALTERNATE}, /* odd turn: Russian */
	};
	char png[1024], err[KZ_ERR_LEN];

	(void)state;
	fill_hall();
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			struct kz_display *d;
			const struct kz_ui_stats *st;
			const struct kz_scene *s;
			cfg.display.languages = modes[m].mode;
			at(modes[m].clock);
			d = open_display(sizes[i][0], sizes[i][1]);
			s = step(d);
			st = kz_display_stats(d);
			if (st->too_small || st->missing_glyphs)
				fail_msg("%dx%d %s: %d texts too small (worst %s), %d glyphs missing",
					sizes[i][0], sizes[i][1], modes[m].name, st->too_small,
					st->worst, st->missing_glyphs);
			assert_string_equal(text_of(s, "call.number"), "A-005");
			/* one language per text; in turns, only the turn's language */
			for (int k = 0; k < s->n; k++)
				if (s->items[k].lang[0] && modes[m].mode == KZ_LANG_ALTERNATE)
					assert_string_equal(s->items[k].lang, modes[m].name);
			snprintf(png, sizeof png, "%s/board-%dx%d-%s.png", KZ_SCREENS_DIR,
				sizes[i][0], sizes[i][1], modes[m].name);
			assert_int_equal(kz_ui_save_png(kz_display_ui(d), png, err), KZ_OK);
			kz_display_close(d);
		}
	cfg.display.languages = KZ_LANG_BOTH;
}

/* On a day off the board names the holiday in each language as the Law
 * names it: 11 May 2026 is off for Victory Day (Saturday 9 May). */
static void
test_a_holiday_is_named_in_each_language(void **state)
{
	struct kz_display *d;
	const struct kz_scene *s;
	char png[1024], err[KZ_ERR_LEN];

	(void)state;
	cfg.display.languages = KZ_LANG_BOTH;
	at("2026-05-11T10:00:00");
	d = open_display(1920, 1080);
	s = step(d);
	if (strstr(text_of(s, "state.kk"), "Жеңіс күні") == NULL)
		fail_msg("in Kazakh: '%s'", text_of(s, "state.kk"));
	if (strstr(text_of(s, "state.ru"), "День Победы") == NULL)
		fail_msg("in Russian: '%s'", text_of(s, "state.ru"));
	snprintf(png, sizeof png, "%s/board-holiday.png", KZ_SCREENS_DIR);
	assert_int_equal(kz_ui_save_png(kz_display_ui(d), png, err), KZ_OK);
	kz_display_close(d);
}

static void
test_lost_database_is_shown_and_recovered(void **state)
{
	struct kz_display *d = open_display(1366, 768);
	const struct kz_scene *s;
	char moved[600];

	(void)state;
	at("2026-03-20T10:00");
	kezek("ticket A");
	s = step(d);
	assert_null(kz_scene_find(s, "lost"));
	snprintf(moved, sizeof moved, "%s.away", dbpath);
	assert_int_equal(rename(dbpath, moved), 0);
	s = step(d);
	assert_non_null(kz_scene_find(s, "lost"));
	assert_string_equal(text_of(s, "waiting.A"), "1"); /* what it knew stays up */
	assert_int_equal(rename(moved, dbpath), 0);
	at("2026-03-20T10:00:05"); /* past the retry pause */
	s = step(d);
	assert_null(kz_scene_find(s, "lost"));
	assert_int_equal(kz_display_connected(d), 1);
	kz_display_close(d);
}

static long
rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, resident = 0;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void
test_memory_stays_flat_over_a_long_run(void **state)
{
	struct kz_display *d = open_display(1366, 768);
	struct kz_calendar *cal;
	struct kz_db *db;
	struct kz_ticket t;
	char err[KZ_ERR_LEN];
	long warm = 0, end;

	(void)state;
	assert_int_equal(kz_cal_load(NULL, NULL, &cal, err), KZ_OK);
	assert_int_equal(kz_db_open(dbpath, 0, &db, err), KZ_OK);
	at("2026-03-20T09:00");
	kezek("counter open 1 --clerk 'Бірінші Клерк' --position 'Маман'");
	for (int i = 0; i < 3000; i++) {
		/* a day's worth of calls, each seen and drawn, a second apart */
		at("2026-03-20T09:00");
		kz_clock_set(kz_clock_now() + i);
		if (i % 3 == 0 && kz_ticket_issue(db, cal, "A", &t, err) == KZ_OK &&
			kz_ticket_next(db, 1, &t, err) == KZ_OK)
			kz_ticket_finish(db, 1, KZ_SERVED, NULL, NULL, &t, err);
		step(d);
		if (i == 500)
			warm = rss_kb();
	}
	end = rss_kb();
	printf("display memory: %ld kB after 500 steps, %ld kB after 3000\n", warm, end);
	assert_true(warm > 0);
#ifndef __SANITIZE_ADDRESS__
	/* (AddressSanitizer holds freed memory back on purpose: the normal build
	 * measures growth, the sanitized one looks for leaks) */
	assert_true(end - warm < 2048);
#endif
	kz_db_close(db);
	kz_cal_free(cal);
	kz_display_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_call_appears_highlighted_and_is_announced,
			setup, teardown),
		cmocka_unit_test_setup_teardown(test_wait_colours_change_at_the_thresholds, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_counter_serving_past_30_minutes_is_marked,
			setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_layout_in_both_languages_fits, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_a_holiday_is_named_in_each_language, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_lost_database_is_shown_and_recovered, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_memory_stays_flat_over_a_long_run, setup,
			teardown),
	};
	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	setenv("SDL_RENDER_DRIVER", "software", 1);
	setenv("SDL_VIDEO_EGL_DRIVER", "none", 1); /* no GL: nothing of a GL driver's to leak */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
