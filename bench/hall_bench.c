/*
 * hall_bench.c - figures, and one check: kezek-hall under a hall's load on
 * loopback.  3 kiosks issue tickets (through the queue, as the kiosk
 * program does), 12 clerks work their counters through the API (next,
 * start, finish, and the page's re-read of its counter after each), and 4
 * pages hold the stream of changes, for 10 minutes of the hall's clock,
 * stepped (no waiting on the wall clock).  Prints each operation's p50 and
 * p99 as the browser sees them (loopback: the server's time and a few
 * microseconds) and how long a kiosk's commit takes to reach each stream;
 * then the event-log audit (kezek check's) and the counts: every ticket
 * issued is in the hall once, every visitor served once.  Exit 1 if not.
 *
 *   hall_bench [--quick] [--minutes N] [--dir PATH]   (--quick: 1 minute)
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "hall/hall.h"
#include "queue/calendar.h"
#include "queue/clerk.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/hall.h"
#include "queue/history.h"
#include "queue/report.h"
#include "queue/ticket.h"

#include "bench.h"

#define KIOSKS      3
#define COUNTERS    12
#define LISTENERS   4
#define STEP        2 /* seconds of the hall's clock per turn */
#define START_AT    "2026-03-20T10:00"
#define MAX_SAMPLES 20000

enum op { OP_NEXT, OP_START, OP_FINISH, OP_GET, OP_LOGIN, NOPS };
static const char *const op_name[NOPS] = {"next", "start", "finish", "GET counter", "login"};

struct samples {
	double v[MAX_SAMPLES];
	int n;
};

static void
add(struct samples *s, double ms)
{
	if (s->n < MAX_SAMPLES)
		s->v[s->n++] = ms;
}

static void
report(const char *what, struct samples *s)
{
	if (s->n == 0) {
		printf("%-22s      none\n", what);
		return;
	}
	bench_sort(s->v, (size_t)s->n);
	printf("%-22s %6d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what, s->n,
		s->v[(s->n - 1) / 2], s->v[(size_t)((s->n - 1) * 0.99)], s->v[s->n - 1]);
}

/* One browser: a curl handle with its cookies and its CSRF token. */
struct browser {
	CURL *curl;
	struct curl_slist *headers;
	char body[16384];
	size_t len;
	int status;
};

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	struct browser *b = arg;
	size_t bytes = size * n, room = sizeof b->body - 1 - b->len;

	memcpy(b->body + b->len, data, bytes < room ? bytes : room);
	b->len += bytes < room ? bytes : room;
	b->body[b->len] = '\0';
	return bytes;
}

static int port;

/* One request; its time in ms, -1 if it failed to reach the server. */
static double
request(struct browser *b, const char *method, const char *path, const char *json)
{
	char url[256];
	long status = 0;
	double t0 = bench_now();

	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
	b->len = 0;
	b->body[0] = '\0';
	curl_easy_setopt(b->curl, CURLOPT_URL, url);
	curl_easy_setopt(b->curl, CURLOPT_HTTPHEADER, b->headers);
	if (strcmp(method, "POST") == 0)
		curl_easy_setopt(b->curl, CURLOPT_POSTFIELDS, json ? json : "{}");
	else
		curl_easy_setopt(b->curl, CURLOPT_HTTPGET, 1L);
	if (curl_easy_perform(b->curl) != CURLE_OK)
		return -1;
	curl_easy_getinfo(b->curl, CURLINFO_RESPONSE_CODE, &status);
	b->status = (int)status;
	return (bench_now() - t0) * 1000;
}

static int
browser_open(struct browser *b)
{
	memset(b, 0, sizeof *b);
	if ((b->curl = curl_easy_init()) == NULL)
		return -1;
	curl_easy_setopt(b->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(b->curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(b->curl, CURLOPT_WRITEDATA, b);
	b->headers = curl_slist_append(NULL, "Content-Type: application/json");
	return 0;
}

static void
browser_close(struct browser *b)
{
	curl_slist_free_all(b->headers);
	curl_easy_cleanup(b->curl);
}

/* Log in; the CSRF token goes into the headers.  The time, or -1. */
static double
browser_login(struct browser *b, const char *json)
{
	double ms = request(b, "POST", "/api/login", json);
	json_t *o = ms >= 0 && b->status == 200 ? json_loads(b->body, 0, NULL) : NULL;
	const char *csrf = json_string_value(json_object_get(o, "csrf"));
	char h[96];

	if (csrf == NULL) {
		fprintf(stderr, "hall_bench: login refused (%d): %s\n", b->status, b->body);
		json_decref(o);
		return -1;
	}
	snprintf(h, sizeof h, "X-CSRF-Token: %s", csrf);
	b->headers = curl_slist_append(b->headers, h);
	json_decref(o);
	return ms;
}

/* A page holding the stream: when each change came. */
struct listener {
	struct browser b;
	pthread_t thread;
	pthread_mutex_t *lock;
	pthread_cond_t *changed;
	double last; /* monotonic time of the latest change, under lock */
	int count;
};

static size_t
on_stream(char *data, size_t size, size_t n, void *arg)
{
	struct listener *l = arg;
	size_t bytes = size * n;
	double now = bench_now();

	/* each change is one write of the server's ("event: change ...") */
	if (bytes >= 13 && memmem(data, bytes, "event: change", 13) != NULL) {
		pthread_mutex_lock(l->lock);
		l->last = now;
		l->count++;
		pthread_cond_broadcast(l->changed);
		pthread_mutex_unlock(l->lock);
	}
	return bytes;
}

static void *
listen_stream(void *arg)
{
	struct listener *l = arg;
	char url[128];

	snprintf(url, sizeof url, "http://127.0.0.1:%d/api/events", port);
	curl_easy_setopt(l->b.curl, CURLOPT_URL, url);
	curl_easy_setopt(l->b.curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(l->b.curl, CURLOPT_WRITEFUNCTION, on_stream);
	curl_easy_setopt(l->b.curl, CURLOPT_WRITEDATA, l);
	curl_easy_perform(l->b.curl); /* until the server stops */
	return NULL;
}

/* A counter's clerk, as the page drives it. */
struct counter {
	struct browser b;
	int number;
	enum { IDLE, CALLED, SERVING } state;
	int64_t until; /* SERVING: when the visit ends */
	int served, no_shows;
};

static struct samples lat[NOPS], change;
static const char *const services[] = {"A", "B", "C"};

/* The clerk's turn at time now. */
static int
work(struct counter *c, int64_t now, unsigned *seed)
{
	const char *path = NULL, *body = NULL;
	enum op op;
	double ms;

	if (c->state == IDLE)
		path = "/api/counter/next", op = OP_NEXT;
	else if (c->state == CALLED)
		path = "/api/counter/start", op = OP_START;
	else if (now >= c->until)
		path = "/api/counter/finish", op = OP_FINISH, body = "{\"outcome\":\"served\"}";
	else
		return 0;
	if (c->state == CALLED && rand_r(seed) % 20 == 0) /* one in twenty never comes up */
		path = "/api/counter/finish", op = OP_FINISH, body = "{\"outcome\":\"no_show\"}";
	if ((ms = request(&c->b, "POST", path, body)) < 0)
		return -1;
	add(&lat[op], ms);
	if (c->b.status == 200 && op == OP_NEXT)
		c->state = CALLED;
	else if (c->b.status == 200 && op == OP_START)
		c->state = SERVING, c->until = now + 60 + rand_r(seed) % 240;
	else if (c->b.status == 200 && op == OP_FINISH) {
		strstr(body, "served") ? c->served++ : c->no_shows++;
		c->state = IDLE;
	} else if (c->b.status != 409) {
		fprintf(stderr, "hall_bench: counter %d %s: %d %s\n", c->number, path, c->b.status,
			c->b.body);
		return -1;
	}
	if ((ms = request(&c->b, "GET", "/api/counter", NULL)) < 0 || c->b.status != 200)
		return -1;
	add(&lat[OP_GET], ms);
	return 0;
}

/* After a kiosk's commit at t0: when each stream heard of it. */
static int
heard(struct listener *l, pthread_mutex_t *lock, pthread_cond_t *cond, double t0)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 5;
	pthread_mutex_lock(lock);
	for (int i = 0; i < LISTENERS; i++) {
		while (l[i].last < t0)
			if (pthread_cond_timedwait(cond, lock, &until) == ETIMEDOUT) {
				pthread_mutex_unlock(lock);
				fprintf(stderr, "hall_bench: stream %d heard nothing in 5 s\n", i);
				return -1;
			}
		add(&change, (l[i].last - t0) * 1000);
	}
	pthread_mutex_unlock(lock);
	return 0;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: hall_bench [--quick] [--minutes N] [--dir PATH]\n"
		"  --quick      one minute of the hall's clock instead of ten\n"
		"  --minutes N  minutes of the hall's clock (1 to 480)\n"
		"  --dir PATH   keep the hall there (default: a scratch folder, removed)\n");
}

struct hall_setup {
	char dir[256], config[600], db[600];
	struct kz_config cfg;
	struct kz_calendar *cal;
	struct kz_db *kiosk;
};

/* The default hall with twelve counters, its clerks' PINs, a manager. */
static int
set_up(struct hall_setup *h, const char *dir, char *err)
{
	char why[1400], name[64];
	FILE *f;
	int rc;

	if (dir != NULL) {
		snprintf(h->dir, sizeof h->dir, "%s", dir);
		snprintf(h->config, sizeof h->config, "%s/hall.ini", dir);
		snprintf(why, sizeof why, "cp '%s/config/hall.ini' '%s'", KZ_SOURCE_DIR, h->config);
		if (system(why) != 0)
			return kz_err(err, KZ_EDB, "cannot copy the configuration into %s", dir);
		snprintf(h->db, sizeof h->db, "%s/hall.db", dir);
	} else if (bench_scratch_hall("hall", h->dir, h->config, h->db, why) != 0) {
		return kz_err(err, KZ_EDB, "%s", why);
	}
	if ((f = fopen(h->config, "a")) == NULL)
		return kz_err(err, KZ_EDB, "cannot add counters to %s", h->config);
	for (int n = 4; n <= COUNTERS; n++)
		fprintf(f, "\n[counter %d]\nservices = A, B, C\n", n);
	fclose(f);
	if ((rc = kz_config_load(h->config, &h->cfg, err)) != KZ_OK ||
		(rc = kz_config_use_data_dir(&h->cfg, KZ_SOURCE_DIR, err)) != KZ_OK ||
		(rc = kz_clock_setup(h->cfg.timezone, START_AT, err)) != KZ_OK ||
		(rc = kz_cal_load(h->cfg.holidays, &h->cfg.hours, &h->cal, err)) != KZ_OK ||
		(rc = kz_db_open(h->db, KZ_DB_CREATE, &h->kiosk, err)) != KZ_OK ||
		(rc = kz_hall_sync(h->kiosk, &h->cfg, NULL, err)) != KZ_OK)
		return rc;
	for (int n = 1; n <= COUNTERS + LISTENERS; n++) {
		snprintf(name, sizeof name, "Clerk %02d", n);
		if ((rc = kz_clerk_set_pin(h->kiosk, name, "Specialist", "1234", NULL, err)) !=
			KZ_OK)
			return rc;
	}
	return KZ_OK;
}

int
main(int argc, char **argv)
{
	static struct counter counters[COUNTERS];
	static struct listener listeners[LISTENERS];
	pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
	struct hall_setup h = {0};
	struct kz_hall *hall = NULL;
	const char *dir = NULL;
	long minutes = 10;
	char err[KZ_ERR_LEN], json[400], day[11], first[11];
	int64_t t, end, issued = 0, in_db = 0, audited = 0;
	int served = 0, no_shows = 0, failed = 0, rc;
	unsigned seed = 20260320;
	struct kz_report *rep = NULL;
	FILE *log;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--quick") == 0) {
			minutes = 1;
		} else if (strcmp(argv[i], "--minutes") == 0 && i + 1 < argc) {
			if (!bench_number(argv[++i], 1, 480, &minutes))
				bench_bad_option("hall_bench", argv[i]);
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else {
			bench_bad_option("hall_bench", argv[i]);
		}
	}
	if (set_up(&h, dir, err) != KZ_OK) {
		fprintf(stderr, "hall_bench: %s\n", err);
		return 1;
	}
	snprintf(json, sizeof json, "%s/hall-server.log", h.dir);
	log = fopen(json, "w");
	struct kz_hall_options opt = {.cfg = &h.cfg,
		.db_path = h.db,
		.cal = h.cal,
		.www = KZ_SOURCE_DIR "/tests/hall/www",
		.data_dir = KZ_SOURCE_DIR,
		.port = 0,
		.log = log};
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if ((rc = kz_hall_start(&opt, &hall, err)) != KZ_OK) {
		fprintf(stderr, "hall_bench: %s\n", err);
		return 1;
	}
	port = hall->port;
	printf("kezek-hall on 127.0.0.1:%d: %d kiosks, %d counters, %d streams, %ld minutes of "
	       "the hall's clock in steps of %d s\n",
		port, KIOSKS, COUNTERS, LISTENERS, minutes, STEP);
	for (int i = 0; i < COUNTERS; i++) {
		struct counter *c = &counters[i];
		double ms;
		c->number = i + 1;
		snprintf(json, sizeof json,
			"{\"role\":\"clerk\",\"name\":\"Clerk %02d\",\"pin\":\"1234\",\"counter\":%d,"
			"\"lang\":\"ru\"}",
			i + 1, i + 1);
		if (browser_open(&c->b) != 0 || (ms = browser_login(&c->b, json)) < 0 ||
			request(&c->b, "POST", "/api/counter/open", NULL) < 0 ||
			c->b.status != 200) {
			fprintf(stderr, "hall_bench: counter %d cannot open: %s\n", i + 1,
				c->b.body);
			return 1;
		}
		add(&lat[OP_LOGIN], ms);
	}
	for (int i = 0; i < LISTENERS; i++) {
		struct listener *l = &listeners[i];
		snprintf(json, sizeof json,
			"{\"role\":\"clerk\",\"name\":\"Clerk %02d\",\"pin\":\"1234\",\"counter\":%d,"
			"\"lang\":\"kk\"}",
			COUNTERS + 1 + i, 1 + i % 3);
		l->lock = &lock;
		l->changed = &cond;
		if (browser_open(&l->b) != 0 || browser_login(&l->b, json) < 0 ||
			pthread_create(&l->thread, NULL, listen_stream, l) != 0)
			return 1;
	}
	/* every stream open and heard from once before the clock starts */
	if (heard(listeners, &lock, &cond, 0) != 0)
		return 1;
	change.n = 0;

	t = kz_clock_now();
	end = t + minutes * 60;
	for (; t < end && !failed; t += STEP) {
		kz_clock_set(t);
		for (int k = 0; k < KIOSKS; k++) {
			struct kz_ticket tk;
			if (rand_r(&seed) % 100 >= 7)
				continue;
			if (kz_ticket_issue(h.kiosk, h.cal, services[rand_r(&seed) % 3], &tk,
				    err) != KZ_OK) {
				fprintf(stderr, "hall_bench: kiosk %d: %s\n", k + 1, err);
				failed = 1;
				break;
			}
			issued++;
			if (heard(listeners, &lock, &cond, bench_now()) != 0)
				failed = 1;
		}
		for (int i = 0; i < COUNTERS && !failed; i++)
			failed = work(&counters[i], t, &seed) != 0;
	}
	for (int i = 0; i < COUNTERS; i++) {
		served += counters[i].served;
		no_shows += counters[i].no_shows;
		browser_close(&counters[i].b);
	}
	kz_hall_stop(hall); /* ends the streams */
	for (int i = 0; i < LISTENERS; i++) {
		pthread_join(listeners[i].thread, NULL);
		browser_close(&listeners[i].b);
	}
	for (int o = 0; o < NOPS; o++)
		report(op_name[o], &lat[o]);
	report("change to stream", &change);

	kz_clock_day(kz_clock_now(), day);
	if ((rc = kz_history_audit(h.kiosk, &audited, err)) != KZ_OK ||
		(rc = kz_ticket_count_days(h.kiosk, day, day, &in_db, first, err)) != KZ_OK ||
		(rc = kz_report_build(h.kiosk, h.cal, &h.cfg, day, day, &rep, err)) != KZ_OK) {
		fprintf(stderr, "hall_bench: the audit failed: %s\n", err);
		failed = 1;
	} else {
		printf("audit: %lld places agree with the event log; %lld tickets issued, %lld in the "
		       "hall; %d served and %d no-shows through the pages, %d and %d in the report\n",
			(long long)audited, (long long)issued, (long long)in_db, served, no_shows,
			rep->total.served, rep->total.no_shows);
		if (in_db != issued || rep->total.served != served ||
			rep->total.no_shows != no_shows) {
			fprintf(stderr, "hall_bench: something was lost or doubled\n");
			failed = 1;
		}
	}
	kz_report_free(rep);
	kz_db_close(h.kiosk);
	kz_cal_free(h.cal);
	if (log)
		fclose(log);
	curl_global_cleanup();
	if (dir == NULL && h.dir[0]) {
		snprintf(json, sizeof json, "rm -rf '%s'", h.dir);
		if (system(json) != 0)
			fprintf(stderr, "hall_bench: %s is left\n", h.dir);
	}
	return failed;
}
