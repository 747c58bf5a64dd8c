/*
 * hall.h - kezek-hall, the hall's web server: the one process on the hall
 * machine that owns the database for the browsers of the office's network
 * (the clerks' counter pages, the manager's live page).  Its JSON API is
 * the contract docs/hall-api.md describes; every operation
 * calls the same queue/ functions as the kezek command.
 *
 * Start at kz_hall_start (server.c); the one table of what answers which
 * path is routes.c.  One connection to the database serves the requests,
 * one thread of their own watches it for the stream (events.c); each
 * browser connection has a thread, at most HALL_CONNECTIONS of them.
 */
#ifndef KZ_HALL_SERVER_H
#define KZ_HALL_SERVER_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/i18n.h"

#define HALL_CONNECTIONS             256         /* browser connections at once (a thread each) */
#define HALL_CONNECTIONS_PER_ADDRESS 32          /* of them from one address */
#define HALL_BODY_MAX                (64 * 1024) /* bytes of a request body: more is 413 */
#define HALL_SESSIONS                256         /* logged-in browsers at once */

/* N marks an English msgid for the catalogues (tools/po-update.sh); it is
 * translated into the session's language when sent (hall_fail). */
#define N(msgid) (msgid)

struct hall_sessions;
struct hall_route;
struct hall_limits;
struct hall_events;
struct hall_open;

/* What kz_hall_start needs; the caller owns every pointer. */
struct kz_hall_options {
	const struct kz_config *cfg;
	const char *db_path;
	struct kz_i18n *cat;     /* the po/ catalogues (kk, ru) */
	struct kz_calendar *cal; /* the working calendar */
	const char *www;         /* the pages' folder (hall/www) */
	const char *data_dir;    /* Kezek's data: fonts for the reports */
	const char *address;     /* NULL: cfg->server.address */
	int port;                /* -1: cfg->server.port; 0: any free port */
	int watch_ms;            /* how often the stream looks at the database (0: 25) */
	FILE *log;               /* one line per request and refusal; NULL: stderr */
	/* routes looked at before routes.c's (NULL: none): a program embedding
	 * the server, such as a test, serves more paths this way */
	const struct hall_route *extra_routes;
	int nextra_routes;
};

struct kz_hall {
	struct kz_hall_options opt;
	const struct kz_config *cfg;
	struct kz_db *db;        /* the requests' connection, under db_lock */
	pthread_mutex_t db_lock; /* recursive: a device's POST holds it around its handler */
	struct hall_sessions *sessions;
	struct hall_limits *limits;
	struct hall_events *events;
	struct hall_open *open; /* the public feed of waits (open.h) */
	struct MHD_Daemon *daemon;
	int tls;        /* HTTPS */
	int port;       /* the port it listens on */
	char *words[2]; /* GET /api/words answers, kk and ru, made once */
	pthread_mutex_t log_lock;
};

/* Roles, as the session and the route table name them. */
enum hall_role {
	HALL_NOBODY = 0,
	HALL_CLERK = 1 << 0,
	HALL_MANAGER = 1 << 1,
	HALL_ADMIN = 1 << 2,
	/* devices on machines of their own (queue/device.h), proving
	 * themselves with Authorization: Bearer, never a cookie */
	HALL_BOARD = 1 << 3,
	HALL_KIOSK = 1 << 4,
	HALL_PRINTER = 1 << 5,
};

/* Who a request comes from: a copy of its session (session.c). */
struct hall_session {
	char token[65]; /* the cookie's value */
	char csrf[33];  /* X-CSRF-Token every state change carries */
	enum hall_role role;
	int64_t staff_id; /* clerks.id */
	char name[256];
	char position[256];
	int counter;  /* a clerk's counter; 0 for managers */
	char lang[3]; /* "kk" or "ru" */
	/* a device's request (role HALL_BOARD, HALL_KIOSK or HALL_PRINTER):
	 * token and csrf are empty, name is the device's name */
	int64_t device_id;   /* devices.id; 0 for a browser */
	char device_for[64]; /* the kiosk's [kiosk NAME], the printer's [printer NAME]; "" */
};

/* One request on its way through the server. */
struct hall_req {
	struct kz_hall *hall;
	struct MHD_Connection *conn;
	const char *method;
	const char *path;
	char address[64];         /* the browser's IP address */
	json_t *body;             /* a POST's JSON object, NULL for none */
	struct hall_session sess; /* valid when sess.role != HALL_NOBODY */
	const char *lang;         /* the session's, or ?lang=, or staff_lang */
	int status;               /* the answer: status and JSON ... */
	json_t *out;
	struct MHD_Response *resp; /* ... or a whole response of its own */
	int retry_after;           /* seconds, for a 429 or 503 */
	char error[32];            /* the error code sent, for the log */
	char detail[KZ_ERR_LEN];   /* the queue's own message, for the log */
	int visitor;               /* a visitor's phone's route: the connection closes after */
};

/* Start serving on a thread of its own; KZ_OK, or KZ_ECONFIG / KZ_EDB /
 * KZ_EDEVICE (the address cannot be bound) with a message.  A non-loopback
 * address without [server] certificate and key is refused (KZ_ECONFIG). */
int kz_hall_start(const struct kz_hall_options *opt, struct kz_hall **out, char *err);

/* Stop: close every connection, end the streams, free h (NULL is fine). */
void kz_hall_stop(struct kz_hall *h);

/* What a handler answers. */
void hall_ok(struct hall_req *r, json_t *out);
/* An error: status, code ("csrf", "refused" ...) and the message msgid in
 * the session's language; detail (may be NULL) goes only to the log. */
int hall_fail(struct hall_req *r, int status, const char *code, const char *msgid,
	const char *detail);
/* A queue function's refusal rc (with its message in err, for the log)
 * as its HTTP status, said to the clerk as msgid. */
int hall_refuse(struct hall_req *r, int rc, const char *msgid, const char *err);
/* The msgid in the request's language. */
const char *hall_tr(const struct hall_req *r, const char *msgid);

/* The body's string key (NULL if absent or not a string), its integer
 * key (1 and *out; 0 if absent or not an integer). */
const char *hall_body_str(const struct hall_req *r, const char *key);
int hall_body_int(const struct hall_req *r, const char *key, long long *out);

/* "clerk", "manager", "administrator", "board", "kiosk", "printer"; "-". */
const char *hall_role_name(enum hall_role role);

/* 1 if the address (text) is loopback. */
int hall_is_loopback(const char *address);

/* Write the log line of a request (server.c). */
void hall_log(struct kz_hall *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
