/*
 * generate.c - bulk history for the report benchmark; see generate.h.
 * Start at kz_generate_history: each working day's visitors arrive at
 * times drawn from the hall's day (a morning peak before lunch, a smaller
 * one after), and each ticket row is written whole, done.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue/bulk.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/ticket.h"
#include "sim/generate.h"
#include "sim/rng.h"

#define MAX_DAY_VISITORS 4000
#define PI               3.14159265358979323846

struct gen {
	struct kz_db *db;
	struct kz_calendar *cal;
	const struct kz_config *cfg;
	int year, app_seq, complaint_seq; /* numbering of the year being written */
	struct kz_rng rng;
	struct kz_bulk_hall hall; /* row ids of services, counters, clerks */
	struct kz_gen_result *out;
};

static double
uniform(struct gen *g)
{
	return kz_rng_unit(&g->rng);
}

/* A duration with median m seconds and a long tail (log-normal, sigma s). */
static int64_t
lognormal(struct gen *g, double m, double s)
{
	double u1 = uniform(g) + 1e-12, u2 = uniform(g);
	double z = sqrt(-2 * log(u1)) * cos(2 * PI * u2);

	return (int64_t)(m * exp(s * z));
}

/* Arrival rate through the day, minutes after midnight: a ramp from
 * opening, the peak before lunch, a smaller one in the afternoon. */
static double
rate(int minute)
{
	if (minute < 9 * 60 || minute >= 17 * 60 + 30 || (minute >= 13 * 60 && minute < 14 * 60))
		return 0;
	if (minute < 10 * 60)
		return 0.6;
	if (minute < 13 * 60)
		return minute >= 11 * 60 ? 1.0 : 0.8;
	return minute < 16 * 60 ? 0.7 : 0.5;
}

static int
arrival(struct gen *g)
{
	for (;;) {
		int m = 9 * 60 + (int)(uniform(g) * (8.5 * 60));
		if (uniform(g) < rate(m))
			return m;
	}
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int
service_of(struct gen *g)
{
	static const double weights[] = {0.50, 0.35, 0.15};
	double u = uniform(g), acc = 0;

	if (g->hall.nservices != 3)
		return (int)(uniform(g) * g->hall.nservices);
	for (int i = 0; i < 3; i++)
		if (u < (acc += weights[i]))
			return i;
	return 0;
}

static int
insert_ticket(struct gen *g, const char *day, int service, int seq, int64_t issued, int64_t origin,
	enum kz_outcome outcome, int counter, int clerk, int64_t called, int64_t started,
	int64_t finished, int64_t *id, char *err)
{
	struct kz_bulk_ticket t = {
		.day = day,
		.service_id = g->hall.services[service],
		.seq = seq,
		.prefix = g->hall.prefixes[service],
		.issued_at = issued,
		.origin_id = origin,
		.outcome = outcome,
		.counter_id = counter >= 0 ? g->hall.counters[counter] : 0,
		.clerk_id = clerk >= 0 ? g->hall.clerks[clerk] : 0,
		.called_at = called,
		.started_at = started,
		.finished_at = finished,
	};

	g->out->tickets++;
	return kz_bulk_ticket(g->db, &t, id, err);
}

static int
insert_feedback(struct gen *g, const char *day, int64_t at, char *err)
{
	static const double yes[4] = {0.92, 0.88, 0.80, 0.95};
	struct kz_bulk_feedback f = {.at = at, .day = day, .kiosk = "kiosk-1"};

	f.lang = uniform(g) < 0.6 ? "kk" : "ru";
	for (int q = 0; q < 4; q++) {
		double u = uniform(g);
		if (q > 0 && u < 0.08) /* a question skipped now and then; never all four */
			f.answers[q] = -1;
		else
			f.answers[q] = uniform(g) < yes[q];
	}
	g->out->feedback++;
	return kz_bulk_feedback(g->db, &f, err);
}

/* An application handed in at the end of a visit: mostly complete,
 * decided within its term, collected; some refused, late, never decided,
 * never collected.  Its personal fields are left empty: a benchmark. */
static int
application(struct gen *g, struct kz_date d, const char *day, int64_t at, int clerk, char *err)
{
	struct kz_date due = kz_cal_due(g->cal, d), decided;
	char number[32], due_day[11], decided_day[11] = "", notice[11];
	enum kz_app_state status = KZ_APP_APPROVED;
	double u = uniform(g);
	int64_t decided_at = 0, handed = 0;
	int refused;

	snprintf(number, sizeof number, "%04d-%04d", d.y, ++g->app_seq);
	kz_date_format(due, due_day);
	if (u < 0.08) {
		status = KZ_APP_REFUSED;
	} else if (u < 0.14) {
		status = KZ_APP_REGISTERED; /* never decided: deemed approved */
	} else {
		/* decided 1-3 working days on, one in ten after the due day */
		decided = kz_cal_add_working_days(g->cal, d,
			u < 0.24 ? 4 : 1 + (int)(uniform(g) * 3));
		kz_date_format(decided, decided_day);
		decided_at = kz_date_at(decided, 11 * 60);
		status = u < 0.17 ? KZ_APP_REJECTED : KZ_APP_APPROVED;
		if (uniform(g) < 0.95)
			handed = decided_at + 86400 * (1 + (int64_t)(uniform(g) * 20));
	}
	kz_date_format(kz_cal_add_working_days(g->cal, d, 1), notice);
	refused = status == KZ_APP_REFUSED;
	struct kz_bulk_application a = {
		.year = d.y,
		.seq = g->app_seq,
		.number = number,
		.kind = uniform(g) < 0.85 ? KZ_APP_INDIVIDUAL : KZ_APP_LEGAL,
		.accepted_at = at,
		.day = day,
		.due_day = due_day,
		.clerk_id = g->hall.clerks[clerk],
		.status = status,
		.missing = refused ? 8 : 0, /* refused: the act missing */
		.decided_at = decided_at,
		.decided_day = decided_at ? decided_day : NULL,
		.reason = status == KZ_APP_REJECTED ? "акт не соответствует" : NULL,
		.notice_due_day = refused ? notice : NULL,
		.notice_sent_at = refused ? at + 3600 : 0,
		.handed_at = handed,
		.handed_to = handed ? KZ_HANDED_APPLICANT : KZ_HANDED_NONE,
	};
	g->out->applications++;
	return kz_bulk_application(g->db, &a, err);
}

/* About one complaint every other day, most answered within their term. */
static int
complaint(struct gen *g, struct kz_date d, int64_t at, int clerk, char *err)
{
	int days = uniform(g) < 0.7 ? 15 : 30;
	struct kz_date due = kz_cal_add_calendar_days(g->cal, d, days);
	double u = uniform(g);
	char number[32], due_day[11];
	int64_t answered = u < 0.85 ? at + 86400 * (int64_t)(1 + uniform(g) * (days - 2))
		: u < 0.95          ? at + 86400 * (int64_t)(days + 3)
				    : 0;

	snprintf(number, sizeof number, "%04d-C-%04d", d.y, ++g->complaint_seq);
	kz_date_format(due, due_day);
	enum kz_complaint_channel channel =
		uniform(g) < 0.7 ? KZ_CHANNEL_IN_PERSON : KZ_CHANNEL_POST;
	struct kz_bulk_complaint c = {
		.year = d.y,
		.seq = g->complaint_seq,
		.number = number,
		.registered_at = at,
		.channel = channel,
		.kind = uniform(g) < 0.6 ? KZ_COMPLAINT_SERVICE : KZ_COMPLAINT_RESULT,
		.clerk_id = g->hall.clerks[clerk],
		.days = days,
		.due_day = due_day,
		.answered_at = answered,
		.answer_channel = answered ? KZ_CHANNEL_POST : KZ_CHANNEL_NONE,
	};
	g->out->complaints++;
	return kz_bulk_complaint(g->db, &c, err);
}

/* One visitor of day d, arriving at minute m with the seq-th number of service s. */
static int
visitor(struct gen *g, const char *day, struct kz_date d, int m, int s, int seq, int dayno,
	char *err)
{
	static const double median[] = {12 * 60, 5 * 60, 8 * 60};
	int64_t issued = kz_date_at(d, m), wait = lognormal(g, 11 * 60, 0.75), id;
	int counter = (int)(uniform(g) * g->hall.ncounters),
	    clerk = (counter + dayno) % KZ_BULK_CLERKS;
	int64_t called, finished, lunch = kz_date_at(d, 13 * 60);
	double u = uniform(g);
	int rc;

	if (issued + wait > lunch && issued < lunch)
		wait += 3600; /* reception breaks for lunch */
	called = issued + wait;
	if (m >= 17 * 60 + 10 && u < 0.3) /* not called by the close of day */
		return insert_ticket(g, day, s, seq, issued, 0, KZ_OFFICE_CLOSED, -1, -1, 0, 0,
			kz_date_at(d, 18 * 60), &id, err);
	if (u < 0.04)
		return insert_ticket(g, day, s, seq, issued, 0, KZ_NO_SHOW, counter, clerk, called,
			0, called + 300, &id, err);
	finished = called + lognormal(g, median[s % 3], 0.5);
	if (u < 0.06 && g->hall.nservices > 1) { /* sent on to another service */
		int to = (s + 1) % g->hall.nservices;
		int64_t again = finished + lognormal(g, 8 * 60, 0.6), origin;
		if ((rc = insert_ticket(g, day, s, seq, issued, 0, KZ_TRANSFERRED, counter, clerk,
			     called, called + 30, finished, &origin, err)) != KZ_OK)
			return rc;
		return insert_ticket(g, day, s, seq, issued, origin, KZ_SERVED, counter, clerk,
			again, again + 30, again + lognormal(g, median[to % 3], 0.5), &id, err);
	}
	if ((rc = insert_ticket(g, day, s, seq, issued, 0, KZ_SERVED, counter, clerk, called,
		     called + 30, finished, &id, err)) != KZ_OK)
		return rc;
	if (g->hall.cases && s == 0 && uniform(g) < 0.4 &&
		(rc = application(g, d, day, finished, clerk, err)) != KZ_OK)
		return rc;
	if (g->hall.cases && uniform(g) < 0.5 / 600 &&
		(rc = complaint(g, d, finished, clerk, err)) != KZ_OK)
		return rc;
	return uniform(g) < 0.3 ? insert_feedback(g, day, finished + 60, err) : KZ_OK;
}

static int
one_day(struct gen *g, struct kz_date d, int n, int dayno, char *err)
{
	static int minutes[MAX_DAY_VISITORS];
	int seq[KZ_MAX_SERVICES] = {0};
	char day[11];
	int rc = KZ_OK;

	kz_date_format(d, day);
	if (d.y != g->year) { /* numbers of applications and complaints run per year */
		g->year = d.y;
		g->app_seq = g->complaint_seq = 0;
	}
	for (int i = 0; i < n; i++)
		minutes[i] = arrival(g);
	qsort(minutes, (size_t)n, sizeof minutes[0], cmp_int);
	if ((rc = kz_bulk_begin(g->db, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < n && rc == KZ_OK; i++) {
		int s = service_of(g);
		rc = visitor(g, day, d, minutes[i], s, ++seq[s], dayno, err);
	}
	if (rc != KZ_OK) {
		kz_bulk_rollback(g->db);
		return rc;
	}
	g->out->days++;
	return kz_bulk_commit(g->db, err);
}

static int
load_hall(struct gen *g, char *err)
{
	static const char *const names[KZ_BULK_CLERKS] = {"Әлімова Гүлнар Серікқызы",
		"Иванова Мария Петровна", "Сейтқали Айгерім Бақытқызы", "Ахметов Ерлан Серікұлы",
		"Ким Олег Викторович", "Нұрланов Дәурен Асқарұлы", "Петренко Анна Сергеевна",
		"Жақсыбекова Динара Маратқызы", "Омаров Тимур Бекұлы", "Смагулова Айнур Канатовна",
		"Бекова Сәуле Ерланқызы", "Козлов Игорь Андреевич"};

	return kz_bulk_hall(g->db, names, "Главный специалист", &g->hall, err);
}

static int
check_empty(struct gen *g, const char *from, const char *to, char *err)
{
	char first[11];
	int64_t n;
	int rc;

	if ((rc = kz_ticket_count_days(g->db, from, to, &n, first, err)) != KZ_OK)
		return rc;
	if (n > 0)
		return kz_err(err, KZ_EREJECT,
			"%lld tickets are already there between %s and %s; "
			"generate into an empty database",
			(long long)n, from, to);
	return KZ_OK;
}

int
kz_generate_history(struct kz_db *db, struct kz_calendar *cal, const struct kz_config *cfg,
	const char *from, const char *to, int visitors_per_day, uint64_t seed,
	struct kz_gen_result *out, char *err)
{
	struct gen g = {.db = db, .cal = cal, .cfg = cfg, .rng = {seed}, .out = out};
	struct kz_date f, t;
	int rc, dayno = 0;

	memset(out, 0, sizeof *out);
	if (kz_date_parse(from, &f) != 0 || kz_date_parse(to, &t) != 0 || kz_date_cmp(f, t) > 0)
		return kz_err(err, KZ_EINVAL, "'%s' to '%s' is not a range of days (YYYY-MM-DD)",
			from, to);
	if (visitors_per_day < 1 || visitors_per_day > MAX_DAY_VISITORS * 3 / 4)
		return kz_err(err, KZ_EINVAL, "visitors a day is 1 to %d, not %d",
			MAX_DAY_VISITORS * 3 / 4, visitors_per_day);
	if ((rc = check_empty(&g, from, to, err)) != KZ_OK || (rc = load_hall(&g, err)) != KZ_OK)
		return rc;
	for (struct kz_date d = f; kz_date_cmp(d, t) <= 0;
		d = kz_date_from_days(kz_date_days(d) + 1)) {
		int n;
		if (!kz_cal_is_working(cal, d))
			continue;
		n = (int)(visitors_per_day * (0.8 + 0.4 * uniform(&g)));
		if ((rc = one_day(&g, d, n, dayno++, err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}
