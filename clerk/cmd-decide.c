/* cmd-decide.c - kezek decide NUMBER approve|reject: the decision on an
 * application, a rejection with its reason (on standard input, person.c). */
#include <string.h>

#include "kezek.h"
#include "queue/application.h"

static const struct kz_cmd_option options[] = {
	{"from", "FILE",
		N("reject: read the reason from FILE (its owner's only: mode 0600 or 0400), not "
		  "standard input")},
	{"print", "PRINTER",
		N("reject: print the motivated refusal on PRINTER (role a4; default: the A4 printer "
		  "that works)")},
	{"lang", "kk|ru", N("reject: the refusal's language (default: the applicant's)")},
	{NULL, NULL, NULL},
};

/* A rejection's reason speaks of the applicant and the plot: it is
 * personal data (purged with them), read on standard input. */
static const struct kz_cmd_key keys[] = {
	{"reason", N("reject: why (required)")},
	{NULL, NULL},
};

static int
exec(struct kz_cli *cli)
{
	const char *verb = cli->argv[1];
	struct kz_person p = {0};
	struct kz_application a;
	const char *printer = NULL;
	char chosen[32];
	int approve = strcmp(verb, "approve") == 0, rc;
	int64_t job = 0;

	if (!approve && strcmp(verb, "reject") != 0)
		return kz_cli_usage(cli, "'%s' is not approve or reject", verb);
	if (approve && kz_cli_opt(cli, "from") != NULL)
		return kz_cli_usage(cli, "--from goes with reject: an approval has no reason");
	if (approve && (kz_cli_opt(cli, "print") || kz_cli_opt(cli, "lang")))
		return kz_cli_usage(cli,
			"--print and --lang go with reject: the motivated refusal");
	if (!approve)
		printer = kz_cli_printer(cli, 1, chosen);
	if (!approve && (rc = kz_person_read(cli, &p)) != KZ_EXIT_OK)
		return rc;
	rc = kz_app_decide_print(cli->db, cli->argv[0], approve, kz_person_get(&p, "reason"),
		printer, kz_cli_opt(cli, "lang"), &a, &job, cli->err);
	kz_person_free(&p);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	/* the first line is read by scripts: the number, then the state (its code in en) */
	printf("%s %s\n", a.number,
		strcmp(kz_cli_lang(), "en") == 0 ? kz_app_state_name(a.status)
						 : kz_cli_word(kz_app_state_name(a.status)));
	kz_cli_label(T("decided"), 10);
	printf(T("%s, due %s\n"), a.decided_day, a.due_day);
	if (a.deemed) {
		kz_cli_label(T("deemed"), 10);
		printf(T("approved from %s (p.16): no decision by the due day\n"), a.due_day);
	}
	if (a.reason[0]) {
		kz_cli_label(T("reason"), 10);
		printf("%s\n", a.reason);
	}
	if (a.refusal_out[0]) {
		kz_cli_label(T("refusal"), 10);
		printf(T("outgoing %s of %s (p.5: the motivated refusal)\n"), a.refusal_out,
			a.refusal_out_day);
	}
	if (job) {
		kz_cli_label(T("print"), 10);
		printf(T("job %lld on %s: the motivated refusal (p.5)\n"), (long long)job, printer);
	} else if (!approve) {
		kz_cli_label(T("print"), 10);
		printf("%s\n",
			T("none: no A4 printer is configured; the refusal is registered "
			  "under its number and can be printed later"));
	}
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_decide = {
	.name = "decide",
	.args = "NUMBER approve|reject",
	.summary = N(
		"approve application NUMBER's act, or reject it with the reason on standard input"),
	.options = options,
	.min_args = 2,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.exec = exec,
	.keys = keys,
};
