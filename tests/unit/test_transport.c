/* test_transport.c - the tcp and device transports against a fake network
 * printer, FIFOs and a pseudo-terminal: exact bytes, status, and failures. */
#define _XOPEN_SOURCE 700 /* posix_openpt and friends, for the status device */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fake_printer.h"
#include "ink/bitmap.h"
#include "printer/cups-reasons.h"
#include "printer/escpos.h"
#include "printer/transport.h"
#include "queue/error.h"

#define BIG (4u << 20) /* more than any socket or pipe buffer takes */

static const struct kz_transport_ops *tcp = &kz_transport_tcp, *dev = &kz_transport_device;

static long long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Diagonals, a block and a frame, as in test_escpos.c. */
static struct kz_bitmap *
pattern(int w, int h)
{
	struct kz_bitmap *bm = kz_bitmap_new(w, h);

	assert_non_null(bm);
	for (int y = 0; y < h; y++) {
		kz_bitmap_set(bm, y % w, y, 1);
		kz_bitmap_set(bm, w - 1 - (y * 3) % w, y, 1);
	}
	kz_bitmap_fill(bm, w / 4, h / 3, w / 3, h / 5, 1);
	kz_bitmap_fill(bm, 0, 0, w, 2, 1);
	kz_bitmap_fill(bm, 0, h - 2, w, 2, 1);
	return bm;
}

/* A ticket-sized printout: 384 x 400 dots, fed and cut. */
static struct kz_bytes
ticket(void)
{
	struct kz_bitmap *bm = pattern(KZ_DOTS_58MM, 400);
	struct kz_bytes b = {0};

	assert_int_equal(kz_escpos_print(bm, 4, 1, &b), KZ_OK);
	kz_bitmap_free(bm);
	/* the fake answers DLE EOT n wherever it is: the raster must hold none */
	for (size_t i = 0; i + 2 < b.len; i++)
		assert_false(b.data[i] == 0x10 && b.data[i + 1] == 0x04 && b.data[i + 2] >= 1 &&
			b.data[i + 2] <= 4);
	return b;
}

/* BIG bytes of a printout's worth of nothing in particular. */
static uint8_t *
big(void)
{
	uint8_t *p = malloc(BIG);

	assert_non_null(p);
	for (size_t i = 0; i < BIG; i++)
		p[i] = (uint8_t)(i * 7 + (i >> 13)) & 0x7F; /* no DLE EOT 1..4 either */
	for (size_t i = 0; i < BIG; i++)
		if (p[i] == 0x10)
			p[i] = 0x11;
	return p;
}

static void
assert_has(const char *s, const char *part)
{
	if (strstr(s, part) == NULL)
		fail_msg("'%s' does not say '%s'", s, part);
}

static void *
tcp_open(int port, char *err)
{
	char address[64];
	void *st = NULL;
	int rc;

	snprintf(address, sizeof address, "127.0.0.1:%d", port);
	rc = tcp->open(address, 2000, &st, err);
	if (rc != KZ_OK)
		fail_msg("open %s: %s", address, err);
	return st;
}

/* A CUPS printer's state-reasons as staff see them: the state every
 * screen shows and what to do, the worst reason first. */
static void
test_cups_reasons_read_for_staff(void **state)
{
	static const struct {
		const char *reasons, *state;
		enum kz_printer_condition condition;
		const char *said; /* a part of the sentence; "" for none */
	} cases[] = {
		{"none", "idle", KZ_PRINTER_READY, ""},
		{"media-empty-error", "idle", KZ_PRINTER_PAPER_OUT, "out of paper"},
		{"media-needed", "processing", KZ_PRINTER_PAPER_OUT, "out of paper"},
		{"media-jam-error", "stopped", KZ_PRINTER_ERROR, "jammed"},
		{"cover-open-warning", "idle", KZ_PRINTER_COVER_OPEN, "cover"},
		{"door-open-error", "idle", KZ_PRINTER_COVER_OPEN, "cover"},
		{"toner-empty-error", "idle", KZ_PRINTER_ERROR, "new cartridge"},
		{"media-low-report", "idle", KZ_PRINTER_PAPER_LOW, "running low"},
		{"toner-low-report", "idle", KZ_PRINTER_READY, "toner or ink is running low"},
		{"marker-supply-low-warning", "idle", KZ_PRINTER_READY, "toner or ink"},
		{"offline-report", "idle", KZ_PRINTER_OFFLINE, "does not answer"},
		{"connecting-to-device", "processing", KZ_PRINTER_OFFLINE, "does not answer"},
		{"paused", "stopped", KZ_PRINTER_PAUSED, "paused"},
		{"none", "stopped", KZ_PRINTER_PAUSED, "paused"},
		{"paused, media-empty-error", "stopped", KZ_PRINTER_PAPER_OUT, "out of paper"},
		{"media-empty-error, offline-report", "idle", KZ_PRINTER_OFFLINE,
			"does not answer"},
		{"fuser-over-temp-error", "idle", KZ_PRINTER_ERROR, "fault"},
		{"fuser-over-temp-warning", "idle", KZ_PRINTER_READY, ""},
		{"cups-waiting-for-job-completed", "processing", KZ_PRINTER_READY, ""},
		{"media-emptyish", "idle", KZ_PRINTER_READY, ""},
		{"none (The printer may not exist or is unavailable at this time.)", "processing",
			KZ_PRINTER_OFFLINE, "does not answer"},
		{"none (media-empty-error, said in a message)", "idle", KZ_PRINTER_READY, ""},
	};
	struct kz_cups_printer p;
	int n = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(p.reasons, sizeof p.reasons, "%s", cases[i].reasons);
		kz_cups_read_reasons(cases[i].state, &p);
		if (p.condition != cases[i].condition || strstr(p.said, cases[i].said) == NULL ||
			(cases[i].said[0] == '\0') != (p.said[0] == '\0'))
			fail_msg("'%s' (%s) read as %s: '%s'", cases[i].reasons, cases[i].state,
				kz_printer_condition_name(p.condition), p.said);
	}
	/* every sentence a short plain one, ending as a sentence does */
	for (; kz_cups_sentences[n] != NULL; n++)
		assert_true(strlen(kz_cups_sentences[n]) < 80 &&
			kz_cups_sentences[n][strlen(kz_cups_sentences[n]) - 1] == '.');
	assert_int_equal(n, 10);
}

/* The backend's words before the printer has a byte of the job, and not
 * after: a job overdue while they are all there is to see is withdrawn
 * unprinted; once connected (or holding the job) it may be printing. */
static void
test_cups_not_reached(void **state)
{
	static const struct {
		const char *reasons;
		int not_reached;
	} cases[] = {
		{"none (Connecting to printer.)", 1},
		{"none (The printer is unreachable at this time.)", 1},
		{"none (The printer is in use.)", 1},
		{"none (The printer may not exist or is unavailable at this time.)", 1},
		{"offline-report (The printer is not responding.)", 1},
		{"none (Network host \"10.0.0.7\" is busy; will retry in 5 seconds.)", 1},
		{"none (Connected to printer.)", 0}, {"none (Preparing to print.)", 0},
		{"cups-waiting-for-job-completed (Waiting for job to complete.)", 0}, {"none", 0},
		{"connecting-to-device", 0}, /* the word alone is the keyword's matter */
	};
	struct kz_cups_printer p = {0};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(p.reasons, sizeof p.reasons, "%s", cases[i].reasons);
		if (kz_cups_not_reached(&p) != cases[i].not_reached)
			fail_msg("'%s': not reached %d, expected %d", cases[i].reasons,
				kz_cups_not_reached(&p), cases[i].not_reached);
	}
}

static void
test_find(void **state)
{
	(void)state;
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_TCP), &kz_transport_tcp);
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_DEVICE), &kz_transport_device);
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_USB), &kz_transport_usb);
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_CUPS), &kz_transport_cups);
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_FOLDER), &kz_transport_folder);
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_CUPS_RAW), &kz_transport_cups_raw);
	assert_null(kz_transport_find(KZ_TRANSPORT_NONE));
	assert_null(kz_transport_find(KZ_TRANSPORT_COUNT));
	/* one row a kind, named as hall.ini names it; ESC/POS or PDF, never
	 * both; ESC/POS as a byte stream, or whole to a raw CUPS queue */
	for (int k = KZ_TRANSPORT_NONE + 1; k < KZ_TRANSPORT_COUNT; k++) {
		const struct kz_transport_ops *ops = kz_transport_find((enum kz_transport_kind)k);
		assert_int_equal(ops->kind, k);
		assert_string_equal(ops->name, kz_config_transport_name((enum kz_transport_kind)k));
		assert_non_null(ops->open);
		assert_non_null(ops->close);
		if (ops->pdf) {
			assert_non_null(ops->deliver);
			assert_non_null(ops->health);
			assert_null(ops->write);
		} else if (ops->deliver != NULL) {
			assert_int_equal(ops->kind, KZ_TRANSPORT_CUPS_RAW);
			assert_non_null(ops->health);
			assert_null(ops->write);
		} else {
			assert_non_null(ops->write);
			assert_non_null(ops->send_by);
		}
	}
	assert_string_equal(tcp->name, "tcp");
	assert_string_equal(dev->name, "device");
	assert_non_null(tcp->read_byte);
	assert_int_equal(KZ_EDEVICE, -10);
	assert_string_equal(kz_err_name(KZ_EDEVICE), "device error");
}

static void
test_tcp_ticket_arrives_byte_exact(void **state)
{
	struct kz_bytes b = ticket();
	struct kz_bitmap *back = NULL, *bm = pattern(KZ_DOTS_58MM, 400);
	char err[KZ_ERR_LEN] = "";
	uint8_t *got;
	size_t len;
	void *st;
	int port;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_ACCEPT, &port), 0);
	st = tcp_open(port, err);
	if (tcp->write(st, b.data, b.len, 2000, err) != KZ_OK)
		fail_msg("write: %s", err);
	tcp->close(st);
	fake_printer_stop();
	got = fake_printer_bytes(&len);
	assert_int_equal(fake_printer_connections(), 1);
	assert_int_equal(len, b.len);
	assert_memory_equal(got, b.data, b.len);
	/* and it is the picture that was sent */
	assert_int_equal(kz_escpos_decode(got, len, &back, NULL, err), KZ_OK);
	assert_true(kz_bitmap_equal(back, bm));
	kz_bitmap_free(back);
	kz_bitmap_free(bm);
	free(got);
	kz_bytes_free(&b);
}

static void
test_tcp_status_round_trip(void **state)
{
	struct kz_printer_state ps = {0};
	struct kz_bytes b = ticket();
	char err[KZ_ERR_LEN] = "", text[64];
	void *st;
	int port;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_ACCEPT, &port), 0);
	fake_printer_set_status(1, 0x16);
	fake_printer_set_status(2, 0x12);
	fake_printer_set_status(4, 0x72);
	st = tcp_open(port, err);
	if (kz_transport_status(tcp, st, &ps, 2000, err) != KZ_OK)
		fail_msg("status: %s", err);
	assert_true(ps.paper_out);
	assert_true(ps.online);
	assert_int_equal(ps.valid, 1 << 1 | 1 << 2 | 1 << 4); /* no error: 3 not asked */
	assert_string_equal(kz_escpos_state_text(&ps, text, sizeof text), "paper out");
	/* paper in again, a printout, and an error whose cause takes DLE EOT 3 */
	fake_printer_set_status(4, 0x12);
	fake_printer_set_status(2, 0x52);
	fake_printer_set_status(3, 0x1A);
	assert_int_equal(tcp->write(st, b.data, b.len, 2000, err), KZ_OK);
	if (kz_transport_status(tcp, st, &ps, 2000, err) != KZ_OK)
		fail_msg("status: %s", err);
	assert_int_equal(ps.valid, 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4);
	assert_string_equal(kz_escpos_state_text(&ps, text, sizeof text), "cutter error");
	/* a byte that is no status */
	fake_printer_set_status(1, 0x00);
	assert_int_equal(kz_transport_status(tcp, st, &ps, 2000, err), KZ_EDEVICE);
	assert_has(err, "answered 0x00 to status request DLE EOT 1");
	assert_int_equal(ps.valid, 0);
	tcp->close(st);
	fake_printer_stop();
	kz_bytes_free(&b);
}

static void
test_tcp_stalled_printer_times_out(void **state)
{
	char err[KZ_ERR_LEN] = "", where[32];
	struct kz_printer_state ps;
	uint8_t *data = big();
	long long t0, took;
	void *st;
	int port, rc;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_STALL, &port), 0);
	st = tcp_open(port, err);
	t0 = now_ms();
	rc = tcp->write(st, data, BIG, 500, err);
	took = now_ms() - t0;
	assert_int_equal(rc, KZ_EDEVICE);
	assert_has(err, "timed out after 500 ms");
	snprintf(where, sizeof where, "127.0.0.1:%d", port);
	assert_has(err, where);
	if (took < 450 || took > 3000)
		fail_msg("a 500 ms write took %lld ms", took);
	/* status is bounded too: the stalled printer answers nothing */
	t0 = now_ms();
	assert_int_equal(kz_transport_status(tcp, st, &ps, 300, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 < 3000);
	tcp->close(st);
	fake_printer_stop();
	free(data);
}

static void
test_tcp_dropped_connection_is_an_error_not_sigpipe(void **state)
{
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "";
	uint8_t *data = big();
	void *st;
	int port;

	(void)state;
	signal(SIGPIPE, SIG_DFL); /* a SIGPIPE would end the test run */
	assert_int_equal(fake_printer_start(FAKE_DROP, &port), 0);
	fake_printer_drop_after(1000);
	st = tcp_open(port, err);
	assert_int_equal(tcp->write(st, data, BIG, 5000, err), KZ_EDEVICE);
	assert_has(err, "closed the connection");
	assert_has(err, "127.0.0.1:");
	/* the same connection again: still an error, still alive */
	assert_int_equal(tcp->write(st, data, 100, 1000, err), KZ_EDEVICE);
	tcp->close(st);
	/* a printer that hangs up on a status request */
	fake_printer_drop_after(2);
	st = tcp_open(port, err);
	assert_int_equal(kz_transport_status(tcp, st, &ps, 2000, err), KZ_EDEVICE);
	assert_has(err, "closed the connection");
	tcp->close(st);
	fake_printer_stop();
	free(data);
}

static void
test_tcp_refused(void **state)
{
	char err[KZ_ERR_LEN] = "", address[64];
	void *st = (void *)1;
	int port;

	(void)state;
	assert_int_equal(fake_printer_start(FAKE_REFUSE, &port), 0);
	snprintf(address, sizeof address, "127.0.0.1:%d", port);
	assert_int_equal(tcp->open(address, 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, "connection refused");
	assert_has(err, address);
	assert_has(err, "check the printer is on");
}

/* A listener whose accept queue is full drops new SYNs: connect waits. */
static void
test_tcp_connect_times_out(void **state)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	socklen_t alen = sizeof a;
	char err[KZ_ERR_LEN] = "", address[64];
	int lfd = socket(AF_INET, SOCK_STREAM, 0), filler = socket(AF_INET, SOCK_STREAM, 0);
	long long t0, took;
	void *st = NULL;
	int rc;

	(void)state;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(lfd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(getsockname(lfd, (struct sockaddr *)&a, &alen), 0);
	assert_int_equal(listen(lfd, 0), 0);
	assert_int_equal(connect(filler, (struct sockaddr *)&a, sizeof a), 0);
	snprintf(address, sizeof address, "127.0.0.1:%d", ntohs(a.sin_port));
	t0 = now_ms();
	rc = tcp->open(address, 300, &st, err);
	took = now_ms() - t0;
	if (rc == KZ_OK) { /* a kernel that queues one more: nothing to learn here */
		tcp->close(st);
		close(filler);
		close(lfd);
		skip();
	}
	assert_int_equal(rc, KZ_EDEVICE);
	assert_has(err, "timed out after 300 ms");
	assert_has(err, address);
	assert_true(took >= 250 && took < 3000);
	close(filler);
	close(lfd);
}

static void
test_tcp_unknown_host_and_bad_addresses(void **state)
{
	static const char *const bad[] = {
		"",
		":9100",
		"printer:",
		"printer:0",
		"printer:65536",
		"printer:91OO",
		"[::1",
		"[::1]x",
		"printer:123456",
	};
	char err[KZ_ERR_LEN] = "";
	long long t0 = now_ms();
	void *st = (void *)1;

	(void)state;
	assert_int_equal(tcp->open("no-such-printer.invalid:9100", 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, "no-such-printer.invalid");
	if (now_ms() - t0 > 10000)
		fail_msg("looking up a .invalid name took %lld ms", now_ms() - t0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (tcp->open(bad[i], 100, &st, err) != KZ_EINVAL)
			fail_msg("'%s' taken as a printer address", bad[i]);
		assert_has(err, "host:port");
	}
	assert_int_equal(tcp->open("127.0.0.1:9100", -1, &st, err), KZ_EINVAL);
}

/* The far end of a FIFO: read it all, to end of file or 10 s. */
struct reader {
	int fd;
	size_t limit; /* stop reading (and close) after this many */
	int never;    /* do not read at all until told to stop */
	atomic_int stop;
	struct kz_bytes got;
};

static void *
read_fifo(void *arg)
{
	struct reader *r = arg;
	long long end = now_ms() + 10000;
	uint8_t buf[65536];

	while (now_ms() < end && !r->stop && r->got.len < r->limit) {
		struct pollfd p = {.fd = r->fd, .events = POLLIN};
		ssize_t k;

		if (r->never) {
			poll(NULL, 0, 20);
			continue;
		}
		if (poll(&p, 1, 20) <= 0)
			continue;
		k = read(r->fd, buf, sizeof buf);
		if (k == 0)
			break;
		if (k > 0 && kz_bytes_add(&r->got, buf, (size_t)k) != KZ_OK)
			break;
	}
	close(r->fd);
	return NULL;
}

struct fifo {
	char dir[64], path[96];
};

static void
make_fifo(struct fifo *f)
{
	snprintf(f->dir, sizeof f->dir, "/tmp/kz-transport-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/lp0", f->dir);
	assert_int_equal(mkfifo(f->path, 0600), 0);
}

static void
remove_fifo(struct fifo *f)
{
	unlink(f->path);
	rmdir(f->dir);
}

/* Open the reading end first: a FIFO has no writer without a reader. */
static void *
open_fifo(struct fifo *f, struct reader *r, pthread_t *thread, char *err)
{
	void *st = NULL;

	r->fd = open(f->path, O_RDONLY | O_NONBLOCK);
	assert_true(r->fd >= 0);
	if (dev->open(f->path, 2000, &st, err) != KZ_OK)
		fail_msg("open %s: %s", f->path, err);
	assert_int_equal(pthread_create(thread, NULL, read_fifo, r), 0);
	return st;
}

static void
test_device_fifo_byte_exact(void **state)
{
	struct kz_bytes b = ticket(), want = {0};
	struct reader r = {.limit = (size_t)-1};
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "";
	uint8_t *data = big();
	struct fifo f;
	pthread_t thread;
	void *st;

	(void)state;
	make_fifo(&f);
	st = open_fifo(&f, &r, &thread, err);
	/* a ticket, then more than the pipe holds: the writer has to wait */
	assert_int_equal(dev->write(st, b.data, b.len, 2000, err), KZ_OK);
	if (dev->write(st, data, BIG, 5000, err) != KZ_OK)
		fail_msg("write: %s", err);
	assert_int_equal(kz_transport_status(dev, st, &ps, 500, err), KZ_EDEVICE);
	assert_has(err, "gives no status");
	assert_has(err, f.path);
	dev->close(st);
	pthread_join(thread, NULL);
	assert_int_equal(kz_bytes_add(&want, b.data, b.len), KZ_OK);
	assert_int_equal(kz_bytes_add(&want, data, BIG), KZ_OK);
	assert_int_equal(r.got.len, want.len);
	assert_memory_equal(r.got.data, want.data, want.len);
	kz_bytes_free(&r.got);
	kz_bytes_free(&want);
	kz_bytes_free(&b);
	free(data);
	remove_fifo(&f);
}

static void
test_device_fifo_failures(void **state)
{
	struct reader r = {.limit = 1000}, stall = {.limit = (size_t)-1, .never = 1};
	char err[KZ_ERR_LEN] = "";
	uint8_t *data = big();
	long long t0, took;
	sigset_t pending;
	struct fifo f;
	pthread_t thread;
	void *st = (void *)1;

	(void)state;
	signal(SIGPIPE, SIG_DFL);
	make_fifo(&f);
	/* no one at the other end */
	assert_int_equal(dev->open(f.path, 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, f.path);
	/* the reader goes away midway: EPIPE, and no SIGPIPE to die of */
	st = open_fifo(&f, &r, &thread, err);
	assert_int_equal(dev->write(st, data, BIG, 5000, err), KZ_EDEVICE);
	assert_has(err, "closed the connection");
	assert_has(err, f.path);
	sigpending(&pending);
	assert_false(sigismember(&pending, SIGPIPE));
	dev->close(st);
	pthread_join(thread, NULL);
	kz_bytes_free(&r.got);
	/* a reader that reads nothing: the write times out */
	st = open_fifo(&f, &stall, &thread, err);
	t0 = now_ms();
	assert_int_equal(dev->write(st, data, BIG, 300, err), KZ_EDEVICE);
	took = now_ms() - t0;
	assert_has(err, "timed out after 300 ms");
	if (took < 250 || took > 3000)
		fail_msg("a 300 ms write took %lld ms", took);
	stall.stop = 1;
	dev->close(st);
	pthread_join(thread, NULL);
	free(data);
	remove_fifo(&f);
}

static void
test_device_missing_and_plain_file(void **state)
{
	char err[KZ_ERR_LEN] = "", dir[64], path[96];
	struct kz_printer_state ps;
	uint8_t back[8] = {0};
	void *st = (void *)1;
	int fd;

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kz-transport-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/usb/lp0", dir);
	assert_int_equal(dev->open(path, 1000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, path);
	assert_has(err, "No such file or directory");
	assert_has(err, "is it plugged in?");
	assert_int_equal(dev->open("", 1000, &st, err), KZ_EINVAL);
	/* a plain file takes the bytes at its end, and gives no status */
	snprintf(path, sizeof path, "%s/out.bin", dir);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_int_equal(write(fd, "AB", 2), 2);
	close(fd);
	assert_int_equal(dev->open(path, 1000, &st, err), KZ_OK);
	assert_int_equal(dev->write(st, (const uint8_t *)"CD", 2, 1000, err), KZ_OK);
	assert_int_equal(kz_transport_status(dev, st, &ps, 100, err), KZ_EDEVICE);
	assert_has(err, "gives no status");
	dev->close(st);
	fd = open(path, O_RDONLY);
	assert_int_equal(read(fd, back, sizeof back), 4);
	close(fd);
	assert_memory_equal(back, "ABCD", 4);
	unlink(path);
	rmdir(dir);
}

/* A printer on a pseudo-terminal: the test holds the master side, answers
 * DLE EOT n and keeps what else comes. */
struct pty_printer {
	int master;
	uint8_t status[5];
	struct kz_bytes got;
};

static void *
answer_pty(void *arg)
{
	struct pty_printer *p = arg;
	long long end = now_ms() + 10000;
	uint8_t buf[4096];
	int seen = 0;

	while (now_ms() < end) {
		struct pollfd pf = {.fd = p->master, .events = POLLIN};
		ssize_t k;

		if (poll(&pf, 1, 20) <= 0)
			continue;
		k = read(p->master, buf, sizeof buf);
		if (k <= 0)
			break; /* EIO: every slave side closed */
		kz_bytes_add(&p->got, buf, (size_t)k);
		for (ssize_t i = 0; i < k; i++) {
			if (seen == 2 && buf[i] >= 1 && buf[i] <= 4) {
				if (write(p->master, &p->status[buf[i]], 1) != 1)
					break;
				seen = 0;
				continue;
			}
			seen = seen == 1 && buf[i] == 0x04 ? 2 : buf[i] == 0x10;
		}
	}
	return NULL;
}

/* Raw: no echo, no line editing, no CR/LF changes, no flow control. */
static int
raw(int fd)
{
	struct termios t;

	if (tcgetattr(fd, &t) < 0)
		return -1;
	t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON |
		IXOFF | INPCK);
	t.c_oflag &= ~(tcflag_t)OPOST;
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t.c_cflag |= CS8;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSANOW, &t);
}

static void
test_device_status_through_a_tty(void **state)
{
	struct pty_printer p = {.status = {0, 0x16, 0x12, 0x12, 0x72}};
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "", text[64], path[128];
	struct kz_bytes b = ticket();
	pthread_t thread;
	void *st = NULL;
	int slave;

	(void)state;
	p.master = posix_openpt(O_RDWR | O_NOCTTY);
	if (p.master < 0 || grantpt(p.master) < 0 || unlockpt(p.master) < 0 ||
		ptsname(p.master) == NULL) {
		if (p.master >= 0)
			close(p.master);
		skip(); /* no pseudo-terminals here */
	}
	snprintf(path, sizeof path, "%s", ptsname(p.master));
	slave = open(path, O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	assert_int_equal(raw(slave), 0);
	if (dev->open(path, 1000, &st, err) != KZ_OK)
		fail_msg("open %s: %s", path, err);
	close(slave);
	assert_int_equal(pthread_create(&thread, NULL, answer_pty, &p), 0);
	if (kz_transport_status(dev, st, &ps, 2000, err) != KZ_OK)
		fail_msg("status: %s", err);
	assert_true(ps.paper_out);
	assert_string_equal(kz_escpos_state_text(&ps, text, sizeof text), "paper out");
	assert_int_equal(dev->write(st, b.data, b.len, 2000, err), KZ_OK);
	dev->close(st);
	pthread_join(thread, NULL);
	close(p.master);
	/* three requests, then the printout */
	assert_int_equal(p.got.len, 9 + b.len);
	assert_memory_equal(p.got.data, ((const uint8_t[]){0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4}), 9);
	assert_memory_equal(p.got.data + 9, b.data, b.len);
	kz_bytes_free(&p.got);
	kz_bytes_free(&b);
}

/* The folder printer: made if missing; done is the file whole under its
 * name, no temporary left; a folder that cannot be written is offline. */
static void
test_folder_keeps_each_printout_whole(void **state)
{
	const struct kz_transport_ops *f = kz_transport_find(KZ_TRANSPORT_FOLDER);
	char dir[] = "/tmp/kz-folder-XXXXXX", sub[64], path[96], err[KZ_ERR_LEN] = "";
	static const uint8_t pdf[] = "%PDF-1.5 a page";
	struct kz_printout p = {.data = pdf,
		.len = sizeof pdf,
		.title = "Kezek form 7",
		.name = "20260320-100000-000007-form-kk"};
	struct kz_health h;
	enum kz_unsent unsent = KZ_UNSENT_UNCERTAIN;
	struct stat sb;
	void *st = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/a4", dir);
	assert_int_equal(f->open(sub, 100, &st, err), KZ_OK);
	assert_int_equal(stat(sub, &sb), 0); /* made */
	assert_true(kz_transport_can_ask(f, 0));
	assert_int_equal(kz_transport_health(f, st, 100, &h, err), KZ_OK);
	assert_int_equal(h.state, KZ_PRINTER_READY);
	assert_int_equal(kz_transport_send(f, st, &p, 0, 100, &unsent, err), KZ_OK);
	snprintf(path, sizeof path, "%s/%s.pdf", sub, p.name);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, sizeof pdf);
	f->close(st);
	/* a folder inside a file cannot be made: the printout fails, safe to
	 * send again, and the printer is offline */
	snprintf(path, sizeof path, "%s/file", dir);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/file/a4", dir);
	assert_int_equal(f->open(path, 100, &st, err), KZ_OK);
	assert_int_equal(kz_transport_send(f, st, &p, 0, 100, &unsent, err), KZ_EDEVICE);
	assert_int_equal(unsent, KZ_UNSENT_RETRY);
	assert_non_null(strstr(err, path));
	assert_int_equal(kz_transport_health(f, st, 100, &h, err), KZ_OK);
	assert_int_equal(h.state, KZ_PRINTER_OFFLINE);
	assert_non_null(strstr(h.reason, "cannot write to the folder"));
	f->close(st);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cups_not_reached),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_cups_reasons_read_for_staff),
		cmocka_unit_test(test_folder_keeps_each_printout_whole),
		cmocka_unit_test(test_tcp_ticket_arrives_byte_exact),
		cmocka_unit_test(test_tcp_status_round_trip),
		cmocka_unit_test(test_tcp_stalled_printer_times_out),
		cmocka_unit_test(test_tcp_dropped_connection_is_an_error_not_sigpipe),
		cmocka_unit_test(test_tcp_refused),
		cmocka_unit_test(test_tcp_connect_times_out),
		cmocka_unit_test(test_tcp_unknown_host_and_bad_addresses),
		cmocka_unit_test(test_device_fifo_byte_exact),
		cmocka_unit_test(test_device_fifo_failures),
		cmocka_unit_test(test_device_missing_and_plain_file),
		cmocka_unit_test(test_device_status_through_a_tty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
