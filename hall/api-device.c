/*
 * api-device.c - POST /api/device/enrol: a board, kiosk or print service
 * exchanges the one-time code of 'kezek device add' for its credential
 * (queue/device.h); limited like a login: a wrong code counts against the
 * device's name (its code is spent after KZ_DEVICE_CODE_TRIES) and, as a
 * wrong PIN, against the address (429 after HALL_PIN_TRIES_PER_ADDRESS).
 * GET /api/device/config: the hall's configuration for a device, without
 * [server] and [region] (the server's keys and the region's database are
 * none of a device's business).  Neither the code nor the credential is
 * ever logged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "limits.h"
#include "queue/clock.h"
#include "queue/device.h"
#include "routes.h"

static enum hall_role
role_of(enum kz_device_role role)
{
	return role == KZ_DEVICE_BOARD      ? HALL_BOARD
		: role == KZ_DEVICE_KIOSK   ? HALL_KIOSK
		: role == KZ_DEVICE_PRINTER ? HALL_PRINTER
					    : HALL_NOBODY;
}

static int
refused(struct hall_req *r, const struct kz_device_refusal *why, const char *detail)
{
	char msg[KZ_ERR_LEN];

	hall_limit_pin_failed(r->hall->limits, r->address);
	switch (why->reason) {
	case KZ_ENROL_LOCKED:
		hall_fail(r, 401, "locked",
			N("Too many wrong codes: this device's code is spent. Ask the administrator "
			  "for a new one (kezek device code NAME)."),
			detail);
		return KZ_EREJECT;
	case KZ_ENROL_EXPIRED:
		hall_fail(r, 401, "expired",
			N("This enrolment code has expired. Ask the administrator for a new one "
			  "(kezek device code NAME)."),
			detail);
		return KZ_EREJECT;
	default:
		hall_fail(r, 401, "enrol", N("Wrong device name or enrolment code."), detail);
		if (why->tries_left > 0) {
			snprintf(msg, sizeof msg,
				hall_tr(r,
					N("Wrong enrolment code. Tries left before the code is "
					  "spent: %d.")),
				why->tries_left);
			json_object_set_new(r->out, "message", json_string(msg));
			json_object_set_new(r->out, "tries_left", json_integer(why->tries_left));
		}
		return KZ_EREJECT;
	}
}

int
hall_device_enrol(struct hall_req *r)
{
	const char *name = hall_body_str(r, "name"), *code = hall_body_str(r, "code");
	const char *lang = hall_body_str(r, "lang");
	struct kz_device_refusal why;
	struct kz_device d;
	char err[KZ_ERR_LEN], credential[KZ_DEVICE_SECRET_SIZE];
	json_t *out;
	int rc;

	if (lang != NULL && (strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0))
		r->lang = lang;
	if (code == NULL || strlen(code) > 64 || (name != NULL && strlen(name) > 64))
		return hall_fail(r, 400, "invalid",
			N("Give the enrolment code that 'kezek device add' printed."), "no code");
	if ((r->retry_after = hall_limit_pin_wait(r->hall->limits, r->address)) > 0)
		return hall_fail(r, 429, "too_many",
			N("Too many wrong codes from this computer; wait and try again."), NULL);
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_device_exchange(r->hall->db, name && *name ? name : NULL, code, kz_clock_now(),
		credential, &d, &why, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EREJECT)
		return refused(r, &why, err);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	/* the log names who enrolled (never the secret) */
	r->sess.role = role_of(d.role);
	r->sess.device_id = d.id;
	snprintf(r->sess.name, sizeof r->sess.name, "%s", d.name);
	snprintf(r->detail, sizeof r->detail, "enrolled");
	out = json_pack("{s:s, s:s, s:s, s:s}", "name", d.name, "role", kz_device_role_name(d.role),
		"for", d.stands_for, "credential", credential);
	memset(credential, 0, sizeof credential);
	hall_ok(r, out);
	return KZ_OK;
}

/* Whether the line opens a section ([server], [kiosk one]) and which. */
static int
section_of(const char *line, char *name, size_t len)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line != '[')
		return 0;
	snprintf(name, len, "%s", line + 1);
	name[strcspn(name, " \t]")] = '\0';
	return 1;
}

int
hall_device_config(struct hall_req *r)
{
	const char *path = r->hall->cfg->path;
	FILE *f = path[0] ? fopen(path, "r") : NULL;
	char line[4096], section[64] = "";
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	if (f == NULL)
		return hall_fail(r, 404, "not_found", N("Not found."),
			"the hall's configuration file cannot be read");
	mem = open_memstream(&text, &len);
	if (mem == NULL) {
		fclose(f);
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	}
	while (fgets(line, sizeof line, f) != NULL) {
		section_of(line, section, sizeof section);
		/* the server's keys and the region's database stay on the hall machine */
		if (strcmp(section, "server") != 0 && strcmp(section, "region") != 0)
			fputs(line, mem);
	}
	fclose(f);
	fclose(mem);
	r->resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	if (r->resp == NULL) {
		free(text);
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	}
	MHD_add_response_header(r->resp, "Content-Type", "text/plain; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	r->status = 200;
	return KZ_OK;
}
