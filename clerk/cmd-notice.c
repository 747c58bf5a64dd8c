/* cmd-notice.c - kezek notice-sent NUMBER: the written notice of refusal
 * (p.16) went to the applicant; it is due within one day. */
#include <string.h>

#include "kezek.h"
#include "queue/application.h"
#include "queue/clock.h"

static int
exec(struct kz_cli *cli)
{
	struct kz_application a;
	char when[32], day[11];
	int rc = kz_app_notice_sent(cli->db, cli->argv[0], &a, cli->err);

	if (rc != KZ_OK)
		return kz_cli_fail(cli, rc);
	kz_clock_format(a.notice_sent_at, "%Y-%m-%d %H:%M", when, sizeof when);
	kz_clock_day(a.notice_sent_at, day);
	printf(T("%s notice sent %s (due by %s%s)\n"), a.number, when, a.notice_due_day,
		strcmp(day, a.notice_due_day) > 0 ? T(", late") : "");
	return KZ_EXIT_OK;
}

const struct kz_cmd kz_cmd_notice_sent = {
	.name = "notice-sent",
	.args = "NUMBER",
	.summary = N("record that refused application NUMBER's notice (p.16) was sent"),
	.min_args = 1,
	.max_args = 1,
	.flags = KZ_CMD_DB,
	.exec = exec,
};
