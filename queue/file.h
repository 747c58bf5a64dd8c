/*
 * file.h - reading the files Kezek is given: each opened only if it is a
 * regular file no larger than its kind allows, so /dev/zero, a FIFO or a
 * huge file is refused at once instead of filling memory or blocking.
 */
#ifndef KZ_FILE_H
#define KZ_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* The largest file of each kind Kezek reads (bytes). */
#define KZ_FILE_MAX_CONFIG    (1L << 20)  /* hall.ini, a year's holidays */
#define KZ_FILE_MAX_DIRECTORY (8L << 20)  /* offices.csv, akimats.csv */
#define KZ_FILE_MAX_FONT      (64L << 20) /* a TrueType face */
#define KZ_FILE_MAX_PRINTOUT  (16L << 20) /* what a printer was sent (a preview) */

/* What a file that is not a regular one is ("a folder", "a pipe", "a
 * device", "a special file"), in the words kz_err says its messages in. */
const char *kz_file_kind(mode_t mode);

/* Open path for reading as a stdio stream if it is a regular file of at
 * most max bytes; what names it in messages ("configuration", "holiday
 * file").  NULL with err (KZ_ERR_LEN bytes) saying what, where and what to
 * do otherwise: missing or unreadable, not a regular file (a FIFO, a
 * device, a folder: refused without waiting for a writer), or too large. */
FILE *kz_file_open(const char *path, long max, const char *what, char *err);

/* The whole file at path, malloc'd (one byte more than *len, so it may be
 * ended as text), or NULL with err set as kz_file_open sets it.  An empty
 * file reads as empty: its user then says what is wrong with it. */
void *kz_file_load(const char *path, long max, const char *what, size_t *len, char *err);

/* kz_file_load of a font (at most KZ_FILE_MAX_FONT), NULL with errno set
 * (EINVAL: not a regular file; EFBIG: too large) for callers that word
 * their own message. */
void *kz_file_read(const char *path, size_t *len);

#endif
