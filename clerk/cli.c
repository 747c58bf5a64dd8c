/* cli.c - helpers the subcommands share; see kezek.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "setup/log.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/utf8.h"

const char *
kz_cli_opt(const struct kz_cli *cli, const char *name)
{
	const char *v = NULL;

	for (int i = 0; i < cli->nopts; i++)
		if (strcmp(cli->opt_name[i], name) == 0)
			v = cli->opt_value[i]; /* the last one given wins */
	return v;
}

int
kz_cli_fail(struct kz_cli *cli, int code)
{
	kz_log(KZ_LOG_ERR, "%s", cli->err[0] ? cli->err : kz_err_name(code));
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

int
kz_cli_usage(struct kz_cli *cli, const char *fmt, ...)
{
	char raw[KZ_ERR_LEN], said[KZ_ERR_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	kz_err(said, 0, "%s", raw); /* one line: what was typed is shown escaped */
	fprintf(stderr, "kezek %s: %s", cli->cmd->name, said);
	fprintf(stderr, "\nusage: kezek %s%s%s [options]; see 'kezek %s --help'\n", cli->cmd->name,
		cli->cmd->args ? " " : "", cli->cmd->args ? cli->cmd->args : "", cli->cmd->name);
	return KZ_EXIT_USAGE;
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
kz_cli_set_lang(const char *lang)
{
	if (lang != NULL &&
		(strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0 || strcmp(lang, "en") == 0))
		memcpy(staff_lang, lang, 3);
}
