/*
 * test_printd.c - the printer service against a fake network printer on
 * 127.0.0.1: a ticket arrives as the exact ESC/POS picture; paper out, a
 * refused or dropped connection and a stalled printer each end in a
 * recorded state within a bounded time, and the job prints once the
 * printer is back; a crash between sending and recording never prints
 * twice unasked.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../unit/fake_printer.h"
#include "../unit/helpers.h"
#include "documents/interrupted.h"
#include "documents/ticket.h"
#include "ink/layout.h"
#include "printer/escpos.h"
#include "printer/printd.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/estimate.h"
#include "queue/outbox.h"
#include "queue/ticket.h"

static struct test_hall *h;
static struct kz_printd *pd;
static int port;

/* The hall with its ticket printer on the fake, hall.ini's lines extra
 * added to its section. */
static void
hall_with(enum fake_mode mode, const char *extra)
{
	char ini[2048];

	assert_int_equal(fake_printer_start(mode, &port), 0);
	snprintf(ini, sizeof ini,
		"%s[printer kiosk-1]\nrole = tickets\ntransport = tcp\naddress = 127.0.0.1:%d\n"
		"paper = 58\n%s",
		test_default_ini, port, extra);
	h = test_hall_new(ini);
}

static void
hall_with_printer(enum fake_mode mode)
{
	hall_with(mode, "");
}

static void
open_printd(int *uncertain)
{
	struct kz_printd_options o = {&h->cfg, kz_config_printer(&h->cfg, "kiosk-1"), h->db_path,
		KZ_SOURCE_DIR "/assets/fonts", 500, 10, 0, NULL};
	char err[KZ_ERR_LEN] = "";

	if (kz_printd_open(&o, &pd, uncertain, err) != KZ_OK)
		fail_msg("printd: %s", err);
}

static int
teardown(void **state)
{
	(void)state;
	kz_printd_close(pd);
	pd = NULL;
	fake_printer_stop();
	test_hall_free(h);
	return 0;
}

static int64_t
issue(const char *lang, struct kz_ticket *t)
{
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	if (kz_ticket_issue_print(h->db, h->cal, "A", "kiosk-1", lang, t, &job, err) != KZ_OK)
		fail_msg("issue: %s", err);
	return job;
}

static int
step(void)
{
	char err[KZ_ERR_LEN] = "";
	int printed = -1;

	if (kz_printd_step(pd, &printed, err) != KZ_OK)
		fail_msg("step: %s", err);
	return printed;
}

static void
assert_job(int64_t id, const char *state, const char *reason_part)
{
	struct kz_print_job j;
	char err[KZ_ERR_LEN];

	assert_int_equal(kz_outbox_get(h->db, id, &j, err), KZ_OK);
	assert_string_equal(kz_job_state_name(j.state), state);
	if (reason_part && strstr(j.reason, reason_part) == NULL)
		fail_msg("job %lld: reason '%s' lacks '%s'", (long long)id, j.reason, reason_part);
}

/* Job id recorded as cut off inside its picture: the printer took none of
 * its last two bands. */
static void
assert_cut_off(int64_t id)
{
	struct kz_print_job j;
	char err[KZ_ERR_LEN];

	assert_int_equal(kz_outbox_get(h->db, id, &j, err), KZ_OK);
	if (j.bands < 3 || j.bands_sent >= j.bands - 1)
		fail_msg("job %lld recorded at band %d of %d", (long long)id, j.bands_sent,
			j.bands);
}

static void
assert_printer(const char *state)
{
	enum kz_printer_condition st;
	char err[KZ_ERR_LEN], reason[256];
	int queued;

	assert_int_equal(kz_printer_get_state(h->db, "kiosk-1", &st, reason, &queued, err), KZ_OK);
	assert_string_equal(kz_printer_condition_name(st), state);
}

/* What brings the printer back after a printout in lang was cut off: the
 * rest of a band blank, ESC @, the "interrupted" line, feed, cut. */
static struct kz_bytes
reset_bytes(struct kz_typeset *ts, const char *lang)
{
	struct kz_layout l;
	struct kz_bitmap *note = NULL;
	struct kz_bytes b = {0};
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(kz_doc_interrupted_layout(lang, KZ_DOTS_58MM, &l, err), KZ_OK);
	assert_int_equal(kz_layout_bitmap(ts, &l, &note, err), KZ_OK);
	assert_int_equal(kz_escpos_recover(KZ_DOTS_58MM / 8, note, 4, &b), KZ_OK);
	kz_bitmap_free(note);
	return b;
}

static void assert_printed_after(const struct kz_ticket *t, const char *lang, int reset);

/* What the fake printer received, decoded, is the ticket drawn again, with
 * the people ahead and the wait as the kiosk works them out. */
static void
assert_printed(const struct kz_ticket *t, const char *lang)
{
	assert_printed_after(t, lang, 0);
}

/* The same, after (reset) the bytes that bring a cut-off printer back:
 * the printer is reset before the ticket goes again, whole. */
static void
assert_printed_after(const struct kz_ticket *t, const char *lang, int reset)
{
	struct kz_wait_estimate e;
	char day[11], code[KZ_BALLOT_CODE_LEN];
	struct kz_ticket_doc d = {lang, strcmp(lang, "kk") ? h->cfg.name_ru : h->cfg.name_kk,
		strcmp(lang, "kk") ? "Сдача документов" : "Құжаттарды тапсыру", t->number,
		t->issued_at, 0, 0, 0, &e, NULL, NULL};
	struct kz_bitmap *want = NULL, *got = NULL;
	struct kz_escpos_summary sum;
	struct kz_typeset *ts;
	char err[KZ_ERR_LEN] = "";
	size_t len;
	uint8_t *bytes;

	assert_int_equal(kz_wait_estimate_ticket(h->db, &h->cfg.hours, t->id,
				 KZ_ESTIMATE_TYPICAL_VISIT, &e, err),
		KZ_OK);
	d.ahead = e.ahead;
	if (!e.waiting)
		d.est = NULL;
	/* and the ballot's check code, of the day it was issued */
	kz_clock_day(t->issued_at, day);
	assert_int_equal(kz_ballot_code(h->db, day, t->number, code, err), KZ_OK);
	d.check_code = code;

	fake_printer_stop();
	bytes = fake_printer_bytes(&len);
	assert_int_equal(kz_typeset_open(KZ_SOURCE_DIR "/assets/fonts", &ts, err), KZ_OK);
	assert_int_equal(kz_doc_ticket_bitmap(ts, &d, KZ_DOTS_58MM, &want, err), KZ_OK);
	if (reset) {
		struct kz_bytes r = reset_bytes(ts, lang);
		if (len < r.len || memcmp(bytes, r.data, r.len) != 0)
			fail_msg("the printer was not reset first: %zu bytes, the reset %zu", len,
				r.len);
		memmove(bytes, bytes + r.len, len - r.len);
		len -= r.len;
		kz_bytes_free(&r);
	}
	if (kz_escpos_decode(bytes, len, &got, &sum, err) != KZ_OK)
		fail_msg("decode %zu bytes: %s", len, err);
	assert_true(kz_bitmap_equal(want, got));
	assert_int_equal(sum.cuts, 1);
	kz_bitmap_free(want);
	kz_bitmap_free(got);
	kz_typeset_close(ts);
	free(bytes);
}

/* The printer came back at another port: point the printer there. */
static void
printer_back(void)
{
	struct kz_printer_conf *p = (struct kz_printer_conf *)kz_config_printer(&h->cfg, "kiosk-1");

	fake_printer_stop();
	assert_int_equal(fake_printer_start(FAKE_ACCEPT, &port), 0);
	snprintf(p->address, sizeof p->address, "127.0.0.1:%d", port);
}

static void
test_a_ticket_prints_as_its_exact_picture(void **state)
{
	struct kz_ticket t;
	int64_t job;

	(void)state;
	hall_with_printer(FAKE_ACCEPT);
	test_at("2026-03-20T10:00");
	job = issue("ru", &t);
	open_printd(NULL);
	assert_int_equal(step(), 1);
	assert_job(job, "done", NULL);
	assert_printer("ready");
	assert_int_equal(step(), 0); /* nothing more */
	assert_printed(&t, "ru");
}

/* A form queued for a thermal roll by someone who went round kezek print
 * (the outbox itself knows no papers): the daemon fails it, saying why,
 * and sends the printer nothing. */
static void
test_an_a4_document_on_a_roll_fails_saying_why(void **state)
{
	char err[KZ_ERR_LEN] = "";
	int64_t job;

	(void)state;
	hall_with_printer(FAKE_ACCEPT);
	test_at("2026-03-20T10:00");
	assert_int_equal(kz_outbox_add(h->db, "kiosk-1", KZ_DOC_FORM, "ru", &job, err), KZ_OK);
	open_printd(NULL);
	assert_int_equal(step(), 0);
	assert_job(job, "failed", "cannot print a blank application form (App. 2) on 'kiosk-1'");
	assert_job(job, "failed", "A4 paper only");
	assert_job(job, "failed", "role a4");
	assert_int_equal(fake_printer_connections(), 0); /* not a byte sent */
}

static void
test_paper_out_waits_then_prints(void **state)
{
	struct kz_ticket t;
	int64_t job;

	(void)state;
	hall_with_printer(FAKE_ACCEPT);
	fake_printer_set_status(4, 0x72); /* roll paper sensor: paper out */
	test_at("2026-03-20T10:00");
	job = issue("kk", &t);
	open_printd(NULL);
	assert_int_equal(step(), 0);
	assert_job(job, "queued", "paper out");
	assert_printer("paper_out");
	/* the ticket itself is kept: the visitor has their number */
	fake_printer_set_status(4, 0x12);
	test_at("2026-03-20T10:00:05");
	assert_int_equal(step(), 0); /* within the pause */
	test_at("2026-03-20T10:00:11");
	assert_int_equal(step(), 1);
	assert_job(job, "done", NULL);
	assert_printed(&t, "kk");
}

static void
test_unreachable_printer_is_offline_until_back(void **state)
{
	struct kz_ticket t;
	int64_t job;

	(void)state;
	hall_with_printer(FAKE_REFUSE);
	test_at("2026-03-20T10:00");
	job = issue("kk", &t);
	open_printd(NULL);
	assert_int_equal(step(), 0);
	assert_job(job, "queued", "refused");
	assert_printer("offline");
	printer_back();
	test_at("2026-03-20T10:00:11");
	assert_int_equal(step(), 1);
	assert_printer("ready");
	assert_printed(&t, "kk");
}

static void
test_a_dropped_connection_is_printed_again_whole(void **state)
{
	struct kz_print_job j;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";
	int64_t job;
	int reset_waits;

	(void)state;
	hall_with_printer(FAKE_DROP);
	fake_printer_drop_after(2000);
	test_at("2026-03-20T10:00");
	job = issue("ru", &t);
	open_printd(NULL);
	assert_int_equal(step(), 0);
	/* cut off inside its picture.  The reset that follows goes on a new
	 * connection, which this printer drops after 2000 bytes too: whether
	 * the reset is taken whole before that depends on the kernel's
	 * timing.  Dropped, the job waits as 'sending' for the printer to be
	 * reset before anything else prints; taken, the job is queued again.
	 * Never 'done'. */
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	reset_waits = strcmp(kz_job_state_name(j.state), "sending") == 0;
	if (reset_waits) {
		assert_cut_off(job);
		assert_printer("offline");
	} else {
		assert_job(job, "queued", NULL);
	}
	printer_back();
	test_at("2026-03-20T10:00:11");
	assert_int_equal(step(), 1);
	assert_job(job, "done", NULL);
	/* the printer back prints the ticket whole, after the reset if the
	 * reset was still owed */
	assert_printed_after(&t, "ru", reset_waits);
}

/* Over TCP a band's short header goes out only once the printer has taken
 * the band before it (its send queue drained), so a printer that stops
 * taking bytes never holds a header in part: the job is recorded as cut
 * at the band the printer did not take, not as sent, and is not 'done';
 * once the printer is back it is reset, then the ticket prints whole. */
static void
test_a_band_header_waits_for_the_band_before_it(void **state)
{
	struct timespec a, b;
	struct kz_print_job j;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";
	int64_t job;

	(void)state;
	hall_with(FAKE_STALL, "status = no\n"); /* nothing asked first: the bytes go */
	test_at("2026-03-20T10:00");
	job = issue("kk", &t);
	open_printd(NULL);
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(step(), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	assert_true(b.tv_sec - a.tv_sec < 5); /* the wait for the queue is bounded too */
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_string_equal(kz_job_state_name(j.state), "sending");
	if (j.bands < 3 || j.bands_sent >= j.bands - 1)
		fail_msg("recorded as at band %d of %d: the printer took at most the first",
			j.bands_sent, j.bands);
	assert_printer("offline");
	printer_back();
	test_at("2026-03-20T10:00:11");
	assert_int_equal(step(), 1);
	assert_job(job, "done", NULL);
	assert_printed_after(&t, "kk", 1);
}

static void
test_a_stalled_printer_is_given_up_in_bounded_time(void **state)
{
	struct timespec a, b;
	struct kz_ticket t;
	int64_t job;

	(void)state;
	hall_with_printer(FAKE_STALL);
	test_at("2026-03-20T10:00");
	job = issue("ru", &t);
	open_printd(NULL);
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(step(), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	assert_true(b.tv_sec - a.tv_sec < 5); /* status and send: 500 ms each at most */
	assert_job(job, "queued", NULL);
	assert_printer("offline");
}

static void
test_a_crash_while_sending_does_not_print_twice(void **state)
{
	struct kz_print_job j;
	struct kz_ticket t;
	char err[KZ_ERR_LEN];
	int64_t job, again;
	int uncertain = 0;

	(void)state;
	hall_with_printer(FAKE_ACCEPT);
	test_at("2026-03-20T10:00");
	job = issue("kk", &t);
	/* a printd took it and died before recording the result */
	assert_int_equal(kz_outbox_claim(h->db, "kiosk-1", &j, err), KZ_OK);
	open_printd(&uncertain);
	assert_int_equal(uncertain, 1);
	assert_int_equal(step(), 0);
	assert_job(job, "uncertain", NULL);
	/* (the printer was asked its status, nothing more: the picture
	 * checked at the end would be twice as tall otherwise) */
	/* the clerk sees no ticket came out and asks again */
	assert_int_equal(kz_outbox_reprint(h->db, job, &again, err), KZ_OK);
	assert_int_equal(step(), 1);
	assert_job(again, "done", NULL);
	assert_printed(&t, "kk");
}

static void
test_an_idle_printer_is_watched(void **state)
{
	(void)state;
	hall_with_printer(FAKE_ACCEPT);
	test_at("2026-03-20T10:00");
	open_printd(NULL);
	assert_int_equal(step(), 0);
	assert_printer("ready");
	/* paper runs out while nobody prints: the kiosk must know */
	fake_printer_set_status(4, 0x72);
	test_at("2026-03-20T10:00:10");
	step();
	assert_printer("ready"); /* not asked again yet */
	test_at("2026-03-20T10:00:16");
	step();
	assert_printer("paper_out");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_a_ticket_prints_as_its_exact_picture, teardown),
		cmocka_unit_test_teardown(test_an_a4_document_on_a_roll_fails_saying_why, teardown),
		cmocka_unit_test_teardown(test_paper_out_waits_then_prints, teardown),
		cmocka_unit_test_teardown(test_unreachable_printer_is_offline_until_back, teardown),
		cmocka_unit_test_teardown(test_a_dropped_connection_is_printed_again_whole,
			teardown),
		cmocka_unit_test_teardown(test_a_band_header_waits_for_the_band_before_it,
			teardown),
		cmocka_unit_test_teardown(test_a_stalled_printer_is_given_up_in_bounded_time,
			teardown),
		cmocka_unit_test_teardown(test_a_crash_while_sending_does_not_print_twice,
			teardown),
		cmocka_unit_test_teardown(test_an_idle_printer_is_watched, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
