/* deadline.c - bounded waits for the printer transports; see deadline.h. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <time.h>

#include "deadline.h"

long long
kz_deadline_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int
kz_deadline_left(long long deadline)
{
	long long d = deadline - kz_deadline_now();

	return d < 0 ? 0 : d > INT_MAX ? INT_MAX : (int)d;
}

int
kz_deadline_wait_fd(int fd, short events, long long deadline)
{
	struct pollfd p = {.fd = fd, .events = events};

	for (;;) {
		int ms = kz_deadline_left(deadline), n = poll(&p, 1, ms);

		if (n > 0)
			return 1;
		if (n == 0 && ms == 0)
			return 0;
		if (n < 0 && errno != EINTR)
			return -1;
	}
}

int
kz_deadline_write(int fd, int socket, const uint8_t *data, size_t len, long long deadline,
	size_t *done)
{
	*done = 0;
	while (*done < len) {
		ssize_t k = socket ? send(fd, data + *done, len - *done, MSG_NOSIGNAL)
				   : write(fd, data + *done, len - *done);
		int ready;

		if (k > 0) {
			*done += (size_t)k;
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k == 0)
			errno = EIO; /* no progress and no reason: do not spin */
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		if ((ready = kz_deadline_wait_fd(fd, POLLOUT, deadline)) <= 0)
			return ready;
	}
	return 1;
}
