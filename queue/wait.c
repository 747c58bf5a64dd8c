/* wait.c - waits and service times, one definition; see wait.h. */
#include "wait.h"

static int64_t
span(int64_t from, int64_t to, int64_t now)
{
	int64_t end = to > 0 ? to : now;

	return end > from ? end - from : 0;
}

int64_t
kz_wait_seconds(int64_t issued_at, int64_t called_at, int64_t now)
{
	return span(issued_at, called_at, now);
}

int64_t
kz_service_seconds(int64_t called_at, int64_t finished_at, int64_t now)
{
	return span(called_at, finished_at, now);
}

int
kz_wait_spans(int64_t from, int64_t to, int64_t lunch_start, int64_t lunch_end)
{
	return lunch_end > lunch_start && from < lunch_end && to > lunch_start;
}
