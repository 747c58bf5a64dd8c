/*
 * api-reports.c - GET /api/report.pdf and /api/report.csv ?from=&to=&lang=
 * for managers: the report of 'kezek report --from --to' (queue/report.h)
 * as the A4 PDF with charts or as CSV (documents/), in Kazakh or Russian.
 * Without from and to: today.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "documents/report-csv.h"
#include "documents/report.h"
#include "ink/bytes.h"
#include "queue/clock.h"
#include "queue/report.h"
#include "routes.h"

/* The report as CSV or PDF, into *data (malloc'd) and *len. */
static int
render(struct hall_req *r, const struct kz_report *rep, int pdf, const char *lang, char **data,
	size_t *len, char *err)
{
	char fonts[KZ_PATH_LEN + 32];
	const char *env = getenv("KEZEK_FONTS");
	struct kz_bytes out = {0};
	FILE *f;
	int rc;

	if (!pdf) {
		if ((f = open_memstream(data, len)) == NULL)
			return kz_err(err, KZ_ENOMEM, "out of memory");
		kz_doc_report_csv(f, rep, r->hall->cfg, strcmp(lang, "kk") == 0);
		return fclose(f) == 0 ? KZ_OK : kz_err(err, KZ_ENOMEM, "out of memory");
	}
	if (env != NULL && env[0] != '\0')
		snprintf(fonts, sizeof fonts, "%s", env);
	else
		snprintf(fonts, sizeof fonts, "%s/assets/fonts", r->hall->opt.data_dir);
	if ((rc = kz_doc_report_pdf(rep, r->hall->cfg, lang, fonts, &out, err)) != KZ_OK)
		return rc;
	*data = (char *)out.data; /* handed over: freed with free() */
	*len = out.len;
	return KZ_OK;
}

int
hall_report(struct hall_req *r)
{
	const char *from = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "from");
	const char *to = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "to");
	const char *lang = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "lang");
	int pdf = strstr(r->path, ".pdf") != NULL;
	char f[11], t[11], err[KZ_ERR_LEN], disp[96];
	struct kz_report *rep = NULL;
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (lang == NULL)
		lang = r->lang;
	if (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return hall_fail(r, 400, "invalid", N("The language is kk or ru."), lang);
	kz_clock_day(kz_clock_now(), f);
	memcpy(t, f, sizeof t);
	if (from != NULL || to != NULL) {
		if (from == NULL || to == NULL || strlen(from) != 10 || strlen(to) != 10)
			return hall_fail(r, 400, "invalid",
				N("Give the report's first and last day as YYYY-MM-DD."), NULL);
		memcpy(f, from, 11);
		memcpy(t, to, 11);
	}
	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_report_build(r->hall->db, r->hall->opt.cal, r->hall->cfg, f, t, &rep, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_EINVAL)
		return hall_fail(r, 400, "invalid",
			N("Give the report's first and last day as YYYY-MM-DD."), err);
	if (rc == KZ_OK)
		rc = render(r, rep, pdf, lang, &data, &len, err);
	kz_report_free(rep);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."), err);
	r->resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (r->resp == NULL) {
		free(data);
		return hall_fail(r, 500, "failed", N("The server could not do it; tell the administrator."),
			"out of memory");
	}
	snprintf(disp, sizeof disp, "attachment; filename=\"kezek-report-%s-%s.%s\"", f, t,
		pdf ? "pdf" : "csv");
	MHD_add_response_header(r->resp, "Content-Type",
		pdf ? "application/pdf" : "text/csv; charset=utf-8");
	MHD_add_response_header(r->resp, "Content-Disposition", disp);
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	r->status = 200;
	return KZ_OK;
}
