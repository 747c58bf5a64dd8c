/*
 * main.c - kezek-kiosk: the touch kiosk.  Reads the options every Kezek
 * program takes (--config, --db, --now, --data-dir, --version, --help; setup/setup.h) and its own, then runs
 * kz_kiosk_step until the administrator closes it or a signal stops it.
 * With --screen and --snapshot it draws one screen for the hall's state, writes
 * the PNG and exits (no display needed with SDL's offscreen driver).
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kiosk.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/error.h"
#include "remote/device.h"
#include "setup/log.h"
#include "setup/setup.h"
#include "ui/render.h"

#define STEP_MS         100  /* a tap is answered within a step and a frame */
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
		"usage: kezek-kiosk [--config FILE] [--db PATH] [--now TIME] [--kiosk NAME]\n"
		"                   [--window WxH] [--lang kk|ru] [--data-dir DIR] [--fonts DIR]\n"
		"                   [--locale DIR] [--screen NAME --snapshot FILE.png]\n"
		"                   [--exit-after SECONDS] [--screen-file FILE] [--list-screens]\n"
		"                   [--gpu] [--output NAME] [--server URL] [--device FILE]\n"
		"                   [--enrol CODE] [--version]\n\n"
		"The touch kiosk: tickets, blank forms, information, feedback.\n"
		"On the hall machine it uses the database; on a machine of its own it\n"
		"works through kezek-hall (--server, or server = in the device file).\n"
		"%s"
		"  --kiosk NAME      which [kiosk] of the configuration (default: the first);\n"
		"                    on its own machine, the name it was added under\n"
		"  --server URL      the hall server (https://hall.local:8443): a kiosk on its\n"
		"                    own machine; the hall's configuration comes from it\n"
		"  --device FILE     the device file (env KEZEK_DEVICE; default\n"
		"                    " KZ_DEVICE_ETC ")\n"
		"  --enrol CODE      exchange the one-time code of `kezek device add NAME\n"
		"                    --role kiosk` for this kiosk's credential, and exit\n"
		"  --window WxH      a window of that size instead of the full screen\n"
		"  --lang kk|ru      start in this language\n"
		"  --screen NAME     with --snapshot: the screen to draw (see --list-screens)\n"
		"  --snapshot FILE   with --screen: draw once for the hall's state, write FILE\n"
		"                    (PNG), exit; alone: write each frame drawn to FILE\n"
		"  --screen-file FILE  write the name of the screen on show to FILE at each change\n"
		"  --exit-after N    stop after N seconds\n"
		"  --gpu             draw with the graphics card (default: software, no GL)\n"
		"  --output NAME     the screen to show on, as the system names it (HDMI-1;\n"
		"                    default: [kiosk] output, else the first)\n"
		"  --list-screens    each screen's name and when it is shown (open, closed,\n"
		"                    after an action, staff, fault), one a line, and exit\n"
		"  --version         print the version and exit\n"
		"Full screen, the kiosk takes no keys; the administrator's corner gesture and\n"
		"PIN close it.  Exit codes: 0 done, 1 usage, 3 configuration or display error.\n",
		KZ_SETUP_HELP);
}

struct options {
	const char *config, *db, *now, *kiosk, *lang, *data_dir, *fonts, *locale, *screen,
		*snapshot;
	const char *screen_file, *output, *server, *device, *enrol;
	int w, h, window, gpu;
	double exit_after;
};

static int
parse_size(const char *s, struct options *o)
{
	if (sscanf(s, "%dx%d", &o->w, &o->h) != 2 || o->w < 320 || o->h < 240 || o->w > 7680 ||
		o->h > 7680) {
		fprintf(stderr,
			"kezek-kiosk: --window '%s' is not WIDTHxHEIGHT, such as 1920x1080\n", s);
		return 1;
	}
	o->window = 1;
	return 0;
}

static int
parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"db", required_argument, NULL, 'd'},
		{"now", required_argument, NULL, 'n'},
		{"kiosk", required_argument, NULL, 'k'},
		{"window", required_argument, NULL, 'w'},
		{"lang", required_argument, NULL, 'l'},
		{"fonts", required_argument, NULL, 'F'},
		{"locale", required_argument, NULL, 'P'},
		{"screen", required_argument, NULL, 's'},
		{"snapshot", required_argument, NULL, 'S'},
		{"exit-after", required_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{"data-dir", required_argument, NULL, 'D'},
		{"list-screens", no_argument, NULL, 'L'},
		{"screen-file", required_argument, NULL, 'W'},
		{"version", no_argument, NULL, 'V'},
		{"gpu", no_argument, NULL, 'g'},
		{"output", required_argument, NULL, 'O'},
		{"server", required_argument, NULL, 'R'},
		{"device", required_argument, NULL, 'E'},
		{"enrol", required_argument, NULL, 'e'},
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
		case 'k':
			o->kiosk = optarg;
			break;
		case 'l':
			o->lang = optarg;
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
		case 's':
			o->screen = optarg;
			break;
		case 'S':
			o->snapshot = optarg;
			break;
		case 'W':
			o->screen_file = optarg;
			break;
		case 'x':
			o->exit_after = atof(optarg);
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
		case 'w':
			if (parse_size(optarg, o))
				return 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'L':
			for (int i = 0; kz_kiosk_screens[i] != NULL; i++)
				printf("%s %s\n", kz_kiosk_screens[i], kz_kiosk_screen_when(i));
			exit(0);
		case 'V':
			kz_setup_version("kezek-kiosk", version, sizeof version);
			printf("%s\n", version);
			exit(0);
		default:
			fprintf(stderr,
				"kezek-kiosk: '%s' is an unknown option or lacks its value; "
				"see kezek-kiosk --help\n",
				kz_setup_shown(argv[optind - 1], shown));
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kezek-kiosk: unexpected argument '%s'\n",
			kz_setup_shown(argv[optind], shown));
		return 1;
	}
	if (o->lang && strcmp(o->lang, "kk") != 0 && strcmp(o->lang, "ru") != 0) {
		fprintf(stderr, "kezek-kiosk: --lang is kk or ru, not '%s'\n",
			kz_setup_shown(o->lang, shown));
		return 1;
	}
	if (o->screen != NULL && o->snapshot == NULL) {
		fprintf(stderr,
			"kezek-kiosk: --screen goes with --snapshot: "
			"--screen home --snapshot home.png\n");
		return 1;
	}
	return 0;
}

static int
snapshot(struct kz_kiosk *k, const struct options *o)
{
	char err[KZ_ERR_LEN];
	const struct kz_ui_stats *st;

	if (kz_kiosk_show(k, o->screen, o->lang, err) != KZ_OK ||
		kz_ui_save_png(kz_kiosk_ui(k), o->snapshot, err) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		return 3;
	}
	st = kz_kiosk_stats(k);
	if (st->too_small || st->missing_glyphs || st->cut)
		fprintf(stderr,
			"kezek-kiosk: warning: '%s' has text that does not fit (%s), "
			"%d missing letters, %d cut texts\n",
			o->screen, st->worst, st->missing_glyphs, st->cut);
	return 0;
}

static int
run(struct kz_kiosk *k, const struct options *o)
{
	struct timespec start, now;
	char err[KZ_ERR_LEN];

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (o->lang != NULL && kz_kiosk_show(k, "home", o->lang, err) != KZ_OK)
		kz_log(KZ_LOG_WARNING, "%s", err);
	while (!stop && !kz_kiosk_done(k)) {
		if (kz_kiosk_step(k, STEP_MS, err) != KZ_OK)
			kz_log(KZ_LOG_WARNING, "%s", err); /* keep serving: next frame may draw */
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
	struct kz_kiosk_options kopt = {0};
	struct kz_kiosk *k;
	struct kz_device_start start;
	struct kz_remote *remote;
	struct options o;
	char err[KZ_ERR_LEN], fonts[KZ_PATH_LEN + 32], locale[KZ_PATH_LEN + 32];
	char hallconf[KZ_PATH_LEN];
	int rc;

	kz_log_init("kezek-kiosk");
	if (parse(argc, argv, &o) != 0)
		return 1;
	start = (struct kz_device_start){"kezek-kiosk", "kiosk", o.device, o.server, o.enrol,
		o.kiosk, 0, 0, NULL};
	if ((rc = kz_device_start(&start, NULL, &remote, hallconf, sizeof hallconf)) >= 0)
		return rc;
	if (remote != NULL && o.config == NULL)
		o.config = hallconf;
	/* the kiosk stops on SIGTERM from its supervisor, not on SDL's quit */
	setenv("SDL_NO_SIGNAL_HANDLERS", "1", 0);
	/* software drawing: a touch redraws one screen, and no GL library
	 * (Mesa and libLLVM: about 60 MB) is mapped on a small machine */
	kz_ui_use_gpu(o.gpu);
	kz_ui_may_draw_unseen(o.screen != NULL); /* one picture, then out */
	if ((rc = kz_setup_load(&setup, o.config, o.data_dir, &cfg, err)) != KZ_OK ||
		(rc = kz_clock_setup(cfg.timezone, o.now, err)) != KZ_OK ||
		(remote != NULL &&
			(rc = kz_kiosk_hall_remote(remote, REMOTE_RETRY_MS, &kopt.remote, err),
				remote = NULL, rc) != KZ_OK)) {
		kz_remote_close(remote); /* not yet the kiosk's */
		kz_log(KZ_LOG_ERR, "%s", err);
		return rc == KZ_EINVAL ? 1 : 3;
	}
	kopt.cfg = &cfg;
	kopt.conf = kz_config_kiosk(&cfg, o.kiosk);
	if (kopt.conf == NULL) {
		kz_kiosk_hall_close(kopt.remote);
		kz_log(KZ_LOG_ERR,
			"%s: no [kiosk %s] in the configuration; add one with "
			"its ticket printer",
			cfg.path, o.kiosk ? o.kiosk : "NAME");
		return 3;
	}
	if ((o.fonts == NULL &&
		    kz_setup_data(&setup, "assets/fonts", "fonts", fonts, sizeof fonts, err) !=
			    KZ_OK) ||
		(o.locale == NULL &&
			kz_setup_locale(&setup, locale, sizeof locale, err) != KZ_OK)) {
		kz_log(KZ_LOG_ERR, "%s", err);
		kz_kiosk_hall_close(kopt.remote);
		return 3;
	}
	kz_ui_use_output(o.output ? o.output : kopt.conf->output);
	kopt.db_path = o.db && *o.db ? o.db : cfg.database;
	kopt.font_dir = o.fonts ? o.fonts : fonts;
	kopt.locale_dir = o.locale ? o.locale : locale;
	kopt.w = o.w;
	kopt.h = o.h;
	kopt.fullscreen = !o.window && !o.screen;
	kopt.screen_file = o.screen_file;
	kopt.frames_png = o.snapshot && !o.screen ? o.snapshot : NULL;
	if ((rc = kz_kiosk_open(&kopt, &k, err)) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		return 3;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = o.screen ? snapshot(k, &o) : run(k, &o);
	kz_kiosk_close(k);
	return rc;
}
