/* cli.c - helpers the subcommands share; see kezek.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/error.h"

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
	fprintf(stderr, "kezek: %s\n", cli->err[0] ? cli->err : kz_err_name(code));
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
	int chars = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			chars++;
	fputs(s, f);
	for (; chars < width; chars++)
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
	size_t end = 0;
	int chars = 0;

	for (size_t i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (chars == width - 1)
				end = i;
			chars++;
		}
	if (chars > width && end + 4 < sizeof buf) {
		snprintf(buf, sizeof buf, "%.*s\u2026", (int)end, s);
		s = buf;
	}
	kz_cli_pad(f, s, width);
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
