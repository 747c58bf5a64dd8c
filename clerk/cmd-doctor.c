/*
 * cmd-doctor.c - kezek doctor: what an administrator must know before the
 * doors open, one check a line, each saying what is wrong and what to do.
 * Exit 0 only when the hall can open: no check failed (warnings are told,
 * they do not close the hall).
 *
 * The checks are one table (doctor.h), in the order they build on each
 * other: a check that needs what an earlier one found missing is skipped
 * and says so, rather than failing twice for one cause.
 *
 * Every word is the staff's (kk or ru, KEZEK_LANG=en the source's), known
 * before the first line: the checks' names and verdicts pad their columns
 * by display width.
 */
#include <stdio.h>
#include <string.h>

#include "doctor.h"
#include "kezek.h"
#include "queue/utf8.h"

/* TRANSLATORS: kezek doctor's verdict on a check, its line's first word */
static const char *const verdict_word[] = {
	[KZ_DOCTOR_OK] = N("ok"),
	[KZ_DOCTOR_WARN] = N("warn"),
	[KZ_DOCTOR_FAIL] = N("FAIL"),
	[KZ_DOCTOR_SKIP] = N("skip"),
};

/* The two first columns' widths: the longest verdict and check name in
 * the staff's words, never narrower than the source's. */
struct columns {
	int verdict, name;
};

static struct columns
columns(void)
{
	struct columns w = {5, 13};

	for (size_t i = 0; i < sizeof verdict_word / sizeof verdict_word[0]; i++) {
		int n = kz_utf8_width(T(verdict_word[i]));
		w.verdict = n > w.verdict ? n : w.verdict;
	}
	for (const struct kz_doctor_check *c = kz_doctor_checks; c->name != NULL; c++) {
		int n = kz_utf8_width(T(c->name));
		w.name = n > w.name ? n : w.name;
	}
	return w;
}

/* A line: its verdict (NULL: none, a heading of several), the check's name
 * ("" under a heading), what was found, and what to do under it. */
static void
show(struct columns w, const char *verdict, const char *name, const struct kz_doctor_line *line)
{
	kz_cli_pad(stdout, verdict ? T(verdict) : "", w.verdict);
	putchar(' ');
	kz_cli_pad(stdout, name[0] ? T(name) : "", w.name);
	printf(" %s\n", line->what);
	if (line->todo[0] == '\0')
		return;
	kz_cli_pad(stdout, "", w.verdict + w.name + 4);
	printf("%s %s\n", T("what to do:"), line->todo);
}

static void
count(enum kz_doctor_verdict v, int *failed, int *warned)
{
	*failed += v == KZ_DOCTOR_FAIL;
	*warned += v == KZ_DOCTOR_WARN;
}

/* The last line: whether the hall can open, with the counts. */
static int
verdict(int failed, int warned)
{
	char checks[64], warnings[64];

	snprintf(warnings, sizeof warnings,
		kz_trn(kz_cli_lang(), "%d warning", "%d warnings", (unsigned long)warned), warned);
	if (failed > 0) {
		snprintf(checks, sizeof checks,
			kz_trn(kz_cli_lang(), "%d check failed", "%d checks failed",
				(unsigned long)failed),
			failed);
		printf(T("the hall cannot open: %s, %s\n"), checks, warnings);
		return KZ_EXIT_REJECTED;
	}
	if (warned)
		printf(T("the hall can open, with %s to see to\n"), warnings);
	else
		printf("%s\n", T("the hall can open"));
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	struct kz_doctor d = {.cli = cli, .cfg = cli->cfg};
	struct kz_doctor_line line;
	struct columns w;
	int failed = 0, warned = 0;

	/* the staff's language before the first line, even when the
	 * configuration then fails its check */
	kz_cli_quiet_language(cli, 0);
	w = columns();
	for (const struct kz_doctor_check *c = kz_doctor_checks; c->name != NULL; c++) {
		memset(&line, 0, sizeof line);
		line.verdict = c->run(&d, &line);
		/* a check of several things (printers, kiosks, years) heads its
		 * lines; each of them has its own verdict */
		show(w, d.nextra > 0 ? NULL : verdict_word[line.verdict], c->name, &line);
		if (d.nextra == 0)
			count(line.verdict, &failed, &warned);
		for (int i = 0; i < d.nextra; i++) {
			show(w, verdict_word[d.extra[i].verdict], "", &d.extra[i]);
			count(d.extra[i].verdict, &failed, &warned);
		}
		d.nextra = 0;
	}
	kz_doctor_done(&d);
	return verdict(failed, warned);
}

const struct kz_cmd kz_cmd_doctor = {
	.name = "doctor",
	.summary = N("check everything the hall needs before it opens (configuration, database, "
		     "data, printers, clock, PINs, disk, backups); exit 0 only when it can open"),
	.flags = KZ_CMD_OWN_SETUP,
	.exec = exec,
};
