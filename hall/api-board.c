/*
 * api-board.c - GET /api/board?calls=N: what a hall board on its own
 * machine shows, the same snapshot kezek-display reads from the database
 * (queue/board.h: the status and the latest calls of the day), with the id
 * of the latest call so far so that a board starting up announces only
 * what comes after it.  Role board only; the board re-reads it on each
 * change of the stream (GET /api/events).
 */
#include <stdlib.h>

#include <microhttpd.h>

#include "queue/board.h"
#include "routes.h"
#include "wire/board.h"

int
hall_board_get(struct hall_req *r)
{
	static struct kz_board b; /* large: kept off the thread's stack, under db_lock */
	const char *calls = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "calls");
	char err[KZ_ERR_LEN];
	int64_t last = 0;
	int n = calls ? atoi(calls) : KZ_BOARD_CALLS, rc;
	json_t *out;

	if (n < 0 || n > KZ_BOARD_CALLS)
		n = KZ_BOARD_CALLS;
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_board_read(r->hall->db, n, &b, err);
	if (rc == KZ_OK)
		rc = kz_board_last_call(r->hall->db, &last, err);
	out = rc == KZ_OK ? kz_wire_board(&b, last) : NULL;
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The hall cannot be read now. Try again."), err);
	if (out == NULL)
		return hall_fail(r, 500, "memory", N("The hall cannot be read now. Try again."),
			"out of memory");
	hall_ok(r, out);
	return KZ_OK;
}
