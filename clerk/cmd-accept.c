/*
 * cmd-accept.c - kezek accept N ...: take an application's documents at
 * counter N (p.11), check the IIN or BIN and the act (App. 3), and print
 * the receipt (p.14) or, with a document missing, the notice (p.16).  The
 * applicant's personal data comes on standard input (person.c).
 */
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"

static const struct kz_cmd_option options[] = {
	{"individual", NULL, N("the applicant is an individual (the default)")},
	{"legal", NULL, N("the applicant is a legal entity")},
	{"from", "FILE",
		N("read the personal data from FILE (its owner's only: mode 0600 or 0400), not "
		  "standard input")},
	{"docs", "LIST",
		N("documents handed in: application,id_copy,power_of_attorney,proxy_id,"
		  "registration,authority,act,conclusion")},
	{"act-row", "ROW", N("a row of the act: 'zone;area;rate;coefficient;value' (repeat it)")},
	{"act", "FILE", N("the act's rows, one a line, as --act-row")},
	{"act-total", "TENGE", N("the act's total, with its rows")},
	{"print", "PRINTER",
		N("print the receipt or notice on PRINTER (role receipts or a4; default: one that "
		  "works)")},
	{"lang", "kk|ru", N("the applicant's language, for every paper (default kk)")},
	{NULL, NULL, NULL},
};

/* The applicant's personal data: on standard input, never in the arguments. */
static const struct kz_cmd_key keys[] = {
	{"name", N("the individual's full name, or the legal entity's name")},
	{"iin", N("the individual's IIN (12 digits)")},
	{"bin", N("the legal entity's BIN (12 digits)")},
	{"id-doc", N("identity document: kind, number, issued (the representative's)")},
	{"phone", N("contact phone")},
	{"address", N("the applicant's address")},
	{"representative", N("legal entity: its representative's full name")},
	{"authority", N("legal entity: the representative's authority")},
	{"proxy", N("individual: the proxy who hands the documents in")},
	{"proxy-doc", N("with proxy: the power of attorney (number, date)")},
	{"plot", N("the land plot's address")},
	{NULL, NULL},
};

/* The act's rows from --act FILE, then each --act-row, into rows. */
static int
read_act(struct kz_cli *cli, struct kz_act_row *rows, int *n)
{
	const char *path = kz_cli_opt(cli, "act");
	char line[512];
	int lineno = 0;

	*n = 0;
	if (path != NULL) {
		FILE *f = fopen(path, "r");
		if (f == NULL)
			return kz_cli_usage(cli, "cannot read the act's rows from '%s'", path);
		while (fgets(line, sizeof line, f) != NULL) {
			lineno++;
			line[strcspn(line, "\r\n")] = '\0';
			if (line[strspn(line, " \t")] == '\0' || line[0] == '#')
				continue;
			if (*n == KZ_ACT_MAX_ROWS ||
				kz_app_act_row_parse(line, &rows[*n], cli->err) != KZ_OK) {
				fclose(f);
				if (*n == KZ_ACT_MAX_ROWS)
					return kz_cli_usage(cli, "%s: an act has at most %d rows",
						path, KZ_ACT_MAX_ROWS);
				return kz_cli_usage(cli, "%s:%d: %s", path, lineno, cli->err);
			}
			(*n)++;
		}
		fclose(f);
	}
	for (int i = 0; i < cli->nopts; i++) {
		if (strcmp(cli->opt_name[i], "act-row") != 0)
			continue;
		if (*n == KZ_ACT_MAX_ROWS)
			return kz_cli_usage(cli, "an act has at most %d rows", KZ_ACT_MAX_ROWS);
		if (kz_app_act_row_parse(cli->opt_value[i], &rows[*n], cli->err) != KZ_OK)
			return kz_cli_usage(cli, "%s", cli->err);
		(*n)++;
	}
	return KZ_EXIT_OK;
}

/* The options' mistakes, said before the personal data is asked for. */
static int
check_options(struct kz_cli *cli)
{
	if (kz_cli_opt(cli, "legal") != NULL && kz_cli_opt(cli, "individual") != NULL)
		return kz_cli_usage(cli, "say --individual or --legal, not both");
	if (kz_cli_opt(cli, "docs") == NULL)
		return kz_cli_usage(cli,
			"name the documents handed in: --docs "
			"application,id_copy,act,conclusion ...");
	return KZ_EXIT_OK;
}

/* The input from the options and the personal data p; a usage error is
 * reported here. */
static int
read_input(struct kz_cli *cli, const struct kz_person *p, struct kz_app_input *in,
	struct kz_act_row *rows)
{
	const char *total = kz_cli_opt(cli, "act-total"), *docs = kz_cli_opt(cli, "docs");
	int legal = kz_cli_opt(cli, "legal") != NULL, rc;

	if (kz_person_get(p, legal ? "iin" : "bin") != NULL)
		return kz_cli_usage(cli, "line %d: %s", kz_person_line(p, legal ? "iin" : "bin"),
			legal ? "a legal entity has a BIN: 'bin: DIGITS'"
			      : "an individual has an IIN: 'iin: DIGITS' "
				"(a legal entity: --legal and 'bin: DIGITS')");
	*in = (struct kz_app_input){
		.kind = legal ? KZ_APP_LEGAL : KZ_APP_INDIVIDUAL,
		.name = kz_person_get(p, "name"),
		.idnum = kz_person_get(p, legal ? "bin" : "iin"),
		.id_doc = kz_person_get(p, "id-doc"),
		.phone = kz_person_get(p, "phone"),
		.address = kz_person_get(p, "address"),
		.representative = kz_person_get(p, "representative"),
		.authority = kz_person_get(p, "authority"),
		.proxy = kz_person_get(p, "proxy"),
		.proxy_doc = kz_person_get(p, "proxy-doc"),
		.plot_address = kz_person_get(p, "plot"),
		.act = rows,
	};
	if (kz_app_docs_parse(docs, &in->docs, cli->err) != KZ_OK)
		return kz_cli_usage(cli, "%s", cli->err);
	if ((rc = read_act(cli, rows, &in->nact)) != KZ_EXIT_OK)
		return rc;
	if ((in->nact > 0) != (total != NULL))
		return kz_cli_usage(cli, "%s",
			in->nact ? "give the act's total with --act-total"
				 : "--act-total goes with the act's rows "
				   "(--act-row or --act)");
	if (total != NULL && kz_decimal_parse(total, KZ_MONEY_SCALE, &in->act_total, cli->err))
		return kz_cli_usage(cli, "the act's total: %s", cli->err);
	return KZ_EXIT_OK;
}

static void
print_docs(const char *label, unsigned set)
{
	int n = 0;

	for (int i = 0; i < KZ_APPDOC_COUNT; i++)
		n += (set >> i) & 1;
	kz_cli_label(label, 10);
	printf("%d:", n);
	for (int i = 0; i < KZ_APPDOC_COUNT; i++)
		if (set & (1u << i))
			printf(" %s", kz_app_doc_code(i));
	printf("\n");
	for (int i = 0; i < KZ_APPDOC_COUNT; i++)
		if (set & (1u << i))
			printf("          - %s\n", kz_app_doc_name(i, kz_cli_lang()));
}

static void
print_act(const struct kz_application *a)
{
	char money[32], words[KZ_ERR_LEN], err[KZ_ERR_LEN];

	if (!a->has_act)
		return;
	kz_money_format(a->act_total, money, sizeof money);
	kz_cli_label(T("act"), 10);
	printf(kz_trn(kz_cli_lang(), "%d row checked, total %s tenge\n",
		       "%d rows checked, total %s tenge\n", (unsigned long)a->nact),
		a->nact, money);
	if (kz_act_total_words(a->act_total, "ru", words, sizeof words, err) == KZ_OK)
		printf("          ru: %s\n", words);
	if (kz_act_total_words(a->act_total, "kk", words, sizeof words, err) == KZ_OK)
		printf("          kk: %s\n", words);
}

static int
exec(struct kz_cli *cli)
{
	const char *printer = NULL, *lang = kz_cli_opt(cli, "lang");
	char chosen[32];
	struct kz_act_row *rows = calloc(KZ_ACT_MAX_ROWS, sizeof *rows);
	struct kz_application *a = malloc(sizeof *a);
	struct kz_app_input in;
	struct kz_person p = {0};
	int counter = kz_cli_counter(cli, cli->argv[0]), rc;
	int64_t job = 0;
	char when[32], when_warning[512];

	if (rows == NULL || a == NULL) {
		free(rows);
		free(a);
		kz_err(cli->err, KZ_ENOMEM, "out of memory");
		return kz_cli_fail(cli, KZ_ENOMEM);
	}
	if (counter < 0)
		rc = KZ_EXIT_USAGE;
	else if ((rc = check_options(cli)) == KZ_EXIT_OK &&
		(rc = kz_person_read(cli, &p)) == KZ_EXIT_OK &&
		(rc = read_input(cli, &p, &in, rows)) == KZ_EXIT_OK &&
		(printer = kz_cli_printer(cli, 0, chosen), 1) &&
		(rc = kz_app_accept(cli->db, cli->cal, counter, &in, printer, lang ? lang : "kk", a,
			 &job, cli->err)) != KZ_OK)
		rc = kz_cli_fail(cli, rc);
	if (rc != KZ_EXIT_OK)
		goto out;
	kz_clock_format(a->accepted_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf("%s\n", a->number);
	if (a->missing) {
		kz_cli_label(T("status"), 10);
		printf("%s\n", T("suspended (p.16): documents of p.11 are missing"));
		print_docs(T("missing"), a->missing);
	} else {
		kz_cli_label(T("status"), 10);
		printf("%s\n", T("registered"));
	}
	kz_cli_label(T("accepted"), 10);
	printf(T("%s at counter %d by %s, %s\n"), when, a->counter, a->clerk, a->clerk_position);
	print_docs(T("documents"), a->docs);
	print_act(a);
	if (a->missing) {
		/* the commands as they are typed, outside the sentence to translate */
		char sent[64], resume[96];
		snprintf(sent, sizeof sent, "kezek notice-sent %s", a->number);
		snprintf(resume, sizeof resume, "kezek resume %s --docs LIST --counter N",
			a->number);
		printf(T("suspended until %s; the written notice %s of %s is due by %s ('%s' when "
			 "sent); the missing documents: '%s'\n"),
			a->suspended_until, a->notice_out, a->notice_out_day, a->notice_due_day,
			sent, resume);
	} else {
		kz_cli_label(T("due"), 10);
		printf(T("%s (p.7.1: the 3rd working day after acceptance)\n"), a->due_day);
	}
	if (kz_cli_due_warning(a->due_calendar, a->due_day, when_warning, sizeof when_warning))
		printf("%s\n", when_warning);
	if (job) {
		kz_cli_label(T("print"), 10);
		printf(T("job %lld on %s: the %s\n"), (long long)job, printer,
			a->missing ? T("notice (p.16)") : T("receipt (p.14)"));
	} else if (!a->missing) {
		kz_cli_label(T("receipt"), 10);
		char cmd[64];
		snprintf(cmd, sizeof cmd, "kezek applications %s", a->number);
		printf(T("OWED: no printer for receipts; print it once one works (%s shows it)\n"),
			cmd);
	}
	rc = a->missing ? KZ_EXIT_REJECTED : KZ_EXIT_OK;
out:
	kz_person_free(&p);
	free(rows);
	free(a);
	return rc;
}

const struct kz_cmd kz_cmd_accept = {
	.name = "accept",
	.args = "N",
	.summary = N("accept an application's documents at counter N; prints its number first "
		     "(exit 2: suspended, a document missing)"),
	.options = options,
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB | KZ_CMD_CAL,
	.counter_arg = 1,
	.exec = exec,
	.keys = keys,
};
