/*
 * cmd-print.c - kezek print status | test PRINTER | form PRINTER | reprint JOB:
 * what the printers are doing, a test page, a blank application form (App. 2,
 * p.12), and printing a job again on request.
 */
#include <stdlib.h>
#include <string.h>

#include "documents/documents.h"
#include "kezek.h"
#include "printer/preview.h"
#include "queue/clock.h"
#include "queue/file.h"
#include "queue/outbox.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", "language of a test page or form (default kk)"},
	{"sample", NULL, "form: the sample filled in with made-up data (p.10), not the blank"},
	{NULL, NULL, NULL},
};

static int
print_job(const struct kz_print_job *j, void *arg)
{
	char when[32];

	(void)arg;
	kz_clock_format(j->created_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("  job %-6lld %s  %-7s %-3s %-10s", (long long)j->id, when,
		kz_outbox_doc_name(j->document), j->lang, kz_job_state_name(j->state));
	if (j->number[0])
		printf(" %s", j->number);
	if (j->reprint_of)
		printf(" (reprint of %lld)", (long long)j->reprint_of);
	if (j->reason[0])
		printf(": %s", j->reason);
	printf("\n");
	return 0;
}

static int
status(struct kz_cli *cli)
{
	enum kz_printer_condition state;
	char reason[256];
	int queued, rc;

	if (cli->cfg->nprinters == 0) {
		printf("no printers in %s; add a [printer NAME] section\n", cli->cfg->path);
		return KZ_EXIT_OK;
	}
	for (int i = 0; i < cli->cfg->nprinters; i++) {
		const struct kz_printer_conf *p = &cli->cfg->printers[i];
		rc = kz_printer_get_state(cli->db, p->name, &state, reason, &queued, cli->err);
		if (rc != KZ_OK)
			return kz_cli_fail(cli, rc);
		printf("%s (%s, %s %s): %s%s%s, %d waiting\n", p->name,
			kz_config_role_name(p->role), kz_config_transport_name(p->transport),
			p->address, kz_printer_condition_name(state), reason[0] ? ": " : "", reason,
			queued);
		if ((rc = kz_outbox_list(cli->db, p->name, 10, print_job, NULL, cli->err)) != KZ_OK)
			return kz_cli_fail(cli, rc);
	}
	return KZ_EXIT_OK;
}

/* The printout in file path (what a printer was sent) as a PNG. */
static int
preview(struct kz_cli *cli, const char *path, const char *png)
{
	size_t len;
	uint8_t *data = kz_file_load(path, KZ_FILE_MAX_PRINTOUT, "printout", &len, cli->err);
	int rc, w, h;

	if (data == NULL)
		return kz_cli_fail(cli, KZ_EINVAL);
	rc = kz_preview_png(data, len, png, &w, &h, cli->err);
	free(data);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc == KZ_EINVAL ? KZ_EREJECT : rc);
	printf("%s: %dx%d dots\n", png, w, h);
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *what = cli->argv[0], *lang = kz_cli_opt(cli, "lang");
	int64_t id = 0;
	char *end;
	int rc;

	if (strcmp(what, "status") == 0 && cli->argc == 1)
		return status(cli);
	if (strcmp(what, "preview") == 0 && cli->argc == 3)
		return preview(cli, cli->argv[1], cli->argv[2]);
	if ((strcmp(what, "test") == 0 || strcmp(what, "form") == 0) && cli->argc == 2) {
		enum kz_doc_kind kind = what[0] == 't'      ? KZ_DOC_TEST
			: kz_cli_opt(cli, "sample") != NULL ? KZ_DOC_FORM_SAMPLE
							    : KZ_DOC_FORM;
		const struct kz_printer_conf *pr = kz_config_printer(cli->cfg, cli->argv[1]);

		/* a form on a thermal roll is refused before it is queued */
		if (pr != NULL &&
			(rc = kz_document_check_paper(kind, cli->cfg, pr, cli->err)) != KZ_OK)
			return kz_cli_fail(cli, KZ_EREJECT);
		rc = kz_outbox_add(cli->db, cli->argv[1], kind, lang ? lang : "kk", &id, cli->err);
		if (rc != KZ_OK)
			return kz_cli_fail(cli, rc);
		printf("job %lld: %s for %s is queued\n", (long long)id, kz_document(kind)->what,
			cli->argv[1]);
		return KZ_EXIT_OK;
	}
	if (strcmp(what, "reprint") == 0 && cli->argc == 2) {
		long long job = strtoll(cli->argv[1], &end, 10);
		if (*cli->argv[1] == '\0' || *end != '\0' || job <= 0)
			return kz_cli_usage(cli, "'%s' is not a job number", cli->argv[1]);
		if ((rc = kz_outbox_reprint(cli->db, job, &id, cli->err)) != KZ_OK)
			return kz_cli_fail(cli, rc);
		printf("job %lld: job %lld will print again\n", (long long)id, job);
		return KZ_EXIT_OK;
	}
	return kz_cli_usage(cli,
		"say status, test PRINTER, form PRINTER, reprint JOB or preview "
		"FILE PNG");
}

const struct kz_cmd kz_cmd_print = {
	.name = "print",
	.args = "status | test PRINTER | form PRINTER | reprint JOB | preview FILE PNG",
	.summary = "the printers' state and jobs; a test page; a blank form (--sample: filled in "
		   "with made-up data); print a job again",
	.options = options,
	.min_args = 1,
	.max_args = 3,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
