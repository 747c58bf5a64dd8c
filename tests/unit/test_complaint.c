/* test_complaint.c - the complaints journal (p.20-25): registration with its
 * talon, terms of 15 and 30 days off days off, answers, open and overdue
 * lists, no personal data in the log, and a database of schema 6 migrated. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/complaint.h"
#include "queue/schema.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/hall.h"
#include "queue/outbox.h"

static const char ini[] = "[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
			  "[service A]\nname_kk = Тапсыру\nname_ru = Сдача\n"
			  "[counter 1]\nservices = A\n"
			  "[counter 2]\nservices = A\n"
			  "[printer a4-1]\nrole = a4\ntransport = folder\naddress = a4\n";

static int
setup(void **state)
{
	*state = test_hall_new(ini);
	test_open_counter(*state, 1);
	return 0;
}

static struct kz_complaint_new
sample(void)
{
	return (struct kz_complaint_new){
		.counter = 1,
		.channel = KZ_CHANNEL_POST,
		.kind = KZ_COMPLAINT_RESULT,
		.name = "Сейтқали Ержан Болатұлы",
		.contact = "Көкшетау, Абай көшесі 1, 12",
		.text = "Бағалау актісімен келіспеймін",
	};
}

static struct kz_complaint *
add_ok(struct test_hall *h, struct kz_complaint_new c)
{
	static struct kz_complaint m;
	char err[KZ_ERR_LEN] = "";

	if (kz_complaint_add(h->db, h->cal, &c, NULL, NULL, &m, NULL, err) != KZ_OK)
		fail_msg("add: %s", err);
	return &m;
}

static int64_t
count(const struct test_hall *h, const char *stmt)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(h->db_path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sql, stmt, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(sql);
	return n;
}

/* Friday 20 March 2026 + 30 days is Sunday 19 April: due Monday 20 April. */
static void
test_registered_with_number_taker_and_30_day_term(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint *m = add_ok(h, sample());

	assert_string_equal(m->number, "2026-C-0001");
	assert_int_equal(m->registered_at, kz_clock_from_local(2026, 3, 20, 10, 0, 0));
	assert_int_equal(m->channel, KZ_CHANNEL_POST);
	assert_int_equal(m->kind, KZ_COMPLAINT_RESULT);
	assert_string_equal(m->name, "Сейтқали Ержан Болатұлы");
	assert_string_equal(m->contact, "Көкшетау, Абай көшесі 1, 12");
	assert_string_equal(m->clerk, "Clerk Number1");
	assert_string_equal(m->position, "Chief specialist");
	assert_int_equal(m->counter, 1);
	assert_int_equal(m->days, 30);
	assert_string_equal(m->due_day, "2026-04-20");
	assert_int_equal(m->answered_at, 0);
	assert_false(m->overdue);
	m = add_ok(h, sample());
	assert_string_equal(m->number, "2026-C-0002");
	/* a new year numbers from 1 again */
	test_at("2027-01-05T10:00");
	m = add_ok(h, sample());
	assert_string_equal(m->number, "2027-C-0001");
}

/* 15 days: Saturday 4 April 2026, so Monday 6 April.  From 9 April 2026:
 * 9 May (Victory Day) is a Saturday, its day off moves to Monday 11 May,
 * so the answer is due Tuesday 12 May.  From 7 April: 7 May (Defender of
 * the Fatherland Day), due Friday 8 May. */
static void
test_terms_of_15_and_30_days_end_on_a_working_day(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint_new c = sample();
	struct kz_complaint *m;

	c.days = 15;
	m = add_ok(h, c);
	assert_int_equal(m->days, 15);
	assert_string_equal(m->due_day, "2026-04-06");
	test_at("2026-04-09T11:00");
	m = add_ok(h, sample());
	assert_string_equal(m->due_day, "2026-05-12");
	test_at("2026-04-07T11:00");
	m = add_ok(h, sample());
	assert_string_equal(m->due_day, "2026-05-08");
	/* a term that ends on a working day stays: 2 March + 30 = 1 April (Wednesday) */
	test_at("2026-03-02T11:00");
	m = add_ok(h, sample());
	assert_string_equal(m->due_day, "2026-04-01");
}

static void
test_wrong_input_is_refused_and_nothing_is_recorded(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint_new c;
	char err[KZ_ERR_LEN] = "", long_text[KZ_COMPLAINT_TEXT_MAX + 2];

#define REFUSED(code, field, value, words)                                                         \
	do {                                                                                       \
		c = sample();                                                                      \
		c.field = value;                                                                   \
		assert_int_equal(kz_complaint_add(h->db, h->cal, &c, NULL, NULL, NULL, NULL, err), \
			code);                                                                     \
		if (strstr(err, words) == NULL)                                                    \
			fail_msg("'%s' lacks '%s'", err, words);                                   \
	} while (0)
	REFUSED(KZ_EINVAL, channel, KZ_CHANNEL_NONE, "in_person, post or email");
	REFUSED(KZ_EINVAL, kind, KZ_COMPLAINT_KIND_NONE, "result");
	/* as typed: the words are parsed at the edge, naming the ones taken */
	assert_int_equal(kz_complaint_channel_parse("fax", "how a complaint comes", &c.channel,
				 err),
		KZ_EINVAL);
	assert_non_null(
		strstr(err, "'fax' is not how a complaint comes; say in_person, post or email"));
	assert_int_equal(kz_complaint_kind_parse("weather", &c.kind, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'weather' is not a kind of complaint; say result"));
	REFUSED(KZ_EINVAL, days, 20, "15 or 30");
	REFUSED(KZ_EINVAL, name, "", "name");
	REFUSED(KZ_EINVAL, text, NULL, "'text: ...'");
	REFUSED(KZ_EINVAL, contact, "", "'contact: ...'"); /* an answer by post needs an address */
	REFUSED(KZ_EINVAL, text, "\xd0\x41 broken", "UTF-8");
	REFUSED(KZ_EINVAL, name, "tab\tand\x1b escape", "UTF-8");
	memset(long_text, 'a', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	REFUSED(KZ_EINVAL, text, long_text, "longer than");
	REFUSED(KZ_ENOTFOUND, counter, 9, "no counter 9");
	REFUSED(KZ_EREJECT, counter, 2, "counter 2 is closed");
	/* an unknown printer fails the whole registration */
	c = sample();
	assert_int_equal(kz_complaint_add(h->db, h->cal, &c, "nowhere", "kk", NULL, NULL, err),
		KZ_ENOTFOUND);
	assert_int_equal(kz_complaint_add(h->db, h->cal, &c, "a4-1", "en", NULL, NULL, err),
		KZ_EINVAL);
#undef REFUSED
	assert_int_equal(count(h, "SELECT count(*) FROM complaints"), 0);
	/* in person, no contact is needed: the answer is handed over here */
	c = sample();
	assert_int_equal(kz_complaint_channel_parse("in-person", "how a complaint comes",
				 &c.channel, err),
		KZ_OK);
	c.contact = NULL;
	assert_string_equal(add_ok(h, c)->number, "2026-C-0001");
	assert_int_equal(add_ok(h, c)->channel, KZ_CHANNEL_IN_PERSON);
	assert_string_equal(kz_complaint_channel_name(KZ_CHANNEL_IN_PERSON), "in_person");
}

static void
test_named_clerk_may_take_it_away_from_a_counter(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint_new c = sample();
	struct kz_complaint *m;

	c.counter = 0;
	c.clerk = "Әбдіров Нұрлан";
	c.position = "Бас маман";
	c.channel = KZ_CHANNEL_EMAIL;
	c.contact = "erzhan@example.kz";
	m = add_ok(h, c);
	assert_string_equal(m->clerk, "Әбдіров Нұрлан");
	assert_string_equal(m->position, "Бас маман");
	assert_int_equal(m->counter, 0);
}

/* The log says what happened, never who complained or what about. */
static void
test_event_log_holds_no_personal_data(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";

	add_ok(h, sample());
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST,
				 "Акт қайта қаралды", 1, NULL, err),
		KZ_OK);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'complaint_added'"
				 " AND detail LIKE '2026-C-0001 result post 30 days, due 2026-04-20'"
				 " AND clerk_id IS NOT NULL AND counter_id IS NOT NULL"),
		1);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE kind = 'complaint_answered'"
				 " AND detail = '2026-C-0001 post'"),
		1);
	assert_int_equal(count(h,
				 "SELECT count(*) FROM events WHERE detail LIKE '%Сейтқали%'"
				 " OR detail LIKE '%Көкшетау%' OR detail LIKE '%келіспеймін%'"
				 " OR detail LIKE '%қайта%'"),
		0);
}

static void
test_answer_is_recorded_once_with_its_channel(void **state)
{
	struct test_hall *h = *state;
	enum kz_complaint_channel ch;
	struct kz_complaint m;
	char err[KZ_ERR_LEN] = "";

	add_ok(h, sample());
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0009", KZ_CHANNEL_POST, "x", 0, &m,
				 err),
		KZ_ENOTFOUND);
	assert_non_null(strstr(err, "no complaint 2026-C-0009"));
	assert_int_equal(kz_complaint_channel_parse("pigeon", "how an answer is given", &ch, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "'pigeon' is not how an answer is given"));
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_NONE, "x", 0, &m,
				 err),
		KZ_EINVAL);
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST, "", 0, &m, err),
		KZ_EINVAL);
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST, "x", 2, &m,
				 err),
		KZ_EREJECT);
	test_at("2026-04-10T15:30");
	assert_int_equal(kz_complaint_channel_parse("e-mail", "how an answer is given", &ch, err),
		KZ_OK);
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", ch, "Акт қайта қаралды", 1, &m,
				 err),
		KZ_OK);
	assert_int_equal(m.answered_at, kz_clock_from_local(2026, 4, 10, 15, 30, 0));
	assert_int_equal(m.answer_channel, KZ_CHANNEL_EMAIL);
	assert_string_equal(m.answer, "Акт қайта қаралды");
	assert_string_equal(m.answer_clerk, "Clerk Number1");
	assert_false(m.late);
	assert_false(m.overdue);
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0001", KZ_CHANNEL_POST, "again", 0, &m,
				 err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "was answered on 2026-04-10 15:30"));
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0001", &m, err), KZ_OK);
	assert_string_equal(m.answer, "Акт қайта қаралды");
}

struct seen {
	int n;
	char numbers[8][24];
};

static int
collect(const struct kz_complaint *m, void *arg)
{
	struct seen *s = arg;

	if (s->n < 8)
		snprintf(s->numbers[s->n++], 24, "%s", m->number);
	return 0;
}

static int
list(struct test_hall *h, enum kz_complaint_filter f, struct seen *s)
{
	char err[KZ_ERR_LEN] = "";
	int n = -1;

	memset(s, 0, sizeof *s);
	if (kz_complaint_list(h->db, f, collect, s, &n, err) != KZ_OK)
		fail_msg("list: %s", err);
	assert_int_equal(n, s->n);
	return n;
}

/* Overdue from the day after the due day while unanswered; an answer after
 * the due day is late, and no longer overdue. */
static void
test_open_and_overdue_lists(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint_new c = sample();
	struct kz_complaint m;
	char err[KZ_ERR_LEN] = "";
	struct seen s;

	add_ok(h, c); /* 0001: due 20 April */
	c.days = 15;
	add_ok(h, c); /* 0002: due 6 April */
	add_ok(h, c); /* 0003: due 6 April */
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0003", KZ_CHANNEL_POST, "done", 0, NULL,
				 err),
		KZ_OK);
	assert_int_equal(list(h, KZ_COMPLAINTS_ALL, &s), 3);
	assert_int_equal(list(h, KZ_COMPLAINTS_OPEN, &s), 2);
	assert_string_equal(s.numbers[0], "2026-C-0001");
	assert_string_equal(s.numbers[1], "2026-C-0002");
	assert_int_equal(list(h, KZ_COMPLAINTS_OVERDUE, &s), 0);
	test_at("2026-04-06T17:59"); /* the due day itself is still in time */
	assert_int_equal(list(h, KZ_COMPLAINTS_OVERDUE, &s), 0);
	test_at("2026-04-07T09:00");
	assert_int_equal(list(h, KZ_COMPLAINTS_OVERDUE, &s), 1);
	assert_string_equal(s.numbers[0], "2026-C-0002");
	assert_int_equal(kz_complaint_get(h->db, "2026-C-0002", &m, err), KZ_OK);
	assert_true(m.overdue);
	assert_int_equal(kz_complaint_answer(h->db, "2026-C-0002", KZ_CHANNEL_POST, "late", 0, &m,
				 err),
		KZ_OK);
	assert_true(m.late);
	assert_false(m.overdue);
	assert_int_equal(list(h, KZ_COMPLAINTS_OVERDUE, &s), 0);
	test_at("2026-04-21T09:00");
	assert_int_equal(list(h, KZ_COMPLAINTS_OVERDUE, &s), 1);
	assert_string_equal(s.numbers[0], "2026-C-0001");
	assert_int_equal(list(h, KZ_COMPLAINTS_OPEN, &s), 1);
}

/* The talon's job names the complaint, and so does a reprint of it. */
static void
test_talon_is_queued_with_the_complaint_and_reprinted_alike(void **state)
{
	struct test_hall *h = *state;
	struct kz_complaint_new c = sample();
	struct kz_complaint m, p;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0, again = 0;

	assert_int_equal(kz_complaint_add(h->db, h->cal, &c, "a4-1", "ru", &m, &job, err), KZ_OK);
	assert_true(job > 0);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_outbox_doc_name(j.document), "talon");
	assert_string_equal(j.lang, "ru");
	assert_int_equal(j.state, KZ_JOB_QUEUED);
	assert_int_equal(kz_complaint_of_job(h->db, job, &p, err), KZ_OK);
	assert_string_equal(p.number, m.number);
	assert_int_equal(kz_outbox_claim(h->db, "a4-1", &j, err), KZ_OK);
	assert_int_equal(kz_outbox_done(h->db, job, err), KZ_OK);
	assert_int_equal(kz_outbox_reprint(h->db, job, &again, err), KZ_OK);
	assert_int_equal(kz_complaint_of_job(h->db, again, &p, err), KZ_OK);
	assert_string_equal(p.number, "2026-C-0001");
	/* a ticket's job prints no complaint */
	assert_int_equal(kz_outbox_add(h->db, "a4-1", KZ_DOC_TEST, "kk", &job, err), KZ_OK);
	assert_int_equal(kz_complaint_of_job(h->db, job, &p, err), KZ_ENOTFOUND);
}

/* A database made before complaints existed (schema 6) opens with its
 * tickets and print jobs, and takes complaints and PINs. */
static void
test_schema_6_database_is_migrated_with_its_data(void **state)
{
	struct test_hall *h = *state;
	struct kz_db *old = NULL, *db = NULL;
	struct kz_complaint_new c = sample();
	struct kz_complaint m;
	struct kz_ticket t;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "", path[600];
	int64_t job = 0;

	snprintf(path, sizeof path, "%s/old.db", h->dir);
	assert_int_equal(kz_db_open(path, KZ_DB_CREATE | KZ_DB_NO_MIGRATE, &old, err), KZ_OK);
	assert_int_equal(kz_db_migrate_to(old, 6, err), KZ_OK);
	assert_int_equal(kz_db_version(old), 6);
	assert_int_equal(kz_hall_sync(old, &h->cfg, NULL, err), KZ_OK);
	assert_int_equal(kz_ticket_issue_print(old, h->cal, "A", "a4-1", "kk", &t, &job, err),
		KZ_OK);
	assert_int_equal(kz_counter_open(old, 1, "Old Clerk", "Specialist", err), KZ_OK);
	kz_db_close(old);

	if (kz_db_open(path, 0, &db, err) != KZ_OK)
		fail_msg("%s", err);
	assert_int_equal(kz_db_version(db), kz_db_latest_version()); /* the latest */
	assert_int_equal(kz_ticket_find(db, "A-001", NULL, &t, err), KZ_OK);
	assert_int_equal(kz_outbox_get(db, job, &j, err), KZ_OK);
	assert_string_equal(j.number, "A-001");
	assert_int_equal(kz_complaint_add(db, h->cal, &c, "a4-1", "kk", &m, &job, err), KZ_OK);
	assert_string_equal(m.number, "2026-C-0001");
	assert_string_equal(m.clerk, "Old Clerk");
	assert_int_equal(kz_complaint_of_job(db, job, &m, err), KZ_OK);
	assert_int_equal(kz_db_integrity(db, err), KZ_OK);
	kz_db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_registered_with_number_taker_and_30_day_term,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_terms_of_15_and_30_days_end_on_a_working_day,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_wrong_input_is_refused_and_nothing_is_recorded,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_named_clerk_may_take_it_away_from_a_counter,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_event_log_holds_no_personal_data, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_answer_is_recorded_once_with_its_channel,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_open_and_overdue_lists, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(
			test_talon_is_queued_with_the_complaint_and_reprinted_alike, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_schema_6_database_is_migrated_with_its_data,
			setup, test_hall_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
