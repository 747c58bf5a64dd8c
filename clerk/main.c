/*
 * main.c - the `kezek` command: finds the subcommand, parses the options
 * every program shares (--config, --db, --now, --help) and its own, sets up
 * the clock, the configuration and the database, then runs it.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/hall.h"
#include "queue/utf8.h"

static void
print_options(FILE *f, const struct kz_cmd_option *o)
{
	char left[64];

	for (; o && o->name; o++) {
		snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "",
			o->arg ? o->arg : "");
		fprintf(f, "  %-22s %s\n", left, T(o->help));
	}
}

/* "usage:" in the staff's words, then the form; a second form lines up
 * under the first. */
static void
usage_line(FILE *f, const char *form, const char *second)
{
	const char *word = T("usage:");

	fprintf(f, "%s %s\n", word, form);
	if (second == NULL)
		return;
	kz_cli_pad(f, "", kz_utf8_width(word));
	fprintf(f, " %s\n", second);
}

static void
usage(FILE *f)
{
	usage_line(f,
		"kezek [--config FILE] [--db PATH] [--now TIME] [--data-dir DIR] COMMAND [ARGS]",
		"kezek --version");
	fprintf(f, "\n%s\n", T("Kezek runs the visitor hall's queue. Commands:"));
	for (int i = 0; kz_commands[i] != NULL; i++) {
		fprintf(f, "  %-12s ", kz_commands[i]->name);
		fprintf(f, "%s\n", T(kz_commands[i]->summary));
	}
	fprintf(f, "\n%s\n", T("Options for every command:"));
	print_options(f, kz_cli_common);
	fprintf(f, "\n%s",
		T("'kezek COMMAND --help' tells more. Exit codes: 0 done, 1 usage, 2 rejected, 3 "
		  "database or configuration error, 4 answered on holiday data\nnot decreed "
		  "(calendar due, calendar now). The staff's language: [hall] staff_lang,\nor "
		  "KEZEK_LANG=kk|ru|en (en: the untranslated source strings, for scripts).\n"));
}

static void
cmd_usage(FILE *f, const struct kz_cmd *cmd)
{
	char form[512];

	snprintf(form, sizeof form, "kezek %s%s%s %s", cmd->name, cmd->args ? " " : "",
		cmd->args ? cmd->args : "", T("[options]"));
	usage_line(f, form, NULL);
	fprintf(f, "\n%s\n\n%s\n", T(cmd->summary), T("Options:"));
	print_options(f, cmd->options);
	print_options(f, kz_cli_common);
	if (cmd->keys == NULL)
		return;
	fprintf(f, "\n%s",
		T("Personal data, on standard input (or --from FILE, mode 0600), never as "
		  "options:\none 'key: value' a line, UTF-8; an indented line continues the "
		  "value above\non a new line; blank lines and lines starting with '#' are "
		  "skipped. Keys:\n"));
	for (const struct kz_cmd_key *k = cmd->keys; k->name; k++)
		fprintf(f, "  %-22s %s\n", k->name, T(k->help));
}

/* The help said before any command runs (kezek --help, kezek help CMD):
 * in the staff's language, the configuration --config or --data-dir names
 * before the command read as far as it can be. */
static void
help_language(struct kz_cli *cli, int argc, char **argv)
{
	static struct kz_config cfg;

	cli->cfg = &cfg;
	for (int i = 1; i + 1 < argc && cli->nopts < KZ_MAX_OPTS; i++)
		if (strcmp(argv[i], "--config") == 0 || strcmp(argv[i], "--data-dir") == 0) {
			cli->opt_name[cli->nopts] = argv[i] + 2;
			cli->opt_value[cli->nopts++] = argv[++i];
		}
	kz_cli_quiet_language(cli, 0);
}

/* kezek --help, kezek help [COMMAND], or kezek alone (its usage on
 * stderr): the exit code. */
static int
say_help(int argc, char **argv, int at)
{
	struct kz_cli cli = {0};
	const struct kz_cmd *c = NULL;
	int rc = KZ_EXIT_OK;

	help_language(&cli, argc, argv);
	if (at > 0)
		c = at + 1 < argc ? kz_cmd_find(argv[at + 1]) : NULL;
	if (c != NULL)
		cmd_usage(stdout, c);
	else if (at > 0)
		usage(stdout);
	else {
		rc = KZ_EXIT_USAGE;
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				rc = KZ_EXIT_OK;
		usage(rc == KZ_EXIT_OK ? stdout : stderr);
	}
	kz_i18n_use(NULL);
	kz_i18n_free(cli.tr);
	return rc;
}

/* The staff's language: [hall] staff_lang, KEZEK_LANG, a listing's --lang. */
static int
staff_language(struct kz_cli *cli)
{
	const char *lang = kz_cli_opt(cli, "lang"), *env = getenv("KEZEK_LANG");

	kz_cli_set_lang(cli->cfg->staff_lang);
	if (env != NULL && *env != '\0') /* en: the source strings, for scripts */
		kz_cli_set_lang(env);
	if ((cli->cmd->flags & KZ_CMD_LANG) && lang != NULL) {
		if (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
			return kz_cli_usage(cli, "--lang is kk or ru");
		kz_cli_set_lang(lang);
	}
	return KZ_EXIT_OK;
}

/* The catalogues the staff's language is read from; the source strings
 * (KEZEK_LANG=en) need none. */
static int
translations(struct kz_cli *cli)
{
	int rc;

	if (strcmp(kz_cli_lang(), "en") == 0)
		return KZ_EXIT_OK;
	if ((rc = kz_setup_translations(&cli->setup, &cli->tr, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	return KZ_EXIT_OK;
}

static int
open_hall(struct kz_cli *cli)
{
	int rc, flags;

	if ((rc = kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"), kz_cli_opt(cli, "data-dir"),
		     cli->cfg, cli->err)) != KZ_OK) {
		/* the reason in the staff's words: their language settled as far
		 * as it can be without it, the configuration is read once more */
		kz_cli_quiet_language(cli, 0);
		if (kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"),
			    kz_cli_opt(cli, "data-dir"), cli->cfg, cli->err) == KZ_OK)
			snprintf(cli->err, KZ_ERR_LEN, "%s", kz_err_name(rc));
		return kz_cli_fail(cli, rc);
	}
	/* a bad --now is said with the time as typed, before the catalogue */
	if ((rc = kz_clock_setup(cli->cfg->timezone, kz_cli_opt(cli, "now"), cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc == KZ_EINVAL ? KZ_EINVAL : rc);
	if ((rc = staff_language(cli)) != KZ_EXIT_OK)
		return rc;
	/* before the holidays: a damaged file is said in the staff's words */
	if ((rc = translations(cli)) != KZ_EXIT_OK)
		return rc;
	cli->db_path = kz_cli_opt(cli, "db");
	if (cli->db_path == NULL || *cli->db_path == '\0')
		cli->db_path = getenv("KEZEK_DB");
	if (cli->db_path == NULL || *cli->db_path == '\0')
		cli->db_path = cli->cfg->database;
	if ((cli->cmd->flags & KZ_CMD_CAL) &&
		(rc = kz_cal_load(cli->cfg->holidays, &cli->cfg->hours, &cli->cal, cli->err)) !=
			KZ_OK)
		return kz_cli_fail(cli, rc);
	if (!(cli->cmd->flags & KZ_CMD_DB))
		return KZ_EXIT_OK;
	flags = (cli->cmd->flags & KZ_CMD_CREATE) ? KZ_DB_CREATE : 0;
	/* a folder this user cannot write still lets them look */
	if ((cli->cmd->flags & KZ_CMD_READS) && !kz_db_writable(cli->db_path))
		flags |= KZ_DB_READONLY;
	rc = kz_db_open(cli->db_path, flags, &cli->db, cli->err);
	if (rc == KZ_OK && !(flags & KZ_DB_READONLY))
		rc = kz_hall_sync(cli->db, cli->cfg, NULL, cli->err);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

/* A usage refusal the arguments met, said once the staff's language and
 * its catalogue are known (as far as the configuration can be read);
 * 1 if there was one. */
static int
kz_cli_usage_said_after_setup(struct kz_cli *cli)
{
	char kept[KZ_ERR_LEN];

	snprintf(kept, sizeof kept, "%s", cli->err);
	if (kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"), kz_cli_opt(cli, "data-dir"),
		    cli->cfg, cli->err) != KZ_OK ||
		staff_language(cli) != KZ_EXIT_OK) {
		if (getenv("KEZEK_LANG") != NULL && *getenv("KEZEK_LANG") != '\0')
			kz_cli_set_lang(getenv("KEZEK_LANG"));
	}
	/* the catalogues are found where the data is, loaded or not the
	 * configuration: a hall.ini that does not load still hears its staff */
	if (strcmp(kz_cli_lang(), "en") != 0 && cli->tr == NULL)
		kz_setup_translations(&cli->setup, &cli->tr, cli->err);
	snprintf(cli->err, KZ_ERR_LEN, "%s", kept);
	return kz_cli_usage_said(cli);
}

/* kezek NAME where NAME is no command: said in the staff's language. */
static int
not_a_command(int argc, char **argv, int at)
{
	struct kz_cli cli = {0};
	char quoted[KZ_ERR_LEN];

	help_language(&cli, argc, argv);
	kz_err(quoted, 0, "%s", argv[at]); /* one line, whatever was typed */
	fprintf(stderr, T("kezek: '%s' is not a command; see 'kezek --help'\n"), quoted);
	kz_i18n_use(NULL);
	kz_i18n_free(cli.tr);
	return KZ_EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	struct kz_cli cli = {0};
	int at = kz_cli_command_index(argc, argv), help = 0, rc;

	if (at == 0) {
		for (int i = 1; i < argc; i++)
			help = help || strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0;
		for (int i = 1; i < argc && !help; i++)
			if (strcmp(argv[i], "--version") == 0) {
				char version[64];
				kz_setup_version("kezek", version, sizeof version);
				printf("%s\n", version);
				return KZ_EXIT_OK;
			}
		return say_help(argc, argv, 0);
	}
	if (strcmp(argv[at], "help") == 0)
		return say_help(argc, argv, at);
	cli.cmd = kz_cmd_find(argv[at]);
	if (cli.cmd == NULL)
		return not_a_command(argc, argv, at);
	/* getopt sees argv without the command name. */
	memmove(&argv[at], &argv[at + 1], sizeof *argv * (size_t)(argc - at));
	argc--;
	cli.argv = calloc((size_t)argc + 1, sizeof *cli.argv);
	cli.cfg = calloc(1, sizeof *cli.cfg);
	if (cli.argv == NULL || cli.cfg == NULL) {
		fprintf(stderr, "kezek: out of memory\n");
		return KZ_EXIT_FAILED;
	}
	rc = kz_cli_parse(&cli, argc, argv, &help);
	if (rc == KZ_EXIT_OK && help) {
		kz_cli_quiet_language(&cli, 0);
		cmd_usage(stdout, cli.cmd);
	} else if (rc == KZ_EXIT_OK && kz_cli_opt(&cli, "version") != NULL) {
		char version[64];
		kz_setup_version("kezek", version, sizeof version);
		printf("%s\n", version);
	} else if (rc == KZ_EXIT_OK && (cli.cmd->flags & KZ_CMD_OWN_SETUP))
		rc = cli.cmd->exec(&cli);
	else if (rc == KZ_EXIT_OK && (rc = open_hall(&cli)) == KZ_EXIT_OK)
		rc = cli.cmd->exec(&cli);
	/* a usage refusal met before the staff's language was known, said now */
	if (rc == KZ_EXIT_USAGE && kz_cli_usage_pending())
		kz_cli_usage_said_after_setup(&cli);
	kz_db_close(cli.db);
	kz_cal_free(cli.cal);
	kz_i18n_use(NULL);
	kz_i18n_free(cli.tr);
	free(cli.cfg);
	free(cli.argv);
	return rc;
}
