/*
 * report-charts.h - the report's four charts (report-charts.c), drawn with
 * the primitives of report-draw.h; used by report.c only.
 */
#ifndef KZ_REPORT_CHARTS_H
#define KZ_REPORT_CHARTS_H

#include "report-draw.h"

/* Each chart h pt high from p->y: the waiting-time distribution with the
 * limit, arrivals and median waits by hour, the share within the limit by
 * day, service times by counter. */
void kz_rd_chart_waits(struct rep *p, double h);
void kz_rd_chart_hours(struct rep *p, double h);
void kz_rd_chart_days(struct rep *p, double h);
void kz_rd_chart_counters(struct rep *p, double h);

#endif
