/* test_usb.c - the usb transport against a thermal printer umockdev presents
 * to libusb (run under umockdev-wrapper): exact bytes, status, and failures. */
#define _DEFAULT_SOURCE /* glib's headers want more than POSIX */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <umockdev.h>

#include <cmocka.h>

#include "ink/bitmap.h"
#include "printer/escpos.h"
#include "printer/transport.h"
#include "printer/usb.h"
#include "queue/error.h"

static const struct kz_transport_ops *usb = &kz_transport_usb;

#define EP_OUT 0x01
#define EP_IN  0x82

/* 0416:5011 (Winbond, sold in many ESC/POS thermal printers), full speed:
 * device, config, interface class 7 (printer) with bulk OUT 0x01 and, in
 * the first, bulk IN 0x82 of 64 bytes. */
#define DEVICE_DESC                                                                                \
	"12011001000000401604115000010102"                                                         \
	"0301"
#define PRINTER_DESC                                                                               \
	DEVICE_DESC "09022000010100c032"                                                           \
		    "090400000207010200"                                                           \
		    "07050102400000"                                                               \
		    "07058202400000"
#define OUT_ONLY_DESC                                                                              \
	DEVICE_DESC "09021900010100c032"                                                           \
		    "090400000107010200"                                                           \
		    "07050102400000"

/* What the fake printer saw and will do; the handler runs in umockdev's
 * own thread, so all of it is under lock. */
static struct {
	GMutex lock;
	UMockdevTestbed *bed;
	UMockdevIoctlBase *handler;
	GList *flying;     /* submitted URBs (UMockdevIoctlData), not yet reaped */
	GList *discarded;  /* cancelled by libusb, to be reaped as such */
	GByteArray *out;   /* every byte of every OUT URB, in order */
	int max_urb;       /* the largest OUT URB */
	uint8_t answer[5]; /* the answer to DLE EOT n; 0: none */
	uint8_t pending[16];
	int npending;     /* answers the IN endpoint has ready */
	int requests[5];  /* DLE EOT n seen */
	size_t unplug_at; /* unplug once this many bytes came (0: never) */
	int unplugged;    /* every URB now fails with ENODEV */
	int hang;         /* OUT URBs never complete */
	int stall;        /* OUT URBs end with a stall */
	int clear_halts;  /* USBDEVFS_CLEAR_HALT seen */
} fake;

static long long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void
assert_has(const char *s, const char *part)
{
	if (strstr(s, part) == NULL)
		fail_msg("'%s' does not say '%s'", s, part);
}

/* A status request comes alone in its URB: the printout holds none. */
static void
took_out(const uint8_t *data, int len)
{
	g_byte_array_append(fake.out, data, (guint)len);
	if (len > fake.max_urb)
		fake.max_urb = len;
	if (len == 3 && data[0] == 0x10 && data[1] == 0x04 && data[2] >= 1 && data[2] <= 4) {
		fake.requests[data[2]]++;
		if (fake.answer[data[2]] != 0 && fake.npending < (int)sizeof fake.pending)
			fake.pending[fake.npending++] = fake.answer[data[2]];
	}
}

static gboolean
submit(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *urb_data =
		umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), NULL);
	struct usbdevfs_urb *urb = (struct usbdevfs_urb *)urb_data->data;

	if (fake.unplug_at > 0 && !(urb->endpoint & 0x80) &&
		fake.out->len + (size_t)urb->buffer_length > fake.unplug_at)
		fake.unplugged = 1;
	if (fake.unplugged) {
		umockdev_ioctl_data_unref(urb_data);
		umockdev_ioctl_client_complete(client, -1, ENODEV);
		return TRUE;
	}
	if (urb->endpoint == EP_OUT && !fake.hang && urb->buffer_length > 0) {
		UMockdevIoctlData *buf = umockdev_ioctl_data_resolve(urb_data,
			G_STRUCT_OFFSET(struct usbdevfs_urb, buffer), (gsize)urb->buffer_length,
			NULL);

		took_out(buf->data, urb->buffer_length);
		umockdev_ioctl_data_unref(buf);
	}
	fake.flying = g_list_append(fake.flying, urb_data);
	umockdev_ioctl_client_complete(client, 0, 0);
	return TRUE;
}

/* The URB that can finish now: OUT ones at once (unless hung), IN ones
 * when an answer is ready. */
static GList *
ready(void)
{
	for (GList *l = fake.flying; l != NULL; l = l->next) {
		struct usbdevfs_urb *urb =
			(struct usbdevfs_urb *)((UMockdevIoctlData *)l->data)->data;

		if (urb->endpoint == EP_OUT && !fake.hang)
			return l;
		if (urb->endpoint == EP_IN && fake.npending > 0)
			return l;
	}
	return NULL;
}

static void
finish(UMockdevIoctlData *urb_data)
{
	struct usbdevfs_urb *urb = (struct usbdevfs_urb *)urb_data->data;

	urb->status = 0;
	urb->actual_length = urb->buffer_length;
	if (urb->endpoint == EP_OUT && fake.stall) {
		urb->status = -EPIPE;
		urb->actual_length = 0;
	}
	if (urb->endpoint == EP_IN) {
		UMockdevIoctlData *buf = umockdev_ioctl_data_resolve(urb_data,
			G_STRUCT_OFFSET(struct usbdevfs_urb, buffer), (gsize)urb->buffer_length,
			NULL);

		buf->data[0] = fake.pending[0];
		memmove(fake.pending, fake.pending + 1, (size_t)--fake.npending);
		urb->actual_length = 1;
		umockdev_ioctl_data_unref(buf);
	}
}

static gboolean
reap(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	UMockdevIoctlData *urb_data = NULL, *ptr;
	GList *l;

	if (fake.discarded != NULL) {
		urb_data = fake.discarded->data;
		fake.discarded = g_list_delete_link(fake.discarded, fake.discarded);
		((struct usbdevfs_urb *)urb_data->data)->status = -ENOENT;
	} else if ((l = ready()) != NULL) {
		urb_data = l->data;
		fake.flying = g_list_delete_link(fake.flying, l);
		finish(urb_data);
	}
	if (urb_data == NULL) {
		umockdev_ioctl_client_complete(client, -1, fake.unplugged ? ENODEV : EAGAIN);
		return TRUE;
	}
	ptr = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), NULL);
	umockdev_ioctl_data_set_ptr(ptr, 0, urb_data);
	umockdev_ioctl_data_unref(ptr);
	umockdev_ioctl_data_unref(urb_data);
	umockdev_ioctl_client_complete(client, 0, 0);
	return TRUE;
}

static gint
by_address(gconstpointer data, gconstpointer addr)
{
	return ((const UMockdevIoctlData *)data)->client_addr != (gulong)addr;
}

static gboolean
discard(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	GList *l = g_list_find_custom(fake.flying, *(void **)arg->data, by_address);

	if (l == NULL) {
		umockdev_ioctl_client_complete(client, -1, EINVAL);
		return TRUE;
	}
	fake.discarded = g_list_append(fake.discarded, l->data);
	fake.flying = g_list_delete_link(fake.flying, l);
	umockdev_ioctl_client_complete(client, 0, 0);
	return TRUE;
}

static gboolean
handle(UMockdevIoctlBase *handler, UMockdevIoctlClient *client, gpointer unused)
{
	UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
	gboolean done = TRUE;

	(void)handler;
	(void)unused;
	g_mutex_lock(&fake.lock);
	switch (umockdev_ioctl_client_get_request(client)) {
	case USBDEVFS_GET_CAPABILITIES: {
		UMockdevIoctlData *d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), NULL);

		*(guint32 *)d->data = USBDEVFS_CAP_BULK_CONTINUATION |
			USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
		umockdev_ioctl_data_unref(d);
		umockdev_ioctl_client_complete(client, 0, 0);
		break;
	}
	case USBDEVFS_CLEAR_HALT:
		fake.clear_halts++;
		/* fall through */
	case USBDEVFS_CLAIMINTERFACE:
	case USBDEVFS_RELEASEINTERFACE:
	case USBDEVFS_DISCONNECT_CLAIM:
	case USBDEVFS_RESET:
	case USBDEVFS_RESETEP:
		umockdev_ioctl_client_complete(client, fake.unplugged ? -1 : 0,
			fake.unplugged ? ENODEV : 0);
		break;
	case USBDEVFS_GETDRIVER:
		umockdev_ioctl_client_complete(client, -1, ENODATA); /* no usblp here */
		break;
	case USBDEVFS_SUBMITURB:
		done = submit(client, arg);
		break;
	case USBDEVFS_REAPURB:
	case USBDEVFS_REAPURBNDELAY:
		done = reap(client, arg);
		break;
	case USBDEVFS_DISCARDURB:
		done = discard(client, arg);
		break;
	default:
		umockdev_ioctl_client_complete(client, -1, ENOTTY);
		break;
	}
	g_mutex_unlock(&fake.lock);
	return done;
}

static int
bed_up(const char *descriptors)
{
	char *dev;

	memset(fake.answer, 0, sizeof fake.answer);
	memset(fake.requests, 0, sizeof fake.requests);
	fake.npending = fake.max_urb = fake.hang = fake.stall = fake.clear_halts = 0;
	fake.unplug_at = 0;
	fake.unplugged = 0;
	fake.out = g_byte_array_new();
	fake.bed = umockdev_testbed_new();
	if (descriptors == NULL)
		return 0;
	fake.handler = umockdev_ioctl_base_new();
	g_signal_connect(fake.handler, "handle-ioctl", G_CALLBACK(handle), NULL);
	/* the handler first, so the device node is born emulated */
	if (!umockdev_testbed_attach_ioctl(fake.bed, "/dev/bus/usb/001/001", fake.handler, NULL))
		return -1;
	dev = g_strdup_printf("P: /devices/usb1\n"
			      "N: bus/usb/001/001\n"
			      "E: SUBSYSTEM=usb\n"
			      "E: DRIVER=usb\n"
			      "E: BUSNUM=001\n"
			      "E: DEVNUM=001\n"
			      "E: DEVNAME=/dev/bus/usb/001/001\n"
			      "E: DEVTYPE=usb_device\n"
			      "A: bConfigurationValue=1\\n\n"
			      "A: busnum=1\\n\n"
			      "A: devnum=1\\n\n"
			      "A: speed=12\\n\n"
			      "A: manufacturer=Winbond\\n\n"
			      "A: product=POS-58 Printer\\n\n"
			      "A: serial=KZ0001\\n\n"
			      "H: descriptors=%s\n",
		descriptors);
	if (!umockdev_testbed_add_from_string(fake.bed, dev, NULL)) {
		g_free(dev);
		return -1;
	}
	g_free(dev);
	return 0;
}

static int
setup_printer(void **state)
{
	(void)state;
	return bed_up(PRINTER_DESC);
}

static int
setup_out_only(void **state)
{
	(void)state;
	return bed_up(OUT_ONLY_DESC);
}

static int
setup_empty(void **state)
{
	(void)state;
	return bed_up(NULL);
}

static int
teardown(void **state)
{
	(void)state;
	if (fake.handler != NULL)
		umockdev_testbed_detach_ioctl(fake.bed, "/dev/bus/usb/001/001", NULL);
	g_clear_object(&fake.handler);
	g_clear_object(&fake.bed);
	g_list_free_full(fake.flying, (GDestroyNotify)umockdev_ioctl_data_unref);
	g_list_free_full(fake.discarded, (GDestroyNotify)umockdev_ioctl_data_unref);
	fake.flying = fake.discarded = NULL;
	g_byte_array_unref(fake.out);
	return 0;
}

/* Diagonals, a block and a frame, as in test_transport.c. */
static struct kz_bytes
ticket(void)
{
	struct kz_bitmap *bm = kz_bitmap_new(KZ_DOTS_58MM, 400);
	struct kz_bytes b = {0};
	int w = KZ_DOTS_58MM, h = 400;

	assert_non_null(bm);
	for (int y = 0; y < h; y++) {
		kz_bitmap_set(bm, y % w, y, 1);
		kz_bitmap_set(bm, w - 1 - (y * 3) % w, y, 1);
	}
	kz_bitmap_fill(bm, w / 4, h / 3, w / 3, h / 5, 1);
	kz_bitmap_fill(bm, 0, 0, w, 2, 1);
	kz_bitmap_fill(bm, 0, h - 2, w, 2, 1);
	assert_int_equal(kz_escpos_print(bm, 4, 1, &b), KZ_OK);
	kz_bitmap_free(bm);
	return b;
}

static void *
open_ok(const char *address)
{
	char err[KZ_ERR_LEN] = "";
	void *st = NULL;

	if (usb->open(address, 2000, &st, err) != KZ_OK)
		fail_msg("open %s: %s", address, err);
	assert_non_null(st);
	return st;
}

static void
test_find(void **state)
{
	(void)state;
	assert_ptr_equal(kz_transport_find(KZ_TRANSPORT_USB), &kz_transport_usb);
	assert_string_equal(usb->name, "usb");
	assert_non_null(usb->read_byte);
	usb->close(NULL);
}

static void
test_open_auto_and_by_id(void **state)
{
	char err[KZ_ERR_LEN] = "";
	void *st = NULL;

	(void)state;
	usb->close(open_ok("auto"));
	usb->close(open_ok("0416:5011"));
	usb->close(open_ok("416:5011"));
	assert_int_equal(usb->open("usb1", 2000, &st, err), KZ_EINVAL);
	assert_null(st);
	assert_has(err, "usb1");
	assert_int_equal(usb->open("0416:50112", 2000, &st, err), KZ_EINVAL);
	assert_int_equal(usb->open("auto", -1, &st, err), KZ_EINVAL);
	assert_int_equal(usb->open(NULL, 2000, &st, err), KZ_EINVAL);
}

/* A printer named by its serial number, as an office with two of one
 * model names them; the listing gives that address. */
static void
test_open_by_serial_and_list(void **state)
{
	struct kz_usb_printer list[KZ_USB_MAX];
	struct kz_bytes b = ticket();
	char err[KZ_ERR_LEN] = "";
	void *st = NULL;
	int n = -1;

	(void)state;
	st = open_ok("0416:5011:KZ0001");
	if (usb->write(st, b.data, b.len, 2000, err) != KZ_OK)
		fail_msg("write: %s", err);
	usb->close(st);
	g_mutex_lock(&fake.lock);
	assert_int_equal(fake.out->len, b.len);
	assert_memory_equal(fake.out->data, b.data, b.len);
	g_mutex_unlock(&fake.lock);
	kz_bytes_free(&b);
	st = NULL;
	assert_int_equal(usb->open("0416:5011:KZ0002", 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, "with serial number KZ0002");
	assert_int_equal(usb->open("0416:5011:", 2000, &st, err), KZ_EINVAL);

	assert_int_equal(kz_usb_list(list, KZ_USB_MAX, &n, err), KZ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].vendor, 0x0416);
	assert_int_equal(list[0].product, 0x5011);
	assert_string_equal(list[0].manufacturer, "Winbond");
	assert_string_equal(list[0].model, "POS-58 Printer");
	assert_string_equal(list[0].serial, "KZ0001");
	assert_string_equal(list[0].address, "0416:5011:KZ0001");
}

static void
test_unknown_device(void **state)
{
	char err[KZ_ERR_LEN] = "";
	void *st = NULL;

	(void)state;
	assert_int_equal(usb->open("1234:5678", 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, "1234:5678");
	assert_has(err, "plugged in");
}

static void
test_no_printer_at_all(void **state)
{
	char err[KZ_ERR_LEN] = "";
	void *st = NULL;

	(void)state;
	assert_int_equal(usb->open("auto", 2000, &st, err), KZ_EDEVICE);
	assert_null(st);
	assert_has(err, "no USB printer found (auto)");
}

static void
test_ticket_arrives_byte_exact(void **state)
{
	struct kz_bytes b = ticket();
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");

	(void)state;
	if (usb->write(st, b.data, b.len, 2000, err) != KZ_OK)
		fail_msg("write: %s", err);
	assert_int_equal(usb->write(st, b.data, 0, 2000, err), KZ_OK);
	usb->close(st);
	g_mutex_lock(&fake.lock);
	assert_true(b.len > 15000);
	assert_int_equal(fake.out->len, b.len);
	assert_memory_equal(fake.out->data, b.data, b.len);
	assert_true(fake.max_urb <= 4096);
	g_mutex_unlock(&fake.lock);
	kz_bytes_free(&b);
}

static void
answers(uint8_t n1, uint8_t n2, uint8_t n3, uint8_t n4)
{
	g_mutex_lock(&fake.lock);
	fake.answer[1] = n1;
	fake.answer[2] = n2;
	fake.answer[3] = n3;
	fake.answer[4] = n4;
	g_mutex_unlock(&fake.lock);
}

static void
test_status(void **state)
{
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "", text[128];
	void *st = open_ok("0416:5011");

	(void)state;
	answers(0x16, 0x12, 0x12, 0x12);
	if (kz_transport_status(usb, st, &ps, 2000, err) != KZ_OK)
		fail_msg("status: %s", err);
	assert_true(ps.online);
	assert_string_equal(kz_escpos_state_text(&ps, text, sizeof text), "ok");
	assert_int_equal(fake.requests[3], 0); /* no error: no DLE EOT 3 */

	answers(0x16, 0x12, 0x12, 0x72);
	assert_int_equal(kz_transport_status(usb, st, &ps, 2000, err), KZ_OK);
	assert_true(ps.paper_out);
	assert_has(kz_escpos_state_text(&ps, text, sizeof text), "paper out");

	/* an error in DLE EOT 2 asks DLE EOT 3 which */
	answers(0x1E, 0x52, 0x1A, 0x12);
	assert_int_equal(kz_transport_status(usb, st, &ps, 2000, err), KZ_OK);
	assert_true(ps.cutter_error);
	assert_int_equal(fake.requests[3], 1);
	assert_int_equal(ps.valid, (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4));

	answers(0x16, 0xFF, 0x12, 0x12);
	assert_int_equal(kz_transport_status(usb, st, &ps, 2000, err), KZ_EDEVICE);
	assert_has(err, "0xFF");
	usb->close(st);
}

static void
test_status_no_answer(void **state)
{
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");
	long long t0 = now_ms(), took;

	(void)state;
	assert_int_equal(kz_transport_status(usb, st, &ps, 300, err), KZ_EDEVICE);
	took = now_ms() - t0;
	assert_has(err, "did not answer");
	assert_has(err, "0416:5011");
	assert_true(took >= 250 && took < 1500);
	assert_int_equal(ps.valid, 0);
	usb->close(st);
}

static void
test_unplugged_mid_write(void **state)
{
	struct kz_bytes b = ticket();
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");
	long long t0 = now_ms();

	(void)state;
	g_mutex_lock(&fake.lock);
	fake.unplug_at = 10000;
	g_mutex_unlock(&fake.lock);
	assert_int_equal(usb->write(st, b.data, b.len, 5000, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 < 1000);
	assert_has(err, "the USB printer 0416:5011 was unplugged");
	g_mutex_lock(&fake.lock);
	assert_true(fake.out->len <= 10000);
	g_mutex_unlock(&fake.lock);
	usb->close(st);
	kz_bytes_free(&b);
}

static void
test_write_timeout(void **state)
{
	struct kz_bytes b = ticket();
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");
	long long t0 = now_ms(), took;

	(void)state;
	g_mutex_lock(&fake.lock);
	fake.hang = 1;
	g_mutex_unlock(&fake.lock);
	assert_int_equal(usb->write(st, b.data, b.len, 300, err), KZ_EDEVICE);
	took = now_ms() - t0;
	assert_has(err, "timed out after 300 ms");
	assert_true(took >= 250 && took < 1500);
	/* 0 waits for nothing, but still tries */
	t0 = now_ms();
	assert_int_equal(usb->write(st, b.data, b.len, 0, err), KZ_EDEVICE);
	assert_true(now_ms() - t0 < 500);
	usb->close(st);
	kz_bytes_free(&b);
}

static void
test_stall(void **state)
{
	uint8_t init[2] = {0x1B, 0x40};
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");

	(void)state;
	g_mutex_lock(&fake.lock);
	fake.stall = 1;
	g_mutex_unlock(&fake.lock);
	assert_int_equal(usb->write(st, init, sizeof init, 1000, err), KZ_EDEVICE);
	assert_has(err, "stalled");
	assert_int_equal(fake.clear_halts, 1);
	usb->close(st);
}

static void
test_no_bulk_in(void **state)
{
	uint8_t init[2] = {0x1B, 0x40};
	struct kz_printer_state ps;
	char err[KZ_ERR_LEN] = "";
	void *st = open_ok("auto");

	(void)state;
	assert_int_equal(usb->write(st, init, sizeof init, 1000, err), KZ_OK);
	assert_int_equal(kz_transport_status(usb, st, &ps, 1000, err), KZ_EDEVICE);
	assert_has(err, "gives no status");
	assert_has(err, "0416:5011");
	assert_int_equal(ps.valid, 0);
	usb->close(st);
	g_mutex_lock(&fake.lock);
	assert_int_equal(fake.out->len, 2);
	g_mutex_unlock(&fake.lock);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test_setup_teardown(test_open_auto_and_by_id, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_open_by_serial_and_list, setup_printer,
			teardown),
		cmocka_unit_test_setup_teardown(test_unknown_device, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_no_printer_at_all, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_ticket_arrives_byte_exact, setup_printer,
			teardown),
		cmocka_unit_test_setup_teardown(test_status, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_status_no_answer, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_unplugged_mid_write, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_write_timeout, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_stall, setup_printer, teardown),
		cmocka_unit_test_setup_teardown(test_no_bulk_in, setup_out_only, teardown),
	};

	/* without the preload libusb would see this machine's real USB */
	if (getenv("LD_PRELOAD") == NULL || strstr(getenv("LD_PRELOAD"), "umockdev") == NULL) {
		fprintf(stderr, "test_usb: run it under umockdev-wrapper (ctest does)\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
