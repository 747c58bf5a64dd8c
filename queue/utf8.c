/* utf8.c - one UTF-8 character at a time, and text cut between whole
 * characters; see utf8.h. */
#include <string.h>

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

size_t
kz_utf8_whole(const char *s, size_t n)
{
	size_t i = n;
	int need;

	/* back over at most 3 continuation bytes to the sequence's lead */
	while (i > 0 && n - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || ((unsigned char)s[i - 1] & 0xC0) != 0xC0)
		return n; /* ends on ASCII, or stray continuation bytes: not a cut */
	need = utf8_len((unsigned char)s[i - 1]);
	return need == 0 || n - (i - 1) >= (size_t)need ? n : i - 1;
}

int
kz_utf8_copy(char *dst, size_t len, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	int cut = n >= len;

	if (cut)
		n = kz_utf8_whole(src, len - 1);
	if (n > 0)
		memcpy(dst, src, n);
	dst[n] = '\0';
	return cut;
}

/* How many continuation bytes follow s[0], at most max. */
static int
continuations(const unsigned char *s, int max)
{
	int k = 0;

	while (k < max && (s[k + 1] & 0xC0) == 0x80)
		k++;
	return k;
}

size_t
kz_utf8_mend(char *s)
{
	unsigned char *in = (unsigned char *)s, *out = in;

	while (*in) {
		int need = utf8_len(*in), have;

		if (need <= 1) { /* ASCII, or a byte that starts nothing: kept */
			*out++ = *in++;
			continue;
		}
		have = continuations(in, need - 1);
		if (have == need - 1) {
			memmove(out, in, (size_t)need);
			out += need;
		}
		in += have + 1; /* a cut sequence is dropped whole */
	}
	*out = '\0';
	return (size_t)(out - (unsigned char *)s);
}

int
kz_utf8_chars(const char *s)
{
	uint32_t cp;
	int n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; n++)
		p += kz_utf8_next(p, &cp);
	return n;
}

int
kz_utf8_cp_width(uint32_t cp)
{
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
		(cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
		(cp >= 0x20D0 && cp <= 0x20FF))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		(cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		(cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
		(cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

int
kz_utf8_width(const char *s)
{
	uint32_t cp;
	int w = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		p += kz_utf8_next(p, &cp);
		w += cp == KZ_NOT_UNICODE ? 1 : kz_utf8_cp_width(cp);
	}
	return w;
}

size_t
kz_utf8_fit(const char *s, int cols)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t end = 0;
	int w = 0;

	while (*p) {
		int n = kz_utf8_next(p, &cp), cw = cp == KZ_NOT_UNICODE ? 1 : kz_utf8_cp_width(cp);

		if (w + cw > cols)
			break;
		w += cw;
		p += n;
		end = (size_t)(p - (const unsigned char *)s);
	}
	return end;
}

int
kz_utf8_cell(const char *s, int cols, int pad, char *out, size_t len)
{
	static const char ellipsis[] = "\u2026";
	size_t n = strlen(s), o;
	int cut = kz_utf8_width(s) > cols, w;

	if (len == 0)
		return cut;
	if (cut)
		n = cols > 0 ? kz_utf8_fit(s, cols - 1) : 0;
	if (n >= len)
		n = kz_utf8_whole(s, len - 1);
	memcpy(out, s, n);
	o = n;
	if (cut && cols > 0 && o + sizeof ellipsis <= len) {
		memcpy(out + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
	}
	out[o] = '\0';
	for (w = kz_utf8_width(out); pad && w < cols && o + 1 < len; w++)
		out[o++] = ' ';
	out[o] = '\0';
	return cut;
}
