/*
 * test_cups.c - printing through a real, private cupsd (cupsd.sh) to real
 * IPP Everywhere printers (ippeveprinter): a PDF printer and a raster-only
 * one that makes CUPS convert each get an A4 page as A4 (read back from
 * what the printer kept); a slow printer whose job outlasts every I/O
 * deadline ends done, and one a person cancels fails saying so (by its
 * number too, then printed again on request); a paused queue makes the job
 * wait and the printer show "paused", whether paused before the job, while
 * it waits in the queue, or while it prints (then CUPS' second sending of
 * it is withdrawn: nothing prints twice); a printer that went
 * away has its unstarted job withdrawn and prints once it is back; a raw
 * queue carries a ticket's ESC/POS bytes to a thermal printer untouched.
 * And the file queue's faults: stopped, refusing, unknown, held, cupsd gone.
 * Every wait is the job's own end, or a state with a deadline.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../unit/fake_printer.h"
#include "../unit/helpers.h"
#include "documents/test.h"
#include "documents/ticket.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "printer/cups-conn.h"
#include "printer/cups-events.h"
#include "printer/cups.h"
#include "printer/escpos.h"
#include "printer/printd.h"
#include "queue/estimate.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/feedback.h"
#include "queue/outbox.h"

#define FONTS  KZ_SOURCE_DIR "/assets/fonts"
#define SCRIPT KZ_SOURCE_DIR "/tests/printer/cupsd.sh"
#define QUEUE  "Kezek_A4"
#define IO_MS  1000 /* each exchange with cupsd: shorter than the slow printer's job */
#define JOB_MS 30000

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
static struct test_hall *h;
static long gone_pid;
static char gone_port[16];
static int with_printers; /* the ippeveprinter group: start them */

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

/* An ippeveprinter of kind behind queue name (cupsd.sh printer); its
 * port into port (may be NULL), on port when given; its pid. */
static long
start_printer(const char *name, const char *kind, char *port, size_t n, const char *on)
{
	char cmd[512], pid[16], *out;

	snprintf(cmd, sizeof cmd, "bash '%s' printer '%s' %s %s %s 2>&1", SCRIPT, dir, name, kind,
		on ? on : "");
	out = run(cmd);
	if (port != NULL)
		line_value(out, "PORT=", port, n);
	line_value(out, "PID=", pid, sizeof pid);
	free(out);
	return atol(pid);
}

static const char hall_printers[] =
	"[printer pdf]\nrole = a4\ntransport = cups\naddress = Pdf\n"
	"[printer raster]\nrole = a4\ntransport = cups\naddress = Raster\n"
	"[printer slow]\nrole = a4\ntransport = cups\naddress = Slow\n"
	"[printer gone]\nrole = a4\ntransport = cups\naddress = Gone\n"
	"job_timeout_seconds = 30\n"
	"[printer file]\nrole = a4\ntransport = cups\naddress = " QUEUE "\n"
	"[printer kiosk-1]\nrole = tickets\ntransport = cups-raw\naddress = Thermal\n"
	"paper = 58\n";

static int
setup(void **state)
{
	char cmd[512], err[KZ_ERR_LEN], ini[4096], *out;
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
	if (with_printers) {
		start_printer("Pdf", "pdf", NULL, 0, NULL);
		start_printer("Raster", "raster", NULL, 0, NULL);
		start_printer("Slow", "slow", NULL, 0, NULL);
		gone_pid = start_printer("Gone", "pdf", gone_port, sizeof gone_port, NULL);
	}

	snprintf(ini, sizeof ini, "%s%s", test_default_ini, hall_printers);
	h = test_hall_new(ini);
	if (kz_clock_parse_local("2026-03-20T10:15", &now, err) != KZ_OK ||
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
	test_hall_free(h);
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
lp_command(const char *what, const char *queue)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "%s -h %s %s 2>&1", what, server, queue);
	free(run(cmd));
}

static struct kz_printd *
printd(const char *printer)
{
	struct kz_printd_options o = {&h->cfg, kz_config_printer(&h->cfg, printer), h->db_path,
		FONTS, IO_MS, 10, 0, NULL};
	char err[KZ_ERR_LEN] = "";
	struct kz_printd *pd;

	assert_non_null(o.printer);
	if (kz_printd_open(&o, &pd, NULL, err) != KZ_OK)
		fail_msg("printd %s: %s", printer, err);
	return pd;
}

/* One step of the service: the job's whole life in CUPS. */
static int
step(struct kz_printd *pd)
{
	char err[KZ_ERR_LEN] = "";
	int printed = -1;

	if (kz_printd_step(pd, &printed, err) != KZ_OK)
		fail_msg("step: %s", err);
	return printed;
}

static int64_t
queue_test_page(const char *printer, const char *lang)
{
	char err[KZ_ERR_LEN] = "";
	int64_t job = 0;

	if (kz_outbox_add(h->db, printer, KZ_DOC_TEST, lang, &job, err) != KZ_OK)
		fail_msg("queue: %s", err);
	return job;
}

static void
assert_job(int64_t id, enum kz_job_state state, const char *reason_part)
{
	struct kz_print_job j;
	char err[KZ_ERR_LEN];

	assert_int_equal(kz_outbox_get(h->db, id, &j, err), KZ_OK);
	if (j.state != state || (reason_part && strstr(j.reason, reason_part) == NULL))
		fail_msg("job %lld is %s: '%s'; expected %s with '%s'", (long long)id,
			kz_job_state_name(j.state), j.reason, kz_job_state_name(state),
			reason_part ? reason_part : "");
}

static void
assert_printer(const char *printer, enum kz_printer_condition want, const char *reason_part)
{
	enum kz_printer_condition st;
	char err[KZ_ERR_LEN], reason[256];
	int queued;

	assert_int_equal(kz_printer_get_state(h->db, printer, &st, reason, &queued, err), KZ_OK);
	if (st != want || (reason_part && strstr(reason, reason_part) == NULL))
		fail_msg("printer %s is %s: '%s'; expected %s with '%s'", printer,
			kz_printer_condition_name(st), reason, kz_printer_condition_name(want),
			reason_part ? reason_part : "");
}

/* The one file of suffix the printer kept for its latest job, into path;
 * the folder is emptied after each check, so it is the only one. */
static void
kept_file(const char *printer, const char *suffix, char *path, size_t n)
{
	char cmd[256], *out;

	snprintf(cmd, sizeof cmd, "ls '%s/%s'/*%s", dir, printer, suffix);
	out = run(cmd);
	assert_int_equal(strchr(out, '\n') - out, (long)strlen(out) - 1); /* one file */
	snprintf(path, n, "%.*s", (int)strcspn(out, "\n"), out);
	free(out);
}

static void
empty_kept(const char *printer)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "rm -f '%s/%s'/*", dir, printer);
	assert_int_equal(system(cmd), 0);
}

/* The PDF the printer received is one A4 page with the test page's words. */
static void
assert_a4_pdf(const char *printer)
{
	char path[512], cmd[600], *text, *pages;

	kept_file(printer, ".pdf", path, sizeof path);
	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
	text = run(cmd);
	pages = strstr(text, "Pages:");
	if (strstr(text, "(A4)") == NULL || pages == NULL || atoi(pages + 6) != 1)
		fail_msg("%s did not get one A4 page: %s", printer, text);
	free(text);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
	text = run(cmd);
	collapse(text);
	if (strstr(text, "Принтерді тексеру") == NULL)
		fail_msg("the PDF %s received lacks the title: %s", printer, text);
	free(text);
	empty_kept(printer);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The PWG raster the printer received is one page, 595 x 842 points: A4. */
static void
assert_a4_raster(const char *printer)
{
	unsigned char head[4 + 1796];
	char path[512];
	FILE *f;

	kept_file(printer, ".pwg", path, sizeof path);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fread(head, 1, sizeof head, f), sizeof head);
	fclose(f);
	assert_memory_equal(head, "RaS2", 4);
	/* cups_page_header2_t's PageSize[2], points, after 256 bytes of
	 * names and 24 integers */
	if (be32(head + 4 + 256 + 24 * 4) != 595 || be32(head + 4 + 256 + 25 * 4) != 842)
		fail_msg("%s got a %ux%u pt page, not A4 (595x842)", printer,
			be32(head + 4 + 256 + 24 * 4), be32(head + 4 + 256 + 25 * 4));
	empty_kept(printer);
}

static void
test_pdf_printer_gets_a4(void **state)
{
	struct kz_printd *pd = printd("pdf");
	int64_t job = queue_test_page("pdf", "kk");

	(void)state;
	assert_int_equal(step(pd), 1);
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_printer("pdf", KZ_PRINTER_READY, NULL);
	assert_a4_pdf("Pdf");
	kz_printd_close(pd);
}

/* CUPS converts the PDF to PWG raster for a printer that takes nothing
 * else: the page it rasterised is the A4 asked for, not the printer's
 * default Letter. */
static void
test_raster_printer_gets_a4(void **state)
{
	struct kz_printd *pd = printd("raster");
	int64_t job = queue_test_page("raster", "ru");

	(void)state;
	assert_int_equal(step(pd), 1);
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_a4_raster("Raster");
	kz_printd_close(pd);
}

/* A job that prints for longer than any I/O deadline is printing, not a
 * fault: it ends done. */
static void
test_slow_printer_ends_done(void **state)
{
	struct kz_printd *pd = printd("slow");
	int64_t job = queue_test_page("slow", "kk");
	long long t0 = now_ms();

	(void)state;
	assert_int_equal(step(pd), 1);
	assert_true(now_ms() - t0 >= 2 * IO_MS);
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_printer("slow", KZ_PRINTER_READY, NULL);
	assert_a4_pdf("Slow");
	kz_printd_close(pd);
}

/* A person cancels the job in CUPS while it prints: it did not print and
 * will not by itself; failed, with the reason, and reprinted on request. */
static void
test_cancelled_job_fails_with_reason(void **state)
{
	struct kz_printd *pd = printd("slow");
	char cmd[512];
	int64_t job = queue_test_page("slow", "kk");
	pid_t child;

	(void)state;
	/* the person: once the job is in the queue (10 s at most), cancel it */
	snprintf(cmd, sizeof cmd,
		"for i in $(seq 1 200); do lpstat -h %s -o Slow | grep -q Slow && break; "
		"sleep 0.05; done; cancel -h %s -a Slow",
		server, server);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	assert_int_equal(step(pd), 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_job(job, KZ_JOB_FAILED, "on queue 'Slow' was cancelled");
	empty_kept("Slow");
	kz_printd_close(pd);
}

/* A person: script run by sh beside the test (fork); its pid. */
static pid_t
person(const char *script)
{
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		execl("/bin/sh", "sh", "-c", script, (char *)NULL);
		_exit(127);
	}
	return child;
}

/* How many documents of Kezek's the printer kept (its files are named
 * after the job's title, "N-kezek_test_ID.pdf"). */
static int
kept_kezek(const char *printer)
{
	char cmd[256], *out;
	int n;

	snprintf(cmd, sizeof cmd, "ls '%s/%s' | grep -c '^[0-9]*-kezek_.*\\.pdf$' || true", dir,
		printer);
	out = run(cmd);
	n = atoi(out);
	free(out);
	return n;
}

/* What the person saw while the queue was paused (the file they wrote),
 * into out. */
static void
seen(char *out, size_t n)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/seen", dir);
	assert_non_null(f = fopen(path, "r"));
	if (fgets(out, (int)n, f) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	fclose(f);
	remove(path);
}

/* The person's script, in dir/seen: until the printer is recorded
 * 'paused' in the hall (15 s at most), then that state and the job's;
 * then the queue resumed. */
#define WAIT_PAUSED_AND_RESUME                                                                       \
	"seen=not-paused; for i in $(seq 1 300); do "                                                \
	"st=$(sqlite3 -cmd '.timeout 5000' '%s' \"SELECT state FROM printers WHERE name='slow'\"); " \
	"[ \"$st\" = paused ] && { seen=paused; break; }; sleep 0.05; done; "                        \
	"echo \"$seen $(sqlite3 -cmd '.timeout 5000' '%s' "                                          \
	"'SELECT state FROM print_jobs WHERE id=%lld')\" >'%s/seen'; "                               \
	"cupsenable -h %s Slow"

/* The queue paused while a Kezek job waits in it (behind another job that
 * prints), then resumed: meanwhile the printer shows paused and the job
 * is still being sent; then it prints once and ends done. */
static void
test_paused_with_job_in_queue(void **state)
{
	struct kz_printd *pd = printd("slow");
	char cmd[2048], saw[128], path[128];
	int64_t job;
	pid_t child;
	FILE *f;

	(void)state;
	empty_kept("Slow");
	/* another program's job, printing */
	snprintf(path, sizeof path, "%s/other.pdf", dir);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(page.data, 1, page.len, f), page.len);
	fclose(f);
	snprintf(cmd, sizeof cmd,
		"lp -h %s -d Slow -t Other '%s' && for i in $(seq 1 300); do "
		"lpstat -h %s -p Slow | grep -q 'now printing' && exit 0; sleep 0.05; done; "
		"exit 1",
		server, path, server);
	free(run(cmd));
	job = queue_test_page("slow", "kk");
	/* the person: once the Kezek job waits in the queue behind it, pause */
	snprintf(cmd, sizeof cmd,
		"for i in $(seq 1 300); do [ $(lpstat -h %s -o Slow | wc -l) -ge 2 ] && break; "
		"sleep 0.05; done; cupsdisable -h %s Slow; " WAIT_PAUSED_AND_RESUME,
		server, server, h->db_path, h->db_path, (long long)job, dir, server);
	child = person(cmd);
	assert_int_equal(step(pd), 1);
	assert_int_equal(waitpid(child, NULL, 0), child);
	seen(saw, sizeof saw);
	assert_string_equal(saw, "paused sending");
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_printer("slow", KZ_PRINTER_READY, NULL);
	assert_int_equal(kept_kezek("Slow"), 1);
	empty_kept("Slow");
	kz_printd_close(pd);
}

/* The job's state as cupsd has it now (IPP job-state), 0 when gone. */
static int
cups_job_state(http_t *http, int id)
{
	cups_job_t *jobs = NULL;
	int n = cupsGetJobs2(http, &jobs, "Slow", 0, CUPS_WHICHJOBS_ALL), state = 0;

	for (int i = 0; i < n; i++)
		if (jobs[i].id == id)
			state = jobs[i].state;
	cupsFreeJobs(n, jobs);
	return state;
}

/* cupsd's record of a job's events keeps what no look saw: the printer
 * held the job whole while it printed, then a person paused the queue and
 * the job went back to wait.  Read only then, the record still says the
 * printer had it (what makes the printer service withdraw CUPS' second
 * sending), and that the job prints no more. */
static void
test_events_keep_the_handover(void **state)
{
	struct kz_cups_conn c = {0};
	struct kz_cups_events ev;
	char err[KZ_ERR_LEN] = "", cmd[512];
	long long until;
	int id;

	(void)state;
	empty_kept("Slow");
	if (kz_cups_conn_open(&c, 5000, err) != KZ_OK)
		fail_msg("%s", err);
	id = cupsCreateJob(c.http, "Slow", "kezek_events", 0, NULL);
	assert_true(id > 0);
	kz_cups_events_start(&c, "Slow", id, &ev);
	assert_true(ev.sub_id > 0);
	assert_int_equal(cupsStartDocument(c.http, "Slow", id, "kezek_events", CUPS_FORMAT_PDF, 1),
		HTTP_STATUS_CONTINUE);
	assert_int_equal(cupsWriteRequestData(c.http, (const char *)page.data, page.len),
		HTTP_STATUS_CONTINUE);
	assert_true(cupsFinishDocument(c.http, "Slow") <= IPP_STATUS_OK_CONFLICTING);
	/* the person: once the printer has the whole document, pause */
	snprintf(cmd, sizeof cmd,
		"for i in $(seq 1 1200); do ls '%s/Slow' | grep -q '^[0-9]*-kezek_events.*\\.pdf$' "
		"&& break; sleep 0.05; done; cupsdisable -h %s Slow",
		dir, server);
	free(run(cmd));
	until = now_ms() + 60000;
	while (cups_job_state(c.http, id) == IPP_JSTATE_PROCESSING && now_ms() < until)
		nanosleep(&(struct timespec){0, 50000000}, NULL);
	assert_int_equal(cups_job_state(c.http, id), IPP_JSTATE_PENDING);
	assert_false(ev.handed);
	assert_int_equal(kz_cups_events_read(&c, "Slow", &ev), 0);
	assert_true(ev.handed);
	assert_false(ev.processing);
	kz_cups_events_stop(&c, "Slow", &ev);
	assert_int_equal(ev.sub_id, 0);
	assert_true(cupsCancelJob2(c.http, "Slow", id, 0) <= IPP_STATUS_OK_CONFLICTING);
	kz_cups_conn_close(&c);
	lp_command("cupsenable", "Slow");
	empty_kept("Slow");
}

/* The queue paused while the Kezek job prints, after the printer has it
 * whole: CUPS would send it again from the start once resumed (the
 * printer would print it twice); the job ends done, printed once, and
 * the printer showed paused meanwhile. */
static void
test_paused_mid_job(void **state)
{
	struct kz_printd *pd = printd("slow");
	char cmd[2048], saw[128];
	int64_t job;
	pid_t child;

	(void)state;
	empty_kept("Slow");
	job = queue_test_page("slow", "kk");
	/* the person: once the printer has the document (it keeps it) and
	 * prints it (its 2 s), pause the queue */
	snprintf(cmd, sizeof cmd,
		"for i in $(seq 1 300); do ls '%s/Slow' | grep -q '^[0-9]*-kezek_.*\\.pdf$' && "
		"break; sleep 0.05; done; sleep 0.3; cupsdisable -h %s Slow; " WAIT_PAUSED_AND_RESUME,
		dir, server, h->db_path, h->db_path, (long long)job, dir, server);
	child = person(cmd);
	assert_int_equal(step(pd), 1);
	assert_int_equal(waitpid(child, NULL, 0), child);
	seen(saw, sizeof saw);
	/* the job may already be done then: the printer had it whole */
	if (strcmp(saw, "paused sending") != 0 && strcmp(saw, "paused done") != 0)
		fail_msg("while the queue was paused: '%s'", saw);
	assert_job(job, KZ_JOB_DONE, NULL);
	/* what CUPS would have sent again had the job not been seen to;
	 * 5 s of the printer's time is more than its job takes */
	free(run("sleep 5"));
	assert_int_equal(kept_kezek("Slow"), 1);
	empty_kept("Slow");
	kz_printd_close(pd);
}

/* A person cancels the job by its number in CUPS (cancel Slow-N): failed,
 * with the reason; printed again on request, it ends done. */
static void
test_cancelled_by_id_reprinted(void **state)
{
	struct kz_printd *pd = printd("slow");
	char cmd[1024], err[KZ_ERR_LEN];
	int64_t job = queue_test_page("slow", "kk"), again = 0;
	pid_t child;

	(void)state;
	snprintf(cmd, sizeof cmd,
		"for i in $(seq 1 300); do id=$(lpstat -h %s -o Slow | awk '{print $1}' | head -n 1); "
		"[ -n \"$id\" ] && break; sleep 0.05; done; cancel -h %s \"$id\"",
		server, server);
	child = person(cmd);
	assert_int_equal(step(pd), 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_job(job, KZ_JOB_FAILED, "on queue 'Slow' was cancelled");
	empty_kept("Slow");
	if (kz_outbox_reprint(h->db, job, &again, err) != KZ_OK)
		fail_msg("reprint: %s", err);
	kz_clock_set(kz_clock_now() + 11);
	assert_int_equal(step(pd), 1);
	assert_job(again, KZ_JOB_DONE, NULL);
	assert_job(job, KZ_JOB_FAILED, "cancelled");
	assert_int_equal(kept_kezek("Slow"), 1);
	assert_a4_pdf("Slow");
	kz_printd_close(pd);
}

/* A paused queue: the job waits, the printer shows "paused" in words,
 * and the job prints once the queue is resumed. */
static void
test_paused_queue_waits(void **state)
{
	struct kz_printd *pd = printd("pdf");
	int64_t job;

	(void)state;
	lp_command("cupsdisable", "Pdf");
	job = queue_test_page("pdf", "kk");
	assert_int_equal(step(pd), 0);
	assert_job(job, KZ_JOB_QUEUED, "stopped");
	assert_printer("pdf", KZ_PRINTER_PAUSED, "Printing is paused");
	lp_command("cupsenable", "Pdf");
	kz_clock_set(kz_clock_now() + 11);
	assert_int_equal(step(pd), 1);
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_printer("pdf", KZ_PRINTER_READY, NULL);
	assert_a4_pdf("Pdf");
	kz_printd_close(pd);
}

/* Until pid has gone, 5 s at most. */
static void
wait_gone(long pid)
{
	long long until = now_ms() + 5000;
	struct timespec t = {0, 20000000};

	while (kill((pid_t)pid, 0) == 0 && now_ms() < until)
		nanosleep(&t, NULL);
	assert_int_not_equal(kill((pid_t)pid, 0), 0);
}

/* The printer went away: CUPS cannot reach it, the job never starts and
 * is withdrawn at its deadline (not uncertain: nothing was printed), the
 * printer shows offline; back on, the job prints once. */
static void
test_printer_gone_and_back(void **state)
{
	struct kz_printer_conf *conf = (struct kz_printer_conf *)kz_config_printer(&h->cfg, "gone");
	struct kz_printd *pd = printd("gone");
	int64_t job;

	(void)state;
	kill((pid_t)gone_pid, SIGKILL);
	wait_gone(gone_pid);
	conf->job_timeout_s = 2; /* not minutes: the test's own patience */
	job = queue_test_page("gone", "kk");
	assert_int_equal(step(pd), 0);
	/* withdrawn unprinted when the job was made and the printer never
	 * answered; on a loaded machine the spooler may refuse to make it at
	 * all.  Either way the job waits to be sent again, nothing lost, and
	 * the printer is not said to be ready. */
	{
		struct kz_print_job j;
		enum kz_printer_condition st;
		char err[KZ_ERR_LEN], reason[256];
		int queued;

		assert_int_equal(kz_outbox_get(h->db, job, &j, err), KZ_OK);
		if (j.state != KZ_JOB_QUEUED ||
			(strstr(j.reason, "withdrawn unprinted") == NULL &&
				strstr(j.reason, "failed to create a job") == NULL))
			fail_msg("job %lld is %s: '%s'; expected queued again", (long long)job,
				kz_job_state_name(j.state), j.reason);
		assert_int_equal(kz_printer_get_state(h->db, "gone", &st, reason, &queued, err),
			KZ_OK);
		if (strstr(j.reason, "withdrawn unprinted") != NULL)
			assert_printer("gone", KZ_PRINTER_OFFLINE, "does not answer");
		else if (st == KZ_PRINTER_READY)
			fail_msg("printer gone is ready although its job could not be made");
	}

	gone_pid = start_printer("Gone", "pdf", NULL, 0, gone_port);
	lp_command("cupsenable", "Gone");
	conf->job_timeout_s = 30;
	kz_clock_set(kz_clock_now() + 11);
	assert_int_equal(step(pd), 1);
	assert_job(job, KZ_JOB_DONE, NULL);
	assert_a4_pdf("Gone");
	kz_printd_close(pd);
}

/* A thermal printer behind a raw CUPS queue (socket:// to a fake ESC/POS
 * printer): the ticket's bytes arrive untouched and decode to its picture. */
static void
test_raw_queue_prints_ticket(void **state)
{
	struct kz_bitmap *want = NULL, *got = NULL;
	struct kz_escpos_summary sum;
	struct kz_typeset *ts;
	struct kz_printd *pd;
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "", uri[64];
	int64_t job = 0;
	uint8_t *bytes;
	size_t len;
	int port;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_ACCEPT, &port), 0);
	snprintf(uri, sizeof uri, "socket://127.0.0.1:%d", port);
	{
		char cmd[512];

		snprintf(cmd, sizeof cmd, "bash '%s' raw '%s' Thermal '%s' 2>&1", SCRIPT, dir, uri);
		free(run(cmd));
	}
	pd = printd("kiosk-1");
	if (kz_ticket_issue_print(h->db, h->cal, "A", "kiosk-1", "kk", &t, &job, err) != KZ_OK)
		fail_msg("issue: %s", err);
	assert_int_equal(step(pd), 1);
	assert_job(job, KZ_JOB_DONE, NULL);
	kz_printd_close(pd);

	fake_printer_stop();
	bytes = fake_printer_bytes(&len);
	{
		struct kz_wait_estimate e;
		char day[11], code[KZ_BALLOT_CODE_LEN];
		struct kz_ticket_doc d = {"kk", h->cfg.name_kk, "Құжаттарды тапсыру", t.number,
			t.issued_at, 0, 0, 0, &e, NULL, NULL};

		/* the ticket as the print service laid it out: the estimate then */
		assert_int_equal(kz_wait_estimate_ticket(h->db, &h->cfg.hours, t.id,
					 KZ_ESTIMATE_TYPICAL_VISIT, &e, err),
			KZ_OK);
		d.ahead = e.ahead;
		if (!e.waiting)
			d.est = NULL;
		/* and the ballot's check code, of the day it was issued */
		kz_clock_day(t.issued_at, day);
		assert_int_equal(kz_ballot_code(h->db, day, t.number, code, err), KZ_OK);
		d.check_code = code;

		assert_int_equal(kz_typeset_open(FONTS, &ts, err), KZ_OK);
		assert_int_equal(kz_doc_ticket_bitmap(ts, &d, KZ_DOTS_58MM, &want, err), KZ_OK);
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

static struct kz_cups_job
file_job(const char *queue, int job_ms)
{
	return (struct kz_cups_job){.queue = queue,
		.title = "Kezek test page",
		.data = page.data,
		.len = page.len,
		.io_timeout_ms = IO_MS,
		.job_ms = job_ms};
}

/* Print the page on the file queue and check the queue's file holds it. */
static void
print_and_check(void)
{
	struct kz_cups_job j = file_job(QUEUE, JOB_MS);
	struct kz_cups_result r;
	char err[KZ_ERR_LEN], cmd[256], *text;

	snprintf(cmd, sizeof cmd, "rm -f '%s/out/last.pdf'", dir);
	assert_int_equal(system(cmd), 0);
	if (kz_cups_print(&j, &r, err) != KZ_OK)
		fail_msg("%s", err);
	assert_true(r.job_id > 0);
	assert_string_equal(r.state, "completed");
	assert_int_equal(r.end, KZ_CUPS_PRINTED);

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
	struct kz_cups_printer p;
	char st[16], err[KZ_ERR_LEN];

	(void)state;
	print_and_check();
	if (kz_cups_state(QUEUE, st, &p, err) != KZ_OK)
		fail_msg("%s", err);
	assert_true(strcmp(st, "idle") == 0 || strcmp(st, "processing") == 0);
	assert_int_equal(p.condition, KZ_PRINTER_READY);
}

static void
test_stopped_queue(void **state)
{
	struct kz_cups_job j = file_job(QUEUE, 3000);
	struct kz_cups_result r;
	struct kz_cups_printer p;
	char st[16], err[KZ_ERR_LEN];
	long long t0;

	(void)state;
	lp_command("cupsdisable", QUEUE);
	if (kz_cups_state(QUEUE, st, &p, err) != KZ_OK)
		fail_msg("%s", err);
	assert_string_equal(st, "stopped");
	assert_non_null(strstr(p.reasons, "paused"));
	assert_int_equal(p.condition, KZ_PRINTER_PAUSED);

	t0 = now_ms();
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 < 3500);
	if (strstr(err, "stopped") == NULL || strstr(err, QUEUE) == NULL ||
		strstr(err, "paused") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_int_equal(r.job_id, 0);
	assert_int_equal(r.end, KZ_CUPS_NOT_PRINTED);

	lp_command("cupsenable", QUEUE);
	print_and_check();
}

static void
test_not_accepting(void **state)
{
	struct kz_cups_job j = file_job(QUEUE, 3000);
	struct kz_cups_result r;
	char err[KZ_ERR_LEN];

	(void)state;
	lp_command("cupsreject", QUEUE);
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EDEVICE);
	if (strstr(err, "not accepting") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_int_equal(r.end, KZ_CUPS_NOT_PRINTED);
	lp_command("cupsaccept", QUEUE);
}

static void
test_unknown_queue(void **state)
{
	struct kz_cups_job j = file_job("Nowhere_A4", 3000);
	struct kz_cups_result r;
	struct kz_cups_printer p;
	char st[16], err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EDEVICE);
	if (strstr(err, "no CUPS queue 'Nowhere_A4'") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_int_equal(kz_cups_state("Nowhere_A4", st, &p, err), KZ_EDEVICE);
	j.queue = "bad/name";
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EINVAL);
	j = file_job(QUEUE, 3000);
	j.len = 0;
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EINVAL);
	j = file_job(QUEUE, -1);
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EINVAL);
}

static void
hold(const char *until)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "lpadmin -h %s -p " QUEUE " -o job-hold-until-default=%s 2>&1",
		server, until);
	free(run(cmd));
}

/* A job held on the queue never starts by itself: at its deadline it is
 * withdrawn (cancelled, so it cannot print later behind a second try),
 * and the caller may send it again. */
static void
test_held_job_withdrawn(void **state)
{
	struct kz_cups_job j = file_job(QUEUE, 1500);
	struct kz_cups_result r;
	char err[KZ_ERR_LEN], cmd[256], *out;
	long long t0;

	(void)state;
	hold("indefinite");
	t0 = now_ms();
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 >= 1400 && now_ms() - t0 < 3000);
	if (strstr(err, "still held after 1 s and was withdrawn unprinted") == NULL)
		fail_msg("unexpected message: %s", err);
	assert_true(r.job_id > 0);
	assert_int_equal(r.end, KZ_CUPS_NOT_PRINTED);
	assert_non_null(strstr(r.reasons, "job-hold-until-specified"));
	snprintf(cmd, sizeof cmd, "lpstat -h %s -o " QUEUE, server);
	out = run(cmd);
	assert_string_equal(out, ""); /* nothing left to print later */
	free(out);
	hold("no-hold");
	print_and_check();
}

/* Last: stops the daemon for good. */
static void
test_cupsd_gone(void **state)
{
	struct kz_cups_job j = file_job(QUEUE, 3000);
	struct kz_cups_result r;
	struct kz_cups_printer p;
	char err[KZ_ERR_LEN], st[16], cmd[256];
	long long t0;

	(void)state;
	snprintf(cmd, sizeof cmd, "bash '%s' stop '%s'", SCRIPT, dir);
	assert_int_equal(system(cmd), 0);

	t0 = now_ms();
	assert_int_equal(kz_cups_print(&j, &r, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 < 3500);
	assert_int_equal(r.end, KZ_CUPS_NOT_PRINTED);
	if (strstr(err, server) == NULL)
		fail_msg("the message does not name %s: %s", server, err);
	assert_int_equal(kz_cups_state(QUEUE, st, &p, err), KZ_EDEVICE);
	if (strstr(err, server) == NULL)
		fail_msg("the message does not name %s: %s", server, err);
}

/* Two groups, each with its own cupsd, so ctest runs them side by side:
 * "printers" (the IPP Everywhere printers and the raw queue) and "queue"
 * (the file queue's faults). */
int
main(int argc, char **argv)
{
	const struct CMUnitTest printers[] = {
		cmocka_unit_test(test_pdf_printer_gets_a4),
		cmocka_unit_test(test_raster_printer_gets_a4),
		cmocka_unit_test(test_slow_printer_ends_done),
		cmocka_unit_test(test_cancelled_job_fails_with_reason),
		cmocka_unit_test(test_paused_queue_waits),
		cmocka_unit_test(test_paused_with_job_in_queue),
		cmocka_unit_test(test_events_keep_the_handover),
		cmocka_unit_test(test_paused_mid_job),
		cmocka_unit_test(test_cancelled_by_id_reprinted),
		cmocka_unit_test(test_printer_gone_and_back),
		cmocka_unit_test(test_raw_queue_prints_ticket),
	};
	const struct CMUnitTest queue[] = {
		cmocka_unit_test(test_prints_test_page),
		cmocka_unit_test(test_stopped_queue),
		cmocka_unit_test(test_not_accepting),
		cmocka_unit_test(test_unknown_queue),
		cmocka_unit_test(test_held_job_withdrawn),
		cmocka_unit_test(test_cupsd_gone),
	};

	if (argc != 2 || (strcmp(argv[1], "printers") != 0 && strcmp(argv[1], "queue") != 0)) {
		fprintf(stderr, "usage: test_cups printers|queue\n");
		return 1;
	}
	with_printers = argv[1][0] == 'p';
	if (with_printers)
		return cmocka_run_group_tests(printers, setup, teardown);
	return cmocka_run_group_tests(queue, setup, teardown);
}
