/*
 * cmd-device.c - kezek device add NAME --role board|kiosk|printer
 * [--for NAME] | list | revoke NAME | code NAME: the boards, kiosks and
 * print services that run on machines of their own and talk to
 * kezek-hall (queue/device.h).  add and code print a one-time enrolment
 * code (valid a day) that the device exchanges for its own credential
 * with --enrol; revoke ends a lost or retired device's credential at once.
 */
#include <stdio.h>
#include <string.h>

#include "kezek.h"
#include "queue/clock.h"
#include "queue/device.h"

static const struct kz_cmd_option options[] = {
	{"role", "ROLE", N("add: board, kiosk or printer")},
	{"for", "NAME",
		N("add: the [kiosk NAME] or [printer NAME] it stands for (default: its name)")},
	{NULL, NULL, NULL},
};

static void
print_code(const struct kz_device *d, const char *code)
{
	char until[8];

	printf(T("Device %s (%s) may enrol once with the code:\n"), d->name,
		kz_cli_word(kz_device_role_name(d->role)));
	printf("\n    %s\n\n", code);
	printf(T("On the device: --server URL --enrol %s (valid until %s tomorrow). "
		 "The code is shown only now.\n"),
		code, kz_cli_hhmm(d->code_expires, until));
}

/* --for names a section of hall.ini for a kiosk or printer. */
static int
check_for(struct kz_cli *cli, enum kz_device_role role, const char *name, const char *stands)
{
	const char *s = stands && *stands ? stands : name;
	const struct kz_kiosk_conf *k;

	if (role == KZ_DEVICE_KIOSK) {
		k = kz_config_kiosk(cli->cfg, s);
		if (k == NULL || strcmp(k->name, s) != 0)
			return kz_cli_usage(cli,
				"hall.ini has no [kiosk %s]; add it, or name one with --for", s);
	} else if (role == KZ_DEVICE_PRINTER && kz_config_printer(cli->cfg, s) == NULL) {
		return kz_cli_usage(cli,
			"hall.ini has no [printer %s]; add it, or name one with --for", s);
	}
	return KZ_EXIT_OK;
}

static int
add(struct kz_cli *cli, const char *name)
{
	const char *role_word = kz_cli_opt(cli, "role"), *stands = kz_cli_opt(cli, "for");
	enum kz_device_role role = kz_device_role_of(role_word);
	char code[KZ_DEVICE_CODE_SIZE];
	struct kz_device d;
	int rc;

	if (role == KZ_DEVICE_NONE)
		return kz_cli_usage(cli, "say --role board, kiosk or printer");
	if ((rc = check_for(cli, role, name, stands)) != KZ_EXIT_OK)
		return rc;
	if ((rc = kz_device_add(cli->db, name, role, stands, kz_clock_now(), code, &d, cli->err)) !=
		KZ_OK)
		return kz_cli_fail(cli, rc);
	print_code(&d, code);
	memset(code, 0, sizeof code);
	return KZ_EXIT_OK;
}

static int
new_code(struct kz_cli *cli, const char *name)
{
	char code[KZ_DEVICE_CODE_SIZE];
	struct kz_device d;
	int rc;

	if ((rc = kz_device_new_code(cli->db, name, kz_clock_now(), code, &d, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	print_code(&d, code);
	printf("%s\n", T("Its earlier credential no longer works."));
	memset(code, 0, sizeof code);
	return KZ_EXIT_OK;
}

static int
revoke(struct kz_cli *cli, const char *name)
{
	struct kz_device d;
	int rc;

	if ((rc = kz_device_revoke(cli->db, name, kz_clock_now(), &d, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	printf(T("Device %s is revoked: kezek-hall refuses it from now on. 'kezek device code "
		 "%s' lets it enrol again.\n"),
		d.name, d.name);
	return KZ_EXIT_OK;
}

/* What a device is doing, in the staff's words. */
static const char *
state_of(const struct kz_device *d, int64_t now, char *buf, size_t len)
{
	char t[8];

	if (d->enrolled)
		return T("enrolled");
	if (d->code_live && d->code_expires > now) {
		snprintf(buf, len, T("code waiting until %s"), kz_cli_hhmm(d->code_expires, t));
		return buf;
	}
	if (d->revoked_at)
		return T("revoked");
	return d->code_live ? T("code expired") : T("no code");
}

static int
list(struct kz_cli *cli)
{
	static struct kz_device d[KZ_DEVICES_MAX];
	int64_t now = kz_clock_now();
	char buf[128], seen[20];
	int n, rc;

	if ((rc = kz_device_list(cli->db, d, KZ_DEVICES_MAX, &n, cli->err)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	if (n == 0) {
		printf("%s\n", T("No devices. Add one with 'kezek device add NAME --role ROLE'."));
		return KZ_EXIT_OK;
	}
	kz_cli_cell(stdout, T("NAME"), 20);
	kz_cli_cell(stdout, T("ROLE"), 10);
	kz_cli_cell(stdout, T("FOR"), 16);
	kz_cli_cell(stdout, T("STATE"), 30);
	printf("%s\n", T("LAST SEEN"));
	for (int i = 0; i < n && i < KZ_DEVICES_MAX; i++) {
		kz_cli_cell(stdout, d[i].name, 20);
		kz_cli_cell(stdout, kz_cli_word(kz_device_role_name(d[i].role)), 10);
		kz_cli_cell(stdout, d[i].stands_for[0] ? d[i].stands_for : "-", 16);
		kz_cli_cell(stdout, state_of(&d[i], now, buf, sizeof buf), 30);
		if (d[i].seen_at)
			kz_clock_format(d[i].seen_at, "%Y-%m-%d %H:%M", seen, sizeof seen);
		printf("%s\n", d[i].seen_at ? seen : "-");
	}
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	const char *what = cli->argv[0], *name = cli->argc > 1 ? cli->argv[1] : NULL;
	int named = strcmp(what, "list") != 0;

	if (strcmp(what, "add") != 0 && strcmp(what, "list") != 0 && strcmp(what, "revoke") != 0 &&
		strcmp(what, "code") != 0)
		return kz_cli_usage(cli,
			"'%s' is not something to do to a device; say add, list, revoke or code",
			what);
	if (named != (name != NULL))
		return kz_cli_usage(cli,
			named ? "name the device: kezek device %s NAME"
			      : "kezek device %s takes no name",
			what);
	if (strcmp(what, "add") != 0 && (kz_cli_opt(cli, "role") || kz_cli_opt(cli, "for")))
		return kz_cli_usage(cli, "--role and --for go with add only");
	if (strcmp(what, "add") == 0)
		return add(cli, name);
	if (strcmp(what, "code") == 0)
		return new_code(cli, name);
	if (strcmp(what, "revoke") == 0)
		return revoke(cli, name);
	return list(cli);
}

const struct kz_cmd kz_cmd_device = {
	.name = "device",
	.args = "add|list|revoke|code [NAME]",
	.summary = N("the boards, kiosks and print services on machines of their own: add one "
		     "(prints its one-time enrolment code), list, revoke, give a new code"),
	.options = options,
	.min_args = 1,
	.max_args = 2,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
