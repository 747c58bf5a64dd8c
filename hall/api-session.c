/*
 * api-session.c - POST /api/login, POST /api/logout, GET /api/session,
 * POST /api/lang.  A clerk logs in at one counter with the PIN of 'kezek
 * clerk pin' (the same tries and lockout as kezek console); a manager or
 * administrator with the PIN of 'kezek manager pin'.  Wrong PINs count
 * against the account (queue/clerk.h) and against the address
 * (limits.h).  The session lives in the HttpOnly, SameSite=Strict cookie
 * kezek_session; its CSRF token goes to the page in the answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "limits.h"
#include "queue/clerk.h"
#include "queue/clock.h"
#include "routes.h"
#include "session.h"

static const char *
role_name(enum hall_role role)
{
	return role == HALL_CLERK ? "clerk" : role == HALL_ADMIN ? "administrator" : "manager";
}

static json_t *
session_json(const struct hall_session *s)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "csrf", s->csrf, "role", role_name(s->role),
		"name", s->name, "lang", s->lang);

	json_object_set_new(o, "counter", s->counter ? json_integer(s->counter) : json_null());
	return o;
}

static void
set_cookie(struct hall_req *r, const char *token, int end)
{
	char c[256];

	snprintf(c, sizeof c, "kezek_session=%s; HttpOnly; SameSite=Strict; Path=/%s%s",
		end ? "" : token, r->hall->tls ? "; Secure" : "", end ? "; Max-Age=0" : "");
	MHD_add_response_header(r->resp, "Set-Cookie", c);
}

/* The JSON answer made now, so a cookie can go with it. */
static int
answer_with_cookie(struct hall_req *r, int status, json_t *out, const char *token, int end)
{
	char *text = out ? json_dumps(out, JSON_COMPACT) : NULL;

	json_decref(out);
	r->resp = MHD_create_response_from_buffer(text ? strlen(text) : 0, text ? text : "",
		MHD_RESPMEM_MUST_COPY);
	free(text);
	if (r->resp == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	if (status == 200)
		MHD_add_response_header(r->resp, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	set_cookie(r, token, end);
	r->status = status;
	return KZ_OK;
}

/* A refused login, worded in the page's language. */
static int
refused(struct hall_req *r, const struct kz_login_refusal *why, const char *detail)
{
	char msg[KZ_ERR_LEN], until[8];

	hall_limit_pin_failed(r->hall->limits, r->address);
	switch (why->reason) {
	case KZ_LOGIN_LOCKED:
		kz_clock_format(why->until, "%H:%M", until, sizeof until);
		snprintf(msg, sizeof msg,
			hall_tr(r,
				N("Too many wrong PINs: this login is locked until %s, or until "
				  "the administrator sets a new PIN.")),
			until);
		break;
	case KZ_LOGIN_WRONG:
		snprintf(msg, sizeof msg,
			hall_tr(r,
				N("Wrong name or PIN. Tries left before the login is locked: %d.")),
			why->tries_left);
		break;
	default:
		/* an unknown name is answered as a wrong PIN: the page tells no one
		 * which names exist */
		snprintf(msg, sizeof msg, "%s", hall_tr(r, N("Wrong name or PIN.")));
	}
	hall_fail(r, 401, why->reason == KZ_LOGIN_LOCKED ? "locked" : "login",
		N("Wrong name or PIN."), detail);
	json_object_set_new(r->out, "message", json_string(msg));
	return KZ_EREJECT;
}

int
hall_login(struct hall_req *r)
{
	const char *role = hall_body_str(r, "role"), *name = hall_body_str(r, "name");
	const char *pin = hall_body_str(r, "pin"), *lang = hall_body_str(r, "lang");
	struct hall_session s = {.role = HALL_CLERK};
	struct kz_login_refusal why = {0};
	struct kz_clerk k;
	char err[KZ_ERR_LEN];
	long long counter = 0;
	int rc, managers;

	if (lang != NULL && (strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0))
		r->lang = lang;
	if (role == NULL || (strcmp(role, "clerk") != 0 && strcmp(role, "manager") != 0))
		return hall_fail(r, 400, "invalid", N("Choose clerk or manager."), "role");
	managers = role[0] == 'm';
	if (name == NULL || name[0] == '\0' || strlen(name) > 200 || pin == NULL ||
		strlen(pin) > 64)
		return hall_fail(r, 400, "invalid", N("Type your full name and PIN."),
			"name or pin");
	if (!managers &&
		(!hall_body_int(r, "counter", &counter) || counter < 1 || counter > 999 ||
			kz_config_counter(r->hall->cfg, (int)counter) == NULL)) {
		hall_fail(r, 400, "invalid", N("Choose your counter."), "counter");
		json_object_set_new(r->out, "field", json_string("counter"));
		return KZ_EREJECT;
	}
	if ((r->retry_after = hall_limit_pin_wait(r->hall->limits, r->address)) > 0)
		return hall_fail(r, 429, "too_many",
			N("Too many wrong PINs from this computer; wait and try again."), NULL);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_staff_login(r->hall->db, managers, name, pin, (int)counter, &k, &why, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EREJECT)
		return refused(r, &why, why.reason == KZ_LOGIN_LOCKED ? "locked" : "wrong PIN");
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	if (managers)
		s.role = strcmp(k.role, "administrator") == 0 ? HALL_ADMIN : HALL_MANAGER;
	s.staff_id = k.id;
	s.counter = managers ? 0 : (int)counter;
	snprintf(s.name, sizeof s.name, "%s", k.name);
	snprintf(s.position, sizeof s.position, "%s", k.position);
	snprintf(s.lang, sizeof s.lang, "%s", r->lang);
	if (hall_session_add(r->hall->sessions, &s) != KZ_OK)
		return hall_fail(r, 503, "busy",
			N("Too many people are logged in; try again later."), "session table full");
	r->sess = s; /* the log says who logged in */
	return answer_with_cookie(r, 200, session_json(&s), s.token, 0);
}

int
hall_logout(struct hall_req *r)
{
	hall_session_end(r->hall->sessions, r->sess.token);
	return answer_with_cookie(r, 204, NULL, "", 1);
}

int
hall_session_get(struct hall_req *r)
{
	hall_ok(r, session_json(&r->sess));
	return KZ_OK;
}

int
hall_lang(struct hall_req *r)
{
	const char *lang = hall_body_str(r, "lang");

	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return hall_fail(r, 400, "invalid", N("The language is kk or ru."), NULL);
	hall_session_set_lang(r->hall->sessions, r->sess.token, lang);
	snprintf(r->sess.lang, sizeof r->sess.lang, "%s", lang);
	r->lang = r->sess.lang;
	hall_ok(r, session_json(&r->sess));
	return KZ_OK;
}
