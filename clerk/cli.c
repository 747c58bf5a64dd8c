/* cli.c - helpers the subcommands share; see kezek.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "setup/log.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/i18n.h"
#include "queue/utf8.h"
#include "refusal.h"

const char *
kz_cli_opt(const struct kz_cli *cli, const char *name)
{
	const char *v = NULL;

	for (int i = 0; i < cli->nopts; i++)
		if (strcmp(cli->opt_name[i], name) == 0)
			v = cli->opt_value[i]; /* the last one given wins */
	return v;
}

/* The operation a refusal of this run is about (refusal.h): the
 * subcommand, the counter's verb, or a finish's outcome. */
static const char *
kz_cli_refusal_what(const struct kz_cli *cli)
{
	const char *outcome = kz_cli_opt(cli, "outcome");

	if (strcmp(cli->cmd->name, "counter") == 0 && cli->argc > 0)
		return cli->argv[0];
	if (strcmp(cli->cmd->name, "finish") == 0 && outcome != NULL)
		return strncmp(outcome, "no", 2) == 0          ? "no_show"
			: strncmp(outcome, "transfer", 8) == 0 ? "transfer"
							       : "finish";
	return cli->cmd->name;
}

int
kz_cli_fail(struct kz_cli *cli, int code)
{
	/* in the staff's words once their catalogue is read (a refusal met
	 * before that, such as a bad --now, keeps the reason as it is) */
	if (strcmp(kz_cli_lang(), "en") != 0 && kz_i18n_current() != NULL && kz_refusal_is(code))
		return kz_cli_refuse(cli, code, kz_refusal_say(kz_cli_refusal_what(cli), code));
	return kz_cli_refuse(cli, code, cli->err[0] ? cli->err : kz_err_name(code));
}

int
kz_cli_refuse(struct kz_cli *cli, int code, const char *said)
{
	(void)cli;
	kz_log(KZ_LOG_ERR, "%s", said);
	switch (code) {
	case KZ_OK:
		return KZ_EXIT_OK;
	case KZ_EINVAL:
		return KZ_EXIT_USAGE;
	case KZ_EREJECT:
	case KZ_ECLOSED:
	case KZ_ENOTFOUND:
	case KZ_EEMPTY:
		return KZ_EXIT_REJECTED;
	default:
		return KZ_EXIT_FAILED;
	}
}

/* A usage refusal found before the staff's language was known (the
 * arguments are read first): said by kz_cli_usage_said once it is. */
static int usage_deferred;

int
kz_cli_usage(struct kz_cli *cli, const char *fmt, ...)
{
	char raw[KZ_ERR_LEN], said[KZ_ERR_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	kz_err(said, 0, "%s", raw); /* one line: what was typed is shown escaped */
	if (!usage_deferred && kz_i18n_current() == NULL && strcmp(kz_cli_lang(), "en") != 0) {
		usage_deferred = 1;
		snprintf(cli->err, KZ_ERR_LEN, "%s", said);
		return KZ_EXIT_USAGE;
	}
	if (strcmp(kz_cli_lang(), "en") != 0 && kz_i18n_current() != NULL) {
		/* the staff's words; the form of the command is its own */
		fprintf(stderr, "kezek %s: %s\n", cli->cmd->name, kz_refusal_say(NULL, KZ_EINVAL));
		fprintf(stderr, T("its form: kezek %s %s; kezek %s --help shows the options\n"),
			cli->cmd->name, cli->cmd->args ? cli->cmd->args : "", cli->cmd->name);
		return KZ_EXIT_USAGE;
	}
	fprintf(stderr, "kezek %s: %s", cli->cmd->name, said);
	fprintf(stderr, "\nusage: kezek %s%s%s [options]; see 'kezek %s --help'\n", cli->cmd->name,
		cli->cmd->args ? " " : "", cli->cmd->args ? cli->cmd->args : "", cli->cmd->name);
	return KZ_EXIT_USAGE;
}

int
kz_cli_usage_pending(void)
{
	return usage_deferred == 1;
}

int
kz_cli_usage_said(struct kz_cli *cli)
{
	char said[KZ_ERR_LEN];

	if (usage_deferred != 1)
		return 0;
	usage_deferred = 2; /* said now, whatever the language */
	snprintf(said, sizeof said, "%s", cli->err);
	return kz_cli_usage(cli, "%s", said), 1;
}

int
kz_cli_counter(struct kz_cli *cli, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < 1 || n > 999) {
		kz_cli_usage(cli, "'%s' is not a counter number (1 to 999)", arg);
		return -1;
	}
	return (int)n;
}

const char *
kz_cli_printer(struct kz_cli *cli, int a4_only, char *buf)
{
	const char *named = kz_cli_opt(cli, "print");
	char err[KZ_ERR_LEN];

	if (named != NULL)
		return named;
	return kz_app_default_printer(cli->db, a4_only, buf, err) == KZ_OK ? buf : NULL;
}

void
kz_cli_pad(FILE *f, const char *s, int width)
{
	fputs(s, f);
	for (int w = kz_utf8_width(s); w < width; w++)
		fputc(' ', f);
}

void
kz_cli_label(const char *s, int width)
{
	kz_cli_pad(stdout, s, width - 1);
	putchar(' ');
}

const char *
kz_cli_cal_warning(const struct kz_calendar *cal, struct kz_date from, struct kz_date to, char *out,
	size_t len)
{
	enum kz_cal_data worst = kz_cal_span_data(cal, from, to);
	int y = from.y;

	if (worst == KZ_CAL_DECREED)
		return NULL;
	while (y < to.y && kz_cal_year_data(cal, y) != worst)
		y++;
	if (worst == KZ_CAL_PROVISIONAL)
		snprintf(out, len,
			T("warning: the holiday data for %d is provisional (the date of Kurban Ait "
			  "or a transfer of days off is not decreed yet); check this answer against "
			  "the government's decree"),
			y);
	else
		snprintf(out, len,
			T("warning: there is no holiday data for %d (config/holidays/%d.ini); only "
			  "the holidays fixed by law are counted; check this answer against the "
			  "government's decree"),
			y, y);
	return out;
}

const char *
kz_cli_due_warning(enum kz_cal_data data, const char *due_day, char *out, size_t len)
{
	if (data == KZ_CAL_DECREED)
		return NULL;
	snprintf(out, len,
		data == KZ_CAL_PROVISIONAL
			? T("warning: the due day %s was counted on provisional holiday data; "
			    "check it against the government's decree")
			: T("warning: the due day %s was counted without holiday data for its "
			    "year; check it against the government's decree"),
		due_day);
	return out;
}

const char *
kz_cli_next_year_warning(const struct kz_calendar *cal, struct kz_date today, char *out, size_t len)
{
	int y = kz_cal_next_year_missing(cal, today);

	if (y == 0)
		return NULL;
	snprintf(out, len,
		T("warning: there is no holiday data for next year, %d: add config/holidays/%d.ini "
		  "from the government's decrees before 1 January"),
		y, y);
	return out;
}

const char *
kz_cli_hhmm(long long t, char buf[8])
{
	if (t == 0)
		snprintf(buf, 8, "-");
	else
		kz_clock_format(t, "%H:%M", buf, 8);
	return buf;
}

void
kz_cli_fonts(const struct kz_cli *cli, char *out, size_t len)
{
	const char *env = getenv("KEZEK_FONTS");

	if (env != NULL && env[0] != '\0')
		snprintf(out, len, "%s", env);
	else
		snprintf(out, len, "%s/assets/fonts", cli->setup.data_dir);
}

void
kz_cli_cell(FILE *f, const char *s, int width)
{
	char buf[1024];

	/* one column always stays blank, so a cut cell never runs into the next */
	kz_utf8_cell(s, width - 1, 1, buf, sizeof buf);
	fputs(buf, f);
	fputc(' ', f);
}

void
kz_cli_csv(const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
	} else {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	}
	fputs(last ? "\r\n" : ",", stdout);
}

/* The staff's language: one per run of the command. */
static char staff_lang[3] = "ru";

const char *
kz_cli_lang(void)
{
	return staff_lang;
}

void
kz_cli_quiet_language(struct kz_cli *cli, int loaded)
{
	const char *env = getenv("KEZEK_LANG");
	char err[KZ_ERR_LEN];

	if (loaded ||
		kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"), kz_cli_opt(cli, "data-dir"),
			cli->cfg, err) == KZ_OK)
		kz_cli_set_lang(cli->cfg->staff_lang);
	if (env != NULL && *env != '\0')
		kz_cli_set_lang(env);
	if (strcmp(kz_cli_lang(), "en") != 0 && cli->tr == NULL)
		(void)kz_setup_translations(&cli->setup, &cli->tr, err);
}

void
kz_cli_set_lang(const char *lang)
{
	if (lang != NULL &&
		(strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0 || strcmp(lang, "en") == 0))
		memcpy(staff_lang, lang, 3);
	/* the library's messages for the person at the terminal, in their words */
	kz_i18n_errors_in(strcmp(staff_lang, "en") != 0 ? staff_lang : NULL);
}

/* The words the database keeps for states, outcomes, kinds and channels,
 * as the staff read them. */
static const struct {
	const char *name, *shown;
} words[] = {
	{"waiting", N("waiting")},
	{"called", N("called")},
	{"serving", N("serving")},
	{"done", N("done")},
	{"served", N("served")},
	{"no_show", N("no-show")},
	{"transferred", N("transferred")},
	{"cancelled", N("cancelled")},
	{"office_closed", N("not served: office closed")},
	{"open", N("open")},
	{"paused", N("paused")},
	{"closed", N("closed")},
	{"individual", N("individual")},
	{"legal", N("legal entity")},
	{"registered", N("registered")},
	{"suspended", N("suspended")},
	{"refused", N("refused")},
	{"approved", N("approved")},
	{"rejected", N("rejected")},
	{"deemed_approved", N("deemed approved")},
	{"applicant", N("to the applicant")},
	{"proxy", N("to the proxy")},
	{"in_person", N("in person")},
	{"post", N("post")},
	{"email", N("e-mail")},
	{"result", N("result")},
	{"service", N("service")},
	{"answered", N("answered")},
	{"answered late", N("answered late")},
	{"overdue", N("overdue")},
	{"board", N("board")},
	{"kiosk", N("kiosk")},
	{"printer", N("printer")},
	/* the event log's kinds (kezek history) */
	{"issued", N("ticket issued")},
	{"requeued", N("back in the queue")},
	{"recalled", N("called again")},
	{"started", N("service started")},
	{"print_unseen", N("ticket not seen printed")},
	{"counter_opened", N("counter opened")},
	{"counter_resumed", N("counter resumed")},
	{"counter_paused", N("counter paused")},
	{"counter_closed", N("counter closed")},
	{"clerk_login", N("clerk logged in")},
	{"login_failed", N("wrong PIN")},
	{"clerk_pin_set", N("PIN set")},
	{"app_registered", N("application registered")},
	{"app_refused", N("application refused (p.16)")},
	{"app_approved", N("application approved")},
	{"app_rejected", N("motivated refusal")},
	{"app_handed_over", N("result handed over")},
	{"app_notice_sent", N("notice sent")},
	{"app_suspended", N("application suspended")},
	{"app_resumed", N("application resumed")},
	{"complaint_added", N("complaint registered")},
	{"complaint_answered", N("complaint answered")},
	{"feedback", N("service rated")},
	{"purged", N("personal data removed")},
	{"print_asked", N("paper asked for again")},
	{"print_expired", N("ticket print expired")},
	{"postponed", N("visitor postponed")},
	{"returned", N("visitor returned")},
	{"hall_request", N("request to the server")},
	{"hall_refused", N("refused by the server")},
};

const char *
kz_cli_word(const char *name)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].name, name) == 0)
			return T(words[i].shown);
	return name;
}
