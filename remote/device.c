/*
 * device.c - the device file, enrolment, the stored credential and a
 * device program's start; see device.h.  Start at kz_device_conf_load.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ini.h>

#include "device.h"
#include "setup/log.h"

struct reading {
	struct kz_device_conf *conf;
	char folder[KZ_PATH_LEN]; /* the file's folder: relative paths start there */
	char problem[KZ_ERR_LEN]; /* the first one, "" for none */
	int problem_line;
};

/* path as written in the file: relative to the file's folder. */
static int
set_path(const struct reading *rd, const char *value, char *out)
{
	int n = value[0] == '/' || rd->folder[0] == '\0'
		? snprintf(out, KZ_PATH_LEN, "%s", value)
		: snprintf(out, KZ_PATH_LEN, "%s/%s", rd->folder, value);

	return n > 0 && n < KZ_PATH_LEN;
}

static int
on_key(void *user, const char *section, const char *name, const char *value)
{
	struct reading *rd = user;
	int ok = 1;

	if (rd->problem[0])
		return 1;
	if (strcmp(section, "device") != 0) {
		snprintf(rd->problem, sizeof rd->problem,
			"unknown section [%.64s]; the device file has only [device]", section);
	} else if (strcmp(name, "server") == 0) {
		ok = snprintf(rd->conf->server, sizeof rd->conf->server, "%s", value) <
			(int)sizeof rd->conf->server;
		if (ok && strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0)
			snprintf(rd->problem, sizeof rd->problem,
				"server = %.200s is not an address like https://hall.local:8443",
				value);
	} else if (strcmp(name, "credential") == 0) {
		ok = set_path(rd, value, rd->conf->credential);
	} else if (strcmp(name, "ca") == 0) {
		ok = set_path(rd, value, rd->conf->ca);
	} else {
		snprintf(rd->problem, sizeof rd->problem,
			"unknown key '%.64s' in [device]; known keys: server, credential, ca",
			name);
	}
	if (!ok)
		snprintf(rd->problem, sizeof rd->problem, "%s is too long", name);
	return rd->problem[0] == '\0'; /* 0: inih gives the line of the first problem */
}

int
kz_device_conf_load(const char *device_opt, const char *server_opt, struct kz_device_conf *out,
	char *err)
{
	const char *env = getenv(KZ_DEVICE_ENV);
	const char *path = device_opt ? device_opt : env && *env ? env : KZ_DEVICE_ETC;
	struct reading rd = {.conf = out};
	const char *slash;
	FILE *f;
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(out->credential, sizeof out->credential, "%s", KZ_DEVICE_KEY);
	f = fopen(path, "r");
	if (f == NULL && errno == ENOENT && device_opt == NULL && !(env && *env))
		goto server; /* no device file: the hall machine's own programs */
	if (f == NULL)
		return kz_err(err, KZ_ECONFIG,
			"cannot read the device file '%s': %s; give --device FILE (see "
			"config/device.ini)",
			path, strerror(errno));
	if ((slash = strrchr(path, '/')) != NULL)
		snprintf(rd.folder, sizeof rd.folder, "%.*s", (int)(slash - path), path);
	rc = ini_parse_file(f, on_key, &rd);
	fclose(f);
	rd.problem_line = rc;
	if (rc != 0 && !rd.problem[0]) {
		snprintf(rd.problem, sizeof rd.problem,
			rc < 0 ? "cannot be read"
			       : "not a line of the form key = value or [device]");
	}
	if (rd.problem[0])
		return kz_err(err, KZ_ECONFIG, "%s:%d: %s; correct the device file", path,
			rd.problem_line, rd.problem);
server:
	if (server_opt != NULL) {
		if (strncmp(server_opt, "https://", 8) != 0 &&
			strncmp(server_opt, "http://", 7) != 0)
			return kz_err(err, KZ_ECONFIG,
				"--server %.200s is not an address like https://hall.local:8443",
				server_opt);
		snprintf(out->server, sizeof out->server, "%s", server_opt);
	}
	return KZ_OK;
}

/* fsync the folder path is in, so a rename in it survives a power cut. */
static void
sync_folder(const char *path)
{
	char dir[KZ_PATH_LEN];
	const char *slash = strrchr(path, '/');
	int fd;

	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	if (dir[0] == '\0')
		snprintf(dir, sizeof dir, "/");
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Write text to path, readable by this user only, replacing it whole:
 * a crash leaves the old file or the new one, never half of either. */
static int
write_private(const char *path, const char *text, char *err)
{
	char tmp[KZ_PATH_LEN + 16];
	size_t len = strlen(text);
	int fd, ok;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return kz_err(err, KZ_ECONFIG, "the credential path is too long");
	fd = mkstemp(tmp); /* 0600 */
	if (fd < 0)
		return kz_err(err, KZ_ECONFIG,
			"cannot write the credential beside '%s': %s; make its folder, writable "
			"by the device's user only (mkdir -m 700), or set credential = in the "
			"device file",
			path, strerror(errno));
	ok = fchmod(fd, 0600) == 0 && write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return kz_err(err, KZ_ECONFIG, "cannot write the credential '%s': %s", path,
			strerror(e));
	}
	sync_folder(path);
	return KZ_OK;
}

/* kz_device_enrol, refusing to write a credential of a role not want_role
 * (NULL: any); the device's name into got_name (may be NULL). */
static int
enrol(const struct kz_device_conf *conf, const char *name, const char *code, const char *want_role,
	char *role, size_t role_len, char *got_name, size_t name_len, char *err)
{
	struct kz_remote_options o = {.server = conf->server,
		.ca_file = conf->ca[0] ? conf->ca : NULL};
	struct kz_remote *r;
	json_t *body, *answer = NULL;
	const char *cred, *got_role, *message;
	char line[80];
	int status, rc;

	if (role && role_len)
		role[0] = '\0';
	if (conf->server[0] == '\0')
		return kz_err(err, KZ_ECONFIG,
			"enrolment needs the hall server: give --server URL or server = in the "
			"device file");
	if ((rc = kz_remote_open(&o, &r, err)) != KZ_OK)
		return rc;
	body = json_pack("{s:s}", "code", code ? code : "");
	if (name && *name)
		json_object_set_new(body, "name", json_string(name));
	rc = kz_remote_call(r, "POST", "/api/device/enrol", body, NULL, &status, &answer, err);
	json_decref(body);
	kz_remote_close(r);
	if (rc != KZ_OK)
		return rc;
	cred = json_string_value(json_object_get(answer, "credential"));
	got_role = json_string_value(json_object_get(answer, "role"));
	if (status != 200 || cred == NULL || strlen(cred) != 64 || got_role == NULL) {
		message = json_string_value(json_object_get(answer, "message"));
		rc = kz_err(err, status == 200 ? KZ_EINVAL : KZ_EREJECT,
			"the hall refused the enrolment (HTTP %d): %s", status,
			message ? message : "no reason given");
		json_decref(answer);
		return rc;
	}
	if (want_role != NULL && strcmp(got_role, want_role) != 0) {
		rc = kz_err(err, KZ_EREJECT,
			"the code was %s's, a %s, not a %s's; its code is spent: on the hall "
			"machine 'kezek device code %s' makes a new one for its own program, or "
			"add a %s with 'kezek device add NAME --role %s'",
			json_string_value(json_object_get(answer, "name")), got_role, want_role,
			json_string_value(json_object_get(answer, "name")), want_role, want_role);
		json_object_set_new(answer, "credential", json_string(""));
		json_decref(answer);
		return rc;
	}
	snprintf(line, sizeof line, "%s\n", cred);
	rc = write_private(conf->credential, line, err);
	if (got_name && name_len)
		snprintf(got_name, name_len, "%s",
			json_string_value(json_object_get(answer, "name"))
				? json_string_value(json_object_get(answer, "name"))
				: "");
	memset(line, 0, sizeof line);
	if (rc == KZ_OK && role && role_len)
		snprintf(role, role_len, "%s", got_role);
	/* the answer's copy of the credential goes with it */
	json_object_set_new(answer, "credential", json_string(""));
	json_decref(answer);
	return rc;
}

int
kz_device_enrol(const struct kz_device_conf *conf, const char *name, const char *code, char *role,
	size_t role_len, char *err)
{
	return enrol(conf, name, code, NULL, role, role_len, NULL, 0, err);
}

int
kz_device_enrol_main(const char *program, const char *want_role, const char *device_opt,
	const char *server_opt, const char *name, const char *code, FILE *out, FILE *errf)
{
	struct kz_device_conf conf;
	char err[KZ_ERR_LEN], role[16], got[64];
	int rc = kz_device_conf_load(device_opt, server_opt, &conf, err);

	if (rc == KZ_OK)
		rc = enrol(&conf, name, code, want_role, role, sizeof role, got, sizeof got, err);
	if (rc != KZ_OK) {
		fprintf(errf, "%s: %s\n", program, err);
		return 3;
	}
	fprintf(out, "%s: enrolled as %s %s; its credential is in %s\n", program, role, got,
		conf.credential);
	return 0;
}

/* The stored credential into cred (65 bytes). */
static int
read_credential(const char *path, char cred[65], char *err)
{
	char buf[130] = "";
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return kz_err(err, KZ_ECONFIG,
			"no credential at '%s' (%s): enrol the device first with --enrol CODE (the "
			"code from 'kezek device add' on the hall machine)",
			path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
		(st.st_mode & 077) != 0) {
		close(fd);
		return kz_err(err, KZ_ECONFIG,
			"the credential '%s' can be read by others or is not this user's own file; "
			"refused: chmod 600 it and chown it to the device's user, or enrol again "
			"(--enrol CODE) after 'kezek device code NAME'",
			path);
	}
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	buf[strcspn(buf, " \t\r\n")] = '\0';
	if (strlen(buf) != 64 || strspn(buf, "0123456789abcdef") != 64) {
		memset(buf, 0, sizeof buf);
		return kz_err(err, KZ_ECONFIG,
			"'%s' holds no credential; enrol the device again with --enrol CODE", path);
	}
	memcpy(cred, buf, 65);
	memset(buf, 0, sizeof buf);
	return KZ_OK;
}

int
kz_device_connect(const struct kz_device_conf *conf, struct kz_remote **out, char *err)
{
	struct kz_remote_options o = {.server = conf->server,
		.ca_file = conf->ca[0] ? conf->ca : NULL};
	char cred[65];
	int rc;

	*out = NULL;
	if (conf->server[0] == '\0')
		return kz_err(err, KZ_ECONFIG,
			"no hall server: give --server URL or server = in the device file");
	if ((rc = read_credential(conf->credential, cred, err)) != KZ_OK)
		return rc;
	o.credential = cred;
	rc = kz_remote_open(&o, out, err);
	memset(cred, 0, sizeof cred);
	return rc;
}

int
kz_device_hall_config(const struct kz_device_conf *conf, struct kz_remote *r, char *path,
	size_t len, char *err)
{
	size_t base = strlen(conf->credential);
	unsigned char *data = NULL;
	size_t n = 0;
	char *text;
	int status = 0, rc;

	/* device.key -> device.hall.ini: one copy per credential, never a hall's own hall.ini */
	if (base > 4 && strcmp(conf->credential + base - 4, ".key") == 0)
		base -= 4;
	if (snprintf(path, len, "%.*s%s", (int)base, conf->credential, KZ_DEVICE_HALL_COPY) >=
		(int)len)
		return kz_err(err, KZ_ECONFIG, "the credential's path is too long");
	rc = kz_remote_fetch(r, "/api/device/config", &status, &data, &n, err);
	if (rc == KZ_OK && status == 200) {
		if ((text = malloc(n + 1)) == NULL) {
			free(data);
			return kz_err(err, KZ_ENOMEM, "out of memory");
		}
		memcpy(text, data, n);
		text[n] = '\0';
		rc = write_private(path, text, err);
		free(text);
		free(data);
		return rc;
	}
	free(data);
	if (access(path, R_OK) == 0)
		return KZ_OK; /* the copy of last time: the device starts while the hall is away */
	if (rc == KZ_OK)
		rc = kz_err(err, KZ_EREJECT,
			"the hall server refused this device its configuration (HTTP %d); enrol it "
			"again",
			status);
	return rc;
}

/* Sleep ms in short naps, so a stop is obeyed at once. */
static void
nap(int ms, const volatile sig_atomic_t *stop)
{
	struct timespec t = {0, 0};

	for (; ms > 0 && !*stop; ms -= 100) {
		t.tv_nsec = (ms < 100 ? ms : 100) * 1000000L;
		nanosleep(&t, NULL);
	}
}

/* The hall's configuration into path, asked again while the hall does not
 * answer (s->wait_min_ms > 0), each new fault said once. */
static int
hall_config(const struct kz_device_start *s, const struct kz_device_conf *dc, struct kz_remote *r,
	char *path, size_t len, char *err)
{
	char last[KZ_ERR_LEN] = "";
	int rc, wait = s->wait_min_ms;

	while ((rc = kz_device_hall_config(dc, r, path, len, err)) == KZ_EDEVICE && wait > 0 &&
		!*s->stop) {
		if (strcmp(last, err) != 0)
			kz_log(KZ_LOG_WARNING, "%s", err);
		snprintf(last, sizeof last, "%s", err);
		nap(wait, s->stop);
		wait = wait * 2 > s->wait_max_ms ? s->wait_max_ms : wait * 2;
	}
	if (rc != KZ_OK && s->stop && *s->stop)
		return kz_err(err, KZ_EDEVICE, "stopped while waiting for the hall");
	return rc;
}

int
kz_device_start(const struct kz_device_start *s, struct kz_device_conf *conf,
	struct kz_remote **remote, char *path, size_t len)
{
	struct kz_device_conf own, *dc = conf ? conf : &own;
	char err[KZ_ERR_LEN];
	int rc;

	*remote = NULL;
	if (s->enrol != NULL)
		return kz_device_enrol_main(s->program, s->role, s->device, s->server, s->name,
			s->enrol, stdout, stderr);
	if ((rc = kz_device_conf_load(s->device, s->server, dc, err)) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		return 3;
	}
	if (dc->server[0] == '\0')
		return -1;
	if ((rc = kz_device_connect(dc, remote, err)) != KZ_OK ||
		(rc = hall_config(s, dc, *remote, path, len, err)) != KZ_OK) {
		kz_log(KZ_LOG_ERR, "%s", err);
		kz_remote_close(*remote);
		*remote = NULL;
		return 3;
	}
	return -1;
}
