/*
 * test_ahead.c - people ahead and the expected call (estimate.h, by the
 * replay of ahead.h) against the real calls.
 *
 * Each case builds a hall whose counters serve overlapping sets of
 * services, gives each service a known visit time (three visits of exactly
 * that length served the day before: with none today yet, the typical
 * visit is the figure), puts visitors at some counters,
 * issues a queue and asks, for every waiting ticket, how many are ahead and
 * when it will be called.  Then the calls are made for real: the counter
 * free first (the lower number on a tie) finishes its visitor served and
 * calls with kz_ticket_next, the clock stood at that moment, each visit
 * lasting its service's time.  Every ticket must be called at the position
 * and the moment it was told.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/estimate.h"
#include "queue/ticket.h"

#define DAY     "2026-03-20"
#define DAY0    "2026-03-19T10:00" /* the day before: the visits' lengths */
#define MAXT    64
#define MAXC    8
#define SERVICE 4

struct told {
	struct kz_ticket t;
	struct kz_wait_estimate e;
};

/* A hall at the moment the figures are asked for. */
struct scene {
	struct test_hall *h;
	int64_t visit[SERVICE]; /* seconds, by service letter A.. */
	int ncounters;
	int64_t free_at[MAXC + 1]; /* by counter number; 0: not calling */
	struct told told[MAXT];
	int n;
};

static int
svc(const char *code)
{
	return code[0] - 'A';
}

static void
must(int rc, const char *what, const char *err)
{
	if (rc != KZ_OK)
		fail_msg("%s: %s", what, err);
}

/* Three visits of service code at counter the day before, each exactly
 * its visit time: the typical visit is then that time. */
static void
warm_up(struct scene *s, int counter, const char *code)
{
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;
	int64_t at = test_at(DAY0) + 1800 * svc(code);

	for (int i = 0; i < 3; i++) {
		kz_clock_set(at);
		test_issue(s->h, code);
		must(kz_ticket_next(s->h->db, counter, &t, err), "warm-up call", err);
		assert_string_equal(t.service, code);
		at += s->visit[svc(code)];
		kz_clock_set(at);
		must(kz_ticket_finish(s->h->db, counter, KZ_SERVED, NULL, NULL, &t, err),
			"warm-up finish", err);
	}
}

/* Counter calls now and keeps its visitor (the replay's busy counter). */
static void
busy(struct scene *s, int counter, int64_t at)
{
	char err[KZ_ERR_LEN] = "";
	struct kz_ticket t;

	kz_clock_set(at);
	must(kz_ticket_next(s->h->db, counter, &t, err), "call", err);
	s->free_at[counter] = at + s->visit[svc(t.service)];
}

static void
issue(struct scene *s, const char *code, int64_t at)
{
	kz_clock_set(at);
	assert_true(s->n < MAXT);
	s->told[s->n++].t = test_issue(s->h, code);
}

/* What every waiting ticket is told at now. */
static void
ask(struct scene *s, int64_t now)
{
	char err[KZ_ERR_LEN] = "";

	for (int i = 0; i < s->n; i++) {
		kz_clock_set(now);
		must(kz_wait_estimate_ticket(s->h->db, &s->h->cfg.hours, s->told[i].t.id, 600,
			     &s->told[i].e, err),
			"estimate", err);
		assert_true(s->told[i].e.waiting);
	}
}

static int
first_free(const struct scene *s)
{
	int best = 0;

	for (int c = 1; c <= s->ncounters; c++)
		if (s->free_at[c] != 0 && (best == 0 || s->free_at[c] < s->free_at[best]))
			best = c;
	return best;
}

/* The real calls, in the model's order; each ticket's position and moment
 * against what it was told. */
static void
replay_for_real(struct scene *s)
{
	const struct kz_hours *hr = &s->h->cfg.hours;
	int64_t lunch_start = kz_date_at(kz_date_of(s->free_at[first_free(s)]), hr->lunch_start);
	int64_t lunch_end = kz_date_at(kz_date_of(lunch_start), hr->lunch_end);
	char err[KZ_ERR_LEN] = "";
	int calls = 0, c;

	while ((c = first_free(s)) != 0) {
		int64_t at = s->free_at[c];
		struct kz_ticket t;
		int rc, i;
		if (at >= lunch_start && at < lunch_end)
			at = lunch_end;
		kz_clock_set(at);
		rc = kz_ticket_finish(s->h->db, c, KZ_SERVED, NULL, NULL, &t, err);
		assert_true(rc == KZ_OK || rc == KZ_EREJECT); /* REJECT: it had no visitor */
		rc = kz_ticket_next(s->h->db, c, &t, err);
		if (rc == KZ_EEMPTY) {
			s->free_at[c] = 0; /* nothing left it serves */
			continue;
		}
		must(rc, "call", err);
		for (i = 0; i < s->n && s->told[i].t.id != t.id; i++)
			;
		assert_true(i < s->n);
		if (s->told[i].e.ahead != calls || s->told[i].e.call_at != at)
			fail_msg("%s was told %d ahead, called at %lld; it was call %d, at %lld by "
				 "counter %d",
				t.number, s->told[i].e.ahead, (long long)s->told[i].e.call_at,
				calls + 1, (long long)at, c);
		calls++;
		s->free_at[c] = at + s->visit[svc(t.service)];
	}
	assert_int_equal(calls, s->n); /* every ticket was called */
}

/* The default hall: 1 and 2 serve A and B, 3 serves A, B and C.  B-001,
 * then nine A's, then B-002: counting its own service B-002 had "1 ahead";
 * it is called 11th, and now it is told 10. */
static void
test_default_hall_b002_is_called_eleventh(void **state)
{
	struct scene s = {.visit = {600, 300, 480}, .ncounters = 3};
	int64_t t = test_at(DAY "T10:00");

	(void)state;
	s.h = test_hall_new("[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
			    "[service A]\nprefix = A\nname_kk = А\nname_ru = А\n"
			    "[service B]\nprefix = B\nname_kk = Б\nname_ru = Б\n"
			    "[service C]\nprefix = C\nname_kk = В\nname_ru = В\n"
			    "[counter 1]\nservices = A, B\n[counter 2]\nservices = A, B\n"
			    "[counter 3]\nservices = A, B, C\n");
	for (int c = 1; c <= 3; c++)
		test_open_counter(s.h, c);
	warm_up(&s, 1, "A");
	warm_up(&s, 2, "B");
	warm_up(&s, 3, "C");
	issue(&s, "B", t);
	for (int i = 0; i < 9; i++)
		issue(&s, "A", t + 10 + i);
	issue(&s, "B", t + 30);
	assert_string_equal(s.told[10].t.number, "B-002");
	for (int c = 1; c <= 3; c++)
		s.free_at[c] = t + 60;
	ask(&s, t + 60);
	assert_int_equal(s.told[10].e.ahead, 10);
	assert_int_equal(s.told[1].e.ahead, 1); /* A-001 behind B-001 */
	replay_for_real(&s);
	test_hall_free(s.h);
}

/* Four services, five counters serving overlapping pairs, one closed, two
 * with a visitor; forty tickets of a mixed stream, some in the same second
 * (then the lower id goes first). */
static void
test_overlapping_counters_match_the_real_calls(void **state)
{
	struct scene s = {.visit = {600, 300, 900, 420}, .ncounters = 5};
	int64_t t = test_at(DAY "T10:00");
	char err[KZ_ERR_LEN] = "";
	uint32_t x = 12345;

	(void)state;
	s.h = test_hall_new("[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
			    "[service A]\nprefix = A\nname_kk = А\nname_ru = А\n"
			    "[service B]\nprefix = B\nname_kk = Б\nname_ru = Б\n"
			    "[service C]\nprefix = C\nname_kk = В\nname_ru = В\n"
			    "[service D]\nprefix = D\nname_kk = Г\nname_ru = Г\n"
			    "[counter 1]\nservices = A\n[counter 2]\nservices = A, B\n"
			    "[counter 3]\nservices = B, C\n[counter 4]\nservices = C, D\n"
			    "[counter 5]\nservices = A, D\n");
	for (int c = 1; c <= 5; c++)
		test_open_counter(s.h, c);
	warm_up(&s, 1, "A");
	warm_up(&s, 2, "B");
	warm_up(&s, 3, "C");
	warm_up(&s, 4, "D");
	must(kz_counter_close(s.h->db, 4, NULL, NULL, err), "close 4", err);
	/* a visitor at 2 since 09:55 and at 3 since 09:58 */
	kz_clock_set(t - 300);
	test_issue(s.h, "B");
	busy(&s, 2, t - 300);
	kz_clock_set(t - 120);
	test_issue(s.h, "C");
	busy(&s, 3, t - 120);
	for (int i = 0; i < 40; i++) {
		static const char *const codes[] = {"A", "B", "C", "D", "A", "C", "D"};
		x = x * 1103515245u + 12345u;
		issue(&s, codes[(x >> 16) % 7], t + i / 3); /* three to a second */
	}
	s.free_at[1] = s.free_at[5] = t + 60;
	if (s.free_at[2] < t + 60)
		s.free_at[2] = t + 60;
	if (s.free_at[3] < t + 60)
		s.free_at[3] = t + 60;
	ask(&s, t + 60);
	replay_for_real(&s);
	test_hall_free(s.h);
}

/* Calls that run into lunch wait for its end, and whoever was taken before
 * lunch and is called after it is told so. */
static void
test_lunch_moves_the_calls_to_its_end(void **state)
{
	struct scene s = {.visit = {900, 600, 600}, .ncounters = 4};
	int64_t t = test_at(DAY "T12:20");

	(void)state;
	s.h = test_hall_new(NULL); /* 1, 2: A, B; 3: A, B, C; 4: C */
	test_open_counter(s.h, 1);
	test_open_counter(s.h, 4);
	warm_up(&s, 1, "A");
	warm_up(&s, 4, "C");
	test_open_counter(s.h, 3);
	warm_up(&s, 3, "B");
	for (int i = 0; i < 15; i++)
		issue(&s, i % 3 == 2 ? "C" : i % 3 ? "B" : "A", t + i);
	s.free_at[1] = s.free_at[3] = s.free_at[4] = t + 30;
	ask(&s, t + 30);
	assert_false(s.told[0].e.after_lunch);
	assert_false(s.told[11].e.after_lunch); /* C-004 by 4 at 12:50:30 */
	assert_true(s.told[14].e.after_lunch);  /* C-005 by 4 at 14:00 */
	assert_int_equal(s.told[14].e.call_at, test_at(DAY "T14:00"));
	assert_int_equal(s.told[14].e.lunch_end, test_at(DAY "T14:00"));
	replay_for_real(&s);
	test_hall_free(s.h);
}

/* Two in the queue at one counter at 17:20: the second call would be at
 * 17:40 + 20 min = 18:00, closing; it is told it may not be called. */
static void
test_closing_is_told(void **state)
{
	struct scene s = {.visit = {1200, 600, 600}, .ncounters = 1};
	int64_t t = test_at(DAY "T17:20");

	(void)state;
	s.h = test_hall_new(NULL);
	test_open_counter(s.h, 1);
	warm_up(&s, 1, "A");
	issue(&s, "A", t);
	issue(&s, "A", t);
	issue(&s, "A", t);
	s.free_at[1] = t;
	ask(&s, t);
	assert_false(s.told[1].e.after_close);
	assert_true(s.told[2].e.after_close);
	assert_int_equal(s.told[2].e.close_at, test_at(DAY "T18:00"));
	test_hall_free(s.h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_hall_b002_is_called_eleventh),
		cmocka_unit_test(test_overlapping_counters_match_the_real_calls),
		cmocka_unit_test(test_lunch_moves_the_calls_to_its_end),
		cmocka_unit_test(test_closing_is_told),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
