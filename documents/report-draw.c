/* report-draw.c - the report's drawing primitives on cairo: text set to
 * fit, wrapped paragraphs, pages with their head, boxes and lines; see
 * report-draw.h.  The tables and the charts are drawn with them. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairo.h>

#include "queue/utf8.h"
#include "report-draw.h"

const struct rgb ink = {0, 0, 0}, dim = {0.35, 0.35, 0.35}, axis_ink = {0.3, 0.3, 0.3},
		 grid = {0.86, 0.86, 0.86}, band = {0.93, 0.93, 0.93},
		 head_fill = {0.90, 0.92, 0.95}, bar = {0.25, 0.47, 0.70},
		 bar_light = {0.62, 0.76, 0.89}, bar_over = {0.93, 0.58, 0.22},
		 red = {0.83, 0.08, 0.08}, green = {0.10, 0.55, 0.25};

/* --- text -------------------------------------------------------------- */

/* s as valid UTF-8 into out (len bytes), a malformed byte as '?', control
 * characters as spaces, cut at a character if too long: cairo draws
 * nothing of a text with one bad byte, and a name is data. */
void
kz_rd_clean(const char *s, char *out, size_t len)
{
	size_t o = 0;

	while (*s) {
		uint32_t cp;
		int n = kz_utf8_next((const unsigned char *)s, &cp);
		if (cp == KZ_NOT_UNICODE || cp < 0x20) {
			if (o + 1 >= len)
				break;
			out[o++] = cp == KZ_NOT_UNICODE ? '?' : ' ';
			s++;
			continue;
		}
		if (o + (size_t)n >= len)
			break;
		memcpy(out + o, s, (size_t)n);
		o += (size_t)n;
		s += n;
	}
	out[o] = '\0';
}

void
kz_rd_colour(struct rep *p, struct rgb c)
{
	cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

void
kz_rd_font(struct rep *p, int bold, double size)
{
	cairo_set_font_face(p->cr, p->face[bold != 0]);
	cairo_set_font_size(p->cr, size);
}

/* How far the pen moves over s in the current font. */
double
kz_rd_measure(struct rep *p, const char *s)
{
	cairo_text_extents_t te;

	cairo_text_extents(p->cr, s, &te);
	return te.x_advance;
}

/* Cut buf (clean) at a character and end it with an ellipsis until it fits
 * w in the current font; *adv gets its width. */
static void
ellipsize(struct rep *p, char *buf, double w, double *adv)
{
	size_t n = strlen(buf);
	char tmp[TEXT_MAX + 4];

	while (n > 0) {
		do
			n--;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
		memcpy(tmp, buf, n);
		memcpy(tmp + n, "…", sizeof "…");
		if ((*adv = kz_rd_measure(p, tmp)) <= w || n == 0)
			break;
	}
	if (n == 0) {
		snprintf(tmp, sizeof tmp, "%s", "…");
		*adv = kz_rd_measure(p, tmp);
	}
	memcpy(buf, tmp, strlen(tmp) + 1);
}

/* s on the baseline y in the box from x, w wide, aligned: shrunk as far as
 * p->shrink of size to fit w, then cut with an ellipsis.  The width it took. */
double
kz_rd_put(struct rep *p, double x, double y, double w, double size, int bold, int align,
	const char *s)
{
	char buf[TEXT_MAX];
	double adv;

	kz_rd_clean(s, buf, sizeof buf);
	kz_rd_font(p, bold, size);
	adv = kz_rd_measure(p, buf);
	if (adv > w) {
		double fit = size * w / adv * 0.999;
		kz_rd_font(p, bold, fit > size * p->shrink ? fit : size * p->shrink);
		if ((adv = kz_rd_measure(p, buf)) > w)
			ellipsize(p, buf, w, &adv);
	}
	x += align == AC ? (w - adv) / 2 : align == AR ? w - adv : 0;
	cairo_move_to(p->cr, x, y);
	cairo_show_text(p->cr, buf);
	return adv;
}

/* printf into buf (len bytes): the texts made of a language's words. */
const char *
kz_rd_fmt(char *buf, size_t len, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, len, f, ap);
	va_end(ap);
	return buf;
}

/* Where the piece of s from k ends: past any spaces, then at the next
 * space, or just after a hyphen inside a word with more than a letter or
 * two after it ("90-процентиль", not "90-й"). */
static size_t
piece_end(const char *s, size_t n, size_t k)
{
	while (k < n && s[k] == ' ')
		k++;
	for (size_t from = k; k < n && s[k] != ' '; k++)
		if (s[k] == '-' && k > from) {
			size_t e = k + 1;
			while (e < n && s[e] != ' ' && s[e] != '-')
				e++;
			if (e - k > 4)
				return k + 1;
		}
	return k;
}

/* The lines s (clean) breaks into at spaces and hyphens to fit w in the
 * current font: starts and lengths of at most MAX_LINES; how many it
 * needs.  A piece wider than w takes a line of its own (put shrinks it). */
int
kz_rd_wrap(struct rep *p, const char *s, double w, size_t start[MAX_LINES], size_t len[MAX_LINES])
{
	char tmp[TEXT_MAX];
	size_t n = strlen(s), i = 0;
	int lines = 0;

	while (i < n) {
		size_t end, e;
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (end = piece_end(s, n, i); (e = piece_end(s, n, end)) > end; end = e) {
			memcpy(tmp, s + i, e - i); /* add pieces while the line fits */
			tmp[e - i] = '\0';
			if (kz_rd_measure(p, tmp) > w)
				break;
		}
		if (lines < MAX_LINES) {
			start[lines] = i;
			len[lines] = end - i;
		}
		lines++;
		i = end;
	}
	return lines;
}

/* The widest piece of s (clean) in the current font. */
static double
widest_word(struct rep *p, const char *s)
{
	char tmp[TEXT_MAX];
	double most = 0;

	for (size_t i = 0, e, n = strlen(s); i < n; i = e) {
		e = piece_end(s, n, i);
		while (i < e && s[i] == ' ')
			i++;
		memcpy(tmp, s + i, e - i);
		tmp[e - i] = '\0';
		if (kz_rd_measure(p, tmp) > most)
			most = kz_rd_measure(p, tmp);
	}
	return most;
}

/* The size, from size down to SHRINK of it, at which s (clean) wraps in w
 * in no more than max lines with no word too wide; *lines gets how many. */
double
kz_rd_fit_wrapped(struct rep *p, const char *s, double w, double size, int bold, int max,
	int *lines)
{
	size_t st[MAX_LINES], ln[MAX_LINES];
	double at = size;

	for (;; at -= 0.25) {
		kz_rd_font(p, bold, at);
		*lines = kz_rd_wrap(p, s, w, st, ln);
		if ((*lines <= max && widest_word(p, s) <= w) || at - 0.25 < size * SHRINK)
			return at;
	}
}

/* s wrapped in w from the baseline y, lh apart, at size (as fit_wrapped
 * gave); lines past max are left out.  The lines set. */
int
kz_rd_put_wrapped(struct rep *p, double x, double y, double w, double size, double lh, int bold,
	int align, int max, const char *s)
{
	char buf[TEXT_MAX], line[TEXT_MAX];
	size_t st[MAX_LINES], ln[MAX_LINES];
	int n;

	kz_rd_clean(s, buf, sizeof buf);
	kz_rd_font(p, bold, size);
	n = kz_rd_wrap(p, buf, w, st, ln);
	n = n < max ? n : max;
	n = n < MAX_LINES ? n : MAX_LINES;
	for (int i = 0; i < n; i++) {
		memcpy(line, buf + st[i], ln[i]);
		line[ln[i]] = '\0';
		kz_rd_put(p, x, y + i * lh, w, size, bold, align, line);
	}
	return n;
}

/* "2026-03-01" as "01.03.2026"; anything else as it is. */
const char *
kz_rd_date(char *buf, size_t len, const char *day)
{
	if (strlen(day) == 10 && day[4] == '-' && day[7] == '-')
		snprintf(buf, len, "%.2s.%.2s.%.4s", day + 8, day + 5, day);
	else
		snprintf(buf, len, "%s", day);
	return buf;
}

/* --- pages ------------------------------------------------------------- */

/* The office, the report's title and range above a rule; "page / pages" at
 * the foot. */
void
kz_rd_page_head(struct rep *p)
{
	const struct kz_report *r = p->r;
	char from[16], to[16], range[96], num[32], heading[256];
	double pw;

	kz_rd_colour(p, ink);
	if (p->noffices > 0) { /* the region's report: how many offices, not one's name */
		kz_rd_fmt(heading, sizeof heading, p->w->region_heading, p->noffices);
		kz_rd_put(p, LEFT, TOP + 11, WIDTH, 11, 1, AL, heading);
	} else {
		kz_rd_put(p, LEFT, TOP + 11, WIDTH, 11, 1, AL,
			p->kk ? p->cfg->name_kk : p->cfg->name_ru);
	}
	kz_rd_fmt(range, sizeof range, p->w->period, kz_rd_date(from, sizeof from, r->from),
		kz_rd_date(to, sizeof to, r->to));
	kz_rd_font(p, 0, 9);
	pw = kz_rd_measure(p, range);
	kz_rd_put(p, RIGHT - pw, TOP + 25, pw, 9, 0, AL, range);
	kz_rd_put(p, LEFT, TOP + 25, WIDTH - pw - 12, 9, 1, AL,
		p->noffices > 0 ? p->w->region_title : p->w->title);
	cairo_set_line_width(p->cr, 0.8);
	cairo_move_to(p->cr, LEFT, TOP + 31);
	cairo_line_to(p->cr, RIGHT, TOP + 31);
	cairo_stroke(p->cr);
	if (p->pages > 0)
		kz_rd_fmt(num, sizeof num, "%d\u00A0/\u00A0%d", p->page, p->pages);
	else
		kz_rd_fmt(num, sizeof num, "%d", p->page);
	kz_rd_colour(p, dim);
	kz_rd_put(p, LEFT, FOOT, WIDTH, 8, 0, AC, num);
	kz_rd_colour(p, ink);
	p->y = BODY_TOP;
}

void
kz_rd_new_page(struct rep *p)
{
	cairo_show_page(p->cr);
	p->page++;
	kz_rd_page_head(p);
}

/* Whether h more fits on this page. */
int
kz_rd_fits(const struct rep *p, double h)
{
	return p->y + h <= BODY_END;
}

/* A section's title, bold, from p->y. */
void
kz_rd_section(struct rep *p, const char *title)
{
	kz_rd_colour(p, ink);
	kz_rd_put(p, LEFT, p->y + 11, WIDTH, 11, 1, AL, title);
	p->y += 18;
}

/* A paragraph over the whole width from p->y, page breaks included. */
void
kz_rd_paragraph(struct rep *p, double size, int bold, struct rgb c, const char *s)
{
	char buf[TEXT_MAX], line[TEXT_MAX];
	size_t st[MAX_LINES], ln[MAX_LINES];
	double lh = size * 1.35;
	int n;

	kz_rd_clean(s, buf, sizeof buf);
	kz_rd_font(p, bold, size);
	n = kz_rd_wrap(p, buf, WIDTH, st, ln);
	n = n < MAX_LINES ? n : MAX_LINES;
	for (int i = 0; i < n; i++) {
		if (!kz_rd_fits(p, lh))
			kz_rd_new_page(p);
		memcpy(line, buf + st[i], ln[i]);
		line[ln[i]] = '\0';
		kz_rd_colour(p, c);
		kz_rd_put(p, LEFT, p->y + size, WIDTH, size, bold, AL, line);
		p->y += lh;
	}
}

/* --- drawing ------------------------------------------------------------ */

void
kz_rd_rect(struct rep *p, double x, double y, double w, double h, struct rgb c)
{
	kz_rd_colour(p, c);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

void
kz_rd_line(struct rep *p, double x0, double y0, double x1, double y1, double width, struct rgb c,
	int dashed)
{
	static const double dash[] = {4, 2.5};

	kz_rd_colour(p, c);
	cairo_set_line_width(p->cr, width);
	cairo_set_dash(p->cr, dash, dashed ? 2 : 0, 0);
	cairo_move_to(p->cr, x0, y0);
	cairo_line_to(p->cr, x1, y1);
	cairo_stroke(p->cr);
	cairo_set_dash(p->cr, dash, 0, 0);
}
