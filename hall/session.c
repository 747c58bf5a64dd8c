/* session.c - the table of sessions; see session.h.  Start at hall_session_add. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gnutls/crypto.h>

#include "session.h"

struct slot {
	struct hall_session s;
	int live;
	double born, seen; /* monotonic seconds */
};

struct hall_sessions {
	pthread_mutex_t lock;
	struct slot slots[HALL_SESSIONS];
};

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
hall_sessions_new(struct hall_sessions **out)
{
	struct hall_sessions *s = calloc(1, sizeof *s);

	if (s == NULL)
		return KZ_ENOMEM;
	pthread_mutex_init(&s->lock, NULL);
	*out = s;
	return KZ_OK;
}

void
hall_sessions_free(struct hall_sessions *s)
{
	if (s == NULL)
		return;
	pthread_mutex_destroy(&s->lock);
	memset(s, 0, sizeof *s); /* no token lingers in freed memory */
	free(s);
}

/* n random bytes as 2n hex digits into out. */
static int
random_hex(char *out, size_t n)
{
	unsigned char b[32];

	if (n > sizeof b || gnutls_rnd(GNUTLS_RND_KEY, b, n) != 0)
		return KZ_ENOMEM;
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	return KZ_OK;
}

static int
expired(const struct slot *sl, double now)
{
	return !sl->live || now - sl->seen > HALL_IDLE_SECONDS ||
		now - sl->born > HALL_SESSION_SECONDS;
}

int
hall_session_add(struct hall_sessions *s, struct hall_session *who)
{
	double now = mono();
	struct slot *free_slot = NULL;

	if (random_hex(who->token, 32) != KZ_OK || random_hex(who->csrf, 16) != KZ_OK)
		return KZ_ENOMEM;
	pthread_mutex_lock(&s->lock);
	for (int i = 0; i < HALL_SESSIONS && free_slot == NULL; i++)
		if (expired(&s->slots[i], now))
			free_slot = &s->slots[i];
	if (free_slot != NULL) {
		free_slot->s = *who;
		free_slot->live = 1;
		free_slot->born = free_slot->seen = now;
	}
	pthread_mutex_unlock(&s->lock);
	return free_slot ? KZ_OK : KZ_ENOMEM;
}

static struct slot *
lookup(struct hall_sessions *s, const char *token, double now)
{
	for (int i = 0; i < HALL_SESSIONS; i++) {
		struct slot *sl = &s->slots[i];
		if (sl->live && hall_same_secret(sl->s.token, token)) {
			if (expired(sl, now)) {
				sl->live = 0;
				return NULL;
			}
			return sl;
		}
	}
	return NULL;
}

int
hall_session_find(struct hall_sessions *s, const char *token, struct hall_session *out)
{
	double now = mono();
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	if ((sl = lookup(s, token, now)) != NULL) {
		sl->seen = now;
		*out = sl->s;
	}
	pthread_mutex_unlock(&s->lock);
	return sl != NULL;
}

void
hall_session_end(struct hall_sessions *s, const char *token)
{
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	if ((sl = lookup(s, token, mono())) != NULL)
		memset(sl, 0, sizeof *sl);
	pthread_mutex_unlock(&s->lock);
}

void
hall_session_set_lang(struct hall_sessions *s, const char *token, const char *lang)
{
	struct slot *sl;

	pthread_mutex_lock(&s->lock);
	if ((sl = lookup(s, token, mono())) != NULL)
		snprintf(sl->s.lang, sizeof sl->s.lang, "%s", lang);
	pthread_mutex_unlock(&s->lock);
}

int
hall_same_secret(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = la != lb;

	for (size_t i = 0; i < la && i < lb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}
