/* cmd-simulate.c - kezek simulate: fill the database with simulated working days. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "term.h"
#include "queue/clock.h"
#include "sim/simulate.h"

/* "N" as a whole number lo..hi into *out; 0, or -1 after a usage message. */
static int
number(struct kz_cli *cli, const char *opt, unsigned long long lo, unsigned long long hi,
	unsigned long long *out)
{
	const char *v = kz_cli_opt(cli, opt);
	char *end;

	if (v == NULL)
		return 0;
	errno = 0;
	*out = strtoull(v, &end, 10);
	if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 || *out < lo || *out > hi) {
		kz_cli_usage(cli, "--%s '%s' is not a number from %llu to %llu", opt, v, lo, hi);
		return -1;
	}
	return 0;
}

static int
percent(int part, int whole)
{
	return whole > 0 ? (int)((200LL * part + whole) / (2LL * whole)) : 0;
}

static void
summary(const struct kz_sim_options *o, const struct kz_sim_result *r, int limit)
{
	const char *to = o->to_day ? o->to_day : o->from_day;

	if (strcmp(o->from_day, to) == 0)
		printf("simulated %s: %s (seed %llu)\n", o->from_day,
			r->days ? "a working day" : "not a working day, nothing to do",
			(unsigned long long)o->seed);
	else
		printf("simulated %s .. %s: %d working day%s (seed %llu)\n", o->from_day, to,
			r->days, r->days == 1 ? "" : "s", (unsigned long long)o->seed);
	if (r->days == 0)
		return;
	printf("tickets       %6d  (%d a day; turned away at lunch or after the last ticket: %d)\n",
		r->tickets, (r->tickets + r->days / 2) / r->days, r->turned_away);
	printf("served        %6d\n", r->served);
	printf("no-shows      %6d\n", r->no_shows);
	printf("transferred   %6d\n", r->transferred);
	printf("not served    %6d  (still waiting at closing)\n", r->not_served);
	printf("waits > %d min %5d  (%d%% of calls); longest %lld min\n", limit, r->over_limit,
		percent(r->over_limit, r->tickets - r->not_served), (long long)(r->max_wait / 60));
	printf("feedback      %6d  (%d%% of served)\n", r->feedback,
		percent(r->feedback, r->served));
	if (o->cases)
		printf("applications  %6d  (%d refused; %d decided, %d handed over); complaints %d "
		       "(%d answered)\n",
			r->applications, r->refused, r->decided, r->handed_over, r->complaints,
			r->answered);
}

static void
progress(void *ctx, int done, int total)
{
	(void)ctx;
	kz_term_progress("simulated working days", done, total);
}

static int
exec(struct kz_cli *cli)
{
	const char *day = kz_cli_opt(cli, "day"), *from = kz_cli_opt(cli, "from");
	const char *to = kz_cli_opt(cli, "to");
	struct kz_sim_options o;
	struct kz_sim_result r;
	unsigned long long seed = 1, visitors = 0;
	char today[11];
	int rc;

	kz_sim_options_init(&o);
	if (day && (from || to))
		return kz_cli_usage(cli, "give --day DATE or --from DATE --to DATE, not both");
	if ((from == NULL) != (to == NULL))
		return kz_cli_usage(cli, "--from and --to go together");
	if (number(cli, "seed", 0, UINT64_MAX, &seed) < 0 ||
		number(cli, "visitors", 1, KZ_SIM_MAX_VISITORS, &visitors) < 0)
		return KZ_EXIT_USAGE;
	if (day == NULL && from == NULL) {
		kz_clock_day(kz_clock_now(), today);
		day = today;
	}
	o.from_day = day ? day : from;
	o.to_day = day ? day : to;
	o.seed = seed;
	o.visitors_per_day = (int)visitors;
	o.with_real = kz_cli_opt(cli, "with-real-visits") != NULL;
	o.progress = progress;
	if ((rc = kz_simulate(cli->db, cli->cal, cli->cfg, &o, &r, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	summary(&o, &r, cli->cfg->wait_limit_min);
	return KZ_EXIT_OK;
}

static const struct kz_cmd_option options[] = {
	{"day", "DATE", N("simulate this working day (default: the clock's today)")},
	{"from", "DATE", N("simulate every working day from DATE ...")},
	{"to", "DATE", N("... to DATE, both included (at most 400 days)")},
	{"seed", "N", N("random seed: the same seed and days give the same database (default 1)")},
	{"visitors", "N", N("mean visitors a day (default 34 per counter of the first service)")},
	{"with-real-visits", NULL,
		N("go on although the database holds real visits (refused without it: the "
		  "simulated days would mix with them in every report)")},
	{NULL, NULL, NULL},
};

const struct kz_cmd kz_cmd_simulate = {
	.name = "simulate",
	.summary =
		N("fill the database with simulated working days (demonstrations, report tests)"),
	.options = options,
	.flags = KZ_CMD_DB | KZ_CMD_CREATE | KZ_CMD_CAL, /* a fresh file is the usual target */
	.exec = exec,
};
