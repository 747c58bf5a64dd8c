/* net.c - the tcp transport: raw ESC/POS to a network printer's port (9100
 * by default), every wait bounded by a deadline; see transport.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#include <linux/sockios.h>
#include <unistd.h>

#include "printer/deadline.h"
#include "queue/error.h"
#include "transport.h"

#define HINT         "check the printer is on and its address in hall.ini"
#define STATUS_HINT  "check it has paper, its cover is shut and it is online"
#define DEFAULT_PORT "9100"

struct net {
	int fd;
	int broken;      /* a write failed midway: reset, do not finish, on close */
	char where[300]; /* host:port, for messages */
};

/* "host:port", "host", "[v6]:port", "[v6]" or a bare v6 address. */
static int
split(const char *address, char *host, size_t hostlen, char *port, char *err)
{
	const char *h = address, *p = NULL, *colon = strrchr(address, ':');
	size_t n;

	if (address[0] == '[') {
		const char *close = strchr(address, ']');

		if (close == NULL || (close[1] != '\0' && close[1] != ':'))
			goto bad;
		h = address + 1;
		n = (size_t)(close - h);
		p = close[1] == ':' ? close + 2 : NULL;
	} else if (colon != NULL && strchr(address, ':') == colon) {
		n = (size_t)(colon - address);
		p = colon + 1;
	} else {
		n = strlen(address); /* no port, or a bare v6 address */
	}
	if (n == 0 || n >= hostlen)
		goto bad;
	memcpy(host, h, n);
	host[n] = '\0';
	if (p == NULL)
		p = DEFAULT_PORT;
	n = strspn(p, "0123456789");
	if (n == 0 || n > 5 || p[n] != '\0' || atoi(p) < 1 || atoi(p) > 65535)
		goto bad;
	strcpy(port, p);
	return KZ_OK;
bad:
	return kz_err(err, KZ_EINVAL,
		"printer address '%s' is not host:port; write e.g. 192.168.1.50:9100 in "
		"hall.ini",
		address);
}

static int
nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* Connect to one of the host's addresses: the socket, or -1 with *why the
 * errno (0 for our own deadline). */
static int
connect_one(const struct addrinfo *ai, long long deadline, int *why)
{
	int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol), so = 0;
	socklen_t len = sizeof so;

	if (fd < 0) {
		*why = errno;
		return -1;
	}
	if (nonblocking(fd) < 0)
		goto fail;
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
		return fd;
	if (errno != EINPROGRESS && errno != EINTR)
		goto fail;
	switch (kz_deadline_wait_fd(fd, POLLOUT, deadline)) {
	case 0:
		errno = 0;
		goto fail;
	case -1:
		goto fail;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &len) < 0)
		goto fail;
	if (so == 0)
		return fd;
	errno = so;
fail:
	*why = errno;
	close(fd);
	return -1;
}

static int
unreachable(const struct net *n, int why, int timeout_ms, char *err)
{
	if (why == 0)
		return kz_err(err, KZ_EDEVICE,
			"cannot reach the printer at %s (timed out after %d ms); " HINT, n->where,
			timeout_ms);
	if (why == ECONNREFUSED)
		return kz_err(err, KZ_EDEVICE,
			"cannot reach the printer at %s (connection refused); " HINT, n->where);
	return kz_err(err, KZ_EDEVICE, "cannot reach the printer at %s (%s); " HINT, n->where,
		strerror(why));
}

static int
lookup(const char *host, const char *port, struct addrinfo **res, char *err)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
	int rc = getaddrinfo(host, port, &hints, res);

	if (rc == 0)
		return KZ_OK;
	if (rc == EAI_MEMORY)
		return kz_err(err, KZ_ENOMEM, "out of memory looking up printer host '%s'", host);
	return kz_err(err, KZ_EDEVICE,
		"cannot find the printer host '%s' (%s); check its address in hall.ini, or "
		"give its IP address",
		host, rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
}

static int
net_open(const char *address, int timeout_ms, void **state, char *err)
{
	char host[256], port[8];
	struct addrinfo *res, *ai;
	struct net *n;
	long long deadline = kz_deadline_now() + timeout_ms;
	int rc, why = 0, one = 1;

	*state = NULL;
	if (address == NULL || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no printer address, or a negative timeout");
	if ((rc = split(address, host, sizeof host, port, err)) != KZ_OK)
		return rc;
	n = calloc(1, sizeof *n);
	if (n == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the printer at %s", address);
	snprintf(n->where, sizeof n->where, strchr(host, ':') ? "[%s]:%s" : "%s:%s", host, port);
	/* the resolver keeps its own timeouts: give an IP address to avoid it */
	if ((rc = lookup(host, port, &res, err)) != KZ_OK) {
		free(n);
		return rc;
	}
	n->fd = -1;
	for (ai = res; ai != NULL && n->fd < 0; ai = ai->ai_next)
		n->fd = connect_one(ai, deadline, &why);
	freeaddrinfo(res);
	if (n->fd < 0) {
		rc = unreachable(n, why, timeout_ms, err);
		free(n);
		return rc;
	}
	/* a printout goes in few large writes; a status request must not wait
	 * for Nagle */
	setsockopt(n->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	*state = n;
	return KZ_OK;
}

/* Send len bytes by the deadline.  MSG_NOSIGNAL: a printer that drops the
 * connection is an error to report, not a SIGPIPE to die of. */
static int
send_all(struct net *n, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	size_t done;
	int rc = kz_deadline_write(n->fd, 1, data, len, deadline, &done);

	if (rc == 1)
		return KZ_OK;
	if (rc == 0)
		return kz_err(err, KZ_EDEVICE,
			"printer at %s timed out after %d ms (%zu of %zu bytes sent); " STATUS_HINT,
			n->where, timeout_ms, done, len);
	if (errno == EPIPE || errno == ECONNRESET)
		return kz_err(err, KZ_EDEVICE,
			"printer at %s closed the connection (%zu of %zu bytes sent); " HINT,
			n->where, done, len);
	return kz_err(err, KZ_EDEVICE, "sending to the printer at %s failed (%s); " HINT, n->where,
		strerror(errno));
}

static int
net_write(void *state, const uint8_t *data, size_t len, int timeout_ms, char *err)
{
	struct net *n = state;
	int rc;

	if (n == NULL || (data == NULL && len > 0) || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL,
			"no printer connection, no data or a negative timeout");
	rc = send_all(n, data, len, kz_deadline_now() + timeout_ms, timeout_ms, err);
	if (rc != KZ_OK)
		n->broken = 1;
	return rc;
}

#define SETTLE_POLL_MS 1 /* how often the send queue is looked at while it drains */

/* Wait until the printer has taken every byte written (acknowledged: the
 * socket's send queue, SIOCOUTQ, is empty), by timeout_ms.  Then what
 * printd records as sent has reached the printer, and the next write (a
 * band's short header) goes into an empty buffer whole, never in part. */
static int
net_settle(void *state, int timeout_ms, char *err)
{
	struct net *n = state;
	long long deadline = kz_deadline_now() + timeout_ms;
	int queued = 0, so = 0;
	socklen_t len = sizeof so;

	for (;;) {
		struct pollfd p = {.fd = n->fd, .events = 0};
		if (ioctl(n->fd, SIOCOUTQ, &queued) < 0)
			return kz_err(err, KZ_EDEVICE,
				"printer at %s: cannot see the send queue (%s)", n->where,
				strerror(errno));
		if (getsockopt(n->fd, SOL_SOCKET, SO_ERROR, &so, &len) == 0 && so != 0) {
			n->broken = 1;
			return kz_err(err, KZ_EDEVICE,
				"printer at %s dropped the connection with %d bytes not taken (%s); " HINT,
				n->where, queued, strerror(so));
		}
		if (queued == 0)
			return KZ_OK;
		if (kz_deadline_now() >= deadline) {
			n->broken = 1;
			return kz_err(err, KZ_EDEVICE,
				"printer at %s took no more after %d ms (%d bytes waiting); " STATUS_HINT,
				n->where, timeout_ms, queued);
		}
		/* a reset or hang-up shows at once; else look again shortly */
		if (poll(&p, 1, SETTLE_POLL_MS) > 0 && (p.revents & (POLLERR | POLLHUP))) {
			n->broken = 1;
			return kz_err(err, KZ_EDEVICE,
				"printer at %s closed the connection with %d bytes not taken; " HINT,
				n->where, queued);
		}
	}
}

static int
closed(const struct net *n, char *err)
{
	return kz_err(err, KZ_EDEVICE, "printer at %s closed the connection; " HINT, n->where);
}

/* Bytes the printer sent unasked, or answers that came too late, would be
 * taken for the answers to come: throw them away first. */
static int
drain(struct net *n, char *err)
{
	uint8_t junk[256];

	for (int i = 0; i < 64; i++) {
		ssize_t k = recv(n->fd, junk, sizeof junk, 0);

		if (k > 0 || (k < 0 && errno == EINTR))
			continue;
		if (k == 0 || errno == ECONNRESET)
			return closed(n, err);
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return KZ_OK;
		return kz_err(err, KZ_EDEVICE, "reading from the printer at %s failed (%s); " HINT,
			n->where, strerror(errno));
	}
	return KZ_OK; /* 16 KiB and more: let the answers show what it is */
}

static int
recv_byte(struct net *n, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	for (;;) {
		ssize_t k = recv(n->fd, b, 1, 0);
		int ready;

		if (k == 1)
			return KZ_OK;
		if (k == 0 || errno == ECONNRESET)
			return closed(n, err);
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			break;
		ready = kz_deadline_wait_fd(n->fd, POLLIN, deadline);
		if (ready == 0)
			return kz_err(err, KZ_EDEVICE,
				"printer at %s did not answer status request DLE EOT %d "
				"within %d ms; it may be busy or off, or give no status over "
				"the network",
				n->where, ask, timeout_ms);
		if (ready < 0)
			break;
	}
	return kz_err(err, KZ_EDEVICE, "reading from the printer at %s failed (%s); " HINT,
		n->where, strerror(errno));
}

/* Ready for a status dialogue: nothing stale waiting to be read. */
static int
net_status_begin(void *state, char *where, size_t len, char *err)
{
	struct net *n = state;

	snprintf(where, len, "at %s", n->where);
	return drain(n, err);
}

static int
net_send_by(void *state, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	return send_all(state, data, len, deadline, timeout_ms, err);
}

static int
net_read_byte(void *state, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	return recv_byte(state, ask, b, deadline, timeout_ms, err);
}

static void
net_close(void *state)
{
	struct net *n = state;
	uint8_t junk[256];

	if (n == NULL)
		return;
	/* bytes left unread make the kernel reset rather than close, and a
	 * reset may lose the end of the last printout in the printer */
	if (!n->broken)
		for (int i = 0; i < 64 && recv(n->fd, junk, sizeof junk, 0) > 0; i++)
			;
	if (n->broken) {
		/* a reset makes the printer drop the half printout it holds
		 * rather than print it when it comes back */
		struct linger now = {.l_onoff = 1, .l_linger = 0};

		setsockopt(n->fd, SOL_SOCKET, SO_LINGER, &now, sizeof now);
	}
	close(n->fd);
	free(n);
}

const struct kz_transport_ops kz_transport_tcp = {
	.kind = KZ_TRANSPORT_TCP,
	.name = "tcp",
	.open = net_open,
	.close = net_close,
	.write = net_write,
	.settle = net_settle,
	.send_by = net_send_by,
	.status_begin = net_status_begin,
	.read_byte = net_read_byte,
};
