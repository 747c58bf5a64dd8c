/*
 * report-csv.h - the managers' report (queue/report.h) as CSV: RFC 4180,
 * UTF-8, CRLF, one row per group with a section column; every section
 * adds up to the all row.  Names in Kazakh (kk set) or Russian.
 */
#ifndef KZ_DOC_REPORT_CSV_H
#define KZ_DOC_REPORT_CSV_H

#include <stdio.h>

#include "queue/config.h"
#include "queue/report.h"

/* Write r for the office cfg (its App. 4 targets) to f. */
void kz_doc_report_csv(FILE *f, const struct kz_report *r, const struct kz_config *cfg, int kk);

#endif
