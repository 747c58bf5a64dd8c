/*
 * report-out.h - a report as a table for the terminal, shared by kezek
 * report and kezek region report (their CSV: documents/report-csv.h).
 */
#ifndef KZ_REPORT_OUT_H
#define KZ_REPORT_OUT_H

#include "queue/config.h"
#include "queue/report.h"

/* Waits over the limit, and how many of them the lunch break explains. */
void kz_report_print_lunch(const struct kz_report *r);

/* The tables: all, services, counters, clerks, hours of arrival. */
void kz_report_print_groups(const struct kz_report *r, int kk);

/* Busiest hours, applications, complaints and the App. 4 table. */
void kz_report_print_cases(const struct kz_report *r, const struct kz_config *cfg, int kk);

struct kz_cli;

/* The range a report command was given (RANGE, --week DATE, or --from and
 * --to; today if none) into from and to (11 bytes each); 0, or the usage
 * error's exit code, said. */
int kz_report_cli_range(struct kz_cli *cli, char *from, char *to);

#endif
