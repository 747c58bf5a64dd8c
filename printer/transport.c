/* transport.c - the transports by name, as hall.ini's [printer NAME]
 * transport = names them; see transport.h. */
#include <string.h>

#include "transport.h"

const struct kz_transport_ops *
kz_transport_find(const char *name)
{
	/* usb and cups are valid in hall.ini but not built yet: NULL */
	static const struct kz_transport_ops *const all[] = {&kz_transport_tcp,
							     &kz_transport_device};

	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}
