/* test_wire.c - what kezek-hall and its board and kiosk say to each other
 * (wire/): every shape read back as written, and an answer of another
 * shape refused with the field named, never half read. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "queue/error.h"
#include "wire/board.h"
#include "wire/kiosk.h"

static void
test_board_both_ways(void **state)
{
	static struct kz_board b, back;
	int64_t last = 0;
	char err[KZ_ERR_LEN] = "", *text;
	json_t *j;

	(void)state;
	memset(&b, 0, sizeof b);
	b.status.now = 1774000000;
	strcpy(b.status.day, "2026-03-20");
	b.status.nservices = 2;
	strcpy(b.status.services[0].code, "A");
	strcpy(b.status.services[0].prefix, "A");
	strcpy(b.status.services[0].name_kk, "Құжаттарды тапсыру");
	strcpy(b.status.services[0].name_ru, "Сдача документов");
	b.status.services[0].waiting = 3;
	b.status.services[0].longest_wait = 610;
	b.status.services[0].oldest_issued_at = 1773999390;
	strcpy(b.status.services[1].code, "B");
	b.status.ncounters = 1;
	b.status.counters[0].number = 2;
	b.status.counters[0].state = KZ_COUNTER_PAUSED;
	strcpy(b.status.counters[0].clerk, "Омаров Ерлан");
	strcpy(b.status.counters[0].ticket, "A-003");
	b.status.counters[0].ticket_state = KZ_TICKET_SERVING;
	b.status.counters[0].ticket_since = 1773999900;
	b.status.waiting = 3;
	b.status.longest_wait = 610;
	b.ncalls = 2;
	b.calls[0] = (struct kz_call){41, 1773999990, "A-003", 2, 1};
	b.calls[1] = (struct kz_call){40, 1773999900, "B-001", 1, 0};
	j = kz_wire_board(&b, 41);
	assert_non_null(j);
	assert_int_equal(kz_wire_board_parse(j, &back, &last, err), KZ_OK);
	assert_int_equal(last, 41);
	assert_int_equal(back.ncalls, 2);
	assert_string_equal(back.calls[0].number, "A-003");
	assert_int_equal(back.calls[0].recall, 1);
	assert_int_equal(back.calls[1].counter, 1);
	assert_string_equal(back.status.services[0].name_kk, "Құжаттарды тапсыру");
	assert_int_equal(back.status.services[0].oldest_issued_at, 1773999390);
	assert_int_equal(back.status.counters[0].state, KZ_COUNTER_PAUSED);
	assert_int_equal(back.status.counters[0].ticket_state, KZ_TICKET_SERVING);
	/* the board is told someone is at the counter, never who */
	text = json_dumps(j, 0);
	assert_null(strstr(text, "Омаров"));
	free(text);
	assert_string_not_equal(back.status.counters[0].clerk, "");
	assert_string_equal(back.status.day, "2026-03-20");
	json_decref(j);
}

static void
test_other_shapes_refused(void **state)
{
	static struct kz_board back;
	static const char *const bad[] = {
		"[]",
		"{}",
		"{\"now\":1,\"day\":\"x\",\"services\":[],\"counters\":[],\"waiting\":0,"
		"\"longest_wait\":0}",
		"{\"now\":1,\"day\":\"x\",\"services\":[{\"code\":5}],\"counters\":[],\"waiting\":0,"
		"\"longest_wait\":0,\"calls\":[],\"last_call\":0}",
		"{\"now\":\"soon\",\"day\":\"x\",\"services\":[],\"counters\":[],\"waiting\":0,"
		"\"longest_wait\":0,\"calls\":[],\"last_call\":0}",
	};
	char err[KZ_ERR_LEN];
	int64_t last;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json_t *j = json_loads(bad[i], 0, NULL);
		err[0] = '\0';
		assert_non_null(j);
		assert_int_equal(kz_wire_board_parse(j, &back, &last, err), KZ_EINVAL);
		assert_non_null(strstr(err, "version"));
		json_decref(j);
	}
}

static void
test_kiosk_shapes_both_ways(void **state)
{
	struct kz_wait_estimate e = {1, 4, 2, 1, 5, 540, 1774000000, 1774001800, 1800, 25, 35, 1,
					1774004400, 0, 1774026000},
				e2;
	struct kz_ticket t = {.id = 7,
				 .number = "A-004",
				 .service = "A",
				 .day = "2026-03-20",
				 .issued_at = 1774000000,
				 .lunch_notice = 1,
				 .resumes_at = 1774004400},
			 t2;
	struct kz_print_job job = {.id = 12, .state = KZ_JOB_EXPIRED, .reason = "paper out"}, job2;
	struct kz_admin_pin p = {1, 0, 2, 1774000300, 0}, p2;
	char err[KZ_ERR_LEN] = "";
	json_t *j;

	(void)state;
	j = kz_wire_estimate(&e);
	assert_int_equal(kz_wire_estimate_parse(j, &e2, err), KZ_OK);
	json_decref(j);
	assert_int_equal(e2.ahead, 4);
	assert_int_equal(e2.high_min, 35);
	assert_int_equal(e2.after_lunch, 1);
	assert_int_equal(e2.close_at, 1774026000);
	j = kz_wire_ticket(&t);
	assert_int_equal(kz_wire_ticket_parse(j, &t2, err), KZ_OK);
	json_decref(j);
	assert_string_equal(t2.number, "A-004");
	assert_int_equal(t2.id, 7);
	assert_int_equal(t2.lunch_notice, 1);
	assert_int_equal(t2.resumes_at, 1774004400);
	j = kz_wire_job(&job);
	assert_int_equal(kz_wire_job_parse(j, &job2, err), KZ_OK);
	json_decref(j);
	assert_int_equal(job2.state, KZ_JOB_EXPIRED);
	assert_string_equal(job2.reason, "paper out");
	j = kz_wire_admin_pin(&p);
	assert_int_equal(kz_wire_admin_pin_parse(j, &p2, err), KZ_OK);
	json_decref(j);
	assert_int_equal(p2.tries, 2);
	assert_int_equal(p2.rest_until, 1774000300);
	for (int w = KZ_BALLOT_MAY_VOTE; w <= KZ_BALLOT_WRONG_CODE; w++)
		assert_int_equal(kz_wire_refusal_parse(kz_wire_refusal((enum kz_ballot_refusal)w)),
			w);
	assert_int_equal(kz_wire_refusal_parse("lost"), KZ_BALLOT_UNKNOWN);
	assert_int_equal(kz_wire_refusal_parse(NULL), KZ_BALLOT_UNKNOWN);
	j = json_pack("{s:s}", "number", "A-004");
	assert_int_equal(kz_wire_ticket_parse(j, &t2, err), KZ_EINVAL);
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_both_ways),
		cmocka_unit_test(test_other_shapes_refused),
		cmocka_unit_test(test_kiosk_shapes_both_ways),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
