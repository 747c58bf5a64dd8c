/*
 * deadline.h - every wait a printer transport makes is bounded: deadlines
 * in monotonic milliseconds, and a poll that stops at one.
 */
#ifndef KZ_DEADLINE_H
#define KZ_DEADLINE_H

/* Now, in monotonic milliseconds. */
long long kz_deadline_now(void);

/* Milliseconds left until deadline: 0 once passed, at most INT_MAX. */
int kz_deadline_left(long long deadline);

/* 1 when fd is ready for events (poll's), 0 at the deadline, -1 with errno. */
int kz_deadline_wait_fd(int fd, short events, long long deadline);

#endif
