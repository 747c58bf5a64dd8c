/*
 * cmd-office.c - kezek office show | find TEXT: this office (App. 1) and
 * the akimat body that takes complaints about it (App. 5); search both.
 */
#include <string.h>

#include "kezek.h"
#include "queue/directory.h"

static void
print_entry(const char *title, const struct kz_office_entry *e)
{
	printf("%s\n", title);
	printf("  key       %s\n  region    %s\n  name      %s\n  address   %s\n", e->key,
		e->region, e->name, e->address);
	printf("  official  %s\n  phones    %s\n  e-mail    %s\n", e->official, e->phones,
		e->emails[0] ? e->emails : "(none known)");
	if (e->notes[0])
		printf("  notes     %s\n", e->notes);
}

static int
load(struct kz_cli *cli, struct kz_directory **offices, struct kz_directory **akimats)
{
	int rc = kz_dir_load(cli->cfg->offices, offices, cli->err);

	if (rc == KZ_OK && (rc = kz_dir_load(cli->cfg->akimats, akimats, cli->err)) != KZ_OK) {
		kz_dir_free(*offices);
		*offices = NULL;
	}
	return rc;
}

static int
show(struct kz_cli *cli, struct kz_directory *offices, struct kz_directory *akimats)
{
	const struct kz_office_entry *office, *akimat;

	if (cli->cfg->office[0] == '\0') {
		kz_err(cli->err, KZ_ECONFIG,
			"%s: [hall] names no office; set office = KEY (find keys with 'kezek office "
			"find TEXT')",
			cli->cfg->path);
		return kz_cli_fail(cli, KZ_ECONFIG);
	}
	office = kz_dir_find(offices, cli->cfg->office);
	if (office == NULL) {
		kz_err(cli->err, KZ_ECONFIG,
			"%s: office '%s' is not in %s; find keys with 'kezek office find TEXT'",
			cli->cfg->path, cli->cfg->office, cli->cfg->offices);
		return kz_cli_fail(cli, KZ_ECONFIG);
	}
	print_entry("This office (App. 1 of the standard)", office);
	akimat = kz_dir_find(akimats, office->key);
	if (akimat)
		print_entry("\nComplaints about its service go to (App. 5, p.21-23)", akimat);
	else
		printf("\nNo App. 5 body has the key %s in %s\n", office->key, cli->cfg->akimats);
	return KZ_EXIT_OK;
}

static int
find(struct kz_cli *cli, struct kz_directory *offices, struct kz_directory *akimats)
{
	struct kz_directory *dirs[] = {offices, akimats};
	const char *labels[] = {"App.1", "App.5"};
	int found = 0;

	for (int d = 0; d < 2; d++)
		for (int i = 0; i < kz_dir_count(dirs[d]); i++) {
			const struct kz_office_entry *e = kz_dir_entry(dirs[d], i);
			if (!kz_dir_matches(e, cli->argv[1]))
				continue;
			printf("%s  %-40s %s; %s; %s\n", labels[d], e->key, e->name, e->address,
				e->phones);
			found++;
		}
	if (found == 0) {
		kz_err(cli->err, KZ_ECONFIG, "nothing in App. 1 or App. 5 matches '%s'",
			cli->argv[1]);
		return kz_cli_fail(cli, KZ_ENOTFOUND);
	}
	return KZ_EXIT_OK;
}

static int
exec(struct kz_cli *cli)
{
	struct kz_directory *offices = NULL, *akimats = NULL;
	int rc;

	if (strcmp(cli->argv[0], "show") == 0 && cli->argc != 1)
		return kz_cli_usage(cli, "'office show' takes no more arguments");
	if (strcmp(cli->argv[0], "find") == 0 && cli->argc != 2)
		return kz_cli_usage(cli, "say what to find: office find TEXT");
	if (strcmp(cli->argv[0], "show") != 0 && strcmp(cli->argv[0], "find") != 0)
		return kz_cli_usage(cli, "'%s' is not show or find", cli->argv[0]);
	if ((rc = load(cli, &offices, &akimats)) != KZ_OK)
		return kz_cli_fail(cli, rc);
	rc = cli->argv[0][0] == 's' ? show(cli, offices, akimats) : find(cli, offices, akimats);
	kz_dir_free(offices);
	kz_dir_free(akimats);
	return rc;
}

const struct kz_cmd kz_cmd_office = {
	.name = "office",
	.args = "show | find TEXT",
	.summary = N("this office and where complaints about it go (App. 1, App. 5); search both"),
	.min_args = 1,
	.max_args = 2,
	.exec = exec,
};
