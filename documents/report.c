/* report.c - the managers' report as an A4 PDF with charts; see report.h.
 * Start at make_pdf: the report is drawn twice, first only to count its pages. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "report.h"
#include "ink/pdf.h"
#include "queue/error.h"
#include "queue/i18n.h"
#include "queue/stats.h"
#include "queue/utf8.h"

#include "report-charts.h"
#include "doc.h"
#include "report-draw.h"

static const struct words english = {
	.title = N("Report on the service of visitors"),
	.region_title = N("Report on the service of visitors in the region's offices"),
	/* TRANSLATORS: the region's report's heading: %d how many offices */
	.region_heading = N("Land relations offices of the region: %d"),
	.offices_title = N("Offices, ranked by the share of waits within the limit"),
	/* TRANSLATORS: a table's column: the land relations office */
	.office = N("Office"),
	/* TRANSLATORS: a table's column: the office's key in Appendix 1 (akmola-akkol-district) */
	.office_key = N("Key (Appendix 1)"),
	/* TRANSLATORS: the range's first and last day */
	.period = N("Period: %s\u00A0–\u00A0%s"),
	.key = N("Key figures"),
	.visitors = N("Visitors (tickets issued)"),
	/* TRANSLATORS: a row of the report's key figures: visitors served */
	.served = N("Served"),
	.no_shows = N("Did not come when called"),
	.sent_on = N("Sent on to another service"),
	.not_served = N("Not served before closing"),
	/* TRANSLATORS: %d the wait limit in minutes (p.7.2) */
	.wait_row = N("Waiting, min (limit %d)"),
	/* TRANSLATORS: %d the service limit in minutes (p.7.3) */
	.service_row = N("Service, min (limit %d)"),
	.median = N("Median"),
	.p90 = N("90th percentile"),
	.max = N("Maximum"),
	.within = N("Within the limit"),
	.busiest = N("Busiest hours:"),
	.no_data = N("No data"),
	.hist_title = N("Distribution of waiting times"),
	.hist_x = N("Waiting time, min"),
	/* TRANSLATORS: a chart's axis: how many visitors */
	.people = N("Visitors"),
	.within_legend = N("Waited no longer than the limit"),
	.over_legend = N("Waited longer than the limit"),
	/* TRANSLATORS: %d the wait limit in minutes */
	.limit = N("Limit: %d\u00A0min"),
	.hours_title = N("Arrivals and waiting by hour of the day"),
	.hours_x = N("Hour of arrival"),
	.hours_y2 = N("Median wait, min"),
	.arrivals = N("Visitors who came"),
	.median_wait = N("Median wait"),
	.days_title = N("Share of visitors who waited no longer than the limit, by day"),
	.days_x = N("Date"),
	/* TRANSLATORS: a chart's axis, in per cent (no format) */
	.days_y = N("Share, %"),
	.work_day = N("Working day"),
	.day_off = N("Day off or holiday"),
	/* TRANSLATORS: a chart's line at 100 per cent (no format) */
	.norm100 = N("Limit: 100\u00A0%"),
	.counters_title = N("Service time by counter"),
	/* TRANSLATORS: a chart's axis: the counters */
	.counters_x = N("Counter"),
	.minutes_y = N("Minutes"),
	.by_service = N("By service"),
	.by_counter = N("By counter"),
	.by_clerk = N("By clerk"),
	.continued = N("(continued)"),
	/* TRANSLATORS: a table's column: the service's code */
	.code = N("Code"),
	/* TRANSLATORS: a table's column: the service */
	.service = N("Service"),
	.counter = N("Counter"),
	/* TRANSLATORS: a table's column: the clerk */
	.clerk = N("Clerk"),
	/* TRANSLATORS: a table's last row */
	.total = N("Total"),
	.col_places = N("Joined the queue"),
	.col_served = N("Served"),
	.col_no_shows = N("Did not come"),
	.col_sent = N("Sent on to another service"),
	/* TRANSLATORS: a group of columns of the report's tables */
	.col_wait = N("Waiting time"),
	/* TRANSLATORS: a group of columns of the report's tables: from the call to the end */
	.col_service = N("Service time"),
	.col_median = N("median, min"),
	.col_p90 = N("90th percentile, min"),
	.col_max = N("maximum, min"),
	/* TRANSLATORS: a table's column, in per cent (no format) */
	.col_within = N("within the limit, %"),
	.app4_title = N(
		"Indicators of the quality and accessibility of the state service (Appendix 4 to the "
		"standard)"),
	.indicator = N("Indicators of quality and accessibility"),
	.norm = N("The indicator's normative value"),
	.target = N("The indicator's target value in the following year"),
	.current = N("The indicator's current value in the reporting period"),
	.apps = N("Applications"),
	.accepted = N("Accepted with the full set of documents"),
	.refused = N("Acceptance refused (p.\u00A016)"),
	.due = N("Review term passed"),
	.on_time = N("Decided on time"),
	.late = N("Decided late"),
	.deemed = N("Not decided on time (deemed approved)"),
	.uncollected = N("Not collected for more than 6 months (p.\u00A026)"),
	.notices_late = N("Notices of refusal sent late"),
	.apps_none = N("The register of applications holds no data yet."),
	.complaints = N("Complaints"),
	.received = N("Received"),
	.answered = N("Reviewed"),
	.c_on_time = N("On time"),
	.c_late = N("Late"),
	.overdue = N("Overdue (not reviewed)"),
	.complaints_none = N("The complaints journal holds no data yet."),
	.notes = N(
		"Waiting runs from taking the ticket to the first call (p.\u00A07.2), and for those sent "
		"on to another service from first taking the ticket; a wait across the lunch break counts "
		"in full, and how many there were is shown apart; whoever was not called before closing "
		"waited until closing. Service runs from the call to the end (p.\u00A07.3). Percentiles by "
		"the nearest-rank method."),
	/* TRANSLATORS: %d the wait limit in minutes */
	.limit_right = N("Wait limit: %d\u00A0min (right axis)"),
	/* TRANSLATORS: %d waits over the limit, %d of them across lunch, %s their share in per cent */
	.over_limit = N(
		"Waited longer than the limit: %d; of them across the lunch break: %d (%s\u00A0%%)"),
	/* TRANSLATORS: a chart's label: the limit, %d minutes */
	.min_limit = N("%d\u00A0min"),
};

/* --- numbers ----------------------------------------------------------- */

/* Seconds as minutes with one decimal, a comma before it: "12,5". */
static const char *
minutes(char *buf, size_t len, int64_t s)
{
	long long t = (long long)((s < 0 ? 0 : s) * 10 + 30) / 60;

	snprintf(buf, len, "%lld,%lld", t / 10, t % 10);
	return buf;
}

/* A per cent with one decimal (kz_stat_share, App. 4): "66,7". */
static const char *
per_cent(char *buf, size_t len, double v)
{
	long t = (long)(v * 10 + 0.5);

	snprintf(buf, len, "%ld,%ld", t / 10, t % 10);
	return buf;
}

/* A statistic's minutes, or a dash when it has no values. */
static const char *
stat_min(char *buf, size_t len, const struct kz_stat *s, int64_t v)
{
	if (s->n > 0)
		return minutes(buf, len, v);
	snprintf(buf, len, "%s", "—");
	return buf;
}

/* A statistic's share within its limit, or a dash. */
static const char *
stat_share(char *buf, size_t len, const struct kz_stat *s)
{
	if (s->n > 0)
		return per_cent(buf, len, kz_stat_share(s));
	snprintf(buf, len, "%s", "—");
	return buf;
}

/* --- tables ------------------------------------------------------------- */

struct col {
	const char *head;
	double w; /* pt; 0: what the others leave */
	int align;
	const char *group; /* over this and its neighbours of the same group; NULL none */
};

struct table {
	const char *title;
	int n;
	struct col col[MAX_COLS];
	double x[MAX_COLS + 1]; /* column edges */
	double head_size;       /* of the header's text */
	double group_h;         /* of its line of groups, 0 if none */
	double head_h;          /* the whole header's */
	int rows;               /* drawn so far, for the shading */
};

#define HEAD_PT    6.5
#define HEAD_LINES 4

/* Column edges and the header's size and height. */
static void
table_setup(struct rep *p, struct table *t)
{
	double fixed = 0, least = HEAD_PT;
	int lines = 1, most = 1;

	for (int i = 0; i < t->n; i++)
		fixed += t->col[i].w;
	t->x[0] = LEFT;
	for (int i = 0; i < t->n; i++)
		t->x[i + 1] = t->x[i] + (t->col[i].w > 0 ? t->col[i].w : WIDTH - fixed);
	/* one size for the whole header: the least any column needs */
	for (int i = 0; i < t->n; i++) {
		char buf[TEXT_MAX];
		double s;
		kz_rd_clean(t->col[i].head, buf, sizeof buf);
		s = kz_rd_fit_wrapped(p, buf, t->x[i + 1] - t->x[i] - 2 * PAD + 0.01, HEAD_PT, 0,
			HEAD_LINES, &lines);
		least = s < least ? s : least;
	}
	for (int i = 0; i < t->n; i++) {
		char buf[TEXT_MAX];
		size_t st[MAX_LINES], ln[MAX_LINES];
		kz_rd_clean(t->col[i].head, buf, sizeof buf);
		kz_rd_font(p, 0, least);
		lines = kz_rd_wrap(p, buf, t->x[i + 1] - t->x[i] - 2 * PAD + 0.01, st, ln);
		most = lines > most ? lines : most;
	}
	most = most > HEAD_LINES ? HEAD_LINES : most;
	t->head_size = least;
	t->group_h = 0;
	for (int i = 0; i < t->n; i++)
		if (t->col[i].group != NULL)
			t->group_h = HEAD_PT * 1.2 + PAD;
	t->head_h = t->group_h + most * least * 1.2 + 2 * PAD;
}

/* The groups' names centred over their columns, a rule under each. */
static void
table_groups(struct rep *p, const struct table *t)
{
	for (int i = 0, j; i < t->n; i = j) {
		for (j = i + 1;
			j < t->n && t->col[i].group != NULL && t->col[j].group == t->col[i].group;)
			j++;
		if (t->col[i].group == NULL)
			continue;
		kz_rd_colour(p, ink);
		kz_rd_put(p, t->x[i] + PAD, p->y + PAD + HEAD_PT, t->x[j] - t->x[i] - 2 * PAD,
			HEAD_PT, 0, AC, t->col[i].group);
		kz_rd_line(p, t->x[i] + PAD, p->y + t->group_h + 0.5, t->x[j] - PAD,
			p->y + t->group_h + 0.5, 0.4, axis_ink, 0);
	}
}

/* The table's title and header from p->y. */
static void
table_head(struct rep *p, struct table *t, int continued)
{
	char buf[TEXT_MAX];

	kz_rd_section(p,
		continued ? kz_rd_fmt(buf, sizeof buf, "%s %s", t->title, p->w->continued)
			  : t->title);
	kz_rd_rect(p, LEFT, p->y, WIDTH, t->head_h, head_fill);
	table_groups(p, t);
	kz_rd_colour(p, ink);
	for (int i = 0; i < t->n; i++) {
		double lh = t->head_size * 1.2;
		char c[TEXT_MAX];
		size_t st[MAX_LINES], ln[MAX_LINES];
		int lines;
		kz_rd_clean(t->col[i].head, c, sizeof c);
		kz_rd_font(p, 0, t->head_size);
		lines = kz_rd_wrap(p, c, t->x[i + 1] - t->x[i] - 2 * PAD + 0.01, st, ln);
		lines = lines > HEAD_LINES ? HEAD_LINES : lines;
		/* at the foot of the header, as spreadsheets set them */
		kz_rd_put_wrapped(p, t->x[i] + PAD,
			p->y + t->head_h - PAD - (lines - 1) * lh - t->head_size * 0.25,
			t->x[i + 1] - t->x[i] - 2 * PAD + 0.01, t->head_size, lh, 0,
			t->col[i].align, HEAD_LINES, t->col[i].head);
	}
	kz_rd_line(p, LEFT, p->y + t->head_h, RIGHT, p->y + t->head_h, 0.6, axis_ink, 0);
	p->y += t->head_h;
	t->rows = 0;
}

/* Start a table (set up) of rows rows: here if it fits; on the next page
 * if it fits there whole; else here if its header and three rows fit, to
 * run on over pages. */
static void
table_begin(struct rep *p, struct table *t, int rows)
{
	double whole = 18 + t->head_h + rows * ROW_H;

	p->y += 6;
	if (!kz_rd_fits(p, whole) &&
		(whole <= BODY_END - BODY_TOP || !kz_rd_fits(p, whole - (rows - 3) * ROW_H)))
		kz_rd_new_page(p);
	table_head(p, t, 0);
}

/* One row of cells, left rows to go with it; the header again on a new
 * page if it does not fit, and the last two rows (one the total) kept
 * together. */
static void
table_row(struct rep *p, struct table *t, char cells[][KZ_NAME_LEN + 32], int bold, int left)
{
	if (!kz_rd_fits(p, ROW_H * (left == 2 ? 2 : 1))) {
		kz_rd_new_page(p);
		table_head(p, t, 1);
	}
	if (t->rows++ % 2 == 1)
		kz_rd_rect(p, LEFT, p->y, WIDTH, ROW_H, band);
	if (bold)
		kz_rd_line(p, LEFT, p->y, RIGHT, p->y, 0.6, axis_ink, 0);
	kz_rd_colour(p, ink);
	p->shrink = CELL_SHRINK;
	for (int i = 0; i < t->n; i++)
		kz_rd_put(p, t->x[i] + PAD, p->y + ROW_H - 3.6, t->x[i + 1] - t->x[i] - 2 * PAD,
			CELL_PT, bold, t->col[i].align, cells[i]);
	p->shrink = SHRINK;
	p->y += ROW_H;
}

/* A service: code, name, places, served, no-shows, waits, service median. */
static void
service_cells(const char *code, const char *name, const struct kz_report_group *g,
	char c[][KZ_NAME_LEN + 32])
{
	size_t n = KZ_NAME_LEN + 32;

	snprintf(c[0], n, "%s", code);
	snprintf(c[1], n, "%s", name);
	snprintf(c[2], n, "%d", g->places);
	snprintf(c[3], n, "%d", g->served);
	snprintf(c[4], n, "%d", g->no_shows);
	stat_min(c[5], n, &g->wait, g->wait.median);
	stat_min(c[6], n, &g->wait, g->wait.p90);
	stat_min(c[7], n, &g->wait, g->wait.max);
	stat_share(c[8], n, &g->wait);
	stat_min(c[9], n, &g->service, g->service.median);
}

/* A counter or clerk: name, places, served, no-shows, sent on, wait
 * median and share within its limit, service median, p90, max and share
 * within its limit: the columns of the terminal's table. */
static void
person_cells(const char *name, const struct kz_report_group *g, char c[][KZ_NAME_LEN + 32])
{
	size_t n = KZ_NAME_LEN + 32;

	snprintf(c[0], n, "%s", name);
	snprintf(c[1], n, "%d", g->places);
	snprintf(c[2], n, "%d", g->served);
	snprintf(c[3], n, "%d", g->no_shows);
	snprintf(c[4], n, "%d", g->transferred);
	stat_min(c[5], n, &g->wait, g->wait.median);
	stat_share(c[6], n, &g->wait);
	stat_min(c[7], n, &g->service, g->service.median);
	stat_min(c[8], n, &g->service, g->service.p90);
	stat_min(c[9], n, &g->service, g->service.max);
	stat_share(c[10], n, &g->service);
}

/* The tables' columns, set up: by service, by counter, by clerk. */
static void
table_specs(struct rep *p, struct table t[3])
{
	const struct words *w = p->w;
	const char *wt = w->col_wait, *sv = w->col_service;
	const struct col person[] = {{NULL, 0, AL, NULL}, {w->col_places, 38, AR, NULL},
		{w->col_served, 38, AR, NULL}, {w->col_no_shows, 36, AR, NULL},
		{w->col_sent, 42, AR, NULL}, {w->col_median, 38, AR, wt},
		{w->col_within, 40, AR, wt}, {w->col_median, 38, AR, sv}, {w->col_p90, 38, AR, sv},
		{w->col_max, 38, AR, sv}, {w->col_within, 40, AR, sv}};

	t[0] = (struct table){.title = w->by_service,
		.n = 10,
		.col = {{w->code, 28, AL, NULL}, {w->service, 0, AL, NULL},
			{w->col_places, 40, AR, NULL}, {w->col_served, 40, AR, NULL},
			{w->col_no_shows, 40, AR, NULL}, {w->col_median, 40, AR, wt},
			{w->col_p90, 40, AR, wt}, {w->col_max, 40, AR, wt},
			{w->col_within, 40, AR, wt}, {w->col_median, 56, AR, sv}}};
	for (int k = 1; k < 3; k++) {
		t[k] = (struct table){.title = k == 1 ? w->by_counter : w->by_clerk, .n = 11};
		memcpy(t[k].col, person, sizeof person);
		t[k].col[0].head = k == 1 ? w->counter : w->clerk;
	}
	for (int k = 0; k < 3; k++)
		table_setup(p, &t[k]);
}

/* Rows of table k (table_specs), the total's included. */
static int
rows_of(const struct kz_report *r, int k)
{
	int n = k == 0 ? r->nservices : k == 1 ? r->ncounters : r->nclerks;
	int most = k == 0 ? KZ_MAX_SERVICES : k == 1 ? KZ_MAX_COUNTERS : KZ_REPORT_MAX_CLERKS;

	return (n < 0 ? 0 : n > most ? most : n) + 1;
}

/* The height of the first k tables run together, as table_begin and
 * table_row set them. */
static double
tables_height(struct rep *p, int k)
{
	struct table t[3];
	double h = 0;

	table_specs(p, t);
	for (int i = 0; i < k; i++)
		h += 6 + 18 + t[i].head_h + rows_of(p->r, i) * ROW_H;
	return h;
}

static void
tables(struct rep *p)
{
	const struct kz_report *r = p->r;
	char c[MAX_COLS][KZ_NAME_LEN + 32];
	struct table t[3];

	table_specs(p, t);
	table_begin(p, &t[0], rows_of(r, 0));
	for (int i = 0, n = rows_of(r, 0); i + 1 < n; i++) {
		const struct kz_report_group *g = &r->services[i];
		const char *name = p->kk ? g->name_kk : g->name_ru;
		service_cells(g->key, name[0] ? name : g->key, g, c);
		table_row(p, &t[0], c, 0, n - i);
	}
	service_cells("", p->w->total, &r->total, c);
	table_row(p, &t[0], c, 1, 1);
	for (int k = 1; k < 3; k++) {
		const struct kz_report_group *g = k == 1 ? r->counters : r->clerks;
		int n = rows_of(r, k);
		table_begin(p, &t[k], n);
		for (int i = 0; i + 1 < n; i++) {
			person_cells(g[i].key, &g[i], c);
			table_row(p, &t[k], c, 0, n - i);
		}
		person_cells(p->w->total, &r->total, c);
		table_row(p, &t[k], c, 1, 1);
	}
}

/* The region's offices in their order: visitors, served, waits and
 * service times against the limits. */
static void
offices_table(struct rep *p)
{
	const struct words *w = p->w;
	const char *wt = w->col_wait, *sv = w->col_service;
	char c[MAX_COLS][KZ_NAME_LEN + 32];
	size_t len = KZ_NAME_LEN + 32;
	struct table t = {.title = w->offices_title,
		.n = 10,
		.col = {{"#", 16, AR, NULL}, {w->office, 0, AL, NULL},
			{w->office_key, 96, AL, NULL}, {w->visitors, 44, AR, NULL},
			{w->col_served, 40, AR, NULL}, {w->col_median, 40, AR, wt},
			{w->col_p90, 40, AR, wt}, {w->col_within, 44, AR, wt},
			{w->col_median, 40, AR, sv}, {w->col_within, 44, AR, sv}}};

	table_setup(p, &t);
	table_begin(p, &t, p->noffices);
	for (int i = 0; i < p->noffices; i++) {
		const struct kz_doc_office *o = &p->offices[i];
		const struct kz_report_group *g = &o->r->total;
		const char *name = p->kk ? o->name_kk : o->name_ru;
		snprintf(c[0], len, "%d", i + 1);
		snprintf(c[1], len, "%s", name[0] ? name : o->key);
		snprintf(c[2], len, "%s", o->key);
		snprintf(c[3], len, "%d", o->r->issued);
		snprintf(c[4], len, "%d", g->served);
		stat_min(c[5], len, &g->wait, g->wait.median);
		stat_min(c[6], len, &g->wait, g->wait.p90);
		stat_share(c[7], len, &g->wait);
		stat_min(c[8], len, &g->service, g->service.median);
		stat_share(c[9], len, &g->service);
		table_row(p, &t, c, 0, p->noffices - i);
	}
}

/* --- the key figures, App. 4 and the registers ---------------------------- */

/* The waits over the limit and, of them, those across the lunch break:
 * the standard's figure stands, and this explains part of it. */
static void
lunch_line(struct rep *p)
{
	const struct kz_report_group *g = &p->r->total;
	int over = g->wait.n - g->wait.within;
	char buf[TEXT_MAX], v[32];

	per_cent(v, sizeof v, over > 0 ? 100.0 * g->lunch_over / over : 0);
	kz_rd_colour(p, ink);
	kz_rd_put(p, LEFT, p->y + 9, WIDTH, 8.5, 0, AL,
		kz_rd_fmt(buf, sizeof buf, p->w->over_limit, over, g->lunch_over, v));
	p->y += 20;
}

/* The counts on the left; waits and service times against their limits on
 * the right; the busiest hours under both. */
static void
key_figures(struct rep *p)
{
	const struct kz_report *r = p->r;
	const struct words *w = p->w;
	const char *labels[] = {w->visitors, w->served, w->no_shows, w->sent_on, w->not_served};
	const int counts[] = {r->issued, r->total.served, r->total.no_shows, r->total.transferred,
		r->total.not_served};
	const char *heads[] = {w->median, w->p90, w->max, w->within};
	const struct kz_stat *stats[] = {&r->total.wait, &r->total.service};
	const int limits[] = {p->cfg->wait_limit_min, p->cfg->service_limit_min};
	const char *rows[] = {w->wait_row, w->service_row};
	double lh = 13.5, lw = WIDTH * 0.38, rx = LEFT + WIDTH * 0.41, rw = RIGHT - rx;
	double cw = 42, labw = rw - 4 * cw, hh = 22, top, at;
	char buf[TEXT_MAX], v[32];

	kz_rd_section(p, w->key);
	top = p->y;
	for (int i = 0; i < 5; i++) {
		double y = top + i * lh + 10;
		kz_rd_colour(p, ink);
		kz_rd_put(p, LEFT, y, lw - 36, 8, 0, AL, labels[i]);
		kz_rd_put(p, LEFT + lw - 36, y, 36, 8.5, 1, AR,
			kz_rd_fmt(v, sizeof v, "%d", counts[i]));
		kz_rd_line(p, LEFT, y + 3.5, LEFT + lw, y + 3.5, 0.4, grid, 0);
	}
	kz_rd_rect(p, rx, top, rw, hh, head_fill);
	for (int i = 0; i < 4; i++) {
		double x = rx + labw + i * cw, s;
		int lines;
		kz_rd_clean(heads[i], buf, sizeof buf);
		s = kz_rd_fit_wrapped(p, buf, cw - 2 * PAD, 7, 0, 2, &lines);
		kz_rd_colour(p, ink);
		kz_rd_put_wrapped(p, x + PAD, top + hh - PAD - (lines > 1 ? s * 1.2 : 0) - 1.5,
			cw - 2 * PAD, s, s * 1.2, 0, AR, 2, buf);
	}
	for (int k = 0; k < 2; k++) {
		const struct kz_stat *s = stats[k];
		double y = top + hh + k * 17 + 12;
		kz_rd_colour(p, ink);
		kz_rd_put(p, rx + PAD, y, labw - 2 * PAD, 8, 0, AL,
			kz_rd_fmt(buf, sizeof buf, rows[k], limits[k]));
		kz_rd_put(p, rx + labw + PAD, y, cw - 2 * PAD, 8.5, 1, AR,
			stat_min(v, sizeof v, s, s->median));
		kz_rd_put(p, rx + labw + cw + PAD, y, cw - 2 * PAD, 8.5, 1, AR,
			stat_min(v, sizeof v, s, s->p90));
		kz_rd_put(p, rx + labw + 2 * cw + PAD, y, cw - 2 * PAD, 8.5, 1, AR,
			stat_min(v, sizeof v, s, s->max));
		if (s->n > 0)
			kz_rd_fmt(buf, sizeof buf, "%s\u00A0%%",
				per_cent(v, sizeof v, kz_stat_share(s)));
		else
			kz_rd_fmt(buf, sizeof buf, "%s", "—");
		kz_rd_put(p, rx + labw + 3 * cw + PAD, y, cw - 2 * PAD, 8.5, 1, AR, buf);
		kz_rd_line(p, rx, y + 5, RIGHT, y + 5, 0.4, grid, 0);
	}
	p->y = top + 5 * lh + 8;
	/* the busiest hours, with their arrivals */
	kz_rd_colour(p, ink);
	at = kz_rd_put(p, LEFT, p->y + 9, WIDTH * 0.5, 8.5, 1, AL, w->busiest) + 6;
	buf[0] = '\0';
	for (int i = 0; i < 3; i++) {
		int h = r->busiest[i];
		size_t n = strlen(buf);
		if (h < 0 || h > 23)
			break;
		snprintf(buf + n, sizeof buf - n, "%s%02d:00–%02d:00\u00A0(%d)", i ? ",  " : "", h,
			h + 1, r->hours[h].places);
	}
	kz_rd_put(p, LEFT + at, p->y + 9, WIDTH - at, 8.5, 0, AL, buf[0] ? buf : w->no_data);
	p->y += 14;
	lunch_line(p);
}

/* App. 4 as the standard draws it: indicator, norm, next year's target,
 * the current value (with its count of what). */
static void
app4(struct rep *p)
{
	struct kz_app4_row rows[KZ_APP4_ROWS];
	const struct words *w = p->w;
	const char *heads[] = {"№", w->indicator, w->norm, w->target, w->current};
	double x[6], hs = 7.5, hh, top;
	int most = 1;
	char buf[TEXT_MAX], v[64];

	kz_report_app4(p->r, &p->cfg->targets, rows);
	x[0] = LEFT;
	x[1] = x[0] + 28;
	x[5] = RIGHT;
	x[4] = x[5] - 88;
	x[3] = x[4] - 84;
	x[2] = x[3] - 76;
	for (int i = 0; i < 5; i++) { /* one size for the header */
		int lines;
		double s;
		kz_rd_clean(heads[i], buf, sizeof buf);
		s = kz_rd_fit_wrapped(p, buf, x[i + 1] - x[i] - 2 * PAD, 7.5, 1, 4, &lines);
		hs = s < hs ? s : hs;
	}
	for (int i = 0; i < 5; i++) {
		size_t st[MAX_LINES], ln[MAX_LINES];
		int lines;
		kz_rd_clean(heads[i], buf, sizeof buf);
		kz_rd_font(p, 1, hs);
		lines = kz_rd_wrap(p, buf, x[i + 1] - x[i] - 2 * PAD, st, ln);
		most = lines > most ? lines : most;
	}
	most = most > 4 ? 4 : most;
	hh = most * hs * 1.2 + 2 * PAD + 2;
	kz_rd_section(p, w->app4_title);
	top = p->y;
	kz_rd_rect(p, LEFT, top, WIDTH, hh, head_fill);
	for (int i = 0; i < 5; i++) {
		size_t st[MAX_LINES], ln[MAX_LINES];
		int lines;
		kz_rd_clean(heads[i], buf, sizeof buf);
		kz_rd_font(p, 1, hs);
		lines = kz_rd_wrap(p, buf, x[i + 1] - x[i] - 2 * PAD, st, ln);
		lines = lines > 4 ? 4 : lines;
		kz_rd_colour(p, ink);
		kz_rd_put_wrapped(p, x[i] + PAD, top + (hh - lines * hs * 1.2) / 2 + hs * 0.95,
			x[i + 1] - x[i] - 2 * PAD, hs, hs * 1.2, 1, AC, 4, buf);
	}
	p->y = top + hh;
	for (int i = 0; i < KZ_APP4_ROWS; i++) {
		const struct kz_app4_row *a = &rows[i];
		const char *name = p->kk ? a->name_kk : a->name_ru;
		size_t st[MAX_LINES], ln[MAX_LINES];
		double nh, rh, mid;
		int lines;
		kz_rd_clean(name, buf, sizeof buf);
		kz_rd_font(p, 0, 8);
		lines = kz_rd_wrap(p, buf, x[2] - x[1] - 2 * PAD, st, ln);
		nh = lines * 10.5;
		rh = (nh > 24 ? nh : 24) + 2 * PAD + 2;
		mid = p->y + rh / 2;
		kz_rd_colour(p, ink);
		kz_rd_put(p, x[0] + PAD, p->y + PAD + 9, x[1] - x[0] - 2 * PAD, 8.5, 1, AL,
			a->code);
		kz_rd_put_wrapped(p, x[1] + PAD, mid - nh / 2 + 8, x[2] - x[1] - 2 * PAD, 8, 10.5,
			0, AL, MAX_LINES, buf);
		kz_rd_put(p, x[2] + PAD, mid + 3, x[3] - x[2] - 2 * PAD, 9, 0, AC,
			kz_rd_fmt(v, sizeof v, "%d\u00A0%%", a->norm));
		kz_rd_put(p, x[3] + PAD, mid + 3, x[4] - x[3] - 2 * PAD, 9, 0, AC,
			kz_rd_fmt(v, sizeof v, "%d\u00A0%%", a->target));
		if (a->current < 0) { /* nothing to count yet: n = 0 */
			kz_rd_put(p, x[4] + PAD, mid, x[5] - x[4] - 2 * PAD, 9, 1, AC, "—");
			kz_rd_colour(p, dim);
			kz_rd_put(p, x[4] + PAD, mid + 9, x[5] - x[4] - 2 * PAD, 6.5, 0, AC,
				kz_rd_fmt(v, sizeof v, "%d / %d", a->count, a->of));
		} else {
			char pc[32];
			kz_rd_put(p, x[4] + PAD, mid, x[5] - x[4] - 2 * PAD, 9, 1, AC,
				kz_rd_fmt(v, sizeof v, "%s\u00A0%%",
					per_cent(pc, sizeof pc, a->current)));
			kz_rd_colour(p, dim);
			kz_rd_put(p, x[4] + PAD, mid + 9, x[5] - x[4] - 2 * PAD, 6.5, 0, AC,
				kz_rd_fmt(v, sizeof v, "%d / %d", a->count, a->of));
		}
		kz_rd_line(p, LEFT, p->y + rh, RIGHT, p->y + rh, 0.5, axis_ink, 0);
		p->y += rh;
	}
	/* the grid: the frame and the columns */
	kz_rd_colour(p, axis_ink);
	cairo_set_line_width(p->cr, 0.7);
	cairo_rectangle(p->cr, LEFT, top, WIDTH, p->y - top);
	cairo_stroke(p->cr);
	for (int i = 1; i < 5; i++)
		kz_rd_line(p, x[i], top, x[i], p->y, 0.5, axis_ink, 0);
	kz_rd_line(p, LEFT, top + hh, RIGHT, top + hh, 0.7, axis_ink, 0);
	p->y += 14;
}

/* Labelled counts, one a line. */
static void
counts(struct rep *p, const char *const labels[], const int values[], int n)
{
	char v[32];

	for (int i = 0; i < n; i++) {
		double y = p->y + 10;
		kz_rd_colour(p, ink);
		kz_rd_put(p, LEFT + 6, y, WIDTH * 0.62, 8.5, 0, AL, labels[i]);
		kz_rd_put(p, LEFT + WIDTH * 0.62, y, WIDTH * 0.12, 9, 1, AR,
			kz_rd_fmt(v, sizeof v, "%d", values[i]));
		kz_rd_line(p, LEFT, y + 3.5, LEFT + WIDTH * 0.75, y + 3.5, 0.4, grid, 0);
		p->y += 13.5;
	}
}

/* Applications and complaints against their terms, or that the registers
 * are still empty. */
static void
cases(struct rep *p)
{
	const struct kz_report_apps *a = &p->r->apps;
	const struct kz_report_complaints *c = &p->r->complaints;
	const struct words *w = p->w;
	const char *al[] = {w->accepted, w->refused, w->due, w->on_time, w->late, w->deemed,
		w->uncollected, w->notices_late};
	const int av[] = {a->accepted, a->refused, a->due, a->on_time, a->late, a->deemed,
		a->uncollected, a->notices_late};
	const char *cl[] = {w->received, w->answered, w->c_on_time, w->c_late, w->overdue};
	const int cv[] = {c->received, c->answered, c->on_time, c->late, c->overdue};

	if (!kz_rd_fits(p, 18 + 8 * 13.5))
		kz_rd_new_page(p);
	kz_rd_section(p, w->apps);
	if (a->available)
		counts(p, al, av, 8);
	else
		kz_rd_paragraph(p, 8.5, 0, dim, w->apps_none);
	p->y += 10;
	if (!kz_rd_fits(p, 18 + 5 * 13.5))
		kz_rd_new_page(p);
	kz_rd_section(p, w->complaints);
	if (c->available)
		counts(p, cl, cv, 5);
	else
		kz_rd_paragraph(p, 8.5, 0, dim, w->complaints_none);
	p->y += 12;
	kz_rd_paragraph(p, 7, 0, dim, w->notes);
}

/* --- the PDF ------------------------------------------------------------- */

static void
draw_report(struct rep *p)
{
	double h;

	p->page = 1;
	p->shrink = SHRINK;
	kz_rd_page_head(p);
	key_figures(p);
	h = (BODY_END - p->y - 12) / 2;
	kz_rd_chart_waits(p, h);
	p->y += 12;
	kz_rd_chart_hours(p, h);
	/* the region's offices first on page 2, the charts by day and counter
	 * under them */
	kz_rd_new_page(p);
	if (p->noffices > 0) {
		p->y -= 6;
		offices_table(p);
		p->y += 10;
		if (!kz_rd_fits(p, 2 * CHART_LEAST + 12)) /* many offices: the charts after */
			kz_rd_new_page(p);
	}
	/* the charts as large as room for the tables leaves, or for as many
	 * of them as can be had with the charts no smaller than CHART_LEAST */
	for (int k = 3; k >= 0; k--)
		if ((h = (BODY_END - p->y - 10 - tables_height(p, k) - 2) / 2) >= CHART_LEAST)
			break;
	h = h < CHART_LEAST ? CHART_LEAST : h > CHART_MOST ? CHART_MOST : h;
	kz_rd_chart_days(p, h);
	p->y += 10;
	kz_rd_chart_counters(p, h);
	tables(p);
	kz_rd_new_page(p);
	app4(p);
	cases(p);
	cairo_show_page(p->cr);
}

/* Draw the report on surface: cairo's status after. */
static cairo_status_t
draw_on(cairo_surface_t *surface, struct rep *p)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_status_t st;

	p->cr = cairo_create(surface);
	/* unhinted metrics, as pdf.c's: what is measured is what is drawn */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(p->cr, fo);
	cairo_font_options_destroy(fo);
	draw_report(p);
	st = cairo_status(p->cr);
	cairo_destroy(p->cr);
	p->cr = NULL;
	return st;
}

/* Where the PDF's bytes go. */
struct sink {
	struct kz_bytes *out;
	int failed;
};

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct sink *s = closure;

	if (kz_bytes_add(s->out, data, n) == KZ_OK)
		return CAIRO_STATUS_SUCCESS;
	s->failed = 1;
	return CAIRO_STATUS_WRITE_ERROR;
}

static int
drawing_failed(cairo_status_t st, char *err)
{
	if (st == CAIRO_STATUS_NO_MEMORY || st == CAIRO_STATUS_WRITE_ERROR)
		return kz_err(err, KZ_ENOMEM, "out of memory making the report's PDF");
	return kz_err(err, KZ_EINVAL, "cannot draw the report's PDF: %s",
		cairo_status_to_string(st));
}

/* Count the pages on a recording surface, then draw them into out. */
static int
make_pdf(struct rep *p, struct kz_bytes *out, char *err)
{
	cairo_rectangle_t a4 = {0, 0, KZ_PDF_A4_W, KZ_PDF_A4_H};
	cairo_surface_t *surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &a4);
	struct sink s = {out, 0};
	char title[TEXT_MAX], from[16], to[16];
	cairo_status_t st = draw_on(surface, p);

	cairo_surface_destroy(surface);
	if (st != CAIRO_STATUS_SUCCESS)
		return drawing_failed(st, err);
	p->pages = p->page;
	surface = cairo_pdf_surface_create_for_stream(sink_write, &s, KZ_PDF_A4_W, KZ_PDF_A4_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kezek");
	snprintf(title, sizeof title, "%s %s – %s", p->noffices ? p->w->region_title : p->w->title,
		kz_rd_date(from, sizeof from, p->r->from), kz_rd_date(to, sizeof to, p->r->to));
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	st = draw_on(surface, p);
	cairo_surface_finish(surface); /* the fonts and the trailer are written here */
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (s.failed)
		st = CAIRO_STATUS_NO_MEMORY;
	return st == CAIRO_STATUS_SUCCESS ? KZ_OK : drawing_failed(st, err);
}

static int
pdf(struct rep *p, const char *lang, const char *font_dir, struct kz_bytes *out, char *err)
{
	cairo_font_face_t *faces[KZ_PDF_FACES];
	struct words tr;
	size_t start;
	int rc;

	if (p->r == NULL || p->cfg == NULL || out == NULL)
		return kz_err(err, KZ_EINVAL,
			"the report's PDF needs the report, the configuration "
			"and somewhere to put it");
	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL, "the report is in kk or ru, not '%s'",
			lang != NULL ? lang : "");
	if (kz_i18n_current() == NULL)
		return kz_err(err, KZ_ECONFIG,
			"the report's PDF needs the translations (po/kk.po, po/ru.po) loaded: "
			"it never prints its English source words");
	p->kk = lang[0] == 'k';
	KZ_DOC_WORDS(lang, &english, &tr);
	p->w = &tr;
	if ((rc = kz_pdf_faces_open(font_dir, faces, err)) != KZ_OK)
		return rc;
	p->face = faces;
	start = out->len;
	if ((rc = make_pdf(p, out, err)) != KZ_OK)
		out->len = start;
	kz_pdf_faces_close(faces);
	return rc;
}

int
kz_doc_report_pdf(const struct kz_report *r, const struct kz_config *cfg, const char *lang,
	const char *font_dir, struct kz_bytes *out, char *err)
{
	struct rep p = {.r = r, .cfg = cfg};

	return pdf(&p, lang, font_dir, out, err);
}

int
kz_doc_region_pdf(const struct kz_report *all, const struct kz_doc_office *offices, int n,
	const struct kz_config *cfg, const char *lang, const char *font_dir, struct kz_bytes *out,
	char *err)
{
	struct rep p = {.r = all, .cfg = cfg, .offices = offices, .noffices = n};

	if (offices == NULL || n < 1)
		return kz_err(err, KZ_EINVAL, "the region's report needs one office or more");
	return pdf(&p, lang, font_dir, out, err);
}
