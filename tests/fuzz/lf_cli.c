/*
 * lf_cli.c - coverage-guided fuzzing (libFuzzer) of the `kezek` command
 * line: the input is split at NUL bytes into arguments, and the parse that
 * runs before any command (clerk/args.c) must take them or refuse them
 * with KZ_EXIT_USAGE, never crash, read out of bounds or leak.  Nothing is
 * opened or run.  scripts/fuzz.sh builds and runs it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/kezek.h"

#define MAX_ARGS 40

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *argv[MAX_ARGS + 1];
	struct kz_cli cli = {0};
	int argc = 1, at, help = 0, rc;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = "kezek";
	for (size_t i = 0; i <= size && argc < MAX_ARGS; i++) {
		argv[argc++] = copy + i;
		i += strlen(copy + i);
	}
	argv[argc] = NULL;
	at = kz_cli_command_index(argc, argv);
	if (at > 0 && (cli.cmd = kz_cmd_find(argv[at])) != NULL) {
		memmove(&argv[at], &argv[at + 1], sizeof *argv * (size_t)(argc - at));
		argc--;
		if ((cli.argv = calloc((size_t)argc + 1, sizeof *cli.argv)) == NULL)
			abort();
		rc = kz_cli_parse(&cli, argc, argv, &help);
		if (rc != KZ_EXIT_OK && rc != KZ_EXIT_USAGE)
			abort();
		/* what was taken is whole: every positional and option value is a
		 * string of the input, and no more positionals than arguments */
		if (cli.argc > argc || cli.nopts > KZ_MAX_OPTS)
			abort();
		for (int i = 0; i < cli.argc; i++)
			if (cli.argv[i] < copy || cli.argv[i] > copy + size)
				abort();
		free(cli.argv);
	}
	free(copy);
	return 0;
}
