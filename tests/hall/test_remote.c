/*
 * test_remote.c - a device's client (remote/) against a real kezek-hall
 * over HTTPS with the hall's certificate pinned: enrolment, the stored
 * credential, idempotent state changes (a repeat gets the kept answer and
 * changes nothing; a server killed between a change and its answer kept
 * neither), the change stream through the server's death and return, and
 * a silent server that never hangs a call.
 *
 * The server is this program run again as `test_remote --serve DIR PORT`:
 * kz_hall_start (the library of kezek-hall) with two routes of its own
 * for a kiosk, POST /api/test/issue (a ticket of service A, or of the
 * body's "service") and POST /api/test/crash (the same, then the process
 * dies before its answer, once: while DIR/crash exists).
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "hall/routes.h"
#include "queue/clock.h"
#include "queue/ticket.h"
#include "remote/client.h"
#include "remote/device.h"
#include "setup/setup.h"

extern char **environ;

static char dir[256];
static char self[1024];
static int port;
static pid_t server = -1;
static char url[128];

/* ---- the server side ---- */

static int
issue(struct hall_req *r, int crash)
{
	const char *service = hall_body_str(r, "service");
	struct kz_ticket t;
	char err[KZ_ERR_LEN], path[300];
	int rc;

	pthread_mutex_lock(&r->hall->db_lock);
	rc = kz_ticket_issue(r->hall->db, r->hall->opt.cal, service ? service : "A", &t, err);
	pthread_mutex_unlock(&r->hall->db_lock);
	if (rc != KZ_OK)
		return hall_refuse(r, rc, "refused", err);
	snprintf(path, sizeof path, "%s/crash", dir);
	if (crash && unlink(path) == 0)
		_exit(9); /* the change made, its answer never sent nor kept */
	hall_ok(r, json_pack("{s:s, s:s}", "ticket", t.number, "by", r->sess.name));
	return KZ_OK;
}

static int
test_issue_route(struct hall_req *r)
{
	return issue(r, 0);
}

static int
test_crash_route(struct hall_req *r)
{
	return issue(r, 1);
}

static const struct hall_route test_routes[] = {
	{"POST", "/api/test/issue", 0, HALL_KIOSK, test_issue_route},
	{"POST", "/api/test/crash", 0, HALL_KIOSK, test_crash_route},
};

static int
serve(int p)
{
	static struct kz_config cfg;
	struct kz_setup setup;
	struct kz_i18n *cat = NULL;
	struct kz_calendar *cal = NULL;
	struct kz_hall *h = NULL;
	char err[KZ_ERR_LEN], config[300], db[300];
	sigset_t stop;
	int sig;

	snprintf(config, sizeof config, "%s/hall.ini", dir);
	snprintf(db, sizeof db, "%s/hall.db", dir);
	if (kz_setup_load(&setup, config, KZ_SOURCE_DIR, &cfg, err) != KZ_OK ||
		kz_clock_setup(cfg.timezone, "2026-03-20T10:00", err) != KZ_OK ||
		kz_cal_load(cfg.holidays, &cfg.hours, &cal, err) != KZ_OK ||
		kz_setup_translations(&setup, &cat, err) != KZ_OK) {
		fprintf(stderr, "serve: %s\n", err);
		return 3;
	}
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct kz_hall_options opt = {.cfg = &cfg,
		.db_path = db,
		.cat = cat,
		.cal = cal,
		.www = KZ_SOURCE_DIR "/tests/hall/www",
		.data_dir = KZ_SOURCE_DIR,
		.address = "127.0.0.1",
		.port = p,
		.extra_routes = test_routes,
		.nextra_routes = 2};
	if (kz_hall_start(&opt, &h, err) != KZ_OK) {
		fprintf(stderr, "serve: %s\n", err);
		return 3;
	}
	printf("port %d\n", h->port);
	fflush(stdout);
	sigwait(&stop, &sig);
	kz_hall_stop(h);
	kz_i18n_use(NULL);
	kz_i18n_free(cat);
	kz_cal_free(cal);
	return 0;
}

/* ---- the test's side ---- */

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
pause_ms(int ms)
{
	struct timespec ts = {0, ms * 1000000L};

	nanosleep(&ts, NULL);
}

static int
sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	return system(cmd);
}

static int
port_said(void)
{
	char path[300], line[64] = "";
	int p = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/server.out", dir);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(line, sizeof line, f) && sscanf(line, "port %d", &p) != 1)
		p = 0;
	fclose(f);
	return p;
}

/* Start the server on port p (0: any), and wait (30 s at most) until it
 * says where it listens. */
static void
start_server(int p)
{
	char portarg[16], out[300], log[300];
	char *argv[] = {self, "--serve", dir, portarg, NULL};
	posix_spawn_file_actions_t fa;
	double end = mono() + 30;

	snprintf(portarg, sizeof portarg, "%d", p);
	snprintf(out, sizeof out, "%s/server.out", dir);
	snprintf(log, sizeof log, "%s/server.log", dir);
	unlink(out);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0600);
	assert_int_equal(posix_spawn(&server, self, &fa, NULL, argv, environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	while (port_said() == 0) {
		if (mono() > end)
			fail_msg("the server did not start: see %s", log);
		pause_ms(20);
	}
	port = port_said();
	snprintf(url, sizeof url, "https://127.0.0.1:%d", port);
}

/* Kill the server at once (no goodbye), and reap it. */
static int
kill_server(void)
{
	int status = 0;

	if (server > 0) {
		kill(server, SIGKILL);
		waitpid(server, &status, 0);
	}
	server = -1;
	return status;
}

static int64_t
tickets(void)
{
	char path[300];
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	snprintf(path, sizeof path, "%s/hall.db", dir);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM tickets", -1, &st, NULL),
		SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The code `kezek device add` printed into code. */
static void
add_device(const char *name, const char *role, char code[32])
{
	char path[300];
	FILE *f;

	snprintf(path, sizeof path, "%s/code", dir);
	assert_int_equal(sh("'%s' device add %s --role %s >'%s/add.out' && grep -o "
			    "'[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}' "
			    "'%s/add.out' | head -1 >'%s'",
				 getenv("KEZEK_BIN"), name, role, dir, dir, path),
		0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(code, 32, f));
	code[strcspn(code, "\n")] = '\0';
	fclose(f);
	assert_int_equal(strlen(code), 19);
}

static struct kz_device_conf conf;

static int
group_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/kezek-remote-XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(sh("cp -r '%s/config/.' '%s/'", KZ_SOURCE_DIR, dir), 0);
	char v[400];
	snprintf(v, sizeof v, "%s/hall.ini", dir);
	setenv("KEZEK_CONFIG", v, 1);
	snprintf(v, sizeof v, "%s/hall.db", dir);
	setenv("KEZEK_DB", v, 1);
	setenv("KEZEK_NOW", "2026-03-20T10:00", 1);
	setenv("KEZEK_LANG", "en", 1);
	assert_int_equal(sh("'%s' init >/dev/null", getenv("KEZEK_BIN")), 0);
	assert_int_equal(sh("'%s' --make-certificate '%s' >/dev/null", getenv("KEZEK_HALL"), dir),
		0);
	assert_int_equal(sh("sed -i '/^\\[server\\]/a certificate = hall.crt\\nkey = hall.key' "
			    "'%s/hall.ini'",
				 dir),
		0);
	mkdir(strcat(strcpy(v, dir), "/device"), 0700);
	snprintf(conf.credential, sizeof conf.credential, "%s/device/device.key", dir);
	snprintf(conf.ca, sizeof conf.ca, "%s/hall.crt", dir);
	start_server(0);
	snprintf(conf.server, sizeof conf.server, "%s", url);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	kill_server();
	sh("rm -rf '%s'", dir);
	return 0;
}

static void
device_file(void **state)
{
	struct kz_device_conf c;
	char path[300], err[KZ_ERR_LEN] = "";
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/device.ini", dir);
	f = fopen(path, "w");
	fprintf(f,
		"; a kiosk\n[device]\nserver = https://hall.local:8443\ncredential = k/key\n"
		"ca = /etc/kezek/hall.crt\n");
	fclose(f);
	assert_int_equal(kz_device_conf_load(path, NULL, &c, err), KZ_OK);
	assert_string_equal(c.server, "https://hall.local:8443");
	assert_string_equal(c.ca, "/etc/kezek/hall.crt");
	assert_non_null(strstr(c.credential, "/k/key"));
	assert_int_equal(c.credential[0], '/');
	assert_int_equal(kz_device_conf_load(path, "http://127.0.0.1:1", &c, err), KZ_OK);
	assert_string_equal(c.server, "http://127.0.0.1:1");
	f = fopen(path, "w");
	fprintf(f, "[device]\nserver = https://h\nsecret = 1\n");
	fclose(f);
	assert_int_equal(kz_device_conf_load(path, NULL, &c, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "device.ini:3: unknown key 'secret'"));
	assert_int_equal(kz_device_conf_load("/nonexistent/device.ini", NULL, &c, err), KZ_ECONFIG);
}

static void
enrol_and_credential(void **state)
{
	char code[32], role[16], err[KZ_ERR_LEN] = "";
	struct kz_remote *r;
	struct stat st;

	(void)state;
	/* no credential yet */
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "--enrol"));
	add_device("kiosk-1", "kiosk", code);
	assert_int_equal(kz_device_enrol(&conf, "kiosk-1", "AAAA-AAAA-AAAA-AAAA", role, sizeof role,
				 err),
		KZ_EREJECT);
	assert_non_null(strstr(err, "401"));
	assert_int_equal(stat(conf.credential, &st), -1);
	assert_int_equal(kz_device_enrol(&conf, "kiosk-1", code, role, sizeof role, err), KZ_OK);
	assert_string_equal(role, "kiosk");
	assert_int_equal(stat(conf.credential, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* spent */
	assert_int_equal(kz_device_enrol(&conf, "kiosk-1", code, role, sizeof role, err),
		KZ_EREJECT);
	/* a credential others can read is refused */
	chmod(conf.credential, 0644);
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "read by others"));
	chmod(conf.credential, 0600);
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_OK);
	kz_remote_close(r);
}

static void
pinned_certificate(void **state)
{
	struct kz_device_conf other = conf;
	struct kz_remote *r;
	json_t *a = NULL;
	char err[KZ_ERR_LEN] = "";
	int status;

	(void)state;
	/* the system's authorities do not know the hall's certificate */
	other.ca[0] = '\0';
	assert_int_equal(kz_device_connect(&other, &r, err), KZ_OK);
	assert_int_equal(kz_remote_call(r, "GET", "/api/words?lang=kk", NULL, NULL, &status, &a,
				 err),
		KZ_EDEVICE);
	assert_non_null(strstr(err, "certificate"));
	kz_remote_close(r);
	/* nor one made for another hall */
	assert_int_equal(sh("mkdir -p '%s/other' && '%s' --make-certificate '%s/other' >/dev/null",
				 dir, getenv("KEZEK_HALL"), dir),
		0);
	snprintf(other.ca, sizeof other.ca, "%s/other/hall.crt", dir);
	assert_int_equal(kz_device_connect(&other, &r, err), KZ_OK);
	assert_int_equal(kz_remote_call(r, "GET", "/api/words?lang=kk", NULL, NULL, &status, &a,
				 err),
		KZ_EDEVICE);
	kz_remote_close(r);
}

static void
configuration(void **state)
{
	struct kz_remote *r;
	char err[KZ_ERR_LEN] = "", path[KZ_PATH_LEN];
	unsigned char *data;
	size_t len;
	int status;

	(void)state;
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_OK);
	assert_int_equal(kz_remote_fetch(r, "/api/device/config", &status, &data, &len, err),
		KZ_OK);
	assert_int_equal(status, 200);
	assert_non_null(strstr((char *)data, "[hall]"));
	assert_null(strstr((char *)data, "[server]"));
	assert_null(strstr((char *)data, "[region]"));
	free(data);
	assert_int_equal(kz_device_hall_config(&conf, r, path, sizeof path, err), KZ_OK);
	assert_int_equal(access(path, R_OK), 0);
	assert_non_null(strstr(path, "/device/device.hall.ini"));
	/* the server away: the copy of last time */
	kill_server();
	assert_int_equal(kz_device_hall_config(&conf, r, path, sizeof path, err), KZ_OK);
	start_server(port);
	kz_remote_close(r);
}

static void
idempotent(void **state)
{
	struct kz_remote *r;
	json_t *a = NULL, *b = NULL, *body;
	char err[KZ_ERR_LEN] = "", key[33];
	int status;
	int64_t before = tickets();

	(void)state;
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_OK);
	/* no key: refused */
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, NULL, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 400);
	assert_string_equal(json_string_value(json_object_get(a, "error")), "idempotency");
	json_decref(a);
	assert_int_equal(tickets(), before);
	/* once, then again with the same key: the same answer, one ticket */
	kz_remote_new_key(key);
	assert_int_equal(strlen(key), 32);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 200);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, key, &status, &b, err),
		KZ_OK);
	assert_int_equal(status, 200);
	assert_true(json_equal(a, b));
	assert_string_equal(json_string_value(json_object_get(a, "by")), "kiosk-1");
	assert_int_equal(tickets(), before + 1);
	json_decref(a);
	json_decref(b);
	/* the same key on another path */
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/crash", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 409);
	json_decref(a);
	/* refused: nothing kept, and the same key is judged afresh */
	kz_remote_new_key(key);
	body = json_pack("{s:s}", "service", "NOSUCH");
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", body, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 404);
	json_decref(a);
	json_decref(body);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 200);
	json_decref(a);
	assert_int_equal(tickets(), before + 2);
	kz_remote_close(r);
}

/* A board or print service on a kiosk's route: refused for its role,
 * before any key is looked at; nothing changes. */
static void
only_its_role(void **state)
{
	struct kz_device_conf other = conf;
	struct kz_remote *r;
	json_t *a = NULL;
	char err[KZ_ERR_LEN] = "", code[32], role[16], key[33];
	int status;
	int64_t before = tickets();

	(void)state;
	add_device("board-1", "board", code);
	snprintf(other.credential, sizeof other.credential, "%s/device/board.key", dir);
	assert_int_equal(kz_device_enrol(&other, NULL, code, role, sizeof role, err), KZ_OK);
	assert_string_equal(role, "board");
	assert_int_equal(kz_device_connect(&other, &r, err), KZ_OK);
	kz_remote_new_key(key);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 403);
	assert_string_equal(json_string_value(json_object_get(a, "error")), "role");
	json_decref(a);
	assert_int_equal(tickets(), before);
	/* a board reads */
	assert_int_equal(kz_remote_call(r, "GET", "/api/words?lang=ru", NULL, NULL, &status, &a,
				 err),
		KZ_OK);
	assert_int_equal(status, 200);
	json_decref(a);
	kz_remote_close(r);
}

/* A program's --enrol: the device file and --server read, the code
 * exchanged, said; a code of another role's refused, no credential kept. */
static void
enrol_main(void **state)
{
	char code[32], ini[300], key[300], out[300], errs[300], text[600] = "";
	FILE *f, *o, *e;

	(void)state;
	snprintf(ini, sizeof ini, "%s/printer.ini", dir);
	snprintf(key, sizeof key, "%s/device/printer.key", dir);
	snprintf(out, sizeof out, "%s/enrol.out", dir);
	snprintf(errs, sizeof errs, "%s/enrol.err", dir);
	f = fopen(ini, "w");
	fprintf(f, "[device]\ncredential = device/printer.key\nca = hall.crt\n");
	fclose(f);
	add_device("printer-1", "printer --for kiosk-1", code);
	o = fopen(out, "w");
	e = fopen(errs, "w");
	assert_int_equal(kz_device_enrol_main("kezek-display", "board", ini, url, NULL, code, o, e),
		3);
	fclose(o);
	fclose(e);
	assert_int_equal(access(key, F_OK), -1);
	f = fopen(errs, "r");
	assert_non_null(fgets(text, sizeof text, f));
	fclose(f);
	assert_non_null(strstr(text, "kezek-display: the code was printer-1's, a printer"));
	assert_int_equal(sh("'%s' device code printer-1 >'%s/add.out' && grep -o "
			    "'[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}-[0-9A-Z]\\{4\\}' "
			    "'%s/add.out' | head -1 >'%s/code'",
				 getenv("KEZEK_BIN"), dir, dir, dir),
		0);
	snprintf(text, sizeof text, "%s/code", dir);
	f = fopen(text, "r");
	assert_non_null(fgets(code, sizeof code, f));
	fclose(f);
	code[strcspn(code, "\n")] = '\0';
	o = fopen(out, "w");
	e = fopen(errs, "w");
	assert_int_equal(kz_device_enrol_main("kezek-printd", "printer", ini, url, NULL, code, o,
				 e),
		0);
	fclose(o);
	fclose(e);
	f = fopen(out, "r");
	assert_non_null(fgets(text, sizeof text, f));
	fclose(f);
	assert_non_null(strstr(text,
		"kezek-printd: enrolled as printer printer-1; its credential "
		"is in"));
	assert_int_equal(access(key, R_OK), 0);
}

/* The server dies after the change and before the answer: the client
 * hears nothing (KZ_EDEVICE), the change was not kept either, and the
 * same request with the same key after the restart does it once. */
static void
killed_before_answer(void **state)
{
	struct kz_remote *r;
	json_t *a = NULL;
	char err[KZ_ERR_LEN] = "", key[33], path[300];
	int status;
	int64_t before = tickets();

	(void)state;
	snprintf(path, sizeof path, "%s/crash", dir);
	fclose(fopen(path, "w"));
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_OK);
	kz_remote_new_key(key);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/crash", NULL, key, &status, &a, err),
		KZ_EDEVICE);
	assert_true(WIFEXITED(kill_server()));
	assert_int_equal(tickets(), before);
	start_server(port);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/crash", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 200);
	json_decref(a);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/crash", NULL, key, &status, &a, err),
		KZ_OK);
	assert_int_equal(status, 200);
	json_decref(a);
	assert_int_equal(tickets(), before + 1);
	kz_remote_close(r);
}

/* Poll the stream until it answers want (1 or KZ_EDEVICE), 30 s at most. */
static void
stream_until(struct kz_remote *r, int want, const char *what)
{
	double end = mono() + 30;
	char err[KZ_ERR_LEN] = "";
	int got;

	while ((got = kz_remote_stream_poll(r, 200, err)) != want)
		if (mono() > end)
			fail_msg("%s: the stream answered %d, not %d (%s)", what, got, want, err);
}

static void
stream_through_a_restart(void **state)
{
	struct kz_remote *r;
	json_t *a = NULL;
	char err[KZ_ERR_LEN] = "", key[33];
	int status;

	(void)state;
	assert_int_equal(kz_device_connect(&conf, &r, err), KZ_OK);
	stream_until(r, 1, "connected");
	assert_true(kz_remote_stream_connected(r));
	/* settle: whatever the connection brought, then nothing */
	while (kz_remote_stream_poll(r, 300, err) == 1)
		;
	kz_remote_new_key(key);
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, key, &status, &a, err),
		KZ_OK);
	json_decref(a);
	stream_until(r, 1, "a change");

	kill_server();
	stream_until(r, KZ_EDEVICE, "the server killed");
	assert_false(kz_remote_stream_connected(r));
	/* still down: each poll says so, none hangs */
	double t0 = mono();
	assert_int_equal(kz_remote_stream_poll(r, 300, err), KZ_EDEVICE);
	assert_true(mono() - t0 < 5);
	assert_non_null(strstr(err, "cannot be reached"));

	start_server(port);
	stream_until(r, 1, "reconnected");
	assert_true(kz_remote_stream_connected(r));
	kz_remote_close(r);
}

/* A server that takes the connection and says nothing: every call ends
 * within its timeout. */
static void
silent_server_times_out(void **state)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof sa;
	struct kz_remote_options o = {.timeout_ms = 500};
	struct kz_remote *r;
	json_t *a = NULL;
	char err[KZ_ERR_LEN] = "", where[64];
	int s = socket(AF_INET, SOCK_STREAM, 0), status;
	double t0;

	(void)state;
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(s, 8), 0);
	getsockname(s, (struct sockaddr *)&sa, &len);
	snprintf(where, sizeof where, "http://127.0.0.1:%d", ntohs(sa.sin_port));
	o.server = where;
	assert_int_equal(kz_remote_open(&o, &r, err), KZ_OK);
	t0 = mono();
	assert_int_equal(kz_remote_call(r, "GET", "/api/words", NULL, NULL, &status, &a, err),
		KZ_EDEVICE);
	assert_true(mono() - t0 < 5);
	t0 = mono();
	assert_int_equal(kz_remote_call(r, "POST", "/api/test/issue", NULL, "k0123456789abcdef",
				 &status, &a, err),
		KZ_EDEVICE);
	assert_true(mono() - t0 < 5);
	t0 = mono();
	assert_int_not_equal(kz_remote_stream_poll(r, 300, err), 1);
	assert_true(mono() - t0 < 5);
	kz_remote_close(r);
	close(s);
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--serve") == 0) {
		snprintf(dir, sizeof dir, "%s", argv[2]);
		return serve(atoi(argv[3]));
	}
	if (getenv("KEZEK_BIN") == NULL || getenv("KEZEK_HALL") == NULL) {
		fprintf(stderr, "set KEZEK_BIN and KEZEK_HALL\n");
		return 77;
	}
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	assert_true(n > 0);
	self[n] = '\0';
	signal(SIGPIPE, SIG_IGN);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(device_file),
		cmocka_unit_test(enrol_and_credential),
		cmocka_unit_test(pinned_certificate),
		cmocka_unit_test(configuration),
		cmocka_unit_test(idempotent),
		cmocka_unit_test(only_its_role),
		cmocka_unit_test(enrol_main),
		cmocka_unit_test(killed_before_answer),
		cmocka_unit_test(stream_through_a_restart),
		cmocka_unit_test(silent_server_times_out),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
