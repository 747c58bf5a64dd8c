/*
 * usb.h - USB printers as an office sets them up: the printer-class
 * devices plugged in, each with what hall.ini's address for it is.  The
 * transport itself (libusb, ESC/POS) is kz_transport_usb in transport.h.
 *
 * hall.ini's address for transport = usb is one of
 *   auto                   the one USB printer plugged in
 *   VVVV:PPPP              the one printer of that vendor and product id
 *   VVVV:PPPP:SERIAL       that printer by its serial number, so two of the
 *                          same model are told apart
 * More than one printer matching auto or VVVV:PPPP is refused, naming them:
 * a ticket must not go to whichever printer came first.
 */
#ifndef KZ_USB_H
#define KZ_USB_H

#define KZ_USB_MAX 16 /* printers kz_usb_list reports at most */

struct kz_usb_printer {
	unsigned vendor, product; /* idVendor, idProduct */
	int bus, device;          /* where it is plugged now: changes when replugged */
	char manufacturer[64];    /* as the device names itself; "" if it does not */
	char model[64];
	char serial[64];  /* iSerialNumber; "" for a printer without one */
	char address[96]; /* what to write after address = in hall.ini */
	int can_open;     /* this user may open it (a udev rule gives the group) */
};

/* The printer-class USB devices plugged in, at most max (KZ_USB_MAX) into
 * out in bus and device order, *n how many; their strings from sysfs, where the kernel keeps them
 * for anyone to read.  KZ_OK (with *n 0 for none), or KZ_EDEVICE when
 * libusb cannot start or list the devices. */
int kz_usb_list(struct kz_usb_printer *out, int max, int *n, char *err);

#endif
