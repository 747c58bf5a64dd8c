/* board.c - the board's picture as JSON both ways; see board.h. */
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "queue/error.h"
#include "read.h"

static json_t *
service_json(const struct kz_service_status *s)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:i, s:I, s:I}", "code", s->code, "prefix",
		s->prefix, "name_kk", s->name_kk, "name_ru", s->name_ru, "waiting", s->waiting,
		"longest_wait", (json_int_t)s->longest_wait, "oldest_issued_at",
		(json_int_t)s->oldest_issued_at);
}

static json_t *
counter_json(const struct kz_counter_status *c)
{
	return json_pack("{s:i, s:s, s:b, s:s, s:s, s:i, s:I}", "number", c->number, "state",
		kz_counter_state_name(c->state), "staffed", c->clerk[0] != '\0', "services",
		c->services, "ticket", c->ticket, "ticket_state", (int)c->ticket_state,
		"ticket_since", (json_int_t)c->ticket_since);
}

json_t *
kz_wire_status(const struct kz_status *st)
{
	json_t *services = json_array(), *counters = json_array();

	for (int i = 0; i < st->nservices; i++)
		json_array_append_new(services, service_json(&st->services[i]));
	for (int i = 0; i < st->ncounters; i++)
		json_array_append_new(counters, counter_json(&st->counters[i]));
	return json_pack("{s:I, s:s, s:o, s:o, s:i, s:I}", "now", (json_int_t)st->now, "day",
		st->day, "services", services, "counters", counters, "waiting", st->waiting,
		"longest_wait", (json_int_t)st->longest_wait);
}

json_t *
kz_wire_board(const struct kz_board *b, int64_t last_call)
{
	json_t *calls = json_array(), *o;

	for (int i = 0; i < b->ncalls; i++) {
		const struct kz_call *c = &b->calls[i];
		json_array_append_new(calls,
			json_pack("{s:I, s:I, s:s, s:i, s:b}", "event", (json_int_t)c->event, "at",
				(json_int_t)c->at, "number", c->number, "counter", c->counter,
				"recall", c->recall));
	}
	o = kz_wire_status(&b->status);
	if (o == NULL) {
		json_decref(calls);
		return NULL;
	}
	json_object_set_new(o, "calls", calls);
	json_object_set_new(o, "last_call", json_integer(last_call));
	return o;
}

/* --- reading ------------------------------------------------------------ */

static int
service_parse(const json_t *o, struct kz_service_status *s, char *err)
{
	int rc;

	if ((rc = kz_wire_text(o, "code", s->code, sizeof s->code, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "prefix", s->prefix, sizeof s->prefix, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "name_kk", s->name_kk, sizeof s->name_kk, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "name_ru", s->name_ru, sizeof s->name_ru, err)) != KZ_OK ||
		(rc = kz_wire_int(o, "waiting", &s->waiting, err)) != KZ_OK ||
		(rc = kz_wire_int64(o, "longest_wait", &s->longest_wait, err)) != KZ_OK)
		return rc;
	return kz_wire_int64(o, "oldest_issued_at", &s->oldest_issued_at, err);
}

static int
counter_parse(const json_t *o, struct kz_counter_status *c, char *err)
{
	char state[16];
	int staffed, ts, rc;

	memset(c, 0, sizeof *c);
	if ((rc = kz_wire_int(o, "number", &c->number, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "state", state, sizeof state, err)) != KZ_OK ||
		(rc = kz_wire_int(o, "staffed", &staffed, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "services", c->services, sizeof c->services, err)) != KZ_OK ||
		(rc = kz_wire_text(o, "ticket", c->ticket, sizeof c->ticket, err)) != KZ_OK ||
		(rc = kz_wire_int(o, "ticket_state", &ts, err)) != KZ_OK ||
		(rc = kz_wire_int64(o, "ticket_since", &c->ticket_since, err)) != KZ_OK)
		return rc;
	c->state = KZ_COUNTER_CLOSED;
	for (int s = KZ_COUNTER_CLOSED; s <= KZ_COUNTER_PAUSED; s++)
		if (strcmp(state, kz_counter_state_name((enum kz_counter_state)s)) == 0)
			c->state = (enum kz_counter_state)s;
	if (staffed) /* the board never shows who: only that someone is there */
		snprintf(c->clerk, sizeof c->clerk, "-");
	c->ticket_state = (enum kz_ticket_state)ts;
	return KZ_OK;
}

int
kz_wire_status_parse(const json_t *j, struct kz_status *out, char *err)
{
	const json_t *services = json_object_get(j, "services"),
		     *counters = json_object_get(j, "counters");
	int rc;

	memset(out, 0, sizeof *out);
	if (!json_is_object(j) || !json_is_array(services) || !json_is_array(counters) ||
		json_array_size(services) > KZ_MAX_SERVICES ||
		json_array_size(counters) > KZ_MAX_COUNTERS)
		return kz_err(err, KZ_EINVAL,
			"the hall server's answer has no services and counters; is the server "
			"of this version?");
	if ((rc = kz_wire_int64(j, "now", &out->now, err)) != KZ_OK ||
		(rc = kz_wire_text(j, "day", out->day, sizeof out->day, err)) != KZ_OK ||
		(rc = kz_wire_int(j, "waiting", &out->waiting, err)) != KZ_OK ||
		(rc = kz_wire_int64(j, "longest_wait", &out->longest_wait, err)) != KZ_OK)
		return rc;
	for (size_t i = 0; i < json_array_size(services); i++)
		if ((rc = service_parse(json_array_get(services, i),
			     &out->services[out->nservices++], err)) != KZ_OK)
			return rc;
	for (size_t i = 0; i < json_array_size(counters); i++)
		if ((rc = counter_parse(json_array_get(counters, i),
			     &out->counters[out->ncounters++], err)) != KZ_OK)
			return rc;
	return KZ_OK;
}

int
kz_wire_board_parse(const json_t *j, struct kz_board *out, int64_t *last_call, char *err)
{
	const json_t *calls = json_object_get(j, "calls");
	int rc;

	out->ncalls = 0;
	if ((rc = kz_wire_status_parse(j, &out->status, err)) != KZ_OK)
		return rc;
	if (!json_is_array(calls) || json_array_size(calls) > KZ_BOARD_CALLS)
		return kz_err(err, KZ_EINVAL,
			"the hall server's answer has no calls; is the server of this version?");
	if ((rc = kz_wire_int64(j, "last_call", last_call, err)) != KZ_OK)
		return rc;
	for (size_t i = 0; i < json_array_size(calls); i++) {
		const json_t *o = json_array_get(calls, i);
		struct kz_call *c = &out->calls[out->ncalls++];
		if ((rc = kz_wire_int64(o, "event", &c->event, err)) != KZ_OK ||
			(rc = kz_wire_int64(o, "at", &c->at, err)) != KZ_OK ||
			(rc = kz_wire_text(o, "number", c->number, sizeof c->number, err)) !=
				KZ_OK ||
			(rc = kz_wire_int(o, "counter", &c->counter, err)) != KZ_OK ||
			(rc = kz_wire_int(o, "recall", &c->recall, err)) != KZ_OK)
			return rc;
	}
	return KZ_OK;
}
