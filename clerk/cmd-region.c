/*
 * cmd-region.c - kezek region report|status|settle: what the region's
 * managers run against the centre (region/): the report over one office,
 * several or all, for any range, worked out in PostgreSQL, with the
 * offices side by side ranked by their share of waits within the limit,
 * as text, CSV or an A4 PDF; how each office's shipping stands; and, run
 * in a hall restored from an older backup, its settlement with the centre
 * (region/settle.h).  Everything it says is in the staff's language.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "documents/report-csv.h"
#include "documents/report.h"
#include "printer/a4.h"
#include "region/pg.h"
#include "region/report.h"
#include "region/settle.h"
#include "report-out.h"

static const struct kz_cmd_option options[] = {
	{"offices", "KEY,KEY", N("only these offices (App. 1 keys; default: all the centre has)")},
	{"week", "DATE", N("the week (Monday to Sunday) of DATE")},
	{"from", "DATE", N("first day of a range (with --to)")},
	{"to", "DATE", N("last day of a range")},
	{"csv", NULL, N("CSV: each office's rows, then the offices together (office 'region')")},
	{"pdf", "FILE", N("write the region's report with charts as an A4 PDF")},
	{"yes", NULL, N("settle: do it (without: only say what it would do)")},
	{"lang", "kk|ru",
		N("the language it speaks, of the names and of the PDF (default: staff_lang)")},
	{"centre", "CONNINFO", N("the centre's connection string (default: centre in [region])")},
	{NULL, NULL, NULL},
};

struct office_report {
	struct kz_region_office *o;
	struct kz_report *r;
};

static int
connect_centre(struct kz_cli *cli, struct kz_pg **pg)
{
	const char *centre = kz_cli_opt(cli, "centre");
	int rc = kz_pg_connect(centre ? centre : cli->cfg->region.centre, pg, cli->err);

	if (rc == KZ_OK && (rc = kz_pg_migrate(*pg, cli->err)) != KZ_OK) {
		kz_pg_close(*pg);
		*pg = NULL;
	}
	return rc;
}

/* A number (or a dash) right-aligned in width - 1 columns and a blank:
 * the columns of the headings kz_cli_cell sets. */
static void
num_cell(const char *text, int width)
{
	printf("%*s ", width - 1, text);
}

static void
int_cell(long long v, int width)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	num_cell(buf, width);
}

static void
min_cell(int64_t seconds, int width)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%.1f", seconds / 60.0);
	num_cell(buf, width);
}

static void
share_cell(const struct kz_stat *st, int width)
{
	char buf[32];

	if (st->n == 0)
		snprintf(buf, sizeof buf, "-");
	else
		snprintf(buf, sizeof buf, "%.1f%%", kz_stat_share(st));
	num_cell(buf, width);
}

static int
status(struct kz_cli *cli, struct kz_pg *pg)
{
	struct kz_region_office *o;
	int n, rc, troubled = 0;

	if ((rc = kz_region_offices(pg, &o, &n, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	kz_cli_cell(stdout, T("OFFICE"), 31);
	kz_cli_cell(stdout, T("EVENTS"), 11);
	kz_cli_cell(stdout, T("BATCHES"), 11);
	kz_cli_cell(stdout, T("LAST BATCH (LOCAL)"), 27);
	kz_cli_cell(stdout, T("CLOCK SKEW"), 16);
	printf("%s\n", T("PROBLEM"));
	for (int i = 0; i < n; i++) {
		char skew[32];
		kz_cli_cell(stdout, o[i].office, 31);
		int_cell(o[i].held_id, 11);
		int_cell(o[i].batches, 11);
		kz_cli_cell(stdout, o[i].shipped_at[0] ? o[i].shipped_at : "-", 27);
		/* TRANSLATORS: seconds, after a number */
		snprintf(skew, sizeof skew, "%+d %s", o[i].skew_seconds, T("s"));
		kz_cli_cell(stdout, skew, 16);
		/* the centre keeps the words kezek-sync used; these are the staff's */
		if (o[i].problem[0] == '\0')
			printf("-\n");
		else
			printf(T("shipping stopped: this hall's log differs from the centre's (restored "
				 "from an older backup; %d conflicting events); run kezek region "
				 "settle in the hall\n"),
				o[i].conflicts);
		troubled += o[i].problem[0] != '\0';
	}
	printf(T("offices: %d, with a problem: %d\n"), n, troubled);
	free(o);
	return troubled ? KZ_EXIT_REJECTED : KZ_EXIT_OK;
}

/* The offices asked for (--offices), or all the centre has. */
static int
choose(struct kz_cli *cli, struct kz_region_office *all, int nall, struct office_report *out,
	int *n)
{
	const char *want = kz_cli_opt(cli, "offices");
	char list[4096], *save = NULL;

	*n = 0;
	if (want == NULL) {
		for (int i = 0; i < nall; i++)
			out[(*n)++].o = &all[i];
		return *n ? 0 : kz_cli_usage(cli, "%s", T("the centre has no offices yet"));
	}
	snprintf(list, sizeof list, "%s", want);
	for (char *k = strtok_r(list, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		int found = -1;
		for (int i = 0; i < nall && found < 0; i++)
			if (strcmp(all[i].office, k) == 0)
				found = i;
		if (found < 0)
			return kz_cli_usage(cli,
				T("the centre has no office '%s'; kezek region status lists them"),
				k);
		out[(*n)++].o = &all[found];
	}
	return 0;
}

static int
by_share(const void *a, const void *b)
{
	const struct office_report *x = a, *y = b;
	double wx = kz_stat_share(&x->r->total.wait), wy = kz_stat_share(&y->r->total.wait);
	double sx = kz_stat_share(&x->r->total.service), sy = kz_stat_share(&y->r->total.service);

	if (wx != wy)
		return wx < wy ? 1 : -1;
	if (sx != sy)
		return sx < sy ? 1 : -1;
	return strcmp(x->o->office, y->o->office);
}

static void
side_by_side(const struct office_report *o, int n, const struct kz_report *all, int kk)
{
	printf(T("\nOFFICES, ranked by the share of waits within %lld minutes (p.7.2), then of "
		 "service times within %lld (p.7.3)\n"),
		(long long)all->wait_limit / 60, (long long)all->service_limit / 60);
	printf("  # ");
	kz_cli_cell(stdout, T("OFFICE"), 31);
	kz_cli_cell(stdout, T("VISITORS"), 11);
	kz_cli_cell(stdout, T("SERVED"), 9);
	kz_cli_cell(stdout, T("WAIT med"), 11);
	kz_cli_cell(stdout, T("p90"), 9);
	kz_cli_cell(stdout, T("WITHIN"), 9);
	kz_cli_cell(stdout, T("SERVICE med"), 13);
	kz_cli_cell(stdout, T("WITHIN"), 9);
	printf("%s\n", T("NAME"));
	for (int i = 0; i < n; i++) {
		const struct kz_report_group *g = &o[i].r->total;
		printf("%3d ", i + 1);
		kz_cli_cell(stdout, o[i].o->office, 31);
		int_cell(o[i].r->issued, 11);
		int_cell(g->served, 9);
		min_cell(g->wait.median, 11);
		min_cell(g->wait.p90, 9);
		share_cell(&g->wait, 9);
		min_cell(g->service.median, 13);
		share_cell(&g->service, 9);
		printf("%s\n", kk ? o[i].o->name_kk : o[i].o->name_ru);
	}
}

static void
print_text(const struct office_report *o, int n, const struct kz_report *all,
	const struct kz_config *cfg, int kk)
{
	printf(T("REGION REPORT %s to %s  offices: %d\n"), all->from, all->to, n);
	printf(T("visitors %d; served %d, no-shows %d, sent on %d, not served at closing %d\n"),
		all->issued, all->total.served, all->total.no_shows, all->total.transferred,
		all->total.not_served);
	side_by_side(o, n, all, kk);
	printf("\n");
	kz_report_print_lunch(all);
	kz_report_print_groups(all, kk);
	kz_report_print_cases(all, cfg, kk);
}

/* The region's report as an A4 PDF, in lang. */
static int
pdf(struct kz_cli *cli, const struct office_report *o, int n, const struct kz_report *all,
	const char *lang)
{
	struct kz_doc_office *docs = calloc((size_t)n, sizeof *docs);
	struct kz_bytes out = {0};
	char fonts[KZ_PATH_LEN + 32];
	int rc;

	if (docs == NULL)
		return kz_cli_fail(cli, kz_err(cli->err, KZ_ENOMEM, "out of memory for a PDF"));
	for (int i = 0; i < n; i++)
		docs[i] = (struct kz_doc_office){o[i].o->office, o[i].o->name_kk, o[i].o->name_ru,
			o[i].r};
	kz_cli_fonts(cli, fonts, sizeof fonts);
	/* the PDF is in kk or ru even when the staff read the source strings */
	if (cli->tr == NULL &&
		(rc = kz_setup_translations(&cli->setup, &cli->tr, cli->err)) != KZ_OK) {
		free(docs);
		return kz_cli_fail(cli, rc);
	}
	rc = kz_doc_region_pdf(all, docs, n, cli->cfg, lang, fonts, &out, cli->err);
	free(docs);
	if (rc == KZ_OK &&
		(rc = kz_a4_save(kz_cli_opt(cli, "pdf"), out.data, out.len, cli->err)) == KZ_OK)
		printf(T("region report %s to %s: %s\n"), all->from, all->to,
			kz_cli_opt(cli, "pdf"));
	kz_bytes_free(&out);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

static int
report(struct kz_cli *cli, struct kz_pg *pg, int kk)
{
	struct kz_region_office *all = NULL;
	struct office_report *o = NULL;
	struct kz_report *sum = NULL;
	const char **keys = NULL;
	char from[11], to[11];
	int nall, n = 0, rc, exit_code = KZ_EXIT_OK;

	if ((rc = kz_report_cli_range(cli, from, to)) != 0)
		return rc;
	if ((rc = kz_region_offices(pg, &all, &nall, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	o = calloc((size_t)nall + 1, sizeof *o);
	keys = calloc((size_t)nall + 1, sizeof *keys);
	if (o == NULL || keys == NULL) {
		kz_err(cli->err, KZ_ENOMEM, "out of memory for %d offices", nall);
		exit_code = kz_cli_fail(cli, KZ_ENOMEM);
		goto out;
	}
	if ((exit_code = choose(cli, all, nall, o, &n)) != 0)
		goto out;
	for (int i = 0; i < n && rc == KZ_OK; i++) {
		keys[i] = o[i].o->office;
		rc = kz_region_report(pg, cli->cal, &keys[i], 1, from, to, &o[i].r, cli->err);
	}
	if (rc == KZ_OK)
		rc = kz_region_report(pg, cli->cal, keys, n, from, to, &sum, cli->err);
	if (rc != KZ_OK) {
		exit_code =
			rc == KZ_EINVAL ? kz_cli_usage(cli, "%s", cli->err) : kz_cli_fail(cli, rc);
		goto out;
	}
	qsort(o, (size_t)n, sizeof *o, by_share);
	if (kz_cli_opt(cli, "pdf")) {
		exit_code = pdf(cli, o, n, sum, kk ? "kk" : "ru");
	} else if (kz_cli_opt(cli, "csv")) {
		for (int i = 0; i < n; i++)
			kz_doc_report_csv(stdout, o[i].r, cli->cfg, o[i].o->office, kk, i == 0);
		kz_doc_report_csv(stdout, sum, cli->cfg, "region", kk, 0);
	} else {
		print_text(o, n, sum, cli->cfg, kk);
	}
out:
	for (int i = 0; o && i < n; i++)
		kz_report_free(o[i].r);
	kz_report_free(sum);
	free(o);
	free(keys);
	free(all);
	return exit_code;
}

/* In a hall restored from an older backup: what the centre holds that the
 * hall lost, and with --yes its settlement (region/settle.h). */
static int
settle(struct kz_cli *cli, struct kz_pg *pg)
{
	const char *office = cli->cfg->office;
	int apply = kz_cli_opt(cli, "yes") != NULL;
	struct kz_settle st;
	struct kz_db *db;
	int rc;

	if (office[0] == '\0')
		return kz_cli_usage(cli, "%s",
			T("this hall has no office in [hall]: the centre knows a hall by its office key"));
	if ((rc = kz_db_open(cli->db_path, 0, &db, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	rc = kz_settle(pg, db, office, apply, &st, cli->err);
	kz_db_close(db);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("office %s: the centre holds its events up to %lld, this hall's log ends "
		 "at %lld; they agree up to %lld\n"),
		office, (long long)st.held_id, (long long)st.newest_id, (long long)st.agreed_id);
	if (!st.needed) {
		printf("%s\n",
			apply && st.problem[0]
				? T("nothing to settle: they agree; the office's problem is cleared")
				: T("nothing to settle: they agree"));
		return KZ_EXIT_OK;
	}
	printf(T("held only at the centre, lost by this hall: %d events, %d tickets, %d "
		 "applications, %d complaints, %d ballots; conflicting events told: %d\n"),
		st.events, st.tickets, st.applications, st.complaints, st.ballots, st.conflicts);
	if (!apply) {
		printf(T("nothing changed; with --yes the centre keeps them as the office's history "
			 "and kezek-sync ships this hall's events after %lld (%lld now)\n"),
			(long long)st.agreed_id, (long long)(st.newest_id - st.agreed_id));
		return KZ_EXIT_OK;
	}
	printf(T("settled: the centre keeps them as the office's history, moved to event ids "
		 "from %lld; kezek-sync ships this hall's events after %lld (%lld now)\n"),
		(long long)st.moved_from, (long long)st.agreed_id,
		(long long)(st.newest_id - st.agreed_id));
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang");
	struct kz_pg *pg = NULL;
	const char *what = cli->argv[0];
	int rc, is_report = strcmp(what, "report") == 0;

	if (!is_report && strcmp(what, "status") != 0 && strcmp(what, "settle") != 0)
		return kz_cli_usage(cli, T("'%s' is not report, status or settle"), what);
	if (!is_report && cli->argc > 1)
		return kz_cli_usage(cli, T("'region %s' takes no more arguments"), what);
	if (lang != NULL && strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return kz_cli_usage(cli, "--lang is kk or ru, not '%s'", lang);
	if ((rc = connect_centre(cli, &pg)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (is_report) { /* the range is the report's own argument */
		cli->argc--;
		cli->argv++;
		rc = report(cli, pg,
			lang != NULL ? lang[0] == 'k' : strcmp(kz_cli_lang(), "kk") == 0);
		cli->argv--;
		cli->argc++;
	} else if (what[1] == 't') {
		rc = status(cli, pg);
	} else {
		rc = settle(cli, pg);
	}
	kz_pg_close(pg);
	return rc;
}

const struct kz_cmd kz_cmd_region = {
	.name = "region",
	.args = "report [RANGE] | status | settle",
	.summary = N("the region's offices at the centre: their report side by side, their "
		     "shipping, a restored hall settled"),
	.options = options,
	.min_args = 1,
	.max_args = 2,
	.flags = KZ_CMD_CAL | KZ_CMD_LANG,
	.exec = exec,
};
