/* test_purge.c - personal data of closed cases leaves the database after the
 * retention (p.17.7), from the file itself too; the figures stay. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/error.h"
#include "queue/idnum.h"
#include "queue/purge.h"
#include "queue/ticket.h"

static int
setup(void **state)
{
	*state = test_hall_new(NULL);
	test_open_counter(*state, 1);
	return 0;
}

static int64_t
count(const struct test_hall *h, const char *stmt)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(sql, stmt, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", stmt, sqlite3_errmsg(sql));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sql);
	return n;
}

/* Does the file at path (missing: no) hold the bytes of text? */
static int
file_holds(const char *path, const char *text)
{
	FILE *f = fopen(path, "rb");
	size_t n = strlen(text), len;
	char *buf;
	int found = 0;

	if (f == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, len, f), len);
	fclose(f);
	for (size_t i = 0; i + n <= len && !found; i++)
		found = memcmp(buf + i, text, n) == 0;
	free(buf);
	return found;
}

static int
db_holds(const struct test_hall *h, const char *text)
{
	char wal[600];

	snprintf(wal, sizeof wal, "%s-wal", h->db_path);
	return file_holds(h->db_path, text) || file_holds(wal, text);
}

static void
complaint(struct test_hall *h, const char *name, const char *text)
{
	struct kz_complaint_new c = {.counter = 1,
		.channel = KZ_CHANNEL_POST,
		.kind = KZ_COMPLAINT_SERVICE,
		.name = name,
		.contact = "Абай көшесі 1",
		.text = text};
	char err[KZ_ERR_LEN] = "";

	if (kz_complaint_add(h->db, h->cal, &c, NULL, NULL, NULL, NULL, err) != KZ_OK)
		fail_msg("complaint: %s", err);
}

/* A valid IIN of someone born 1 January 1990 with serial n. */
static void
iin(int n, char out[13])
{
	for (;; n = (n + 1) % 10000) {
		snprintf(out, 13, "9001013%04u", (unsigned)n % 10000);
		int c = kz_idnum_control(out);
		if (c >= 0) {
			out[11] = (char)('0' + c);
			out[12] = '\0';
			return;
		}
	}
}

/* Accept an individual's application; docs "" leaves the act out (refused). */
static void
application(struct test_hall *h, const char *name, const char *idnum, int complete, char *number)
{
	struct kz_app_input in = {
		.kind = KZ_APP_INDIVIDUAL,
		.name = name,
		.idnum = idnum,
		.id_doc = "удостоверение личности 041234567",
		.phone = "+7 701 234 56 78",
		.address = "Кокшетау, ул. Ауэзова 5",
		.plot_address = "Кокшетау, участок 17",
	};
	struct kz_application *a = malloc(sizeof *a);
	char err[KZ_ERR_LEN] = "";

	assert_non_null(a);
	assert_int_equal(kz_app_docs_parse(complete ? "application,id_copy,act,conclusion"
						    : "application,id_copy,conclusion",
				 &in.docs, err),
		KZ_OK);
	if (kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, a, NULL, err) != KZ_OK)
		fail_msg("accept: %s", err);
	strcpy(number, a->number);
	free(a);
}

static void
test_closed_cases_lose_personal_data_and_keep_their_figures(void **state)
{
	struct test_hall *h = *state;
	struct kz_purge_result r;
	struct kz_complaint m;
	struct kz_application *a = malloc(sizeof *a);
	char err[KZ_ERR_LEN] = "", handed[16], refused[16], uncollected[16], id1[13], id2[13],
	     id3[13];

	assert_non_null(a);
	iin(1, id1);
	iin(100, id2);
	iin(200, id3);
	/* Friday 20 March 2026 */
	complaint(h, "Жалобщик Первый", "хамство в зале");           /* answered 26 March */
	complaint(h, "Жалобщик Второй", "долгое ожидание");          /* answered 10 April */
	complaint(h, "Жалобщик Третий", "не ответили");              /* never answered */
	application(h, "Заявитель Выданный", id1, 1, handed);        /* handed over 25 March */
	application(h, "Заявитель Отказной", id2, 0, refused);       /* refused at once */
	application(h, "Заявитель Невыданный", id3, 1, uncollected); /* approved, never collected */
	test_at("2026-03-23T11:00");
	assert_int_equal(kz_app_decide(h->db, handed, 1, NULL, a, err), KZ_OK);
	assert_int_equal(kz_app_decide(h->db, uncollected, 1, NULL, a, err), KZ_OK);
	test_at("2026-03-25T11:00");
	assert_int_equal(kz_app_handover(h->db, handed, 1, NULL, NULL, a, err), KZ_OK);
	test_at("2026-03-26T11:00");
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST, "извинились", 0,
				 NULL, err),
		KZ_OK);
	test_at("2026-04-10T11:00");
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0002", KZ_CHANNEL_EMAIL, "объяснили", 0,
				 NULL, err),
		KZ_OK);

	/* a transfer's comment of 20 March, free text that may name a person */
	{
		struct kz_ticket t;
		test_at("2026-03-20T10:30");
		assert_int_equal(kz_ticket_issue(h->db, h->cal, "A", &t, err), KZ_OK);
		assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
		assert_int_equal(kz_ticket_transfer(h->db, 1, "B", "Комментарий Переводный", NULL,
					 &t, err),
			KZ_OK);
	}

	/* three years on (1095 days: cases closed before 27 March 2026) */
	test_at("2029-03-26T12:00");
	assert_int_equal(kz_purge(h->db, 1095, &r, err), KZ_OK);
	assert_int_equal(r.complaints, 1);
	assert_int_equal(r.applications, 2);
	assert_int_equal(r.kept_complaints, 3);
	assert_int_equal(r.kept_applications, 3);
	assert_true(r.compacted);

	assert_int_equal(count(h,
				 "SELECT count(*) FROM tickets WHERE transfer_comment IS NOT NULL"),
		0);
	assert_false(db_holds(h, "Комментарий Переводный"));
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0001", &m, err), KZ_OK);
	assert_string_equal(m.name, "");
	assert_string_equal(m.contact, "");
	assert_string_equal(m.summary, "");
	assert_string_equal(m.answer, "");
	assert_true(m.purged_at > 0);
	/* the figures stay: number, dates, channel, kind, term, who took it */
	assert_string_equal(m.number, "2026-C-0001");
	assert_int_equal(m.registered_at, kz_clock_from_local(2026, 3, 20, 10, 0, 0));
	assert_int_equal(m.answered_at, kz_clock_from_local(2026, 3, 26, 11, 0, 0));
	assert_int_equal(m.channel, KZ_CHANNEL_POST);
	assert_int_equal(m.answer_channel, KZ_CHANNEL_POST);
	assert_int_equal(m.kind, KZ_COMPLAINT_SERVICE);
	assert_string_equal(m.due_day, "2026-04-20");
	assert_string_equal(m.clerk, "Clerk Number1");
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0002", &m, err), KZ_OK);
	assert_string_equal(m.name, "Жалобщик Второй");
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0003", &m, err), KZ_OK);
	assert_string_equal(m.summary, "не ответили");

	assert_int_equal(kz_app_get(h->db, handed, a, err), KZ_OK);
	assert_string_equal(a->applicant, "");
	assert_string_equal(a->idnum, "");
	assert_string_equal(a->phone, "");
	assert_string_equal(a->address, "");
	assert_string_equal(a->plot_address, "");
	assert_int_equal(a->status, KZ_APP_APPROVED);
	assert_true(a->handed_at > 0);
	assert_int_equal(kz_app_get(h->db, refused, a, err), KZ_OK);
	assert_string_equal(a->applicant, "");
	assert_int_equal(a->status, KZ_APP_SUSPENDED); /* never resumed: closed all the same */
	assert_true(a->missing != 0);
	assert_int_equal(kz_app_get(h->db, uncollected, a, err), KZ_OK);
	assert_string_equal(a->applicant, "Заявитель Невыданный"); /* kept until 23 Sep 2026 */

	/* the counts the reports make are the same */
	assert_int_equal(count(h, "SELECT count(*) FROM complaints WHERE kind = 'service'"), 3);
	assert_int_equal(count(h, "SELECT count(*) FROM applications WHERE status = 'approved'"),
		2);
	/* and the text is gone from the disk, not only from the rows */
	assert_false(db_holds(h, "Жалобщик Первый"));
	assert_false(db_holds(h, "хамство в зале"));
	assert_false(db_holds(h, "извинились"));
	assert_false(db_holds(h, "Заявитель Выданный"));
	assert_false(db_holds(h, id1));
	assert_false(db_holds(h, "Заявитель Отказной"));
	assert_true(db_holds(h, "Жалобщик Второй"));
	assert_true(db_holds(h, "Заявитель Невыданный"));
	/* the log has counts only */
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'purged' AND detail ="
				 " '1 complaints, 2 applications closed before 2026-03-27'"),
		1);

	/* once more: nothing new; later, the rest */
	assert_int_equal(kz_purge(h->db, 1095, &r, err), KZ_OK);
	assert_int_equal(r.complaints + r.applications, 0);
	test_at("2029-10-05T12:00");
	assert_int_equal(kz_purge(h->db, 1095, &r, err), KZ_OK);
	assert_int_equal(r.complaints, 1); /* 2026-C-0003 is open: never purged */
	assert_int_equal(r.applications, 1);
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0003", &m, err), KZ_OK);
	assert_string_equal(m.name, "Жалобщик Третий");
	assert_int_equal(kz_db_integrity(h->db, err), KZ_OK);
	free(a);
}

static void
test_retention_is_checked_and_configured(void **state)
{
	struct test_hall *h = *state;
	struct kz_purge_result r;
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "", path[600], text[2048];

	assert_non_null(cfg);
	assert_int_equal(strncmp(test_default_ini, "[hall]\n", 7), 0);
	assert_int_equal(kz_purge(h->db, 0, &r, err), KZ_EINVAL);
	assert_non_null(strstr(err, "retention_days"));
	assert_int_equal(kz_purge(h->db, 36501, &r, err), KZ_EINVAL);
	assert_int_equal(h->cfg.retention_days, KZ_RETENTION_DAYS);
	snprintf(path, sizeof path, "%s/r.ini", h->dir);
	/* the default hall with the key first in [hall] */
	snprintf(text, sizeof text, "[hall]\nretention_days = 30\n%s", test_default_ini + 7);
	test_write_file(path, text);
	if (kz_config_load(path, cfg, err) != KZ_OK)
		fail_msg("%s", err);
	assert_int_equal(cfg->retention_days, 30);
	snprintf(text, sizeof text, "[hall]\nretention_days = forever\n%s", test_default_ini + 7);
	test_write_file(path, text);
	assert_int_equal(kz_config_load(path, cfg, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "retention_days must be a number of days"));
	/* an answered complaint of yesterday goes with a retention of 1 day */
	complaint(h, "Кто-то", "что-то");
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST, "ответ", 0,
				 NULL, err),
		KZ_OK);
	test_at("2026-03-21T10:01");
	assert_int_equal(kz_purge(h->db, 1, &r, err), KZ_OK);
	assert_int_equal(r.complaints, 1);
	assert_null(kz_purge_columns("tickets"));
	assert_string_equal(kz_purge_columns("complaints")[0], "complainant");
	free(cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_closed_cases_lose_personal_data_and_keep_their_figures, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_retention_is_checked_and_configured, setup,
			test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
