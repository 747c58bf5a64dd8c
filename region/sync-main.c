/*
 * sync-main.c - kezek-sync: ships this hall's event log to the region's
 * centre ([region] in hall.ini), in order and in batches, and keeps up
 * with it.  The hall never waits for it: each read of the hall is one
 * short read transaction.  Whatever fails (the link, the centre, this
 * process killed), the next run asks the centre where it stopped and goes
 * on from there; a batch sent twice lands once.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/ship.h"
#include "send.h"
#include "setup/setup.h"

#define SKEW_WARN_SECONDS 120 /* a hall's clock off by more is told */
#define EXIT_STOPPED      4   /* a restored hall: a person must settle it */

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
		"usage: kezek-sync [--config FILE] [--db PATH] [--now TIME] [--data-dir DIR]\n"
		"                  [--once] [--version]\n\n"
		"Ships this hall's event log, and the names of its services, counters and\n"
		"clerks, to the region's centre (centre in [region] of hall.ini, a\n"
		"PostgreSQL connection string), in batches of [region] batch events, each\n"
		"one transaction there.  Caught up, it looks for new events every\n"
		"idle_seconds; the centre unreachable, it tries again after retry_seconds.\n"
		"%s"
		"  --db PATH         the hall's database (env KEZEK_DB)\n"
		"  --now TIME        stand the clock at that local moment (tests)\n"
		"  --once            ship what there is, then stop (at the first fault too)\n"
		"  --version         print the version and exit\n"
		"Exit codes: 0 done or stopped, 1 usage, 3 configuration error (or, with\n"
		"--once, the centre unreachable), 4 stopped: this hall's log differs from\n"
		"what the centre holds (restored from an older backup); see kezek(1),\n"
		"region status.\n",
		KZ_SETUP_HELP);
}

struct options {
	const char *config, *db, *now, *data_dir;
	int once;
};

static int
parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'c'},
		{"db", required_argument, NULL, 'd'},
		{"now", required_argument, NULL, 'n'},
		{"data-dir", required_argument, NULL, 'D'},
		{"once", no_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	char version[64], shown[KZ_ERR_LEN];
	int c;

	*o = (struct options){.db = getenv("KEZEK_DB")};
	opterr = 0;
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
		case 'o':
			o->once = 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			kz_setup_version("kezek-sync", version, sizeof version);
			printf("%s\n", version);
			exit(0);
		default:
			fprintf(stderr,
				"kezek-sync: '%s' is an unknown option or lacks its value; "
				"see kezek-sync --help\n",
				kz_setup_shown(argv[optind - 1], shown));
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kezek-sync: no arguments are taken; see kezek-sync --help\n");
		return 1;
	}
	return 0;
}

/* Sleep seconds in short naps, so a stop is obeyed at once. */
static void
nap(int ms)
{
	for (; ms > 0 && !stop; ms -= 100)
		usleep((useconds_t)(ms < 100 ? ms : 100) * 1000);
}

/* A fault that lasts is one line, not one a try. */
static void
say(const char *msg)
{
	static char last[KZ_ERR_LEN];

	if (strcmp(last, msg) != 0 && msg[0] != '\0')
		fprintf(stderr, "kezek-sync: %s\n", msg);
	snprintf(last, sizeof last, "%s", msg);
}

struct sync {
	const struct kz_config *cfg;
	struct kz_db *db;
	struct kz_pg *pg;
	struct kz_ship_event *batch;
	struct kz_ship_refs refs, sent; /* now, and as the centre last got them */
	int refs_sent;
	int64_t held;
	int skew_told;
	int centre_stopped; /* the centre already holds the problem */
};

static void
office_of(const struct kz_config *cfg, struct kz_send_office *o)
{
	*o = (struct kz_send_office){cfg->office, cfg->name_kk, cfg->name_ru, cfg->timezone,
		cfg->wait_limit_min * 60, cfg->service_limit_min * 60, cfg->hours.lunch_start,
		cfg->hours.lunch_end};
}

/* Stop shipping: the hall's log and the centre's disagree.  Kept in both,
 * so kezek region status and this hall's record say it. */
static int
stop_restored(struct sync *s, const char *problem)
{
	char err[KZ_ERR_LEN];

	fprintf(stderr, "kezek-sync: %s\n", problem);
	(void)kz_ship_record(s->db, s->cfg->office, s->held, kz_clock_now(), problem, err);
	if (s->pg && !s->centre_stopped)
		(void)kz_send_problem(s->pg, s->cfg->office, problem, err);
	return EXIT_STOPPED;
}

/* A centre that held this office's events before it took the registers:
 * their rows, once. */
static int
catch_registers(struct sync *s, char *err)
{
	struct kz_ship_cases c;
	int needed, rc;

	if ((rc = kz_send_registers_needed(s->pg, s->cfg->office, &needed, err)) != KZ_OK ||
		!needed)
		return rc;
	if ((rc = kz_ship_cases_read(s->db, 0, s->held, &c, err)) != KZ_OK)
		return rc;
	rc = kz_send_registers(s->pg, s->cfg->office, &c, err);
	kz_ship_cases_free(&c);
	return rc;
}

/* Connect, bring the centre's schema up, say who we are, learn where the
 * centre stopped. */
static int
meet(struct sync *s, char *err)
{
	struct kz_send_office o;
	struct kz_send_held held;
	struct kz_ship_state st;
	int rc;

	office_of(s->cfg, &o);
	if ((rc = kz_pg_connect(s->cfg->region.centre, &s->pg, err)) != KZ_OK ||
		(rc = kz_pg_migrate(s->pg, err)) != KZ_OK ||
		(rc = kz_send_hello(s->pg, &o, &held, err)) != KZ_OK)
		return rc;
	s->held = held.held_id;
	s->refs_sent = 0;
	s->centre_stopped = held.problem[0] != '\0';
	if (s->centre_stopped)
		return kz_err(err, KZ_EREJECT, "the centre stopped taking office %s's events: %s",
			s->cfg->office, held.problem);
	if ((rc = kz_ship_state(s->db, s->cfg->office, &st, err)) != KZ_OK)
		return rc;
	if (st.newest_id >= s->held && (rc = catch_registers(s, err)) != KZ_OK)
		return rc;
	if (st.newest_id < s->held)
		return kz_err(err, KZ_EREJECT,
			"this hall's event log ends at %" PRId64 " but the centre holds office "
			"%s's events up to %" PRId64 ": the hall was restored from an older "
			"backup; nothing more is shipped (it would be counted wrong) until the "
			"region's administrator settles it",
			st.newest_id, s->cfg->office, s->held);
	return KZ_OK;
}

static void
tell_skew(struct sync *s, int skew)
{
	char msg[KZ_ERR_LEN];

	if (skew > -SKEW_WARN_SECONDS && skew < SKEW_WARN_SECONDS) {
		s->skew_told = 0;
		return;
	}
	if (s->skew_told)
		return;
	s->skew_told = 1;
	snprintf(msg, sizeof msg,
		"this hall's clock is %d s %s the centre's; the region's figures keep the "
		"hall's own times, but set the clock right (kezek doctor)",
		skew < 0 ? -skew : skew, skew < 0 ? "behind" : "ahead of");
	say(msg);
}

/* One batch; *more: there may be more to send. */
static int
step(struct sync *s, int *more, char *err)
{
	struct kz_ship_cases cases = {0};
	struct kz_send_result res;
	int64_t newest, from = s->held > 0 ? s->held - 1 : 0; /* the last held: the seam */
	int n, rc, refs_changed;

	*more = 0;
	if ((rc = kz_ship_read(s->db, from, s->cfg->region.batch + 1, s->batch, &n, &newest,
		     err)) != KZ_OK ||
		(rc = kz_ship_refs_read(s->db, &s->refs, err)) != KZ_OK)
		return rc;
	refs_changed = !s->refs_sent || memcmp(&s->refs, &s->sent, sizeof s->refs) != 0;
	if ((n == 0 || s->batch[n - 1].id <= s->held) && !refs_changed)
		return KZ_OK; /* caught up */
	if (n > 0 &&
		(rc = kz_ship_cases_read(s->db, from, s->batch[n - 1].id, &cases, err)) != KZ_OK)
		return rc;
	rc = kz_send_batch(s->pg, s->cfg->office, s->held, refs_changed ? &s->refs : NULL,
		n > 0 ? &cases : NULL, s->batch, n, kz_clock_now(), &res, err);
	kz_ship_cases_free(&cases);
	if (rc != KZ_OK)
		return rc;
	s->sent = s->refs;
	s->refs_sent = 1;
	s->held = res.held_id;
	*more = newest > s->held;
	tell_skew(s, res.skew_seconds);
	return kz_ship_record(s->db, s->cfg->office, s->held, kz_clock_now(), "", err);
}

static int
run(struct sync *s, int once)
{
	char err[KZ_ERR_LEN];
	int rc, more, backoff = 0;

	while (!stop) {
		if (s->pg == NULL && (rc = meet(s, err)) != KZ_OK) {
			if (rc == KZ_EREJECT) /* told at the centre too, while connected */
				return stop_restored(s, err);
			kz_pg_close(s->pg);
			s->pg = NULL;
			goto failed;
		}
		if ((rc = step(s, &more, err)) == KZ_OK) {
			if (backoff)
				say("shipping again");
			backoff = 0;
			say("");
			if (!more && once)
				return 0;
			if (!more)
				nap(s->cfg->region.idle_seconds * 1000);
			continue;
		}
		if (rc == KZ_EREJECT) /* a conflict: a person must settle it */
			return stop_restored(s, err);
		kz_pg_close(s->pg); /* whatever failed, start again from the centre's word */
		s->pg = NULL;
failed:
		say(err);
		if (once)
			return 3;
		backoff = backoff ? backoff * 2 : 1000;
		if (backoff > s->cfg->region.retry_seconds * 1000)
			backoff = s->cfg->region.retry_seconds * 1000;
		nap(backoff);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static struct kz_config cfg;
	static struct sync s;
	struct kz_setup setup;
	struct options o;
	char err[KZ_ERR_LEN];
	int rc;

	if (parse(argc, argv, &o) != 0)
		return 1;
	if ((rc = kz_setup_load(&setup, o.config, o.data_dir, &cfg, err)) != KZ_OK ||
		(rc = kz_clock_setup(cfg.timezone, o.now, err)) != KZ_OK) {
		fprintf(stderr, "kezek-sync: %s\n", err);
		return rc == KZ_EINVAL ? 1 : 3;
	}
	if (cfg.office[0] == '\0' || cfg.region.centre[0] == '\0') {
		fprintf(stderr,
			"kezek-sync: %s: %s; the region's centre knows a hall by its office "
			"key, and is named by centre in [region]\n",
			cfg.path,
			cfg.office[0] == '\0' ? "no office in [hall]" : "no centre in [region]");
		return 3;
	}
	s.cfg = &cfg;
	if ((s.batch = calloc((size_t)cfg.region.batch + 1, sizeof *s.batch)) == NULL ||
		(rc = kz_db_open(o.db && *o.db ? o.db : cfg.database, 0, &s.db, err)) != KZ_OK) {
		fprintf(stderr, "kezek-sync: %s\n", s.batch ? err : "out of memory");
		free(s.batch);
		return 3;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = run(&s, o.once);
	kz_pg_close(s.pg);
	kz_db_close(s.db);
	free(s.batch);
	return rc;
}
