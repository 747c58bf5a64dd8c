/*
 * cmd-print.c - kezek print status | test PRINTER | form PRINTER | usb |
 * ticket|receipt|notice|refusal|talon NUMBER | reprint JOB | preview FILE PNG: what
 * the printers and their services are doing, a test page, a blank
 * application form (App. 2, p.12), any paper printed again from its number
 * (queue/reprint.h), a job again, and what a printout looks like.  Each
 * subcommand is one row of subs[] below.
 */
#include <stdlib.h>
#include <string.h>

#include "documents/documents.h"
#include "kezek.h"
#include "printer-words.h"
#include "printer/preview.h"
#include "printer/printd.h"
#include "printer/usb.h"
#include "queue/clock.h"
#include "queue/file.h"
#include "queue/outbox.h"
#include "queue/reprint.h"

static const struct kz_cmd_option options[] = {
	{"lang", "kk|ru", N("language (default: as printed before, else kk)")},
	{"on", "PRINTER", N("the printer for a paper printed again (default: the one it was on)")},
	{"day", "DATE", N("the day a ticket was issued (default today)")},
	{"counter", "N", N("the counter that asks for a paper again (for the log)")},
	{"clerk", "NAME", N("the clerk who asks for a paper again (for the log)")},
	{"sample", NULL, N("form: the sample filled in with made-up data (p.10), not the blank")},
	{NULL, NULL, NULL},
};

/* Scripts (KEZEK_LANG=en) read the database's own words in the columns
 * they always had; the staff read the words below in their language. */
static int
source_words(void)
{
	return strcmp(kz_cli_lang(), "en") == 0;
}

/* A job's state and what it prints, as the staff read them. */
static const char *
job_word(enum kz_job_state st)
{
	if (source_words())
		return kz_job_state_name(st);
	switch (st) {
	case KZ_JOB_QUEUED:
		return T("waiting to print");
	case KZ_JOB_SENDING:
		return T("printing");
	case KZ_JOB_DONE:
		return T("printed");
	case KZ_JOB_FAILED:
		return T("not printed");
	case KZ_JOB_UNCERTAIN:
		return T("may have printed");
	case KZ_JOB_EXPIRED:
		return T("expired");
	}
	return "?";
}

static const char *
doc_word(enum kz_doc_kind kind)
{
	static const char *const words[] = {
		[KZ_DOC_TICKET] = N("ticket"),
		[KZ_DOC_RECEIPT] = N("receipt"),
		[KZ_DOC_NOTICE] = N("notice"),
		[KZ_DOC_TALON] = N("talon"),
		[KZ_DOC_FORM] = N("blank form"),
		[KZ_DOC_TEST] = N("test page"),
		[KZ_DOC_REPORT] = N("report"),
		[KZ_DOC_REFUSAL] = N("refusal"),
		[KZ_DOC_FORM_SAMPLE] = N("sample form"),
	};

	if (source_words() || (int)kind < 0 || (size_t)kind >= sizeof words / sizeof words[0] ||
		words[kind] == NULL)
		return kz_outbox_doc_name(kind);
	return kz_tr(kz_cli_lang(), words[kind]);
}

static int
print_job(const struct kz_print_job *j, void *arg)
{
	int en = source_words();
	char when[32];

	(void)arg;
	kz_clock_format(j->created_at, "%Y-%m-%d %H:%M", when, sizeof when);
	printf(T("  job %-6lld %s  "), (long long)j->id, when);
	kz_cli_cell(stdout, doc_word(j->document), en ? 8 : 18);
	kz_cli_cell(stdout, j->lang, 4);
	kz_cli_cell(stdout, job_word(j->state), en ? 11 : 21);
	if (j->number[0])
		printf("%s", j->number);
	if (j->reprint_of == j->id)
		printf("%s", T(" (asked for)"));
	else if (j->reprint_of)
		printf(T(" (reprint of %lld)"), (long long)j->reprint_of);
	/* a sentence of the catalogues (a CUPS printer's) in the staff's
	 * language, an expired ticket's with its seconds (queue/outbox.c
	 * writes it so); a fault's technical words as the service gave them */
	int secs;
	if (sscanf(j->reason, "not at the printer within %d s of issue", &secs) == 1)
		printf(T(": not at the printer within %d s of issue: not printed unasked"), secs);
	else if (j->reason[0])
		printf(": %s", kz_tr(kz_cli_lang(), j->reason));
	printf("\n");
	return 0;
}

/* What the printer's service says of itself, read against the clock: a
 * heartbeat older than KZ_PRINTD_STALE_SECONDS means no service runs, and
 * then the printer's recorded state is history, not news. */
struct service {
	enum kz_service_state st;
	char reason[256];
	int64_t at, age;
	int running;
};

static int
read_service(struct kz_cli *cli, const struct kz_printer_conf *p, struct service *sv)
{
	int rc = kz_printer_get_heartbeat(cli->db, p->name, &sv->at, &sv->st, sv->reason, cli->err);

	sv->age = kz_clock_now() - sv->at;
	sv->running = rc == KZ_OK && sv->at != 0 && sv->st != KZ_SERVICE_STOPPED &&
		sv->age <= KZ_PRINTD_STALE_SECONDS;
	return rc;
}

static void
service_line(const struct kz_printer_conf *p, const struct service *sv)
{
	enum kz_service_state st = sv->st;
	long long age = sv->age < 0 ? 0 : (long long)sv->age;
	char when[32];

	kz_clock_format(sv->at, "%Y-%m-%d %H:%M:%S", when, sizeof when);
	if (sv->at == 0)
		printf(T("  service: not running: never started; start kezek-printd --printer %s\n"),
			p->name);
	else if (st == KZ_SERVICE_STOPPED)
		printf(T("  service: not running: stopped as asked at %s; start kezek-printd "
			 "--printer %s\n"),
			when, p->name);
	else if (!sv->running)
		printf(T("  service: not running: no heartbeat since %s (%lld s); start "
			 "kezek-printd --printer %s (the hall script restarts it by itself)\n"),
			when, age, p->name);
	else if (st == KZ_SERVICE_WAITING)
		printf(T("  service: waiting: %s (heartbeat %lld s ago)\n"),
			kz_tr(kz_cli_lang(), sv->reason), age);
	else
		printf(T("  service: running (heartbeat %lld s ago)\n"), age);
}

static int
status(struct kz_cli *cli)
{
	enum kz_printer_condition state;
	char reason[256], said[600];
	struct service sv;
	int queued, rc;

	if (cli->cfg->nprinters == 0) {
		printf(T("no printers in %s; add a [printer NAME] section\n"), cli->cfg->path);
		return KZ_EXIT_OK;
	}
	for (int i = 0; i < cli->cfg->nprinters; i++) {
		const struct kz_printer_conf *p = &cli->cfg->printers[i];
		rc = kz_printer_get_state(cli->db, p->name, &state, reason, &queued, cli->err);
		if (rc != KZ_OK || (rc = read_service(cli, p, &sv)) != KZ_OK)
			return kz_cli_fail(cli, rc);
		snprintf(said, sizeof said, "%s%s%s", kz_printer_condition_word(state),
			reason[0] ? ": " : "", reason[0] ? kz_tr(kz_cli_lang(), reason) : "");
		printf("%s (%s, %s %s): ", p->name, kz_printer_role_word(p->role),
			kz_printer_transport_word(p->transport), p->address);
		/* with no service, the state it last saw is history: said so */
		if (sv.running)
			printf(T("%s, %d waiting\n"), said, queued);
		else
			printf(T("service not running (last seen %s), %d waiting\n"), said, queued);
		service_line(p, &sv);
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
	uint8_t *data = kz_file_load(path, KZ_FILE_MAX_PRINTOUT, N_("printout"), &len, cli->err);
	int rc, w, h;

	if (data == NULL)
		return kz_cli_fail(cli, KZ_EINVAL);
	rc = kz_preview_png(data, len, png, &w, &h, cli->err);
	free(data);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc == KZ_EINVAL ? KZ_EREJECT : rc);
	printf(T("%s: %dx%d dots\n"), png, w, h);
	return KZ_EXIT_OK;
}

static int
status_cmd(struct kz_cli *cli)
{
	return status(cli);
}

static int
preview_cmd(struct kz_cli *cli)
{
	return preview(cli, cli->argv[1], cli->argv[2]);
}

/* A test page or the blank form on PRINTER. */
static int
page(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang");
	enum kz_doc_kind kind = kz_outbox_doc_kind(cli->argv[0]);
	const struct kz_printer_conf *pr = kz_config_printer(cli->cfg, cli->argv[1]);
	int64_t id = 0;
	int rc;

	if (kind == KZ_DOC_FORM && kz_cli_opt(cli, "sample") != NULL)
		kind = KZ_DOC_FORM_SAMPLE;

	/* a form on a thermal roll is refused before it is queued */
	if (pr != NULL && (rc = kz_document_check_paper(kind, cli->cfg, pr, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, KZ_EREJECT);
	rc = kz_outbox_add(cli->db, cli->argv[1], kind, lang ? lang : "kk", &id, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("job %lld: %s for %s is queued\n"), (long long)id, T(kz_document(kind)->what),
		cli->argv[1]);
	return KZ_EXIT_OK;
}

/* The printer for kind asked without --on: the first of the hall's whose
 * role is role and whose paper suits kind; NULL if none. */
static const struct kz_printer_conf *
printer_for(struct kz_cli *cli, enum kz_doc_kind kind, enum kz_printer_role role)
{
	char e2[KZ_ERR_LEN];

	for (int i = 0; i < cli->cfg->nprinters; i++) {
		const struct kz_printer_conf *p = &cli->cfg->printers[i];
		if (p->role == role && kz_document_check_paper(kind, cli->cfg, p, e2) == KZ_OK)
			return p;
	}
	return NULL;
}

/* Who asks, for the log: "counter 3, clerk NAME", as given. */
static void
who_asks(struct kz_cli *cli, char *who, size_t len)
{
	const char *counter = kz_cli_opt(cli, "counter"), *clerk = kz_cli_opt(cli, "clerk");

	snprintf(who, len, "%s%.8s%s%s%.200s", counter ? "counter " : "", counter ? counter : "",
		counter && clerk ? ", " : "", clerk ? "clerk " : "", clerk ? clerk : "");
}

/* A ticket, receipt, notice or talon printed again from its number, on
 * --on PRINTER, else the printer it was on, else the hall's first that
 * suits it (a ticket on a tickets printer; papers on a receipts printer,
 * else on A4). */
static int
again(struct kz_cli *cli)
{
	enum kz_doc_kind kind = kz_outbox_doc_kind(cli->argv[0]);
	const char *number = cli->argv[1], *on = kz_cli_opt(cli, "on");
	const char *day = kz_cli_opt(cli, "day"), *lang = kz_cli_opt(cli, "lang");
	const struct kz_printer_conf *pr;
	char last[32], was[3], today[16], who[KZ_NAME_LEN * 2];
	int64_t id;
	int rc;

	if (day == NULL) {
		kz_clock_format(kz_clock_now(), "%Y-%m-%d", today, sizeof today);
		day = today;
	}
	rc = kz_reprint_last(cli->db, kind, number, day, last, was, cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (on == NULL && last[0])
		on = last;
	pr = on ? kz_config_printer(cli->cfg, on)
		: printer_for(cli, kind,
			  kind == KZ_DOC_TICKET ? KZ_ROLE_TICKETS : KZ_ROLE_RECEIPTS);
	if (on == NULL && pr == NULL && kind != KZ_DOC_TICKET)
		pr = printer_for(cli, kind, KZ_ROLE_A4);
	if (pr == NULL && on == NULL) {
		snprintf(cli->err, sizeof cli->err,
			"no printer in %.300s can print a %s; name one with --on", cli->cfg->path,
			kz_document(kind)->what);
		return kz_cli_fail(cli, KZ_EREJECT);
	}
	if (pr != NULL && (rc = kz_document_check_paper(kind, cli->cfg, pr, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, KZ_EREJECT);
	/* a visitor's ticket is a slip from a roll, whatever A4 could hold */
	if (pr != NULL && kind == KZ_DOC_TICKET && pr->role == KZ_ROLE_A4) {
		snprintf(cli->err, sizeof cli->err,
			"a queue ticket prints on a thermal printer, and '%s' is an A4 printer; "
			"name a tickets or receipts printer with --on",
			pr->name);
		return kz_cli_fail(cli, KZ_EREJECT);
	}
	if (lang == NULL)
		lang = was[0] ? was : "kk";
	who_asks(cli, who, sizeof who);
	rc = kz_reprint_add(cli->db, pr ? pr->name : on, kind, number, day, lang, who, &id,
		cli->err);
	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("job %lld: %s %s will print on %s\n"), (long long)id, T(kz_document(kind)->what),
		number, pr ? pr->name : on);
	return KZ_EXIT_OK;
}

static int
reprint_job(struct kz_cli *cli)
{
	char *end;
	long long job = strtoll(cli->argv[1], &end, 10);
	int64_t id = 0;
	int rc;

	if (*cli->argv[1] == '\0' || *end != '\0' || job <= 0)
		return kz_cli_usage(cli, "'%s' is not a job number", cli->argv[1]);
	if ((rc = kz_outbox_reprint(cli->db, job, &id, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("job %lld: job %lld will print again\n"), (long long)id, job);
	return KZ_EXIT_OK;
}

/* The USB printers plugged in, each with the lines of hall.ini that reach
 * it (those stay as hall.ini reads them, in any language). */
static int
usb(struct kz_cli *cli)
{
	struct kz_usb_printer p[KZ_USB_MAX];
	int n, rc;

	if ((rc = kz_usb_list(p, KZ_USB_MAX, &n, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (n == 0)
		printf("%s\n",
			T("no USB printer is plugged in (none with a printer interface); "
			  "check its cable and power"));
	else
		printf("%s\n",
			T("USB printers plugged in, each with the lines of its [printer "
			  "NAME] section in hall.ini:"));
	for (int i = 0; i < n; i++) {
		printf(T("%04x:%04x  %s %s, serial %s (bus %d, device %d)"), p[i].vendor,
			p[i].product, p[i].manufacturer[0] ? p[i].manufacturer : "?",
			p[i].model[0] ? p[i].model : "?", p[i].serial[0] ? p[i].serial : T("none"),
			p[i].bus, p[i].device);
		if (!p[i].can_open)
			printf("; %s",
				T("this user may not open it: install "
				  "config/udev/60-kezek-printers.rules"));
		printf("\n  transport = usb\n  address = %s\n", p[i].address);
	}
	return KZ_EXIT_OK;
}

/* The subcommands: the word, how many words in all, what runs. */
static const struct sub {
	const char *name;
	int argc;
	int (*run)(struct kz_cli *cli);
} subs[] = {
	{"usb", 1, usb},
	{"status", 1, status_cmd},
	{"test", 2, page},
	{"form", 2, page},
	{"ticket", 2, again},
	{"receipt", 2, again},
	{"notice", 2, again},
	{"refusal", 2, again},
	{"talon", 2, again},
	{"reprint", 2, reprint_job},
	{"preview", 3, preview_cmd},
};

static int
exec(struct kz_cli *cli)
{
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(cli->argv[0], subs[i].name) == 0 && cli->argc == subs[i].argc)
			return subs[i].run(cli);
	return kz_cli_usage(cli,
		"say status, test PRINTER, form PRINTER, ticket|receipt|notice|refusal|talon NUMBER, "
		"reprint JOB, preview FILE PNG or usb");
}

const struct kz_cmd kz_cmd_print = {
	.name = "print",
	.args = "status | test PRINTER | form PRINTER | ticket|receipt|notice|refusal|talon NUMBER |"
		" reprint JOB | preview FILE PNG | usb",
	.summary =
		N("the printers, their services and jobs; a test page; a blank form (--sample: "
		  "filled in with made-up data); any paper again by its number; the USB printers "
		  "plugged in"),
	.options = options,
	.min_args = 1,
	.max_args = 3,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
