/*
 * api-complaints.c - POST /api/complaints: a complaint taken at the
 * clerk's counter (p.20-25), as 'kezek complaint add': the journal's
 * number, its due day, and the talon queued on the hall's receipts
 * printer in the session's language (or owed when there is none).
 */
#include <stdio.h>
#include <string.h>

#include "queue/application.h"
#include "queue/complaint.h"
#include "routes.h"

/* A field at fault: 400 naming it. */
static int
field(struct hall_req *r, const char *name, const char *msgid, const char *detail)
{
	hall_fail(r, 400, "invalid", msgid, detail);
	json_object_set_new(r->out, "field", json_string(name));
	return KZ_EINVAL;
}

int
hall_complaint_add(struct hall_req *r)
{
	const char *channel = hall_body_str(r, "channel"), *kind = hall_body_str(r, "kind");
	struct kz_complaint_new in = {.counter = r->sess.counter};
	struct kz_complaint out;
	char printer[32], err[KZ_ERR_LEN];
	long long days = 30;
	int64_t job = 0;
	int rc, has_printer;

	in.name = hall_body_str(r, "name");
	in.contact = hall_body_str(r, "contact");
	in.text = hall_body_str(r, "text");
	if (in.name == NULL || in.name[0] == '\0')
		return field(r, "name", N("Write who complains."), NULL);
	if (in.text == NULL || in.text[0] == '\0')
		return field(r, "text", N("Write what the complaint is about."), NULL);
	if (kz_complaint_channel_parse(channel ? channel : "in_person", "how a complaint comes",
		    &in.channel, err) != KZ_OK)
		return field(r, "channel", N("Choose how the complaint came."), err);
	if (kind == NULL || kz_complaint_kind_parse(kind, &in.kind, err) != KZ_OK)
		return field(r, "kind", N("Choose what it is about: the result or the service."),
			err);
	if (json_object_get(r->body, "days") &&
		(!hall_body_int(r, "days", &days) || (days != 15 && days != 30)))
		return field(r, "days", N("The answer is due in 15 or 30 days."), NULL);
	in.days = (int)days;
	pthread_mutex_lock(&r->hall->db_lock);
	has_printer = kz_app_counter_printer(r->hall->db, r->hall->cfg, r->sess.counter, printer,
			      err) == KZ_OK;
	rc = kz_complaint_add(r->hall->db, r->hall->opt.cal, &in, has_printer ? printer : NULL,
		r->lang, &out, &job, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EINVAL && strstr(err, "contact") != NULL)
		return field(r, "contact", N("Write where the answer goes: an address or e-mail."),
			err);
	if (rc == KZ_EINVAL)
		return field(r, "text",
			N("The complaint's text is too long or holds characters that do not belong."),
			err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc,
			N("Open the counter first: a complaint is taken by its clerk."), err);
	hall_ok(r,
		json_pack("{s:s, s:s, s:s}", "complaint", out.number, "due", out.due_day, "talon",
			job ? "queued" : "owed"));
	return KZ_OK;
}
