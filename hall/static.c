/*
 * static.c - the pages: / and /counter (counter.html), /manager
 * (manager.html), /open (open.html, the public feed of waits) and /static/NAME from the pages' folder (hall/www).
 * NAME is one plain file name (letters, digits, '.', '-', '_'; no leading
 * dot): libmicrohttpd has already decoded %2e and %2f, so "..", a slash or
 * a hidden file, encoded or not, never leaves the folder.  Only regular
 * files are sent, never through a symbolic link.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>

#include "routes.h"

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".ico", "image/x-icon"},
	{".json", "application/json; charset=utf-8"},
	{".txt", "text/plain; charset=utf-8"},
	{".woff2", "font/woff2"},
};

static const char *
type_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

static int
plain_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 100 || name[0] == '.')
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
		n;
}

void
hall_page_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
		"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
		"form-action 'self'; base-uri 'none'");
}

int
hall_static(struct hall_req *r)
{
	const char *name = strcmp(r->path, "/manager") == 0 ? "manager.html"
		: strcmp(r->path, "/open") == 0             ? "open.html"
		: strncmp(r->path, "/static/", 8) == 0      ? r->path + 8
							    : "counter.html";

	return hall_static_file(r, name);
}

int
hall_static_file(struct hall_req *r, const char *name)
{
	char path[KZ_PATH_LEN + 128];
	const char *type = type_of(name);
	struct stat st;
	int fd;

	if (!plain_name(name) || type == NULL)
		return hall_fail(r, 404, "not_found", N("Not found."), "not a page's file name");
	snprintf(path, sizeof path, "%s/%s", r->hall->opt.www, name);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return hall_fail(r, 404, "not_found", N("Not found."), NULL);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 16 * 1024 * 1024) {
		close(fd);
		return hall_fail(r, 404, "not_found", N("Not found."), "not a regular file");
	}
	r->resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (r->resp == NULL) {
		close(fd);
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), "out of memory");
	}
	MHD_add_response_header(r->resp, "Content-Type", type);
	MHD_add_response_header(r->resp, "Cache-Control", "no-cache");
	hall_page_headers(r->resp);
	r->status = 200;
	return KZ_OK;
}
