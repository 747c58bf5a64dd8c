/* utf8.c - one UTF-8 character at a time; see utf8.h. */
#include "utf8.h"

/* Bytes of the UTF-8 sequence lead starts; 0 if it starts none. */
static int
utf8_len(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead < 0xC2) /* a continuation byte, or an overlong start */
		return 0;
	if (lead < 0xE0)
		return 2;
	if (lead < 0xF0)
		return 3;
	return lead < 0xF5 ? 4 : 0;
}

/* Decode one UTF-8 character of s into *cp (KZ_NOT_UNICODE when malformed);
 * the bytes it took. */
int
kz_utf8_next(const unsigned char *s, uint32_t *cp)
{
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	int n = utf8_len(s[0]);
	uint32_t c;

	if (n == 0) {
		*cp = KZ_NOT_UNICODE;
		return 1;
	}
	c = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = KZ_NOT_UNICODE;
			return i;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	*cp = c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? KZ_NOT_UNICODE : c;
	return n;
}
