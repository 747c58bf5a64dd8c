/* hallconf.c - the hall's configuration fetched and kept on a device; see
 * hallconf.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hallconf.h"
#include "queue/error.h"

static int
keep(const char *path, const unsigned char *data, size_t len, char *err)
{
	char tmp[KZ_PATH_LEN + 8];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s.new", path);
	if ((f = fopen(tmp, "w")) == NULL)
		return kz_err(err, KZ_ECONFIG,
			"%s: %s; the hall's configuration is kept beside the device's "
			"credential: make that folder writable by the device's user",
			tmp, strerror(errno));
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		fclose(f);
		unlink(tmp);
		return kz_err(err, KZ_ECONFIG, "%s: %s; is the disk full?", tmp, strerror(errno));
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return kz_err(err, KZ_ECONFIG, "%s: %s", path, strerror(errno));
	}
	return KZ_OK;
}

int
kz_device_hall_config(const struct kz_device_conf *conf, struct kz_remote *r, char *path,
	size_t len, char *err)
{
	const char *slash = strrchr(conf->credential, '/');
	unsigned char *data = NULL;
	size_t n = 0;
	struct stat st;
	char why[KZ_ERR_LEN];
	int status = 0, rc;

	if (slash == NULL)
		snprintf(path, len, "hall.ini");
	else
		snprintf(path, len, "%.*s/hall.ini", (int)(slash - conf->credential),
			conf->credential);
	rc = kz_remote_fetch(r, "/api/device/config", &status, &data, &n, err);
	if (rc == KZ_OK && status == 200) {
		rc = keep(path, data, n, err);
		free(data);
		return rc;
	}
	free(data);
	if (rc == KZ_OK)
		rc = kz_err(err, KZ_EDEVICE, "the hall server answered %d for the configuration",
			status);
	snprintf(why, sizeof why, "%s", err);
	if (stat(path, &st) == 0) {
		fprintf(stderr, "warning: %s; starting with the copy kept in %s\n", why, path);
		return KZ_OK;
	}
	return kz_err(err, KZ_EDEVICE,
		"%s, and there is no copy of the hall's configuration in %s yet: start the "
		"device once while kezek-hall answers at %s",
		why, path, conf->server);
}
