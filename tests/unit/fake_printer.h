/*
 * fake_printer.h - a network printer for tests: a TCP server on 127.0.0.1
 * in a thread, that takes, stalls, drops or refuses.  One at a time.
 */
#ifndef KZ_FAKE_PRINTER_H
#define KZ_FAKE_PRINTER_H

#include <stddef.h>
#include <stdint.h>

enum fake_mode {
	FAKE_ACCEPT, /* read everything, keep it, answer DLE EOT n with its status byte */
	FAKE_STALL,  /* accept but never read: the sender's buffers fill */
	FAKE_DROP,   /* read up to fake_printer_drop_after bytes, then close */
	FAKE_REFUSE, /* nothing listens on the port: connects are refused */
};

/* Start on 127.0.0.1 at a port the kernel picks, written to *port.  Status
 * bytes start as "all well" (n 1 0x16, 2..4 0x12); DROP after 1000 bytes.
 * Connections are taken one after another.  The server gives up by itself
 * after 30 s.  0, or -1 (with errno) when the socket cannot be made. */
int fake_printer_start(enum fake_mode mode, int *port);

/* The answer to DLE EOT n (1..4); after start, which resets them. */
void fake_printer_set_status(int n, uint8_t byte);

/* How many bytes DROP reads from each connection before closing it; after
 * start. */
void fake_printer_drop_after(size_t n);

/* A copy of every byte received so far, over all connections (free it);
 * *len its length.  Call after fake_printer_stop for all of them. */
uint8_t *fake_printer_bytes(size_t *len);

/* How many connections were accepted. */
int fake_printer_connections(void);

/* Stop: a connection still open is read to its end first (at most 2 s
 * without a byte), then closed; the bytes stay for fake_printer_bytes
 * until the next start. */
void fake_printer_stop(void);

#endif
