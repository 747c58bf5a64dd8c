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

static const struct kz_cmd *const commands[] = {
	&kz_cmd_init,
	&kz_cmd_ticket,
	&kz_cmd_counter,
	&kz_cmd_next,
	&kz_cmd_recall,
	&kz_cmd_start,
	&kz_cmd_finish,
	&kz_cmd_status,
	&kz_cmd_close_day,
	&kz_cmd_history,
	&kz_cmd_check,
	&kz_cmd_calendar,
	&kz_cmd_office,
	&kz_cmd_print,
	&kz_cmd_pin_hash,
	&kz_cmd_accept,
	&kz_cmd_decide,
	&kz_cmd_handover,
	&kz_cmd_applications,
	&kz_cmd_notice_sent,
	&kz_cmd_complaint,
	&kz_cmd_complaints,
	&kz_cmd_clerk,
	&kz_cmd_console,
	&kz_cmd_purge,
	&kz_cmd_simulate,
	&kz_cmd_report,
};
#define NCOMMANDS       (int)(sizeof commands / sizeof commands[0])
#define MAX_OPTION_DEFS 64 /* a command's options and the common ones */

static const struct kz_cmd_option common[] = {
	{"config", "FILE",
		"hall configuration (env KEZEK_CONFIG; default: the source tree's "
		"config/hall.ini from a build tree, else " KZ_CONFIG_ETC ")"},
	{"data-dir", "DIR",
		"Kezek's fonts, translations, holidays, directories (env KEZEK_DATA_DIR)"},
	{"db", "PATH", "hall database (env KEZEK_DB; overrides the configuration's)"},
	{"now", "TIME", "stand the clock at TIME, local: 2026-03-20T10:15 (env KEZEK_NOW)"},
	{"help", NULL, "show this help"},
	{"version", NULL, "print the version and exit"},
	{NULL, NULL, NULL},
};

static void
print_options(FILE *f, const struct kz_cmd_option *o)
{
	char left[64];

	for (; o && o->name; o++) {
		snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "",
			o->arg ? o->arg : "");
		fprintf(f, "  %-22s %s\n", left, o->help);
	}
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: kezek [--config FILE] [--db PATH] [--now TIME] [--data-dir DIR] COMMAND "
		"[ARGS]\n       kezek --version\n\n"
		"Kezek runs the visitor hall's queue. Commands:\n");
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "\nOptions for every command:\n");
	print_options(f, common);
	fprintf(f,
		"\n'kezek COMMAND --help' tells more. Exit codes: 0 done, 1 usage, "
		"2 rejected, 3 database or configuration error.\n");
}

static void
cmd_usage(FILE *f, const struct kz_cmd *cmd)
{
	fprintf(f, "usage: kezek %s%s%s [options]\n\n%s\n\nOptions:\n", cmd->name,
		cmd->args ? " " : "", cmd->args ? cmd->args : "", cmd->summary);
	print_options(f, cmd->options);
	print_options(f, common);
}

static const struct kz_cmd *
find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* Index in argv of the subcommand's name, skipping leading common options. */
static int
command_index(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			return i;
		if (strcmp(argv[i], "--config") == 0 || strcmp(argv[i], "--db") == 0 ||
			strcmp(argv[i], "--now") == 0 || strcmp(argv[i], "--data-dir") == 0)
			i++;
	}
	return 0;
}

static int
add_options(struct option *out, int n, const struct kz_cmd_option *o)
{
	for (; o && o->name && n < MAX_OPTION_DEFS; o++, n++) {
		out[n].name = o->name;
		out[n].has_arg = o->arg ? required_argument : no_argument;
		out[n].flag = NULL;
		out[n].val = 1000 + n;
	}
	return n;
}

/* getopt_long over everything but the command name; fills cli. */
static int
parse(struct kz_cli *cli, int argc, char **argv, int *help)
{
	struct option longopts[MAX_OPTION_DEFS + 1];
	int n = add_options(longopts, 0, common), c, idx = 0;

	n = add_options(longopts, n, cli->cmd->options);
	memset(&longopts[n], 0, sizeof longopts[n]);
	opterr = 0;
	optind = 0;
	/* "+": stop at each positional argument, take it, and go on, so
	 * options may come before or after them; "--" ends the options. */
	while (optind < argc) {
		c = getopt_long(argc, argv, "+h", longopts, &idx);
		if (c == -1) {
			if (optind > 0 && strcmp(argv[optind - 1], "--") == 0) {
				while (optind < argc)
					cli->argv[cli->argc++] = argv[optind++];
				break;
			}
			if (optind < argc)
				cli->argv[cli->argc++] = argv[optind++];
			continue;
		}
		if (c == 'h') {
			*help = 1;
			continue;
		}
		if (c == '?' || c == ':')
			return kz_cli_usage(cli, "'%s' is an unknown option or lacks its value",
				argv[optind - 1]);
		if (strcmp(longopts[c - 1000].name, "help") == 0)
			*help = 1;
		if (cli->nopts == KZ_MAX_OPTS) /* never drop one silently */
			return kz_cli_usage(cli, "more than %d options; put long lists in a file",
				KZ_MAX_OPTS);
		cli->opt_name[cli->nopts] = longopts[c - 1000].name;
		cli->opt_value[cli->nopts++] = optarg ? optarg : "";
	}
	return KZ_EXIT_OK;
}

static int
open_hall(struct kz_cli *cli)
{
	int rc;

	if ((rc = kz_setup_load(&cli->setup, kz_cli_opt(cli, "config"), kz_cli_opt(cli, "data-dir"),
		     cli->cfg, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if ((rc = kz_clock_setup(cli->cfg->timezone, kz_cli_opt(cli, "now"), cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc == KZ_EINVAL ? KZ_EINVAL : rc);
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
	rc = kz_db_open(cli->db_path, (cli->cmd->flags & KZ_CMD_CREATE) ? KZ_DB_CREATE : 0,
		&cli->db, cli->err);
	if (rc == KZ_OK)
		rc = kz_hall_sync(cli->db, cli->cfg, NULL, cli->err);
	return rc == KZ_OK ? KZ_EXIT_OK : kz_cli_fail(cli, rc);
}

int
main(int argc, char **argv)
{
	struct kz_cli cli = {0};
	int at = command_index(argc, argv), help = 0, rc;

	if (at == 0) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
				usage(stdout);
				return KZ_EXIT_OK;
			}
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--version") == 0) {
				char version[64];
				kz_setup_version("kezek", version, sizeof version);
				printf("%s\n", version);
				return KZ_EXIT_OK;
			}
		usage(stderr);
		return KZ_EXIT_USAGE;
	}
	if (strcmp(argv[at], "help") == 0) {
		const struct kz_cmd *c = at + 1 < argc ? find_command(argv[at + 1]) : NULL;
		c ? cmd_usage(stdout, c) : usage(stdout);
		return KZ_EXIT_OK;
	}
	cli.cmd = find_command(argv[at]);
	if (cli.cmd == NULL) {
		fprintf(stderr, "kezek: '%s' is not a command; see 'kezek --help'\n", argv[at]);
		return KZ_EXIT_USAGE;
	}
	/* getopt sees argv without the command name. */
	memmove(&argv[at], &argv[at + 1], sizeof *argv * (size_t)(argc - at));
	argc--;
	cli.argv = calloc((size_t)argc + 1, sizeof *cli.argv);
	cli.cfg = calloc(1, sizeof *cli.cfg);
	if (cli.argv == NULL || cli.cfg == NULL) {
		fprintf(stderr, "kezek: out of memory\n");
		return KZ_EXIT_FAILED;
	}
	rc = parse(&cli, argc, argv, &help);
	if (rc == KZ_EXIT_OK && help)
		cmd_usage(stdout, cli.cmd);
	else if (rc == KZ_EXIT_OK && kz_cli_opt(&cli, "version") != NULL) {
		char version[64];
		kz_setup_version("kezek", version, sizeof version);
		printf("%s\n", version);
	} else if (rc == KZ_EXIT_OK &&
		(cli.argc < cli.cmd->min_args || cli.argc > cli.cmd->max_args))
		rc = kz_cli_usage(&cli,
			cli.argc < cli.cmd->min_args ? "missing arguments" : "too many arguments");
	else if (rc == KZ_EXIT_OK && cli.cmd->counter_arg &&
		kz_cli_counter(&cli, cli.argv[cli.cmd->counter_arg - 1]) < 0)
		rc = KZ_EXIT_USAGE;
	else if (rc == KZ_EXIT_OK && (rc = open_hall(&cli)) == KZ_EXIT_OK)
		rc = cli.cmd->exec(&cli);
	kz_db_close(cli.db);
	kz_cal_free(cli.cal);
	free(cli.cfg);
	free(cli.argv);
	return rc;
}
