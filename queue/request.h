/*
 * request.h - kezek-hall's requests in the event log: every request that
 * changes something ('hall_request') and every refusal ('hall_refused'),
 * with who made it (role, account, counter), what (method and route) and
 * the outcome (HTTP status and the refusal's code).  Never a PIN, a
 * token, a request's body or anyone's personal data: the record has no
 * place for them.  The rows have no ticket, so the audit of the tickets
 * (history.h) passes them by; kezek history --requests reads them back.
 */
#ifndef KZ_REQUEST_H
#define KZ_REQUEST_H

#include <stdint.h>

#include "db.h"
#include "history.h"

#define KZ_REQUEST_PATH_LEN 64 /* bytes of a route kept, with NUL */

/* One request as the event log records it; the caller owns the strings. */
struct kz_request {
	const char *role;    /* "clerk", "manager", "administrator"; NULL or "": nobody */
	int64_t staff_id;    /* the account's clerks.id, 0 for nobody */
	int counter;         /* the clerk's counter number, 0 for none */
	const char *address; /* the browser's IP address */
	const char *method;  /* "POST" ... */
	const char *path;    /* the route ("/api/counter/next"); cut to fit */
	int status;          /* the HTTP status answered */
	const char *error;   /* the refusal's code ("csrf", "refused" ...); NULL or "" */
};

/* Append req to the event log in one short transaction of its own, as a
 * hall_refused event when req->status is 400 or more, else hall_request.
 * KZ_OK; KZ_EINVAL for a missing method, path or address or a status
 * outside 100..599; KZ_EBUSY / KZ_EDB from the database (nothing
 * written). */
int kz_request_record(struct kz_db *db, const struct kz_request *req, char *err);

/* Call fn for each request and refusal recorded on day (YYYY-MM-DD,
 * local; NULL: today), oldest first; ev->kind is hall_request or
 * hall_refused, ev->counter and ev->clerk who, ev->detail the rest
 * ("clerk 127.0.0.1 POST /api/counter/next 409 refused").  fn returns 0
 * to go on.  *n (may be NULL) is how many were read. */
int kz_request_list(struct kz_db *db, const char *day,
	int (*fn)(const struct kz_event *ev, void *arg), void *arg, int *n, char *err);

#endif
