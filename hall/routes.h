/*
 * routes.h - the one table of what answers which path (routes.c), and the
 * handlers, one file per resource: api-session.c, api-words.c,
 * api-counter.c, api-intake.c, api-complaints.c, api-print.c,
 * api-manager.c, api-reports.c, api-device.c (enrolment and a device's
 * configuration), api-printer.c (a print service's jobs), api-board.c and
 * api-kiosk.c (the board's and the
 * kiosk's routes), api-open.c (the public feed of waits), api-visit.c and
 * visit-page.c (the visitor's phone), events.c (the stream), static.c.
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
	/* no session, and from any network, not only [server] allow: what a
	 * visitor's phone opens from a ticket's QR code (and its words) */
	HALL_VISITOR = 1 << 30,
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
int hall_board_get(struct hall_req *r);
int hall_kiosk_get(struct hall_req *r);
int hall_kiosk_estimate(struct hall_req *r);
int hall_kiosk_ticket(struct hall_req *r);
int hall_kiosk_form(struct hall_req *r);
int hall_kiosk_test(struct hall_req *r);
int hall_kiosk_job(struct hall_req *r);
int hall_kiosk_unprinted(struct hall_req *r);
int hall_kiosk_ballot(struct hall_req *r);
int hall_kiosk_feedback(struct hall_req *r);
int hall_kiosk_pin(struct hall_req *r);
int hall_report(struct hall_req *r);
int hall_events_stream(struct hall_req *r);
int hall_device_enrol(struct hall_req *r);
int hall_device_config(struct hall_req *r);
int hall_open_waits(struct hall_req *r);
int hall_printer_get(struct hall_req *r);
int hall_printer_next(struct hall_req *r);
int hall_printer_job_get(struct hall_req *r);
int hall_printer_job_post(struct hall_req *r);
int hall_printer_report(struct hall_req *r);
int hall_static(struct hall_req *r);
int hall_visit_get(struct hall_req *r);
int hall_visit_page(struct hall_req *r);
int hall_visit_static(struct hall_req *r);

/* The pages' file name (a plain name in hall/www) as r's answer; KZ_OK,
 * or answered 404 (hall_fail) and KZ_EREJECT. */
int hall_static_file(struct hall_req *r, const char *name);
/* The headers every page carries: no sniffing, no frames, no referrer,
 * scripts of the server only. */
void hall_page_headers(struct MHD_Response *resp);

struct kz_visit;
/* The ticket of token (queue/visit.h) into *v; KZ_OK, or answered (404
 * for a token of no ticket of today) and KZ_EREJECT. */
int hall_visit_find(struct hall_req *r, const char *token, struct kz_visit *v);

#endif
