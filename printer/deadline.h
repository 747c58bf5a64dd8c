/*
 * deadline.h - every wait a printer transport makes is bounded: deadlines
 * in monotonic milliseconds, and a poll that stops at one.
 */
#ifndef KZ_DEADLINE_H
#define KZ_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

/* Now, in monotonic milliseconds. */
long long kz_deadline_now(void);

/* Milliseconds left until deadline: 0 once passed, at most INT_MAX. */
int kz_deadline_left(long long deadline);

/* 1 when fd is ready for events (poll's), 0 at the deadline, -1 with errno. */
int kz_deadline_wait_fd(int fd, short events, long long deadline);

/* Write len bytes of data to the non-blocking fd by deadline: by send()
 * with MSG_NOSIGNAL if socket (a dropped connection is an error, not a
 * SIGPIPE), else write().  *done is how many went.  1 all of them, 0 the
 * deadline passed, -1 failed with errno (EIO for a write that made no
 * progress and gave no reason). */
int kz_deadline_write(int fd, int socket, const uint8_t *data, size_t len, long long deadline,
	size_t *done);

#endif
