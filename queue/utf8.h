/*
 * utf8.h - decoding UTF-8 one character at a time, for the code that must
 * ask a font about each character (ui/render.c, ink/typeset.c); and
 * shortening text only between whole characters, by bytes (a buffer), by
 * characters or by the columns a terminal gives them (a table's cell), so
 * a letter is never cut in half ("Консультаци\xD1").
 */
#ifndef KZ_UTF8_H
#define KZ_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define KZ_NOT_UNICODE UINT32_MAX /* what a malformed UTF-8 sequence decodes to */

/* Decode the character s starts with into *cp (KZ_NOT_UNICODE when it is
 * malformed, overlong, a surrogate or past U+10FFFF); the bytes it took,
 * at least 1.  s is NUL-terminated. */
int kz_utf8_next(const unsigned char *s, uint32_t *cp);

/* The longest prefix of s's first n bytes that ends on a whole character:
 * n, or less when a multi-byte sequence is cut at byte n.  s holds at
 * least n bytes. */
size_t kz_utf8_whole(const char *s, size_t n);

/* Copy src (NULL as "") into dst, len bytes with the NUL (len >= 1), cut
 * at a whole character when it does not fit.  Returns whether it was cut. */
int kz_utf8_copy(char *dst, size_t len, const char *src);

/* Take out of s, in place, every multi-byte sequence cut short (its lead
 * byte and the continuation bytes it has), such as "%.40s" leaves in the
 * middle of a message; other bytes stay.  Returns s's new length. */
size_t kz_utf8_mend(char *s);

/* The characters of s (NUL-terminated), a malformed byte one each. */
int kz_utf8_chars(const char *s);

/* The terminal columns of code point cp: 0 for a combining mark or a
 * zero-width character, 2 for an East Asian wide one, 1 otherwise. */
int kz_utf8_cp_width(uint32_t cp);

/* The terminal columns of s. */
int kz_utf8_width(const char *s);

/* The bytes of the longest prefix of s that fits in cols columns, whole
 * characters (with their combining marks) only. */
size_t kz_utf8_fit(const char *s, int cols);

/* Fit s into cols columns as a table's cell into out (len bytes): as it
 * is when it fits, else cut to cols - 1 columns and ended with "…"; then
 * padded with spaces to exactly cols columns when pad is set.  Returns
 * whether it was cut. */
int kz_utf8_cell(const char *s, int cols, int pad, char *out, size_t len);

#endif
