/*
 * test_printd_kill.c - the printer service killed at random points hundreds
 * of times while it prints tickets, against a printer that keeps every
 * byte (a device file, then a fake network printer).  What the printer got
 * is cut into printouts at each cut and decoded; then every job is either
 * printed whole once or recorded as not printed, none is printed twice,
 * and no job recorded 'done' lacks its own picture among the printouts.
 *
 * The service runs as kezek-printd does, in a forked child (an exec per
 * kill would spend the time on loading libraries): kz_printd_open, then
 * kz_printd_step until killed.  Two kills in three come from outside at a
 * random moment (finding, making, recording, between bands); one from
 * inside just before a random byte of a printout (KEZEK_FAULT_KILL_AT), so
 * bands are cut at every kind of place.  Seeded (KEZEK_SEED), and bounded
 * by a time budget, fewer kills under a sanitizer (KEZEK_KILLS sets how
 * many).  Each service takes 100-150 ms to start on the busy 2-core
 * development machine: some 90 kills of each transport there, 180 in all.  The hall is made in
 * /dev/shm where there is one: a kill costs no disk flushes.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "../unit/fake_printer.h"
#include "../unit/helpers.h"
#include "documents/doc.h"
#include "documents/documents.h"
#include "ink/layout.h"
#include "ink/typeset.h"
#include "printer/escpos.h"
#include "printer/printd.h"
#include "queue/error.h"
#include "queue/outbox.h"
#include "queue/ticket.h"

#ifdef __SANITIZE_ADDRESS__
#define KILLS 60 /* each transport; the sanitizers make each run slow */
#else
#define KILLS 150
#endif
#define BUDGET_SECONDS 16 /* each transport: the fake network printer lasts 30 s */
#define MAX_JOBS       400

static struct test_hall *h;
static uint64_t seed = 20261206;

static uint32_t
rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(seed >> 33);
}

static double
now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The service, as kezek-printd runs it, until killed. */
static void
run_service(int kill_at)
{
	struct kz_printd_options o = {&h->cfg, kz_config_printer(&h->cfg, "kiosk-1"), h->db_path,
		KZ_SOURCE_DIR "/assets/fonts", 2000, 0, 1, NULL};
	struct kz_printd *pd;
	char err[KZ_ERR_LEN], num[16];
	int printed;

	if (kill_at > 0) {
		snprintf(num, sizeof num, "%d", kill_at);
		setenv("KEZEK_FAULT_KILL_AT", num, 1);
	}
	if (kz_printd_open(&o, &pd, NULL, err) != KZ_OK)
		_exit(3);
	for (;;)
		if (kz_printd_step(pd, &printed, err) != KZ_OK || !printed)
			usleep(2000);
}

/* The child gets no open database connection: SQLite's locks are kept
 * per process, and one carried over a fork confuses them. */
static pid_t
start_service(int kill_at)
{
	char err[KZ_ERR_LEN];
	pid_t pid;

	kz_db_close(h->db);
	h->db = NULL;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		run_service(kill_at);
	if (kz_db_open(h->db_path, 0, &h->db, err) != KZ_OK)
		fail_msg("reopen: %s", err);
	return pid;
}

/* Kill pid after delay_us unless it died first (a kill from inside). */
static void
stop_service(pid_t pid, int delay_us)
{
	double end = now_s() + delay_us / 1e6;
	int status;

	while (now_s() < end)
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		else
			usleep(200);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static int
count_open(void)
{
	int n = 0;
	struct kz_print_job j;
	char err[KZ_ERR_LEN];

	for (int64_t id = 1; kz_outbox_get(h->db, id, &j, err) == KZ_OK; id++)
		n += j.state == KZ_JOB_QUEUED || j.state == KZ_JOB_SENDING;
	return n;
}

static void
issue_some(int n, int *issued)
{
	char err[KZ_ERR_LEN];
	struct kz_ticket t;
	int64_t job;

	for (int i = 0; i < n && *issued < MAX_JOBS; i++, (*issued)++)
		if (kz_ticket_issue_print(h->db, h->cal, "A", "kiosk-1", rnd() % 2 ? "kk" : "ru",
			    &t, &job, err) != KZ_OK)
			fail_msg("issue: %s", err);
}

/* The length of the ESC/POS command at d (n bytes left); 0 if unknown. */
static size_t
command_len(const uint8_t *d, size_t n, int *cut)
{
	*cut = 0;
	if (d[0] == 0x00 || d[0] == 0x0A)
		return 1;
	if (n >= 2 && d[0] == 0x1B && d[1] == '@')
		return 2;
	if (n >= 3 && d[0] == 0x1B && d[1] == 'd')
		return 3;
	if (n >= 3 && d[0] == 0x10 && d[1] == 0x04)
		return 3;
	if (n >= 3 && d[0] == 0x1D && d[1] == 'V') {
		*cut = 1;
		return d[2] >= 65 ? 4 : 3;
	}
	if (n >= 8 && d[0] == 0x1D && d[1] == 'v' && d[2] == '0')
		return 8 + ((size_t)d[4] | (size_t)d[5] << 8) * ((size_t)d[6] | (size_t)d[7] << 8);
	return 0;
}

/* What each job should look like on paper. */
static struct kz_bitmap *
picture_of(struct kz_typeset *ts, const struct kz_print_job *j)
{
	struct kz_doc_source src = {h->db, &h->cfg, "kiosk-1", NULL};
	struct kz_layout *l = malloc(sizeof *l);
	struct kz_bitmap *bm = NULL;
	char err[KZ_ERR_LEN];

	assert_non_null(l);
	if (kz_document_make(&src, j, kz_document_paper(kz_config_printer(&h->cfg, "kiosk-1")), l,
		    err) != KZ_OK ||
		kz_layout_bitmap(ts, l, &bm, err) != KZ_OK)
		fail_msg("job %lld: %s", (long long)j->id, err);
	free(l);
	kz_doc_source_close(&src);
	return bm;
}

/* Cut what the printer got into printouts, decode each, and match them
 * against the jobs' pictures. */
static void
check_paper(const uint8_t *d, size_t len, int kills)
{
	static struct kz_bitmap *want[MAX_JOBS + 1];
	static int whole[MAX_JOBS + 1];
	struct kz_typeset *ts;
	struct kz_print_job j;
	char err[KZ_ERR_LEN];
	int64_t njobs = 0;
	int strays = 0, done = 0, uncertain = 0, printouts = 0;
	size_t at = 0, start = 0;

	assert_int_equal(kz_typeset_open(KZ_SOURCE_DIR "/assets/fonts", &ts, err), KZ_OK);
	memset(whole, 0, sizeof whole);
	for (int64_t id = 1; id <= MAX_JOBS && kz_outbox_get(h->db, id, &j, err) == KZ_OK; id++) {
		want[id] = picture_of(ts, &j);
		njobs = id;
	}
	while (at < len) {
		int cut;
		size_t n = command_len(d + at, len - at, &cut);

		if (n == 0 || n > len - at)
			fail_msg("byte %zu of %zu: no ESC/POS command the service sends (0x%02X)",
				at, len, d[at]);
		at += n;
		if (!cut)
			continue;
		{
			struct kz_bitmap *got = NULL;
			int matched = 0;

			if (kz_escpos_decode(d + start, at - start, &got, NULL, err) != KZ_OK)
				fail_msg("printout at byte %zu: %s", start, err);
			for (int64_t id = 1; got != NULL && id <= njobs; id++)
				if (kz_bitmap_equal(got, want[id])) {
					whole[id]++;
					matched = 1;
				}
			strays += got != NULL && !matched;
			printouts += got != NULL;
			kz_bitmap_free(got);
		}
		start = at;
	}
	for (int64_t id = 1; id <= njobs; id++) {
		assert_int_equal(kz_outbox_get(h->db, id, &j, err), KZ_OK);
		if (whole[id] > 1)
			fail_msg("job %lld printed %d times", (long long)id, whole[id]);
		if (j.state == KZ_JOB_DONE && whole[id] != 1)
			fail_msg("job %lld is recorded done but its picture never came out",
				(long long)id);
		if (j.state != KZ_JOB_DONE && j.state != KZ_JOB_UNCERTAIN)
			fail_msg("job %lld ended %s", (long long)id, kz_job_state_name(j.state));
		done += j.state == KZ_JOB_DONE;
		uncertain += j.state == KZ_JOB_UNCERTAIN;
		kz_bitmap_free(want[id]);
	}
	print_message("%d kills, %lld jobs: %d done, %d uncertain (left to a person); %d "
		      "printouts, %d of them cut off and marked\n",
		kills, (long long)njobs, done, uncertain, printouts, strays);
	/* the kills did land inside printouts, and most jobs still printed */
	assert_true(strays > 0);
	assert_true(done > njobs / 2);
	kz_typeset_close(ts);
}

static void
attack(const char *transport_ini, const char *device)
{
	char ini[2048];
	const char *env = getenv("KEZEK_SEED");
	double end, t0;
	int kills = 0, issued = 0,
	    most = getenv("KEZEK_KILLS") ? atoi(getenv("KEZEK_KILLS")) : KILLS;

	if (env)
		seed = strtoull(env, NULL, 10);
	snprintf(ini, sizeof ini, "%s[printer kiosk-1]\nrole = tickets\n%spaper = 58\n",
		test_default_ini, transport_ini);
	h = test_hall_new(ini);
	h->cfg.ticket_print_seconds = 3600; /* each service's clock starts anew */
	issue_some(4, &issued);
	end = now_s() + BUDGET_SECONDS;
	while (kills < most && now_s() < end) {
		int inside = rnd() % 3 == 0;

		if (count_open() < 3)
			issue_some(3, &issued);
		stop_service(start_service(inside ? 1 + (int)(rnd() % 19000) : 0),
			inside ? 3000000 : (int)(rnd() % 120000));
		kills++;
	}
	/* then left to finish in peace */
	{
		pid_t pid = start_service(0);
		double until = now_s() + 20;

		t0 = now_s();

		while (count_open() > 0 && now_s() < until)
			usleep(10000);
		stop_service(pid, 0);
		assert_int_equal(count_open(), 0);
		print_message("left in peace, done in %.2f s\n", now_s() - t0);
	}
	{
		size_t len;
		uint8_t *bytes;
		FILE *f;

		if (device != NULL) {
			f = fopen(device, "rb");
			assert_non_null(f);
			fseek(f, 0, SEEK_END);
			len = (size_t)ftell(f);
			rewind(f);
			bytes = malloc(len + 1);
			assert_int_equal(fread(bytes, 1, len, f), len);
			fclose(f);
		} else {
			fake_printer_stop();
			bytes = fake_printer_bytes(&len);
		}
		check_paper(bytes, len, kills);
		free(bytes);
	}
	test_hall_free(h);
}

static void
test_device_file_printer_killed_at_random(void **state)
{
	char transport[1024], dir[64], path[600];
	FILE *f;

	(void)state;
	snprintf(dir, sizeof dir, "%s/kezek-kill-XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/printer.bin", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	fclose(f);
	snprintf(transport, sizeof transport, "transport = device\naddress = %s\n", path);
	attack(transport, path);
	unlink(path);
	rmdir(dir);
}

static void
test_network_printer_killed_at_random(void **state)
{
	char transport[256];
	int port;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_ACCEPT, &port), 0);
	snprintf(transport, sizeof transport, "transport = tcp\naddress = 127.0.0.1:%d\n", port);
	attack(transport, NULL);
}

int
main(void)
{
	if (access("/dev/shm", W_OK) == 0)
		setenv("TMPDIR", "/dev/shm", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_device_file_printer_killed_at_random),
		cmocka_unit_test(test_network_printer_killed_at_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
