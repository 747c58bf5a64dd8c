/*
 * report-charts.c - the report's four charts, drawn with cairo: the
 * waiting-time distribution with the 30-minute line, arrivals and waits by
 * hour, the share within the limit by day, per-counter service times.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report-charts.h"
#include "queue/stats.h"

/* A round step (1, 2 or 5 times a power of ten) for 0..max in about n. */
static double
nice_step(double max, int n)
{
	double raw = (max > 0 ? max : 1) / n, mag = 1;

	while (mag * 10 <= raw)
		mag *= 10;
	while (mag > raw)
		mag /= 10;
	return raw <= mag ? mag : raw <= 2 * mag ? 2 * mag : raw <= 5 * mag ? 5 * mag : 10 * mag;
}
/* An axis from 0 in whole steps of at least least up to max or more:
 * its step, and *top. */
static double
axis(double max, int n, double least, double *top)
{
	double step = nice_step(max, n);
	long k;

	step = step < least ? least : step;
	k = (long)(max / step);
	if (k * step < max)
		k++;
	*top = (k < 1 ? 1 : k) * step;
	return step;
}
/* A tick's value: whole, or with a comma decimal. */
static const char *
tick(char *buf, size_t len, double v)
{
	long t = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));

	if (t % 10 == 0)
		snprintf(buf, len, "%ld", t / 10);
	else
		snprintf(buf, len, "%ld,%ld", t / 10, t % 10 < 0 ? -(t % 10) : t % 10);
	return buf;
}
/* --- charts ------------------------------------------------------------- */

/* A chart's plot area, pt. */
struct frame {
	double x, y, w, h;
};

/* What a legend shows. */
enum { KEY_BAR, KEY_LINE, KEY_DASH, KEY_DOTS };
struct key {
	int kind;
	struct rgb c;
	const char *label;
};

/* A chart h high from p->y: its title; the axes' titles above the plot
 * (y2 on the right, may be NULL) with the legend (n keys) between them;
 * the x axis's title under it.  The plot area; p->y moves past the chart. */
static struct frame
chart(struct rep *p, double h, const char *title, const char *y1, const char *y2, const char *x,
	const struct key *keys, int n)
{
	double top = p->y, lw = 0, at, sw = 11, ly = top + 23, from, to, size = 7;
	struct frame f;

	f.x = LEFT + 30;
	f.w = RIGHT - (y2 != NULL ? 30 : 34) - f.x;
	f.y = top + 30;
	f.h = h - 30 - 26;
	kz_rd_colour(p, ink);
	kz_rd_put(p, LEFT, top + 10, WIDTH, 10, 1, AL, title);
	kz_rd_colour(p, dim);
	from = LEFT + kz_rd_put(p, LEFT, ly, WIDTH / 3, 7, 0, AL, y1) + 12;
	to = RIGHT;
	if (y2 != NULL) {
		kz_rd_font(p, 0, 7);
		to -= (kz_rd_measure(p, y2) < WIDTH / 3 ? kz_rd_measure(p, y2) : WIDTH / 3) + 12;
		kz_rd_put(p, RIGHT - WIDTH / 3, ly, WIDTH / 3, 7, 0, AR, y2);
	}
	kz_rd_put(p, f.x, f.y + f.h + 21, f.w, 7, 0, AC, x);
	/* the legend: centred on the plot, between the axes' titles, smaller if need be */
	kz_rd_font(p, 0, size);
	for (int i = 0; i < n; i++)
		lw += sw + 3 + kz_rd_measure(p, keys[i].label) + (i + 1 < n ? 12 : 0);
	if (lw > to - from) {
		size = size * (to - from) / lw < 5.5 ? 5.5 : size * (to - from) / lw;
		sw *= size / 7;
		lw *= size / 7;
	}
	at = f.x + (f.w - lw) / 2;
	at = at + lw > to ? to - lw : at;
	at = at < from ? from : at;
	for (int i = 0; i < n; i++) {
		double lwid;
		if (keys[i].kind == KEY_BAR) {
			kz_rd_rect(p, at, ly - 6, sw, 6.5, keys[i].c);
			kz_rd_colour(p, grid); /* a pale swatch needs its edge */
			cairo_set_line_width(p->cr, 0.4);
			cairo_rectangle(p->cr, at, ly - 6, sw, 6.5);
			cairo_stroke(p->cr);
		} else if (keys[i].kind == KEY_DOTS) {
			kz_rd_line(p, at, ly - 2.5, at + sw, ly - 2.5, 1, keys[i].c, 0);
			kz_rd_colour(p, keys[i].c);
			cairo_arc(p->cr, at + sw / 2, ly - 2.5, 2, 0, TAU);
			cairo_fill(p->cr);
		} else
			kz_rd_line(p, at, ly - 2.5, at + sw, ly - 2.5, 1.2, keys[i].c,
				keys[i].kind == KEY_DASH);
		kz_rd_colour(p, ink);
		kz_rd_font(p, 0, size);
		lwid = kz_rd_measure(p, keys[i].label);
		kz_rd_put(p, at + sw + 3, ly, lwid + 1, size, 0, AL, keys[i].label);
		at += sw + 3 + lwid + 12 * size / 7;
	}
	p->y = top + h;
	return f;
}

/* The plot's frame: the left and bottom axes. */
static void
axes(struct rep *p, const struct frame *f)
{
	kz_rd_line(p, f->x, f->y, f->x, f->y + f->h, 0.6, axis_ink, 0);
	kz_rd_line(p, f->x, f->y + f->h, f->x + f->w, f->y + f->h, 0.6, axis_ink, 0);
}

/* Ticks from 0 to top by step on the left (right: 0) or right side;
 * grid lines across the plot for the left one. */
static void
y_ticks(struct rep *p, const struct frame *f, double top, double step, int right)
{
	char buf[32];
	int n = (int)(top / step + 0.5);

	for (int i = 0; i <= n; i++) {
		double y = f->y + f->h - f->h * i / n;
		if (!right && i > 0)
			kz_rd_line(p, f->x, y, f->x + f->w, y, 0.4, grid, 0);
		if (right)
			kz_rd_line(p, f->x + f->w, y, f->x + f->w + 3, y, 0.6, axis_ink, 0);
		else
			kz_rd_line(p, f->x - 3, y, f->x, y, 0.6, axis_ink, 0);
		kz_rd_colour(p, ink);
		tick(buf, sizeof buf, step * i);
		if (right)
			kz_rd_put(p, f->x + f->w + 5, y + 2.3, 25, 6.5, 0, AL, buf);
		else
			kz_rd_put(p, f->x - 30, y + 2.3, 26, 6.5, 0, AR, buf);
	}
	if (right)
		kz_rd_line(p, f->x + f->w, f->y, f->x + f->w, f->y + f->h, 0.6, axis_ink, 0);
}

/* An x label centred at x under the plot. */
static void
x_label(struct rep *p, const struct frame *f, double x, double w, const char *s)
{
	kz_rd_colour(p, ink);
	kz_rd_put(p, x - w / 2, f->y + f->h + 9, w, 6.5, 0, AC, s);
}

static void
x_tick(struct rep *p, const struct frame *f, double x)
{
	kz_rd_line(p, x, f->y + f->h, x, f->y + f->h + 2.5, 0.6, axis_ink, 0);
}

/* An empty plot that says so. */
static void
no_data(struct rep *p, const struct frame *f)
{
	axes(p, f);
	kz_rd_colour(p, dim);
	kz_rd_put(p, f->x, f->y + f->h / 2 + 4, f->w, 11, 0, AC, p->w->no_data);
}

/* Waits in 5-minute bins, the limit as a red line between them. */
void
kz_rd_chart_waits(struct rep *p, double h)
{
	const struct kz_report *r = p->r;
	char lim[128], buf[32];
	struct key keys[] = {{KEY_BAR, bar, p->w->within_legend},
		{KEY_BAR, bar_over, p->w->over_legend},
		{KEY_LINE, red, kz_rd_fmt(lim, sizeof lim, p->w->limit, p->cfg->wait_limit_min)}};
	struct frame f = chart(p, h, p->w->hist_title, p->w->people, NULL, p->w->hist_x, keys, 3);
	double most = 0, top, step, bw = f.w / KZ_REPORT_BINS, lx;
	int limit = p->cfg->wait_limit_min;

	for (int i = 0; i < KZ_REPORT_BINS; i++)
		most = r->histogram[i] > most ? r->histogram[i] : most;
	if (most <= 0) {
		no_data(p, &f);
		return;
	}
	step = axis(most * 1.25, 5, 1, &top); /* room at the top for the limit's label */
	y_ticks(p, &f, top, step, 0);
	for (int i = 0; i < KZ_REPORT_BINS; i++) {
		double bh = f.h * r->histogram[i] / top, x = f.x + i * bw;
		if (r->histogram[i] > 0) {
			kz_rd_rect(p, x + bw * 0.1, f.y + f.h - bh, bw * 0.8, bh,
				i * 5 < limit ? bar : bar_over);
			kz_rd_colour(p, ink);
			kz_rd_put(p, x, f.y + f.h - bh - 2, bw, 6.5, 0, AC,
				kz_rd_fmt(buf, sizeof buf, "%d", r->histogram[i]));
		}
		x_tick(p, &f, x);
		if (i + 1 < KZ_REPORT_BINS)
			kz_rd_fmt(buf, sizeof buf, "%d–%d", i * 5, i * 5 + 5);
		else
			kz_rd_fmt(buf, sizeof buf, "%d+", i * 5);
		x_label(p, &f, x + bw / 2, bw - 2, buf);
	}
	x_tick(p, &f, f.x + f.w);
	axes(p, &f);
	lx = f.x + bw * (limit < 0 ? 0 : limit > 60 ? 60 : limit) / 5.0;
	kz_rd_fmt(buf, sizeof buf, p->w->min_limit, limit);
	kz_rd_font(p, 1, 7);
	kz_rd_rect(p, lx + 1.5, f.y + 1, kz_rd_measure(p, buf) + 3, 9, (struct rgb){1, 1, 1});
	kz_rd_line(p, lx, f.y, lx, f.y + f.h, 1.4, red, 0);
	kz_rd_colour(p, red);
	kz_rd_put(p, lx + 3, f.y + 8, 60, 7, 1, AL, buf);
}

/* The hours the chart of hours shows: the office's, and any with arrivals. */
static int
hour_span(const struct rep *p, int *lo, int *hi)
{
	const struct kz_hours *o = &p->cfg->hours;
	int any = 0;

	*lo = 24;
	*hi = -1;
	for (int h = 0; h < 24; h++)
		if (p->r->hours[h].places > 0) {
			*lo = h < *lo ? h : *lo;
			*hi = h;
			any = 1;
		}
	if (!any)
		return 0;
	if (o->close > o->open && o->open >= 0 && o->close <= 24 * 60) {
		*lo = o->open / 60 < *lo ? o->open / 60 : *lo;
		*hi = (o->close - 1) / 60 > *hi ? (o->close - 1) / 60 : *hi;
	}
	return 1;
}

/* Arrivals as bars on the left axis, the median wait as a line on the
 * right one, the limit dashed on it. */
void
kz_rd_chart_hours(struct rep *p, double h)
{
	const struct kz_report *r = p->r;
	char lim[128], buf[32];
	struct key keys[] = {{KEY_BAR, bar, p->w->arrivals},
		{KEY_DOTS, bar_over, p->w->median_wait},
		{KEY_DASH, red,
			kz_rd_fmt(lim, sizeof lim, p->w->limit_right, p->cfg->wait_limit_min)}};
	struct frame f = chart(p, h, p->w->hours_title, p->w->people, p->w->hours_y2, p->w->hours_x,
		keys, 3);
	double most = 0, wmost = p->cfg->wait_limit_min, top, top2, step, step2, bw, lw, px = 0,
	       py = 0, ly;
	int lo, hi, n, every = 1, have = 0;

	if (!hour_span(p, &lo, &hi)) {
		no_data(p, &f);
		return;
	}
	n = hi - lo + 1;
	bw = f.w / n;
	for (int i = lo; i <= hi; i++) {
		most = r->hours[i].places > most ? r->hours[i].places : most;
		if (r->hours[i].wait.n > 0 && r->hours[i].wait.median / 60.0 > wmost)
			wmost = r->hours[i].wait.median / 60.0;
	}
	/* five steps on each side, so the grid serves both */
	step = nice_step(most * 1.1, 5);
	step = step < 1 ? 1 : step;
	top = 5 * step;
	step2 = nice_step(wmost * 1.1, 5);
	step2 = step2 < 1 ? 1 : step2;
	top2 = 5 * step2;
	y_ticks(p, &f, top, step, 0);
	y_ticks(p, &f, top2, step2, 1);
	kz_rd_font(p, 0, 6.5);
	lw = kz_rd_measure(p, "00:00") + 4;
	while (every * bw < lw)
		every++;
	for (int i = 0; i < n; i++) {
		const struct kz_report_group *g = &r->hours[lo + i];
		double bh = f.h * g->places / top, x = f.x + i * bw;
		if (g->places > 0)
			kz_rd_rect(p, x + bw * 0.12, f.y + f.h - bh, bw * 0.76, bh, bar);
		if ((lo + i) % every == 0 || every == 1) {
			x_tick(p, &f, x);
			x_label(p, &f, x, lw, kz_rd_fmt(buf, sizeof buf, "%02d:00", lo + i));
		}
	}
	if ((hi + 1) % every == 0 || every == 1) {
		x_tick(p, &f, f.x + f.w);
		x_label(p, &f, f.x + f.w, lw, kz_rd_fmt(buf, sizeof buf, "%02d:00", hi + 1));
	}
	axes(p, &f);
	/* the limit against the waits' axis, on the right, labelled beside it */
	ly = f.y + f.h - f.h * p->cfg->wait_limit_min / top2;
	kz_rd_line(p, f.x, ly, f.x + f.w, ly, 1.2, red, 1);
	kz_rd_fmt(buf, sizeof buf, p->w->min_limit, p->cfg->wait_limit_min);
	kz_rd_font(p, 1, 7);
	kz_rd_rect(p, f.x + f.w - kz_rd_measure(p, buf) - 5, ly - 10, kz_rd_measure(p, buf) + 3,
		8.5, (struct rgb){1, 1, 1});
	kz_rd_colour(p, red);
	kz_rd_put(p, f.x + f.w - kz_rd_measure(p, buf) - 4, ly - 3, kz_rd_measure(p, buf) + 2, 7, 1,
		AL, buf);
	cairo_new_path(p->cr);        /* no current point for the arcs below to join */
	for (int i = 0; i < n; i++) { /* the median wait; no line across an hour without one */
		const struct kz_stat *s = &r->hours[lo + i].wait;
		double x = f.x + (i + 0.5) * bw, y = f.y + f.h - f.h * (s->median / 60.0) / top2;
		if (s->n == 0) {
			have = 0;
			continue;
		}
		if (have)
			kz_rd_line(p, px, py, x, y, 1.3, bar_over, 0);
		kz_rd_colour(p, bar_over);
		cairo_arc(p->cr, x, y, 2.2, 0, TAU);
		cairo_fill(p->cr);
		px = x;
		py = y;
		have = 1;
	}
}

/* Day i's month begins there: "2026-03-01". */
static int
first_of_month(const struct kz_report_day *d)
{
	return strlen(d->day) == 10 && d->day[8] == '0' && d->day[9] == '1';
}

/* The x labels of the days: every k-th day up to two months, else months
 * (or years, for ranges of many). */
static void
day_labels(struct rep *p, const struct frame *f, int n, double bw)
{
	const struct kz_report_day *d = p->r->days;
	char buf[32];
	double lw;
	int every = 1, months = 0, level;

	kz_rd_font(p, 0, 6.5);
	if (n <= 62) {
		static const int steps[] = {1, 2, 3, 5, 7, 10, 14, 21, 31};
		lw = kz_rd_measure(p, "00.00") + 4;
		for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++)
			if ((every = steps[k]) * bw >= lw)
				break;
		for (int i = 0; i < n; i += every) {
			x_tick(p, f, f->x + (i + 0.5) * bw);
			if (strlen(d[i].day) == 10)
				x_label(p, f, f->x + (i + 0.5) * bw, lw,
					kz_rd_fmt(buf, sizeof buf, "%.2s.%.2s", d[i].day + 8,
						d[i].day + 5));
		}
		return;
	}
	for (int i = 0; i < n; i++)
		months += first_of_month(&d[i]);
	/* a month is about 30.4 days wide: "MM.YYYY", else "MM", else years */
	level = 30.4 * bw >= kz_rd_measure(p, "00.0000") + 6 ? 0
		: 30.4 * bw >= kz_rd_measure(p, "00") + 4    ? 1
							     : 2;
	for (int i = 0; i < n; i++) {
		double x = f->x + i * bw, span = 30.4 * bw;
		if (!first_of_month(&d[i]) && !(i == 0 && months == 0))
			continue;
		if (level == 2 && !(d[i].day[5] == '0' && d[i].day[6] == '1'))
			continue;
		x_tick(p, f, x);
		if (level == 0)
			kz_rd_fmt(buf, sizeof buf, "%.2s.%.4s", d[i].day + 5, d[i].day);
		else if (level == 1)
			kz_rd_fmt(buf, sizeof buf, "%.2s", d[i].day + 5);
		else
			kz_rd_fmt(buf, sizeof buf, "%.4s", d[i].day);
		if (level == 2)
			span = 365 * bw;
		if (x + span <= f->x + f->w + 1)
			x_label(p, f, x + span / 2, span, buf);
	}
}

/* The share of waits within the limit, a bar a day; days off shaded. */
void
kz_rd_chart_days(struct rep *p, double h)
{
	const struct kz_report *r = p->r;
	struct key keys[] = {{KEY_BAR, bar, p->w->work_day}, {KEY_BAR, band, p->w->day_off},
		{KEY_DASH, green, p->w->norm100}};
	struct frame f = chart(p, h, p->w->days_title, p->w->days_y, NULL, p->w->days_x, keys, 3);
	int n = r->ndays < 0 ? 0 : r->ndays > KZ_REPORT_MAX_DAYS ? KZ_REPORT_MAX_DAYS : r->ndays;
	int any = 0;
	double bw, gap;

	for (int i = 0; i < n; i++)
		any |= r->days[i].wait.n > 0;
	if (!any) {
		no_data(p, &f);
		return;
	}
	bw = f.w / n;
	gap = bw >= 4 ? bw * 0.15 : 0;
	for (int i = 0; i < n; i++)
		if (!r->days[i].working)
			kz_rd_rect(p, f.x + i * bw, f.y, bw, f.h, band);
	y_ticks(p, &f, 100, 20, 0);
	for (int i = 0; i < n; i++) {
		const struct kz_stat *s = &r->days[i].wait;
		double bh;
		if (s->n == 0)
			continue;
		bh = f.h * kz_stat_share(s) / 100;
		kz_rd_rect(p, f.x + i * bw + gap, f.y + f.h - bh, bw - 2 * gap, bh, bar);
	}
	day_labels(p, &f, n, bw);
	axes(p, &f);
	kz_rd_line(p, f.x, f.y, f.x + f.w, f.y, 1.2, green, 1);
}

/* Each counter's median and 90th percentile service time, side by side. */
void
kz_rd_chart_counters(struct rep *p, double h)
{
	const struct kz_report *r = p->r;
	char lim[128], buf[32];
	struct key keys[] = {{KEY_BAR, bar, p->w->median}, {KEY_BAR, bar_light, p->w->p90},
		{KEY_LINE, red,
			kz_rd_fmt(lim, sizeof lim, p->w->limit, p->cfg->service_limit_min)}};
	struct frame f =
		chart(p, h, p->w->counters_title, p->w->minutes_y, NULL, p->w->counters_x, keys, 3);
	int n = r->ncounters < 0                 ? 0
		: r->ncounters > KZ_MAX_COUNTERS ? KZ_MAX_COUNTERS
						 : r->ncounters;
	int limit = p->cfg->service_limit_min, any = 0, every = 1;
	double most = limit, top, step, gw, lw, ly;

	for (int i = 0; i < n; i++)
		if (r->counters[i].service.n > 0) {
			any = 1;
			most = r->counters[i].service.p90 / 60.0 > most
				? r->counters[i].service.p90 / 60.0
				: most;
		}
	if (!any) {
		no_data(p, &f);
		return;
	}
	step = axis(most * 1.1, 5, 1, &top);
	y_ticks(p, &f, top, step, 0);
	gw = f.w / n;
	kz_rd_font(p, 0, 6.5);
	lw = 0;
	for (int i = 0; i < n; i++)
		lw = kz_rd_measure(p, r->counters[i].key) > lw
			? kz_rd_measure(p, r->counters[i].key)
			: lw;
	lw += 4;
	while (every * gw < lw && every < n)
		every++;
	for (int i = 0; i < n; i++) {
		const struct kz_stat *s = &r->counters[i].service;
		double x = f.x + i * gw, bw = gw * 0.36;
		if (s->n > 0) {
			double m = f.h * (s->median / 60.0) / top, q = f.h * (s->p90 / 60.0) / top;
			kz_rd_rect(p, x + gw / 2 - bw, f.y + f.h - m, bw, m, bar);
			kz_rd_rect(p, x + gw / 2, f.y + f.h - q, bw, q, bar_light);
		}
		if (i % every == 0) {
			x_tick(p, &f, x + gw / 2);
			x_label(p, &f, x + gw / 2, gw * every, r->counters[i].key);
		}
	}
	axes(p, &f);
	ly = f.y + f.h - f.h * limit / top;
	kz_rd_line(p, f.x, ly, f.x + f.w, ly, 1.4, red, 0);
	kz_rd_colour(p, red);
	kz_rd_put(p, f.x + f.w + 3, ly + 2.5, RIGHT - f.x - f.w - 3, 7, 1, AL,
		kz_rd_fmt(buf, sizeof buf, p->w->min_limit, limit));
}
