/*
 * report.h - the managers' report (queue/report.h) as an A4 PDF with
 * charts, drawn with cairo as vector graphics, in Kazakh or Russian, for
 * saving or for an A4 printer (a4.h).
 *
 * Page 1: the key figures and two charts: the waiting-time distribution
 * with the wait limit (p.7.2) as a red line, and arrivals and median waits
 * by hour of day.  Page 2: the share of waits within the limit by day and
 * service times by counter (limit of p.7.3), then the tables by service,
 * counter and clerk, running on to further pages as they need.  Last
 * page: App. 4 of the standard as its table draws it, applications and
 * complaints.  Every label is in the chosen language; numbers, times,
 * dates (DD.MM.YYYY) and codes read alike in both, decimals with a comma.
 * Every page has the office's name, the range and "page / pages".
 *
 * Fonts: DejaVuSans.ttf and DejaVuSans-Bold.ttf from font_dir, embedded.
 * A range with no tickets still makes a whole report, "no data" in its
 * charts.  One thread at a time (ink/pdf.h).
 */
#ifndef KZ_DOC_REPORT_H
#define KZ_DOC_REPORT_H

#include "ink/bytes.h"
#include "queue/config.h"
#include "queue/report.h"

/* Append the report on r, for the office cfg (its name, limits and App. 4
 * targets), in lang ("kk" or "ru") to out (start from {0}; free with
 * kz_bytes_free).  KZ_EINVAL for another language or a NULL argument;
 * KZ_ECONFIG naming a font file that is missing or unusable; KZ_ENOMEM.
 * On failure out is as it was. */
int kz_doc_report_pdf(const struct kz_report *r, const struct kz_config *cfg, const char *lang,
	const char *font_dir, struct kz_bytes *out, char *err);

/* An office in the region's report: its App. 1 key, names and report. */
struct kz_doc_office {
	const char *key, *name_kk, *name_ru;
	const struct kz_report *r;
};

/* The region's report: all, the offices' figures together, as the report
 * above draws it, headed with the region's title and the number of
 * offices, and after the first page a table of the n offices in their
 * order (ranked by the caller) with visitors, served, waits and service
 * times against the limits.  cfg: the App. 4 targets.  Errors as above. */
int kz_doc_region_pdf(const struct kz_report *all, const struct kz_doc_office *offices, int n,
	const struct kz_config *cfg, const char *lang, const char *font_dir, struct kz_bytes *out,
	char *err);

#endif
