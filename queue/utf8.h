/*
 * utf8.h - decoding UTF-8 one character at a time, for the code that must
 * ask a font about each character (ui/render.c, ink/typeset.c).
 */
#ifndef KZ_UTF8_H
#define KZ_UTF8_H

#include <stdint.h>

#define KZ_NOT_UNICODE UINT32_MAX /* what a malformed UTF-8 sequence decodes to */

/* Decode the character s starts with into *cp (KZ_NOT_UNICODE when it is
 * malformed, overlong, a surrogate or past U+10FFFF); the bytes it took,
 * at least 1.  s is NUL-terminated. */
int kz_utf8_next(const unsigned char *s, uint32_t *cp);

#endif
