/*
 * cmd-applications.c - kezek applications [NUMBER]: the applications as a
 * table or CSV (RFC 4180, UTF-8), filtered by state, overdue, deemed
 * approved (p.16) or uncollected (p.26); or one application in full.
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"

static const struct kz_cmd_option options[] = {
	{"status", "STATE",
		N("registered, suspended, refused, approved, rejected or deemed_approved")},
	{"expire", NULL,
		N("first refuse the suspensions whose term passed (p.16), as close-day does")},
	{"overdue", NULL, N("only overdue: no decision by the due day, or a notice late")},
	{"deemed", NULL, N("only those deemed approved (p.16: no decision by the due day)")},
	{"uncollected", NULL, N("only results not collected in 6 months (p.26)")},
	{"csv", NULL, N("CSV (RFC 4180, UTF-8) instead of a table")},
	{"lang", "kk|ru", N("the table's language (default: [hall] staff_lang)")},
	{NULL, NULL, NULL},
};

struct listing {
	int csv;
	int count;
	int headed; /* the header is out */
};

/* What a person reads in the state column. */
static const char *
state_text(const struct kz_application *a)
{
	return kz_cli_word(a->deemed ? "deemed_approved" : kz_app_state_name(a->state));
}

/* What needs doing or knowing, in a few words; into buf. */
static const char *
note(const struct kz_application *a, char *buf, size_t len)
{
	buf[0] = '\0';
	if (a->expired)
		snprintf(buf, len, T("TERM PASSED %s: refused at close-day"), a->suspended_until);
	else if (a->overdue && a->notice_due_day[0] && !a->notice_sent_at)
		snprintf(buf, len, T("OVERDUE: notice due by %s"), a->notice_due_day);
	else if (a->overdue)
		snprintf(buf, len, T("OVERDUE: no decision; deemed approved from %s"), a->due_day);
	else if (a->uncollected)
		snprintf(buf, len, T("UNCOLLECTED: kept until %s (p.26)"), a->kept_until);
	else if (a->deemed)
		snprintf(buf, len, T("deemed approved from %s"), a->due_day);
	else if (a->receipt_owed)
		snprintf(buf, len, "%s", T("RECEIPT OWED (p.14): print it"));
	else if (a->status == KZ_APP_SUSPENDED && a->notice_sent_at == 0)
		snprintf(buf, len, T("suspended to %s; notice due by %s"), a->suspended_until,
			a->notice_due_day);
	else if (a->status == KZ_APP_SUSPENDED)
		snprintf(buf, len, T("suspended to %s"), a->suspended_until);
	else if (a->due_calendar != KZ_CAL_DECREED && a->status == KZ_APP_REGISTERED)
		snprintf(buf, len, "%s",
			a->due_calendar == KZ_CAL_PROVISIONAL
				? T("due day counted on provisional holiday data")
				: T("due day counted without holiday data"));
	return buf;
}

static const char *const csv_header[] = {"number", "accepted", "kind", "applicant", "phone",
	"plot_address", "documents", "missing", "due_day", "state", "deemed_from", "decided_day",
	"reason", "notice_due_day", "notice_sent", "handed_over", "handed_to", "kept_until",
	"overdue", "uncollected", "clerk", "receipt_owed", "notice_out", "refusal_out", "office"};
#define CSV_COLUMNS (int)(sizeof csv_header / sizeof csv_header[0])

static void
codes(unsigned set, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < KZ_APPDOC_COUNT && n < len; i++)
		if (set & (1u << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " " : "",
				kz_app_doc_code(i));
}

/* The documents of set as the staff read them: their names of p.11 in
 * Kazakh or Russian, the codes for the source strings; into buf. */
static void
names(unsigned set, char *buf, size_t len)
{
	const char *lang = kz_cli_lang();
	size_t n = 0;

	if (strcmp(lang, "en") == 0) {
		codes(set, buf, len);
		return;
	}
	buf[0] = '\0';
	for (int i = 0; i < KZ_APPDOC_COUNT && n < len; i++)
		if (set & (1u << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "; " : "",
				kz_app_doc_name(i, lang));
}

/* "15 applications"; in Kazakh and Russian the count after a label, so no
 * plural form is needed. */
static void
count_line(int n)
{
	if (strcmp(kz_cli_lang(), "en") == 0)
		printf("%d application%s\n", n, n == 1 ? "" : "s");
	else
		printf(T("applications: %d\n"), n);
}
/* The office's key (App. 1) beside every number: numbers restart in each
 * office, the pair is unique across the region. */
static const char *csv_office = "";

static void
csv_row(const struct kz_application *a)
{
	char accepted[32], sent[32] = "", handed[32] = "", docs[160], missing[160];
	const char *v[CSV_COLUMNS];

	kz_clock_format(a->accepted_at, "%Y-%m-%d %H:%M", accepted, sizeof accepted);
	if (a->notice_sent_at)
		kz_clock_format(a->notice_sent_at, "%Y-%m-%d %H:%M", sent, sizeof sent);
	if (a->handed_at)
		kz_clock_format(a->handed_at, "%Y-%m-%d %H:%M", handed, sizeof handed);
	codes(a->docs, docs, sizeof docs);
	codes(a->missing, missing, sizeof missing);
	v[0] = a->number;
	v[1] = accepted;
	v[2] = kz_app_kind_name(a->kind);
	v[3] = a->applicant;
	v[4] = a->phone;
	v[5] = a->plot_address;
	v[6] = docs;
	v[7] = missing;
	v[8] = a->due_day;
	v[9] = kz_app_state_name(a->state);
	v[10] = a->deemed ? a->due_day : "";
	v[11] = a->decided_day;
	v[12] = a->reason;
	v[13] = a->notice_due_day;
	v[14] = sent;
	v[15] = handed;
	v[16] = kz_app_handed_name(a->handed_to);
	v[17] = a->kept_until;
	v[18] = a->overdue ? "yes" : "no";
	v[19] = a->uncollected ? "yes" : "no";
	v[20] = a->clerk;
	v[21] = a->receipt_owed ? "yes" : "no";
	v[22] = a->notice_out;
	v[23] = a->refusal_out;
	v[24] = csv_office;
	for (int i = 0; i < CSV_COLUMNS; i++)
		kz_cli_csv(v[i], i == CSV_COLUMNS - 1);
}

/* The kind's and the state's columns: the source strings' are narrower. */
static int
kind_width(void)
{
	return strcmp(kz_cli_lang(), "en") == 0 ? 6 : 10;
}

static int
state_width(void)
{
	return strcmp(kz_cli_lang(), "en") == 0 ? 17 : 22;
}

/* The header, once, before the first row (or at the end of none). */
static void
header(struct listing *l)
{
	if (l->headed++)
		return;
	if (l->csv)
		for (int i = 0; i < CSV_COLUMNS; i++)
			kz_cli_csv(csv_header[i], i == CSV_COLUMNS - 1);
	else {
		kz_cli_cell(stdout, T("NUMBER"), 11);
		kz_cli_cell(stdout, T("ACCEPTED"), 11);
		kz_cli_cell(stdout, T("KIND"), kind_width());
		kz_cli_cell(stdout, T("DUE"), 11);
		kz_cli_cell(stdout, T("STATE"), state_width());
		kz_cli_cell(stdout, T("HANDED"), 11);
		kz_cli_cell(stdout, T("APPLICANT"), 29);
		printf("%s\n", T("NOTE"));
	}
}

static int
row(const struct kz_application *a, void *arg)
{
	struct listing *l = arg;
	char handed[11] = "-", why[96];

	header(l);
	l->count++;
	if (l->csv) {
		csv_row(a);
		return 0;
	}
	if (a->handed_at)
		kz_clock_day(a->handed_at, handed);
	kz_cli_cell(stdout, a->number, 11);
	kz_cli_cell(stdout, a->day, 11);
	kz_cli_cell(stdout, a->kind == KZ_APP_LEGAL ? T("legal") : T("indiv"), kind_width());
	kz_cli_cell(stdout, a->due_day, 11);
	kz_cli_cell(stdout, state_text(a), state_width());
	kz_cli_cell(stdout, handed, 11);
	kz_cli_cell(stdout, a->applicant, 29);
	printf("%s\n", note(a, why, sizeof why));
	return 0;
}

static void
line(const char *label, const char *value)
{
	if (value[0]) {
		/* the source strings keep their narrow column; translations run longer */
		kz_cli_cell(stdout, label, strcmp(kz_cli_lang(), "en") == 0 ? 16 : 26);
		printf("%s\n", value);
	}
}

/* One application in full. */
static int
show(struct kz_cli *cli, const char *number)
{
	struct kz_application *a = malloc(sizeof *a);
	char when[32], buf[KZ_APP_REASON_MAX + 64], why[96];
	int rc;

	if (a == NULL)
		return kz_cli_fail(cli, kz_err(cli->err, KZ_ENOMEM, "out of memory"));
	if ((rc = kz_app_get(cli->db, number, a, cli->err)) != KZ_OK) {
		free(a);
		return kz_cli_fail(cli, rc);
	}
	printf("%s\n", a->number);
	line(T("state"), state_text(a));
	if (a->deemed) {
		snprintf(buf, sizeof buf, T("approved from %s (p.16: no decision by the due day)"),
			a->due_day);
		line(T("deemed"), buf);
	}
	line(T("note"), note(a, why, sizeof why));
	line(T("kind"), kz_cli_word(kz_app_kind_name(a->kind)));
	line(T("applicant"), a->applicant);
	line(a->kind == KZ_APP_LEGAL ? "BIN" : "IIN", a->idnum);
	line(T("identity doc"), a->id_doc);
	line(T("representative"), a->representative);
	line(T("authority"), a->authority);
	line(T("proxy"), a->proxy);
	line(T("power of att."), a->proxy_doc);
	line(T("phone"), a->phone);
	line(T("address"), a->address);
	line(T("land plot"), a->plot_address);
	kz_clock_format(a->accepted_at, "%Y-%m-%d %H:%M", when, sizeof when);
	snprintf(buf, sizeof buf, T("%s at counter %d by %s, %s"), when, a->counter, a->clerk,
		a->clerk_position);
	line(T("accepted"), buf);
	names(a->docs, buf, sizeof buf);
	line(T("documents"), buf);
	names(a->missing, buf, sizeof buf);
	line(T("missing"), buf);
	line(T("due"), a->due_day);
	if (kz_cli_due_warning(a->due_calendar, a->due_day, buf, sizeof buf))
		line(T("calendar"), buf);
	line(T("suspended to"), a->suspended_until);
	line(T("notice due by"), a->notice_due_day);
	if (a->notice_out[0]) {
		snprintf(buf, sizeof buf, T("outgoing %s of %s"), a->notice_out, a->notice_out_day);
		line(T("notice"), buf);
	}
	if (a->resumed_at) {
		kz_clock_format(a->resumed_at, "%Y-%m-%d %H:%M", when, sizeof when);
		line(T("resumed"), when);
	}
	if (a->refused_at) {
		kz_clock_format(a->refused_at, "%Y-%m-%d %H:%M", when, sizeof when);
		line(T("refused"), when);
	}
	if (a->receipt_owed)
		line(T("receipt"), T("OWED (p.14): not printed yet"));
	else if (a->receipt_printed_at) {
		kz_clock_format(a->receipt_printed_at, "%Y-%m-%d %H:%M", when, sizeof when);
		snprintf(buf, sizeof buf, T("printed %s"), when);
		line(T("receipt"), buf);
	}
	if (a->notice_sent_at) {
		kz_clock_format(a->notice_sent_at, "%Y-%m-%d %H:%M", when, sizeof when);
		line(T("notice sent"), when);
	}
	if (a->has_act) {
		kz_money_format(a->act_total, when, sizeof when);
		snprintf(buf, sizeof buf, T("%d rows, total %s tenge"), a->nact, when);
		line(T("act"), buf);
	}
	line(T("decided"), a->decided_day);
	line(T("reason"), a->reason);
	if (a->refusal_out[0]) {
		snprintf(buf, sizeof buf, T("outgoing %s of %s (p.5)"), a->refusal_out,
			a->refusal_out_day);
		line(T("refusal"), buf);
	}
	line(T("language"), a->lang);
	if (a->handed_at) {
		kz_clock_format(a->handed_at, "%Y-%m-%d %H:%M", when, sizeof when);
		snprintf(buf, sizeof buf, "%s %s, %s%s%s", when,
			kz_cli_word(kz_app_handed_name(a->handed_to)), a->handed_name,
			a->handed_doc[0] ? T(", under ") : "", a->handed_doc);
		line(T("handed over"), buf);
	}
	line(T("kept until"), a->kept_until);
	free(a);
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *word = kz_cli_opt(cli, "status");
	enum kz_app_state state;
	struct kz_app_filter f = {
		.overdue = kz_cli_opt(cli, "overdue") != NULL,
		.deemed = kz_cli_opt(cli, "deemed") != NULL,
		.uncollected = kz_cli_opt(cli, "uncollected") != NULL,
	};
	struct listing l = {.csv = kz_cli_opt(cli, "csv") != NULL};
	int rc;

	csv_office = cli->cfg->office;
	if (kz_cli_opt(cli, "expire") != NULL) {
		char chosen[32];
		const char *printer = kz_cli_printer(cli, 1, chosen);
		int n = 0;
		if ((rc = kz_app_expire(cli->db, printer, &n, cli->err)) != KZ_OK)
			return kz_cli_fail(cli, rc);
		if (n > 0)
			fprintf(kz_cli_opt(cli, "csv") ? stderr : stdout,
				"%d suspended application%s refused: the term passed (p.16)\n", n,
				n == 1 ? "" : "s");
	}
	if (cli->argc == 1)
		return show(cli, cli->argv[0]);
	if (word != NULL) {
		if (kz_app_state_parse(word, &state, cli->err) != KZ_OK)
			return kz_cli_usage(cli, "%s", cli->err);
		f.state = &state;
	}
	rc = kz_app_list(cli->db, &f, row, &l, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	header(&l);
	if (!l.csv)
		count_line(l.count);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_applications = {
	.name = "applications",
	.args = "[NUMBER]",
	.summary = N("list applications (overdue, deemed approved, uncollected), or show one"),
	.options = options,
	.min_args = 0,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_READS | KZ_CMD_LANG,
	.exec = exec,
};
