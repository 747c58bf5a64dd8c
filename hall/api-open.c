/*
 * api-open.c - the public feed of waits, GET /open/waits.json and
 * /open/waits.csv; see open.h.  Start at hall_open_waits: it finds the
 * answer in memory, or makes it (build) under the cache's lock, so that
 * clients arriving together wait for one query instead of each making one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "events.h"
#include "open.h"
#include "queue/clock.h"
#include "queue/report.h"
#include "queue/status.h"
#include "routes.h"

#define TEXT_OF(n)   #n
#define TEXT(n)      TEXT_OF(n)
#define MAX_AGE_TEXT TEXT(HALL_OPEN_MAX_AGE)

/* One made answer in both forms. */
struct answer {
	char *text;    /* the body, NUL-terminated */
	size_t len;    /* its bytes */
	char etag[24]; /* "\"<16 hex digits>\"": the body's hash */
};

struct hall_open {
	pthread_mutex_t lock; /* held while an answer is made: others wait for it */
	int made;             /* the answers below are valid */
	int64_t version;      /* the stream's version they were made at */
	int64_t made_at;      /* the hall's clock then */
	struct answer json, csv;
	int64_t builds;
};

int
hall_open_new(struct hall_open **out)
{
	struct hall_open *o = calloc(1, sizeof *o);

	*out = o;
	if (o == NULL)
		return KZ_ENOMEM;
	pthread_mutex_init(&o->lock, NULL);
	return KZ_OK;
}

void
hall_open_free(struct hall_open *o)
{
	if (o == NULL)
		return;
	free(o->json.text);
	free(o->csv.text);
	pthread_mutex_destroy(&o->lock);
	free(o);
}

int64_t
hall_open_builds(struct hall_open *o)
{
	int64_t n;

	pthread_mutex_lock(&o->lock);
	n = o->builds;
	pthread_mutex_unlock(&o->lock);
	return n;
}

/* Take text (malloc'd) as a's body, with its ETag (FNV-1a, 64 bits). */
static void
answer_set(struct answer *a, char *text)
{
	uint64_t h = 14695981039346656037ULL;

	free(a->text);
	a->text = text;
	a->len = strlen(text);
	for (size_t i = 0; i < a->len; i++)
		h = (h ^ (unsigned char)text[i]) * 1099511628211ULL;
	snprintf(a->etag, sizeof a->etag, "\"%016llx\"", (unsigned long long)h);
}

/* A CSV field: quoted, inner quotes doubled (RFC 4180). */
static void
csv_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Today's waits of the service code in the report (its group), or NULL. */
static const struct kz_stat *
today_of(const struct kz_report *rep, const char *code)
{
	for (int i = 0; i < rep->nservices; i++)
		if (strcmp(rep->services[i].key, code) == 0)
			return &rep->services[i].wait;
	return NULL;
}

static json_t *
share_json(const struct kz_stat *s)
{
	return s && s->n ? json_real(kz_stat_share(s)) : json_null();
}

/* The JSON and CSV of st and rep into o. */
static int
render(struct hall_open *o, const struct kz_config *cfg, const struct kz_status *st,
	const struct kz_report *rep)
{
	static const struct kz_stat none;
	json_t *services = json_array(), *root;
	char *csv = NULL, *text;
	size_t csv_len = 0;
	FILE *f = open_memstream(&csv, &csv_len);

	if (f == NULL || services == NULL) {
		if (f)
			fclose(f);
		free(csv);
		json_decref(services);
		return KZ_ENOMEM;
	}
	fputs("day,now,office,office_name_kk,office_name_ru,service,service_name_kk,"
	      "service_name_ru,waiting,longest_wait_seconds,today_waits,today_within_limit,"
	      "today_within_share\r\n",
		f);
	for (int i = 0; i < st->nservices; i++) {
		const struct kz_service_status *s = &st->services[i];
		const struct kz_stat *w = today_of(rep, s->code);
		if (w == NULL)
			w = &none;
		json_array_append_new(services,
			json_pack("{s:s, s:s, s:s, s:i, s:I, s:i, s:i, s:o}", "service", s->code,
				"name_kk", s->name_kk, "name_ru", s->name_ru, "waiting", s->waiting,
				"longest_wait_seconds", (json_int_t)s->longest_wait, "today_waits",
				w->n, "today_within_limit", w->within, "today_within_share",
				share_json(w)));
		fprintf(f, "%s,%lld,", st->day, (long long)st->now);
		csv_text(f, cfg->office);
		fputc(',', f);
		csv_text(f, cfg->name_kk);
		fputc(',', f);
		csv_text(f, cfg->name_ru);
		fputc(',', f);
		csv_text(f, s->code);
		fputc(',', f);
		csv_text(f, s->name_kk);
		fputc(',', f);
		csv_text(f, s->name_ru);
		fprintf(f, ",%d,%lld,%d,%d,", s->waiting, (long long)s->longest_wait, w->n,
			w->within);
		if (w->n)
			fprintf(f, "%.1f", kz_stat_share(w));
		fputs("\r\n", f);
	}
	fclose(f);
	root = json_pack("{s:s, s:I, s:s, s:i, s:[{s:o, s:s, s:s, s:i, s:I, s:i, s:i, s:o, s:o}]}",
		"schema", HALL_OPEN_SCHEMA, "now", (json_int_t)st->now, "day", st->day,
		"wait_limit_seconds", cfg->wait_limit_min * 60, "offices", "office",
		cfg->office[0] ? json_string(cfg->office) : json_null(), "name_kk", cfg->name_kk,
		"name_ru", cfg->name_ru, "waiting", st->waiting, "longest_wait_seconds",
		(json_int_t)st->longest_wait, "today_waits", rep->total.wait.n,
		"today_within_limit", rep->total.wait.within, "today_within_share",
		share_json(&rep->total.wait), "services", services);
	text = root ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(4)) : NULL;
	json_decref(root);
	if (text == NULL || csv == NULL) {
		free(text);
		free(csv);
		return KZ_ENOMEM;
	}
	answer_set(&o->json, text);
	answer_set(&o->csv, csv);
	return KZ_OK;
}

/* Make the answers from the database now (o->lock held). */
static int
build(struct kz_hall *h, struct hall_open *o, char *err)
{
	struct kz_status *st = malloc(sizeof *st);
	struct kz_report *rep = NULL;
	int rc;

	if (st == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	pthread_mutex_lock(&h->db_lock);
	rc = kz_status_read(h->db, st, err);
	if (rc == KZ_OK)
		rc = kz_report_build(h->db, h->opt.cal, h->cfg, st->day, st->day, &rep, err);
	pthread_mutex_unlock(&h->db_lock);
	if (rc == KZ_OK && (rc = render(o, h->cfg, st, rep)) != KZ_OK)
		kz_err(err, rc, "out of memory");
	if (rc == KZ_OK) {
		o->made = 1;
		o->made_at = st->now;
		o->builds++;
	}
	kz_report_free(rep);
	free(st);
	return rc;
}

/* Whether the request's If-None-Match names etag (or is "*"). */
static int
not_modified(struct hall_req *r, const char *etag)
{
	const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
		MHD_HTTP_HEADER_IF_NONE_MATCH);

	return inm != NULL && (strstr(inm, etag) != NULL || strcmp(inm, "*") == 0);
}

int
hall_open_waits(struct hall_req *r)
{
	struct hall_open *o = r->hall->open;
	int csv = strcmp(r->path, "/open/waits.csv") == 0;
	int64_t version, now = kz_clock_now();
	char err[KZ_ERR_LEN], etag[24];
	struct answer *a;
	int rc = KZ_OK, fresh;

	pthread_mutex_lock(&o->lock);
	/* the version read under the lock: a request that read an older one
	 * before waiting for it must not make the answer again, nor older */
	version = hall_events_version(r->hall->events);
	if (!o->made || o->version < version || now - o->made_at >= HALL_OPEN_MAX_AGE ||
		now < o->made_at) {
		if ((rc = build(r->hall, o, err)) == KZ_OK)
			o->version =
				version; /* a failed build is tried again at the next request */
	}
	a = csv ? &o->csv : &o->json;
	if (rc != KZ_OK) {
		pthread_mutex_unlock(&o->lock);
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	}
	snprintf(etag, sizeof etag, "%s", a->etag);
	fresh = not_modified(r, etag);
	r->resp = fresh ? MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT)
			: MHD_create_response_from_buffer(a->len, a->text, MHD_RESPMEM_MUST_COPY);
	pthread_mutex_unlock(&o->lock);
	if (r->resp == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	MHD_add_response_header(r->resp, "Content-Type",
		csv ? "text/csv; charset=utf-8; header=present"
		    : "application/json; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "public, max-age=" MAX_AGE_TEXT);
	MHD_add_response_header(r->resp, "ETag", etag);
	MHD_add_response_header(r->resp, "Access-Control-Allow-Origin", "*");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	r->status = fresh ? 304 : 200;
	return KZ_OK;
}
