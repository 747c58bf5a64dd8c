/* idem.c - a device's state change and its kept answer; see idem.h. */
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "idem.h"
#include "queue/clock.h"
#include "queue/idem.h"

/* The kept answer as this request's own. */
static int
replay(struct hall_req *r, const struct kz_idem_kept *kept)
{
	json_error_t je;

	r->status = kept->status;
	json_decref(r->out);
	r->out = kept->answer[0] ? json_loads(kept->answer, 0, &je) : NULL;
	snprintf(r->detail, sizeof r->detail, "replayed");
	if (kept->answer[0] && r->out == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."),
			"a kept answer is not JSON");
	return KZ_OK;
}

int
hall_idem_run(struct hall_req *r, const struct hall_route *route)
{
	const char *key = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, HALL_IDEM_HEADER);
	struct kz_idem_kept kept;
	struct kz_hall *h = r->hall;
	char err[KZ_ERR_LEN];
	int64_t now = kz_clock_now();
	int rc;

	if (!kz_idem_key_ok(key))
		return hall_fail(r, 400, "idempotency",
			N("The device's request has no valid Idempotency-Key; update the device's "
			  "program."),
			key ? "malformed key" : "no key");
	pthread_mutex_lock(&h->db_lock);
	rc = kz_idem_begin(h->db, r->sess.device_id, key, r->path, now, &kept, err);
	if (rc == KZ_OK && kept.found) {
		pthread_mutex_unlock(&h->db_lock);
		rc = replay(r, &kept);
		free(kept.answer);
		return rc;
	}
	if (rc == KZ_EREJECT) {
		pthread_mutex_unlock(&h->db_lock);
		return hall_fail(r, 409, "idempotency",
			N("This request's key was used for another request; send a new key."), err);
	}
	if (rc != KZ_OK) {
		pthread_mutex_unlock(&h->db_lock);
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	}
	rc = route->handle(r);
	if (rc == KZ_OK && r->resp == NULL && (r->status == 0 || r->status / 100 == 2)) {
		char *text = r->out ? json_dumps(r->out, JSON_COMPACT) : NULL;
		int status = r->status ? r->status : r->out ? 200 : 204;
		int krc = r->out && text == NULL ? kz_err(err, KZ_ENOMEM, "out of memory")
						 : kz_idem_keep(h->db, r->sess.device_id, key,
							   r->path, now, status, text, err);
		free(text);
		if (krc == KZ_OK)
			r->status = status;
		else {
			if (krc == KZ_ENOMEM)
				kz_idem_drop(h->db);
			rc = hall_refuse(r, krc,
				N("The server could not do it; tell the administrator."), err);
		}
	} else {
		kz_idem_drop(h->db);
		if (rc == KZ_OK && r->resp != NULL) {
			MHD_destroy_response(r->resp);
			r->resp = NULL;
			rc = hall_fail(r, 500, "failed",
				N("The server could not do it; tell the administrator."),
				"a device route answered other than JSON");
		}
	}
	pthread_mutex_unlock(&h->db_lock);
	return rc;
}
