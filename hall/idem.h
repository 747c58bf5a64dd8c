/*
 * idem.h - idempotency of the devices' state changes.  Every POST (any
 * method but GET and HEAD) of a device (a request with a bearer credential) carries
 * "Idempotency-Key: <16-64 of [A-Za-z0-9_-]>", and server.c runs its
 * handler inside hall_idem_run, for every device route alike:
 *
 *   db_lock taken (recursive: the handler's own lock nests)
 *   kz_idem_begin      BEGIN IMMEDIATE; (device, key) looked up:
 *                      kept  -> its status and answer sent again, nothing run
 *                      other path -> 409 {"error":"idempotency"}
 *   the handler        its queue/ calls' transactions nest as savepoints
 *   2xx: kz_idem_keep  the answer stored, COMMIT: the change and its answer
 *                      are kept together or not at all
 *   else: kz_idem_drop ROLLBACK: a refusal (4xx) or failure (5xx) leaves
 *                      nothing, and a repeat of the key is judged afresh
 *   db_lock released
 *
 * So a device that lost an answer (a cable pulled, the server killed after
 * the change and before the answer reached it) repeats its request with
 * the same key and gets what it would have got, and nothing is done twice.
 * A missing or malformed key is 400 {"error":"idempotency"}.  Kept keys
 * last the day (queue/idem.h drops earlier days').  A device route's
 * handler answers JSON or nothing (r->out), never a response of its own.
 */
#ifndef KZ_HALL_IDEM_H
#define KZ_HALL_IDEM_H

#include "routes.h"

#define HALL_IDEM_HEADER "Idempotency-Key"

/* Run route's handler for the device request r as above; what the
 * handler returns (KZ_OK when answered normally), the request answered. */
int hall_idem_run(struct hall_req *r, const struct hall_route *route);

#endif
