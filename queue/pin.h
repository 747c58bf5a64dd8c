/*
 * pin.h - PINs kept as salted hashes (crypt(3), yescrypt): the kiosk's
 * administrator PIN (adminpin.h) and the clerks' PINs.  A PIN itself is
 * never stored or logged.
 */
#ifndef KZ_PIN_H
#define KZ_PIN_H

#include <stddef.h>

#define KZ_PIN_HASH_LEN 160 /* bytes of a hash, with NUL */

/* Hash pin (4 to 12 digits) with a fresh random salt into out.  KZ_EINVAL
 * for a PIN that is not 4 to 12 digits; KZ_ENOMEM if hashing fails. */
int kz_pin_hash(const char *pin, char *out, size_t len, char *err);

/* 1 if pin matches hash (as kz_pin_hash made it), 0 otherwise. */
int kz_pin_check(const char *pin, const char *hash);

#endif
