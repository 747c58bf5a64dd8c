/*
 * cmd-resume.c - kezek resume NUMBER --docs LIST --counter N: the missing
 * documents of a suspended application (p.16) are brought to counter N;
 * with the set of p.11 complete it goes on, due on the 3rd working day
 * after today (p.7.1), and its new receipt (p.14) is printed.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"

static const struct kz_cmd_option options[] = {
	{"docs", "LIST",
		N("the missing documents brought: act,conclusion ... (codes as for accept)")},
	{"counter", "N", N("the counter where they are taken (open: its clerk takes them)")},
	{"print", "PRINTER",
		N("print the receipt on PRINTER (role receipts or a4; default: one that works)")},
	{"lang", "kk|ru", N("the receipt's language (default: the applicant's, chosen at intake)")},
	{NULL, NULL, NULL},
};

/* What the clerk and the applicant must know after the step. */
static void
report(const struct kz_application *a, const char *printer, int64_t job)
{
	char when[32], warning[512];

	kz_clock_format(a->resumed_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s\n", a->number);
	kz_cli_label(T("status"), 10);
	printf("%s\n", T("registered: the documents of p.11 are complete"));
	kz_cli_label(T("resumed"), 10);
	printf(T("%s (suspended until %s)\n"), when, a->suspended_until);
	fputs(T("documents"), stdout);
	for (int i = 0; i < KZ_APPDOC_COUNT; i++)
		if (a->docs & (1u << i))
			printf(" %s", kz_app_doc_code(i));
	printf("\n");
	kz_cli_label(T("due"), 10);
	printf(T("%s (p.7.1: the 3rd working day after the set was complete)\n"), a->due_day);
	/* a due day counted on holiday data not decreed says so, as at acceptance */
	if (kz_cli_due_warning(a->due_calendar, a->due_day, warning, sizeof warning))
		printf("%s\n", warning);
	if (job) {
		kz_cli_label(T("print"), 10);
		printf(T("job %lld on %s: the %s\n"), (long long)job, printer, T("receipt (p.14)"));
	} else {
		kz_cli_label(T("receipt"), 10);
		char cmd[64];
		snprintf(cmd, sizeof cmd, "kezek applications %s", a->number);
		printf(T("OWED: no printer for receipts; print it once one works (%s shows it)\n"),
			cmd);
	}
}

static int
exec(struct kz_cli *cli)
{
	const char *docs = kz_cli_opt(cli, "docs"), *at = kz_cli_opt(cli, "counter");
	char chosen[32];
	const char *printer;
	struct kz_application *a;
	unsigned set = 0;
	int64_t job = 0;
	int counter, rc;

	if (docs == NULL)
		return kz_cli_usage(cli, "name the documents brought: --docs act,conclusion ...");
	if (at == NULL)
		return kz_cli_usage(cli, "name the counter where they are taken: --counter N");
	if ((counter = kz_cli_counter(cli, at)) < 0)
		return KZ_EXIT_USAGE;
	if (kz_app_docs_parse(docs, &set, cli->err) != KZ_OK)
		return kz_cli_usage(cli, "%s", cli->err);
	if ((a = malloc(sizeof *a)) == NULL) {
		kz_err(cli->err, KZ_ENOMEM, "out of memory");
		return kz_cli_fail(cli, KZ_ENOMEM);
	}
	printer = kz_cli_printer(cli, 0, chosen);
	rc = kz_app_resume(cli->db, cli->cal, cli->argv[0], counter, set, printer,
		kz_cli_opt(cli, "lang"), a, &job, cli->err);
	if (rc != KZ_OK) {
		free(a);
		return kz_cli_fail(cli, rc);
	}
	report(a, printer, job);
	free(a);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_resume = {
	.name = "resume",
	.args = "NUMBER",
	.summary = N("the missing documents of suspended application NUMBER came (p.16): it goes "
		     "on, due anew, with a new receipt"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.exec = exec,
};
