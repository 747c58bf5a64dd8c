/*
 * cmd-complaints.c - kezek complaints [--open] [--overdue] [--csv]: the
 * complaints journal as a table for people, or as CSV (RFC 4180: CRLF
 * line ends, fields quoted where needed, UTF-8 without a byte-order mark)
 * with every column, for a spreadsheet.
 */
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/complaint.h"

static const struct kz_cmd_option options[] = {
	{"open", NULL, N("only those not answered yet")},
	{"overdue", NULL, N("only those not answered past their due day (p.25)")},
	{"csv", NULL, N("CSV (RFC 4180, UTF-8) with every column, personal data included")},
	{"lang", "kk|ru", N("the table's language (default: [hall] staff_lang)")},
	{NULL, NULL, NULL},
};

static const char *
state(const struct kz_complaint *m)
{
	if (m->answered_at)
		return m->late ? T("answered late") : T("answered");
	return m->overdue ? T("OVERDUE") : T("open");
}

static const char *const csv_header[] = {
	"number",
	"registered",
	"channel",
	"kind",
	"complainant",
	"contact",
	"summary",
	"taken_by",
	"position",
	"counter",
	"days",
	"due_day",
	"state",
	"answered",
	"answer_channel",
	"answer",
	"answered_by",
	"purged",
	"office", /* App. 1 key: numbers restart in each office, the pair does not */
	NULL,
};

/* The office's key (App. 1) beside every number, as in every export. */
static const char *csv_office = "";

static int
print_csv(const struct kz_complaint *m, void *arg)
{
	char reg[24], ans[24] = "", counter[12] = "", days[4];
	const char *f[19];

	(void)arg;
	kz_clock_format(m->registered_at, "%Y-%m-%d %H:%M:%S", reg, sizeof reg);
	if (m->answered_at)
		kz_clock_format(m->answered_at, "%Y-%m-%d %H:%M:%S", ans, sizeof ans);
	if (m->counter)
		snprintf(counter, sizeof counter, "%d", m->counter);
	snprintf(days, sizeof days, "%d", m->days);
	f[0] = m->number, f[1] = reg, f[2] = kz_complaint_channel_name(m->channel),
	f[3] = kz_complaint_kind_name(m->kind), f[4] = m->name;
	f[5] = m->contact, f[6] = m->summary, f[7] = m->clerk, f[8] = m->position;
	f[9] = counter, f[10] = days, f[11] = m->due_day, f[12] = state(m), f[13] = ans;
	f[14] = kz_complaint_channel_name(m->answer_channel), f[15] = m->answer,
	f[16] = m->answer_clerk;
	f[17] = m->purged_at ? "yes" : "no";
	f[18] = csv_office;
	for (int i = 0; i < 19; i++)
		kz_cli_csv(f[i], i == 18);
	return 0;
}

static int
print_row(const struct kz_complaint *m, void *arg)
{
	char reg[24];

	(void)arg;
	kz_clock_format(m->registered_at, "%Y-%m-%d %H:%M", reg, sizeof reg);
	kz_cli_cell(stdout, m->number, 14);
	kz_cli_cell(stdout, reg, 18);
	kz_cli_cell(stdout, kz_cli_word(kz_complaint_channel_name(m->channel)), 11);
	kz_cli_cell(stdout, kz_cli_word(kz_complaint_kind_name(m->kind)), 14);
	kz_cli_cell(stdout, m->due_day, 12);
	kz_cli_cell(stdout, state(m), 22);
	kz_cli_cell(stdout, m->clerk, 22);
	printf("%s\n", m->name[0] ? m->name : T("(purged)"));
	return 0;
}

static void
print_header(void)
{
	kz_cli_cell(stdout, T("number"), 14);
	kz_cli_cell(stdout, T("registered"), 18);
	kz_cli_cell(stdout, T("channel"), 11);
	kz_cli_cell(stdout, T("kind"), 14);
	kz_cli_cell(stdout, T("due"), 12);
	kz_cli_cell(stdout, T("state"), 22);
	kz_cli_cell(stdout, T("taken by"), 22);
	printf("%s\n", T("complainant"));
}

/* "2 complaints open"; in Kazakh and Russian the count after a label, so
 * no plural form is needed. */
static void
print_count(int n, enum kz_complaint_filter filter)
{
	if (strcmp(kz_cli_lang(), "en") == 0)
		printf("%d %s\n", n,
			filter == KZ_COMPLAINTS_OVERDUE
				? (n == 1 ? "complaint overdue" : "complaints overdue")
				: filter == KZ_COMPLAINTS_OPEN
				? (n == 1 ? "complaint open" : "complaints open")
				: (n == 1 ? "complaint" : "complaints"));
	else
		printf(filter == KZ_COMPLAINTS_OVERDUE         ? T("complaints overdue: %d\n")
				: filter == KZ_COMPLAINTS_OPEN ? T("complaints open: %d\n")
							       : T("complaints: %d\n"),
			n);
}

static int
exec(struct kz_cli *cli)
{
	enum kz_complaint_filter filter = kz_cli_opt(cli, "overdue") ? KZ_COMPLAINTS_OVERDUE
		: kz_cli_opt(cli, "open")                            ? KZ_COMPLAINTS_OPEN
								     : KZ_COMPLAINTS_ALL;
	int csv = kz_cli_opt(cli, "csv") != NULL, n = 0, rc;

	csv_office = cli->cfg->office;
	if (csv)
		for (int i = 0; csv_header[i]; i++)
			kz_cli_csv(csv_header[i], csv_header[i + 1] == NULL);
	else
		print_header();
	rc = kz_complaint_list(cli->db, filter, csv ? print_csv : print_row, NULL, &n, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (!csv)
		print_count(n, filter);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_complaints = {
	.name = "complaints",
	.summary = N("the complaints journal: all, open or overdue, as a table or CSV"),
	.options = options,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
