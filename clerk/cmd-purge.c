/*
 * cmd-purge.c - kezek purge [--older-than DAYS]: remove the personal data
 * of cases closed more than DAYS ago ([hall] retention_days, 3 years by
 * default; p.17.7), keeping what the reports count.  See queue/purge.h
 * for which columns go and when a case counts as closed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "kezek.h"
#include "queue/clock.h"
#include "term.h"
#include "queue/purge.h"

static const struct kz_cmd_option options[] = {
	{"older-than", "DAYS",
		N("purge cases closed more than DAYS ago (default [hall] "
		  "retention_days, 1095)")},
	{NULL, NULL, NULL},
};

/* On a terminal only (kz_term_progress): the step, as the file's rebuild
 * of a large hall takes minutes. */
static void
progress(void *ctx, const char *step, int done, int total)
{
	char what[96];

	(void)ctx;
	snprintf(what, sizeof what, "purge: %s, step", step);
	kz_term_progress(what, done, total);
}

static int
exec(struct kz_cli *cli)
{
	const char *older = kz_cli_opt(cli, "older-than");
	struct kz_purge_result r;
	char day[11], *end;
	long days = cli->cfg->retention_days;
	int rc;

	if (older != NULL) {
		days = strtol(older, &end, 10);
		if (*older == '\0' || *end != '\0' || days < 1 || days > 36500)
			return kz_cli_usage(cli,
				"--older-than is a number of days, 1 to 36500, not "
				"'%s'",
				older);
	}
	if ((rc = kz_purge_told(cli->db, (int)days, progress, NULL, &r, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	kz_clock_day(r.cutoff, day);
	printf("purged the personal data of %d complaint%s and %d application%s closed before %s\n",
		r.complaints, r.complaints == 1 ? "" : "s", r.applications,
		r.applications == 1 ? "" : "s", day);
	printf("kept for the reports: %d complaint%s and %d application%s (numbers, dates, "
	       "statuses, kinds)\n",
		r.kept_complaints, r.kept_complaints == 1 ? "" : "s", r.kept_applications,
		r.kept_applications == 1 ? "" : "s");
	if (r.files > 0)
		printf("removed %d printed file%s of those cases (PDFs a folder printer kept)\n",
			r.files, r.files == 1 ? "" : "s");
	if (!r.compacted)
		fprintf(stderr,
			"kezek: warning: the database file could not be rebuilt now (another "
			"program is using it), so purged text may linger in its free space; "
			"run 'kezek purge' again when the hall is closed\n");
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_purge = {
	.name = "purge",
	.summary = N("remove personal data of cases closed longer ago than the retention (p.17.7)"),
	.options = options,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
