/* record.c - requests and refusals in the event log; see record.h. */
#include <string.h>
#include <time.h>

#include "queue/request.h"
#include "record.h"

/* The anonymous refusals' budget, one second at a time, for all halls of
 * the process (there is one). */
static pthread_mutex_t budget_lock = PTHREAD_MUTEX_INITIALIZER;
static time_t budget_second;
static int budget_used, budget_left_out;

/* 1 if an anonymous refusal may be written now; *left_out is how many
 * were not in the second before, to be said once. */
static int
anonymous_may(int *left_out)
{
	struct timespec ts;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	pthread_mutex_lock(&budget_lock);
	*left_out = 0;
	if (ts.tv_sec != budget_second) {
		*left_out = budget_left_out;
		budget_second = ts.tv_sec;
		budget_used = budget_left_out = 0;
	}
	ok = budget_used < HALL_RECORD_ANONYMOUS;
	if (ok)
		budget_used++;
	else
		budget_left_out++;
	pthread_mutex_unlock(&budget_lock);
	return ok;
}

static const char *
role_name(enum hall_role role)
{
	switch (role) {
	case HALL_CLERK:
		return "clerk";
	case HALL_MANAGER:
		return "manager";
	case HALL_ADMIN:
		return "administrator";
	case HALL_NOBODY:
		return "";
	default: /* a device's role: its own name is the devices' to add here */
		return "device";
	}
}

void
hall_record(struct hall_req *r, const char *route)
{
	int change = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	struct kz_request req = {
		.role = role_name(r->sess.role),
		/* an account of the clerks table: a device's id is not one */
		.staff_id = (r->sess.role & (HALL_CLERK | HALL_MANAGER | HALL_ADMIN))
			? r->sess.staff_id
			: 0,
		.counter = r->sess.role == HALL_CLERK ? r->sess.counter : 0,
		.address = r->address,
		.method = r->method,
		.path = route ? route : "(unknown)",
		.status = r->status,
		.error = r->error,
	};
	char err[KZ_ERR_LEN];
	int left_out = 0;

	if (!change && r->status < 400)
		return;
	/* refusals of browsers nobody logged in at: a budget a second (record.h) */
	if (r->status >= 400 && r->sess.role == HALL_NOBODY && !anonymous_may(&left_out))
		return;
	if (left_out > 0)
		hall_log(r->hall,
			"%d refusals of browsers not logged in were not recorded in the "
			"event log (more than %d a second)",
			left_out, HALL_RECORD_ANONYMOUS);
	pthread_mutex_lock(&r->hall->db_lock);
	if (kz_request_record(r->hall->db, &req, err) != KZ_OK)
		hall_log(r->hall, "cannot record the request in the event log: %s", err);
	pthread_mutex_unlock(&r->hall->db_lock);
}
