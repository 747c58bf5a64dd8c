/*
 * test_kiosk.c - the kiosk used as a visitor and an administrator would:
 * touches and clicks go through SDL's event queue to the kiosk running on
 * the offscreen driver; the tests check what reached the database and the
 * print outbox, and what the screen says.
 */
#include <SDL.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "kiosk_helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/feedback.h"
#include "queue/outbox.h"

#define TICKETS "SELECT count(*) FROM tickets"
#define TICKET_JOBS                                                                                \
	"SELECT count(*) FROM print_jobs j JOIN printers p ON p.id = j.printer_id"                 \
	" WHERE p.name = 'kiosk-1' AND j.document = 'ticket'"

/* The next waiting visitor served at counter 2, as its clerk would. */
static void
serve_next(struct kt *t)
{
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket tk;
	int rc = kz_counter_open(t->hall->db, 2, "Clerk Number2", "Chief specialist", err);

	if (rc != KZ_OK && rc != KZ_EREJECT) /* already open under this clerk */
		fail_msg("open counter 2: %s", err);
	if (kz_ticket_next(t->hall->db, 2, &tk, err) != KZ_OK ||
		kz_ticket_start(t->hall->db, 2, &tk, err) != KZ_OK ||
		kz_ticket_finish(t->hall->db, 2, KZ_SERVED, NULL, tk.number, &tk, err) != KZ_OK)
		fail_msg("serving at counter 2: %s", err);
}

/* On the ballot screen: the service's letter (key.p.N, if the hall has
 * several), the digits, OK. */
static void
type_ballot(struct kt *t, int letter, const char *digits)
{
	char key[16];

	if (letter >= 0) {
		snprintf(key, sizeof key, "key.p.%d", letter);
		kt_tap(t, key);
	}
	for (const char *d = digits; *d != '\0'; d++) {
		snprintf(key, sizeof key, "key.%c", *d);
		kt_tap(t, key);
	}
	kt_tap(t, "key.ok");
}

/* Three services: choose one, confirm, and the ticket is issued and sent
 * to the kiosk's printer in the visitor's language. */
static void
test_take_a_ticket(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	kt_tap(t, "lang.ru");
	assert_true(kt_shows(t, "Взять талон"));
	kt_tap(t, "ticket");
	assert_string_equal(kz_kiosk_screen(t->k), "services");
	kt_tap(t, "service.B");
	assert_string_equal(kz_kiosk_screen(t->k), "confirm");
	assert_string_equal(kt_text(t, "service"), "Получение результата");
	assert_int_equal(kt_count(t, TICKETS), 0); /* nothing issued before confirming */
	kt_tap(t, "take");
	assert_string_equal(kz_kiosk_screen(t->k), "issued");
	assert_string_equal(kt_text(t, "number"), "B-001");
	assert_int_equal(kt_count(t, TICKETS), 1);
	assert_int_equal(kt_count(t, TICKET_JOBS " AND j.lang = 'ru'"), 1);
	assert_true(kt_shows(t, "Талон печатается"));
	kt_free(t);
}

/* With one service there is nothing to choose: one tap to the confirmation. */
static void
test_one_service(void **state)
{
	struct kt *t = kt_new(1920, 1080, 1, -1);

	(void)state;
	kt_tap(t, "ticket");
	assert_string_equal(kz_kiosk_screen(t->k), "confirm");
	kt_tap(t, "take");
	assert_string_equal(kt_text(t, "number"), "A-001");
	assert_int_equal(kt_count(t, TICKET_JOBS " AND j.lang = 'kk'"), 1);
	kt_free(t);
}

/* People ahead and the wait, from the queue now: 3 waiting for A, one
 * counter open and free, no visits today yet: called after 3 visits of the
 * typical 10 minutes, told as a range around 30 minutes. */
static void
test_people_ahead_and_wait(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	test_open_counter(t->hall, 1);
	for (int i = 0; i < 3; i++)
		test_issue(t->hall, "A");
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	assert_string_equal(kt_text(t, "ahead"), "Алдыңызда 3 адам");
	assert_string_equal(kt_text(t, "estimate"), "Болжалды күту уақыты: 20–40 мин.");
	kt_tap(t, "take");
	assert_string_equal(kt_text(t, "number"), "A-004");
	assert_string_equal(kt_text(t, "ahead"), "Алдыңызда 3 адам");
	assert_string_equal(kt_text(t, "estimate"), "Болжалды күту уақыты: 20–40 мин.");
	kt_free(t);
}

/* Taken at 12:40 with three ahead at one counter: 12:40, 12:50, then lunch;
 * the third at 14:00, this one at about 14:10.  The screen says so, not
 * "about 30 minutes". */
static void
test_wait_across_lunch_is_a_time_after_it(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	test_at("2026-03-20T12:40");
	test_open_counter(t->hall, 1);
	for (int i = 0; i < 3; i++)
		test_issue(t->hall, "A");
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	assert_string_equal(kt_text(t, "estimate"),
		"Сізді түскі үзілістен кейін, шамамен сағат 14:10 шақырады.");
	kt_tap(t, "home");
	kt_tap(t, "lang.ru");
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	assert_string_equal(kt_text(t, "estimate"),
		"Вас вызовут после обеденного перерыва, примерно в 14:10.");
	kt_free(t);
}

/* At 17:00 with six ahead at one counter the seventh call would be at
 * 18:00, closing: the visitor is told before taking the ticket, may still
 * take it, and the ticket's screen says the same. */
static void
test_closing_first_is_told_before_the_ticket(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	test_at("2026-03-20T17:00");
	test_open_counter(t->hall, 1);
	for (int i = 0; i < 6; i++)
		test_issue(t->hall, "A");
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	assert_string_equal(kz_kiosk_screen(t->k), "confirm");
	assert_true(kt_shows(t,
		"Кезек ұзын: бөлім жабылғанға дейін (сағат 18:00) сізді шақырып "
		"үлгермеуі мүмкін. Талонды бәрібір алуға болады."));
	kt_tap(t, "take");
	assert_string_equal(kt_text(t, "number"), "A-007");
	assert_string_equal(kt_text(t, "ahead"), "Алдыңызда 6 адам");
	assert_string_equal(kt_text(t, "estimate"),
		"Кезек ұзын: бөлім жабылғанға дейін (сағат 18:00) сізді шақырып үлгермеуі "
		"мүмкін.");
	kt_free(t);
}

/* Two touches in quick succession on "take" issue one ticket, and a
 * second ticket must wait for the kiosk's pause: the roll is safe. */
static void
test_double_tap_and_pause(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, 0); /* the real double-tap guard */
	char code[KZ_BALLOT_CODE_LEN], key[16];

	(void)state;
	kt_tap(t, "ticket");
	kt_guard_over(t);
	kt_tap(t, "service.A");
	kt_guard_over(t);
	kt_push_tap(t, "take");
	kt_push_tap(t, "take");
	kt_step(t);
	kt_step(t);
	kt_step(t);
	assert_int_equal(kt_count(t, TICKETS), 1);
	assert_string_equal(kz_kiosk_screen(t->k), "issued");
	kt_guard_over(t);
	kt_tap(t, "home");
	kt_guard_over(t);
	kt_tap(t, "ticket");
	kt_guard_over(t);
	kt_tap(t, "service.A");
	kt_guard_over(t);
	kt_tap(t, "take"); /* within the 5-second pause */
	assert_int_equal(kt_count(t, TICKETS), 1);
	assert_string_equal(kz_kiosk_screen(t->k), "confirm");
	assert_true(kt_shows(t, "бірнеше секунд"));
	kz_clock_set(kz_clock_now() + 6);
	kt_guard_over(t);
	kt_tap(t, "take");
	assert_int_equal(kt_count(t, TICKETS), 2);
	assert_string_equal(kt_text(t, "number"), "A-002");
	/* a double tap on an answer answers one question, not two */
	serve_next(t);
	kt_guard_over(t);
	kt_tap(t, "home");
	kt_guard_over(t);
	kt_tap(t, "feedback");
	kt_guard_over(t);
	kt_tap(t, "key.p.0");
	kt_guard_over(t);
	kt_tap(t, "key.1");
	kt_guard_over(t);
	kt_tap(t, "key.ok");
	kt_code_of(t, "A-001", code);
	for (const char *d = code; *d != '\0'; d++) {
		snprintf(key, sizeof key, "key.%c", *d);
		kt_guard_over(t);
		kt_tap(t, key);
	}
	kt_guard_over(t);
	kt_tap(t, "key.ok");
	kt_guard_over(t);
	assert_string_equal(kz_kiosk_screen(t->k), "feedback");
	kt_push_tap(t, "yes");
	kt_push_tap(t, "yes");
	kt_step(t);
	kt_step(t);
	assert_true(kt_shows(t, "Сұрақ 2 / 4"));
	kt_free(t);
}

/* The mouse works like a finger (an installer's desk, a kiosk with a mouse). */
static void
test_mouse_click(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	const struct kz_item *b;

	(void)state;
	b = kz_scene_find(kz_kiosk_scene(t->k), "btn.about");
	assert_non_null(b);
	kt_click(t, b->x + 5, b->y + 5);
	assert_string_equal(kz_kiosk_screen(t->k), "about");
	kt_free(t);
}

/* The printer has no paper: the ticket is still issued and kept, the
 * number shown large with "remember your number", the fault logged. */
static void
test_printer_out_of_paper(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_printer_set_state(t->hall->db, "kiosk-1", KZ_PRINTER_PAPER_OUT,
				 "paper end", err),
		KZ_OK);
	kz_clock_set(kz_clock_now() + 60); /* the kiosk reads the hall again */
	kt_step(t);
	assert_true(kt_shows(t, "нөміріңіз экранда көрсетіледі"));
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	kt_tap(t, "take");
	kt_step(t);
	assert_int_equal(kt_count(t, TICKETS), 1);
	assert_string_equal(kt_text(t, "number"), "A-001");
	assert_string_equal(kt_text(t, "print"),
		"Принтер істемей тұр. Нөміріңізді есте сақтаңыз: A-001");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM events WHERE kind = 'print_unseen'"), 1);
	assert_int_equal(kt_count(t, TICKET_JOBS " AND j.state = 'queued'"),
		1); /* kept for when paper is back */
	kt_free(t);
}

/* No printer service at all: after a few seconds the visitor is told to
 * remember the number; a printed ticket says "take your ticket". */
static void
test_print_followed(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	kt_tap(t, "take");
	assert_true(kt_shows(t, "Талон басылып жатыр"));
	assert_int_equal(kz_outbox_claim(t->hall->db, "kiosk-1", &j, err), KZ_OK);
	assert_int_equal(kz_outbox_done(t->hall->db, j.id, err), KZ_OK);
	kt_step(t);
	assert_string_equal(kt_text(t, "print"), "Талонды төменнен алыңыз ↓");
	kt_tap(t, "home");
	kz_clock_set(kz_clock_now() + 10);
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	kt_tap(t, "take");
	kz_clock_set(kz_clock_now() + 9); /* nobody prints it */
	kt_step(t);
	assert_true(kt_shows(t, "Нөміріңізді есте сақтаңыз: A-002"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM events WHERE kind = 'print_unseen'"), 1);
	kt_free(t);
}

/* The database locked by another process: the kiosk answers at once
 * ("one moment"), then issues exactly one ticket when the lock goes. */
static void
test_busy_database(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	struct timespec a, b;
	sqlite3 *db;

	(void)state;
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	assert_int_equal(sqlite3_open(t->hall->db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	clock_gettime(CLOCK_MONOTONIC, &a);
	kt_tap(t, "take");
	kt_step(t);
	clock_gettime(CLOCK_MONOTONIC, &b);
	/* two turns: the screen never freezes waiting for the lock */
	assert_true((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < 3000);
	assert_string_equal(kz_kiosk_screen(t->k), "confirm");
	assert_true(kt_shows(t, "Сәл күте тұрыңыз"));
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "issued");
	kt_step(t);
	assert_int_equal(kt_count(t, TICKETS), 1);
	kt_free(t);
}

/* The database file gone (restored from backup, disk remounted): the
 * kiosk says it is unavailable, then comes back by itself. */
static void
test_database_comes_back(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	char moved[600];

	(void)state;
	snprintf(moved, sizeof moved, "%s.away", t->hall->db_path);
	assert_int_equal(rename(t->hall->db_path, moved), 0);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "unavailable");
	assert_true(kt_shows(t, "уақытша қолжетімсіз"));
	assert_int_equal(rename(moved, t->hall->db_path), 0);
	kz_clock_set(kz_clock_now() + 3);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	kt_tap(t, "ticket");
	kt_tap(t, "service.A");
	kt_tap(t, "take");
	assert_int_equal(kt_count(t, TICKETS), 1);
	kt_free(t);
}

/* Closed: why and when tickets come next, for each kind of closed. */
static void
test_closed(void **state)
{
	static const struct {
		const char *at, *why, *next;
	} cases[] = {
		{"2026-03-21T10:00", "Бүгін мереке: Наурыз мейрамы.",
			"бейсенбі, 26.03.2026, 09:00"},
		{"2026-03-28T10:00", "Бүгін демалыс күні.", "дүйсенбі, 30.03.2026, 09:00"},
		{"2026-03-20T13:30", "Түскі үзіліс. Қабылдау қайта басталады: 14:00.",
			"жұма, 20.03.2026, 14:00"},
		{"2026-03-20T08:00", "Қабылдау әлі басталған жоқ.", "жұма, 20.03.2026, 09:00"},
		{"2026-03-20T18:30", "Бүгінгі қабылдау аяқталды.", "бейсенбі, 26.03.2026, 09:00"},
		{"2026-03-20T17:45", "соңғы талон жабылуға 30 минут",
			"бейсенбі, 26.03.2026, 09:00"},
	};
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_at(cases[i].at);
		kt_step(t);
		if (strcmp(kz_kiosk_screen(t->k), "closed") != 0 || !kt_shows(t, cases[i].why) ||
			!kt_shows(t, cases[i].next))
			fail_msg("at %s: screen %s says '%s'", cases[i].at, kz_kiosk_screen(t->k),
				kt_text(t, "closed"));
	}
	/* the holiday named in Russian as the Law names it, on 9 May's moved day off */
	test_at("2026-05-11T10:00");
	kt_step(t);
	kt_tap(t, "lang.ru");
	if (!kt_shows(t, "День Победы"))
		fail_msg("11 May in Russian says '%s'", kt_text(t, "closed"));
	kt_tap(t, "lang.kk");
	if (!kt_shows(t, "Жеңіс күні"))
		fail_msg("11 May in Kazakh says '%s'", kt_text(t, "closed"));
	kt_tap(t, "about"); /* information works while closed */
	assert_string_equal(kz_kiosk_screen(t->k), "about");
	test_at("2026-03-26T09:00");
	kt_tap(t, "home");
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	kt_free(t);
}

/* Blank forms: the list of documents per kind of applicant, and the form
 * printed on the A4 printer in the visitor's language. */
static void
test_blank_form(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	kt_tap(t, "lang.ru");
	kt_tap(t, "forms");
	assert_true(kt_shows(t, "Копия документа, удостоверяющего личность"));
	kt_tap(t, "legal");
	assert_true(kt_shows(t, "Свидетельство о государственной регистрации"));
	kt_tap(t, "print");
	assert_int_equal(kt_count(t,
				 "SELECT count(*) FROM print_jobs j JOIN printers p ON "
				 "p.id = j.printer_id WHERE p.name = 'a4-1' AND j.document = 'form' "
				 "AND j.lang = 'ru'"),
		1);
	assert_true(kt_shows(t, "Бланк печатается"));
	kt_free(t);
}

/* p.10: a sample filled-in form beside the blank one, printed on request
 * on the A4 printer in the visitor's language. */
static void
test_sample_form(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	kt_tap(t, "forms");
	kt_tap(t, "sample");
	assert_int_equal(kt_count(t,
				 "SELECT count(*) FROM print_jobs j JOIN printers p ON "
				 "p.id = j.printer_id WHERE p.name = 'a4-1' AND "
				 "j.document = 'form_sample' AND j.lang = 'kk'"),
		1);
	assert_true(kt_shows(t, "үлгі"));
	kt_free(t);
}

/* p.4.2: the "about" screen gives the office's contacts (App. 1) and the
 * agency's website, in each language. */
static void
test_about_gives_contacts_and_website(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	kt_tap(t, "about");
	assert_true(kt_shows(t, "Агенттіктің интернет-ресурсы: www.auzr.kz"));
	assert_true(kt_shows(t, "8-716-225-35-56"));
	kt_tap(t, "home");
	kt_tap(t, "lang.ru");
	kt_tap(t, "about");
	assert_true(kt_shows(t, "Интернет-ресурс Агентства: www.auzr.kz"));
	assert_true(kt_shows(t, "Отдел земельных отношений города Кокшетау"));
	assert_true(kt_shows(t, "8-716-225-35-56"));
	kt_free(t);
}

/* The App. 4 questions, one tap each, after the number of a ticket served
 * today: a number never issued, one not yet served and one that has
 * voted are refused on the screen, in the visitor's language; five
 * ballots in a row from one ticket count once. */
static void
test_feedback(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	struct kz_feedback_summary sum;
	char err[KZ_ERR_LEN] = "", code[KZ_BALLOT_CODE_LEN], wrong[16], typed[8];

	(void)state;
	kt_tap(t, "feedback");
	assert_string_equal(kz_kiosk_screen(t->k), "ballot");
	assert_true(kt_shows(t, "нөмірін"));
	type_ballot(t, -1, ""); /* nothing typed */
	assert_true(kt_shows(t, "A-015."));
	type_ballot(t, 0, "1");
	assert_string_equal(kz_kiosk_screen(t->k), "ballot");
	assert_true(kt_shows(t, "берілген"));
	assert_string_equal(kt_text(t, "field"), "A-1");
	test_issue(t->hall, "A"); /* A-001 waits */
	type_ballot(t, -1, "");   /* A-001 still typed */
	assert_true(kt_shows(t, "көрсетілген"));
	serve_next(t);
	kt_tap(t, "key.ok");
	/* served: now the check code printed on the ticket; a wrong one is refused */
	assert_string_equal(kz_kiosk_screen(t->k), "ballot");
	assert_true(kt_shows(t, "бағалау кодын"));
	assert_string_equal(kt_text(t, "field"), "____");
	kt_code_of(t, "A-001", code);
	snprintf(wrong, sizeof wrong, "key.%c", code[0] == '9' ? '0' : code[0] + 1);
	kt_tap(t, wrong);
	kt_tap(t, "key.ok");
	assert_true(kt_shows(t, "төрт цифрдан")); /* too short */
	for (int i = 0; i < 4; i++)
		kt_tap(t, wrong); /* the refusal's first digit starts the code again */
	snprintf(typed, sizeof typed, "%c%c%c%c", wrong[4], wrong[4], wrong[4], wrong[4]);
	assert_string_equal(kt_text(t, "field"), typed);
	kt_tap(t, "key.ok");
	assert_string_equal(kz_kiosk_screen(t->k), "ballot");
	assert_true(kt_shows(t, "A-001 талонының бағалау коды емес"));
	kt_type_code(t, "A-001");
	assert_string_equal(kz_kiosk_screen(t->k), "feedback");
	assert_true(kt_shows(t, "Сұрақ 1 / 4"));
	kt_tap(t, "yes");  /* quality */
	kt_tap(t, "no");   /* information */
	kt_tap(t, "skip"); /* appeal */
	kt_tap(t, "yes");  /* politeness */
	assert_string_equal(kz_kiosk_screen(t->k), "thanks");
	assert_int_equal(kz_feedback_summary(t->hall->db, "2026-03-20", "2026-03-20", &sum, err),
		KZ_OK);
	assert_int_equal(sum.responses, 1);
	assert_int_equal(sum.yes[KZ_FB_QUALITY], 1);
	assert_int_equal(sum.answered[KZ_FB_INFORMATION], 1);
	assert_int_equal(sum.yes[KZ_FB_INFORMATION], 0);
	assert_int_equal(sum.answered[KZ_FB_APPEAL], 0);
	assert_int_equal(sum.yes[KZ_FB_POLITENESS], 1);
	/* the same ticket four more times, in either language: refused */
	for (int i = 0; i < 4; i++) {
		kt_tap(t, "home");
		if (i % 2)
			kt_tap(t, "lang.ru");
		kt_tap(t, "feedback");
		type_ballot(t, 0, "001");
		kt_type_code(t, "A-001");
		assert_string_equal(kz_kiosk_screen(t->k), "ballot");
		if (!kt_shows(t, i % 2 ? "оценено." : "бағаланып"))
			fail_msg("%d: '%s'", i, kt_text(t, "refusal"));
		assert_true(kt_shows(t, "A-001"));
	}
	assert_int_equal(kz_feedback_summary(t->hall->db, "2026-03-20", "2026-03-20", &sum, err),
		KZ_OK);
	assert_int_equal(sum.responses, 1);
	/* a visitor who answers one question and walks away still counts */
	test_issue(t->hall, "B");
	serve_next(t);
	kt_tap(t, "home");
	kt_tap(t, "feedback");
	type_ballot(t, 1, "1");
	kt_type_code(t, "B-001");
	kt_tap(t, "no");
	kz_clock_set(kz_clock_now() + 61);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	assert_int_equal(kz_feedback_summary(t->hall->db, "2026-03-20", "2026-03-20", &sum, err),
		KZ_OK);
	assert_int_equal(sum.responses, 2);
	assert_int_equal(sum.answered[KZ_FB_QUALITY], 2);
	/* and B-001 has had its ballot */
	kt_tap(t, "feedback");
	type_ballot(t, 1, "1");
	kt_type_code(t, "B-001");
	assert_true(kt_shows(t, "бағаланып"));
	kt_free(t);
}

/* A hall of one service: the letter is there already, the digits do. */
static void
test_feedback_one_service(void **state)
{
	struct kt *t = kt_new(1366, 768, 1, -1);

	(void)state;
	test_issue(t->hall, "A");
	serve_next(t);
	kt_tap(t, "feedback");
	assert_true(kt_shows(t, "A-___"));
	type_ballot(t, -1, "1");
	kt_type_code(t, "A-001");
	assert_string_equal(kz_kiosk_screen(t->k), "feedback");
	for (int i = 0; i < 4; i++)
		kt_tap(t, "yes");
	assert_string_equal(kz_kiosk_screen(t->k), "thanks");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM feedback"), 1);
	kt_free(t);
}

/* A served number without its paper: four-digit codes cannot be run
 * through at the keypad.  After three wrong codes in a row each further
 * try waits a minute (by the kiosk's clock), the right code included;
 * then the right code votes. */
static void
test_feedback_code_guessing_is_slowed(void **state)
{
	struct kt *t = kt_new(1366, 768, 0, -1);
	char code[KZ_BALLOT_CODE_LEN], key[16];

	(void)state;
	test_issue(t->hall, "A");
	serve_next(t);
	kt_code_of(t, "A-001", code);
	kt_tap(t, "lang.ru");
	kt_tap(t, "feedback");
	type_ballot(t, 0, "1");
	for (int i = 0; i < 3; i++) {
		for (int d = 0; d < 4; d++) {
			snprintf(key, sizeof key, "key.%d", (code[d] - '0' + 1 + i) % 10);
			kt_tap(t, key);
		}
		kt_tap(t, "key.ok");
		assert_true(kt_shows(t, "Это не код для оценки талона A-001"));
	}
	kt_type_code(t, "A-001");
	assert_string_equal(kz_kiosk_screen(t->k), "ballot");
	assert_true(kt_shows(t, "через минуту"));
	kz_clock_set(kz_clock_now() + 30);
	kt_type_code(t, "A-001");
	assert_true(kt_shows(t, "через минуту"));
	kz_clock_set(kz_clock_now() + 31);
	kt_type_code(t, "A-001");
	assert_string_equal(kz_kiosk_screen(t->k), "feedback");
	for (int i = 0; i < 4; i++)
		kt_tap(t, "yes");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM feedback"), 1);
	kt_free(t);
}

/* Untouched, the kiosk goes home in its own language. */
static void
test_idle_returns_home(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);

	(void)state;
	kt_tap(t, "lang.ru");
	kt_tap(t, "complain");
	assert_true(kt_shows(t, "Как обжаловать"));
	kz_clock_set(kz_clock_now() + 59);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "complain");
	kz_clock_set(kz_clock_now() + 2);
	kt_step(t);
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	assert_true(kt_shows(t, "Талон алу"));
	kt_free(t);
}

static void
corners(struct kt *t, const char *order)
{
	for (const char *c = order; *c; c++) {
		int x = *c == '1' || *c == '4' ? 3 : t->w - 3,
		    y = *c == '1' || *c == '2' ? 3 : t->h - 3;
		kt_touch(t, x, y);
	}
}

static void
pin(struct kt *t, const char *digits)
{
	char key[8];

	for (const char *d = digits; *d; d++) {
		snprintf(key, sizeof key, "key.%c", *d);
		kt_tap(t, key);
	}
	kt_tap(t, "key.ok");
}

/* No way out but the corner gesture and the PIN; keys and the window's
 * close do nothing on a full-screen kiosk. */
static void
test_administrator(void **state)
{
	struct kt *t = kt_new(1920, 1080, 0, -1);
	char err[KZ_ERR_LEN] = "";
	SDL_Event ev;

	(void)state;
	corners(t, "1243"); /* the wrong order */
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	corners(t, "1234");
	assert_string_equal(kz_kiosk_screen(t->k), "pin");
	pin(t, "1111");
	assert_string_equal(kz_kiosk_screen(t->k), "pin");
	assert_true(kt_shows(t, "Код қате."));
	pin(t, KT_ADMIN_PIN);
	assert_string_equal(kz_kiosk_screen(t->k), "admin");
	/* a CUPS printer's state and what to do, in the kiosk's language */
	assert_int_equal(kz_printer_set_state(t->hall->db, "kiosk-1", KZ_PRINTER_PAUSED,
				 "Printing is paused: the administrator resumes the queue.", err),
		KZ_OK);
	kt_step(t);
	assert_true(kt_shows(t, "әкімші тоқтатқан"));
	assert_true(kt_shows(t, "Басып шығару тоқтатылған: кезекті әкімші қайта іске қосады."));
	kt_tap(t, "test");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM print_jobs WHERE document = 'test'"), 1);
	assert_false(kz_kiosk_done(t->k));
	kt_tap(t, "quit");
	assert_true(kz_kiosk_done(t->k));
	kt_free(t);

	/* three wrong PINs: the keypad rests */
	t = kt_new(1920, 1080, 0, -1);
	for (int i = 0; i < 3; i++) {
		if (strcmp(kz_kiosk_screen(t->k), "pin") != 0)
			corners(t, "1234");
		pin(t, "0000");
	}
	assert_string_equal(kz_kiosk_screen(t->k), "home");
	corners(t, "1234");
	pin(t, KT_ADMIN_PIN);
	assert_string_equal(kz_kiosk_screen(t->k), "pin");
	assert_true(kt_shows(t, "Қате әрекеттер тым көп"));
	/* the rest is in the database: a restart does not lift it */
	kt_reopen(t);
	corners(t, "1234");
	pin(t, KT_ADMIN_PIN);
	assert_string_equal(kz_kiosk_screen(t->k), "pin");
	assert_true(kt_shows(t, "Қате әрекеттер тым көп"));
	kz_clock_set(kz_clock_now() + 301); /* the rest is over */
	kt_step(t);
	if (strcmp(kz_kiosk_screen(t->k), "pin") != 0)
		corners(t, "1234");
	pin(t, KT_ADMIN_PIN);
	assert_string_equal(kz_kiosk_screen(t->k), "admin");
	/* keys are ignored, as is the window's close on a kiosk's full screen */
	memset(&ev, 0, sizeof ev);
	ev.type = SDL_KEYDOWN;
	ev.key.keysym.sym = SDLK_ESCAPE;
	SDL_PushEvent(&ev);
	kt_step(t);
	assert_false(kz_kiosk_done(t->k));
	kt_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_take_a_ticket),
		cmocka_unit_test(test_one_service),
		cmocka_unit_test(test_people_ahead_and_wait),
		cmocka_unit_test(test_wait_across_lunch_is_a_time_after_it),
		cmocka_unit_test(test_closing_first_is_told_before_the_ticket),
		cmocka_unit_test(test_double_tap_and_pause),
		cmocka_unit_test(test_mouse_click),
		cmocka_unit_test(test_printer_out_of_paper),
		cmocka_unit_test(test_print_followed),
		cmocka_unit_test(test_busy_database),
		cmocka_unit_test(test_database_comes_back),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_blank_form),
		cmocka_unit_test(test_sample_form),
		cmocka_unit_test(test_about_gives_contacts_and_website),
		cmocka_unit_test(test_feedback),
		cmocka_unit_test(test_feedback_one_service),
		cmocka_unit_test(test_feedback_code_guessing_is_slowed),
		cmocka_unit_test(test_idle_returns_home),
		cmocka_unit_test(test_administrator),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
