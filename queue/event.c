/*
 * event.c - the event log: what each kind of event is called in the
 * events table's kind column (the one place the words are spelt in C),
 * and the row that records one; see sql.h.
 */
#include <sqlite3.h>

#include "error.h"
#include "names.h"
#include "sql.h"

static const struct kz_name kinds[] = {
	{KZ_EVENT_ISSUED, "issued", NULL},
	{KZ_EVENT_REQUEUED, "requeued", NULL},
	{KZ_EVENT_CALLED, "called", NULL},
	{KZ_EVENT_RECALLED, "recalled", NULL},
	{KZ_EVENT_STARTED, "started", NULL},
	{KZ_EVENT_SERVED, "served", NULL},
	{KZ_EVENT_NO_SHOW, "no_show", NULL},
	{KZ_EVENT_TRANSFERRED, "transferred", NULL},
	{KZ_EVENT_CANCELLED, "cancelled", NULL},
	{KZ_EVENT_OFFICE_CLOSED, "office_closed", NULL},
	{KZ_EVENT_PRINT_UNSEEN, "print_unseen", NULL},
	{KZ_EVENT_COUNTER_OPENED, "counter_opened", NULL},
	{KZ_EVENT_COUNTER_RESUMED, "counter_resumed", NULL},
	{KZ_EVENT_COUNTER_PAUSED, "counter_paused", NULL},
	{KZ_EVENT_COUNTER_CLOSED, "counter_closed", NULL},
	{KZ_EVENT_CLERK_LOGIN, "clerk_login", NULL},
	{KZ_EVENT_LOGIN_FAILED, "login_failed", NULL},
	{KZ_EVENT_CLERK_PIN_SET, "clerk_pin_set", NULL},
	{KZ_EVENT_APP_REGISTERED, "app_registered", NULL},
	{KZ_EVENT_APP_REFUSED, "app_refused", NULL},
	{KZ_EVENT_APP_APPROVED, "app_approved", NULL},
	{KZ_EVENT_APP_REJECTED, "app_rejected", NULL},
	{KZ_EVENT_APP_HANDED_OVER, "app_handed_over", NULL},
	{KZ_EVENT_APP_NOTICE_SENT, "app_notice_sent", NULL},
	{KZ_EVENT_APP_SUSPENDED, "app_suspended", NULL},
	{KZ_EVENT_APP_RESUMED, "app_resumed", NULL},
	{KZ_EVENT_COMPLAINT_ADDED, "complaint_added", NULL},
	{KZ_EVENT_COMPLAINT_ANSWERED, "complaint_answered", NULL},
	{KZ_EVENT_FEEDBACK, "feedback", NULL},
	{KZ_EVENT_PURGED, "purged", NULL},
	{KZ_EVENT_PRINT_ASKED, "print_asked", NULL},
	{KZ_EVENT_PRINT_EXPIRED, "print_expired", NULL},
	{KZ_EVENT_POSTPONED, "postponed", NULL},
	{KZ_EVENT_RETURNED, "returned", NULL},
	{KZ_EVENT_HALL_REQUEST, "hall_request", NULL},
	{KZ_EVENT_HALL_REFUSED, "hall_refused", NULL},
};

/* A ticket's end is logged under its outcome: the pairs. */
static const struct {
	enum kz_outcome outcome;
	enum kz_event_kind event;
} endings[] = {
	{KZ_SERVED, KZ_EVENT_SERVED},
	{KZ_NO_SHOW, KZ_EVENT_NO_SHOW},
	{KZ_TRANSFERRED, KZ_EVENT_TRANSFERRED},
	{KZ_CANCELLED, KZ_EVENT_CANCELLED},
	{KZ_OFFICE_CLOSED, KZ_EVENT_OFFICE_CLOSED},
};

const char *
kz_event_name(enum kz_event_kind kind)
{
	return kz_name_of(KZ_NAMES(kinds), (int)kind);
}

enum kz_event_kind
kz_event_from_db(const char *s)
{
	return (enum kz_event_kind)kz_name_from_db(KZ_NAMES(kinds), s, KZ_EVENT_OTHER);
}

enum kz_event_kind
kz_event_of_outcome(enum kz_outcome o)
{
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (endings[i].outcome == o)
			return endings[i].event;
	return KZ_EVENT_OTHER;
}

enum kz_outcome
kz_event_outcome(enum kz_event_kind kind)
{
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (endings[i].event == kind)
			return endings[i].outcome;
	return KZ_OUTCOME_NONE;
}

int
kz_event_add(struct kz_db *db, int64_t at, enum kz_event_kind kind, int64_t ticket_id,
	int64_t counter_id, int64_t clerk_id, int64_t service_id, const char *detail, char *err)
{
	sqlite3_stmt *st;

	if (kind <= KZ_EVENT_OTHER || kind >= KZ_EVENT_COUNT)
		return kz_err(err, KZ_EINVAL, "%d is not a kind of event", (int)kind);
	st = kz_db_stmt(db,
		"INSERT INTO events (at, kind, ticket_id, counter_id, clerk_id, service_id, detail)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)",
		err);
	if (st == NULL)
		return KZ_EDB;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, kz_event_name(kind), -1, SQLITE_STATIC);
	kz_bind_id(st, 3, ticket_id);
	kz_bind_id(st, 4, counter_id);
	kz_bind_id(st, 5, clerk_id);
	kz_bind_id(st, 6, service_id);
	kz_bind_text(st, 7, detail);
	return kz_db_exec_stmt(db, st, "record event", err);
}
