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

#include "clock.h"
#include "error.h"
#include "generate.h"
#include "rng.h"
#include "sql.h"

#define MAX_DAY_VISITORS 4000
#define CLERKS           12
#define PI               3.14159265358979323846

struct gen {
	struct kz_db *db;
	struct kz_calendar *cal;
	const struct kz_config *cfg;
	int cases; /* this database has the applications and complaints registers */
	int year, app_seq, complaint_seq; /* numbering of the year being written */
	struct kz_rng rng;
	int nservices, ncounters;
	int64_t services[KZ_MAX_SERVICES], counters[KZ_MAX_COUNTERS], clerks[CLERKS];
	char prefixes[KZ_MAX_SERVICES][KZ_CODE_LEN];
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

	if (g->nservices != 3)
		return (int)(uniform(g) * g->nservices);
	for (int i = 0; i < 3; i++)
		if (u < (acc += weights[i]))
			return i;
	return 0;
}

static int
insert_ticket(struct gen *g, const char *day, int service, int seq, int64_t issued, int64_t origin,
	const char *outcome, int counter, int clerk, int64_t called, int64_t started,
	int64_t finished, int64_t *id, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(g->db,
		"INSERT INTO tickets (day, service_id, seq, number, issued_at, origin_id, state,"
		" outcome, counter_id, clerk_id, called_at, started_at, finished_at)"
		" VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?)",
		err);
	char number[32];
	int rc;

	if (st == NULL)
		return KZ_EDB;
	snprintf(number, sizeof number, "%s-%03d", g->prefixes[service], seq);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, g->services[service]);
	sqlite3_bind_int(st, 3, seq);
	sqlite3_bind_text(st, 4, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, issued);
	kz_bind_id(st, 6, origin);
	sqlite3_bind_text(st, 7, outcome, -1, SQLITE_STATIC);
	kz_bind_id(st, 8, counter >= 0 ? g->counters[counter] : 0);
	kz_bind_id(st, 9, clerk >= 0 ? g->clerks[clerk] : 0);
	kz_bind_id(st, 10, called);
	kz_bind_id(st, 11, started);
	kz_bind_id(st, 12, finished);
	rc = kz_db_exec_stmt(g->db, st, "write a ticket", err);
	*id = sqlite3_last_insert_rowid(kz_db_sql(g->db));
	g->out->tickets++;
	return rc;
}

static int
insert_feedback(struct gen *g, const char *day, int64_t at, char *err)
{
	static const double yes[4] = {0.92, 0.88, 0.80, 0.95};
	sqlite3_stmt *st = kz_db_stmt(g->db,
		"INSERT INTO feedback (at, day, lang, kiosk, quality, information, appeal, politeness)"
		" VALUES (?, ?, ?, 'kiosk-1', ?, ?, ?, ?)",
		err);

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, uniform(g) < 0.6 ? "kk" : "ru", -1, SQLITE_STATIC);
	for (int q = 0; q < 4; q++) {
		double u = uniform(g);
		if (q > 0 && u < 0.08) /* a question skipped now and then; never all four */
			sqlite3_bind_null(st, 4 + q);
		else
			sqlite3_bind_int(st, 4 + q, uniform(g) < yes[q]);
	}
	g->out->feedback++;
	return kz_db_exec_stmt(g->db, st, "write feedback", err);
}

/* An application handed in at the end of a visit: mostly complete,
 * decided within its term, collected; some refused, late, never decided,
 * never collected.  Its personal fields are left empty: a benchmark. */
static int
application(struct gen *g, struct kz_date d, const char *day, int64_t at, int clerk, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(g->db,
		"INSERT INTO applications (year, seq, number, kind, accepted_at, day, due_day, clerk_id,"
		" status, docs, missing, decided_at, decided_day, decision_reason, notice_due_day,"
		" notice_sent_at, handed_at, handed_to) VALUES"
		" (?, ?, ?, ?, ?, ?, ?, ?, ?, 15, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	struct kz_date due = kz_cal_due(g->cal, d), decided;
	char number[32], due_day[11], decided_day[11] = "", notice[11];
	const char *status = "approved";
	double u = uniform(g);
	int64_t decided_at = 0, handed = 0;

	if (st == NULL)
		return KZ_EDB;
	snprintf(number, sizeof number, "%04d-%04d", d.y, ++g->app_seq);
	kz_date_format(due, due_day);
	if (u < 0.08) {
		status = "refused";
	} else if (u < 0.14) {
		status = "registered"; /* never decided: deemed approved */
	} else {
		/* decided 1-3 working days on, one in ten after the due day */
		decided = kz_cal_add_working_days(g->cal, d,
			u < 0.24 ? 4 : 1 + (int)(uniform(g) * 3));
		kz_date_format(decided, decided_day);
		decided_at = kz_date_at(decided, 11 * 60);
		status = u < 0.17 ? "rejected" : "approved";
		if (uniform(g) < 0.95)
			handed = decided_at + 86400 * (1 + (int64_t)(uniform(g) * 20));
	}
	kz_date_format(kz_cal_add_working_days(g->cal, d, 1), notice);
	sqlite3_bind_int(st, 1, d.y);
	sqlite3_bind_int(st, 2, g->app_seq);
	sqlite3_bind_text(st, 3, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, uniform(g) < 0.85 ? "individual" : "legal", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at);
	sqlite3_bind_text(st, 6, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, due_day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, g->clerks[clerk]);
	sqlite3_bind_text(st, 9, status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, status[2] == 'f' ? 8 : 0); /* refused: the act missing */
	kz_bind_id(st, 11, decided_at);
	kz_bind_text(st, 12, decided_at ? decided_day : NULL);
	kz_bind_text(st, 13, status[0] == 'r' && status[2] == 'j' ? "акт не соответствует" : NULL);
	kz_bind_text(st, 14, status[2] == 'f' ? notice : NULL);
	kz_bind_id(st, 15, status[2] == 'f' ? at + 3600 : 0);
	kz_bind_id(st, 16, handed);
	kz_bind_text(st, 17, handed ? "applicant" : NULL);
	g->out->applications++;
	return kz_db_exec_stmt(g->db, st, "write an application", err);
}

/* About one complaint every other day, most answered within their term. */
static int
complaint(struct gen *g, struct kz_date d, int64_t at, int clerk, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(g->db,
		"INSERT INTO complaints (year, seq, number, registered_at, channel, kind, clerk_id,"
		" days, due_day, answered_at, answer_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	int days = uniform(g) < 0.7 ? 15 : 30;
	struct kz_date due = kz_cal_add_calendar_days(g->cal, d, days);
	double u = uniform(g);
	char number[32], due_day[11];
	int64_t answered = u < 0.85 ? at + 86400 * (int64_t)(1 + uniform(g) * (days - 2))
		: u < 0.95          ? at + 86400 * (int64_t)(days + 3)
				    : 0;

	if (st == NULL)
		return KZ_EDB;
	snprintf(number, sizeof number, "%04d-C-%04d", d.y, ++g->complaint_seq);
	kz_date_format(due, due_day);
	sqlite3_bind_int(st, 1, d.y);
	sqlite3_bind_int(st, 2, g->complaint_seq);
	sqlite3_bind_text(st, 3, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, at);
	sqlite3_bind_text(st, 5, uniform(g) < 0.7 ? "in_person" : "post", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, uniform(g) < 0.6 ? "service" : "result", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, g->clerks[clerk]);
	sqlite3_bind_int(st, 8, days);
	sqlite3_bind_text(st, 9, due_day, -1, SQLITE_TRANSIENT);
	kz_bind_id(st, 10, answered);
	kz_bind_text(st, 11, answered ? "post" : NULL);
	g->out->complaints++;
	return kz_db_exec_stmt(g->db, st, "write a complaint", err);
}

/* One visitor of day d, arriving at minute m with the seq-th number of service s. */
static int
visitor(struct gen *g, const char *day, struct kz_date d, int m, int s, int seq, int dayno,
	char *err)
{
	static const double median[] = {12 * 60, 5 * 60, 8 * 60};
	int64_t issued = kz_date_at(d, m), wait = lognormal(g, 11 * 60, 0.75), id;
	int counter = (int)(uniform(g) * g->ncounters), clerk = (counter + dayno) % CLERKS;
	int64_t called, finished, lunch = kz_date_at(d, 13 * 60);
	double u = uniform(g);
	int rc;

	if (issued + wait > lunch && issued < lunch)
		wait += 3600; /* reception breaks for lunch */
	called = issued + wait;
	if (m >= 17 * 60 + 10 && u < 0.3) /* not called by the close of day */
		return insert_ticket(g, day, s, seq, issued, 0, "office_closed", -1, -1, 0, 0,
			kz_date_at(d, 18 * 60), &id, err);
	if (u < 0.04)
		return insert_ticket(g, day, s, seq, issued, 0, "no_show", counter, clerk, called,
			0, called + 300, &id, err);
	finished = called + lognormal(g, median[s % 3], 0.5);
	if (u < 0.06 && g->nservices > 1) { /* sent on to another service */
		int to = (s + 1) % g->nservices;
		int64_t again = finished + lognormal(g, 8 * 60, 0.6), origin;
		if ((rc = insert_ticket(g, day, s, seq, issued, 0, "transferred", counter, clerk,
			     called, called + 30, finished, &origin, err)) != KZ_OK)
			return rc;
		return insert_ticket(g, day, s, seq, issued, origin, "served", counter, clerk,
			again, again + 30, again + lognormal(g, median[to % 3], 0.5), &id, err);
	}
	if ((rc = insert_ticket(g, day, s, seq, issued, 0, "served", counter, clerk, called,
		     called + 30, finished, &id, err)) != KZ_OK)
		return rc;
	if (g->cases && s == 0 && uniform(g) < 0.4 &&
		(rc = application(g, d, day, finished, clerk, err)) != KZ_OK)
		return rc;
	if (g->cases && uniform(g) < 0.5 / 600 &&
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
	if ((rc = kz_db_begin(g->db, err)) != KZ_OK)
		return rc;
	for (int i = 0; i < n && rc == KZ_OK; i++) {
		int s = service_of(g);
		rc = visitor(g, day, d, minutes[i], s, ++seq[s], dayno, err);
	}
	if (rc != KZ_OK) {
		kz_db_rollback(g->db);
		return rc;
	}
	g->out->days++;
	return kz_db_commit(g->db, err);
}

static int
load_ids(struct gen *g, char *err)
{
	static const char *const names[CLERKS] = {"Әлімова Гүлнар Серікқызы",
		"Иванова Мария Петровна", "Сейтқали Айгерім Бақытқызы", "Ахметов Ерлан Серікұлы",
		"Ким Олег Викторович", "Нұрланов Дәурен Асқарұлы", "Петренко Анна Сергеевна",
		"Жақсыбекова Динара Маратқызы", "Омаров Тимур Бекұлы", "Смагулова Айнур Канатовна",
		"Бекова Сәуле Ерланқызы", "Козлов Игорь Андреевич"};
	sqlite3_stmt *st =
		kz_db_stmt(g->db, "SELECT id, prefix FROM services WHERE active ORDER BY id", err);
	int rc;

	if (st == NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && g->nservices < KZ_MAX_SERVICES) {
		g->services[g->nservices] = sqlite3_column_int64(st, 0);
		kz_col_text(st, 1, g->prefixes[g->nservices++], KZ_CODE_LEN);
	}
	sqlite3_reset(st);
	if ((st = kz_db_stmt(g->db, "SELECT id FROM counters WHERE active ORDER BY number", err)) ==
		NULL)
		return KZ_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && g->ncounters < KZ_MAX_COUNTERS)
		g->counters[g->ncounters++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (g->nservices == 0 || g->ncounters == 0)
		return kz_err(err, KZ_EREJECT,
			"the hall has no services or no counters; run kezek init");
	st = kz_db_stmt(g->db,
		"INSERT INTO clerks (full_name, position) VALUES (?, 'Главный специалист')"
		" ON CONFLICT DO UPDATE SET position = position RETURNING id",
		err);
	if (st == NULL)
		return KZ_EDB;
	for (int i = 0; i < CLERKS; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		if ((rc = kz_db_step_int(g->db, st, &g->clerks[i], "add a clerk", err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}

/* Does this database have the registers, and are they empty (numbers
 * would collide)?  g->cases is 1 when they can be written. */
static int
has_cases(struct gen *g, char *err)
{
	sqlite3_stmt *st = kz_db_stmt(g->db,
		"SELECT (SELECT count(*) FROM sqlite_master WHERE name IN ('applications', 'complaints'))",
		err);
	int64_t n = 0;
	int rc;

	if (st == NULL ||
		(rc = kz_db_step_int(g->db, st, &n, "look for the registers", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	if (n < 2)
		return KZ_OK;
	st = kz_db_stmt(g->db,
		"SELECT (SELECT count(*) FROM applications) +"
		" (SELECT count(*) FROM complaints)",
		err);
	if (st == NULL || (rc = kz_db_step_int(g->db, st, &n, "count the registers", err)) != KZ_OK)
		return st == NULL ? KZ_EDB : rc;
	g->cases = n == 0;
	return KZ_OK;
}

static int
check_empty(struct gen *g, const char *from, const char *to, char *err)
{
	sqlite3_stmt *st =
		kz_db_stmt(g->db, "SELECT count(*) FROM tickets WHERE day BETWEEN ? AND ?", err);
	int64_t n;
	int rc;

	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if ((rc = kz_db_step_int(g->db, st, &n, "count tickets", err)) != KZ_OK)
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
	if ((rc = check_empty(&g, from, to, err)) != KZ_OK || (rc = load_ids(&g, err)) != KZ_OK ||
		(rc = has_cases(&g, err)) != KZ_OK)
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
