/* cups-events.c - a job's events read from cupsd's record of them; see
 * cups-events.h. */
#include <string.h>

#include "cups-events.h"

#define J_PROCESSING 5
#define HANDED       "cups-waiting-for-job-completed"

/* One event as read from its group of attributes. */
struct event {
	int seq;         /* notify-sequence-number; 0: none */
	int job_id;      /* notify-job-id or job-id; 0: a printer's event */
	int job_state;   /* 0: none */
	int holds_whole; /* printer-state-reasons said HANDED */
};

void
kz_cups_events_start(struct kz_cups_conn *c, const char *queue, int job_id,
	struct kz_cups_events *ev)
{
	static const char *const events[] = {"job-state-changed", "job-progress",
		"printer-state-changed"};
	ipp_t *req = kz_cups_conn_request(IPP_OP_CREATE_JOB_SUBSCRIPTIONS, queue), *res;
	ipp_attribute_t *id;

	*ev = (struct kz_cups_events){0, job_id, 1, 0, 0};
	ippAddString(req, IPP_TAG_SUBSCRIPTION, IPP_TAG_KEYWORD, "notify-pull-method", NULL,
		"ippget");
	ippAddStrings(req, IPP_TAG_SUBSCRIPTION, IPP_TAG_KEYWORD, "notify-events", 3, NULL, events);
	ippAddInteger(req, IPP_TAG_SUBSCRIPTION, IPP_TAG_INTEGER, "notify-job-id", job_id);
	if ((res = kz_cups_conn_ask(c, req)) == NULL)
		return;
	id = ippFindAttribute(res, "notify-subscription-id", IPP_TAG_INTEGER);
	if (ippGetStatusCode(res) <= 0x00ff && id != NULL)
		ev->sub_id = ippGetInteger(id, 0);
	ippDelete(res);
}

/* e, read in order, into what the job and its printer did. */
static void
apply(struct kz_cups_events *ev, const struct event *e)
{
	if (e->seq == 0)
		return;
	if (e->seq >= ev->next_seq)
		ev->next_seq = e->seq + 1;
	if (e->job_id == ev->job_id && e->job_state != 0)
		ev->processing = e->job_state == J_PROCESSING;
	/* the printer prints one job at a time: while ours prints, the
	 * printer's reasons are about ours */
	if (ev->processing && e->holds_whole)
		ev->handed = 1;
}

static int
says_handed(ipp_attribute_t *a)
{
	for (int i = 0; i < ippGetCount(a); i++) {
		const char *s = ippGetString(a, i, NULL);

		if (s != NULL && strcmp(s, HANDED) == 0)
			return 1;
	}
	return 0;
}

/* One attribute of an event group into e. */
static void
take(struct event *e, ipp_attribute_t *a, const char *name)
{
	if (strcmp(name, "notify-sequence-number") == 0)
		e->seq = ippGetInteger(a, 0);
	else if (strcmp(name, "notify-job-id") == 0 || strcmp(name, "job-id") == 0)
		e->job_id = ippGetInteger(a, 0);
	else if (strcmp(name, "job-state") == 0)
		e->job_state = ippGetInteger(a, 0);
	else if (strcmp(name, "printer-state-reasons") == 0)
		e->holds_whole = says_handed(a);
}

int
kz_cups_events_read(struct kz_cups_conn *c, const char *queue, struct kz_cups_events *ev)
{
	ipp_t *req, *res;
	struct event e = {0};

	if (ev->sub_id == 0)
		return 0;
	req = kz_cups_conn_request(IPP_OP_GET_NOTIFICATIONS, queue);
	ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "notify-subscription-ids",
		ev->sub_id);
	ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "notify-sequence-numbers",
		ev->next_seq);
	if ((res = kz_cups_conn_ask(c, req)) == NULL)
		return -1;
	/* each event is a group of its own: a separator (no name) or a
	 * change of group ends one */
	for (ipp_attribute_t *a = ippFirstAttribute(res); a; a = ippNextAttribute(res)) {
		const char *name = ippGetName(a);

		if (name == NULL || ippGetGroupTag(a) != IPP_TAG_EVENT_NOTIFICATION) {
			apply(ev, &e);
			e = (struct event){0};
			continue;
		}
		take(&e, a, name);
	}
	apply(ev, &e);
	ippDelete(res);
	return 0;
}

void
kz_cups_events_stop(struct kz_cups_conn *c, const char *queue, struct kz_cups_events *ev)
{
	ipp_t *req;

	if (ev->sub_id == 0 || c->http == NULL)
		return;
	req = kz_cups_conn_request(IPP_OP_CANCEL_SUBSCRIPTION, queue);
	ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "notify-subscription-id",
		ev->sub_id);
	ippDelete(kz_cups_conn_ask(c, req));
	ev->sub_id = 0;
}
