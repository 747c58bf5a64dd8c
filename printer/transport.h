/*
 * transport.h - how bytes reach a printer: a const table of operations for
 * each way in, so the outbox and the documents never know which one runs.
 */
#ifndef KZ_TRANSPORT_H
#define KZ_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "escpos.h"

/* Every operation returns KZ_OK, KZ_EINVAL for an address or argument that
 * is malformed, KZ_ENOMEM, or KZ_EDEVICE when the printer cannot be
 * reached, refuses, drops the connection or times out; err (KZ_ERR_LEN
 * bytes, may be NULL) then names the printer's address and the reason.  A
 * timeout_ms of 0 waits for nothing; below 0 is KZ_EINVAL.  After a failed
 * write the printer may hold part of a printout: close and open again
 * before sending the next one. */
struct kz_transport_ops {
	const char *name; /* "tcp", "device", "usb" */
	/* Connect to address ("host:port", port defaulting to 9100, for tcp;
	 * a path such as /dev/usb/lp0 for device), waiting at most
	 * timeout_ms; but tcp's name lookup keeps the system resolver's own
	 * timeouts (an IP address needs none).  *state is the transport's own. */
	int (*open)(const char *address, int timeout_ms, void **state, char *err);
	/* Send all len bytes or fail; never longer than timeout_ms in all.
	 * KZ_OK means the bytes have left Kezek (the kernel may still hold
	 * some), not that they are on paper: status tells that. */
	int (*write)(void *state, const uint8_t *data, size_t len, int timeout_ms, char *err);
	/* Ask the printer's real-time status (DLE EOT 1, 2, 4, and 3 when 2
	 * reports an error) and fill *st, which is reset first; on failure
	 * st->valid tells which answers came.  May be NULL: this transport
	 * cannot read back.  device returns KZ_EDEVICE for a file it could
	 * not open for reading (a FIFO, a regular file, a write-only device). */
	int (*status)(void *state, struct kz_printer_state *st, int timeout_ms, char *err);
	/* Let go of the printer; state may be NULL.  tcp resets a connection
	 * whose write failed rather than let it deliver half a printout. */
	void (*close)(void *state);
};

extern const struct kz_transport_ops kz_transport_tcp, kz_transport_device, kz_transport_usb;

/* One status exchange: send DLE EOT what and read the printer's answer
 * byte into *answer, within the transport's deadline (io is its own). */
typedef int (*kz_status_exchange)(void *io, int what, uint8_t *answer, char *err);

/* The status dialogue every ESC/POS transport has: DLE EOT 1, 2 and 4, and
 * 3 when 2 reports an error; *st reset first.  where names the printer in
 * messages ("at 127.0.0.1:9100", "0416:5011").  KZ_EDEVICE for an answer
 * that is no status byte, or what exchange returned. */
int kz_transport_status(kz_status_exchange exchange, void *io, const char *where,
	struct kz_printer_state *st, char *err);

/* The transport of this name (as in [printer NAME] transport =), or NULL
 * if unknown or not built yet. */
const struct kz_transport_ops *kz_transport_find(const char *name);

#endif
