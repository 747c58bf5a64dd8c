/*
 * helpers.h - what the unit tests share: a fresh hall (configuration and
 * database in a temporary folder) standing at a chosen moment.
 */
#ifndef KZ_TEST_HELPERS_H
#define KZ_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/ticket.h"

struct test_hall {
	char dir[256]; /* temporary folder, removed by test_hall_free */
	char config_path[512];
	char db_path[512];
	struct kz_config cfg;
	struct kz_db *db;
	struct kz_calendar *cal; /* the shipped holiday data, p.9 hours */
};

/* The default test configuration: services A, B, C; counters 1 (A, B),
 * 2 (A, B), 3 (A, B, C), 4 (C). */
extern const char test_default_ini[];

/* Write ini to a temporary folder, load it, create and sync the database,
 * and stand the clock at local 2026-03-20T10:00 (a Friday).  Fails the
 * test on any error.  ini NULL means test_default_ini. */
struct test_hall *test_hall_new(const char *ini);
void test_hall_free(struct test_hall *h);

/* cmocka fixtures: *state becomes a fresh test_hall_new(NULL), then freed. */
int test_hall_setup(void **state);
int test_hall_teardown(void **state);

/* Stand the clock at a local time "2026-03-20T10:15"; returns that instant. */
int64_t test_at(const char *local);

/* Issue a ticket of service now; fails the test on error. */
struct kz_ticket test_issue(struct test_hall *h, const char *service);

/* Write text to path (fails the test on error). */
void test_write_file(const char *path, const char *text);

/* Open a counter under a test clerk; fails the test on error. */
void test_open_counter(struct test_hall *h, int number);

#endif
