/*
 * hallconf.h - the hall's configuration on a device's own machine: the
 * board and the kiosk read the same hall.ini as on the hall machine (the
 * services, their names, the kiosk's printers), fetched from kezek-hall
 * (GET /api/device/config) at each start and kept beside the credential,
 * so that a device whose server is away still starts with the last copy.
 */
#ifndef KZ_REMOTE_HALLCONF_H
#define KZ_REMOTE_HALLCONF_H

#include <stddef.h>

#include "remote/client.h"
#include "remote/device.h"

/* Fetch the configuration through r into hall.ini beside conf->credential
 * (replaced whole) and put that file's path in path (len bytes).  With the
 * server away, the copy kept from before (a warning on stderr); KZ_EDEVICE
 * when there is none yet, KZ_ECONFIG when it cannot be written. */
int kz_device_hall_config(const struct kz_device_conf *conf, struct kz_remote *r, char *path,
	size_t len, char *err);

#endif
