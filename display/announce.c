/* announce.c - the hall's voice: a worker thread takes calls in order and
 * plays a chime and both phrases through SDL audio; see announce.h. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "display/announce.h"
#include "queue/error.h"
#include "queue/utf8.h"
#include "queue/words.h"

#define WHY_LEN         256
#define CHIME_AMPLITUDE 9000.0 /* about -11 dBFS: heard, not startling */

/* Speech comes from the espeak-ng program, one process per phrase: the
 * library (1.51) deadlocked inside espeak_Initialize under the sanitizers
 * and cannot be restarted in a process; a child that hangs is killed and
 * the board carries on.  It writes a WAV to its standard output. */
#define SPEAK_SECONDS 10 /* a phrase that takes longer is abandoned */

extern char **environ;

struct phrase {
	const char *lang; /* "kk" or "ru", a literal */
	char *text;       /* allocated alone, so growing the log never moves it */
};

struct kz_announcer {
	pthread_mutex_t lock; /* guards log, nlog, cap, next, speaking, stop */
	pthread_cond_t wake;
	pthread_t worker;
	struct phrase *log; /* every phrase queued; call i is 2i (kk), 2i+1 (ru) */
	int nlog, cap;
	int next;     /* the first call the worker has not taken */
	int speaking; /* the worker is on a call */
	int stop;
	const struct kz_config *cfg; /* the services' spoken prefixes; the caller's */

	/* Sound, used by the worker only; dev 0 means silent. */
	SDL_AudioDeviceID dev;
	int rate;
	Uint32 buffer_ms; /* what the device holds beyond its queue */
	char voice_kk[32], voice_ru[32];
	int16_t *chime;
	size_t nchime;
	char *speech; /* the WAV espeak-ng wrote for the phrase being said */
	size_t nspeech, speech_cap;
};

/* How a person says each letter a prefix may have, in Kazakh and in
 * Russian: Latin as it is read aloud in the offices (B "бэ", C "цэ", H
 * "аш"), Cyrillic by its name.  The Russian voice cannot read letters of
 * Kazakh alone, so its column says the nearest Russian letter. */
static const struct {
	uint32_t cp; /* the capital */
	const char *kk, *ru;
} letter_names[] = {
	{'A', "а", "а"},
	{'B', "бэ", "бэ"},
	{'C', "цэ", "цэ"},
	{'D', "дэ", "дэ"},
	{'E', "е", "е"},
	{'F', "эф", "эф"},
	{'G', "гэ", "гэ"},
	{'H', "аш", "аш"},
	{'I', "и", "и"},
	{'J', "жи", "жи"},
	{'K', "ка", "ка"},
	{'L', "эль", "эль"},
	{'M', "эм", "эм"},
	{'N', "эн", "эн"},
	{'O', "о", "о"},
	{'P', "пэ", "пэ"},
	{'Q', "ку", "ку"},
	{'R', "эр", "эр"},
	{'S', "эс", "эс"},
	{'T', "тэ", "тэ"},
	{'U', "у", "у"},
	{'V', "вэ", "вэ"},
	{'W', "дубль-вэ", "дубль-вэ"},
	{'X', "икс", "икс"},
	{'Y', "игрек", "игрек"},
	{'Z', "зэт", "зэт"},
	{0x410, "а", "а"},
	{0x4D8, "ә", "а"},
	{0x411, "бэ", "бэ"},
	{0x412, "вэ", "вэ"},
	{0x413, "гэ", "гэ"},
	{0x492, "ғы", "гэ"},
	{0x414, "дэ", "дэ"},
	{0x415, "е", "е"},
	{0x401, "ё", "ё"},
	{0x416, "жэ", "жэ"},
	{0x417, "зэ", "зэ"},
	{0x418, "и", "и"},
	{0x419, "қысқа и", "и краткое"},
	{0x41A, "ка", "ка"},
	{0x49A, "қа", "ка"},
	{0x41B, "эль", "эль"},
	{0x41C, "эм", "эм"},
	{0x41D, "эн", "эн"},
	{0x4A2, "ың", "эн"},
	{0x41E, "о", "о"},
	{0x4E8, "ө", "о"},
	{0x41F, "пэ", "пэ"},
	{0x420, "эр", "эр"},
	{0x421, "эс", "эс"},
	{0x422, "тэ", "тэ"},
	{0x423, "у", "у"},
	{0x4B0, "ұ", "у"},
	{0x4AE, "ү", "у"},
	{0x424, "эф", "эф"},
	{0x425, "ха", "ха"},
	{0x4BA, "һа", "ха"},
	{0x426, "цэ", "цэ"},
	{0x427, "че", "че"},
	{0x428, "ша", "ша"},
	{0x429, "ща", "ща"},
	{0x42A, "айыру белгісі", "твёрдый знак"},
	{0x42B, "ы", "ы"},
	{0x406, "і", "и"},
	{0x42C, "жіңішкелік белгісі", "мягкий знак"},
	{0x42D, "э", "э"},
	{0x42E, "ю", "ю"},
	{0x42F, "я", "я"},
};

/* The capital of a Latin, Russian or Kazakh small letter; others as they are. */
static uint32_t
capital(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 0x20;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 0x50;
	if (cp >= 0x490 && cp <= 0x4FF && cp % 2 == 1)
		return cp - 1;
	return cp;
}

static const char *
letter_name(uint32_t cp, int ru)
{
	cp = capital(cp);
	for (size_t i = 0; i < sizeof letter_names / sizeof letter_names[0]; i++)
		if (letter_names[i].cp == cp)
			return ru ? letter_names[i].ru : letter_names[i].kk;
	return NULL;
}

/* Append word to out (128 bytes), a space before it unless first. */
static void
add_word(char *out, const char *word)
{
	size_t n = strlen(out);

	snprintf(out + n, 128 - n, "%s%s", n > 0 ? " " : "", word);
}

/* The digits starting at s, as their number in words; the bytes taken.
 * Too many digits for one number: they are said one by one. */
static size_t
add_digits(char *out, const char *s, const char *lang)
{
	char words[KZ_WORDS_LEN], err[KZ_ERR_LEN];
	size_t n = strspn(s, "0123456789");

	if (n <= 12) {
		if (kz_words_number(strtoll(s, NULL, 10), lang, words, sizeof words, err) == KZ_OK)
			add_word(out, words);
		return n;
	}
	for (size_t i = 0; i < n; i++) {
		if (kz_words_number(s[i] - '0', lang, words, sizeof words, err) == KZ_OK)
			add_word(out, words);
	}
	return n;
}

/* A ticket number as a person says it, appended to out (128 bytes): the
 * prefix's letters by name (or as its service's spoken_letter says), the
 * digits as a number in words: "B-017" is "бэ семнадцать" in Russian, "бэ
 * он жеті" in Kazakh. */
static void
spoken_number(const struct kz_config *cfg, const char *number, int ru, char *out)
{
	const char *lang = ru ? "ru" : "kk", *dash = strchr(number, '-'), *s = number;

	for (int i = 0; cfg != NULL && dash != NULL && i < cfg->nservices; i++) {
		const struct kz_service_conf *sv = &cfg->services[i];
		const char *said = ru ? sv->spoken_ru : sv->spoken_kk;
		if (said[0] != '\0' && strlen(sv->prefix) == (size_t)(dash - number) &&
			strncmp(sv->prefix, number, (size_t)(dash - number)) == 0) {
			add_word(out, said);
			s = dash;
			break;
		}
	}
	while (*s != '\0') {
		uint32_t cp;
		const char *name;
		if (*s >= '0' && *s <= '9') {
			s += add_digits(out, s, lang);
			continue;
		}
		s += kz_utf8_next((const unsigned char *)s, &cp);
		if ((name = letter_name(cp, ru)) != NULL)
			add_word(out, name);
		/* a dash or anything unnamed is a pause, never a word in English */
	}
}

/* "Талон <number>, <window> <counter>" in words into out (128 bytes). */
static void
phrase(const struct kz_config *cfg, const char *number, int counter, int ru, char *out)
{
	char digits[16];
	size_t n;

	snprintf(digits, sizeof digits, "%d", counter < 0 ? 0 : counter);
	snprintf(out, 128, "Талон");
	spoken_number(cfg, number, ru, out);
	n = strlen(out);
	snprintf(out + n, 128 - n, ", %s", ru ? "окно" : "терезе");
	add_digits(out, digits, ru ? "ru" : "kk");
}

void
kz_announce_text(const struct kz_config *cfg, const char *number, int counter, char *kk, char *ru)
{
	phrase(cfg, number, counter, 0, kk);
	phrase(cfg, number, counter, 1, ru);
}

/* Read all of fd into a->speech (bytes), growing it; -1 past the deadline. */
static int
read_all(struct kz_announcer *a, int fd, time_t deadline)
{
	size_t used = 0;

	for (;;) {
		ssize_t n;
		if (used == a->speech_cap) {
			size_t cap = a->speech_cap ? a->speech_cap * 2 : 1 << 17;
			char *grown = realloc(a->speech, cap);
			if (grown == NULL)
				return -1;
			a->speech = grown;
			a->speech_cap = cap;
		}
		n = read(fd, a->speech + used, a->speech_cap - used);
		if (n == 0)
			break;
		if (n < 0 || time(NULL) > deadline)
			return -1;
		used += (size_t)n;
	}
	a->nspeech = used;
	return 0;
}

/* Run espeak-ng -v voice --stdout text; its WAV in a->speech.  0 or -1. */
static int
synthesize(struct kz_announcer *a, const char *voice, const char *text)
{
	char *argv[] = {"espeak-ng", "-v", (char *)voice, "--stdout", (char *)text, NULL};
	posix_spawn_file_actions_t fa;
	int fds[2], status, rc = -1;
	pid_t pid;

	a->nspeech = 0;
	if (pipe(fds) < 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "espeak-ng", &fa, NULL, argv, environ) == 0) {
		close(fds[1]);
		fds[1] = -1;
		rc = read_all(a, fds[0], time(NULL) + SPEAK_SECONDS);
		if (rc < 0)
			kill(pid, SIGKILL);
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			rc = -1;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	return rc;
}

/* The samples of the WAV in a->speech: its "data" chunk, 16-bit mono, and
 * the rate from "fmt ".  NULL if it is not such a WAV. */
static const int16_t *
wav_samples(struct kz_announcer *a, size_t *n, int *rate)
{
	const unsigned char *w = (const unsigned char *)a->speech;
	size_t at = 12;

	if (a->nspeech < 44 || memcmp(w, "RIFF", 4) != 0 || memcmp(w + 8, "WAVE", 4) != 0)
		return NULL;
	while (at + 8 <= a->nspeech) {
		size_t len = w[at + 4] | w[at + 5] << 8 | (size_t)w[at + 6] << 16 |
			(size_t)w[at + 7] << 24;
		if (memcmp(w + at, "fmt ", 4) == 0 && at + 16 <= a->nspeech)
			*rate = w[at + 12] | w[at + 13] << 8 | w[at + 14] << 16;
		if (memcmp(w + at, "data", 4) == 0) {
			/* streamed: the length may be a placeholder; take what came */
			*n = (a->nspeech - at - 8) / 2;
			return (const int16_t *)(w + at + 8);
		}
		at += 8 + len;
	}
	return NULL;
}

/* Two rising tones, 660 Hz then 880 Hz, a quarter second each, then a
 * short pause before the words.  10 ms ramps keep the edges from clicking. */
static int16_t *
make_chime(int rate, size_t *n)
{
	static const double freq[2] = {660.0, 880.0};
	const double two_pi = 6.28318530717958647692;
	size_t tone = (size_t)rate / 4, fade = (size_t)rate / 100, pause = (size_t)rate / 8;
	int16_t *s = calloc(2 * tone + pause, sizeof *s);

	if (s == NULL)
		return NULL;
	for (size_t t = 0; t < 2; t++) {
		for (size_t i = 0; i < tone; i++) {
			double env = 1.0;
			if (i < fade)
				env = (double)i / (double)fade;
			else if (tone - i < fade)
				env = (double)(tone - i) / (double)fade;
			s[t * tone + i] = (int16_t)(CHIME_AMPLITUDE * env *
				sin(two_pi * freq[t] * (double)i / rate));
		}
	}
	*n = 2 * tone + pause;
	return s;
}

/* KZ_OK with sound ready; 1 when silent, with the reason in why;
 * KZ_ENOMEM. */
static int
start_sound(struct kz_announcer *a, const struct kz_display_conf *conf, char *why)
{
	SDL_AudioSpec want, have;

	/* Both voices must speak before the board counts on them; this also
	 * tells the rate the device must run at. */
	for (int ru = 0; ru < 2; ru++) {
		const char *voice = ru ? conf->voice_ru : conf->voice_kk;
		size_t n = 0;
		if (synthesize(a, voice, "1") < 0 || wav_samples(a, &n, &a->rate) == NULL ||
			a->rate <= 0) {
			snprintf(why, WHY_LEN,
				"no speech: 'espeak-ng -v %s' does not speak; install espeak-ng or set "
				"voice_%s in [display] to a voice 'espeak-ng --voices' lists",
				voice, ru ? "ru" : "kk");
			return 1;
		}
	}
	snprintf(a->voice_kk, sizeof a->voice_kk, "%s", conf->voice_kk);
	snprintf(a->voice_ru, sizeof a->voice_ru, "%s", conf->voice_ru);
	a->chime = make_chime(a->rate, &a->nchime);
	if (a->chime == NULL)
		return KZ_ENOMEM;
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) < 0) {
		snprintf(why, WHY_LEN, "no sound device: %s", SDL_GetError());
		return 1;
	}
	/* "dummy" plays to no one, only in real time: better silent and quick */
	if (strcmp(SDL_GetCurrentAudioDriver(), "dummy") == 0) {
		snprintf(why, WHY_LEN, "no sound device: SDL's audio driver is 'dummy'");
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return 1;
	}
	SDL_zero(want);
	want.freq = a->rate;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = 1024;
	a->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (a->dev == 0) {
		snprintf(why, WHY_LEN, "no sound device: %s", SDL_GetError());
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return 1;
	}
	a->buffer_ms = (Uint32)have.samples * 1000 / (Uint32)have.freq + 1;
	SDL_PauseAudioDevice(a->dev, 0);
	return KZ_OK;
}

static void
stop_sound(struct kz_announcer *a)
{
	if (a->dev == 0)
		return;
	SDL_CloseAudioDevice(a->dev);
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
	a->dev = 0;
}

static void
say(struct kz_announcer *a, const char *voice, const char *text)
{
	const int16_t *samples;
	size_t n = 0;
	int rate = 0;

	if (synthesize(a, voice, text) < 0 || (samples = wav_samples(a, &n, &rate)) == NULL)
		return; /* the board goes on; this phrase is not heard */
	if (n > 0 && rate == a->rate)
		SDL_QueueAudio(a->dev, samples, (Uint32)(n * sizeof *samples));
}

/* Wait for the device to play everything out, so calls never overlap.
 * Bounded, so a stalled device cannot hold up the queue for ever. */
static void
drain(struct kz_announcer *a)
{
	Uint32 queued = SDL_GetQueuedAudioSize(a->dev);
	Uint64 until = SDL_GetTicks64() + (Uint64)queued / 2 * 1000 / (Uint64)a->rate + 2000;

	while (SDL_GetQueuedAudioSize(a->dev) > 0 && SDL_GetTicks64() < until &&
		SDL_GetAudioDeviceStatus(a->dev) == SDL_AUDIO_PLAYING)
		SDL_Delay(20);
	SDL_Delay(a->buffer_ms); /* the last buffer is still in the device */
}

static void
announce(struct kz_announcer *a, const char *kk, const char *ru)
{
	if (a->dev == 0)
		return;
	SDL_QueueAudio(a->dev, a->chime, (Uint32)(a->nchime * sizeof *a->chime));
	say(a, a->voice_kk, kk);
	say(a, a->voice_ru, ru);
	drain(a);
}

static void *
worker(void *arg)
{
	struct kz_announcer *a = arg;

	pthread_mutex_lock(&a->lock);
	for (;;) {
		while (!a->stop && a->next >= a->nlog / 2)
			pthread_cond_wait(&a->wake, &a->lock);
		if (a->stop)
			break;
		/* the texts never move, so they can be read unlocked */
		const char *kk = a->log[2 * a->next].text, *ru = a->log[2 * a->next + 1].text;
		a->next++;
		a->speaking = 1;
		pthread_mutex_unlock(&a->lock);
		announce(a, kk, ru);
		pthread_mutex_lock(&a->lock);
		a->speaking = 0;
	}
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

static void
free_announcer(struct kz_announcer *a)
{
	for (int i = 0; i < a->nlog; i++)
		free(a->log[i].text);
	free(a->log);
	free(a->chime);
	free(a->speech);
	pthread_cond_destroy(&a->wake);
	pthread_mutex_destroy(&a->lock);
	free(a);
}

int
kz_announce_open(const struct kz_config *cfg, struct kz_announcer **out, char *why, char *err)
{
	const struct kz_display_conf *conf = &cfg->display;
	struct kz_announcer *a = calloc(1, sizeof *a);
	char reason[WHY_LEN] = "";
	int rc;

	*out = NULL;
	if (a == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory starting the announcer");
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->wake, NULL);
	a->cfg = cfg;
	if (!conf->sound)
		snprintf(reason, sizeof reason, "sound is off in the configuration");
	else if (start_sound(a, conf, reason) == KZ_ENOMEM) {
		free_announcer(a);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the announcer");
	}
	rc = pthread_create(&a->worker, NULL, worker, a);
	if (rc != 0) {
		stop_sound(a);
		free_announcer(a);
		return kz_err(err, KZ_ENOMEM, "cannot start the announcer's thread: %s",
			strerror(rc));
	}
	if (why != NULL)
		snprintf(why, WHY_LEN, "%s", reason);
	*out = a;
	return KZ_OK;
}

void
kz_announce_close(struct kz_announcer *a)
{
	if (a == NULL)
		return;
	pthread_mutex_lock(&a->lock);
	a->stop = 1;
	pthread_cond_signal(&a->wake);
	pthread_mutex_unlock(&a->lock);
	pthread_join(a->worker, NULL);
	stop_sound(a);
	free_announcer(a);
}

/* Room for two more phrases; called locked. */
static int
grow_log(struct kz_announcer *a)
{
	struct phrase *log;
	int cap;

	if (a->nlog + 2 <= a->cap)
		return 1;
	cap = a->cap ? a->cap * 2 : 32;
	log = realloc(a->log, (size_t)cap * sizeof *log);
	if (log == NULL)
		return 0;
	a->log = log;
	a->cap = cap;
	return 1;
}

void
kz_announce_call(struct kz_announcer *a, const char *number, int counter)
{
	char kk[128], ru[128];
	char *tkk, *tru;

	kz_announce_text(a->cfg, number, counter, kk, ru);
	tkk = strdup(kk);
	tru = strdup(ru);
	pthread_mutex_lock(&a->lock);
	if (tkk != NULL && tru != NULL && grow_log(a)) {
		a->log[a->nlog++] = (struct phrase){"kk", tkk};
		a->log[a->nlog++] = (struct phrase){"ru", tru};
		pthread_cond_signal(&a->wake);
		tkk = tru = NULL;
	}
	pthread_mutex_unlock(&a->lock);
	/* out of memory: the call is shown, only not announced */
	free(tkk);
	free(tru);
}

int
kz_announce_pending(struct kz_announcer *a)
{
	int n;

	pthread_mutex_lock(&a->lock);
	n = a->nlog / 2 - a->next + a->speaking;
	pthread_mutex_unlock(&a->lock);
	return n;
}

const char *
kz_announce_phrase(struct kz_announcer *a, int i, const char **lang)
{
	const char *text = NULL, *l = NULL;

	pthread_mutex_lock(&a->lock);
	if (i >= 0 && i < a->nlog) {
		text = a->log[i].text;
		l = a->log[i].lang;
	}
	pthread_mutex_unlock(&a->lock);
	if (lang != NULL)
		*lang = l;
	return text;
}
