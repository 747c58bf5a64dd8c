/*
 * report-draw.h - what the report's files share (private to
 * documents/report*.c): the page's measures, the wording, the colours,
 * the report being drawn, and the drawing primitives (report-draw.c) that
 * the tables (report.c) and the charts (report-charts.c) are drawn with.
 */
#ifndef KZ_REPORT_DRAW_H
#define KZ_REPORT_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include <cairo.h>

#include "ink/pdf.h"
#include "queue/config.h"
#include "queue/report.h"

#define MM          (72.0 / 25.4) /* pt a millimetre */
#define LEFT        (18 * MM)     /* the margins */
#define RIGHT       (KZ_PDF_A4_W - 18 * MM)
#define WIDTH       (RIGHT - LEFT)
#define TOP         (15 * MM)
#define FOOT        (KZ_PDF_A4_H - 13 * MM) /* the page number's baseline */
#define BODY_TOP    (TOP + 40)              /* below the page's head */
#define BODY_END    (FOOT - 16)             /* above its foot */
#define SHRINK      0.7  /* a text is set as small as this much of its size to fit */
#define CELL_SHRINK 0.85 /* in a table's row: then an ellipsis, rows alike */
#define TEXT_MAX    1024 /* bytes of one text, cleaned */
#define MAX_COLS    11
#define MAX_LINES   16   /* of a wrapped text */
#define ROW_H       12.5 /* a table's row */
#define CELL_PT     7.5  /* its text */
#define PAD         3    /* white inside a cell, each side */
#define TAU         6.283185307179586
#define CHART_LEAST 165 /* pt: a chart of page 2 at its smallest */
#define CHART_MOST  240

enum { AL, AC, AR }; /* text aligned left, centred, right */

/* The report's wording in one language; "%d" and "%s" as noted. */
struct words {
	const char *title, *period;                /* "%s" from, "%s" to */
	const char *region_title, *region_heading; /* the region's: "%d" offices */
	const char *offices_title, *office, *office_key;
	const char *key, *visitors, *served, *no_shows, *sent_on, *not_served;
	const char *wait_row, *service_row; /* "%d" limit, minutes */
	const char *median, *p90, *max, *within, *busiest, *no_data;
	const char *hist_title, *hist_x, *people, *within_legend, *over_legend;
	const char *limit; /* "%d" minutes */
	const char *hours_title, *hours_x, *hours_y2, *arrivals, *median_wait;
	const char *days_title, *days_x, *days_y, *work_day, *day_off, *norm100;
	const char *counters_title, *counters_x, *minutes_y;
	const char *by_service, *by_counter, *by_clerk, *continued;
	const char *code, *service, *counter, *clerk, *total;
	const char *col_places, *col_served, *col_no_shows, *col_sent;
	const char *col_wait, *col_service; /* over the columns of each */
	const char *col_median, *col_p90, *col_max, *col_within;
	const char *app4_title, *indicator, *norm, *target, *current;
	const char *apps, *accepted, *refused, *due, *on_time, *late, *deemed, *uncollected,
		*notices_late, *apps_none;
	const char *complaints, *received, *answered, *c_on_time, *c_late, *overdue,
		*complaints_none;
	const char *notes;
	const char *limit_right; /* the wait limit, drawn against the right axis */
	const char *over_limit;  /* waits over the limit, of which across the lunch break */
	const char *min_limit;   /* "%d" minutes: a chart's limit line */
};

struct rgb {
	double r, g, b;
};

extern const struct rgb ink, dim, axis_ink, grid, band, head_fill, bar, bar_light, bar_over, red,
	green;

/* The report being drawn. */
struct kz_doc_office;

struct rep {
	cairo_t *cr;
	cairo_font_face_t *const *face; /* regular, bold */
	const struct kz_report *r;
	const struct kz_config *cfg;
	const struct kz_doc_office *offices; /* the region's report: its offices, ranked */
	int noffices;
	const struct words *w;
	int kk;
	int page;      /* this page, from 1 */
	int pages;     /* all of them; 0 while they are counted */
	double y;      /* the top of what is left of this page */
	double shrink; /* how small put may set a text: SHRINK, CELL_SHRINK */
};

/* Text: cleaned to valid UTF-8; colour and font; width; set in a box of
 * width w (shrunk to fit, then cut with an ellipsis), returning its
 * advance; printf into buf; wrapped into lines; a day as DD.MM.YYYY. */
void kz_rd_clean(const char *s, char *out, size_t len);
void kz_rd_colour(struct rep *p, struct rgb c);
void kz_rd_font(struct rep *p, int bold, double size);
double kz_rd_measure(struct rep *p, const char *s);
double kz_rd_put(struct rep *p, double x, double y, double w, double size, int bold, int align,
	const char *s);
const char *kz_rd_fmt(char *buf, size_t len, const char *f, ...)
	__attribute__((format(printf, 3, 4)));
int kz_rd_wrap(struct rep *p, const char *s, double w, size_t start[MAX_LINES],
	size_t len[MAX_LINES]);
const char *kz_rd_date(char *buf, size_t len, const char *day);

/* Wrapped text: the size (down to size * SHRINK) at which s fits w in at
 * most max lines (*lines gets how many), and s set so from (x, y) with
 * line height lh, returning the lines drawn. */
double kz_rd_fit_wrapped(struct rep *p, const char *s, double w, double size, int bold, int max,
	int *lines);
int kz_rd_put_wrapped(struct rep *p, double x, double y, double w, double size, double lh, int bold,
	int align, int max, const char *s);

/* The page: its head (office, title, range, "page / pages"), a new one, whether h more pt fit on this one, a section's
 * title, a paragraph; boxes and lines. */
void kz_rd_page_head(struct rep *p);
void kz_rd_new_page(struct rep *p);
int kz_rd_fits(const struct rep *p, double h);
void kz_rd_section(struct rep *p, const char *title);
void kz_rd_paragraph(struct rep *p, double size, int bold, struct rgb c, const char *s);
void kz_rd_rect(struct rep *p, double x, double y, double w, double h, struct rgb c);
void kz_rd_line(struct rep *p, double x0, double y0, double x1, double y1, double width,
	struct rgb c, int dashed);

#endif
