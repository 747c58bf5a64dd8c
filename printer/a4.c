/* a4.c - A4 PDFs to the hall's A4 printer through its transport, and
 * whole files written safely; see a4.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "a4.h"
#include "transport.h"
#include "queue/clock.h"
#include "queue/error.h"

static int
write_all(int fd, const uint8_t *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return errno != 0 ? errno : EIO;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
save(const char *path, const uint8_t *data, size_t len, mode_t mode, char *err)
{
	char tmp[KZ_PATH_LEN + 16];
	int fd, e = 0;

	if (strlen(path) >= KZ_PATH_LEN)
		return kz_err(err, KZ_EDEVICE, "the file name '%.60s...' is too long", path);
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
	} else {
		errno = 0;
		/* mkstemp makes it 0600; a public one as fopen makes it with umask 022 */
		if ((e = write_all(fd, data, len)) == 0 && mode != 0600 && fchmod(fd, mode) != 0)
			e = errno;
		if (e == 0 && fsync(fd) != 0)
			e = errno;
		if (close(fd) != 0 && e == 0)
			e = errno;
		if (e == 0 && rename(tmp, path) != 0)
			e = errno;
		if (e != 0)
			unlink(tmp); /* half a document would only fail later, at the printer */
	}
	if (e == 0)
		return KZ_OK;
	errno = e;
	return kz_err(err, KZ_EDEVICE,
		"cannot write '%s': %s; check that its folder exists and is "
		"writable",
		path, strerror(e));
}

int
kz_a4_save(const char *path, const uint8_t *data, size_t len, char *err)
{
	return save(path, data, len, 0644, err);
}

int
kz_a4_save_private(const char *path, const uint8_t *data, size_t len, char *err)
{
	return save(path, data, len, 0600, err);
}

int
kz_a4_print(const struct kz_config *cfg, const char *printer, const char *title, const uint8_t *pdf,
	size_t len, char *err)
{
	const struct kz_printer_conf *pr = kz_config_printer(cfg, printer);
	const struct kz_transport_ops *ops = pr ? kz_transport_find(pr->transport) : NULL;
	struct kz_printout p = {.data = pdf, .len = len, .title = title};
	char stamp[32], safe[96], name[160];
	void *state = NULL;
	size_t j = 0;
	int rc;

	if (pr == NULL || pr->role != KZ_ROLE_A4 || ops == NULL || !ops->pdf)
		return kz_err(err, KZ_EINVAL,
			"'%s' is not an A4 printer of %s; name a [printer] with "
			"role a4",
			printer, cfg->path);
	/* a folder's file: the time, then the title kept to letters, digits and '-' */
	for (const char *s = title; *s && j + 1 < sizeof safe; s++)
		safe[j++] = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
				(*s >= '0' && *s <= '9') || *s == '-'
			? *s
			: '_';
	safe[j] = '\0';
	kz_clock_format(kz_clock_now(), "%Y%m%d-%H%M%S", stamp, sizeof stamp);
	snprintf(name, sizeof name, "%s-%s", stamp, safe);
	p.name = name;
	if ((rc = ops->open(pr->address, KZ_A4_TIMEOUT_MS, &state, err)) != KZ_OK)
		return rc;
	rc = kz_transport_send(ops, state, &p, 0, KZ_A4_TIMEOUT_MS, NULL, err);
	ops->close(state);
	return rc;
}
