/* pin.c - PIN hashes with libcrypt; see pin.h. */
#include <crypt.h>
#include <string.h>

#include "error.h"
#include "pin.h"

static int
valid_pin(const char *pin)
{
	size_t n = strlen(pin);

	if (n < 4 || n > 12)
		return 0;
	return strspn(pin, "0123456789") == n;
}

int
kz_pin_hash(const char *pin, char *out, size_t len, char *err)
{
	struct crypt_data cd;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;

	if (!valid_pin(pin))
		return kz_err(err, KZ_EINVAL, "a PIN is 4 to 12 digits");
	/* NULL entropy: libcrypt draws the salt from the system's random source */
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return kz_err(err, KZ_ENOMEM, "cannot make a salt for the PIN");
	memset(&cd, 0, sizeof cd);
	h = crypt_rn(pin, salt, &cd, sizeof cd);
	if (h == NULL || h[0] == '*' || strlen(h) >= len)
		return kz_err(err, KZ_ENOMEM, "cannot hash the PIN");
	strcpy(out, h);
	return KZ_OK;
}

int
kz_pin_check(const char *pin, const char *hash)
{
	struct crypt_data cd;
	const char *h;
	size_t n;

	if (pin == NULL || hash == NULL || hash[0] != '$' || !valid_pin(pin))
		return 0;
	memset(&cd, 0, sizeof cd);
	h = crypt_rn(pin, hash, &cd, sizeof cd);
	n = strlen(hash);
	/* compare every byte, so the time taken tells nothing */
	if (h == NULL || strlen(h) != n)
		return 0;
	unsigned char diff = 0;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(h[i] ^ hash[i]);
	return diff == 0;
}
