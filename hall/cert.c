/* cert.c - a self-signed certificate with GnuTLS; see cert.h. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "cert.h"
#include "queue/clock.h"
#include "queue/error.h"

#define YEARS 10

/* Write data to path, new, with mode. */
static int
write_new(const char *path, const gnutls_datum_t *data, mode_t mode, char *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
	ssize_t n;

	if (fd < 0)
		return kz_err(err, errno == EEXIST ? KZ_EREJECT : KZ_EDEVICE,
			"cannot make '%s': %s%s", path, strerror(errno),
			errno == EEXIST ? "; it is kept: remove it first to make a new pair" : "");
	if (fchmod(fd, mode) != 0 ||
		(n = write(fd, data->data, data->size)) != (ssize_t)data->size || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(path);
		return kz_err(err, KZ_EDEVICE, "cannot write '%s': %s", path, strerror(e));
	}
	return close(fd) == 0 ? KZ_OK : kz_err(err, KZ_EDEVICE, "cannot write '%s'", path);
}

/* One subject alternative name: an IP address or a DNS name. */
static int
add_name(gnutls_x509_crt_t crt, const char *name)
{
	unsigned char ip[16];

	if (inet_pton(AF_INET, name, ip) == 1)
		return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, ip, 4,
			GNUTLS_FSAN_APPEND);
	if (inet_pton(AF_INET6, name, ip) == 1)
		return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, ip, 16,
			GNUTLS_FSAN_APPEND);
	return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_DNSNAME, name,
		(unsigned)strlen(name), GNUTLS_FSAN_APPEND);
}

static int
fill(gnutls_x509_crt_t crt, gnutls_x509_privkey_t key, const char *host, const char *const *names,
	int nnames)
{
	time_t now = (time_t)kz_clock_now();
	unsigned char serial[16];
	int rc;

	if ((rc = gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof serial)) < 0)
		return rc;
	serial[0] &= 0x7f; /* a positive number */
	if ((rc = gnutls_x509_crt_set_version(crt, 3)) < 0 ||
		(rc = gnutls_x509_crt_set_serial(crt, serial, sizeof serial)) < 0 ||
		(rc = gnutls_x509_crt_set_activation_time(crt, now - 86400)) < 0 ||
		(rc = gnutls_x509_crt_set_expiration_time(crt, now + YEARS * 365L * 86400)) < 0 ||
		(rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, host,
			 (unsigned)strlen(host))) < 0 ||
		(rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
			 "Kezek hall", 10)) < 0 ||
		(rc = gnutls_x509_crt_set_key(crt, key)) < 0 ||
		(rc = gnutls_x509_crt_set_basic_constraints(crt, 0, -1)) < 0 ||
		(rc = gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
		(rc = gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0 ||
		(rc = add_name(crt, host)) < 0 || (rc = add_name(crt, "localhost")) < 0 ||
		(rc = add_name(crt, "127.0.0.1")) < 0 || (rc = add_name(crt, "::1")) < 0)
		return rc;
	for (int i = 0; i < nnames; i++)
		if ((rc = add_name(crt, names[i])) < 0)
			return rc;
	return gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0);
}

int
hall_make_certificate(const char *dir, const char *const *names, int nnames, char *err)
{
	gnutls_x509_privkey_t key = NULL;
	gnutls_x509_crt_t crt = NULL;
	gnutls_datum_t kpem = {NULL, 0}, cpem = {NULL, 0};
	char host[256] = "localhost", kpath[4096], cpath[4096];
	int rc;

	if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0')
		snprintf(host, sizeof host, "localhost");
	snprintf(kpath, sizeof kpath, "%s/hall.key", dir);
	snprintf(cpath, sizeof cpath, "%s/hall.crt", dir);
	if (access(kpath, F_OK) == 0 || access(cpath, F_OK) == 0)
		return kz_err(err, KZ_EREJECT,
			"'%s' or '%s' is there already; it is kept: remove both to make a new pair",
			cpath, kpath);
	if ((rc = gnutls_x509_privkey_init(&key)) < 0 ||
		(rc = gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA,
			 GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0)) < 0 ||
		(rc = gnutls_x509_crt_init(&crt)) < 0 ||
		(rc = fill(crt, key, host, names, nnames)) < 0 ||
		(rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &kpem)) < 0 ||
		(rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &cpem)) < 0) {
		rc = kz_err(err, KZ_EINVAL,
			"cannot make a certificate: %s (a name given is wrong?)",
			gnutls_strerror(rc));
		goto done;
	}
	if ((rc = write_new(kpath, &kpem, 0600, err)) == KZ_OK &&
		(rc = write_new(cpath, &cpem, 0644, err)) != KZ_OK)
		unlink(kpath);
done:
	if (kpem.data) {
		memset(kpem.data, 0, kpem.size);
		gnutls_free(kpem.data);
	}
	gnutls_free(cpem.data);
	if (crt)
		gnutls_x509_crt_deinit(crt);
	if (key)
		gnutls_x509_privkey_deinit(key);
	return rc;
}
