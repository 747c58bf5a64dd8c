/*
 * cmd-report.c - kezek report [RANGE]: the managers' figures for a day, a
 * week, a month, a year or any range, as a table for the terminal, as CSV
 * (RFC 4180, UTF-8) for spreadsheets, or as an A4 PDF with charts, saved
 * or printed on an A4 printer.  Definitions: queue/report.h.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "printer/a4.h"
#include "documents/report-csv.h"
#include "documents/report.h"
#include "queue/clock.h"
#include "queue/report.h"
#include "report-out.h"

static const struct kz_cmd_option options[] = {
	{"week", "DATE", N("the week (Monday to Sunday) of DATE")},
	{"from", "DATE", N("first day of a range (with --to)")},
	{"to", "DATE", N("last day of a range")},
	{"csv", NULL, N("CSV for a spreadsheet instead of the table")},
	{"pdf", "FILE", N("write the report with charts as an A4 PDF")},
	{"print", "PRINTER", N("print it on an A4 printer of hall.ini")},
	{"lang", "kk|ru", N("language of names and of the PDF (default ru)")},
	{"scan", NULL, N("work every day out from its tickets, not from the days' summaries")},
	{NULL, NULL, NULL},
};

/* --- the command -------------------------------------------------------------- */

static int
pdf(struct kz_cli *cli, const struct kz_report *r, const char *lang)
{
	const char *path = kz_cli_opt(cli, "pdf"), *printer = kz_cli_opt(cli, "print");
	struct kz_bytes out = {0};
	char fonts[KZ_PATH_LEN + 32], title[64];
	int rc;

	kz_cli_fonts(cli, fonts, sizeof fonts);
	/* the PDF is in kk or ru even when the staff read the source strings */
	if (cli->tr == NULL &&
		(rc = kz_setup_translations(&cli->setup, &cli->tr, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_doc_report_pdf(r, cli->cfg, lang, fonts, &out, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (path != NULL && (rc = kz_a4_save(path, out.data, out.len, cli->err)) == KZ_OK)
		printf("report %s to %s: %s\n", r->from, r->to, path);
	if (rc == KZ_OK && printer != NULL) {
		snprintf(title, sizeof title, "Kezek report %s %s", r->from, r->to);
		if ((rc = kz_a4_print(cli->cfg, printer, title, out.data, out.len, cli->err)) ==
			KZ_OK)
			printf("report %s to %s: printed on %s\n", r->from, r->to, printer);
	}
	kz_bytes_free(&out);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

static int
exec(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang");
	struct kz_report *r;
	char from[11], to[11];
	int rc, kk;

	if (lang != NULL && strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return kz_cli_usage(cli, "--lang is kk or ru, not '%s'", lang);
	kk = lang != NULL && lang[0] == 'k';
	if ((rc = kz_report_cli_range(cli, from, to)) != 0)
		return rc;
	rc = kz_cli_opt(cli, "scan")
		? kz_report_build_scanned(cli->db, cli->cal, cli->cfg, from, to, &r, cli->err)
		: kz_report_build(cli->db, cli->cal, cli->cfg, from, to, &r, cli->err);
	if (rc != KZ_OK)
		return rc == KZ_EINVAL ? kz_cli_usage(cli, "%s", cli->err) : kz_cli_fail(cli, rc);
	if (kz_cli_opt(cli, "pdf") || kz_cli_opt(cli, "print")) {
		rc = pdf(cli, r, kk ? "kk" : "ru");
	} else if (kz_cli_opt(cli, "csv")) {
		kz_doc_report_csv(stdout, r, cli->cfg, cli->cfg->office, kk, 1);
		rc = KZ_EXIT_OK;
	} else {
		printf(T("REPORT %s to %s  %s\n"), r->from, r->to,
			kk ? cli->cfg->name_kk : cli->cfg->name_ru);
		printf(T("visitors %d; served %d, no-shows %d, sent on %d, not served at closing "
			 "%d\n"),
			r->issued, r->total.served, r->total.no_shows, r->total.transferred,
			r->total.not_served);
		kz_report_print_lunch(r);
		kz_report_print_groups(r, kk);
		kz_report_print_cases(r, cli->cfg, kk);
		rc = KZ_EXIT_OK;
	}
	kz_report_free(r);
	return rc;
}

const struct kz_cmd kz_cmd_report = {
	.name = "report",
	.args = "[DATE | YYYY-MM | YYYY]",
	.summary = N("waits, service times, applications, complaints and App. 4 for a range"),
	.options = options,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
