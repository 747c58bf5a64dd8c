/*
 * device.h - a device's own small configuration: where its hall server is
 * and which credential it proves itself with.  The board, the kiosk and
 * the print service run in one of two ways from one code path each:
 * against the database on the hall machine (no server given), or against
 * kezek-hall (--server URL, or server = in the device file).
 *
 * The device file (--device FILE, else KEZEK_DEVICE, else
 * /etc/kezek/device.ini), all keys optional:
 *
 *   [device]
 *   server = https://hall.local:8443
 *   credential = /var/lib/kezek/device.key   ; mode 0600, the device's user
 *   ca = /etc/kezek/hall.crt                 ; the hall's certificate
 *
 * Enrolment: an administrator runs `kezek device add NAME --role ROLE` on
 * the hall machine, which prints a one-time code; on the device
 * `kezek-kiosk --server URL --enrol CODE` (the same for kezek-display and
 * kezek-printd) exchanges it for the credential, written to the credential
 * file readable by its user only, and exits.
 *
 * Relative paths in the device file are taken from the file's folder.  A
 * credential file that others can read (or that is not the user's own) is
 * refused, as a leaked one must be revoked: 'kezek device revoke NAME'.
 */
#ifndef KZ_REMOTE_DEVICE_H
#define KZ_REMOTE_DEVICE_H

#include <signal.h>
#include <stdio.h>

#include "queue/config.h"
#include "remote/client.h"

#define KZ_DEVICE_ENV "KEZEK_DEVICE"
#define KZ_DEVICE_ETC "/etc/kezek/device.ini"
#define KZ_DEVICE_KEY "/var/lib/kezek/device.key" /* credential = when the file names none */
#define KZ_DEVICE_HALL_COPY                                                                        \
	".hall.ini" /* device.key -> device.hall.ini: the hall's configuration */

struct kz_device_conf {
	char server[KZ_PATH_LEN];     /* "" : run against the local database */
	char credential[KZ_PATH_LEN]; /* the credential file */
	char ca[KZ_PATH_LEN];         /* "" : the system's authorities */
};

/* Read the device file (device_opt: --device, or NULL) and let server_opt
 * (--server, or NULL) override its server.  A missing default file is no
 * error (local mode).  KZ_ECONFIG with "FILE:LINE: what; what to do". */
int kz_device_conf_load(const char *device_opt, const char *server_opt, struct kz_device_conf *out,
	char *err);

/* Exchange an enrolment code for the credential and write it to
 * conf->credential (0600, replaced atomically).  *role gets the role the
 * server gave ("board", "kiosk", "printer").  KZ_EDEVICE when the server
 * cannot be reached, KZ_EREJECT for a code refused (spent, expired, wrong). */
int kz_device_enrol(const struct kz_device_conf *conf, const char *name, const char *code,
	char *role, size_t role_len, char *err);

/* What a device program's --enrol CODE does, the same in each: read the
 * device file (device_opt: --device, or NULL; server_opt: --server, or
 * NULL), exchange code (name: the device's name, or NULL: the code finds
 * it) for the credential, and say on out "PROGRAM: enrolled as ROLE NAME;
 * its credential is in FILE".  want_role ("board", "kiosk", "printer";
 * NULL: any) the program's own: a code of another role is refused after
 * the exchange (the code is spent: 'kezek device code NAME' makes a new
 * one), the credential not written.  The exit code: 0, or 3 with the
 * message on errf ("PROGRAM: ..."). */
int kz_device_enrol_main(const char *program, const char *want_role, const char *device_opt,
	const char *server_opt, const char *name, const char *code, FILE *out, FILE *errf);

/* Open a client to conf->server with the stored credential.  KZ_ECONFIG
 * naming the file and `--enrol` when there is no credential, or a file
 * others can read. */
int kz_device_connect(const struct kz_device_conf *conf, struct kz_remote **out, char *err);

/* The hall's configuration for this device (GET /api/device/config: the
 * hall.ini without [server] and [region]), kept beside the credential,
 * named after it (device.key: device.hall.ini); path (len bytes) gets that
 * file, to load with kz_config_load.  When the server cannot be reached, the copy kept last
 * time is taken (KZ_OK); KZ_EDEVICE / KZ_EREJECT when there is none. */
int kz_device_hall_config(const struct kz_device_conf *conf, struct kz_remote *r, char *path,
	size_t len, char *err);

/* How a device program starts (kz_device_start): its name, its role and
 * its options. */
struct kz_device_start {
	const char *program; /* "kezek-display": the enrolment's lines start so */
	const char *role;    /* "board", "kiosk", "printer": the codes it takes */
	const char *device;  /* --device FILE, --server URL: NULL when not given */
	const char *server;
	const char *enrol; /* --enrol CODE: NULL to start */
	const char *name;  /* with enrol: the device's name (NULL: the code's) */
	/* A hall that does not answer, with no copy of its configuration kept:
	 * 0 gives up at once; else it is asked again after wait_min_ms, the
	 * wait doubling up to wait_max_ms, until *stop is set. */
	int wait_min_ms, wait_max_ms;
	const volatile sig_atomic_t *stop; /* a signal's; NULL: none */
};

/* What each device program does first.  With s->enrol, what
 * kz_device_enrol_main does (its exit code).  Else the device file, into
 * conf (NULL: not wanted): with no hall server in it, *remote stays NULL
 * (the hall machine's own); with one, *remote is connected and path (len
 * bytes) names the hall's configuration (kz_device_hall_config).  Returns
 * -1 to go on, or 3 with the fault logged (kz_log; "stopped while waiting
 * for the hall" when *stop ended it). */
int kz_device_start(const struct kz_device_start *s, struct kz_device_conf *conf,
	struct kz_remote **remote, char *path, size_t len);

#endif
