/* test_db.c - opening, creating and migrating the hall database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/application.h"
#include "queue/backup.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/hall.h"
#include "queue/history.h"
#include "queue/sql.h"
#include "queue/status.h"
#include "queue/ticket.h"

static void
test_new_database_is_private_current_and_sound(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", wal[600];
	struct kz_ticket t;
	struct stat st;

	assert_int_equal(stat(h->db_path, &st), 0);
	/* p.17.7: only the service's own user may read it */
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(kz_db_version(h->db), kz_db_latest_version());
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "A", &t, err), KZ_OK);
	/* WAL mode: the write went to the -wal file beside it */
	snprintf(wal, sizeof wal, "%s-wal", h->db_path);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(kz_db_integrity(h->db, err), KZ_OK);
}

static void
test_missing_database_is_not_created_without_asking(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", path[600];
	struct kz_db *db = (struct kz_db *)1;

	snprintf(path, sizeof path, "%s/other.db", h->dir);
	assert_int_equal(kz_db_open(path, 0, &db, err), KZ_EDB);
	assert_null(db);
	assert_non_null(strstr(err, "kezek init"));
	assert_int_equal(access(path, F_OK), -1);
}

static void
test_file_that_is_not_a_database_is_refused(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", path[600];
	struct kz_db *db = NULL;

	snprintf(path, sizeof path, "%s/notes.txt", h->dir);
	test_write_file(path,
		"these are somebody's notes, not a database, and they are long "
		"enough to fill the first page header of an SQLite file.......\n");
	assert_int_equal(kz_db_open(path, 0, &db, err), KZ_EDB);
	assert_null(db);
	assert_non_null(strstr(err, "notes.txt"));
}

/* What the first build wrote for and B-001 issued, counter
 * 1 opened by Old Clerk and A-001 called, in the SQL of schema version 1:
 * this build's operations need the columns later steps add. */
static void
write_version_1_rows(struct kz_db *old)
{
	char day[11], sql[3000];
	long long now = (long long)kz_clock_now();

	kz_clock_day(now, day);
	snprintf(sql, sizeof sql,
		"INSERT INTO clerks (full_name, position) VALUES ('Old Clerk', 'Specialist');"
		"INSERT INTO day_sequences (day, service_id, last) SELECT '%1$s', id,"
		" CASE code WHEN 'A' THEN 2 ELSE 1 END FROM services WHERE code IN ('A', 'B');"
		"INSERT INTO tickets (day, service_id, seq, number, issued_at)"
		" SELECT '%1$s', id, 1, code || '-001', %2$lld FROM services WHERE code IN ('A', 'B')"
		" ORDER BY code;"
		"INSERT INTO tickets (day, service_id, seq, number, issued_at)"
		" SELECT '%1$s', id, 2, 'A-002', %2$lld FROM services WHERE code = 'A';"
		"INSERT INTO events (at, kind, ticket_id, service_id)"
		" SELECT issued_at, 'issued', id, service_id FROM tickets ORDER BY id;"
		"UPDATE counters SET state = 'open', clerk_id = (SELECT id FROM clerks)"
		" WHERE number = 1;"
		"INSERT INTO events (at, kind, counter_id, clerk_id)"
		" SELECT %2$lld, 'counter_opened', id, clerk_id FROM counters WHERE number = 1;"
		"UPDATE tickets SET state = 'called', called_at = %2$lld,"
		" counter_id = (SELECT id FROM counters WHERE number = 1),"
		" clerk_id = (SELECT id FROM clerks) WHERE number = 'A-001';"
		"UPDATE counters SET ticket_id = (SELECT id FROM tickets WHERE number = 'A-001')"
		" WHERE number = 1;"
		"INSERT INTO events (at, kind, ticket_id, counter_id, clerk_id)"
		" SELECT %2$lld, 'called', id, counter_id, clerk_id FROM tickets"
		" WHERE number = 'A-001';",
		day, now);
	assert_int_equal(sqlite3_exec(kz_db_sql(old), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A database made at schema version 1 (as the first build made it) opens
 * in this build with its tickets, events, counters and sequences kept. */
static void
test_version_1_database_is_migrated_with_its_data(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "", path[600];
	struct kz_db *old = NULL, *db = NULL;
	struct kz_ticket t;
	int64_t audited = 0;

	snprintf(path, sizeof path, "%s/old.db", h->dir);
	assert_int_equal(kz_db_open(path, KZ_DB_CREATE | KZ_DB_NO_MIGRATE, &old, err), KZ_OK);
	assert_int_equal(kz_db_migrate_to(old, 1, err), KZ_OK);
	assert_int_equal(kz_db_version(old), 1);
	assert_int_equal(kz_hall_sync(old, &h->cfg, NULL, err), KZ_OK);
	write_version_1_rows(old);
	kz_db_close(old);

	if (kz_db_open(path, 0, &db, err) != KZ_OK)
		fail_msg("%s", err);
	assert_int_equal(kz_db_version(db), kz_db_latest_version());
	assert_int_equal(kz_ticket_find(db, "A-001", NULL, &t, err), KZ_OK);
	assert_int_equal(t.state, KZ_TICKET_CALLED);
	assert_int_equal(t.counter, 1);
	assert_string_equal(t.clerk, "Old Clerk");
	assert_int_equal(kz_ticket_find(db, "B-001", NULL, &t, err), KZ_OK);
	assert_int_equal(t.state, KZ_TICKET_WAITING);
	/* the daily sequence went on where it was */
	assert_int_equal(kz_ticket_issue(db, h->cal, "A", &t, err), KZ_OK);
	assert_string_equal(t.number, "A-003");
	assert_int_equal(kz_ticket_finish(db, 1, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	assert_int_equal(kz_history_audit(db, &audited, err), KZ_OK);
	assert_int_equal(audited, 4);
	assert_int_equal(kz_db_integrity(db, err), KZ_OK);
	kz_db_close(db);
}

static void
test_configuration_changes_reach_the_database(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_config *cfg = malloc(sizeof *cfg);
	struct kz_status *s = malloc(sizeof *s);
	struct kz_ticket t;
	int changed = 0;

	assert_non_null(cfg);
	assert_non_null(s);
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "C", &t, err), KZ_OK);
	/* C is withdrawn, D added; counter 4 (C only) goes */
	test_write_file(h->config_path,
		"[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
		"[service A]\nname_kk = a\nname_ru = a\n"
		"[service B]\nname_kk = b\nname_ru = b\n"
		"[service D]\nname_kk = d\nname_ru = d\n"
		"[counter 1]\nservices = A, B, D\n");
	assert_int_equal(kz_config_load(h->config_path, cfg, err), KZ_OK);
	assert_int_equal(kz_hall_sync(h->db, cfg, &changed, err), KZ_OK);
	assert_int_equal(changed, 1);
	assert_int_equal(kz_hall_sync(h->db, cfg, &changed, err), KZ_OK);
	assert_int_equal(changed, 0);
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "D", &t, err), KZ_OK);
	assert_string_equal(t.number, "D-001");
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "C", &t, err), KZ_ENOTFOUND);
	assert_non_null(strstr(err, "A, B, D"));
	assert_int_equal(kz_counter_open(h->db, 4, "X Y", "Z", err), KZ_ENOTFOUND);
	/* the withdrawn service's ticket is kept */
	assert_int_equal(kz_ticket_find(h->db, "C-001", NULL, &t, err), KZ_OK);
	assert_int_equal(kz_status_read(h->db, s, err), KZ_OK);
	assert_int_equal(s->nservices, 3);
	assert_int_equal(s->ncounters, 1);
	free(cfg);
	free(s);
}

static void
test_counter_with_a_visitor_cannot_leave_the_configuration(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	struct kz_config *cfg = malloc(sizeof *cfg);
	struct kz_ticket t;

	assert_non_null(cfg);
	test_open_counter(h, 4);
	assert_int_equal(kz_ticket_issue(h->db, h->cal, "C", &t, err), KZ_OK);
	assert_int_equal(kz_ticket_next(h->db, 4, &t, err), KZ_OK);
	test_write_file(h->config_path,
		"[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
		"[service C]\nname_kk = c\nname_ru = c\n"
		"[counter 1]\nservices = C\n");
	assert_int_equal(kz_config_load(h->config_path, cfg, err), KZ_OK);
	assert_int_equal(kz_hall_sync(h->db, cfg, NULL, err), KZ_EREJECT);
	assert_non_null(strstr(err, "counter 4"));
	/* nothing changed: counter 4 still holds its visitor */
	assert_int_equal(kz_ticket_finish(h->db, 4, KZ_SERVED, NULL, NULL, &t, err), KZ_OK);
	free(cfg);
}

/* The event log's words: every kind has one, each converts back, an
 * unknown word is KZ_EVENT_OTHER, which is never written; a ticket's end
 * is logged under its outcome's word. */
static void
test_event_kinds_and_their_column_words(void **state)
{
	static const char *const words[] = {"issued", "requeued", "called", "recalled", "started",
		"served", "no_show", "transferred", "cancelled", "office_closed", "print_unseen",
		"counter_opened", "counter_resumed", "counter_paused", "counter_closed",
		"clerk_login", "login_failed", "clerk_pin_set", "app_registered", "app_refused",
		"app_approved", "app_rejected", "app_handed_over", "app_notice_sent",
		"app_suspended", "app_resumed", "complaint_added", "complaint_answered", "feedback",
		"purged", "print_asked", "print_expired", "postponed", "returned", "hall_request",
		"hall_refused"};
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(KZ_EVENT_COUNT - 1, sizeof words / sizeof words[0]);
	for (int k = KZ_EVENT_OTHER + 1; k < KZ_EVENT_COUNT; k++) {
		assert_string_equal(kz_event_name((enum kz_event_kind)k), words[k - 1]);
		assert_int_equal(kz_event_from_db(words[k - 1]), k);
	}
	assert_string_equal(kz_event_name(KZ_EVENT_OTHER), "?");
	assert_int_equal(kz_event_from_db("lunch"), KZ_EVENT_OTHER);
	assert_int_equal(kz_event_from_db(NULL), KZ_EVENT_OTHER);
	for (int o = KZ_SERVED; o <= KZ_OFFICE_CLOSED; o++) {
		enum kz_event_kind e = kz_event_of_outcome((enum kz_outcome)o);
		assert_string_equal(kz_event_name(e), kz_outcome_name((enum kz_outcome)o));
		assert_int_equal(kz_event_outcome(e), o);
	}
	assert_int_equal(kz_event_of_outcome(KZ_OUTCOME_NONE), KZ_EVENT_OTHER);
	assert_int_equal(kz_event_outcome(KZ_EVENT_CALLED), KZ_OUTCOME_NONE);
	assert_int_equal(kz_event_add(h->db, 0, KZ_EVENT_OTHER, 0, 0, 0, 0, NULL, err), KZ_EINVAL);
	assert_int_equal(kz_event_add(h->db, 0, KZ_EVENT_COUNT, 0, 0, 0, 0, NULL, err), KZ_EINVAL);
}

/* A version-9 database: its refusals for missing documents were the
 * suspensions their notices promised, and a receipt it printed counts as
 * printed; every reference holds after the applications table is rebuilt. */
static void
test_version_9_refusals_become_suspensions(void **state)
{
	struct test_hall *h = *state;
	struct kz_db *old, *db;
	struct kz_application a;
	char path[600], err[KZ_ERR_LEN] = "";

	snprintf(path, sizeof path, "%s/old9.db", h->dir);
	assert_int_equal(kz_db_open(path, KZ_DB_CREATE | KZ_DB_NO_MIGRATE, &old, err), KZ_OK);
	assert_int_equal(kz_db_migrate_to(old, 9, err), KZ_OK);
	assert_int_equal(kz_hall_sync(old, &h->cfg, NULL, err), KZ_OK);
	assert_int_equal(
		sqlite3_exec(kz_db_sql(old),
			"INSERT INTO clerks (full_name, position) VALUES ('Old Clerk', 'S');"
			"INSERT INTO printers (name, role) VALUES ('desk', 'receipts');"
			"INSERT INTO applications (year, seq, number, kind, accepted_at, day,"
			" due_day, clerk_id, status, docs, missing, notice_due_day,"
			" suspended_until) VALUES (2026, 1, '2026-0001', 'individual', 1,"
			" '2026-03-20', '2026-03-30', 1, 'refused', 1, 2, '2026-03-26',"
			" '2026-03-30');"
			"INSERT INTO applications (year, seq, number, kind, accepted_at, day,"
			" due_day, clerk_id, status, docs) VALUES (2026, 2, '2026-0002',"
			" 'individual', 1, '2026-03-20', '2026-03-30', 1, 'registered', 3);"
			"INSERT INTO application_act_rows VALUES (2, 1, 'z', 1, 1, 1, 1);"
			"INSERT INTO print_jobs (printer_id, document, lang, created_at, state,"
			" done_at, application_id) VALUES (1, 'receipt', 'kk', 5, 'done', 7, 2);",
			NULL, NULL, NULL),
		SQLITE_OK);
	kz_db_close(old);

	if (kz_db_open(path, 0, &db, err) != KZ_OK)
		fail_msg("%s", err);
	assert_int_equal(kz_db_version(db), kz_db_latest_version());
	assert_int_equal(kz_app_get(db, "2026-0001", &a, err), KZ_OK);
	assert_int_equal(a.status, KZ_APP_SUSPENDED);
	assert_string_equal(a.suspended_until, "2026-03-30");
	assert_string_equal(a.lang, "kk");
	assert_int_equal(kz_app_get(db, "2026-0002", &a, err), KZ_OK);
	assert_int_equal(a.status, KZ_APP_REGISTERED);
	assert_int_equal(a.receipt_printed_at, 7);
	assert_int_equal(a.nact, 1);
	assert_int_equal(kz_app_get_job(db, 1, &a, err), KZ_OK); /* the job still points to it */
	assert_string_equal(a.number, "2026-0002");
	assert_int_equal(kz_db_integrity(db, err), KZ_OK);
	kz_db_close(db);
}

/* The copies' folder, one answer for kezek backup and kezek doctor:
 * backups/ beside the database file. */
static void
test_backup_folder_is_beside_the_database(void **state)
{
	char out[64];

	(void)state;
	kz_backup_folder("/var/lib/kezek/hall.db", out, sizeof out);
	assert_string_equal(out, "/var/lib/kezek/backups");
	kz_backup_folder("hall.db", out, sizeof out);
	assert_string_equal(out, "backups");
	kz_backup_folder("/hall.db", out, sizeof out);
	assert_string_equal(out, "/backups");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_database_is_private_current_and_sound,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_missing_database_is_not_created_without_asking,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_file_that_is_not_a_database_is_refused,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_version_9_refusals_become_suspensions,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_version_1_database_is_migrated_with_its_data,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_configuration_changes_reach_the_database,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(
			test_counter_with_a_visitor_cannot_leave_the_configuration, test_hall_setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_event_kinds_and_their_column_words,
			test_hall_setup, test_hall_teardown),
		cmocka_unit_test(test_backup_folder_is_beside_the_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
