/* devfile.c - the device transport: ESC/POS into a device file such as
 * /dev/usb/lp0 (or a FIFO), every wait bounded by a deadline; see transport.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "printer/deadline.h"
#include "queue/error.h"
#include "transport.h"

#define HINT        "check the printer is on and plugged in"
#define STATUS_HINT "check it has paper, its cover is shut and it is online"

struct dev {
	int fd;
	char no_status[96]; /* why status cannot be read; "" when it can */
	char path[];        /* for messages */
};

static int
cannot_open(const char *path, int why, char *err)
{
	switch (why) {
	case ENOENT:
	case ENXIO:
	case ENODEV:
		return kz_err(err, KZ_EDEVICE, "no printer at %s (%s); is it plugged in?", path,
			strerror(why));
	case EACCES:
	case EPERM:
		return kz_err(err, KZ_EDEVICE,
			"no permission to write to the printer at %s (%s); add the user "
			"Kezek runs as to the device's group (often lp)",
			path, strerror(why));
	case EBUSY:
		return kz_err(err, KZ_EDEVICE,
			"printer at %s is busy (%s); another program may be using it", path,
			strerror(why));
	}
	return kz_err(err, KZ_EDEVICE,
		"cannot open the printer at %s (%s); check its address in hall.ini", path,
		strerror(why));
}

/* Read and write for a character device, so status can be asked; write
 * only for the rest: a FIFO opened both ways would read back our own
 * bytes, and a file holds no answers. */
static int
open_fd(struct dev *d, const struct stat *sb)
{
	int fl = O_NONBLOCK | O_CLOEXEC | O_NOCTTY, fd = -1;

	if (S_ISCHR(sb->st_mode)) {
		fd = open(d->path, O_RDWR | fl);
		if (fd < 0)
			snprintf(d->no_status, sizeof d->no_status,
				"it cannot be opened for reading (%s)", strerror(errno));
	} else if (S_ISFIFO(sb->st_mode)) {
		snprintf(d->no_status, sizeof d->no_status, "a FIFO carries bytes one way");
	} else {
		snprintf(d->no_status, sizeof d->no_status, "it is a file, not a device");
		fl |= O_APPEND;
	}
	if (fd < 0)
		fd = open(d->path, O_WRONLY | fl);
	return fd;
}

static int
dev_open(const char *address, int timeout_ms, void **state, char *err)
{
	struct stat sb;
	struct dev *d;
	size_t len;

	*state = NULL;
	if (address == NULL || address[0] == '\0' || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no printer device path, or a negative timeout");
	/* open(O_NONBLOCK) does not wait: the timeout is for writes and status */
	if (stat(address, &sb) < 0)
		return cannot_open(address, errno, err);
	len = strlen(address);
	d = calloc(1, sizeof *d + len + 1);
	if (d == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the printer at %s", address);
	memcpy(d->path, address, len + 1);
	d->fd = open_fd(d, &sb);
	if (d->fd < 0) {
		int rc = cannot_open(address, errno, err);

		free(d);
		return rc;
	}
	*state = d;
	return KZ_OK;
}

/* Write len bytes by the deadline. */
static int
write_all(struct dev *d, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	size_t done;
	int rc = kz_deadline_write(d->fd, 0, data, len, deadline, &done);

	if (rc == 1)
		return KZ_OK;
	if (rc == 0)
		return kz_err(err, KZ_EDEVICE,
			"printer at %s timed out after %d ms (%zu of %zu bytes sent); " STATUS_HINT,
			d->path, timeout_ms, done, len);
	if (errno == EPIPE)
		return kz_err(err, KZ_EDEVICE,
			"printer at %s closed the connection (%zu of %zu bytes sent); " HINT,
			d->path, done, len);
	if (errno == ENODEV || errno == ENXIO || errno == EIO)
		return kz_err(err, KZ_EDEVICE,
			"printer at %s went away (%s; %zu of %zu bytes sent); " HINT, d->path,
			strerror(errno), done, len);
	return kz_err(err, KZ_EDEVICE, "writing to the printer at %s failed (%s); " HINT, d->path,
		strerror(errno));
}

/* A write to a FIFO (or socket) nobody reads raises SIGPIPE, which kills a
 * process by default: hold it back in this thread for the write, and take
 * away one that the write raised.  EPIPE says it all. */
static int
write_quietly(struct dev *d, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	sigset_t pipe, old, pending;
	int was_pending, rc;

	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	rc = write_all(d, data, len, deadline, timeout_ms, err);
	sigpending(&pending);
	if (!was_pending && sigismember(&pending, SIGPIPE)) {
		struct timespec zero = {0, 0};

		while (sigtimedwait(&pipe, NULL, &zero) < 0 && errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

static int
dev_write(void *state, const uint8_t *data, size_t len, int timeout_ms, char *err)
{
	struct dev *d = state;

	if (d == NULL || (data == NULL && len > 0) || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no printer device, no data or a negative timeout");
	return write_quietly(d, data, len, kz_deadline_now() + timeout_ms, timeout_ms, err);
}

/* usblp says EINVAL to reads from a printer that only takes bytes. */
static int
read_failed(const struct dev *d, int why, char *err)
{
	if (why == EINVAL)
		return kz_err(err, KZ_EDEVICE,
			"the printer at %s gives no status: it cannot be read (%s)", d->path,
			strerror(why));
	return kz_err(err, KZ_EDEVICE, "reading from the printer at %s failed (%s); " HINT, d->path,
		strerror(why));
}

/* Bytes the printer sent unasked, or answers that came too late, would be
 * taken for the answers to come: throw them away first. */
static int
drain(struct dev *d, char *err)
{
	uint8_t junk[256];

	for (int i = 0; i < 64; i++) {
		ssize_t k = read(d->fd, junk, sizeof junk);

		if (k > 0 || (k < 0 && errno == EINTR))
			continue;
		if (k == 0 || errno == EAGAIN || errno == EWOULDBLOCK)
			return KZ_OK; /* 0: nothing more, as some devices say it */
		return read_failed(d, errno, err);
	}
	return KZ_OK; /* 16 KiB and more: let the answers show what it is */
}

static int
read_byte(struct dev *d, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	for (;;) {
		ssize_t k = read(d->fd, b, 1);
		int ready;

		if (k == 1)
			return KZ_OK;
		if (k == 0)
			return kz_err(err, KZ_EDEVICE,
				"printer at %s gave end of file for an answer to status "
				"request DLE EOT %d; it gives no status through this device",
				d->path, ask);
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			break;
		ready = kz_deadline_wait_fd(d->fd, POLLIN, deadline);
		if (ready == 0)
			return kz_err(err, KZ_EDEVICE,
				"printer at %s did not answer status request DLE EOT %d "
				"within %d ms; it may be busy or off, or give no status "
				"through this device",
				d->path, ask, timeout_ms);
		if (ready < 0)
			break;
	}
	return read_failed(d, errno, err);
}

/* Ready for a status dialogue: a device that can answer, nothing stale
 * waiting to be read. */
static int
dev_status_begin(void *state, char *where, size_t len, char *err)
{
	struct dev *d = state;

	snprintf(where, len, "at %s", d->path);
	if (d->no_status[0] != '\0')
		return kz_err(err, KZ_EDEVICE,
			"the printer at %s gives no status: %s; its state is unknown", d->path,
			d->no_status);
	return drain(d, err);
}

static int
dev_send_by(void *state, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	return write_quietly(state, data, len, deadline, timeout_ms, err);
}

static int
dev_read_byte(void *state, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	return read_byte(state, ask, b, deadline, timeout_ms, err);
}

static void
dev_close(void *state)
{
	struct dev *d = state;

	if (d == NULL)
		return;
	close(d->fd);
	free(d);
}

const struct kz_transport_ops kz_transport_device = {
	.kind = KZ_TRANSPORT_DEVICE,
	.name = "device",
	.open = dev_open,
	.close = dev_close,
	.write = dev_write,
	.send_by = dev_send_by,
	.status_begin = dev_status_begin,
	.read_byte = dev_read_byte,
};
