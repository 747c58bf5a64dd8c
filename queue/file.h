/*
 * file.h - a whole file into memory, for the fonts the screens and the
 * printouts read once and open at every size from there.
 */
#ifndef KZ_FILE_H
#define KZ_FILE_H

#include <stddef.h>

/* The whole file at path, malloc'd (one byte more than *len, so it may be
 * ended as text), or NULL with errno set.  An empty file reads as empty:
 * its user then says what is wrong with it.  (stdio, not SDL_LoadFile,
 * whose error for a missing file says nothing about it.) */
void *kz_file_read(const char *path, size_t *len);

#endif
