/*
 * read.h - reading the fields of an answer of kezek-hall (or a device's
 * request) with a message naming the field at fault, for board.c and
 * kiosk.c of wire/.
 */
#ifndef KZ_WIRE_READ_H
#define KZ_WIRE_READ_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* The string key of o into out (len bytes): KZ_EINVAL if absent, not a
 * string, or too long. */
int kz_wire_text(const json_t *o, const char *key, char *out, size_t len, char *err);

/* The integer (or boolean: 0, 1) key of o: KZ_EINVAL if absent or neither. */
int kz_wire_int64(const json_t *o, const char *key, int64_t *out, char *err);
int kz_wire_int(const json_t *o, const char *key, int *out, char *err);

#endif
