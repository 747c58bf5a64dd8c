/*
 * args.c - the `kezek` command line: the table of subcommands (one row
 * each; the subcommand's own file holds its entry), the options every
 * subcommand shares, and the parse of argv into struct kz_cli.  Nothing
 * here opens the hall or runs a command, so the parse can be fuzzed.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "kezek.h"
#include "queue/idnum.h"

const struct kz_cmd *const kz_commands[] = {
	&kz_cmd_init,
	&kz_cmd_ticket,
	&kz_cmd_counter,
	&kz_cmd_next,
	&kz_cmd_recall,
	&kz_cmd_start,
	&kz_cmd_finish,
	&kz_cmd_postpone,
	&kz_cmd_return,
	&kz_cmd_status,
	&kz_cmd_close_day,
	&kz_cmd_history,
	&kz_cmd_check,
	&kz_cmd_calendar,
	&kz_cmd_office,
	&kz_cmd_print,
	&kz_cmd_kiosk,
	&kz_cmd_accept,
	&kz_cmd_resume,
	&kz_cmd_decide,
	&kz_cmd_handover,
	&kz_cmd_applications,
	&kz_cmd_notice_sent,
	&kz_cmd_complaint,
	&kz_cmd_complaints,
	&kz_cmd_clerk,
	&kz_cmd_console,
	&kz_cmd_manager,
	&kz_cmd_device,
	&kz_cmd_purge,
	&kz_cmd_simulate,
	&kz_cmd_report,
	&kz_cmd_region,
	&kz_cmd_backup,
	&kz_cmd_restore,
	&kz_cmd_doctor,
	NULL,
};
#define MAX_OPTION_DEFS 64 /* a command's options and the common ones */

const struct kz_cmd_option kz_cli_common[] = {
	{"config", "FILE",
		N("hall configuration (env KEZEK_CONFIG; default: the source tree's "
		  "config/hall.ini from a build tree, else /etc/kezek/hall.ini)")},
	{"data-dir", "DIR",
		N("Kezek's fonts, translations, holidays, directories (env KEZEK_DATA_DIR)")},
	{"db", "PATH", N("hall database (env KEZEK_DB; overrides the configuration's)")},
	{"now", "TIME", N("stand the clock at TIME, local: 2026-03-20T10:15 (env KEZEK_NOW)")},
	{"help", NULL, N("show this help")},
	{"version", NULL, N("print the version and exit")},
	{NULL, NULL, NULL},
};

const struct kz_cmd *
kz_cmd_find(const char *name)
{
	for (int i = 0; kz_commands[i] != NULL; i++)
		if (strcmp(kz_commands[i]->name, name) == 0)
			return kz_commands[i];
	return NULL;
}

/* Index in argv of the subcommand's name, skipping leading common options. */
int
kz_cli_command_index(int argc, char **argv)
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

/* Is arg "--KEY" or "--KEY=..." for a key of the command's personal data?
 * Then *key is that key. */
static int
personal_option(const struct kz_cli *cli, const char *arg, const char **key)
{
	size_t len;

	if (strncmp(arg, "--", 2) != 0)
		return 0;
	arg += 2;
	len = strcspn(arg, "=");
	for (const struct kz_cmd_key *k = cli->cmd->keys; k && k->name; k++)
		if (strlen(k->name) == len && strncmp(k->name, arg, len) == 0) {
			*key = k->name;
			return 1;
		}
	return 0;
}

/* Does s hold a run of exactly 12 digits that is a valid IIN or BIN? */
static int
holds_idnum(const char *s)
{
	char run[KZ_IDNUM_LEN + 1];

	for (size_t i = 0, len; s[i] != '\0'; i += len ? len : 1) {
		len = strspn(s + i, "0123456789");
		if (len != KZ_IDNUM_LEN)
			continue;
		memcpy(run, s + i, KZ_IDNUM_LEN);
		run[KZ_IDNUM_LEN] = '\0';
		if (kz_iin_check(run, NULL) == KZ_OK || kz_bin_check(run, NULL) == KZ_OK)
			return 1;
	}
	return 0;
}

/* getopt_long over everything but the command name; fills cli. */
static int
parse_options(struct kz_cli *cli, int argc, char **argv, int *help)
{
	struct option longopts[MAX_OPTION_DEFS + 1];
	int n = add_options(longopts, 0, kz_cli_common), c, idx = 0;
	const char *key;

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
		if ((c == '?' || c == ':') && personal_option(cli, argv[optind - 1], &key))
			return kz_person_refuse(cli, key);
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

int
kz_cli_parse(struct kz_cli *cli, int argc, char **argv, int *help)
{
	int rc = parse_options(cli, argc, argv, help);

	if (rc != KZ_EXIT_OK)
		return rc;
	/* An IIN or BIN in the arguments is already in every user's view; say
	 * so rather than keep it in the database too. */
	for (int i = 0; i < cli->argc; i++)
		if (holds_idnum(cli->argv[i]))
			return kz_person_refuse(cli, NULL);
	for (int i = 0; i < cli->nopts; i++)
		if (holds_idnum(cli->opt_value[i]))
			return kz_person_refuse(cli, NULL);
	if (*help || kz_cli_opt(cli, "version") != NULL)
		return rc;
	if (cli->argc < cli->cmd->min_args || cli->argc > cli->cmd->max_args)
		return kz_cli_usage(cli,
			cli->argc < cli->cmd->min_args ? "missing arguments"
						       : "too many arguments");
	if (cli->cmd->counter_arg && kz_cli_counter(cli, cli->argv[cli->cmd->counter_arg - 1]) < 0)
		return KZ_EXIT_USAGE;
	return KZ_EXIT_OK;
}
