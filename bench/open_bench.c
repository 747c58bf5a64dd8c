/*
 * open_bench.c - figures: the public feed of waits (GET /open/waits.json)
 * served to many clients at once on loopback while the hall works.  A busy
 * hall is simulated (an hour of tickets issued and called at three
 * counters), kezek-hall is started in this process (or --url names one
 * already running), and CLIENTS clients (libcurl multi, each on its own
 * loopback address, as so many phones behind their own addresses) ask for
 * the feed again and again, each as often as its address's budget allows
 * (PACE: 45 a second, where a phone's page asks every 12 s), while a writer commits a
 * change to the hall every WRITE_MS (a ticket issued, a visitor called or
 * finished).  Prints requests a second, latency p50/p95/p99/max as the
 * client sees it, the answers by status, and how many times the server
 * made the answer (once per change, not once per request).  Exit 1 if a
 * request failed or was refused, an answer was not the feed, or the answer
 * was made more often than the hall changed.
 *
 *   open_bench [--quick] [--clients N] [--seconds N] [--url URL] [--dir PATH]
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "hall/events.h"
#include "hall/hall.h"
#include "hall/limits.h"
#include "hall/open.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/counter.h"
#include "queue/db.h"
#include "queue/hall.h"
#include "queue/ticket.h"

#include "bench.h"

#define START_AT "2026-03-20T09:00"
#define RUN_AT   "2026-03-20T10:00"
#define COUNTERS 3
#define WRITE_MS 100 /* a change committed this often during the run */
#define BODY_MAX 65536
/* each client asks again this long after its last request went: within
 * its address's budget (limits.h: HALL_RATE a second), so none is refused */
#define PACE (1.1 / HALL_RATE)

static const char *const services[] = {"A", "B", "C"};

struct client {
	CURL *curl;
	char address[48]; /* "host!127.0.X.Y": the local address it comes from */
	double t0;        /* when its request went */
	double due;       /* idle: when it asks again */
	int idle;
	char body[BODY_MAX];
	size_t len;
};

struct samples {
	double *v;
	size_t n, cap;
};

static void
add(struct samples *s, double ms)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 65536;
		double *v = realloc(s->v, cap * sizeof *v);
		if (v == NULL)
			return;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = ms;
}

static double
pct(const struct samples *s, double p)
{
	size_t rank = (size_t)(p / 100.0 * (double)s->n + 0.999999); /* nearest rank */

	return s->n ? s->v[(rank ? rank : 1) - 1] : 0;
}

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	struct client *c = arg;
	size_t bytes = size * n, room = sizeof c->body - 1 - c->len;

	memcpy(c->body + c->len, data, bytes < room ? bytes : room);
	c->len += bytes < room ? bytes : room;
	c->body[c->len] = '\0';
	return bytes;
}

/* The writer: a change to the hall every WRITE_MS until *stop. */
struct writer {
	struct kz_db *db;
	struct kz_calendar *cal;
	volatile int stop;
	int commits, failed;
	char err[KZ_ERR_LEN];
	pthread_t thread;
};

static void *
write_changes(void *arg)
{
	struct writer *w = arg;
	unsigned seed = 20260320;
	struct kz_ticket tk;
	int rc;

	while (!w->stop) {
		int counter = 1 + (int)(rand_r(&seed) % COUNTERS);
		switch (rand_r(&seed) % 3) {
		case 0:
			rc = kz_ticket_issue(w->db, w->cal, services[rand_r(&seed) % 3], &tk,
				w->err);
			break;
		case 1:
			rc = kz_ticket_next(w->db, counter, &tk, w->err);
			break;
		default: /* the visitor came up and was served */
			rc = kz_ticket_start(w->db, counter, &tk, w->err);
			if (rc == KZ_OK || rc == KZ_EREJECT)
				rc = kz_ticket_finish(w->db, counter, KZ_SERVED, NULL, NULL, &tk,
					w->err);
			break;
		}
		if (rc == KZ_OK)
			w->commits++;
		else if (rc != KZ_EREJECT && rc != KZ_EEMPTY) {
			w->failed = 1;
			return NULL;
		}
		usleep(WRITE_MS * 1000);
	}
	return NULL;
}

/* An hour of a busy hall before the run: a ticket every 40 s from 09:00,
 * three counters calling and serving; then the clock stands at 10:00. */
static int
busy_hall(struct kz_db *db, struct kz_calendar *cal, char *err)
{
	int64_t t, end;
	struct kz_ticket tk;
	char name[32];
	int rc, i = 0;

	if ((rc = kz_clock_parse_local(START_AT, &t, err)) != KZ_OK ||
		(rc = kz_clock_parse_local(RUN_AT, &end, err)) != KZ_OK)
		return rc;
	kz_clock_set(t);
	for (int c = 1; c <= COUNTERS; c++) {
		snprintf(name, sizeof name, "Clerk %d", c);
		if ((rc = kz_counter_open(db, c, name, "Specialist", err)) != KZ_OK)
			return rc;
	}
	for (; t < end; t += 40, i++) {
		kz_clock_set(t);
		if ((rc = kz_ticket_issue(db, cal, services[i % 3], &tk, err)) != KZ_OK)
			return rc;
		if (i % 3 == 2) { /* the counters keep up with two in three */
			int c = 1 + (i / 3) % COUNTERS;
			rc = kz_ticket_start(db, c, &tk, err);
			if (rc == KZ_OK || rc == KZ_EREJECT)
				rc = kz_ticket_finish(db, c, KZ_SERVED, NULL, NULL, &tk, err);
			if (rc != KZ_OK && rc != KZ_EREJECT)
				return rc;
			if ((rc = kz_ticket_next(db, c, &tk, err)) != KZ_OK && rc != KZ_EEMPTY)
				return rc;
		}
	}
	kz_clock_set(end);
	return KZ_OK;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: open_bench [--quick] [--clients N] [--seconds N] [--url URL] [--dir "
		"PATH]\n"
		"  --quick      50 clients for 3 seconds instead of 200 for 20\n"
		"  --clients N  clients at once (1 to 250), each on its own loopback address\n"
		"  --seconds N  how long they ask (1 to 600)\n"
		"  --url URL    a kezek-hall already running (http://127.0.0.1:PORT): ask it\n"
		"               instead of starting one here with a simulated busy hall\n"
		"  --dir PATH   keep the simulated hall there (default: a scratch folder)\n");
}

int
main(int argc, char **argv)
{
	const char *url = NULL, *dir = NULL;
	long clients = 200, seconds = 20;
	char err[KZ_ERR_LEN], why[600], config[600], db_path[600], scratch[256] = "", target[512];
	struct kz_config cfg;
	struct kz_calendar *cal = NULL;
	struct kz_hall *hall = NULL;
	struct writer w = {0};
	struct samples lat = {0};
	struct client *cl;
	long by_status[6] = {0}; /* 200, 304, 429, other, failed, not the feed */
	double start, end;
	int64_t builds0 = 0, versions0 = 0;
	CURLM *multi;
	FILE *log = NULL;
	int running, failed = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--quick") == 0) {
			clients = 50, seconds = 3;
		} else if (strcmp(argv[i], "--clients") == 0 && i + 1 < argc) {
			if (!bench_number(argv[++i], 1, 250, &clients))
				bench_bad_option("open_bench", argv[i]);
		} else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
			if (!bench_number(argv[++i], 1, 600, &seconds))
				bench_bad_option("open_bench", argv[i]);
		} else if (strcmp(argv[i], "--url") == 0 && i + 1 < argc) {
			url = argv[++i];
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else {
			bench_bad_option("open_bench", argv[i]);
		}
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (url == NULL) {
		if (dir != NULL) {
			snprintf(scratch, sizeof scratch, "%s", dir);
			snprintf(why, sizeof why, "mkdir -p '%s' && cp -r '%s/config' '%s/'", dir,
				KZ_SOURCE_DIR, dir);
			if (system(why) != 0) {
				fprintf(stderr, "open_bench: cannot make %s\n", dir);
				return 1;
			}
			snprintf(config, sizeof config, "%s/config/hall.ini", dir);
			snprintf(db_path, sizeof db_path, "%s/hall.db", dir);
		} else if (bench_scratch_hall("open", scratch, config, db_path, why) != 0) {
			fprintf(stderr, "open_bench: %s\n", why);
			return 1;
		}
		if (kz_config_load(config, &cfg, err) != KZ_OK ||
			kz_config_use_data_dir(&cfg, KZ_SOURCE_DIR, err) != KZ_OK ||
			kz_clock_setup(cfg.timezone, START_AT, err) != KZ_OK ||
			kz_cal_load(cfg.holidays, &cfg.hours, &cal, err) != KZ_OK ||
			kz_db_open(db_path, KZ_DB_CREATE, &w.db, err) != KZ_OK ||
			kz_hall_sync(w.db, &cfg, NULL, err) != KZ_OK ||
			busy_hall(w.db, cal, err) != KZ_OK) {
			fprintf(stderr, "open_bench: %s\n", err);
			return 1;
		}
		w.cal = cal;
		snprintf(why, sizeof why, "%s/hall-server.log", scratch);
		log = fopen(why, "w");
		struct kz_hall_options opt = {.cfg = &cfg,
			.db_path = db_path,
			.cal = cal,
			.www = KZ_SOURCE_DIR "/hall/www",
			.data_dir = KZ_SOURCE_DIR,
			.port = 0,
			.log = log};
		if (kz_hall_start(&opt, &hall, err) != KZ_OK) {
			fprintf(stderr, "open_bench: %s\n", err);
			return 1;
		}
		snprintf(target, sizeof target, "http://127.0.0.1:%d/open/waits.json", hall->port);
		builds0 = hall_open_builds(hall->open);
		versions0 = hall_events_version(hall->events);
	} else {
		snprintf(target, sizeof target, "%s/open/waits.json", url);
	}
	printf("GET %s: %ld clients at once for %ld s, each on its own loopback address, asking "
	       "again %.0f ms after its last request went; %s\n",
		target, clients, seconds, PACE * 1000,
		url ? "the server's hall as it is"
		    : "a simulated hall (an hour of tickets, 3 counters), a change every 100 ms");

	cl = calloc((size_t)clients, sizeof *cl);
	multi = curl_multi_init();
	if (cl == NULL || multi == NULL) {
		fprintf(stderr, "open_bench: out of memory\n");
		return 1;
	}
	curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, clients);
	for (long i = 0; i < clients; i++) {
		struct client *c = &cl[i];
		c->curl = curl_easy_init();
		/* 127.0.1.2 ...: every client its own address, as phones are */
		snprintf(c->address, sizeof c->address, "host!127.0.%d.%d", (int)(1 + i / 250),
			(int)(2 + i % 250));
		curl_easy_setopt(c->curl, CURLOPT_URL, target);
		if (strncmp(target, "http://127.", 11) == 0)
			curl_easy_setopt(c->curl, CURLOPT_INTERFACE, c->address);
		curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, collect);
		curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
		curl_easy_setopt(c->curl, CURLOPT_PRIVATE, c);
		curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 30L);
		c->t0 = bench_now();
		curl_multi_add_handle(multi, c->curl);
	}
	if (w.db != NULL && pthread_create(&w.thread, NULL, write_changes, &w) != 0) {
		fprintf(stderr, "open_bench: cannot start the writer\n");
		return 1;
	}
	start = bench_now();
	end = start + (double)seconds;
	do {
		CURLMsg *m;
		int left;
		curl_multi_perform(multi, &running);
		while ((m = curl_multi_info_read(multi, &left)) != NULL) {
			struct client *c;
			long status = 0;
			double now = bench_now();
			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&c);
			curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
			if (m->data.result != CURLE_OK) {
				if (by_status[4]++ == 0)
					fprintf(stderr, "open_bench: a request failed: %s\n",
						curl_easy_strerror(m->data.result));
			} else if (status == 200) {
				by_status[0]++;
				if (strstr(c->body, "\"schema\":\"" HALL_OPEN_SCHEMA "\"") == NULL)
					by_status[5]++;
			} else {
				by_status[status == 304 ? 1 : status == 429 ? 2 : 3]++;
			}
			if (m->data.result == CURLE_OK)
				add(&lat, (now - c->t0) * 1000);
			curl_multi_remove_handle(multi, m->easy_handle);
			c->idle = 1;
			c->due = c->t0 + PACE;
		}
		for (long i = 0; i < clients; i++) {
			struct client *c = &cl[i];
			double now = bench_now();
			if (!c->idle || c->due > now || now >= end)
				continue;
			c->idle = 0;
			c->len = 0;
			c->body[0] = '\0';
			c->t0 = now;
			curl_multi_add_handle(multi, c->curl);
			running = 1;
		}
		if (running)
			curl_multi_poll(multi, NULL, 0, 2, NULL);
	} while (running || bench_now() < end);
	double took = bench_now() - start;
	w.stop = 1;
	if (w.db != NULL)
		pthread_join(w.thread, NULL);

	bench_sort(lat.v, lat.n);
	printf("requests: %zu in %.1f s: %.0f a second\n", lat.n, took, (double)lat.n / took);
	printf("latency: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n", pct(&lat, 50),
		pct(&lat, 95), pct(&lat, 99), lat.n ? lat.v[lat.n - 1] : 0);
	printf("answers: %ld 200, %ld 304, %ld 429, %ld other; %ld failed; %ld not the feed\n",
		by_status[0], by_status[1], by_status[2], by_status[3], by_status[4], by_status[5]);
	if (hall != NULL) {
		long long builds = hall_open_builds(hall->open) - builds0,
			  seen = hall_events_version(hall->events) - versions0;
		printf("changes committed meanwhile: %d (%lld seen by the server); the answer was "
		       "made %lld times for %zu requests\n",
			w.commits, seen, builds, lat.n);
		/* once per change seen, and once per HALL_OPEN_MAX_AGE without one */
		if (builds > seen + (long long)took / HALL_OPEN_MAX_AGE + 2) {
			fprintf(stderr,
				"open_bench: the answer was made more often than the hall "
				"changed\n");
			failed = 1;
		}
	}
	printf("machine: %ld cores, load %.2f\n", sysconf(_SC_NPROCESSORS_ONLN), bench_load());
	if (w.failed) {
		fprintf(stderr, "open_bench: the writer failed: %s\n", w.err);
		failed = 1;
	}
	if (lat.n == 0 || by_status[2] || by_status[3] || by_status[4] || by_status[5] ||
		by_status[0] == 0) {
		fprintf(stderr, "open_bench: not every request was answered with the feed\n");
		failed = 1;
	}
	for (long i = 0; i < clients; i++)
		curl_easy_cleanup(cl[i].curl);
	curl_multi_cleanup(multi);
	free(cl);
	free(lat.v);
	kz_hall_stop(hall);
	kz_db_close(w.db);
	kz_cal_free(cal);
	if (log)
		fclose(log);
	curl_global_cleanup();
	if (dir == NULL)
		bench_remove_dir("open_bench", scratch);
	return failed;
}
