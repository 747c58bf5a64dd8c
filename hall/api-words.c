/* api-words.c - GET /api/words?lang=kk|ru: the whole catalogue, for the pages' _(). */
#include <microhttpd.h>
#include <string.h>

#include "routes.h"

int
hall_words(struct hall_req *r)
{
	const char *lang = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "lang");
	const char *text;

	if (lang == NULL)
		lang = r->lang;
	if (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0)
		return hall_fail(r, 400, "invalid", N("The language is kk or ru."), lang);
	text = r->hall->words[lang[0] == 'k' ? 0 : 1];
	r->resp =
		MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
	if (r->resp == NULL)
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	MHD_add_response_header(r->resp, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(r->resp, "Cache-Control", "no-cache");
	MHD_add_response_header(r->resp, "X-Content-Type-Options", "nosniff");
	r->status = 200;
	return KZ_OK;
}
