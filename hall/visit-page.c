/*
 * visit-page.c - the visitor's phone page: /t/TOKEN is phone.html when the
 * token is one of today's tickets (the page then asks /api/visit/TOKEN),
 * else a plain page in Kazakh and Russian that the link is not known or
 * no longer valid; /phone/NAME the page's own files (phone.js, phone.css,
 * common.js), and nothing else of the pages' folder.  Public, from any
 * network, no cookie.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "queue/visit.h"
#include "routes.h"

static const char *const files[] = {"phone.html", "phone.js", "phone.css", "common.js"};

/* s into out, escaped for HTML text. */
static void
escape(const char *s, char *out, size_t len)
{
	size_t n = 0;

	for (; *s && n + 7 < len; s++) {
		const char *e = *s == '<' ? "&lt;"
			: *s == '>'       ? "&gt;"
			: *s == '&'       ? "&amp;"
					  : NULL;
		if (e != NULL) {
			memcpy(out + n, e, strlen(e));
			n += strlen(e);
		} else {
			out[n++] = *s;
		}
	}
	out[n] = '\0';
}

/* The 404 page: the same words in both languages, nothing of the token. */
static int
not_found_page(struct hall_req *r)
{
	static const char *const langs[] = {"kk", "ru"};
	const char *title = N("Not found"),
		   *text = N("This link is not known or no longer valid: a ticket's link works "
			     "on the day the ticket was taken.");
	char page[8192], a[1024], b[1024];
	size_t n;

	n = (size_t)snprintf(page, sizeof page,
		"<!doctype html>\n<html lang=\"kk\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>Kezek</title>\n<link rel=\"stylesheet\" href=\"/phone/phone.css\">\n"
		"</head>\n<body class=\"phone gone\">\n");
	for (int i = 0; i < 2 && n < sizeof page; i++) {
		escape(kz_i18n_get(r->hall->opt.cat, langs[i], title), a, sizeof a);
		escape(kz_i18n_get(r->hall->opt.cat, langs[i], text), b, sizeof b);
		n += (size_t)snprintf(page + n, sizeof page - n,
			"<section lang=\"%s\"><h1>%s</h1><p>%s</p></section>\n", langs[i], a, b);
	}
	if (n < sizeof page)
		n += (size_t)snprintf(page + n, sizeof page - n, "</body>\n</html>\n");
	if (n >= sizeof page)
		n = sizeof page - 1;
	r->resp = MHD_create_response_from_buffer(n, page, MHD_RESPMEM_MUST_COPY);
	if (r->resp == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	MHD_add_response_header(r->resp, "Content-Type", "text/html; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	hall_page_headers(r->resp);
	snprintf(r->error, sizeof r->error, "not_found");
	r->status = 404;
	return KZ_OK;
}

int
hall_visit_page(struct hall_req *r)
{
	struct kz_visit v;

	if (hall_visit_find(r, r->path + strlen("/t/"), &v) != KZ_OK) {
		json_decref(r->out);
		r->out = NULL;
		return not_found_page(r);
	}
	return hall_static_file(r, "phone.html");
}

int
hall_visit_static(struct hall_req *r)
{
	const char *name = r->path + strlen("/phone/");

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (strcmp(name, files[i]) == 0 && i > 0)
			return hall_static_file(r, name);
	return hall_fail(r, 404, "not_found", N("Not found."), NULL);
}
