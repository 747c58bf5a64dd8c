/*
 * record.h - every request that changes something and every refusal, in
 * the hall's event log (queue/request.h) with who made it: role, account,
 * counter, address, route, status and the refusal's code; never a PIN, a
 * token, a body or personal data.  Refusals of browsers nobody logged in
 * at are recorded up to HALL_RECORD_ANONYMOUS a second: a flood from
 * outside does not become a flood of writes (the server's log counts
 * those left out).
 */
#ifndef KZ_HALL_RECORD_H
#define KZ_HALL_RECORD_H

#include "hall.h"

#define HALL_RECORD_ANONYMOUS 20

/* Record r, answered already, if it changed something or was refused;
 * route is the path of its route in routes.c, NULL if it had none.
 * Takes db_lock; a failure to write goes to the server's log. */
void hall_record(struct hall_req *r, const char *route);

#endif
