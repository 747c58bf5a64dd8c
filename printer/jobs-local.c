/*
 * jobs-local.c - a print service's jobs in the hall's database: the
 * outbox (queue/outbox.h), through a watch (queue/watch.h) so a database
 * locked, removed or replaced is waited for and reopened.  See jobs.h.
 */
#include <stdlib.h>

#include "documents/doc.h"
#include "printer/jobs.h"
#include "printer/printout.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/watch.h"

#define DB_RETRY_SECONDS 2 /* reopen a lost database this often */

struct local {
	struct kz_jobs base;
	struct kz_jobs_local_options opt;
	struct kz_watch *watch;
	struct kz_db *db;          /* the watch's connection for this step; NULL while down */
	struct kz_doc_source docs; /* where the documents load their data */
};

static const char *
printer_name(const struct local *l)
{
	return l->opt.printer->name;
}

/* The connection, or KZ_EDB saying why there is none. */
static int
need(struct local *l, char *err)
{
	if (l->db == NULL)
		l->db = kz_watch_db(l->watch);
	if (l->db == NULL)
		return kz_err(err, KZ_EDB,
			"the database %s cannot be opened now (missing, replaced or unreadable); waiting for it",
			l->opt.db_path);
	l->docs.db = l->db;
	return KZ_OK;
}

static int
l_connect(struct kz_jobs *j, int *fresh, char *err)
{
	struct local *l = (struct local *)j;
	enum kz_watch_state w = kz_watch_poll(l->watch);

	*fresh = w == KZ_WATCH_OPENED;
	l->db = NULL;
	return need(l, err);
}

static void
l_lost(struct kz_jobs *j, int rc)
{
	struct local *l = (struct local *)j;

	if (l->db != NULL)
		kz_watch_failed(l->watch, rc); /* a lock keeps the connection */
	l->db = NULL;
	l->docs.db = NULL;
}

static int
l_next(struct kz_jobs *j, int expire_seconds, struct kz_print_job *job, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_next(l->db, printer_name(l), expire_seconds, job, err);
}

static int
l_printout(struct kz_jobs *j, const struct kz_print_job *job, struct kz_typeset *ts,
	struct kz_bytes *out, struct kz_escpos_bands *bands, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	if (rc != KZ_OK)
		return rc;
	rc = kz_printout_make(&l->docs, l->opt.printer, ts, l->opt.font_dir, job, out, bands, err);
	/* a document that cannot be made will not be made by waiting (its
	 * data, the fonts, the translations: none comes by itself) */
	return rc == KZ_OK ? KZ_OK : KZ_EINVAL;
}

static int
l_start(struct kz_jobs *j, int64_t job, int bands, int expire_seconds, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_start(l->db, job, bands, expire_seconds, err);
}

static int
l_progress(struct kz_jobs *j, int64_t job, int band, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_progress(l->db, job, band, err);
}

static int
l_set_file(struct kz_jobs *j, int64_t job, const char *path, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_set_file(l->db, job, path, err);
}

static int
l_unfinished(struct kz_jobs *j, struct kz_print_job *job, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_unfinished(l->db, printer_name(l), job, err);
}

static int
l_get(struct kz_jobs *j, int64_t job, struct kz_print_job *out, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_get(l->db, job, out, err);
}

static int
l_done(struct kz_jobs *j, int64_t job, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_done(l->db, job, err);
}

static int
l_retry(struct kz_jobs *j, int64_t job, const char *reason, int delay, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_retry(l->db, job, reason, delay, err);
}

static int
l_fail(struct kz_jobs *j, int64_t job, const char *reason, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_fail(l->db, job, reason, err);
}

static int
l_uncertain(struct kz_jobs *j, int64_t job, const char *reason, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_outbox_uncertain(l->db, job, reason, err);
}

static int
l_set_state(struct kz_jobs *j, enum kz_printer_condition state, const char *reason, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_printer_set_state(l->db, printer_name(l), state, reason, err);
}

static int
l_heartbeat(struct kz_jobs *j, enum kz_service_state state, const char *reason, char *err)
{
	struct local *l = (struct local *)j;
	int rc = need(l, err);

	return rc != KZ_OK ? rc : kz_printer_heartbeat(l->db, printer_name(l), state, reason, err);
}

static void
l_close(struct kz_jobs *j)
{
	struct local *l = (struct local *)j;

	kz_doc_source_close(&l->docs);
	kz_watch_close(l->watch);
	free(l);
}

static const struct kz_jobs_ops local_ops = {"database", l_connect, l_lost, l_next, l_printout,
	l_start, l_progress, l_set_file, l_unfinished, l_get, l_done, l_retry, l_fail, l_uncertain,
	l_set_state, l_heartbeat, l_close};

int
kz_jobs_local_open(const struct kz_jobs_local_options *opt, struct kz_jobs **out, char *err)
{
	struct kz_watch_options w = {opt->db_path, 0, KZ_DB_BUSY_MS, DB_RETRY_SECONDS};
	struct local *l = calloc(1, sizeof *l);
	int rc;

	*out = NULL;
	if (l == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory starting the printer service");
	l->base.ops = &local_ops;
	l->opt = *opt;
	l->docs = (struct kz_doc_source){NULL, opt->cfg, opt->printer->name, NULL};
	if ((rc = kz_watch_open(&w, &l->watch, err)) != KZ_OK) {
		free(l);
		return rc;
	}
	/* the database now if it can be had; a service waits for it otherwise,
	 * a single run says why it cannot (the watch keeps no reason) */
	if (!opt->wait) {
		struct kz_db *db;
		if ((rc = kz_db_open(opt->db_path, 0, &db, err)) != KZ_OK) {
			l_close(&l->base);
			return rc;
		}
		kz_db_close(db);
	}
	*out = &l->base;
	return KZ_OK;
}

int
kz_jobs_unreachable(int rc)
{
	return rc == KZ_EBUSY || rc == KZ_EDB || rc == KZ_EDEVICE;
}

void
kz_jobs_close(struct kz_jobs *j)
{
	if (j != NULL)
		j->ops->close(j);
}
