/*
 * cmd-pin-hash.c - kezek pin-hash: read a PIN from standard input (not the
 * command line, where other users and the shell's history would see it)
 * and print its salted hash for hall.ini (admin_pin of a [kiosk]).
 */
#include <string.h>

#include "kezek.h"
#include "queue/pin.h"

static int
exec(struct kz_cli *cli)
{
	char pin[64], hash[KZ_PIN_HASH_LEN];
	size_t n;

	if (fgets(pin, sizeof pin, stdin) == NULL) {
		fprintf(stderr,
			"kezek pin-hash: no PIN on standard input; try "
			"'read -s P && echo \"$P\" | kezek pin-hash'\n");
		return KZ_EXIT_USAGE;
	}
	n = strcspn(pin, "\r\n");
	pin[n] = '\0';
	if (kz_pin_hash(pin, hash, sizeof hash, cli->err) != KZ_OK)
		return kz_cli_fail(cli, KZ_EINVAL);
	memset(pin, 0, sizeof pin);
	printf("%s\n", hash);
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_pin_hash = {
	.name = "pin-hash",
	.args = "",
	.summary = "hash a PIN read from standard input, for admin_pin in hall.ini",
	.exec = exec,
};
