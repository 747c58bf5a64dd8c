/* fake_printer.c - a network printer for tests on 127.0.0.1, served by one
 * thread with every loop bounded by time; see fake_printer.h. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "fake_printer.h"

#define LIFETIME_MS 30000 /* it stops by itself after this */
#define TICK_MS     20    /* how often the thread looks at the stop flag */
#define QUIET_MS    2000  /* stopping: a connection this long without a byte is done */

static struct {
	pthread_mutex_t lock; /* over everything below */
	pthread_t thread;
	int running; /* the thread was started and not yet joined */
	int stop;
	int listen_fd;
	enum fake_mode mode;
	uint8_t status[5];
	size_t drop_after;
	uint8_t *data;
	size_t len, cap;
	int connections;
} fake = {.lock = PTHREAD_MUTEX_INITIALIZER, .listen_fd = -1};

static long long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int
stopping(void)
{
	int stop;

	pthread_mutex_lock(&fake.lock);
	stop = fake.stop;
	pthread_mutex_unlock(&fake.lock);
	return stop;
}

/* Keep the bytes; a failed allocation keeps what fits, and the test's
 * comparison then fails loudly. */
static void
keep(const uint8_t *p, size_t n)
{
	pthread_mutex_lock(&fake.lock);
	if (fake.len + n > fake.cap) {
		size_t cap = fake.cap ? fake.cap : 65536;
		uint8_t *d;

		while (cap < fake.len + n)
			cap *= 2;
		d = realloc(fake.data, cap);
		if (d != NULL) {
			fake.data = d;
			fake.cap = cap;
		}
	}
	if (fake.len + n <= fake.cap) {
		memcpy(fake.data + fake.len, p, n);
		fake.len += n;
	}
	pthread_mutex_unlock(&fake.lock);
}

/* Answer the DLE EOT n among these bytes; *seen carries a request cut
 * between two reads (1 after DLE, 2 after DLE EOT). */
static void
answer(int fd, const uint8_t *p, size_t n, int *seen)
{
	for (size_t i = 0; i < n; i++) {
		if (*seen == 2 && p[i] >= 1 && p[i] <= 4) {
			uint8_t b;

			pthread_mutex_lock(&fake.lock);
			b = fake.status[p[i]];
			pthread_mutex_unlock(&fake.lock);
			send(fd, &b, 1, MSG_NOSIGNAL);
			*seen = 0;
			continue;
		}
		*seen = *seen == 1 && p[i] == 0x04 ? 2 : p[i] == 0x10;
	}
}

/* Read one connection until the peer closes, the limit is reached (DROP),
 * or, once stopping, it stays quiet. */
static void
take(int fd, long long end, size_t limit)
{
	uint8_t buf[65536];
	size_t got = 0;
	long long quiet_since = now_ms();
	int seen = 0;

	while (got < limit && now_ms() < end) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		size_t want = limit - got < sizeof buf ? limit - got : sizeof buf;
		ssize_t k;

		if (poll(&p, 1, TICK_MS) <= 0) {
			if (stopping() && now_ms() - quiet_since > QUIET_MS)
				return;
			continue;
		}
		k = recv(fd, buf, want, 0);
		if (k <= 0 && !(k < 0 && errno == EINTR))
			return;
		if (k <= 0)
			continue;
		quiet_since = now_ms();
		/* acknowledge at once, as a printer on Ethernet does after two
		 * full segments: loopback's 64 KiB segments would otherwise
		 * leave each band's ACK to the 40 ms delayed-ACK timer */
		setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &(int){1}, sizeof(int));
		keep(buf, (size_t)k);
		answer(fd, buf, (size_t)k, &seen);
		got += (size_t)k;
	}
}

static void
serve_one(int fd, enum fake_mode mode, long long end)
{
	size_t drop_after;

	pthread_mutex_lock(&fake.lock);
	fake.connections++;
	drop_after = fake.drop_after;
	pthread_mutex_unlock(&fake.lock);
	if (mode == FAKE_ACCEPT)
		take(fd, end, (size_t)-1);
	else if (mode == FAKE_DROP)
		take(fd, end, drop_after);
	else
		while (!stopping() && now_ms() < end) /* STALL: hold it, read nothing */
			poll(NULL, 0, TICK_MS);
}

static void *
serve(void *arg)
{
	long long end = now_ms() + LIFETIME_MS;
	enum fake_mode mode = *(enum fake_mode *)arg;

	/* stopping, a connection already made is still taken: the test may
	 * have written and closed before this thread came to accept it */
	while (now_ms() < end) {
		struct pollfd p = {.fd = fake.listen_fd, .events = POLLIN};
		int fd;

		if (poll(&p, 1, TICK_MS) <= 0) {
			if (stopping())
				break;
			continue;
		}
		fd = accept(fake.listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		serve_one(fd, mode, end);
		close(fd);
	}
	return NULL;
}

/* A socket bound to 127.0.0.1 at a port the kernel picks. */
static int
bind_loopback(int small_buffer, int *port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0), tiny = 4096;

	if (fd < 0)
		return -1;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	/* before listen, so accepted sockets take it: the window stays small */
	if (small_buffer)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &tiny, sizeof tiny);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ||
		getsockname(fd, (struct sockaddr *)&a, &len) < 0) {
		close(fd);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return fd;
}

int
fake_printer_start(enum fake_mode mode, int *port)
{
	static enum fake_mode arg;
	int fd;

	fake_printer_stop(); /* one a test failed to stop */
	fd = bind_loopback(mode == FAKE_STALL, port);
	if (fd < 0)
		return -1;
	pthread_mutex_lock(&fake.lock);
	free(fake.data);
	fake.data = NULL;
	fake.len = fake.cap = 0;
	fake.connections = 0;
	fake.stop = 0;
	memcpy(fake.status, (const uint8_t[]){0, 0x16, 0x12, 0x12, 0x12}, 5);
	fake.drop_after = 1000;
	fake.mode = mode;
	pthread_mutex_unlock(&fake.lock);
	if (mode == FAKE_REFUSE) {
		close(fd); /* the port was free a moment ago and nothing listens */
		return 0;
	}
	if (listen(fd, 4) < 0) {
		close(fd);
		return -1;
	}
	fake.listen_fd = fd;
	arg = mode;
	if (pthread_create(&fake.thread, NULL, serve, &arg) != 0) {
		close(fd);
		fake.listen_fd = -1;
		return -1;
	}
	fake.running = 1;
	return 0;
}

void
fake_printer_set_status(int n, uint8_t byte)
{
	if (n < 1 || n > 4)
		return;
	pthread_mutex_lock(&fake.lock);
	fake.status[n] = byte;
	pthread_mutex_unlock(&fake.lock);
}

void
fake_printer_drop_after(size_t n)
{
	pthread_mutex_lock(&fake.lock);
	fake.drop_after = n;
	pthread_mutex_unlock(&fake.lock);
}

uint8_t *
fake_printer_bytes(size_t *len)
{
	uint8_t *copy;

	pthread_mutex_lock(&fake.lock);
	copy = malloc(fake.len ? fake.len : 1);
	*len = copy ? fake.len : 0;
	if (copy != NULL && fake.len)
		memcpy(copy, fake.data, fake.len);
	pthread_mutex_unlock(&fake.lock);
	return copy;
}

int
fake_printer_connections(void)
{
	int n;

	pthread_mutex_lock(&fake.lock);
	n = fake.connections;
	pthread_mutex_unlock(&fake.lock);
	return n;
}

void
fake_printer_stop(void)
{
	if (!fake.running)
		return;
	pthread_mutex_lock(&fake.lock);
	fake.stop = 1;
	pthread_mutex_unlock(&fake.lock);
	pthread_join(fake.thread, NULL);
	fake.running = 0;
	close(fake.listen_fd);
	fake.listen_fd = -1;
}
