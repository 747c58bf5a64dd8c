/*
 * server.c - kezek-hall's HTTP(S) server with libmicrohttpd: a thread per
 * connection (at most HALL_CONNECTIONS), the checks every request passes
 * (allowed network, size, rate, JSON, session or device, role, CSRF) in
 * that order, then the handler of routes.c (a device's POST inside
 * hall_idem_run).  Start at answer.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>
#include <nettle/sha2.h>

#include "events.h"
#include "idem.h"
#include "limits.h"
#include "open.h"
#include "record.h"
#include "queue/clock.h"
#include "queue/device.h"
#include "queue/hall.h"
#include "routes.h"
#include "session.h"

/* One request's state between libmicrohttpd's calls. */
struct pending {
	char *body;
	size_t len;
	int too_big;
};

void
hall_log(struct kz_hall *h, const char *fmt, ...)
{
	FILE *f = h->opt.log ? h->opt.log : stderr;
	char when[32];
	va_list ap;

	kz_clock_format(kz_clock_now(), "%Y-%m-%dT%H:%M:%S", when, sizeof when);
	pthread_mutex_lock(&h->log_lock);
	fprintf(f, "%s kezek-hall: ", when);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fflush(f);
	pthread_mutex_unlock(&h->log_lock);
}

const char *
hall_tr(const struct hall_req *r, const char *msgid)
{
	return kz_i18n_get(r->hall->opt.cat, r->lang, msgid);
}

void
hall_ok(struct hall_req *r, json_t *out)
{
	r->status = 200;
	r->out = out;
}

int
hall_fail(struct hall_req *r, int status, const char *code, const char *msgid, const char *detail)
{
	r->status = status;
	snprintf(r->error, sizeof r->error, "%s", code);
	snprintf(r->detail, sizeof r->detail, "%s", detail ? detail : "");
	json_decref(r->out);
	r->out = json_pack("{s:s, s:s}", "error", code, "message", hall_tr(r, msgid));
	return KZ_EREJECT;
}

int
hall_refuse(struct hall_req *r, int rc, const char *msgid, const char *err)
{
	switch (rc) {
	case KZ_EINVAL:
		return hall_fail(r, 400, "invalid", msgid, err);
	case KZ_ENOTFOUND:
		return hall_fail(r, 404, "not_found", msgid, err);
	case KZ_EREJECT:
	case KZ_EEMPTY:
	case KZ_ECLOSED:
		return hall_fail(r, 409, "refused", msgid, err);
	case KZ_EBUSY:
		r->retry_after = 1;
		return hall_fail(r, 503, "busy",
			N("The hall's database is busy; try again in a moment."), err);
	default:
		return hall_fail(r, 500, "failed",
			N("The server could not do it; tell the administrator."), err);
	}
}

const char *
hall_body_str(const struct hall_req *r, const char *key)
{
	json_t *v = r->body ? json_object_get(r->body, key) : NULL;

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int
hall_body_int(const struct hall_req *r, const char *key, long long *out)
{
	json_t *v = r->body ? json_object_get(r->body, key) : NULL;

	if (!json_is_integer(v))
		return 0;
	*out = json_integer_value(v);
	return 1;
}

int
hall_is_loopback(const char *address)
{
	return strncmp(address, "127.", 4) == 0 || strcmp(address, "::1") == 0 ||
		strncmp(address, "::ffff:127.", 11) == 0;
}

/* The browser's address as text. */
static void
client_address(struct MHD_Connection *c, char *out, size_t len)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, len, "?");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			(socklen_t)len);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			out, (socklen_t)len);
}

/* Whether [server] allow lets address in; without a list, loopback only. */
static int
allowed(const struct kz_config *cfg, const char *address)
{
	unsigned char a[16], net[16];
	int family, bits, afam;

	if (cfg->server.nallow == 0)
		return hall_is_loopback(address);
	if (kz_config_network(address, &afam, a, &bits) != KZ_OK)
		return 0;
	for (int i = 0; i < cfg->server.nallow; i++) {
		if (kz_config_network(cfg->server.allow[i], &family, net, &bits) != KZ_OK ||
			family != afam)
			continue;
		int whole = bits / 8, rest = bits % 8;
		if (memcmp(a, net, (size_t)whole) != 0)
			continue;
		if (rest == 0 || ((a[whole] ^ net[whole]) & (0xff00 >> rest)) == 0)
			return 1;
	}
	return 0;
}

static void
security_headers(struct MHD_Response *resp, int api)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
		"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
		"form-action 'self'; base-uri 'none'");
	if (api)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
}

/* Send r's answer: its own response, else its JSON (or nothing: 204). */
static enum MHD_Result
send_answer(struct hall_req *r)
{
	int retry_after = r->retry_after;
	struct MHD_Response *resp = r->resp;
	enum MHD_Result ret;
	char *text = NULL;

	if (resp == NULL) {
		if (r->out != NULL)
			text = json_dumps(r->out, JSON_COMPACT);
		resp = MHD_create_response_from_buffer(text ? strlen(text) : 0, text ? text : "",
			MHD_RESPMEM_MUST_COPY);
		free(text);
		if (resp == NULL)
			return MHD_NO;
		if (r->out != NULL)
			MHD_add_response_header(resp, "Content-Type",
				"application/json; charset=utf-8");
		security_headers(resp, 1);
	}
	if (r->visitor)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
	if (retry_after > 0) {
		char s[16];
		snprintf(s, sizeof s, "%d", retry_after);
		MHD_add_response_header(resp, "Retry-After", s);
	}
	ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	r->resp = NULL;
	return ret;
}

const char *
hall_role_name(enum hall_role role)
{
	switch (role) {
	case HALL_CLERK:
		return "clerk";
	case HALL_MANAGER:
		return "manager";
	case HALL_ADMIN:
		return "administrator";
	case HALL_BOARD:
		return "board";
	case HALL_KIOSK:
		return "kiosk";
	case HALL_PRINTER:
		return "printer";
	default:
		return "-";
	}
}

/* "clerk#3@2", "manager#7", "kiosk:kiosk-1#4" or "-": who, for the log
 * (never a person's name; a device's name is no secret). */
static void
who(const struct hall_req *r, char *out, size_t len)
{
	if (r->sess.role == HALL_NOBODY)
		snprintf(out, len, "-");
	else if (r->sess.device_id != 0)
		snprintf(out, len, "%s:%.31s#%lld", hall_role_name(r->sess.role), r->sess.name,
			(long long)r->sess.device_id);
	else if (r->sess.role == HALL_CLERK)
		snprintf(out, len, "clerk#%lld@%d", (long long)r->sess.staff_id, r->sess.counter);
	else
		snprintf(out, len, "%s#%lld",
			r->sess.role == HALL_ADMIN ? "administrator" : "manager",
			(long long)r->sess.staff_id);
}

/* The path for the log: a phone link's token (visit.h) is a key to its
 * ticket's page, so the log shows only a hash's first 8 hex digits, enough
 * to follow one phone's requests and useless to open the page. */
static void
log_path(const char *p, char *out, size_t len)
{
	static const char *const secret[] = {"/t/", "/api/visit/"};
	struct sha256_ctx ctx;
	uint8_t h[SHA256_DIGEST_SIZE];

	for (size_t i = 0; i < sizeof secret / sizeof secret[0]; i++) {
		size_t n = strlen(secret[i]);
		if (strncmp(p, secret[i], n) != 0 || p[n] == '\0')
			continue;
		sha256_init(&ctx);
		sha256_update(&ctx, strlen(p + n), (const uint8_t *)(p + n));
		sha256_digest(&ctx, sizeof h, h);
		snprintf(out, len, "%s#%02x%02x%02x%02x", secret[i], h[0], h[1], h[2], h[3]);
		return;
	}
	snprintf(out, len, "%.100s", p);
}

static void
log_request(struct hall_req *r)
{
	char w[64], path[128];

	who(r, w, sizeof w);
	/* the path shown escaped and cut: a request's own bytes never break a line */
	log_path(r->path, path, sizeof path);
	for (char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
			*p = '?';
	hall_log(r->hall, "%s %s %s %s %d%s%s%s%s", r->address, w, r->method, path, r->status,
		r->error[0] ? " " : "", r->error, r->detail[0] ? ": " : "", r->detail);
}

/* The session the cookie names, if live. */
static void
find_session(struct hall_req *r)
{
	const char *token = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kezek_session");

	if (token != NULL && strlen(token) == 64 &&
		hall_session_find(r->hall->sessions, token, &r->sess))
		r->lang = r->sess.lang;
}

/* The device a bearer credential names (the header "Bearer <64 hex>"):
 * KZ_OK with r->sess filled, else answered (401 device). */
static int
find_device(struct hall_req *r, const char *authorization)
{
	const char *cred = strncmp(authorization, "Bearer ", 7) == 0 ? authorization + 7 : "";
	struct kz_device d;
	char err[KZ_ERR_LEN];
	int rc;

	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_device_by_credential(r->hall->db, cred, &d, err);
	if (rc == KZ_OK && d.seen_at < kz_clock_now() - KZ_DEVICE_SEEN_SECONDS)
		(void)kz_device_seen(r->hall->db, d.id, kz_clock_now(), NULL);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc == KZ_ENOTFOUND)
		return hall_fail(r, 401, "device",
			N("This device is not enrolled or was revoked; enrol it again."),
			"unknown credential");
	if (rc == KZ_EREJECT) {
		char detail[96];
		snprintf(detail, sizeof detail, "revoked %s:%s#%lld", kz_device_role_name(d.role),
			d.name, (long long)d.id);
		return hall_fail(r, 401, "device",
			N("This device is not enrolled or was revoked; enrol it again."), detail);
	}
	if (rc != KZ_OK)
		return hall_refuse(r, rc, N("The server could not do it; tell the administrator."),
			err);
	memset(&r->sess, 0, sizeof r->sess);
	r->sess.role = d.role == KZ_DEVICE_BOARD ? HALL_BOARD
		: d.role == KZ_DEVICE_KIOSK      ? HALL_KIOSK
		: d.role == KZ_DEVICE_PRINTER    ? HALL_PRINTER
						 : HALL_NOBODY;
	if (r->sess.role == HALL_NOBODY)
		return hall_fail(r, 401, "device",
			N("This device is not enrolled or was revoked; enrol it again."),
			"device of no known role");
	r->sess.device_id = d.id;
	snprintf(r->sess.name, sizeof r->sess.name, "%s", d.name);
	snprintf(r->sess.device_for, sizeof r->sess.device_for, "%s", d.stands_for);
	snprintf(r->sess.lang, sizeof r->sess.lang, "ru");
	return KZ_OK;
}

/* A device's language: ?lang=, else the body's "lang", else ru. */
static void
device_lang(struct hall_req *r)
{
	const char *q = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "lang");
	const char *b = hall_body_str(r, "lang");
	const char *lang = q ? q : b;

	if (lang != NULL && (strcmp(lang, "kk") == 0 || strcmp(lang, "ru") == 0))
		snprintf(r->sess.lang, sizeof r->sess.lang, "%s", lang);
	r->lang = r->sess.lang;
}

/* A state change from the page itself: the header only scripts of the
 * same origin can set, with the session's token. */
static int
csrf_ok(struct hall_req *r)
{
	const char *got = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-CSRF-Token");

	return got != NULL && r->sess.role != HALL_NOBODY && hall_same_secret(got, r->sess.csrf);
}

/* Parse a POST's body: a JSON object of HALL_BODY_MAX bytes at most. */
static int
parse_body(struct hall_req *r, const struct pending *p)
{
	const char *type =
		MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	json_error_t je;

	if (p->too_big)
		return hall_fail(r, 413, "too_large", N("The request is too large."), NULL);
	if (p->len == 0)
		return KZ_OK;
	/* only a script sends JSON: a form of another site cannot */
	if (type == NULL || strncmp(type, "application/json", 16) != 0)
		return hall_fail(r, 415, "content_type", N("The request is not JSON."), type);
	r->body = json_loadb(p->body, p->len, JSON_REJECT_DUPLICATES, &je);
	if (r->body == NULL) {
		/* where, never what: jansson's words quote the body, and a body
		 * may hold a secret or a person's data, which no log keeps */
		char at[64];
		snprintf(at, sizeof at, "not JSON at line %d column %d", je.line, je.column);
		return hall_fail(r, 400, "json", N("The request is not valid JSON."), at);
	}
	if (!json_is_object(r->body))
		return hall_fail(r, 400, "json", N("The request is not valid JSON."),
			"not an object");
	return KZ_OK;
}

/* The route for r: the embedding program's first, then routes.c's. */
static const struct hall_route *
route_find(struct hall_req *r, int *known)
{
	const struct kz_hall_options *o = &r->hall->opt;
	int extra_known = 0;

	*known = 0;
	for (int i = 0; i < o->nextra_routes; i++) {
		const struct hall_route *rt = &o->extra_routes[i];
		if (strcmp(r->path, rt->path) != 0)
			continue;
		if (strcmp(r->method, rt->method) == 0)
			return rt;
		extra_known = 1;
	}
	const struct hall_route *rt = hall_route_find(r->method, r->path, known);
	*known |= extra_known;
	return rt;
}

/* Everything a request passes before its handler; KZ_OK to go on. */
static int
admit(struct hall_req *r, const struct pending *p, const struct hall_route **route)
{
	const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	const char *authorization =
		MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization");
	int known = 0,
	    state_change = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	char device_key[32];

	/* a visitor's phone comes from anywhere; the rest from [server] allow */
	*route = route_find(r, &known);
	r->visitor = *route != NULL && (*route)->access == HALL_VISITOR;
	if (!r->visitor && !allowed(r->hall->cfg, r->address))
		return hall_fail(r, 403, "network",
			N("This computer may not use the hall's pages."),
			"address not in [server] allow");
	if (authorization != NULL) {
		/* a device: its credential, never a cookie; a browser's page
		 * (which sends Origin) cannot speak for one */
		if (origin != NULL)
			return hall_fail(r, 403, "origin", N("The request came from another site."),
				"a device's credential from a browser");
		if (find_device(r, authorization) != KZ_OK) {
			/* guesses spend the address's budget; a device has its own */
			if ((r->retry_after = hall_limit_request(r->hall->limits, r->address)) > 0)
				hall_fail(r, 429, "too_many",
					N("Too many requests; wait a moment."), NULL);
			return KZ_EREJECT;
		}
		snprintf(device_key, sizeof device_key, "device#%lld",
			(long long)r->sess.device_id);
		r->lang = r->sess.lang;
	} else {
		find_session(r);
	}
	if ((r->retry_after = hall_limit_request(r->hall->limits,
		     r->sess.device_id                     ? device_key
			     : r->sess.role != HALL_NOBODY ? r->sess.token
							   : r->address)) > 0)
		return hall_fail(r, 429, "too_many", N("Too many requests; wait a moment."), NULL);
	if (*route == NULL)
		return known ? hall_fail(r, 405, "method", N("Not found."), NULL)
			     : hall_fail(r, 404, "not_found", N("Not found."), NULL);
	if (state_change && origin != NULL && host != NULL) {
		const char *o = strstr(origin, "://");
		if (o == NULL || strcmp(o + 3, host) != 0)
			return hall_fail(r, 403, "origin", N("The request came from another site."),
				origin);
	}
	if (state_change && parse_body(r, p) != KZ_OK)
		return KZ_EREJECT;
	if (r->sess.device_id)
		device_lang(r);
	if ((*route)->access == HALL_PUBLIC || r->visitor)
		return KZ_OK;
	if (r->sess.role == HALL_NOBODY)
		return hall_fail(r, 401, "session", N("Log in first."), NULL);
	if (((*route)->access & (int)r->sess.role) == 0)
		return hall_fail(r, 403, "role", N("Your role may not do this."),
			r->sess.device_id ? "a device's role" : NULL);
	if (state_change && r->sess.device_id == 0 && !csrf_ok(r))
		return hall_fail(r, 403, "csrf", N("The page is out of date; reload it."), NULL);
	return KZ_OK;
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
	const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct kz_hall *h = cls;
	struct pending *p = *con_cls;
	struct hall_req r = {.hall = h, .conn = conn, .method = method, .path = url};
	const struct hall_route *route = NULL;
	enum MHD_Result ret;

	(void)version;
	if (p == NULL) {
		if ((p = calloc(1, sizeof *p)) == NULL)
			return MHD_NO;
		*con_cls = p;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
			MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && strtoull(cl, NULL, 10) > HALL_BODY_MAX)
			p->too_big = 1;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (!p->too_big && p->len + *upload_size <= HALL_BODY_MAX) {
			char *b = realloc(p->body, p->len + *upload_size + 1);
			if (b == NULL)
				return MHD_NO;
			memcpy(b + p->len, upload, *upload_size);
			p->body = b;
			p->len += *upload_size;
			b[p->len] = '\0';
		} else {
			p->too_big = 1;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	client_address(conn, r.address, sizeof r.address);
	r.lang = h->cfg->staff_lang;
	if (admit(&r, p, &route) == KZ_OK) {
		/* a device's state change: kept with its answer, by its key */
		int rc = r.sess.device_id != 0 && strcmp(method, "GET") != 0 &&
				strcmp(method, "HEAD") != 0
			? hall_idem_run(&r, route)
			: route->handle(&r);
		if (rc == KZ_OK && r.status == 0)
			r.status = r.out || r.resp ? 200 : 204;
	}
	if (r.status == 0)
		r.status = 500;
	log_request(&r);
	hall_record(&r, route ? route->path : NULL);
	ret = send_answer(&r);
	json_decref(r.out);
	json_decref(r.body);
	return ret;
}

static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	struct pending *p = *con_cls;

	(void)cls, (void)conn, (void)toe;
	if (p != NULL) {
		free(p->body);
		free(p);
	}
	*con_cls = NULL;
}

/* The catalogue of lang as GET /api/words sends it. */
static char *
words_of(struct kz_i18n *cat, const char *lang)
{
	json_t *words = json_object(), *all;
	const char *id, *str;
	char *text;

	for (int i = 0; cat && i < kz_i18n_count(cat, lang); i++) {
		kz_i18n_entry(cat, lang, i, &id, &str);
		if (id[0] && str[0])
			json_object_set_new(words, id, json_string(str));
	}
	all = json_pack("{s:s, s:o}", "lang", lang, "words", words);
	text = json_dumps(all, JSON_COMPACT);
	json_decref(all);
	return text;
}

static char *
read_pem(const char *path, char *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL) {
		kz_err(err, KZ_ECONFIG,
			"cannot read '%s' ([server] in the configuration); make "
			"a pair with 'kezek-hall --make-certificate DIR'",
			path);
		return NULL;
	}
	buf = calloc(1, 65537);
	n = buf ? fread(buf, 1, 65536, f) : 0;
	fclose(f);
	if (buf == NULL || n == 0 || n == 65536) {
		free(buf);
		kz_err(err, KZ_ECONFIG, "'%s' is not a PEM file of at most 64 KiB", path);
		return NULL;
	}
	return buf;
}

/* The listening address and port into sa; KZ_ECONFIG if malformed. */
static int
listen_address(const char *address, int port, struct sockaddr_storage *sa, char *err)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)(void *)sa;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)(void *)sa;

	memset(sa, 0, sizeof *sa);
	if (inet_pton(AF_INET, address, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		return KZ_OK;
	}
	if (inet_pton(AF_INET6, address, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		return KZ_OK;
	}
	return kz_err(err, KZ_ECONFIG, "'%s' is not an IP address to listen on", address);
}

static int
start_daemon(struct kz_hall *h, const char *address, int port, char *err)
{
	struct sockaddr_storage sa;
	char *cert = NULL, *key = NULL;
	unsigned flags =
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	const union MHD_DaemonInfo *info;
	int rc;

	if ((rc = listen_address(address, port, &sa, err)) != KZ_OK)
		return rc;
	h->tls = h->cfg->server.certificate[0] != '\0';
	if (!h->tls && !hall_is_loopback(address))
		return kz_err(err, KZ_ECONFIG,
			"kezek-hall would listen on %s without HTTPS; plain HTTP is for loopback "
			"(127.0.0.1) only: give [server] certificate and key (make them with "
			"'kezek-hall --make-certificate DIR'), or listen on 127.0.0.1",
			address);
	if (h->tls &&
		((cert = read_pem(h->cfg->server.certificate, err)) == NULL ||
			(key = read_pem(h->cfg->server.key, err)) == NULL)) {
		free(cert);
		return KZ_ECONFIG;
	}
	if (sa.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (h->tls)
		flags |= MHD_USE_TLS;
	h->daemon = MHD_start_daemon(flags, 0, NULL, NULL, answer, h, MHD_OPTION_SOCK_ADDR,
		(struct sockaddr *)&sa, MHD_OPTION_CONNECTION_LIMIT, (unsigned)HALL_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)HALL_CONNECTIONS_PER_ADDRESS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)(128 * 1024), MHD_OPTION_NOTIFY_COMPLETED, completed, h,
		h->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert, MHD_OPTION_HTTPS_MEM_KEY,
		key, MHD_OPTION_END);
	free(cert);
	if (key)
		memset(key, 0, strlen(key));
	free(key);
	if (h->daemon == NULL)
		return kz_err(err, KZ_EDEVICE,
			"cannot listen on %s port %d: in use by another program, or not this "
			"machine's address; change [server] address or port",
			address, port);
	info = MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_BIND_PORT);
	h->port = info ? info->port : port;
	return KZ_OK;
}

int
kz_hall_start(const struct kz_hall_options *opt, struct kz_hall **out, char *err)
{
	struct kz_hall *h = calloc(1, sizeof *h);
	int rc;

	*out = NULL;
	if (h == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	h->opt = *opt;
	h->cfg = opt->cfg;
	pthread_mutexattr_t recursive;
	pthread_mutexattr_init(&recursive);
	pthread_mutexattr_settype(&recursive, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&h->db_lock, &recursive);
	pthread_mutexattr_destroy(&recursive);
	pthread_mutex_init(&h->log_lock, NULL);
	if ((rc = kz_db_open(opt->db_path, 0, &h->db, err)) != KZ_OK ||
		(rc = kz_hall_sync(h->db, h->cfg, NULL, err)) != KZ_OK)
		goto fail;
	if ((rc = hall_sessions_new(&h->sessions)) != KZ_OK ||
		(rc = hall_limits_new(&h->limits)) != KZ_OK ||
		(rc = hall_open_new(&h->open)) != KZ_OK ||
		(h->words[0] = words_of(opt->cat, "kk")) == NULL ||
		(h->words[1] = words_of(opt->cat, "ru")) == NULL) {
		rc = kz_err(err, KZ_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = hall_events_start(h, err)) != KZ_OK)
		goto fail;
	if ((rc = start_daemon(h, opt->address ? opt->address : h->cfg->server.address,
		     opt->port >= 0 ? opt->port : h->cfg->server.port, err)) != KZ_OK)
		goto fail;
	*out = h;
	return KZ_OK;
fail:
	kz_hall_stop(h);
	return rc;
}

void
kz_hall_stop(struct kz_hall *h)
{
	if (h == NULL)
		return;
	if (h->events)
		hall_events_stop(h->events); /* first: the streams end, their threads return */
	if (h->daemon)
		MHD_stop_daemon(h->daemon);
	hall_events_free(h->events);
	hall_sessions_free(h->sessions);
	hall_limits_free(h->limits);
	hall_open_free(h->open);
	kz_db_close(h->db);
	free(h->words[0]);
	free(h->words[1]);
	pthread_mutex_destroy(&h->db_lock);
	pthread_mutex_destroy(&h->log_lock);
	free(h);
}
