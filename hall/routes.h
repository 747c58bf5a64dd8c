/*
 * routes.h - the one table of what answers which path (routes.c), and the
 * handlers, one file per resource: api-session.c, api-words.c,
 * api-counter.c, api-intake.c, api-complaints.c, api-print.c,
 * api-manager.c, api-reports.c, api-printer.c (a print service's jobs),
 * api-device.c (enrolment and a device's
 * configuration), events.c (the stream), static.c.
 *
 * A route serving devices names their roles in access; every POST of a
 * device runs inside hall_idem_run (idem.h), applied by server.c: a
 * handler of a device route needs nothing of its own for idempotency, and
 * answers JSON (or nothing).
 */
#ifndef KZ_HALL_ROUTES_H
#define KZ_HALL_ROUTES_H

#include "hall.h"

enum hall_access {
	HALL_PUBLIC = 0,                                     /* no session needed */
	HALL_STAFF = HALL_CLERK | HALL_MANAGER | HALL_ADMIN, /* any logged-in role */
	HALL_MANAGERS = HALL_MANAGER | HALL_ADMIN,
	HALL_DEVICES = HALL_BOARD | HALL_KIOSK | HALL_PRINTER, /* any enrolled device */
};

struct hall_route {
	const char *method; /* "GET", "POST" */
	const char *path;   /* exact, or a prefix ending in '/' with prefix set */
	int prefix;
	int access;                        /* HALL_PUBLIC, or the roles (enum hall_role) allowed */
	int (*handle)(struct hall_req *r); /* KZ_OK; anything else was answered by hall_fail */
};

/* The route for method and path, NULL if none; *path_known is 1 when the
 * path exists under another method (405). */
const struct hall_route *hall_route_find(const char *method, const char *path, int *path_known);

int hall_login(struct hall_req *r);
int hall_logout(struct hall_req *r);
int hall_session_get(struct hall_req *r);
int hall_lang(struct hall_req *r);
int hall_words(struct hall_req *r);
int hall_counter_get(struct hall_req *r);
int hall_counter_open(struct hall_req *r);
int hall_counter_pause(struct hall_req *r);
int hall_counter_close(struct hall_req *r);
int hall_counter_next(struct hall_req *r);
int hall_counter_recall(struct hall_req *r);
int hall_counter_start(struct hall_req *r);
int hall_counter_finish(struct hall_req *r);
int hall_counter_postpone(struct hall_req *r);
int hall_counter_return(struct hall_req *r);
int hall_services(struct hall_req *r);
int hall_hall(struct hall_req *r);
int hall_intake_check(struct hall_req *r);
int hall_intake(struct hall_req *r);
int hall_complaint_add(struct hall_req *r);
int hall_print(struct hall_req *r);
int hall_report(struct hall_req *r);
int hall_events_stream(struct hall_req *r);
int hall_device_enrol(struct hall_req *r);
int hall_device_config(struct hall_req *r);
int hall_printer_get(struct hall_req *r);
int hall_printer_next(struct hall_req *r);
int hall_printer_job_get(struct hall_req *r);
int hall_printer_job_post(struct hall_req *r);
int hall_printer_report(struct hall_req *r);
int hall_static(struct hall_req *r);

#endif
