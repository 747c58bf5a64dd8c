/*
 * wait.h - the one definition of a visitor's wait and service time, used
 * by `kezek status`, `next`, the console, the hall board and the report,
 * so that every screen and paper gives the same minutes for a ticket.
 *
 *  - a wait (p.7.2) runs from the ticket's issue to its first call; a
 *    ticket still waiting has waited until now.  A visitor sent on to
 *    another service keeps the ticket's first issue time (the ticket row's
 *    issued_at), so its wait there runs from that issue too: the standard
 *    counts called - issued, and the visitor's turn never restarts.
 *  - a wait across the office's lunch break counts whole; the report shows
 *    how many waits crossed it beside the figure, never instead of it.
 *  - a service time (p.7.3) runs from the call to the finish; at a counter
 *    now, from the call to now.
 *  - a visitor postponed and called back (postpone.h): the wait is issue
 *    to the FIRST call (called_at never moves; the return is not a second
 *    call), and the time away (away_seconds) is not service time: the
 *    service runs from called_at + away_seconds.  In the report a
 *    postponed visitor counts once, under how the visit ended; one whose
 *    postponement ran out is a no-show.
 * Instants are seconds since 1970 (UTC); 0 means "not yet".
 */
#ifndef KZ_WAIT_H
#define KZ_WAIT_H

#include <stdint.h>

/* Seconds waited: to called_at, or to now while not called; never < 0. */
int64_t kz_wait_seconds(int64_t issued_at, int64_t called_at, int64_t now);

/* Seconds of service: to finished_at, or to now while not finished; never < 0. */
int64_t kz_service_seconds(int64_t called_at, int64_t finished_at, int64_t now);

/* 1 if the wait from..to overlaps the lunch break lunch_start..lunch_end. */
int kz_wait_spans(int64_t from, int64_t to, int64_t lunch_start, int64_t lunch_end);

#endif
