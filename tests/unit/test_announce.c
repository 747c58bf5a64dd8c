/* test_announce.c - the spoken calls: their wording, their order in the log,
 * silence without sound, and real audio through SDL's disk driver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "display/announce.h"
#include "queue/config.h"
#include "queue/error.h"

static struct kz_display_conf
conf(int sound)
{
	struct kz_display_conf c = {.sound = sound, .voice_kk = "kk", .voice_ru = "ru"};

	return c;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, ms % 1000 * 1000000L};

	nanosleep(&ts, NULL);
}

/* Poll until nothing is pending; 1 if that happened within seconds. */
static int
wait_idle(struct kz_announcer *a, int seconds)
{
	for (int i = 0; i < seconds * 50; i++) {
		if (kz_announce_pending(a) == 0)
			return 1;
		sleep_ms(20);
	}
	return 0;
}

static void
check_phrase(struct kz_announcer *a, int i, const char *lang, const char *text)
{
	const char *l = NULL, *t = kz_announce_phrase(a, i, &l);

	assert_non_null(t);
	assert_string_equal(l, lang);
	assert_string_equal(t, text);
}

static void
test_phrases(void **state)
{
	char kk[128], ru[128];

	(void)state;
	kz_announce_text("A-017", 3, kk, ru);
	assert_string_equal(kk, "Талон A-017, терезе 3");
	assert_string_equal(ru, "Талон A-017, окно 3");
}

static void
test_silent_calls_are_logged_in_order(void **state)
{
	struct kz_display_conf c = conf(0);
	struct kz_announcer *a = NULL;
	char why[256] = "", err[KZ_ERR_LEN] = "";
	const char *lang = "x";

	(void)state;
	assert_int_equal(kz_announce_open(&c, &a, why, err), KZ_OK);
	assert_non_null(a);
	assert_string_equal(why, "sound is off in the configuration");
	assert_null(kz_announce_phrase(a, 0, &lang));
	kz_announce_call(a, "A-001", 1);
	kz_announce_call(a, "B-002", 2);
	kz_announce_call(a, "A-001", 1); /* a recall is announced again */
	check_phrase(a, 0, "kk", "Талон A-001, терезе 1");
	check_phrase(a, 1, "ru", "Талон A-001, окно 1");
	check_phrase(a, 2, "kk", "Талон B-002, терезе 2");
	check_phrase(a, 3, "ru", "Талон B-002, окно 2");
	check_phrase(a, 4, "kk", "Талон A-001, терезе 1");
	check_phrase(a, 5, "ru", "Талон A-001, окно 1");
	assert_null(kz_announce_phrase(a, 6, &lang));
	assert_null(kz_announce_phrase(a, -1, NULL));
	assert_true(wait_idle(a, 2));
	kz_announce_close(a);
}

static void
test_no_device_or_voice_stays_silent_and_says_why(void **state)
{
	struct kz_display_conf c = conf(1);
	struct kz_announcer *a = NULL;
	char why[256] = "", err[KZ_ERR_LEN] = "";

	(void)state;
	setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
	assert_int_equal(kz_announce_open(&c, &a, why, err), KZ_OK);
	assert_true(strncmp(why, "no sound device: ", 17) == 0);
	kz_announce_call(a, "C-003", 4);
	assert_true(wait_idle(a, 2));
	check_phrase(a, 0, "kk", "Талон C-003, терезе 4");
	kz_announce_close(a);

	setenv("SDL_AUDIODRIVER", "dummy", 1); /* heard by no one */
	assert_int_equal(kz_announce_open(&c, &a, why, err), KZ_OK);
	assert_string_equal(why, "no sound device: SDL's audio driver is 'dummy'");
	kz_announce_call(a, "C-003", 4);
	assert_true(wait_idle(a, 2));
	kz_announce_close(a);

	snprintf(c.voice_kk, sizeof c.voice_kk, "xx"); /* no language has this code */
	assert_int_equal(kz_announce_open(&c, &a, why, err), KZ_OK);
	assert_non_null(strstr(why, "-v xx"));
	assert_non_null(strstr(why, "voice_kk"));
	kz_announce_close(a);
	unsetenv("SDL_AUDIODRIVER");
}

/* Through SDL's disk driver the chime and both phrases land in a file of
 * raw 16-bit samples; silence is written as zeros, so count the rest. */
static void
test_sound_reaches_the_device(void **state)
{
	struct kz_display_conf c = conf(1);
	struct kz_announcer *a = NULL;
	char path[] = "/tmp/kezek-announce-XXXXXX", why[256] = "", err[KZ_ERR_LEN] = "";
	int16_t buf[4096];
	long bytes = 0, heard = 0;
	size_t n;
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", path, 1);
	assert_int_equal(kz_announce_open(&c, &a, why, err), KZ_OK);
	if (why[0] != '\0')
		fail_msg("no sound with SDL's disk driver and espeak-ng voices kk, ru: %s "
			 "(install espeak-ng-data and an SDL2 built with the disk driver)",
			why);
	kz_announce_call(a, "A-017", 3);
	if (!wait_idle(a, 20))
		fail_msg("the announcement was still pending after 20 s");
	kz_announce_close(a); /* flushes the file */
	unsetenv("SDL_AUDIODRIVER");
	unsetenv("SDL_DISKAUDIOFILE");

	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(buf, sizeof *buf, sizeof buf / sizeof *buf, f)) > 0) {
		bytes += (long)(n * sizeof *buf);
		for (size_t i = 0; i < n; i++)
			heard += buf[i] != 0;
	}
	fclose(f);
	unlink(path);
	/* a chime and two phrases: well over 1.5 s at espeak-ng's 22050 Hz */
	if (bytes <= 40000 || heard * 2 <= 40000)
		fail_msg("the disk audio holds %ld bytes, %ld of them sound; expected more than "
			 "40000 of sound",
			bytes, heard * 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_silent_calls_are_logged_in_order),
		cmocka_unit_test(test_no_device_or_voice_stays_silent_and_says_why),
		cmocka_unit_test(test_sound_reaches_the_device),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
