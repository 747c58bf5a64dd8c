/*
 * cmd-doctor.c - kezek doctor: what an administrator must know before the
 * doors open, one check a line, each saying what is wrong and what to do.
 * Exit 0 only when the hall can open: no check failed (warnings are told,
 * they do not close the hall).
 *
 * The checks are one table (doctor.h), in the order they build on each
 * other: a check that needs what an earlier one found missing is skipped
 * and says so, rather than failing twice for one cause.
 */
#include <stdio.h>
#include <string.h>

#include "doctor.h"
#include "kezek.h"

static const char *const verdict_word[] = {
	[KZ_DOCTOR_OK] = "ok",
	[KZ_DOCTOR_WARN] = "warn",
	[KZ_DOCTOR_FAIL] = "FAIL",
	[KZ_DOCTOR_SKIP] = "skip",
};

static void
show(const char *verdict, const char *name, const struct kz_doctor_line *line)
{
	printf("%-5s %-13s %s\n", verdict, name, line->what);
	if (line->todo[0] != '\0')
		printf("%-5s %-13s   %s %s\n", "", "", T("what to do:"), line->todo);
}

static void
count(enum kz_doctor_verdict v, int *failed, int *warned)
{
	*failed += v == KZ_DOCTOR_FAIL;
	*warned += v == KZ_DOCTOR_WARN;
}

static int
exec(struct kz_cli *cli)
{
	struct kz_doctor d = {.cli = cli, .cfg = cli->cfg};
	struct kz_doctor_line line;
	int failed = 0, warned = 0;

	for (const struct kz_doctor_check *c = kz_doctor_checks; c->name != NULL; c++) {
		memset(&line, 0, sizeof line);
		line.verdict = c->run(&d, &line);
		/* a check of several things (printers, kiosks, years) heads its
		 * lines; each of them has its own verdict */
		show(d.nextra > 0 ? "" : verdict_word[line.verdict], c->name, &line);
		if (d.nextra == 0)
			count(line.verdict, &failed, &warned);
		for (int i = 0; i < d.nextra; i++) {
			show(verdict_word[d.extra[i].verdict], "", &d.extra[i]);
			count(d.extra[i].verdict, &failed, &warned);
		}
		d.nextra = 0;
	}
	kz_doctor_done(&d);
	if (failed > 0) {
		printf("the hall cannot open: %d check%s failed, %d warning%s\n", failed,
			failed == 1 ? "" : "s", warned, warned == 1 ? "" : "s");
		return KZ_EXIT_REJECTED;
	}
	printf("the hall can open%s", warned ? "" : "\n");
	if (warned)
		printf(", with %d warning%s to see to\n", warned, warned == 1 ? "" : "s");
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_doctor = {
	.name = "doctor",
	.summary = N("check everything the hall needs before it opens (configuration, database, "
		     "data, printers, clock, PINs, disk, backups); exit 0 only when it can open"),
	.flags = KZ_CMD_OWN_SETUP,
	.exec = exec,
};
