/*
 * test_cups.c - A4 printing through a real, private cupsd (cupsd.sh): the
 * test page reaches the queue's file as a PDF with its Kazakh text; a
 * stopped queue, an unknown queue and a stopped cupsd each fail naming
 * what is wrong, within the timeout, and so does a job held past it; a
 * queue started again prints again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../unit/helpers.h"
#include "printer/printd.h"
#include "queue/outbox.h"

#include "printer/cups.h"
#include "documents/test.h"
#include "printer/escpos.h"
#include "ink/pdf.h"
#include "queue/clock.h"
#include "queue/error.h"

#define FONTS      KZ_SOURCE_DIR "/assets/fonts"
#define SCRIPT     KZ_SOURCE_DIR "/tests/printer/cupsd.sh"
#define QUEUE      "Kezek_A4"
#define TIMEOUT_MS 20000

static const char kk_alphabet[] =
	"Аа Әә Бб Вв Гг Ғғ Дд Ее Ёё Жж Зз Ии Йй Кк Ққ Лл Мм Нн Ңң Оо Өө Пп Рр Сс Тт Уу Ұұ "
	"Үү Фф Хх Һһ Цц Чч Шш Щщ Ъъ Ыы Іі Ьь Ээ Юю Яя";

/* A folder of its own for each run (mkdtemp), so two builds testing at
 * once never share a daemon; short, for the unix socket's path. */
static char dir[64] = "";
/* The command-line tools, too, go by the socket, not the port: were two
 * runs ever to pick the same port, the second daemon keeps only its socket. */
static char server[128];
static struct kz_bytes page;

static long long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* What cmd writes, malloc'd; fails the test unless it exits 0. */
static char *
run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	size_t len = 0, cap = 4096, n;
	char *out = malloc(cap);

	assert_non_null(f);
	assert_non_null(out);
	while ((n = fread(out + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			out = realloc(out, cap *= 2);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	if (pclose(f) != 0)
		fail_msg("'%s' failed: %s", cmd, out);
	return out;
}

/* The value of "NAME=value" on a line of text, into v. */
static void
line_value(const char *text, const char *name, char *v, size_t n)
{
	const char *p = strstr(text, name);

	if (p == NULL)
		fail_msg("no %s in cupsd.sh's answer: %s", name, text);
	p += strlen(name);
	snprintf(v, n, "%.*s", (int)strcspn(p, "\n"), p);
}

static void
stop_cupsd(void)
{
	char cmd[256];

	if (dir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "bash '%s' stop '%s' >/dev/null 2>&1; rm -rf '%s'", SCRIPT, dir,
		dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not stop the cupsd in %s\n", dir);
	dir[0] = '\0';
}

static int
setup(void **state)
{
	char cmd[512], err[KZ_ERR_LEN], *out;
	const struct kz_layout *pages[1];
	struct kz_layout l;
	int64_t now;

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kz-cupsd-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		dir[0] = '\0';
		return -1;
	}
	/* stop it even when the test dies before its teardown */
	atexit(stop_cupsd);
	snprintf(cmd, sizeof cmd, "bash '%s' start '%s' %ld", SCRIPT, dir, (long)getpid());
	out = run(cmd);
	line_value(out, "CUPS_SERVER=", server, sizeof server);
	free(out);
	/* libcups reads it once, at its first call: before any */
	setenv("CUPS_SERVER", server, 1);

	if (kz_clock_setup("Asia/Almaty", NULL, err) != KZ_OK ||
		kz_clock_parse_local("2026-03-20T10:15", &now, err) != KZ_OK ||
		kz_doc_test_layout("kk", "Office-A4 (CUPS)", "Жер қатынастары бөлімі", now,
			KZ_DOTS_80MM, &l, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	pages[0] = &l;
	if (kz_pdf_memory(pages, 1, FONTS, &page, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	stop_cupsd();
	kz_bytes_free(&page);
	return 0;
}

/* s with every run of white space made one space: where pdftotext breaks
 * a line does not matter, the words do. */
static void
collapse(char *s)
{
	char *o = s, *start = s;
	int space = 0;

	for (; *s; s++) {
		if (strchr(" \n\t\r\f", *s)) {
			space = o != start;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
}

static void
lp_command(const char *what)
{
	char cmd[256], *out;

	snprintf(cmd, sizeof cmd, "%s -h %s " QUEUE " 2>&1", what, server);
	out = run(cmd);
	free(out);
}

/* Print the page and check the queue's file holds it. */
static void
print_and_check(void)
{
	struct kz_cups_result r;
	char err[KZ_ERR_LEN], cmd[256], *text;

	snprintf(cmd, sizeof cmd, "rm -f '%s/out/last.pdf'", dir);
	assert_int_equal(system(cmd), 0);
	if (kz_cups_print(QUEUE, "Kezek test page", page.data, page.len, TIMEOUT_MS, &r, err) !=
		KZ_OK)
		fail_msg("%s", err);
	assert_true(r.job_id > 0);
	assert_string_equal(r.state, "completed");

	snprintf(cmd, sizeof cmd, "pdfinfo '%s/out/last.pdf' | grep -c '^Pages: *1$'", dir);
	free(run(cmd));
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s/out/last.pdf' -", dir);
	text = run(cmd);
	collapse(text);
	if (strstr(text, "Принтерді тексеру") == NULL || strstr(text, kk_alphabet) == NULL)
		fail_msg("the printed PDF lacks the title or the alphabet: %s", text);
	free(text);
}

static void
test_prints_test_page(void **state)
{
	char st[16], reasons[256], err[KZ_ERR_LEN];

	(void)state;
	print_and_check();
	if (kz_cups_state(QUEUE, st, reasons, err) != KZ_OK)
		fail_msg("%s", err);
	assert_true(strcmp(st, "idle") == 0 || strcmp(st, "processing") == 0);
}

static void
test_stopped_queue(void **state)
{
	struct kz_cups_result r;
	char st[16], reasons[256], err[KZ_ERR_LEN];
	long long t0;

	(void)state;
	lp_command("cupsdisable");
	if (kz_cups_state(QUEUE, st, reasons, err) != KZ_OK)
		fail_msg("%s", err);
	assert_string_equal(st, "stopped");
	assert_non_null(strstr(reasons, "paused"));

	t0 = now_ms();
	assert_int_equal(kz_cups_print(QUEUE, "stopped", page.data, page.len, 3000, &r, err),
		KZ_EDEVICE);
	assert_true(now_ms() - t0 < 3500);
	if (strstr(err, "stopped") == NULL || strstr(err, QUEUE) == NULL ||
		strstr(err, "paused") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_int_equal(r.job_id, 0);

	lp_command("cupsenable");
	print_and_check();
}

static void
test_not_accepting(void **state)
{
	struct kz_cups_result r;
	char err[KZ_ERR_LEN];

	(void)state;
	lp_command("cupsreject");
	assert_int_equal(kz_cups_print(QUEUE, "rejected", page.data, page.len, 3000, &r, err),
		KZ_EDEVICE);
	if (strstr(err, "not accepting") == NULL)
		fail_msg("unexpected message: %s", err);
	lp_command("cupsaccept");
}

static void
test_unknown_queue(void **state)
{
	struct kz_cups_result r;
	char st[16], reasons[256], err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_cups_print("Nowhere_A4", "x", page.data, page.len, 3000, &r, err),
		KZ_EDEVICE);
	if (strstr(err, "no CUPS queue 'Nowhere_A4'") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_int_equal(kz_cups_state("Nowhere_A4", st, reasons, err), KZ_EDEVICE);
	assert_int_equal(kz_cups_print("bad/name", "x", page.data, page.len, 3000, &r, err),
		KZ_EINVAL);
	assert_int_equal(kz_cups_print(QUEUE, "x", page.data, 0, 3000, &r, err), KZ_EINVAL);
	assert_int_equal(kz_cups_print(QUEUE, "x", page.data, page.len, -1, &r, err), KZ_EINVAL);
}

static void
hold(const char *until)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "lpadmin -h %s -p " QUEUE " -o job-hold-until-default=%s 2>&1",
		server, until);
	free(run(cmd));
}

/* A job held on the queue never ends by itself: told at the timeout, and
 * left there (the caller cancels it, or a person releases it). */
static void
test_still_pending(void **state)
{
	struct kz_cups_result r;
	char err[KZ_ERR_LEN], cmd[256];
	long long t0;

	(void)state;
	hold("indefinite");
	t0 = now_ms();
	assert_int_equal(kz_cups_print(QUEUE, "held", page.data, page.len, 1500, &r, err),
		KZ_EDEVICE);
	assert_true(now_ms() - t0 >= 1400 && now_ms() - t0 < 2500);
	if (strstr(err, "still pending after 1500 ms") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_true(r.job_id > 0);
	assert_string_equal(r.state, "pending");
	assert_non_null(strstr(r.reasons, "job-hold-until-specified"));

	snprintf(cmd, sizeof cmd, "cancel -h %s -a " QUEUE, server);
	free(run(cmd));
	hold("no-hold");
	print_and_check();
}

/* Last: stops the daemon for good. */
static void
test_cupsd_gone(void **state)
{
	struct kz_cups_result r;
	char err[KZ_ERR_LEN], st[16], reasons[256], cmd[256];
	long long t0;

	(void)state;
	snprintf(cmd, sizeof cmd, "bash '%s' stop '%s'", SCRIPT, dir);
	assert_int_equal(system(cmd), 0);

	t0 = now_ms();
	assert_int_equal(kz_cups_print(QUEUE, "gone", page.data, page.len, 3000, &r, err),
		KZ_EDEVICE);
	assert_true(now_ms() - t0 < 3500);
	if (strstr(err, server) == NULL)
		fail_msg("the message does not name %s: %s", server, err);
	assert_int_equal(kz_cups_state(QUEUE, st, reasons, err), KZ_EDEVICE);
	if (strstr(err, server) == NULL)
		fail_msg("the message does not name %s: %s", server, err);
}

/* kezek-printd's service for an A4 printer: the outbox to the CUPS queue,
 * and a stopped queue that holds the job until it is started again. */
static void
test_printd_prints_a4_through_cups(void **state)
{
	char ini[2048], err[KZ_ERR_LEN] = "", cmd[256], *text;
	struct kz_printd_options o;
	struct kz_print_job j;
	struct kz_printd *pd;
	struct test_hall *h;
	int64_t job;
	int printed = 0;

	(void)state;
	snprintf(ini, sizeof ini, "%s[printer office]\nrole = a4\ntransport = cups\naddress = %s\n",
		test_default_ini, QUEUE);
	h = test_hall_new(ini);
	o = (struct kz_printd_options){&h->cfg, kz_config_printer(&h->cfg, "office"), h->db_path,
		KZ_SOURCE_DIR "/assets/fonts", TIMEOUT_MS, 10, 0};
	if (kz_printd_open(&o, &pd, NULL, err) != KZ_OK)
		fail_msg("printd: %s", err);
	snprintf(cmd, sizeof cmd, "rm -f '%s/out/last.pdf'", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(kz_outbox_add(h->db, "office", KZ_DOC_TEST, "kk", &job, err), KZ_OK);
	assert_int_equal(kz_printd_step(pd, &printed, err), KZ_OK);
	assert_int_equal(printed, 1);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_DONE);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s/out/last.pdf' -", dir);
	text = run(cmd);
	collapse(text);
	assert_non_null(strstr(text, "Принтерді тексеру"));
	free(text);
	/* a stopped queue: the job waits with the reason, then prints */
	lp_command("cupsdisable");
	assert_int_equal(kz_outbox_add(h->db, "office", KZ_DOC_TEST, "ru", &job, err), KZ_OK);
	assert_int_equal(kz_printd_step(pd, &printed, err), KZ_OK);
	assert_int_equal(printed, 0);
	assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
	assert_int_equal(j.state, KZ_JOB_QUEUED);
	assert_non_null(strstr(j.reason, "stopped"));
	lp_command("cupsenable");
	kz_clock_set(kz_clock_now() + 11);
	assert_int_equal(kz_printd_step(pd, &printed, err), KZ_OK);
	assert_int_equal(printed, 1);
	kz_printd_close(pd);
	test_hall_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prints_test_page),
		cmocka_unit_test(test_stopped_queue),
		cmocka_unit_test(test_not_accepting),
		cmocka_unit_test(test_unknown_queue),
		cmocka_unit_test(test_still_pending),
		cmocka_unit_test(test_printd_prints_a4_through_cups),
		cmocka_unit_test(test_cupsd_gone),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
