/*
 * main.c - kezek-hall: the hall's web server for the clerks' counter pages
 * and the manager's live page (hall.h).  It reads the configuration as
 * every Kezek program does (setup/), serves until SIGTERM or SIGINT, and
 * says on standard output where the counter page is.  With
 * --make-certificate DIR it only makes a self-signed pair (cert.h).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cert.h"
#include "hall.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "setup/setup.h"

#define MAX_NAMES 16

struct args {
	const char *config, *data_dir, *db, *now, *address, *www, *cert_dir;
	int port;
	const char *names[MAX_NAMES];
	int nnames;
};

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: kezek-hall [options]\n"
		"       kezek-hall --make-certificate DIR [--name HOST ...]\n"
		"\n"
		"The hall's web server: the clerks' counter pages and the manager's live page\n"
		"for browsers on the office's network, on the address and port of [server] in\n"
		"hall.ini.  Plain HTTP on loopback only; any other address needs [server]\n"
		"certificate and key (HTTPS).  Stops on SIGTERM or SIGINT.\n"
		"\n"
		"options:\n" KZ_SETUP_HELP
		"  --db PATH         the hall database (env KEZEK_DB; default: the configuration's)\n"
		"  --now TIME        stand the clock at a local moment, 2026-03-20T10:15 (env\n"
		"                    KEZEK_NOW); it advances from there\n"
		"  --address IP      listen on IP instead of [server] address\n"
		"  --port N          listen on port N instead of [server] port (0: any free one)\n"
		"  --www DIR         the pages' folder (default: hall/www of the data directory)\n"
		"  --make-certificate DIR  make DIR/hall.crt and DIR/hall.key (0600), a\n"
		"                    self-signed pair for ten years, for this machine's name,\n"
		"                    localhost, 127.0.0.1 and each --name; then exit\n"
		"  --name HOST       another DNS name or IP address of the certificate\n"
		"  --version         print the version and exit\n"
		"  --help            this text\n"
		"\n"
		"exit: 0 stopped, 1 usage, 3 configuration, database or address error\n");
}

/* The option's value (argv[++*i]); NULL and a message if it is missing. */
static const char *
value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "kezek-hall: %s needs a value; see 'kezek-hall --help'\n",
			argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

static int
parse(int argc, char **argv, struct args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v;
		const char **dst = strcmp(o, "--config") == 0  ? &a->config
			: strcmp(o, "--data-dir") == 0         ? &a->data_dir
			: strcmp(o, "--db") == 0               ? &a->db
			: strcmp(o, "--now") == 0              ? &a->now
			: strcmp(o, "--address") == 0          ? &a->address
			: strcmp(o, "--www") == 0              ? &a->www
			: strcmp(o, "--make-certificate") == 0 ? &a->cert_dir
							       : NULL;
		if (dst != NULL) {
			if ((*dst = value(argc, argv, &i)) == NULL)
				return 1;
		} else if (strcmp(o, "--port") == 0) {
			char *end;
			if ((v = value(argc, argv, &i)) == NULL)
				return 1;
			long p = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || p < 0 || p > 65535) {
				fprintf(stderr, "kezek-hall: --port is 0 to 65535\n");
				return 1;
			}
			a->port = (int)p;
		} else if (strcmp(o, "--name") == 0) {
			if ((v = value(argc, argv, &i)) == NULL)
				return 1;
			if (a->nnames == MAX_NAMES) {
				fprintf(stderr, "kezek-hall: at most %d --name\n", MAX_NAMES);
				return 1;
			}
			a->names[a->nnames++] = v;
		} else {
			fprintf(stderr,
				"kezek-hall: unknown option '%.64s'; see 'kezek-hall --help'\n", o);
			return 1;
		}
	}
	return 0;
}

/* From 1 November, once a day in the hall's log: next year has no holiday
 * file yet, and someone must add it before 1 January. */
static void
warn_next_year(struct kz_hall *h, const struct kz_calendar *cal, struct kz_date *warned)
{
	struct kz_date today = kz_date_of(kz_clock_now());
	int y;

	if (kz_date_cmp(today, *warned) == 0)
		return;
	*warned = today;
	if ((y = kz_cal_next_year_missing(cal, today)) != 0)
		hall_log(h,
			"warning: there is no holiday data for next year, %d: add "
			"config/holidays/%d.ini from the government's decrees before 1 January",
			y, y);
}

static int
serve(struct args *a)
{
	static struct kz_config cfg;
	struct kz_setup setup;
	struct kz_i18n *cat = NULL;
	struct kz_calendar *cal = NULL;
	struct kz_hall *h = NULL;
	char err[KZ_ERR_LEN], www[KZ_PATH_LEN + 16];
	const char *db;
	sigset_t stop;
	int sig, rc;

	if ((rc = kz_setup_load(&setup, a->config, a->data_dir, &cfg, err)) != KZ_OK ||
		(rc = kz_clock_setup(cfg.timezone, a->now, err)) != KZ_OK ||
		(rc = kz_cal_load(cfg.holidays, &cfg.hours, &cal, err)) != KZ_OK ||
		(rc = kz_setup_translations(&setup, &cat, err)) != KZ_OK) {
		fprintf(stderr, "kezek-hall: %s\n", err);
		kz_cal_free(cal);
		return 3;
	}
	db = a->db ? a->db : getenv("KEZEK_DB");
	if (db == NULL || *db == '\0')
		db = cfg.database;
	if (a->www == NULL)
		snprintf(www, sizeof www, "%s/hall/www", setup.data_dir);
	/* the threads started from here on leave these signals to sigwait */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct kz_hall_options opt = {.cfg = &cfg,
		.db_path = db,
		.cat = cat,
		.cal = cal,
		.www = a->www ? a->www : www,
		.data_dir = setup.data_dir,
		.address = a->address,
		.port = a->port};
	if ((rc = kz_hall_start(&opt, &h, err)) != KZ_OK) {
		fprintf(stderr, "kezek-hall: %s\n", err);
		rc = 3;
	} else {
		const char *addr = a->address ? a->address : cfg.server.address;
		int v6 = strchr(addr, ':') != NULL;
		printf("kezek-hall: the counter page is at %s://%s%s%s:%d/counter, the manager's at "
		       "/manager\n",
			h->tls ? "https" : "http", v6 ? "[" : "", addr, v6 ? "]" : "", h->port);
		fflush(stdout);
		/* a stop signal ends it; each minute meanwhile, the day's warnings */
		for (struct kz_date warned = {0, 0, 0};;) {
			struct timespec minute = {60, 0};
			warn_next_year(h, cal, &warned);
			if ((sig = sigtimedwait(&stop, NULL, &minute)) > 0)
				break;
		}
		hall_log(h, "stopping on signal %d", sig);
		kz_hall_stop(h);
		rc = 0;
	}
	kz_i18n_use(NULL);
	kz_i18n_free(cat);
	kz_cal_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct args a = {.port = -1};
	char err[KZ_ERR_LEN];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			char version[64];
			kz_setup_version("kezek-hall", version, sizeof version);
			printf("%s\n", version);
			return 0;
		}
	}
	if (parse(argc, argv, &a) != 0)
		return 1;
	if (a.cert_dir != NULL) {
		if (hall_make_certificate(a.cert_dir, a.names, a.nnames, err) != KZ_OK) {
			fprintf(stderr, "kezek-hall: %s\n", err);
			return 3;
		}
		printf("%s/hall.crt\n%s/hall.key\n", a.cert_dir, a.cert_dir);
		return 0;
	}
	return serve(&a);
}
