/*
 * client.c - a device's HTTP(S) client of kezek-hall with libcurl; see
 * client.h.  One easy handle for the calls (its connection kept between
 * them), one more in a multi handle for the change stream, read a little
 * at each kz_remote_stream_poll.  Start at kz_remote_open.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <curl/curl.h>

#include "client.h"

#define ANSWER_MAX      (32u * 1024 * 1024) /* bytes of one answer: a document at most */
#define STREAM_RETRY_MS 1000                /* a lost stream is tried again this often */
#define STREAM_SILENT_S 45 /* no byte for this long (keep-alive is 15 s): the stream is lost */

enum stream_state { STREAM_DOWN, STREAM_CONNECTING, STREAM_UP };

struct buffer {
	unsigned char *data;
	size_t len;
	int too_big;
};

struct kz_remote {
	char server[1024];
	char ca[1024];
	char auth[96]; /* "Authorization: Bearer <credential>", "" for none */
	int timeout_ms;
	CURL *call;
	/* the stream */
	CURLM *multi;
	CURL *stream;
	struct curl_slist *stream_headers;
	enum stream_state state;
	int ever_up;     /* the stream was up once: a failure now is a loss */
	int failed;      /* the last attempt failed (or the stream was lost) */
	int news;        /* a change or a (re)connection not yet reported */
	double next_try; /* monotonic seconds: when a down stream may be tried again */
	char why[256];   /* what the last failure was */
	char line[512];  /* the stream's line being read */
	size_t linelen;
	char event[32]; /* its event's name so far */
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc;

static void
global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
kz_remote_new_key(char key[33])
{
	unsigned char b[16];
	size_t got = 0;

	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n > 0)
			got += (size_t)n;
	}
	for (int i = 0; i < 16; i++)
		snprintf(key + 2 * i, 3, "%02x", b[i]);
}

/* The options every request of r shares. */
static void
common_options(struct kz_remote *r, CURL *c)
{
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)r->timeout_ms);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (r->ca[0]) {
		/* the hall's own certificate and nothing else: pinned */
		curl_easy_setopt(c, CURLOPT_CAINFO, r->ca);
		curl_easy_setopt(c, CURLOPT_CAPATH, NULL);
	}
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
}

int
kz_remote_open(const struct kz_remote_options *opt, struct kz_remote **out, char *err)
{
	struct kz_remote *r;
	size_t n;

	*out = NULL;
	if (opt->server == NULL ||
		(strncmp(opt->server, "https://", 8) != 0 &&
			strncmp(opt->server, "http://", 7) != 0))
		return kz_err(err, KZ_ECONFIG,
			"the hall server '%.200s' is not an address like https://hall.local:8443; "
			"give --server or server = in the device file",
			opt->server ? opt->server : "");
	if (strlen(opt->server) >= sizeof r->server - 1 ||
		(opt->ca_file && strlen(opt->ca_file) >= sizeof r->ca))
		return kz_err(err, KZ_ECONFIG,
			"the hall server's address or certificate path is too long");
	if (opt->credential && opt->credential[0] &&
		(strlen(opt->credential) != 64 ||
			strspn(opt->credential, "0123456789abcdef") != 64))
		return kz_err(err, KZ_ECONFIG,
			"the device's credential is not 64 hexadecimal digits; enrol the device "
			"again (--enrol CODE)");
	pthread_once(&global_once, global_init);
	if (global_rc != CURLE_OK)
		return kz_err(err, KZ_ENOMEM, "libcurl could not start: %s",
			curl_easy_strerror(global_rc));
	if ((r = calloc(1, sizeof *r)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	snprintf(r->server, sizeof r->server, "%s", opt->server);
	n = strlen(r->server);
	while (n > 0 && r->server[n - 1] == '/')
		r->server[--n] = '\0';
	snprintf(r->ca, sizeof r->ca, "%s", opt->ca_file ? opt->ca_file : "");
	if (opt->credential && opt->credential[0])
		snprintf(r->auth, sizeof r->auth, "Authorization: Bearer %s", opt->credential);
	r->timeout_ms = opt->timeout_ms > 0 ? opt->timeout_ms : 5000;
	r->call = curl_easy_init();
	r->multi = curl_multi_init();
	if (r->call == NULL || r->multi == NULL) {
		kz_remote_close(r);
		return kz_err(err, KZ_ENOMEM, "out of memory");
	}
	*out = r;
	return KZ_OK;
}

static void
stream_stop(struct kz_remote *r)
{
	if (r->stream) {
		curl_multi_remove_handle(r->multi, r->stream);
		curl_easy_cleanup(r->stream);
		r->stream = NULL;
	}
	curl_slist_free_all(r->stream_headers);
	r->stream_headers = NULL;
	r->linelen = 0;
	r->event[0] = '\0';
}

void
kz_remote_close(struct kz_remote *r)
{
	if (r == NULL)
		return;
	stream_stop(r);
	if (r->multi)
		curl_multi_cleanup(r->multi);
	if (r->call)
		curl_easy_cleanup(r->call);
	memset(r->auth, 0, sizeof r->auth); /* the credential lingers nowhere */
	free(r);
}

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	struct buffer *b = arg;
	size_t len = size * n;
	unsigned char *grown;

	if (b->len + len > ANSWER_MAX) {
		b->too_big = 1;
		return 0;
	}
	if ((grown = realloc(b->data, b->len + len + 1)) == NULL)
		return 0;
	memcpy(grown + b->len, data, len);
	b->data = grown;
	b->len += len;
	b->data[b->len] = '\0';
	return len;
}

/* A failed transfer as KZ_EDEVICE with what to do. */
static int
unreachable(struct kz_remote *r, CURLcode cc, const char *errbuf, char *err)
{
	const char *hint = "check the cable and that kezek-hall runs there; the device keeps "
			   "trying";

	if (cc == CURLE_PEER_FAILED_VERIFICATION || cc == CURLE_SSL_CACERT_BADFILE ||
		cc == CURLE_SSL_CONNECT_ERROR)
		hint = "the server's certificate is not the hall's one named by ca = in the device "
		       "file (copy the hall's hall.crt again), or the address is not one it "
		       "names (kezek-hall --make-certificate DIR --name HOST)";
	return kz_err(err, KZ_EDEVICE, "the hall server %s cannot be reached: %s; %s", r->server,
		errbuf[0] ? errbuf : curl_easy_strerror(cc), hint);
}

/* One transfer on the calls' handle: method, path, body text (may be NULL),
 * extra headers; the answer's bytes into *b, the status into *status. */
static int
transfer(struct kz_remote *r, const char *method, const char *path, const char *body,
	const char *key, const char *accept, int *status, struct buffer *b, char *err)
{
	struct curl_slist *h = NULL;
	char url[2048], keyh[128], errbuf[CURL_ERROR_SIZE] = "";
	CURLcode cc;
	long code = 0;

	if (path[0] != '/' || strlen(r->server) + strlen(path) >= sizeof url)
		return kz_err(err, KZ_EINVAL, "'%.100s' is not a path of the hall's API", path);
	snprintf(url, sizeof url, "%.1000s%.1000s", r->server, path);
	curl_easy_reset(r->call);
	common_options(r, r->call);
	curl_easy_setopt(r->call, CURLOPT_URL, url);
	curl_easy_setopt(r->call, CURLOPT_TIMEOUT_MS, (long)r->timeout_ms);
	curl_easy_setopt(r->call, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(r->call, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(r->call, CURLOPT_WRITEDATA, b);
	h = curl_slist_append(h, accept);
	if (r->auth[0])
		h = curl_slist_append(h, r->auth);
	if (key != NULL) {
		snprintf(keyh, sizeof keyh, "Idempotency-Key: %.64s", key);
		h = curl_slist_append(h, keyh);
	}
	if (strcmp(method, "POST") == 0) {
		h = curl_slist_append(h, "Content-Type: application/json");
		curl_easy_setopt(r->call, CURLOPT_POST, 1L);
		curl_easy_setopt(r->call, CURLOPT_POSTFIELDS, body ? body : "");
		curl_easy_setopt(r->call, CURLOPT_POSTFIELDSIZE, (long)(body ? strlen(body) : 0));
	} else if (strcmp(method, "GET") != 0) {
		curl_slist_free_all(h);
		return kz_err(err, KZ_EINVAL, "'%.16s' is not GET or POST", method);
	}
	curl_easy_setopt(r->call, CURLOPT_HTTPHEADER, h);
	cc = curl_easy_perform(r->call);
	curl_easy_setopt(r->call, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(h);
	if (cc == CURLE_WRITE_ERROR && b->too_big)
		return kz_err(err, KZ_EINVAL, "the hall's answer to %s is over %u MiB", path,
			ANSWER_MAX >> 20);
	if (cc != CURLE_OK)
		return unreachable(r, cc, errbuf, err);
	curl_easy_getinfo(r->call, CURLINFO_RESPONSE_CODE, &code);
	*status = (int)code;
	return KZ_OK;
}

int
kz_remote_call(struct kz_remote *r, const char *method, const char *path, json_t *body,
	const char *key, int *status, json_t **answer, char *err)
{
	struct buffer b = {0};
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	json_error_t je;
	int rc;

	*status = 0;
	if (answer)
		*answer = NULL;
	if (body && text == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	rc = transfer(r, method, path, text, key, "Accept: application/json", status, &b, err);
	free(text);
	if (rc == KZ_OK && b.len > 0) {
		json_t *j = json_loadb((const char *)b.data, b.len, 0, &je);
		if (j == NULL)
			rc = kz_err(err, KZ_EINVAL,
				"the hall's answer to %s (HTTP %d) is not JSON: is %s kezek-hall?",
				path, *status, r->server);
		else if (answer)
			*answer = j;
		else
			json_decref(j);
	}
	free(b.data);
	return rc;
}

int
kz_remote_fetch(struct kz_remote *r, const char *path, int *status, unsigned char **data,
	size_t *len, char *err)
{
	struct buffer b = {0};
	int rc;

	*status = 0;
	*data = NULL;
	*len = 0;
	rc = transfer(r, "GET", path, NULL, NULL, "Accept: */*", status, &b, err);
	if (rc != KZ_OK) {
		free(b.data);
		return rc;
	}
	*data = b.data ? b.data : calloc(1, 1);
	*len = b.len;
	return *data ? KZ_OK : kz_err(err, KZ_ENOMEM, "out of memory");
}

/* One line of the stream ("event: change", "data: ...", ":" or ""). */
static void
stream_line(struct kz_remote *r, const char *line)
{
	if (strncmp(line, "event:", 6) == 0) {
		line += 6;
		while (*line == ' ')
			line++;
		snprintf(r->event, sizeof r->event, "%s", line);
	} else if (line[0] == '\0') {
		if (strcmp(r->event, "change") == 0)
			r->news = 1;
		r->event[0] = '\0';
	}
}

static size_t
stream_bytes(char *data, size_t size, size_t n, void *arg)
{
	struct kz_remote *r = arg;
	size_t len = size * n;
	long code = 0;

	curl_easy_getinfo(r->stream, CURLINFO_RESPONSE_CODE, &code);
	if (code != 200)
		return len; /* a refusal's body: read, not a stream */
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (c == '\r')
			continue;
		if (c == '\n') {
			r->line[r->linelen] = '\0';
			stream_line(r, r->line);
			r->linelen = 0;
		} else if (r->linelen < sizeof r->line - 1) {
			r->line[r->linelen++] = c;
		}
	}
	return len;
}

/* The status line and headers have come: the stream is up if it is 200. */
static size_t
stream_header(char *data, size_t size, size_t n, void *arg)
{
	struct kz_remote *r = arg;
	size_t len = size * n;
	long code = 0;

	if (len <= 2 && (data[0] == '\r' || data[0] == '\n')) { /* the end of the headers */
		curl_easy_getinfo(r->stream, CURLINFO_RESPONSE_CODE, &code);
		if (code == 200 && r->state == STREAM_CONNECTING) {
			r->state = STREAM_UP;
			r->ever_up = 1;
			r->failed = 0;
			r->news = 1; /* (re)connected: the device reads everything again */
		}
	}
	return len;
}

static int
stream_start(struct kz_remote *r, char *err)
{
	char url[2048];

	stream_stop(r);
	snprintf(url, sizeof url, "%s/api/events", r->server);
	if ((r->stream = curl_easy_init()) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory");
	common_options(r, r->stream);
	curl_easy_setopt(r->stream, CURLOPT_URL, url);
	/* no total time: a stream lasts; a silent one is lost */
	curl_easy_setopt(r->stream, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(r->stream, CURLOPT_LOW_SPEED_TIME, (long)STREAM_SILENT_S);
	curl_easy_setopt(r->stream, CURLOPT_WRITEFUNCTION, stream_bytes);
	curl_easy_setopt(r->stream, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(r->stream, CURLOPT_HEADERFUNCTION, stream_header);
	curl_easy_setopt(r->stream, CURLOPT_HEADERDATA, r);
	r->stream_headers = curl_slist_append(NULL, "Accept: text/event-stream");
	if (r->auth[0])
		r->stream_headers = curl_slist_append(r->stream_headers, r->auth);
	curl_easy_setopt(r->stream, CURLOPT_HTTPHEADER, r->stream_headers);
	curl_easy_setopt(r->stream, CURLOPT_PRIVATE, r);
	if (curl_multi_add_handle(r->multi, r->stream) != CURLM_OK) {
		stream_stop(r);
		return kz_err(err, KZ_ENOMEM, "out of memory");
	}
	r->state = STREAM_CONNECTING;
	r->next_try = mono() + STREAM_RETRY_MS / 1000.0;
	return KZ_OK;
}

/* The stream's transfer ended (it never ends well: the server went away,
 * refused, or fell silent). */
static void
stream_ended(struct kz_remote *r, CURLcode cc)
{
	long code = 0;

	curl_easy_getinfo(r->stream, CURLINFO_RESPONSE_CODE, &code);
	if (cc == CURLE_OK && code != 200 && code != 0)
		snprintf(r->why, sizeof r->why,
			"the hall server %.100s refused the stream (HTTP %ld): %s", r->server, code,
			code == 401 ? "the device was revoked or not enrolled; enrol it again"
				    : "see its log");
	else
		snprintf(r->why, sizeof r->why, "the hall server %.100s cannot be reached: %s",
			r->server,
			cc == CURLE_OK ? "it closed the stream" : curl_easy_strerror(cc));
	stream_stop(r);
	r->state = STREAM_DOWN;
	r->failed = 1;
}

int
kz_remote_stream_poll(struct kz_remote *r, int wait_ms, char *err)
{
	double deadline = mono() + (wait_ms > 0 ? wait_ms : 0) / 1000.0;
	int running, left, rc;

	for (;;) {
		double now = mono();
		CURLMsg *m;
		if (r->state == STREAM_DOWN && now >= r->next_try &&
			(rc = stream_start(r, err)) != KZ_OK)
			return rc;
		if (r->stream)
			curl_multi_perform(r->multi, &running);
		while ((m = curl_multi_info_read(r->multi, &left)) != NULL)
			if (m->msg == CURLMSG_DONE && m->easy_handle == r->stream)
				stream_ended(r, m->data.result);
		if (r->news && r->state == STREAM_UP) {
			r->news = 0;
			return 1;
		}
		now = mono();
		if (now >= deadline) {
			if (r->failed)
				return kz_err(err, KZ_EDEVICE, "%s; the device keeps trying",
					r->why);
			return 0;
		}
		double until = deadline;
		if (r->state == STREAM_DOWN && r->next_try < until)
			until = r->next_try;
		int ms = (int)((until - now) * 1000.0) + 1;
		if (r->stream)
			curl_multi_poll(r->multi, NULL, 0, ms, NULL);
		else {
			struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
			nanosleep(&ts, NULL); /* down: nothing to wait on until the next try */
		}
	}
}

int
kz_remote_stream_connected(const struct kz_remote *r)
{
	return r->state == STREAM_UP;
}
