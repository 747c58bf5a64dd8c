/* test_outbox.c - the print outbox: a ticket and its print in one
 * transaction, jobs in order, at most once across a crash, reprints. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/error.h"
#include "queue/estimate.h"
#include "queue/outbox.h"
#include "queue/ticket.h"

static const char ini[] =
	"[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
	"[service A]\nname_kk = Тапсыру\nname_ru = Сдача\n"
	"[counter 1]\nservices = A\n"
	"[printer kiosk-1]\nrole = tickets\ntransport = tcp\naddress = 127.0.0.1:9100\npaper = 58\n"
	"[printer office]\nrole = a4\ntransport = cups\naddress = Office_A4\n";

static int
setup(void **state)
{
	*state = test_hall_new(ini);
	return 0;
}

static struct kz_ticket
issue_print(struct test_hall *h, const char *lang, int64_t *job)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_issue_print(h->db, h->cal, "A", "kiosk-1", lang, &t, job, err) != KZ_OK)
		fail_msg("issue: %s", err);
	return t;
}

/* People ahead of a job's ticket: worked out when it prints, not kept. */
static int
job_ahead(struct test_hall *h, const struct kz_print_job *j)
{
	struct kz_wait_estimate e;
	char err[KZ_ERR_LEN] = "";

	if (kz_wait_estimate_ticket(h->db, &h->cfg.hours, j->ticket_id, 600, &e, err) != KZ_OK)
		fail_msg("%s", err);
	return e.ahead;
}

static void
test_ticket_and_its_print_are_one_transaction(void **state)
{
	struct test_hall *h = *state;
	struct kz_print_job j;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	test_at("2026-03-20T10:00");
	t = issue_print(h, "kk", &job);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_QUEUED);
	assert_string_equal(kz_outbox_doc_name(j.document), "ticket");
	assert_string_equal(j.lang, "kk");
	assert_string_equal(j.number, t.number);
	assert_string_equal(j.service, "A");
	assert_int_equal(j.issued_at, t.issued_at);
	assert_int_equal(job_ahead(h, &j), 0);
	assert_int_equal(j.resumes_at, 0);
	/* an unknown printer: no ticket either, and no number used up */
	assert_int_equal(kz_ticket_issue_print(h->db, h->cal, "A", "nowhere", "kk", &t, NULL, err),
		KZ_ENOTFOUND);
	assert_non_null(strstr(err, "[printer nowhere]"));
	assert_int_equal(kz_ticket_issue_print(h->db, h->cal, "A", "kiosk-1", "en", &t, NULL, err),
		KZ_EINVAL);
	t = issue_print(h, "ru", NULL);
	assert_string_equal(t.number, "A-002");
	/* shortly before lunch the print says when reception resumes */
	test_at("2026-03-20T12:45");
	t = issue_print(h, "kk", &job);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_int_equal(job_ahead(h, &j), 2);
	assert_true(j.resumes_at > 0);
	assert_int_equal(j.resumes_at, t.resumes_at);
}

static void
test_jobs_print_in_order_one_at_a_time(void **state)
{
	struct test_hall *h = *state;
	struct kz_print_job a, b;
	char err[KZ_ERR_LEN] = "";
	int64_t j1, j2;

	test_at("2026-03-20T10:00");
	issue_print(h, "kk", &j1);
	issue_print(h, "ru", &j2);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &a, err), KZ_OK);
	assert_int_equal(a.id, j1);
	assert_int_equal(a.state, KZ_JOB_SENDING);
	assert_int_equal(a.attempts, 1);
	/* one job on its way at a time: a second printd is refused */
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &b, err), KZ_EREJECT);
	assert_int_equal(kz_outbox_done(h->db, j1, err), KZ_OK);
	assert_int_equal(kz_outbox_done(h->db, j1, err), KZ_EREJECT); /* done once */
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &b, err), KZ_OK);
	assert_int_equal(b.id, j2);
	assert_int_equal(kz_outbox_done(h->db, j2, err), KZ_OK);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &b, err), KZ_EEMPTY);
	/* the A4 printer has its own queue */
	assert_int_equal(kz_outbox_claim(h->db, "office", &b, err), KZ_EEMPTY);
}

static void
test_a_fault_retries_later_and_keeps_the_order(void **state)
{
	struct test_hall *h = *state;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";
	int64_t j1, j2;

	test_at("2026-03-20T10:00");
	issue_print(h, "kk", &j1);
	issue_print(h, "kk", &j2);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	assert_int_equal(kz_outbox_retry(h->db, j1, "paper out", 30, err), KZ_OK);
	assert_int_equal(kz_outbox_get(h->db, j1, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_QUEUED);
	assert_string_equal(j.reason, "paper out");
	/* within the pause nothing prints: not even the next ticket, out of turn */
	test_at("2026-03-20T10:00:20");
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_EEMPTY);
	test_at("2026-03-20T10:00:31");
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	assert_int_equal(j.id, j1);
	assert_int_equal(j.attempts, 2);
	assert_int_equal(kz_outbox_fail(h->db, j1, "cannot render", err), KZ_OK);
	assert_int_equal(kz_outbox_get(h->db, j1, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_FAILED);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	assert_int_equal(j.id, j2);
}

static void
test_a_crash_while_sending_never_prints_twice_unasked(void **state)
{
	struct test_hall *h = *state;
	struct kz_print_job j;
	char err[KZ_ERR_LEN] = "";
	int64_t j1, again = 0;
	int n = 0;

	test_at("2026-03-20T10:00");
	issue_print(h, "kk", &j1);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	/* the printd dies here; the next one starts and recovers */
	assert_int_equal(kz_outbox_reprint(h->db, j1, &again, err), KZ_EREJECT);
	assert_int_equal(kz_outbox_recover(h->db, "kiosk-1", &n, err), KZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(kz_outbox_get(h->db, j1, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_UNCERTAIN);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_EEMPTY);
	/* a person asks: a new job, pointing to the first */
	assert_int_equal(kz_outbox_reprint(h->db, j1, &again, err), KZ_OK);
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	assert_int_equal(j.id, again);
	assert_int_equal(j.reprint_of, j1);
	assert_string_equal(j.number, "A-001");
}

static void
test_printer_state_is_kept_for_every_screen(void **state)
{
	struct test_hall *h = *state;
	enum kz_printer_condition st = KZ_PRINTER_ERROR;
	char err[KZ_ERR_LEN] = "", reason[256];
	int queued = -1;

	test_at("2026-03-20T10:00");
	issue_print(h, "kk", NULL);
	assert_int_equal(kz_printer_get_state(h->db, "kiosk-1", &st, reason, &queued, err), KZ_OK);
	assert_int_equal(st, KZ_PRINTER_UNKNOWN);
	assert_int_equal(queued, 1);
	assert_int_equal(kz_printer_set_state(h->db, "kiosk-1", KZ_PRINTER_PAPER_OUT, "paper out",
				 err),
		KZ_OK);
	assert_int_equal(kz_printer_get_state(h->db, "kiosk-1", &st, reason, &queued, err), KZ_OK);
	assert_int_equal(st, KZ_PRINTER_PAPER_OUT);
	assert_string_equal(reason, "paper out");
	assert_int_equal(kz_printer_set_state(h->db, "kiosk-1", (enum kz_printer_condition)99, "",
				 err),
		KZ_EINVAL);
	assert_int_equal(kz_printer_set_state(h->db, "nowhere", KZ_PRINTER_READY, "", err),
		KZ_ENOTFOUND);
}

/* The document column's words and the kinds: one each way, the unknown none. */
static void
test_document_kinds_and_their_column_words(void **state)
{
	static const char *const words[] = {"ticket", "receipt", "notice", "talon", "form", "test",
		"report", "refusal", "form_sample"};

	(void)state;
	assert_int_equal(KZ_DOC_COUNT - 1, sizeof words / sizeof words[0]);
	for (int k = KZ_DOC_NONE + 1; k < KZ_DOC_COUNT; k++) {
		assert_string_equal(kz_outbox_doc_name((enum kz_doc_kind)k), words[k - 1]);
		assert_int_equal(kz_outbox_doc_kind(words[k - 1]), k);
	}
	assert_string_equal(kz_outbox_doc_name(KZ_DOC_NONE), "");
	assert_string_equal(kz_outbox_doc_name(KZ_DOC_COUNT), "");
	assert_int_equal(kz_outbox_doc_kind("Ticket"), KZ_DOC_NONE);
	assert_int_equal(kz_outbox_doc_kind(""), KZ_DOC_NONE);
	assert_int_equal(kz_outbox_doc_kind(NULL), KZ_DOC_NONE);
}

/* The job states' column words: every state has one, each word converts
 * back, an unknown word is 'uncertain' (never printed again unasked). */
static void
test_job_states_and_their_column_words(void **state)
{
	static const char *const words[] = {"queued", "sending", "done", "failed", "uncertain",
		"expired"};

	(void)state;
	for (int s = KZ_JOB_QUEUED; s <= KZ_JOB_EXPIRED; s++) {
		assert_string_equal(kz_job_state_name((enum kz_job_state)s), words[s]);
		assert_int_equal(kz_job_state_from_db(words[s]), s);
	}
	assert_string_equal(kz_job_state_name((enum kz_job_state)99), "?");
	assert_int_equal(kz_job_state_from_db("printing"), KZ_JOB_UNCERTAIN);
	assert_int_equal(kz_job_state_from_db(NULL), KZ_JOB_UNCERTAIN);
}

/* The printers' state words: every condition has one, each converts back,
 * an unknown word is 'unknown'. */
static void
test_printer_conditions_and_their_column_words(void **state)
{
	static const char *const words[] = {"unknown", "ready", "paper_low", "paper_out",
		"cover_open", "offline", "error", "paused"};

	(void)state;
	for (int c = KZ_PRINTER_UNKNOWN; c <= KZ_PRINTER_PAUSED; c++) {
		assert_string_equal(kz_printer_condition_name((enum kz_printer_condition)c),
			words[c]);
		assert_int_equal(kz_printer_condition_from_db(words[c]), c);
	}
	assert_string_equal(kz_printer_condition_name((enum kz_printer_condition)99), "?");
	assert_int_equal(kz_printer_condition_from_db("hungry"), KZ_PRINTER_UNKNOWN);
	assert_int_equal(kz_printer_condition_from_db(NULL), KZ_PRINTER_UNKNOWN);
}

/* A job is queued only with a document this build knows. */
static void
test_an_unknown_document_is_not_queued(void **state)
{
	struct test_hall *h = *state;
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	assert_int_equal(kz_outbox_add(h->db, "kiosk-1", KZ_DOC_NONE, "kk", &job, err), KZ_EINVAL);
	assert_int_equal(kz_outbox_add(h->db, "kiosk-1", KZ_DOC_COUNT, "kk", &job, err), KZ_EINVAL);
	assert_int_equal(kz_outbox_add(h->db, "kiosk-1", KZ_DOC_TEST, "kk", &job, err), KZ_OK);
}

/* The service's way: the next job is found but stays queued until its
 * first byte goes (a stop before that leaves it waiting); a ticket not at
 * its printer within the time expires, in its history too, and is not
 * started; a receipt or a person's reprint never expires; the progress of
 * bands is kept for the next start. */
static void
test_a_job_is_sending_from_its_first_byte_and_a_stale_ticket_expires(void **state)
{
	struct test_hall *h = *state;
	struct kz_print_job j, u;
	char err[KZ_ERR_LEN] = "";
	int64_t first = 0, second = 0, again = 0, test = 0;

	test_at("2026-03-20T10:00");
	issue_print(h, "kk", &first);
	assert_int_equal(kz_outbox_next(h->db, "kiosk-1", 30, &j, err), KZ_OK);
	assert_int_equal(j.id, first);
	assert_int_equal(kz_outbox_get(h->db, first, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_QUEUED); /* found, not taken */
	assert_int_equal(kz_outbox_unfinished(h->db, "kiosk-1", &u, err), KZ_EEMPTY);
	assert_int_equal(kz_outbox_start(h->db, first, 4, 30, err), KZ_OK);
	assert_int_equal(kz_outbox_progress(h->db, first, 2, err), KZ_OK);
	assert_int_equal(kz_outbox_unfinished(h->db, "kiosk-1", &u, err), KZ_OK);
	assert_int_equal(u.id, first);
	assert_int_equal(u.bands, 4);
	assert_int_equal(u.bands_sent, 2);
	assert_int_equal(kz_outbox_start(h->db, first, 4, 30, err), KZ_EEMPTY); /* once */
	assert_int_equal(kz_outbox_done(h->db, first, err), KZ_OK);

	issue_print(h, "ru", &second);
	assert_int_equal(kz_outbox_add(h->db, "kiosk-1", KZ_DOC_TEST, "kk", &test, err), KZ_OK);
	assert_int_equal(kz_outbox_reprint(h->db, first, &again, err), KZ_OK);
	test_at("2026-03-20T10:00:31");
	assert_int_equal(kz_outbox_start(h->db, second, 4, 30, err), KZ_EEMPTY);
	assert_int_equal(kz_outbox_get(h->db, second, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_EXPIRED);
	assert_non_null(strstr(j.reason, "within 30 s"));
	/* the test page and the person's reprint still print, in order */
	assert_int_equal(kz_outbox_next(h->db, "kiosk-1", 30, &j, err), KZ_OK);
	assert_int_equal(j.id, test);
	assert_int_equal(kz_outbox_start(h->db, test, 1, 30, err), KZ_OK);
	assert_int_equal(kz_outbox_done(h->db, test, err), KZ_OK);
	test_at("2026-03-20T11:00");
	assert_int_equal(kz_outbox_next(h->db, "kiosk-1", 30, &j, err), KZ_OK);
	assert_int_equal(j.id, again);
	/* an expired job can be printed again on request */
	assert_int_equal(kz_outbox_reprint(h->db, second, &again, err), KZ_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ticket_and_its_print_are_one_transaction,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_jobs_print_in_order_one_at_a_time, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_a_fault_retries_later_and_keeps_the_order,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_a_crash_while_sending_never_prints_twice_unasked,
			setup, test_hall_teardown),
		cmocka_unit_test_setup_teardown(test_printer_state_is_kept_for_every_screen, setup,
			test_hall_teardown),
		cmocka_unit_test(test_document_kinds_and_their_column_words),
		cmocka_unit_test(test_job_states_and_their_column_words),
		cmocka_unit_test(test_printer_conditions_and_their_column_words),
		cmocka_unit_test_setup_teardown(test_an_unknown_document_is_not_queued, setup,
			test_hall_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_job_is_sending_from_its_first_byte_and_a_stale_ticket_expires, setup,
			test_hall_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
