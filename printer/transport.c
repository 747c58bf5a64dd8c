/* transport.c - the transports by name, as hall.ini's [printer NAME]
 * transport = names them; see transport.h. */
#include <string.h>

#include "transport.h"

/* usb.c's table; transport.h names only tcp and device so far */

const struct kz_transport_ops *
kz_transport_find(const char *name)
{
	/* cups is valid in hall.ini but not built yet: NULL */
	static const struct kz_transport_ops *const all[] = {
		&kz_transport_tcp, &kz_transport_device, &kz_transport_usb};

	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}
