/* usb.c - the usb transport: ESC/POS straight to a USB printer through
 * libusb (no usblp, no CUPS), every wait bounded by a deadline; see
 * transport.h.  And the printers plugged in, for setting one up (usb.h). */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libusb.h>

#include "printer/deadline.h"
#include "queue/error.h"
#include "transport.h"
#include "usb.h"

#define HINT          "check the printer is on and plugged in"
#define STATUS_HINT   "check it has paper, its cover is shut and it is online"
#define CHUNK         4096
#define PRINTER_CLASS 7 /* bInterfaceClass of a USB printer */

struct usb {
	libusb_context *ctx; /* our own: other users of libusb keep theirs */
	libusb_device_handle *h;
	int iface;
	int claimed;
	unsigned char out, in; /* bulk endpoints; in 0 when there is none */
	int in_size;           /* bulk IN packet size: read whole packets */
	char where[96];        /* VVVV:PPPP[:SERIAL], for messages */
};

/* What hall.ini's address asks for: any printer, one vendor:product, or
 * one printer by its serial number too. */
struct want {
	int any;
	unsigned vid, pid;
	char serial[64]; /* "" for any */
};

#define SYSFS_USB "/sys/bus/usb/devices"

/* The first line of file dir/name into out (n bytes), "" if none. */
static void
read_line(const char *dir, const char *name, char *out, size_t n)
{
	char path[PATH_MAX];
	FILE *f;

	out[0] = '\0';
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		return;
	if (fgets(out, (int)n, f) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
	fclose(f);
}

/* The device's strings as the kernel keeps them in sysfs (anyone may read
 * them; opening the device needs a udev rule), found by bus and device
 * number; "" for those it lacks. */
static void
sysfs_strings(int bus, int dev, struct kz_usb_printer *p)
{
	DIR *d = opendir(SYSFS_USB);
	struct dirent *e;
	char dir[PATH_MAX], num[16];

	p->manufacturer[0] = p->model[0] = p->serial[0] = '\0';
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strchr(e->d_name, ':') != NULL)
			continue; /* an interface, not a device */
		snprintf(dir, sizeof dir, SYSFS_USB "/%s", e->d_name);
		read_line(dir, "busnum", num, sizeof num);
		if (atoi(num) != bus)
			continue;
		read_line(dir, "devnum", num, sizeof num);
		if (atoi(num) != dev)
			continue;
		read_line(dir, "manufacturer", p->manufacturer, sizeof p->manufacturer);
		read_line(dir, "product", p->model, sizeof p->model);
		read_line(dir, "serial", p->serial, sizeof p->serial);
		break;
	}
	if (d != NULL)
		closedir(d);
}

static void
serial_of(libusb_device *dev, char *serial, size_t n)
{
	struct kz_usb_printer p;

	sysfs_strings(libusb_get_bus_number(dev), libusb_get_device_address(dev), &p);
	snprintf(serial, n, "%s", p.serial);
}

/* 1 to 4 hex digits, all of s. */
static int
hex16(const char *s, size_t n, unsigned *v)
{
	char buf[5];

	if (n < 1 || n > 4 || strspn(s, "0123456789abcdefABCDEF") < n)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*v = (unsigned)strtoul(buf, NULL, 16);
	return 0;
}

static int
parse(const char *address, struct want *w, char *err)
{
	const char *colon = strchr(address, ':'), *serial;

	memset(w, 0, sizeof *w);
	if (strcmp(address, "auto") == 0) {
		w->any = 1;
		return KZ_OK;
	}
	serial = colon ? strchr(colon + 1, ':') : NULL;
	if (serial != NULL && (serial[1] == '\0' || strlen(serial + 1) >= sizeof w->serial))
		serial = NULL, colon = NULL; /* refused below */
	if (colon != NULL && hex16(address, (size_t)(colon - address), &w->vid) == 0 &&
		hex16(colon + 1, serial ? (size_t)(serial - colon - 1) : strlen(colon + 1),
			&w->pid) == 0) {
		if (serial != NULL)
			snprintf(w->serial, sizeof w->serial, "%s", serial + 1);
		return KZ_OK;
	}
	return kz_err(err, KZ_EINVAL,
		"USB printer address '%s' is neither auto, vendor:product in hex nor "
		"vendor:product:serial; write e.g. 0416:5011:SERIAL in hall.ini (kezek print "
		"usb lists the printers plugged in)",
		address);
}

/* The interface to print through in alt setting 0: a printer-class one,
 * else (only when the device was named) the first with a bulk OUT
 * endpoint; -1 for none. */
static int
pick_interface(const struct libusb_config_descriptor *cfg, int named)
{
	int fallback = -1;

	for (int i = 0; i < cfg->bNumInterfaces; i++) {
		const struct libusb_interface_descriptor *alt;

		if (cfg->interface[i].num_altsetting < 1)
			continue;
		alt = &cfg->interface[i].altsetting[0];
		if (alt->bInterfaceClass == PRINTER_CLASS)
			return i;
		for (int e = 0; named && fallback < 0 && e < alt->bNumEndpoints; e++) {
			const struct libusb_endpoint_descriptor *ep = &alt->endpoint[e];

			if ((ep->bmAttributes & 3) == LIBUSB_TRANSFER_TYPE_BULK &&
				(ep->bEndpointAddress & LIBUSB_ENDPOINT_IN) == 0)
				fallback = i;
		}
	}
	return fallback;
}

/* Note the first bulk OUT and bulk IN endpoints of the chosen interface. */
static void
note_endpoints(struct usb *u, const struct libusb_config_descriptor *cfg)
{
	const struct libusb_interface_descriptor *alt = &cfg->interface[u->iface].altsetting[0];

	u->iface = alt->bInterfaceNumber;
	for (int e = 0; e < alt->bNumEndpoints; e++) {
		const struct libusb_endpoint_descriptor *ep = &alt->endpoint[e];

		if ((ep->bmAttributes & 3) != LIBUSB_TRANSFER_TYPE_BULK)
			continue;
		if ((ep->bEndpointAddress & LIBUSB_ENDPOINT_IN) == 0 && u->out == 0)
			u->out = ep->bEndpointAddress;
		if ((ep->bEndpointAddress & LIBUSB_ENDPOINT_IN) != 0 && u->in == 0) {
			u->in = ep->bEndpointAddress;
			u->in_size = ep->wMaxPacketSize & 0x7FF;
		}
	}
	if (u->in_size < 1 || u->in_size > 1024)
		u->in_size = 64;
}

/* 1 when dev is the printer wanted, with u's interface and endpoints set. */
static int
matches(struct usb *u, libusb_device *dev, const struct want *w)
{
	struct libusb_device_descriptor d;
	struct libusb_config_descriptor *cfg = NULL;

	if (libusb_get_device_descriptor(dev, &d) != 0)
		return 0;
	if (!w->any && (d.idVendor != w->vid || d.idProduct != w->pid))
		return 0;
	if (w->serial[0] != '\0') {
		char serial[64];

		serial_of(dev, serial, sizeof serial);
		if (strcmp(serial, w->serial) != 0)
			return 0;
	}
	if (libusb_get_active_config_descriptor(dev, &cfg) != 0 &&
		libusb_get_config_descriptor(dev, 0, &cfg) != 0)
		return 0;
	u->iface = pick_interface(cfg, !w->any);
	if (u->iface >= 0)
		note_endpoints(u, cfg);
	libusb_free_config_descriptor(cfg);
	if (u->iface < 0 || u->out == 0) {
		u->out = u->in = 0;
		return 0;
	}
	snprintf(u->where, sizeof u->where, "%04x:%04x%s%s", d.idVendor, d.idProduct,
		w->serial[0] ? ":" : "", w->serial);
	return 1;
}

static int
not_found(const struct want *w, char *err)
{
	if (w->any)
		return kz_err(err, KZ_EDEVICE,
			"no USB printer found (auto); is it plugged in and powered?");
	if (w->serial[0] != '\0')
		return kz_err(err, KZ_EDEVICE,
			"no USB printer %04x:%04x with serial number %s found; is it plugged in "
			"and powered? kezek print usb lists the printers plugged in",
			w->vid, w->pid, w->serial);
	return kz_err(err, KZ_EDEVICE,
		"no USB printer %04x:%04x found; is it plugged in and powered? kezek print "
		"usb lists the printers plugged in",
		w->vid, w->pid);
}

/* More than one printer answers to the address: which one a ticket goes
 * to must not depend on the order they were plugged in. */
static int
ambiguous(const struct want *w, int count, char *err)
{
	char what[32] = "auto";

	if (!w->any)
		snprintf(what, sizeof what, "%04x:%04x", w->vid, w->pid);
	return kz_err(err, KZ_EDEVICE,
		"%d USB printers answer to address %s; name one by its serial number "
		"(address = VVVV:PPPP:SERIAL): kezek print usb lists them",
		count, what);
}

/* Find and open the device; KZ_OK with u->h set. */
static int
find(struct usb *u, const struct want *w, char *err)
{
	libusb_device **list;
	libusb_device *dev = NULL;
	ssize_t n = libusb_get_device_list(u->ctx, &list);
	int rc, count = 0;

	if (n < 0)
		return kz_err(err, KZ_EDEVICE, "cannot list the USB devices (%s)",
			libusb_strerror((int)n));
	for (ssize_t i = n - 1; i >= 0; i--) {
		struct usb probe = *u;

		if (matches(&probe, list[i], w)) {
			count++;
			dev = list[i];
			*u = probe;
		}
	}
	rc = dev == NULL || count > 1 ? 0 : libusb_open(dev, &u->h);
	libusb_free_device_list(list, 1);
	if (dev == NULL)
		return not_found(w, err);
	if (count > 1)
		return ambiguous(w, count, err);
	if (rc == LIBUSB_ERROR_ACCESS)
		return kz_err(err, KZ_EDEVICE,
			"no permission to open the USB printer %s; give the user Kezek "
			"runs as access to it with a udev rule (e.g. GROUP=\"lp\")",
			u->where);
	if (rc != 0)
		return kz_err(err, KZ_EDEVICE, "cannot open the USB printer %s (%s); " HINT,
			u->where, libusb_strerror(rc));
	return KZ_OK;
}

static int
claim(struct usb *u, char *err)
{
	int rc;

	/* usblp holds the printer as /dev/usb/lp0: take it over while we
	 * print, and give it back on release */
	libusb_set_auto_detach_kernel_driver(u->h, 1);
	rc = libusb_claim_interface(u->h, u->iface);
	if (rc == 0) {
		u->claimed = 1;
		return KZ_OK;
	}
	if (rc == LIBUSB_ERROR_BUSY)
		return kz_err(err, KZ_EDEVICE,
			"the USB printer %s is busy; another program (CUPS?) may be using "
			"it",
			u->where);
	if (rc == LIBUSB_ERROR_NO_DEVICE)
		return kz_err(err, KZ_EDEVICE, "the USB printer %s was unplugged; " HINT, u->where);
	return kz_err(err, KZ_EDEVICE, "cannot claim the USB printer %s (%s); " HINT, u->where,
		libusb_strerror(rc));
}

static void
usb_close(void *state)
{
	struct usb *u = state;

	if (u == NULL)
		return;
	if (u->claimed)
		libusb_release_interface(u->h, u->iface);
	if (u->h != NULL)
		libusb_close(u->h);
	if (u->ctx != NULL)
		libusb_exit(u->ctx);
	free(u);
}

/* Finding and opening only read sysfs and open a device node: nothing there
 * waits, so timeout_ms bounds the writes and status that follow. */
static int
usb_open(const char *address, int timeout_ms, void **state, char *err)
{
	struct want w;
	struct usb *u;
	int rc;

	*state = NULL;
	if (address == NULL || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no USB printer address, or a negative timeout");
	if ((rc = parse(address, &w, err)) != KZ_OK)
		return rc;
	u = calloc(1, sizeof *u);
	if (u == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the USB printer %s", address);
	rc = libusb_init(&u->ctx);
	if (rc != 0) {
		u->ctx = NULL;
		usb_close(u);
		return kz_err(err, KZ_EDEVICE, "cannot start libusb for the USB printer %s (%s)",
			address, libusb_strerror(rc));
	}
	rc = find(u, &w, err);
	if (rc == KZ_OK)
		rc = claim(u, err);
	if (rc != KZ_OK) {
		usb_close(u);
		return rc;
	}
	*state = u;
	return KZ_OK;
}

static int
failed(struct usb *u, int rc, unsigned char ep, size_t done, size_t len, int timeout_ms, char *err)
{
	switch (rc) {
	case LIBUSB_ERROR_NO_DEVICE:
		return kz_err(err, KZ_EDEVICE,
			"the USB printer %s was unplugged (%zu of %zu bytes sent); " HINT, u->where,
			done, len);
	case LIBUSB_ERROR_TIMEOUT:
		return kz_err(err, KZ_EDEVICE,
			"the USB printer %s timed out after %d ms (%zu of %zu bytes sent); "
			"" STATUS_HINT,
			u->where, timeout_ms, done, len);
	case LIBUSB_ERROR_PIPE:
		/* a stalled endpoint stays stalled until cleared: clear it so
		 * the next open can print */
		libusb_clear_halt(u->h, ep);
		return kz_err(err, KZ_EDEVICE,
			"the USB printer %s refused the data (endpoint stalled, %zu of %zu "
			"bytes sent); " STATUS_HINT,
			u->where, done, len);
	}
	return kz_err(err, KZ_EDEVICE,
		"sending to the USB printer %s failed (%s, %zu of %zu bytes sent); " HINT, u->where,
		libusb_strerror(rc), done, len);
}

/* libusb takes a timeout of 0 as "wait for ever": past the deadline, give
 * a first transfer 1 ms and stop after any other. */
static int
transfer_ms(long long deadline, size_t done)
{
	int ms = kz_deadline_left(deadline);

	return ms > 0 ? ms : done == 0 ? 1 : 0;
}

static int
send_all(struct usb *u, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	size_t done = 0;

	while (done < len) {
		int n = len - done > CHUNK ? CHUNK : (int)(len - done), got = 0, rc;
		int ms = transfer_ms(deadline, done);

		if (ms == 0)
			return failed(u, LIBUSB_ERROR_TIMEOUT, u->out, done, len, timeout_ms, err);
		rc = libusb_bulk_transfer(u->h, u->out, (unsigned char *)data + done, n, &got,
			(unsigned)ms);
		done += got > 0 ? (size_t)got : 0;
		if (rc != 0)
			return failed(u, rc, u->out, done, len, timeout_ms, err);
	}
	return KZ_OK;
}

static int
usb_write(void *state, const uint8_t *data, size_t len, int timeout_ms, char *err)
{
	struct usb *u = state;

	if (u == NULL || (data == NULL && len > 0) || timeout_ms < 0)
		return kz_err(err, KZ_EINVAL, "no USB printer, no data or a negative timeout");
	return send_all(u, data, len, kz_deadline_now() + timeout_ms, timeout_ms, err);
}

/* An answer that came after its request timed out waits in the printer and
 * would be taken for the next one: read and drop what is there. */
static void
drain(struct usb *u)
{
	unsigned char junk[1024];
	int got = 0;

	for (int i = 0; i < 16; i++)
		if (libusb_bulk_transfer(u->h, u->in, junk, u->in_size, &got, 1) != 0)
			return;
}

static int
read_byte(struct usb *u, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	unsigned char buf[1024];
	int got = 0, rc = 0, ms;

	/* whole packets: a shorter buffer overflows if the printer says more */
	while ((ms = transfer_ms(deadline, 0)) > 0 && rc == 0) {
		rc = libusb_bulk_transfer(u->h, u->in, buf, u->in_size, &got, (unsigned)ms);
		if (rc == 0 && got > 0) {
			*b = buf[0];
			return KZ_OK;
		}
		if (kz_deadline_left(deadline) == 0)
			rc = LIBUSB_ERROR_TIMEOUT; /* empty packets until the deadline */
	}
	if (rc == LIBUSB_ERROR_TIMEOUT)
		return kz_err(err, KZ_EDEVICE,
			"the USB printer %s did not answer status request DLE EOT %d within "
			"%d ms; it may be busy or off",
			u->where, ask, timeout_ms);
	if (rc == LIBUSB_ERROR_PIPE)
		libusb_clear_halt(u->h, u->in);
	if (rc == LIBUSB_ERROR_NO_DEVICE)
		return kz_err(err, KZ_EDEVICE, "the USB printer %s was unplugged; " HINT, u->where);
	return kz_err(err, KZ_EDEVICE, "reading from the USB printer %s failed (%s); " HINT,
		u->where, libusb_strerror(rc));
}

/* Ready for a status dialogue: an endpoint to answer on, nothing stale
 * waiting in it. */
static int
usb_status_begin(void *state, char *where, size_t len, char *err)
{
	struct usb *u = state;

	snprintf(where, len, "%s on USB", u->where);
	if (u->in == 0)
		return kz_err(err, KZ_EDEVICE,
			"this USB printer (%s) gives no status: it has no bulk IN endpoint "
			"to answer on; its state is unknown",
			u->where);
	drain(u);
	return KZ_OK;
}

static int
usb_send_by(void *state, const uint8_t *data, size_t len, long long deadline, int timeout_ms,
	char *err)
{
	return send_all(state, data, len, deadline, timeout_ms, err);
}

static int
usb_read_byte(void *state, int ask, uint8_t *b, long long deadline, int timeout_ms, char *err)
{
	return read_byte(state, ask, b, deadline, timeout_ms, err);
}

/* dev's description, if it is a printer (a printer-class interface). */
static int
describe(libusb_device *dev, struct kz_usb_printer *p)
{
	struct libusb_device_descriptor d;
	struct libusb_config_descriptor *cfg = NULL;
	char node[64];
	int printer;

	if (libusb_get_device_descriptor(dev, &d) != 0)
		return 0;
	if (libusb_get_active_config_descriptor(dev, &cfg) != 0 &&
		libusb_get_config_descriptor(dev, 0, &cfg) != 0)
		return 0;
	printer = pick_interface(cfg, 0) >= 0;
	libusb_free_config_descriptor(cfg);
	if (!printer)
		return 0;
	memset(p, 0, sizeof *p);
	p->vendor = d.idVendor;
	p->product = d.idProduct;
	p->bus = libusb_get_bus_number(dev);
	p->device = libusb_get_device_address(dev);
	sysfs_strings(p->bus, p->device, p);
	snprintf(p->address, sizeof p->address, "%04x:%04x%s%s", p->vendor, p->product,
		p->serial[0] ? ":" : "", p->serial);
	snprintf(node, sizeof node, "/dev/bus/usb/%03d/%03d", p->bus, p->device);
	p->can_open = access(node, R_OK | W_OK) == 0;
	return 1;
}

static int
by_place(const void *a, const void *b)
{
	const struct kz_usb_printer *x = a, *y = b;

	return x->bus != y->bus ? x->bus - y->bus : x->device - y->device;
}

int
kz_usb_list(struct kz_usb_printer *out, int max, int *n, char *err)
{
	libusb_context *ctx = NULL;
	libusb_device **list;
	ssize_t count;
	int rc;

	*n = 0;
	if ((rc = libusb_init(&ctx)) != 0)
		return kz_err(err, KZ_EDEVICE, "cannot start libusb to list USB printers (%s)",
			libusb_strerror(rc));
	if ((count = libusb_get_device_list(ctx, &list)) < 0) {
		libusb_exit(ctx);
		return kz_err(err, KZ_EDEVICE, "cannot list the USB devices (%s)",
			libusb_strerror((int)count));
	}
	for (ssize_t i = 0; i < count && *n < max; i++)
		if (describe(list[i], &out[*n]))
			(*n)++;
	libusb_free_device_list(list, 1);
	libusb_exit(ctx);
	/* the same order each time, whatever order libusb found them in */
	qsort(out, (size_t)*n, sizeof *out, by_place);
	return KZ_OK;
}

const struct kz_transport_ops kz_transport_usb = {
	.kind = KZ_TRANSPORT_USB,
	.name = "usb",
	.open = usb_open,
	.close = usb_close,
	.write = usb_write,
	.send_by = usb_send_by,
	.status_begin = usb_status_begin,
	.read_byte = usb_read_byte,
};
