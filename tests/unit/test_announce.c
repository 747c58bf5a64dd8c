/* test_announce.c - the spoken calls: their wording as a person says it
 * (letters by their Kazakh and Russian names, numbers in words, never an
 * English letter name in espeak-ng's phonemes), their order in the log,
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

static struct kz_config cfg_storage;

static struct kz_config *
conf(int sound)
{
	memset(&cfg_storage, 0, sizeof cfg_storage);
	cfg_storage.display =
		(struct kz_display_conf){.sound = sound, .voice_kk = "kk", .voice_ru = "ru"};
	return &cfg_storage;
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
check_text(const struct kz_config *cfg, const char *number, int counter, const char *want_kk,
	const char *want_ru)
{
	char kk[128], ru[128];

	kz_announce_text(cfg, number, counter, kk, ru);
	assert_string_equal(kk, want_kk);
	assert_string_equal(ru, want_ru);
}

static void
test_phrases(void **state)
{
	struct kz_config *c = conf(0);

	(void)state;
	check_text(NULL, "A-017", 3, "Талон а он жеті, терезе үш", "Талон а семнадцать, окно три");
	check_text(NULL, "B-002", 12, "Талон бэ екі, терезе он екі",
		"Талон бэ два, окно двенадцать");
	check_text(NULL, "C-100", 1, "Талон цэ бір жүз, терезе бір", "Талон цэ сто, окно один");
	check_text(NULL, "Б-005", 2, "Талон бэ бес, терезе екі", "Талон бэ пять, окно два");
	check_text(NULL, "Қ-010", 4, "Талон қа он, терезе төрт", "Талон ка десять, окно четыре");
	check_text(NULL, "AB-000", 5, "Талон а бэ нөл, терезе бес", "Талон а бэ ноль, окно пять");
	check_text(NULL, "h-021", 6, "Талон аш жиырма бір, терезе алты",
		"Талон аш двадцать один, окно шесть");
	/* a hall whose "B" stands for the Cyrillic В says so in its service */
	c->nservices = 2;
	snprintf(c->services[0].prefix, sizeof c->services[0].prefix, "B");
	snprintf(c->services[0].spoken_kk, sizeof c->services[0].spoken_kk, "вэ");
	snprintf(c->services[0].spoken_ru, sizeof c->services[0].spoken_ru, "вэ");
	snprintf(c->services[1].prefix, sizeof c->services[1].prefix, "Ә");
	snprintf(c->services[1].spoken_kk, sizeof c->services[1].spoken_kk, "ә");
	snprintf(c->services[1].spoken_ru, sizeof c->services[1].spoken_ru, "а с хвостиком");
	check_text(c, "B-017", 3, "Талон вэ он жеті, терезе үш", "Талон вэ семнадцать, окно три");
	check_text(c, "Ә-001", 3, "Талон ә бір, терезе үш", "Талон а с хвостиком один, окно три");
	check_text(c, "A-001", 3, "Талон а бір, терезе үш", "Талон а один, окно три");
}

#define MAX_TEXTS 128

/* espeak-ng's phonemes (-x -q) in voice for each of texts[0..n-1], in one
 * run: the texts go in as paragraphs (a blank line between them) and come
 * back the same, so out[i] holds text i's, its lines joined by spaces. */
static void
phonemes(const char *voice, const char *const *texts, int n, char out[][1024])
{
	char path[] = "/tmp/kezek-phonemes-XXXXXX", cmd[512], line[1024];
	int fd = mkstemp(path), i = 0, fresh = 1;
	FILE *f, *p;

	assert_true(fd >= 0 && n <= MAX_TEXTS);
	f = fdopen(fd, "w");
	assert_non_null(f);
	for (int t = 0; t < n; t++)
		fprintf(f, "%s\n\n", texts[t]);
	assert_int_equal(fclose(f), 0);
	for (int t = 0; t < n; t++)
		out[t][0] = '\0';
	snprintf(cmd, sizeof cmd, "espeak-ng -x -q -v %s <%s 2>&1", voice, path);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0') { /* the end of a paragraph */
			i += !fresh;
			fresh = 1;
			continue;
		}
		if (i < n)
			snprintf(out[i] + strlen(out[i]), 1024 - strlen(out[i]), "%s ", line);
		fresh = 0;
	}
	i += !fresh;
	unlink(path);
	if (pclose(p) != 0)
		fail_msg("espeak-ng -v %s failed (scripts/deps.sh installs it)", voice);
	if (i != n)
		fail_msg("espeak-ng -v %s said %d paragraphs for %d texts", voice, i, n);
}

/* word (phonemes) in said as a word of its own */
static int
has_word(const char *said, const char *word)
{
	size_t n = strlen(word);

	for (const char *at = strstr(said, word); at != NULL; at = strstr(at + 1, word))
		if ((at == said || at[-1] == ' ' || at[-1] == '_') &&
			(at[n] == ' ' || at[n] == '_' || at[n] == '\0'))
			return 1;
	return 0;
}

/* Every Latin and Cyrillic prefix letter, spoken in both calls: espeak-ng
 * never switches to English (its "(en)" mark) and no English letter name
 * (what its English voice says for "A", "B", "C" ...: "'eI", "b'i:",
 * "s'i:") is among the words.  A few names sound the same in English and
 * in Russian (F "эф", M "эм"): those the voice says for the letter's own
 * Russian or Kazakh name are no sign of English. */
static void
test_no_english_letter_names_in_phonemes(void **state)
{
	static const char *const prefixes[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J",
		"K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "А",
		"Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р", "С", "Т",
		"У", "Ф", "Х", "Ц", "Ч", "Ш", "Э", "Ю", "Я", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ",
		"І"};
	enum { NP = sizeof prefixes / sizeof prefixes[0] };
	static char english[26][1024], names[2][26][128], calls[2][NP][128];
	static char said_name[2][26][1024], said_call[2][NP][1024], said_old[1][1024];
	const char *latin[26], *name_texts[26], *call_texts[NP];
	const char *old[1] = {"Талон A-017, окно 3"};
	int named = 0;

	(void)state;
	for (int i = 0; i < 26; i++) {
		static char letter[26][2];
		letter[i][0] = (char)('A' + i);
		latin[i] = letter[i];
		kz_announce_text(NULL, letter[i], 0, names[0][i], names[1][i]);
	}
	for (int p = 0; p < NP; p++) {
		char number[32];
		snprintf(number, sizeof number, "%s-017", prefixes[p]);
		kz_announce_text(NULL, number, 3, calls[0][p], calls[1][p]);
	}
	phonemes("en", latin, 26, english);
	for (int i = 0; i < 26; i++) {
		for (char *c = english[i] + strlen(english[i]); c > english[i] && c[-1] == ' ';)
			*--c = '\0';
		assert_true(strlen(english[i]) >= 2);
	}
	for (int v = 0; v < 2; v++) {
		const char *voice = v ? "ru" : "kk";
		for (int i = 0; i < 26; i++)
			name_texts[i] = names[v][i];
		for (int p = 0; p < NP; p++)
			call_texts[p] = calls[v][p];
		phonemes(voice, name_texts, 26, said_name[v]);
		phonemes(voice, call_texts, NP, said_call[v]);
		for (int p = 0; p < NP; p++) {
			if (strstr(said_call[v][p], "(en)") != NULL)
				fail_msg("'%s' (%s) switches to English: %s", calls[v][p], voice,
					said_call[v][p]);
			for (int i = 0; i < 26; i++) {
				/* the letter's own name sounds as in English: no sign */
				if (has_word(said_name[v][i], english[i]))
					continue;
				named += p == 0;
				if (has_word(said_call[v][p], english[i]))
					fail_msg("'%s' (%s) has the English name of %c (%s): %s",
						calls[v][p], voice, 'A' + i, english[i],
						said_call[v][p]);
			}
		}
	}
	/* most names differ ("а", "бэ", "цэ"): the check has teeth */
	assert_true(named > 30);
	/* and it catches the Latin letters as they used to be sent */
	phonemes("ru", old, 1, said_old);
	assert_non_null(strstr(said_old[0], "(en)"));
	assert_true(has_word(said_old[0], english[0]) || strstr(said_old[0], english[0]) != NULL);
}

static void
test_silent_calls_are_logged_in_order(void **state)
{
	struct kz_config *c = conf(0);
	struct kz_announcer *a = NULL;
	char why[256] = "", err[KZ_ERR_LEN] = "";
	const char *lang = "x";

	(void)state;
	assert_int_equal(kz_announce_open(c, &a, why, err), KZ_OK);
	assert_non_null(a);
	assert_string_equal(why, "sound is off in the configuration");
	assert_null(kz_announce_phrase(a, 0, &lang));
	kz_announce_call(a, "A-001", 1);
	kz_announce_call(a, "B-002", 2);
	kz_announce_call(a, "A-001", 1); /* a recall is announced again */
	check_phrase(a, 0, "kk", "Талон а бір, терезе бір");
	check_phrase(a, 1, "ru", "Талон а один, окно один");
	check_phrase(a, 2, "kk", "Талон бэ екі, терезе екі");
	check_phrase(a, 3, "ru", "Талон бэ два, окно два");
	check_phrase(a, 4, "kk", "Талон а бір, терезе бір");
	check_phrase(a, 5, "ru", "Талон а один, окно один");
	assert_null(kz_announce_phrase(a, 6, &lang));
	assert_null(kz_announce_phrase(a, -1, NULL));
	assert_true(wait_idle(a, 2));
	kz_announce_close(a);
}

static void
test_no_device_or_voice_stays_silent_and_says_why(void **state)
{
	struct kz_config *c = conf(1);
	struct kz_announcer *a = NULL;
	char why[256] = "", err[KZ_ERR_LEN] = "";

	(void)state;
	setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
	assert_int_equal(kz_announce_open(c, &a, why, err), KZ_OK);
	assert_true(strncmp(why, "no sound device: ", 17) == 0);
	kz_announce_call(a, "C-003", 4);
	assert_true(wait_idle(a, 2));
	check_phrase(a, 0, "kk", "Талон цэ үш, терезе төрт");
	kz_announce_close(a);

	setenv("SDL_AUDIODRIVER", "dummy", 1); /* heard by no one */
	assert_int_equal(kz_announce_open(c, &a, why, err), KZ_OK);
	assert_string_equal(why, "no sound device: SDL's audio driver is 'dummy'");
	kz_announce_call(a, "C-003", 4);
	assert_true(wait_idle(a, 2));
	kz_announce_close(a);

	snprintf(c->display.voice_kk, sizeof c->display.voice_kk,
		"xx"); /* no language has this code */
	assert_int_equal(kz_announce_open(c, &a, why, err), KZ_OK);
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
	struct kz_config *c = conf(1);
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
	assert_int_equal(kz_announce_open(c, &a, why, err), KZ_OK);
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
		cmocka_unit_test(test_no_english_letter_names_in_phonemes),
		cmocka_unit_test(test_silent_calls_are_logged_in_order),
		cmocka_unit_test(test_no_device_or_voice_stays_silent_and_says_why),
		cmocka_unit_test(test_sound_reaches_the_device),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
