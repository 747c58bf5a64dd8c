/* transport.c - the transports by name, as hall.ini's [printer NAME]
 * transport = names them; see transport.h. */
#include <string.h>

#include "transport.h"
#include "queue/error.h"

/* usb.c's table; transport.h names only tcp and device so far */

const struct kz_transport_ops *
kz_transport_find(const char *name)
{
	/* cups is valid in hall.ini but not built yet: NULL */
	static const struct kz_transport_ops *const all[] = {&kz_transport_tcp,
		&kz_transport_device, &kz_transport_usb};

	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

int
kz_transport_status(kz_status_exchange exchange, void *io, const char *where,
	struct kz_printer_state *st, char *err)
{
	static const int asked[] = {KZ_STATUS_PRINTER, KZ_STATUS_OFFLINE, KZ_STATUS_PAPER,
		KZ_STATUS_ERROR};
	uint8_t b;
	int rc;

	memset(st, 0, sizeof *st);
	for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
		/* which error it is only when there is one: most printers are fine */
		if (asked[i] == KZ_STATUS_ERROR && !st->error)
			break;
		if ((rc = exchange(io, asked[i], &b, err)) != KZ_OK)
			return rc;
		if (kz_escpos_status_parse(asked[i], b, st) != KZ_OK)
			return kz_err(err, KZ_EDEVICE,
				"the printer %s answered 0x%02X to status request DLE EOT %d, "
				"which is no status byte; is it an ESC/POS printer?",
				where, b, asked[i]);
	}
	return KZ_OK;
}
