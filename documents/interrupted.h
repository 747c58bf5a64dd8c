/*
 * interrupted.h - the short line a thermal printer prints under a printout
 * that was cut off when its service stopped ("printing was interrupted:
 * the paper above is incomplete"), so whoever tears it off knows not to
 * trust it.  printer/printd.c prints it before the next job.
 */
#ifndef KZ_DOC_INTERRUPTED_H
#define KZ_DOC_INTERRUPTED_H

#include "ink/layout.h"

/* Lay the line out in lang ("kk" or "ru") for paper width dots wide
 * (KZ_DOTS_58MM or KZ_DOTS_80MM).  KZ_EINVAL for another width or
 * language. */
int kz_doc_interrupted_layout(const char *lang, int width, struct kz_layout *out, char *err);

#endif
