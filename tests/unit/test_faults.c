/*
 * test_faults.c - every I/O call of a queue operation made to fail in
 * turn, SQLite's way: for each kind of fault (write, disk full, sync,
 * short read, lock, open of the journal) and N = 1, 2, 3 ... the Nth call
 * fails, once or from then on, through a ticket, a call, a finish, an
 * intake, a purge and a migration.  After each: the database passes its
 * integrity check and the event-log audit, holds exactly what it held
 * before or exactly what the operation makes (never half of it), an
 * operation that said it succeeded did it all, and one that failed said
 * so in one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fault_vfs.h"
#include "helpers.h"
#include "queue/application.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/history.h"
#include "queue/idnum.h"
#include "queue/purge.h"

#define MAX_CALLS 2000 /* a bound no operation comes near: a runaway loop fails */

struct op {
	const char *name;
	const char *at; /* the clock stands here while it runs */
	/* Bring the template database (open as db) to where the operation
	 * starts; NULL: test_hall_new's fresh hall. */
	void (*prepare)(struct test_hall *h);
	/* The operation on db (NULL: it opens path itself, as a migration). */
	int (*run)(struct test_hall *h, struct kz_db **db, const char *path, char *err);
};

/* --- what the file holds ----------------------------------------------- */

/* FNV-1a of every row of every table (summed: rows in any order) and the
 * schema's version: equal hashes, equal contents. */
static uint64_t
contents(const char *path)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *tables = NULL, *rows = NULL;
	uint64_t h = 1469598103934665603ULL;
	char q[256];

	assert_int_equal(sqlite3_open_v2(path, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sql,
				 "SELECT name FROM sqlite_master WHERE type = 'table' UNION ALL "
				 "SELECT 'v' || user_version FROM pragma_user_version ORDER BY 1",
				 -1, &tables, NULL),
		SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);
		for (const char *c = t; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		if (t[0] == 'v' && strspn(t + 1, "0123456789") == strlen(t + 1))
			continue;
		snprintf(q, sizeof q, "SELECT * FROM \"%s\"", t);
		assert_int_equal(sqlite3_prepare_v2(sql, q, -1, &rows, NULL), SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			uint64_t r = 1469598103934665603ULL;
			for (int i = 0; i < sqlite3_column_count(rows); i++) {
				const unsigned char *v = sqlite3_column_text(rows, i);
				int n = sqlite3_column_bytes(rows, i);
				for (int k = 0; k < n; k++)
					r = (r ^ v[k]) * 1099511628211ULL;
				r = (r ^ 0xFF) *
					1099511628211ULL; /* NULL and "" differ from the next */
			}
			h += r; /* rows in any order */
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(sql);
	return h;
}

/* to becomes a copy of from, with no WAL or shared memory beside it. */
static void
copy_db(const char *from, const char *to)
{
	static char buf[1 << 16];
	char side[700];
	FILE *in = fopen(from, "rb"), *out;
	size_t n;

	snprintf(side, sizeof side, "%s-wal", to);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", to);
	unlink(side);
	assert_non_null(in);
	assert_non_null(out = fopen(to, "wb"));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/* The database at path is whole: integrity, and every ticket rebuilt
 * from the event log. */
static void
sound(const char *path, const char *what)
{
	struct kz_db *db = NULL;
	char err[KZ_ERR_LEN] = "";
	int64_t tickets;

	if (kz_db_open(path, 0, &db, err) != KZ_OK)
		fail_msg("%s: cannot open afterwards: %s", what, err);
	if (kz_db_integrity(db, err) != KZ_OK)
		fail_msg("%s: %s", what, err);
	if (kz_history_audit(db, &tickets, err) != KZ_OK)
		fail_msg("%s: event-log audit: %s", what, err);
	kz_db_close(db);
}

/* --- the operations ---------------------------------------------------- */

static struct kz_app_input
applicant(int complete)
{
	static char iin[13];
	struct kz_app_input in = {.kind = KZ_APP_INDIVIDUAL,
		.name = "Ахметов Ерлан Серікұлы",
		.id_doc = "удостоверение личности 041234567",
		.phone = "+7 701 234 56 78",
		.address = "Кокшетау, ул. Ауэзова 5",
		.plot_address = "Кокшетау, участок 17"};
	char err[KZ_ERR_LEN];

	for (int n = 0; n < 10000; n++) { /* a valid IIN: born 1 January 1990 */
		snprintf(iin, sizeof iin, "9001013%04d", n);
		int c = kz_idnum_control(iin);
		if (c >= 0) {
			iin[11] = (char)('0' + c);
			break;
		}
	}
	in.idnum = iin;
	assert_int_equal(kz_app_docs_parse(complete ? "application,id_copy,act,conclusion"
						    : "application,id_copy,conclusion",
				 &in.docs, err),
		KZ_OK);
	return in;
}

static void
one_waiting(struct test_hall *h)
{
	test_open_counter(h, 1);
	test_issue(h, "A");
	test_issue(h, "B");
}

static void
one_in_service(struct test_hall *h)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	one_waiting(h);
	assert_int_equal(kz_ticket_next(h->db, 1, &t, err), KZ_OK);
	assert_int_equal(kz_ticket_start(h->db, 1, &t, err), KZ_OK);
}

static void
closed_cases(struct test_hall *h)
{
	struct kz_application a;
	struct kz_app_input in = applicant(0); /* refused at once: a closed case */
	char err[KZ_ERR_LEN] = "";

	test_open_counter(h, 1);
	test_issue(h, "A");
	if (kz_app_accept(h->db, h->cal, 1, &in, NULL, NULL, &a, NULL, err) != KZ_OK)
		fail_msg("accept: %s", err);
}

/* A database as the first build made it: schema step 1 only. */
static void
first_schema(struct test_hall *h)
{
	char err[KZ_ERR_LEN] = "";

	kz_db_close(h->db);
	copy_db("/dev/null", h->db_path);
	assert_int_equal(kz_db_open(h->db_path, KZ_DB_CREATE | KZ_DB_NO_MIGRATE, &h->db, err),
		KZ_OK);
	assert_int_equal(kz_db_migrate_to(h->db, 1, err), KZ_OK);
}

static int
issue(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	struct kz_ticket t;

	(void)path;
	return kz_ticket_issue(*db, h->cal, "A", &t, err);
}

static int
call_next(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	struct kz_ticket t;

	(void)h;
	(void)path;
	return kz_ticket_next(*db, 1, &t, err);
}

static int
finish(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	struct kz_ticket t;

	(void)h;
	(void)path;
	return kz_ticket_finish(*db, 1, KZ_TRANSFERRED, "B", NULL, &t, err);
}

static int
intake(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	struct kz_app_input in = applicant(1);
	struct kz_application a;

	(void)path;
	return kz_app_accept(*db, h->cal, 1, &in, NULL, NULL, &a, NULL, err);
}

static int
purge(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	struct kz_purge_result r;

	(void)h;
	(void)path;
	return kz_purge(*db, 1095, &r, err);
}

static int
migrate(struct test_hall *h, struct kz_db **db, const char *path, char *err)
{
	(void)h;
	return kz_db_open(path, 0, db, err);
}

static const struct op ops[] = {
	{"a ticket", "2026-03-20T10:05", NULL, issue},
	{"a call", "2026-03-20T10:05", one_waiting, call_next},
	{"a finish (transfer)", "2026-03-20T10:20", one_in_service, finish},
	{"an intake", "2026-03-20T10:05", one_waiting, intake},
	{"a purge", "2029-03-26T12:00", closed_cases, purge},
	{"a migration", "2026-03-20T10:05", first_schema, migrate},
};

/* --- the walk ------------------------------------------------------------ */

/* Run op once on a copy of tmpl at work, with kind's nth call failing
 * (n 0: none); rc and err as it returned them. */
static int
run_once(struct test_hall *h, const struct op *op, const char *tmpl, const char *work,
	enum fault_kind kind, int n, int persist, char *err)
{
	struct kz_db *db = NULL;
	int rc;

	copy_db(tmpl, work);
	err[0] = '\0';
	if (op->run != migrate && kz_db_open(work, 0, &db, err) != KZ_OK)
		fail_msg("%s: open the copy: %s", op->name, err);
	test_at(op->at);
	fault_vfs_arm(kind, n, persist);
	rc = op->run(h, &db, work, err);
	kz_db_close(db); /* closing may meet the fault too: that is part of the walk */
	fault_vfs_disarm();
	return rc;
}

static void
walk(const struct op *op)
{
	struct test_hall *h = test_hall_new(NULL);
	char tmpl[600], work[600], err[KZ_ERR_LEN];
	uint64_t before, after, got;
	int walked = 0, refused = 0;

	if (op->prepare != NULL)
		op->prepare(h);
	kz_db_close(h->db); /* the last connection folds the WAL into the file */
	h->db = NULL;
	snprintf(tmpl, sizeof tmpl, "%s/template.db", h->dir);
	snprintf(work, sizeof work, "%s/work.db", h->dir);
	copy_db(h->db_path, tmpl);
	before = contents(tmpl);
	if (run_once(h, op, tmpl, work, FAULT_WRITE, 0, 0, err) != KZ_OK)
		fail_msg("%s without faults: %s", op->name, err);
	after = contents(work);
	assert_true(before != after); /* the operation changes something to lose */

	for (int kind = 0; kind < FAULT_KINDS; kind++)
		for (int persist = 0; persist < 2; persist++)
			for (int n = 1; n <= MAX_CALLS; n++) {
				char what[160];
				int rc = run_once(h, op, tmpl, work, (enum fault_kind)kind, n,
					persist, err);
				if (fault_vfs_failed() == 0)
					break; /* the operation needs fewer than n such calls */
				snprintf(what, sizeof what, "%s, %s fault at call %d%s", op->name,
					fault_kind_names[kind], n, persist ? " and after" : "");
				assert_true(n < MAX_CALLS);
				sound(work, what);
				got = contents(work);
				if (rc == KZ_OK && got != after)
					fail_msg("%s: said done, but the database does not hold it all",
						what);
				if (got != before && got != after)
					fail_msg("%s: the database holds half of it (%s)", what,
						err);
				if (rc != KZ_OK) {
					if (n == 1 && !persist) /* what a person would read */
						print_message("  %s: %s\n", what, err);
					refused++;
					if (err[0] == '\0' || strchr(err, '\n') != NULL)
						fail_msg("%s: failed without a one-line message: '%s'",
							what, err);
				}
				walked++;
			}
	/* the walk met real faults, and operations that failed for them */
	print_message("%s: %d faults injected, %d refused\n", op->name, walked, refused);
	assert_true(walked >= 20);
	assert_true(refused >= 10);
	test_hall_free(h);
}

static void
test_ticket(void **state)
{
	(void)state;
	walk(&ops[0]);
}

static void
test_call(void **state)
{
	(void)state;
	walk(&ops[1]);
}

static void
test_finish(void **state)
{
	(void)state;
	walk(&ops[2]);
}

static void
test_intake(void **state)
{
	(void)state;
	walk(&ops[3]);
}

static void
test_purge(void **state)
{
	(void)state;
	walk(&ops[4]);
}

static void
test_migration(void **state)
{
	(void)state;
	walk(&ops[5]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticket),
		cmocka_unit_test(test_call),
		cmocka_unit_test(test_finish),
		cmocka_unit_test(test_intake),
		cmocka_unit_test(test_purge),
		cmocka_unit_test(test_migration),
	};

	fault_vfs_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
