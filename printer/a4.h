/*
 * a4.h - an A4 PDF straight to an A4 printer of the hall (role a4), through
 * its transport (transport.h: a CUPS queue, or a folder that keeps each
 * page as a PDF file); and a whole-file writer.  For documents made on
 * request, such as a report; what a visitor or clerk is owed (forms,
 * receipts) goes through the outbox and kezek-printd instead.
 */
#ifndef KZ_A4_H
#define KZ_A4_H

#include <stddef.h>
#include <stdint.h>

#include "queue/config.h"

#define KZ_A4_TIMEOUT_MS 30000 /* for a CUPS job to be taken and printed */

/* Print pdf (len bytes) titled title on the hall's A4 printer named
 * printer (a folder's file: the time, then the title).  KZ_EINVAL for a
 * printer that is not in hall.ini or not A4; KZ_EDEVICE naming the fault
 * when it cannot be printed. */
int kz_a4_print(const struct kz_config *cfg, const char *printer, const char *title,
	const uint8_t *pdf, size_t len, char *err);

/* Write data to path whole: under a temporary name, synced, then renamed,
 * so a file that is there is complete and nothing is left on failure
 * (KZ_EDEVICE naming the path; errno then tells the cause).  The file is
 * readable by all (0644): a report's figures carry no one's name. */
int kz_a4_save(const char *path, const uint8_t *data, size_t len, char *err);

/* The same, readable by its owner only (0600): a printout that names a
 * person (the folder printer's receipts, notices, talons). */
int kz_a4_save_private(const char *path, const uint8_t *data, size_t len, char *err);

#endif
