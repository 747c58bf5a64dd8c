/*
 * printd-main.c - kezek-printd --printer NAME: the service behind one
 * printer.  Reads the options every Kezek program takes (--config, --db,
 * --now, --help), then prints jobs as they come until stopped: from the
 * database on the hall machine, or, on a machine of its own (--server URL
 * or the device file, remote/device.h), from kezek-hall, whose hall.ini it
 * fetches and keeps beside its credential.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "printd.h"
#include "printer/jobs.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/error.h"
#include "remote/client.h"
#include "remote/device.h"
#include "setup/log.h"
#include "setup/setup.h"

#define IDLE_MS        300   /* a new ticket prints within this, plus the printing */
#define BACKOFF_MIN_MS 500   /* the first wait after a fault */
#define BACKOFF_MAX_MS 15000 /* the longest: a printer back is used within this */

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: kezek-printd --printer NAME [--config FILE] [--db PATH] [--now TIME]\n"
		"                    [--data-dir DIR] [--fonts DIR] [--once] [--version]\n"
		"       kezek-printd --printer NAME [--server URL] [--device FILE] ...\n"
		"       kezek-printd [--server URL] [--device FILE] --enrol CODE [--name NAME]\n\n"
		"Prints the jobs of the printer NAME ([printer NAME] in hall.ini) in order,\n"
		"and keeps its state (ready, paper out, offline ...) and its own heartbeat\n"
		"in the database.  A locked or lost database and an unreachable printer\n"
		"are waited out (retried with a back-off up to 15 s); it stops only on\n"
		"SIGTERM or SIGINT.\n"
		"On a machine of its own, with the printer attached there, it takes the\n"
		"jobs from kezek-hall instead: the printer's settings come from the hall's\n"
		"configuration, kept beside the credential for when the hall is away.\n"
		"%s"
		"  --server URL      kezek-hall's address (else server = in the device file)\n"
		"  --device FILE     the device file (env " KZ_DEVICE_ENV "; default " KZ_DEVICE_ETC
		")\n"
		"  --enrol CODE      exchange the code of `kezek device add NAME --role printer`\n"
		"                    for this service's credential, then exit\n"
		"  --name NAME       the device's name at enrolment (default: --printer, else\n"
		"                    the one the code was made for)\n"
		"  --fonts DIR       the fonts (default: assets/fonts of the data directory)\n"
		"  --once            print what is queued, then stop (at the first fault too)\n"
		"  --version         print the version and exit\n"
		"Exit codes: 0 done or stopped, 1 usage, 3 configuration error (or, with\n"
		"--once, a database error).\n",
		KZ_SETUP_HELP);
}

struct options {
	const char *config, *db, *now, *fonts, *printer, *data_dir;
	const char *server, *device, *enrol, *name;
	int once;
};

static int
parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"db", required_argument, NULL, 'd'},
		{"now", required_argument, NULL, 'n'},
		{"fonts", required_argument, NULL, 'F'},
		{"printer", required_argument, NULL, 'p'},
		{"once", no_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"data-dir", required_argument, NULL, 'D'},
		{"version", no_argument, NULL, 'V'},
		{"server", required_argument, NULL, 's'},
		{"device", required_argument, NULL, 'e'},
		{"enrol", required_argument, NULL, 'E'},
		{"name", required_argument, NULL, 'N'},
		{NULL, 0, NULL, 0},
	};
	char version[64], shown[KZ_ERR_LEN];
	int c;

	*o = (struct options){.db = getenv("KEZEK_DB")};
	opterr = 0; /* the default case says it, escaped */
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->config = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'n':
			o->now = optarg;
			break;
		case 'D':
			o->data_dir = optarg;
			break;
		case 'F':
			o->fonts = optarg;
			break;
		case 'p':
			o->printer = optarg;
			break;
		case 'o':
			o->once = 1;
			break;
		case 's':
			o->server = optarg;
			break;
		case 'e':
			o->device = optarg;
			break;
		case 'E':
			o->enrol = optarg;
			break;
		case 'N':
			o->name = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			kz_setup_version("kezek-printd", version, sizeof version);
			printf("%s\n", version);
			exit(0);
		default:
			fprintf(stderr,
				"kezek-printd: '%s' is an unknown option or lacks its value; "
				"see kezek-printd --help\n",
				kz_setup_shown(argv[optind - 1], shown));
			return 1;
		}
	}
	if ((o->printer == NULL && o->enrol == NULL) || optind < argc) {
		fprintf(stderr, "kezek-printd: name the printer: --printer NAME\n");
		return 1;
	}
	return 0;
}

/* Sleep ms, in short naps so a stop is obeyed at once. */
static void
nap(int ms)
{
	for (; ms > 0 && !stop; ms -= 100)
		usleep((ms < 100 ? ms : 100) * 1000);
}

/* Say err on stderr when it differs from the last said (a fault that lasts
 * is one line, not one a second); "" resets. */
static void
say(const char *err)
{
	static char last[KZ_ERR_LEN];

	if (strcmp(last, err) != 0 && err[0] != '\0')
		kz_log(KZ_LOG_WARNING, "%s", err);
	snprintf(last, sizeof last, "%s", err);
}

static void
tell_uncertain(struct kz_printd *pd, int n)
{
	n += kz_printd_uncertain(pd);
	if (n)
		kz_log(KZ_LOG_WARNING,
			"%d job%s may have printed before the last stop; "
			"see kezek print status and reprint if needed",
			n, n == 1 ? "" : "s");
}

/* Nothing to print: wait for the next job.  On the hall machine, IDLE_MS;
 * against kezek-hall, until its change stream says something changed (a
 * job queued), at most a heartbeat's time, so the hall is not asked three
 * times a second for nothing; while the stream is down, IDLE_MS. */
static void
idle(struct kz_remote *remote)
{
	char err[KZ_ERR_LEN];

	for (int waited = 0; remote != NULL && waited < KZ_PRINTD_BEAT_SECONDS * 1000 && !stop;
		waited += IDLE_MS) {
		int rc = kz_remote_stream_poll(remote, IDLE_MS, err);
		if (rc == 1)
			return;
		if (rc != 0)
			break;
	}
	nap(IDLE_MS);
}

/* Print as jobs come until stopped.  A fault of the database or of the
 * printer is waited out with a back-off of BACKOFF_MIN_MS doubling to
 * BACKOFF_MAX_MS; only SIGTERM or SIGINT ends the loop (or, --once, the
 * queue printed or the first fault). */
static int
serve(struct kz_printd *pd, struct kz_remote *remote, int once)
{
	char err[KZ_ERR_LEN];
	int rc = KZ_OK, printed, backoff = 0;

	while (!stop) {
		rc = kz_printd_step(pd, &printed, err);
		tell_uncertain(pd, 0);
		if (rc == KZ_OK) {
			if (backoff)
				kz_log(KZ_LOG_NOTICE, "printing again");
			say("");
			backoff = 0;
			if (!printed && once)
				break;
			if (!printed)
				idle(remote);
			continue;
		}
		say(err);
		if (once)
			break;
		kz_printd_waiting(pd, err);
		backoff = backoff ? backoff * 2 : BACKOFF_MIN_MS;
		if (backoff > BACKOFF_MAX_MS)
			backoff = BACKOFF_MAX_MS;
		nap(backoff);
	}
	kz_printd_stopping(pd); /* asked to, or --once has done */
	return once && rc != KZ_OK ? 3 : 0;
}

int
main(int argc, char **argv)
{
	static struct kz_config cfg;
	struct kz_setup setup;
	struct kz_printd_options popt;
	struct kz_printd *pd;
	struct options o;
	struct kz_i18n *tr = NULL;
	struct kz_device_start start;
	struct kz_device_conf dc;
	struct kz_remote *remote = NULL;
	struct kz_jobs *jobs = NULL;
	char err[KZ_ERR_LEN], fonts[KZ_PATH_LEN + 32], kept[KZ_PATH_LEN + 16];
	int rc, uncertain = 0;

	kz_log_init("kezek-printd");
	if (parse(argc, argv, &o) != 0)
		return 1;
	if (o.enrol == NULL) { /* a stop obeyed while the hall is waited for */
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
	}
	start = (struct kz_device_start){"kezek-printd", "printer", o.device, o.server, o.enrol,
		o.name ? o.name : o.printer, o.once ? 0 : BACKOFF_MIN_MS, BACKOFF_MAX_MS, &stop};
	if ((rc = kz_device_start(&start, &dc, &remote, kept, sizeof kept)) >= 0)
		return rc;
	rc = kz_setup_load(&setup, remote ? kept : o.config, o.data_dir, &cfg, err);
	if (rc == KZ_OK)
		rc = kz_clock_setup(cfg.timezone, o.now, err);
	if (rc != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		kz_remote_close(remote);
		return rc == KZ_EINVAL ? 1 : 3;
	}
	if (kz_config_printer(&cfg, o.printer) == NULL) {
		char shown[KZ_ERR_LEN];
		kz_log(KZ_LOG_ERR, "%s has no [printer %s]", cfg.path,
			kz_setup_shown(o.printer, shown));
		kz_remote_close(remote);
		return 3;
	}
	if ((o.fonts == NULL &&
		    kz_setup_data(&setup, "assets/fonts", "fonts", fonts, sizeof fonts, err) !=
			    KZ_OK) ||
		kz_setup_translations(&setup, &tr, err) != KZ_OK ||
		(remote != NULL &&
			kz_jobs_remote_open(remote, kz_config_printer(&cfg, o.printer), &jobs,
				err) != KZ_OK)) {
		kz_log(KZ_LOG_ERR, "%s", err);
		if (jobs == NULL)
			kz_remote_close(remote);
		kz_i18n_free(tr);
		return 3;
	}
	popt = (struct kz_printd_options){&cfg, kz_config_printer(&cfg, o.printer),
		remote                  ? dc.server
			: o.db && *o.db ? o.db
					: cfg.database,
		o.fonts ? o.fonts : fonts, 3000, 10, !o.once, jobs};
	/* a configuration that cannot work is a person's to mend: said and
	 * left; a database not there yet is waited for (not with --once) */
	if ((rc = kz_printd_open(&popt, &pd, &uncertain, err)) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		kz_i18n_free(tr);
		return 3;
	}
	tell_uncertain(pd, uncertain);
	kz_log(KZ_LOG_NOTICE, "printing for [printer %s] from %s", o.printer, popt.db_path);
	rc = serve(pd, remote, o.once);
	kz_printd_close(pd);
	kz_i18n_use(NULL);
	kz_i18n_free(tr);
	return rc;
}
