/* routes.c - the one table of kezek-hall's paths; see routes.h. */
#include <string.h>

#include "routes.h"

static const struct hall_route routes[] = {
	{"GET", "/api/words", 0, HALL_VISITOR, hall_words},
	{"POST", "/api/login", 0, HALL_PUBLIC, hall_login},
	{"POST", "/api/logout", 0, HALL_STAFF, hall_logout},
	{"GET", "/api/session", 0, HALL_STAFF, hall_session_get},
	{"POST", "/api/lang", 0, HALL_STAFF, hall_lang},
	{"GET", "/api/counter", 0, HALL_CLERK, hall_counter_get},
	{"POST", "/api/counter/open", 0, HALL_CLERK, hall_counter_open},
	{"POST", "/api/counter/pause", 0, HALL_CLERK, hall_counter_pause},
	{"POST", "/api/counter/close", 0, HALL_CLERK, hall_counter_close},
	{"POST", "/api/counter/next", 0, HALL_CLERK, hall_counter_next},
	{"POST", "/api/counter/recall", 0, HALL_CLERK, hall_counter_recall},
	{"POST", "/api/counter/start", 0, HALL_CLERK, hall_counter_start},
	{"POST", "/api/counter/finish", 0, HALL_CLERK, hall_counter_finish},
	{"POST", "/api/counter/postpone", 0, HALL_CLERK, hall_counter_postpone},
	{"POST", "/api/counter/return", 0, HALL_CLERK, hall_counter_return},
	{"GET", "/api/services", 0, HALL_STAFF, hall_services},
	{"POST", "/api/intake/check", 0, HALL_CLERK, hall_intake_check},
	{"POST", "/api/intake", 0, HALL_CLERK, hall_intake},
	{"POST", "/api/complaints", 0, HALL_CLERK, hall_complaint_add},
	{"POST", "/api/print", 0, HALL_CLERK, hall_print},
	{"GET", "/api/board", 0, HALL_BOARD, hall_board_get},
	{"GET", "/api/kiosk", 0, HALL_KIOSK, hall_kiosk_get},
	{"GET", "/api/kiosk/estimate", 0, HALL_KIOSK, hall_kiosk_estimate},
	{"POST", "/api/kiosk/ticket", 0, HALL_KIOSK, hall_kiosk_ticket},
	{"POST", "/api/kiosk/form", 0, HALL_KIOSK, hall_kiosk_form},
	{"POST", "/api/kiosk/test", 0, HALL_KIOSK, hall_kiosk_test},
	{"GET", "/api/kiosk/job/", 1, HALL_KIOSK, hall_kiosk_job},
	{"POST", "/api/kiosk/unprinted", 0, HALL_KIOSK, hall_kiosk_unprinted},
	{"POST", "/api/kiosk/ballot", 0, HALL_KIOSK, hall_kiosk_ballot},
	{"POST", "/api/kiosk/feedback", 0, HALL_KIOSK, hall_kiosk_feedback},
	{"POST", "/api/kiosk/pin", 0, HALL_KIOSK, hall_kiosk_pin},
	{"GET", "/api/hall", 0, HALL_MANAGERS, hall_hall},
	{"GET", "/api/report.pdf", 0, HALL_MANAGERS, hall_report},
	{"GET", "/api/report.csv", 0, HALL_MANAGERS, hall_report},
	{"GET", "/api/events", 0, HALL_STAFF | HALL_DEVICES, hall_events_stream},
	{"POST", "/api/device/enrol", 0, HALL_PUBLIC, hall_device_enrol},
	{"GET", "/api/device/config", 0, HALL_DEVICES, hall_device_config},
	{"GET", "/open/waits.json", 0, HALL_PUBLIC, hall_open_waits},
	{"GET", "/open/waits.csv", 0, HALL_PUBLIC, hall_open_waits},
	{"GET", "/api/printer", 0, HALL_PRINTER, hall_printer_get},
	{"GET", "/api/printer/next", 0, HALL_PRINTER, hall_printer_next},
	{"GET", "/api/printer/unfinished", 0, HALL_PRINTER, hall_printer_next},
	{"GET", "/api/printer/jobs/", 1, HALL_PRINTER, hall_printer_job_get},
	{"POST", "/api/printer/jobs/", 1, HALL_PRINTER, hall_printer_job_post},
	{"POST", "/api/printer/state", 0, HALL_PRINTER, hall_printer_report},
	{"POST", "/api/printer/heartbeat", 0, HALL_PRINTER, hall_printer_report},
	{"GET", "/", 0, HALL_PUBLIC, hall_static},
	{"GET", "/open", 0, HALL_PUBLIC, hall_static},
	{"GET", "/counter", 0, HALL_PUBLIC, hall_static},
	{"GET", "/manager", 0, HALL_PUBLIC, hall_static},
	{"GET", "/static/", 1, HALL_PUBLIC, hall_static},
	{"GET", "/t/", 1, HALL_VISITOR, hall_visit_page},
	{"GET", "/phone/", 1, HALL_VISITOR, hall_visit_static},
	{"GET", "/api/visit/", 1, HALL_VISITOR, hall_visit_get},
};

const struct hall_route *
hall_route_find(const char *method, const char *path, int *path_known)
{
	*path_known = 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const struct hall_route *rt = &routes[i];
		int match = rt->prefix ? strncmp(path, rt->path, strlen(rt->path)) == 0
				       : strcmp(path, rt->path) == 0;
		if (!match)
			continue;
		if (strcmp(method, rt->method) == 0 ||
			(strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0))
			return rt;
		*path_known = 1;
	}
	return NULL;
}
