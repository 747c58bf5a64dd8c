/*
 * request.c - kezek-hall's requests and refusals in the event log; see
 * request.h.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "error.h"
#include "request.h"
#include "sql.h"

/* Only what a route may hold: a request's own bytes never reach the log
 * as they came. */
static void
clean_path(const char *path, char *out, size_t len)
{
	size_t i = 0;

	for (; path[i] && i + 1 < len; i++) {
		unsigned char ch = (unsigned char)path[i];
		out[i] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
				(ch >= '0' && ch <= '9') || strchr("/-_.()", ch)
			? (char)ch
			: '?';
	}
	out[i] = '\0';
}

static int
record(struct kz_db *db, const struct kz_request *req, char *err)
{
	char path[KZ_REQUEST_PATH_LEN], detail[192];
	int64_t counter_id = 0;
	sqlite3_stmt *st;
	int rc;

	if (req->counter > 0) {
		if ((st = kz_db_stmt(db, "SELECT id FROM counters WHERE number = ?", err)) == NULL)
			return KZ_EDB;
		sqlite3_bind_int(st, 1, req->counter);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			counter_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return kz_db_fail(db, rc, "find the request's counter", err);
	}
	clean_path(req->path, path, sizeof path);
	snprintf(detail, sizeof detail, "%s %.46s %.8s %s %d%s%.31s",
		req->role && req->role[0] ? req->role : "nobody", req->address, req->method, path,
		req->status, req->error && req->error[0] ? " " : "", req->error ? req->error : "");
	return kz_event_add(db, kz_clock_now(),
		req->status >= 400 ? KZ_EVENT_HALL_REFUSED : KZ_EVENT_HALL_REQUEST, 0, counter_id,
		req->staff_id, 0, detail, err);
}

int
kz_request_record(struct kz_db *db, const struct kz_request *req, char *err)
{
	if (req->method == NULL || req->path == NULL || req->address == NULL ||
		req->method[0] == '\0' || req->status < 100 || req->status > 599)
		return kz_err(err, KZ_EINVAL,
			"a request is recorded with its method, route, address and status "
			"(100 to 599); nothing was written");
	IN_TX(record(db, req, err));
}

int
kz_request_list(struct kz_db *db, const char *day, int (*fn)(const struct kz_event *ev, void *arg),
	void *arg, int *n, char *err)
{
	char today[11];
	int y, m, d, rc, count = 0;
	int64_t from;
	sqlite3_stmt *st;

	if (day == NULL) {
		kz_clock_day(kz_clock_now(), today);
		day = today;
	}
	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return kz_err(err, KZ_EINVAL, "'%s' is not a day; write YYYY-MM-DD", day);
	/* a span wider than any day, narrowed to the local day below */
	from = kz_clock_from_local(y, m, d, 0, 0, 0) - 2 * 86400;
	if ((rc = kz_db_begin_read(db, err)) != KZ_OK)
		return rc;
	st = kz_db_stmt(db,
		"SELECT e.id, e.at, e.kind, c.number, k.full_name, e.detail FROM events e"
		" LEFT JOIN counters c ON c.id = e.counter_id"
		" LEFT JOIN clerks k ON k.id = e.clerk_id"
		" WHERE e.kind IN ('hall_request', 'hall_refused') AND e.at >= ? AND e.at < ?"
		" ORDER BY e.id",
		err);
	if (st == NULL) {
		kz_db_rollback(db);
		return KZ_EDB;
	}
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, from + 5 * 86400);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_event ev = {0};
		char on[11];
		ev.id = sqlite3_column_int64(st, 0);
		ev.at = sqlite3_column_int64(st, 1);
		kz_clock_day(ev.at, on);
		if (strcmp(on, day) != 0)
			continue;
		kz_col_text(st, 2, ev.kind, sizeof ev.kind);
		ev.counter = sqlite3_column_int(st, 3);
		kz_col_text(st, 4, ev.clerk, sizeof ev.clerk);
		kz_col_text(st, 5, ev.detail, sizeof ev.detail);
		count++;
		if (fn(&ev, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	kz_db_rollback(db);
	if (n)
		*n = count;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return kz_db_fail(db, rc, "read the hall's requests", err);
	return KZ_OK;
}
