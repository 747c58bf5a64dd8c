/*
 * hall-local.c - the kiosk's hall on the hall machine: the database,
 * followed and reopened by queue/watch.h, each action one queue/ call;
 * see hall.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "hall.h"
#include "queue/error.h"

#define BUSY_MS 250 /* a locked database: this long, then try at the next step */

struct local {
	struct kz_watch *watch;
	const struct kz_config *cfg;
	const struct kz_kiosk_conf *conf;
	struct kz_calendar *cal;
};

static struct kz_db *
db_of(void *impl, char *err)
{
	struct kz_db *db = kz_watch_db(((struct local *)impl)->watch);

	if (db == NULL) /* as a server out of reach: the same call later may go */
		kz_err(err, KZ_EDEVICE, "the hall database cannot be opened now");
	return db;
}

static enum kz_watch_state
l_poll(void *impl)
{
	return kz_watch_poll(((struct local *)impl)->watch);
}

static void
l_seen(void *impl)
{
	kz_watch_seen(((struct local *)impl)->watch);
}

static void
l_failed(void *impl, int rc)
{
	kz_watch_failed(((struct local *)impl)->watch, rc);
}

static void
l_stale(void *impl)
{
	kz_watch_stale(((struct local *)impl)->watch);
}

static int
l_up(const void *impl)
{
	return kz_watch_db(((const struct local *)impl)->watch) != NULL;
}

static int
l_read(void *impl, struct kz_kiosk_view *out, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);
	int queued, rc;

	if (db == NULL)
		return KZ_EDEVICE;
	if ((rc = kz_status_read(db, &out->status, err)) != KZ_OK)
		return rc;
	rc = kz_printer_get_state(db, l->conf->printer, &out->printer, out->printer_reason, &queued,
		err);
	if (rc == KZ_ENOTFOUND) {
		out->printer = KZ_PRINTER_UNKNOWN;
		out->printer_reason[0] = '\0';
		rc = KZ_OK;
	}
	return rc;
}

static int
l_estimate(void *impl, const char *service, struct kz_wait_estimate *out, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);

	return db
		? kz_wait_estimate(db, &l->cfg->hours, service, KZ_ESTIMATE_TYPICAL_VISIT, out, err)
		: KZ_EDEVICE;
}

static int
l_issue(void *impl, const char *key, const char *service, const char *lang,
	struct kz_kiosk_issued *out, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);
	char why[KZ_ERR_LEN];
	int rc;

	(void)key;
	if (db == NULL)
		return KZ_EDEVICE;
	rc = kz_ticket_issue_print(db, l->cal, service, l->conf->printer, lang, &out->ticket,
		&out->job, err);
	if (rc != KZ_OK)
		return rc;
	/* People ahead of the ticket just taken, in a read of its own after its
	 * commit; if it cannot be read now, the confirmation's figure stands */
	out->have_estimate = kz_wait_estimate_ticket(db, &l->cfg->hours, out->ticket.id,
				     KZ_ESTIMATE_TYPICAL_VISIT, &out->est, why) == KZ_OK;
	if (!out->have_estimate)
		fprintf(stderr, "kezek-kiosk %s: estimating the wait: %s\n", l->conf->name, why);
	return KZ_OK;
}

static int
l_form(void *impl, const char *key, int sample, const char *lang, int64_t *job, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);

	(void)key;
	return db ? kz_outbox_add(db, l->conf->forms_printer,
			    sample ? KZ_DOC_FORM_SAMPLE : KZ_DOC_FORM, lang, job, err)
		  : KZ_EDEVICE;
}

static int
l_test_page(void *impl, const char *key, const char *lang, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);
	int64_t job;

	(void)key;
	return db ? kz_outbox_add(db, l->conf->printer, KZ_DOC_TEST, lang, &job, err) : KZ_EDEVICE;
}

static int
l_job(void *impl, int64_t job, struct kz_print_job *out, char *err)
{
	struct kz_db *db = db_of(impl, err);

	return db ? kz_outbox_get(db, job, out, err) : KZ_EDEVICE;
}

static int
l_unprinted(void *impl, const char *key, int64_t job, const char *reason, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);

	(void)key;
	return db ? kz_outbox_report_unprinted(db, job, l->conf->name, reason, err) : KZ_EDEVICE;
}

static int
l_ballot(void *impl, const char *ticket, const char *code, enum kz_ballot_refusal *why, char *err)
{
	struct kz_db *db = db_of(impl, err);

	return db ? kz_ballot_check(db, ticket, code, why, err) : KZ_EDEVICE;
}

static int
l_feedback(void *impl, const char *key, const struct kz_feedback *fb, enum kz_ballot_refusal *why,
	char *err)
{
	struct kz_db *db = db_of(impl, err);

	(void)key;
	return db ? kz_feedback_add(db, fb, NULL, why, err) : KZ_EDEVICE;
}

static int
l_pin_get(void *impl, struct kz_admin_pin *out, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);

	return db ? kz_admin_pin_get(db, l->conf->name, out, err) : KZ_EDEVICE;
}

static int
l_pin_try(void *impl, const char *key, const char *pin, struct kz_admin_pin *out, char *err)
{
	struct local *l = impl;
	struct kz_db *db = db_of(impl, err);

	(void)key;
	return db ? kz_admin_pin_try(db, l->conf->name, pin, out, err) : KZ_EDEVICE;
}

static void
l_close(void *impl)
{
	struct local *l = impl;

	kz_watch_close(l->watch);
	free(l);
}

static const struct kz_kiosk_hall_ops local_ops = {
	.poll = l_poll,
	.seen = l_seen,
	.failed = l_failed,
	.stale = l_stale,
	.up = l_up,
	.read = l_read,
	.estimate = l_estimate,
	.issue = l_issue,
	.form = l_form,
	.test_page = l_test_page,
	.job = l_job,
	.unprinted = l_unprinted,
	.ballot = l_ballot,
	.feedback = l_feedback,
	.pin_get = l_pin_get,
	.pin_try = l_pin_try,
	.close = l_close,
};

int
kz_kiosk_hall_local(const char *path, const struct kz_config *cfg, const struct kz_kiosk_conf *conf,
	struct kz_calendar *cal, struct kz_kiosk_hall **out, char *err)
{
	struct kz_kiosk_hall *h = calloc(1, sizeof *h);
	struct local *l = calloc(1, sizeof *l);
	int rc;

	*out = NULL;
	if (h == NULL || l == NULL) {
		free(h);
		free(l);
		return kz_err(err, KZ_ENOMEM, "out of memory starting the kiosk");
	}
	if ((rc = kz_watch_open(&(struct kz_watch_options){path, 0, BUSY_MS, 2}, &l->watch, err)) !=
		KZ_OK) {
		free(h);
		free(l);
		return rc;
	}
	l->cfg = cfg;
	l->conf = conf;
	l->cal = cal;
	h->ops = &local_ops;
	h->impl = l;
	*out = h;
	return KZ_OK;
}

void
kz_kiosk_hall_close(struct kz_kiosk_hall *h)
{
	if (h == NULL)
		return;
	h->ops->close(h->impl);
	free(h);
}

void
kz_kiosk_hall_key(char key[33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];

	if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) /* only before the pool is ready */
		for (size_t i = 0; i < sizeof b; i++)
			b[i] = (unsigned char)rand();
	for (size_t i = 0; i < sizeof b; i++) {
		key[2 * i] = hex[b[i] >> 4];
		key[2 * i + 1] = hex[b[i] & 15];
	}
	key[32] = '\0';
}
