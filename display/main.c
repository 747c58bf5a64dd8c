/*
 * main.c - kezek-display: one hall screen.  Reads the options every Kezek
 * program takes (--config, --db, --now, --data-dir, --version, --help; setup/setup.h) and its own, then runs
 * kz_display_step about 20 times a second until asked to stop.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "display.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/error.h"
#include "remote/device.h"
#include "setup/log.h"
#include "setup/setup.h"
#include "ui/render.h"

#define POLL_MS         50   /* a call shows within a poll and a frame: well under 250 ms */
#define REMOTE_RETRY_MS 2000 /* a lost hall server: tried again this often */

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
		"usage: kezek-display [--config FILE] [--db PATH] [--now TIME] [--size WxH]\n"
		"                     [--fullscreen] [--gpu] [--output NAME] [--data-dir DIR]\n"
		"                     [--fonts DIR] [--locale DIR] [--snapshot FILE.png]\n"
		"                     [--exit-after SECONDS] [--server URL] [--device FILE]\n"
		"                     [--enrol CODE [--name NAME]] [--scene-file FILE] [--version]\n\n"
		"The hall board: calls, waits against the 30-minute limit, spoken calls.\n"
		"On the hall machine it reads the database; on a machine of its own it\n"
		"follows kezek-hall (--server, or server = in the device file).\n"
		"%s"
		"  --size WxH        window size (default 1920x1080; 1080x1920 is portrait)\n"
		"  --fullscreen      fill the screen (the hall's monitor)\n"
		"  --gpu             draw with the graphics card (default: software)\n"
		"  --output NAME     the screen to show on, as the system names it (HDMI-1;\n"
		"                    default: [display] output, else the first)\n"
		"  --fonts DIR       the fonts (default: assets/fonts of the data directory)\n"
		"  --locale DIR      the board's words: DIR/kk and DIR/ru's compiled\n"
		"                    LC_MESSAGES/kezek.mo (default: the data directory's locale)\n"
		"  --snapshot FILE   write each frame drawn to FILE as PNG (a machine with no screen)\n"
		"  --exit-after N    stop after N seconds\n"
		"  --scene-file FILE write the texts of each frame drawn to FILE, one a line\n"
		"                    as \"ID TEXT\" (for a supervisor, a test)\n"
		"  --server URL      the hall server (https://hall.local:8443): a board on its\n"
		"                    own machine; the hall's configuration comes from it\n"
		"  --device FILE     the device file (env KEZEK_DEVICE; default\n"
		"                    " KZ_DEVICE_ETC ")\n"
		"  --enrol CODE      exchange the one-time code of `kezek device add NAME\n"
		"                    --role board` for this board's credential, and exit\n"
		"  --name NAME       with --enrol: the name the board was added under (optional)\n"
		"  --version         print the version and exit\n"
		"Exit codes: 0 done, 1 usage, 3 configuration or display error.\n",
		KZ_SETUP_HELP);
}

struct options {
	const char *config, *db, *now, *data_dir, *fonts, *locale, *snapshot, *output;
	const char *server, *device, *enrol, *name, *scene_file;
	int w, h, fullscreen, gpu;
	double exit_after;
};

static int
parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"db", required_argument, NULL, 'd'},
		{"now", required_argument, NULL, 'n'},
		{"size", required_argument, NULL, 's'},
		{"fullscreen", no_argument, NULL, 'f'},
		{"fonts", required_argument, NULL, 'F'},
		{"snapshot", required_argument, NULL, 'S'},
		{"exit-after", required_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{"gpu", no_argument, NULL, 'g'},
		{"output", required_argument, NULL, 'O'},
		{"locale", required_argument, NULL, 'P'},
		{"data-dir", required_argument, NULL, 'D'},
		{"version", no_argument, NULL, 'V'},
		{"server", required_argument, NULL, 'R'},
		{"device", required_argument, NULL, 'E'},
		{"enrol", required_argument, NULL, 'e'},
		{"name", required_argument, NULL, 'N'},
		{"scene-file", required_argument, NULL, 'W'},
		{NULL, 0, NULL, 0},
	};
	char version[64], shown[KZ_ERR_LEN];
	int c;

	*o = (struct options){.w = 1920, .h = 1080};
	o->db = getenv("KEZEK_DB");
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
		case 'P':
			o->locale = optarg;
			break;
		case 'S':
			o->snapshot = optarg;
			break;
		case 'f':
			o->fullscreen = 1;
			break;
		case 'g':
			o->gpu = 1;
			break;
		case 'O':
			o->output = optarg;
			break;
		case 'R':
			o->server = optarg;
			break;
		case 'E':
			o->device = optarg;
			break;
		case 'e':
			o->enrol = optarg;
			break;
		case 'N':
			o->name = optarg;
			break;
		case 'W':
			o->scene_file = optarg;
			break;
		case 'x':
			o->exit_after = atof(optarg);
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &o->w, &o->h) != 2 || o->w < 320 ||
				o->h < 240 || o->w > 7680 || o->h > 7680) {
				fprintf(stderr,
					"kezek-display: --size '%s' is not WIDTHxHEIGHT, such as "
					"1920x1080\n",
					kz_setup_shown(optarg, shown));
				return 1;
			}
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			kz_setup_version("kezek-display", version, sizeof version);
			printf("%s\n", version);
			exit(0);
		default:
			fprintf(stderr,
				"kezek-display: '%s' is an unknown option or lacks its value; "
				"see kezek-display --help\n",
				kz_setup_shown(argv[optind - 1], shown));
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kezek-display: unexpected argument '%s'\n",
			kz_setup_shown(argv[optind], shown));
		return 1;
	}
	return 0;
}

/* From 1 November, once a day in the board's log (the hall's log, read by
 * whoever keeps the hall): next year has no holiday file yet. */
static void
warn_next_year(const struct kz_calendar *cal, struct kz_date *warned)
{
	struct kz_date today = kz_date_of(kz_clock_now());
	int y;

	if (cal == NULL || kz_date_cmp(today, *warned) == 0)
		return;
	*warned = today;
	if ((y = kz_cal_next_year_missing(cal, today)) != 0)
		fprintf(stderr,
			"kezek-display: %04d-%02d-%02d: warning: there is no holiday data for next "
			"year, %d: add config/holidays/%d.ini from the government's decrees "
			"before 1 January\n",
			today.y, today.m, today.d, y, y);
}

/* The texts of the frame on screen into path whole (written beside it,
 * then renamed): whoever reads it sees one frame, never half of one. */
static void
tell_scene(struct kz_display *d, const char *path)
{
	const struct kz_scene *s = kz_display_scene(d);
	char tmp[KZ_PATH_LEN + 8];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s.new", path);
	if (s == NULL || (f = fopen(tmp, "w")) == NULL)
		return; /* a supervisor's aid: the board shows the hall without it */
	for (int i = 0; i < s->n; i++)
		if (s->items[i].text[0] != '\0')
			fprintf(f, "%s %s\n", s->items[i].id, s->items[i].text);
	if (fclose(f) == 0)
		rename(tmp, path);
}

static int
run(struct kz_display *d, const struct options *o, const struct kz_calendar *cal)
{
	struct timespec start, now;
	struct kz_date warned = {0, 0, 0};
	char err[KZ_ERR_LEN];
	int drew, rc;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!stop) {
		warn_next_year(cal, &warned);
		if ((rc = kz_display_step(d, &drew, err)) != KZ_OK) {
			kz_log(KZ_LOG_ERR, "%s", err);
			return 3;
		}
		if (drew && o->snapshot &&
			kz_ui_save_png(kz_display_ui(d), o->snapshot, err) != KZ_OK)
			kz_log(KZ_LOG_WARNING, "%s", err);
		if (drew && o->scene_file)
			tell_scene(d, o->scene_file);
		if (kz_ui_sleep(kz_display_ui(d), POLL_MS))
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (o->exit_after > 0 &&
			(now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9 >=
				o->exit_after)
			break;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static struct kz_config cfg;
	struct kz_setup setup;
	struct kz_display_options dopt;
	struct kz_display *d;
	struct kz_calendar *cal;
	struct kz_board_source *src = NULL;
	struct kz_device_start start;
	struct kz_remote *remote;
	struct options o;
	char err[KZ_ERR_LEN], fonts[KZ_PATH_LEN + 32], locale[KZ_PATH_LEN + 32];
	char hallconf[KZ_PATH_LEN];
	int rc;

	kz_log_init("kezek-display");
	if (parse(argc, argv, &o) != 0)
		return 1;
	start = (struct kz_device_start){"kezek-display", "board", o.device, o.server, o.enrol,
		o.name, 0, 0, NULL};
	if ((rc = kz_device_start(&start, NULL, &remote, hallconf, sizeof hallconf)) >= 0)
		return rc;
	if (remote != NULL && o.config == NULL)
		o.config = hallconf;
	/* The board draws a frame only when something changes: software rendering
	 * is quick enough and spares an unattended screen the GPU driver's
	 * surprises and its memory (Mesa and libLLVM: about 60 MB). */
	kz_ui_use_gpu(o.gpu);
	kz_ui_may_draw_unseen(o.snapshot != NULL); /* its frames as pictures */
	if ((rc = kz_setup_load(&setup, o.config, o.data_dir, &cfg, err)) != KZ_OK ||
		(rc = kz_clock_setup(cfg.timezone, o.now, err)) != KZ_OK ||
		(remote != NULL &&
			(rc = kz_board_source_remote(remote, REMOTE_RETRY_MS, &src, err),
				remote = NULL, rc) != KZ_OK)) {
		kz_remote_close(remote); /* not yet the source's */
		kz_log(KZ_LOG_ERR, "%s", err);
		return rc == KZ_EINVAL ? 1 : 3;
	}
	if ((o.fonts == NULL &&
		    kz_setup_data(&setup, "assets/fonts", "fonts", fonts, sizeof fonts, err) !=
			    KZ_OK) ||
		(o.locale == NULL &&
			kz_setup_locale(&setup, locale, sizeof locale, err) != KZ_OK)) {
		kz_log(KZ_LOG_ERR, "%s", err);
		kz_board_source_close(src);
		return 3;
	}
	kz_ui_use_output(o.output ? o.output : cfg.display.output);
	dopt = (struct kz_display_options){&cfg, o.db && *o.db ? o.db : cfg.database,
		o.fonts ? o.fonts : fonts, o.w, o.h, o.fullscreen, o.locale ? o.locale : locale,
		src};
	if ((rc = kz_display_open(&dopt, &d, err)) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		return 3;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	/* the board shows holidays from its own load; this one is for the log */
	if (kz_cal_load(cfg.holidays, &cfg.hours, &cal, err) != KZ_OK) {
		fprintf(stderr, "kezek-display: %s\n", err);
		cal = NULL;
	}
	rc = run(d, &o, cal);
	kz_cal_free(cal);
	kz_display_close(d);
	return rc;
}
