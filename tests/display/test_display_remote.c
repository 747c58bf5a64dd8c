/*
 * test_display_remote.c - the hall board on a machine of its own, in this
 * process, following a real kezek-hall (the program, on loopback) through
 * display/source-remote.c: the same picture as from the database, calls
 * made before it started are not announced, a call made after it is
 * spoken in both languages as on the hall machine, and a call made while
 * kezek-hall was away is spoken once it is back.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "display/display.h"
#include "display/source.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/error.h"
#include "remote/device.h"

static char dir[256], config[512], dbpath[512], url[128];
static struct kz_config cfg;
static int port;

static void
sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		fail_msg("failed: %s", cmd);
}

/* The kezek command on the test's hall, at 10:00 on a Friday. */
#define KEZEK(args)                                                                                \
	sh("'%s' --config '%s' --db '%s' --now 2026-03-20T10:00 %s >/dev/null",                    \
		getenv("KEZEK_BIN"), config, dbpath, args)

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* kezek-hall on 127.0.0.1 (port: 0 any free one), its URL in url. */
static void
start_hall(int on)
{
	char out[600], line[512];
	double end = now_s() + 30;

	snprintf(out, sizeof out, "%s/hall.out", dir);
	unlink(out);
	sh("'%s' --config '%s' --db '%s' --now 2026-03-20T10:00 --port %d --www '%s/tests/hall/www' "
	   ">'%s' 2>>'%s/hall.log' & echo $! >'%s/hall.pid'",
		getenv("KEZEK_HALL"), config, dbpath, on, KZ_SOURCE_DIR, out, dir, dir);
	while (now_s() < end) {
		FILE *f = fopen(out, "r");
		while (f && fgets(line, sizeof line, f)) {
			char *u = strstr(line, "http://"), *c = u ? strstr(u, "/counter") : NULL;
			if (c) {
				*c = '\0';
				snprintf(url, sizeof url, "%s", u);
				port = atoi(strrchr(url, ':') + 1);
				fclose(f);
				return;
			}
		}
		if (f)
			fclose(f);
		usleep(50000);
	}
	fail_msg("kezek-hall did not say where it listens");
}

static void
stop_hall(void)
{
	sh("kill $(cat '%s/hall.pid') && while kill -0 $(cat '%s/hall.pid') 2>/dev/null; do "
	   "sleep 0.05; done",
		dir, dir);
}

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kezek-board-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(config, sizeof config, "%s/config/hall.ini", dir);
	snprintf(dbpath, sizeof dbpath, "%s/hall.db", dir);
	sh("cp -r '%s/config' '%s/'", KZ_SOURCE_DIR, dir);
	if (kz_config_load(config, &cfg, err) != KZ_OK ||
		kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
		kz_clock_setup("Asia/Almaty", "2026-03-20T10:00", err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	cfg.display.sound = 0; /* the phrases are checked, not heard */
	KEZEK("init");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("kill $(cat '%s/hall.pid') 2>/dev/null; rm -rf '%s'", dir, dir);
	return 0;
}

/* Step the display until the item id says text (20 s at most). */
static void
step_until(struct kz_display *d, const char *id, const char *text)
{
	double end = now_s() + 20;
	char err[KZ_ERR_LEN] = "";

	while (now_s() < end) {
		const struct kz_item *it;
		if (kz_display_step(d, NULL, err) != KZ_OK)
			fail_msg("step: %s", err);
		it = kz_display_scene(d) ? kz_scene_find(kz_display_scene(d), id) : NULL;
		if (it && strcmp(it->text, text) == 0)
			return;
		usleep(20000);
	}
	fail_msg("the board never showed %s '%s'", id, text);
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
test_remote_board_announces_as_the_local_one(void **state)
{
	struct kz_device_conf dc;
	struct kz_remote *r = NULL;
	struct kz_board_source *src = NULL;
	struct kz_display *d = NULL;
	struct kz_display_options o;
	char err[KZ_ERR_LEN] = "", role[16], code[64] = "", line[256], cmd[1200];
	FILE *p;
	double end;

	(void)state;
	KEZEK("ticket A");
	KEZEK("counter open 2 --clerk 'Сейтқали Айгерім' --position 'Бас маман'");
	KEZEK("next 2"); /* before the board starts: history, not news */
	start_hall(0);
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' --db '%s' device add board-1 --role board",
		getenv("KEZEK_BIN"), config, dbpath);
	assert_non_null(p = popen(cmd, "r"));
	while (fgets(line, sizeof line, p))
		if (sscanf(line, " %63s", code) == 1 && strlen(code) >= 16 && strchr(line, ' ') &&
			strspn(line, " ") >= 2)
			break;
	pclose(p);
	assert_true(strlen(code) >= 16);
	memset(&dc, 0, sizeof dc);
	snprintf(dc.server, sizeof dc.server, "%s", url);
	snprintf(dc.credential, sizeof dc.credential, "%s/board.key", dir);
	if (kz_device_enrol(&dc, "board-1", code, role, sizeof role, err) != KZ_OK)
		fail_msg("enrol: %s", err);
	assert_string_equal(role, "board");
	if (kz_device_connect(&dc, &r, err) != KZ_OK ||
		kz_board_source_remote(r, 300, &src, err) != KZ_OK)
		fail_msg("connect: %s", err);
	o = (struct kz_display_options){&cfg, NULL, KZ_SOURCE_DIR "/assets/fonts", 1366, 768, 0,
		KZ_LOCALE_DIR, src};
	if (kz_display_open(&o, &d, err) != KZ_OK)
		fail_msg("open display: %s", err);
	step_until(d, "call.number", "A-001");
	assert_true(kz_display_connected(d));
	assert_null(kz_announce_phrase(kz_display_announcer(d), 0, NULL));

	/* a call after the board started: spoken, as on the hall machine */
	KEZEK("finish 2 --outcome served");
	KEZEK("ticket B");
	KEZEK("next 2");
	step_until(d, "call.number", "B-001");
	assert_phrase(d, 0, "kk", "Талон бэ бір, терезе екі");
	assert_phrase(d, 1, "ru", "Талон бэ один, окно два");

	/* kezek-hall away: "connection lost"; a call meanwhile is spoken on return */
	stop_hall();
	end = now_s() + 20;
	while (kz_display_connected(d) && now_s() < end) {
		assert_int_equal(kz_display_step(d, NULL, err), KZ_OK);
		usleep(20000);
	}
	assert_false(kz_display_connected(d));
	KEZEK("finish 2 --outcome served");
	KEZEK("ticket A");
	KEZEK("next 2");
	start_hall(port);
	step_until(d, "call.number", "A-002");
	assert_true(kz_display_connected(d));
	assert_non_null(kz_announce_phrase(kz_display_announcer(d), 2, NULL));
	assert_non_null(kz_announce_phrase(kz_display_announcer(d), 3, NULL));
	assert_null(kz_announce_phrase(kz_display_announcer(d), 4, NULL));
	kz_display_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_remote_board_announces_as_the_local_one, setup,
			teardown),
	};

	if (getenv("KEZEK_BIN") == NULL || getenv("KEZEK_HALL") == NULL) {
		fprintf(stderr, "set KEZEK_BIN and KEZEK_HALL\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
