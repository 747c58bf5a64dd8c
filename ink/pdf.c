/* pdf.c - layouts as A4 PDF pages with cairo and FreeType; see pdf.h.
 * Text is set as typeset.c sets it (shrink to fit, wrap at spaces, balance centred lines). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "pdf.h"
#include "qr.h"
#include "queue/error.h"
#include "queue/file.h"
#include "typeset.h"

#define MM            (72.0 / 25.4) /* pt a millimetre */
#define COLUMN        (120 * MM)    /* a layout's whole width, margins included */
#define TOP           (25 * MM)     /* the layout's top edge below the page's */
#define BOTTOM        (20 * MM)     /* kept white at the foot: most printers cannot print there */
#define RULE_PT       0.75          /* a rule is a thin line, however thick on thermal paper */
#define FIT_STEPS     8             /* tries to shrink a line to its width */
#define BALANCE_STEPS 24            /* halvings of the width a centred paragraph is broken at */

static const char *const face_files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
#define FACES KZ_PDF_FACES

/* FreeType's library, shared by the faces made from it.  cairo keeps a face
 * in its font caches after the PDF is done and lets it go later, at a time
 * of its choosing, so the library is freed by whichever goes last: this
 * call or the last face.  Not for two threads at once. */
struct ft {
	FT_Library lib;
	int refs;
};

/* What a cairo font face carries, to let its FreeType face go with it. */
struct face_ref {
	FT_Face face;
	struct ft *ft;
};

/* Where the PDF's bytes go: a file, or out. */
struct sink {
	const char *path; /* NULL: into bytes */
	FILE *f;
	struct kz_bytes *bytes;
	int error; /* errno of the failed write */
};

struct pdf {
	cairo_t *cr;
	cairo_font_face_t *const *face;   /* regular, bold */
	double scale;                     /* pt a dot */
	double x0, y0;                    /* pt: the layout's top left corner */
	int draw;                         /* 0: only measure */
	char scratch[KZ_LAYOUT_TEXT_MAX]; /* a run of words being measured */
};

static cairo_user_data_key_t face_key;

static void
ft_release(struct ft *ft)
{
	if (--ft->refs > 0)
		return;
	FT_Done_FreeType(ft->lib);
	free(ft);
}

static void
face_release(void *data)
{
	struct face_ref *r = data;

	FT_Done_Face(r->face);
	ft_release(r->ft);
	free(r);
}

/* A cairo face for face that frees it when cairo is done with it; on
 * failure face is freed here. */
static int
wrap_face(struct ft *ft, FT_Face face, cairo_font_face_t **out, char *err)
{
	struct face_ref *r = malloc(sizeof *r);
	cairo_font_face_t *ff;

	if (r == NULL) {
		FT_Done_Face(face);
		return kz_err(err, KZ_ENOMEM, "out of memory opening the PDF fonts");
	}
	*r = (struct face_ref){face, ft};
	ft->refs++;
	ff = cairo_ft_font_face_create_for_ft_face(face, 0);
	if (cairo_font_face_set_user_data(ff, &face_key, r, face_release) != CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(ff);
		face_release(r);
		return kz_err(err, KZ_ENOMEM, "out of memory opening the PDF fonts");
	}
	*out = ff;
	return KZ_OK;
}

static int
open_face(struct ft *ft, const char *font_dir, int i, cairo_font_face_t **out, char *err)
{
	char path[4096];
	FT_Face face;
	FT_Error e;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", font_dir, face_files[i]);
	/* FreeType says only "cannot open resource": ask the system why */
	if ((f = kz_file_open(path, KZ_FILE_MAX_FONT, N_("font file"), err)) == NULL)
		return kz_err(err, KZ_ECONFIG, "%s; printouts need %s and %s in the font folder",
			err, face_files[0], face_files[1]);
	fclose(f);
	if ((e = FT_New_Face(ft->lib, path, 0, &face)) != 0)
		return kz_err(err, KZ_ECONFIG,
			"the font file '%s' is not a usable TrueType font (FreeType error %d)",
			path, e);
	if (!FT_IS_SCALABLE(face) || face->charmap == NULL ||
		face->charmap->encoding != FT_ENCODING_UNICODE) {
		FT_Done_Face(face);
		return kz_err(err, KZ_ECONFIG,
			"the font file '%s' is not a scalable font with Unicode letters", path);
	}
	return wrap_face(ft, face, out, err);
}

/* Both faces of font_dir; the caller cairo_font_face_destroys them. */
int
kz_pdf_faces_open(const char *font_dir, cairo_font_face_t *out[FACES], char *err)
{
	struct ft *ft;
	int rc = KZ_OK;

	out[0] = out[1] = NULL;
	if (font_dir == NULL)
		return kz_err(err, KZ_EINVAL, "a PDF needs a font folder, and none was given");
	if ((ft = calloc(1, sizeof *ft)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the PDF fonts");
	if (FT_Init_FreeType(&ft->lib) != 0) {
		free(ft);
		return kz_err(err, KZ_ENOMEM, "cannot start FreeType for the PDF fonts");
	}
	ft->refs = 1; /* this call's own, let go below */
	for (int i = 0; i < FACES && rc == KZ_OK; i++)
		rc = open_face(ft, font_dir, i, &out[i], err);
	if (rc != KZ_OK)
		for (int i = 0; i < FACES; i++) {
			cairo_font_face_destroy(out[i]);
			out[i] = NULL;
		}
	ft_release(ft);
	return rc;
}

void
kz_pdf_faces_close(cairo_font_face_t *faces[FACES])
{
	for (int i = 0; i < FACES; i++) {
		cairo_font_face_destroy(faces[i]);
		faces[i] = NULL;
	}
}

static int
check_layout(const struct kz_layout *l, int page, char *err)
{
	if (l == NULL || l->width <= 0 || l->margin < 0 || 2 * l->margin >= l->width || l->n < 0 ||
		l->n > KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL,
			"page %d of the PDF has no layout, or a malformed one", page + 1);
	for (int i = 0; i < l->n; i++) {
		const struct kz_layout_block *b = &l->blocks[i];
		if (b->kind < KZ_BLOCK_LINE || b->kind > KZ_BLOCK_QR || b->px <= 0 ||
			b->align < KZ_TS_LEFT || b->align > KZ_TS_RIGHT ||
			memchr(b->text, '\0', sizeof b->text) == NULL)
			return kz_err(err, KZ_EINVAL, "block %d of page %d of the PDF is malformed",
				i + 1, page + 1);
	}
	return KZ_OK;
}

static int
check_pages(const struct kz_layout *const *pages, int npages, char *err)
{
	int rc = KZ_OK;

	if (pages == NULL || npages < 1)
		return kz_err(err, KZ_EINVAL, "a PDF needs at least one page, and %d were given",
			pages == NULL ? 0 : npages);
	for (int i = 0; i < npages && rc == KZ_OK; i++)
		rc = check_layout(pages[i], i, err);
	return rc;
}

/* Select a face and size; the line's ascent and height at it. */
static void
use_font(struct pdf *p, int bold, double size, double *ascent, double *height)
{
	cairo_font_extents_t fe;

	cairo_set_font_face(p->cr, p->face[bold ? 1 : 0]);
	cairo_set_font_size(p->cr, size);
	cairo_font_extents(p->cr, &fe);
	*ascent = fe.ascent;
	*height = fe.ascent + fe.descent;
}

/* How far the pen moves over utf8 in the current font: what a line takes. */
static double
advance(struct pdf *p, const char *utf8)
{
	cairo_text_extents_t te;

	cairo_text_extents(p->cr, utf8, &te);
	return te.x_advance;
}

/* s[i..e) measured in the current font. */
static double
run_width(struct pdf *p, const char *s, size_t i, size_t e)
{
	memcpy(p->scratch, s + i, e - i);
	p->scratch[e - i] = '\0';
	return advance(p, p->scratch);
}

/* One line in the box of width w at (x, y), shrunk until it fits w (as
 * kz_typeset_text); *h gets the height of the line used. */
static void
set_line(struct pdf *p, double x, double y, double w, double size, int bold, int align,
	const char *text, double *h)
{
	double asc, adv, least = p->scale; /* one dot, as typeset's 1 px */

	use_font(p, bold, size, &asc, h);
	adv = advance(p, text);
	/* with metrics unhinted, widths scale with the size: one step nearly always */
	for (int i = 0; i < FIT_STEPS && adv > w && size > least; i++) {
		size = size * w / adv * 0.9999;
		size = size < least ? least : size;
		use_font(p, bold, size, &asc, h);
		adv = advance(p, text);
	}
	if (!p->draw)
		return;
	if (align == KZ_TS_CENTRE)
		x += (w - adv) / 2;
	else if (align == KZ_TS_RIGHT)
		x += w - adv;
	cairo_move_to(p->cr, x, y + asc);
	cairo_show_text(p->cr, text);
}

/* Where the word after the spaces at k ends. */
static size_t
word_end(const char *s, size_t n, size_t k)
{
	while (k < n && s[k] == ' ')
		k++;
	while (k < n && s[k] != ' ')
		k++;
	return k;
}

/* The end of the longest run of whole words from s[i] that fits w in the
 * current font (at least one word). */
static size_t
fill_line(struct pdf *p, double w, const char *s, size_t n, size_t i)
{
	size_t end = word_end(s, n, i);

	for (size_t e; end < n && (e = word_end(s, n, end)) > end; end = e)
		if (run_width(p, s, i, e) > w)
			break;
	return end;
}

/* Lines the paragraph s[i..n) takes when broken at width w. */
static int
count_lines(struct pdf *p, double w, const char *s, size_t n, size_t i)
{
	int lines = 0;

	for (;; lines++) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			return lines;
		i = fill_line(p, w, s, n, i);
	}
}

/* The narrowest width that breaks the paragraph into no more lines than w
 * does, so a centred block comes out even, as on the thermal printout. */
static double
balance(struct pdf *p, double w, const char *s, size_t n, size_t i)
{
	int lines = count_lines(p, w, s, n, i);
	double lo = 0, hi = w;

	if (lines < 2)
		return w;
	for (int k = 0; k < BALANCE_STEPS; k++) {
		double mid = (lo + hi) / 2;
		if (count_lines(p, mid, s, n, i) <= lines)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* One paragraph (no '\n') as many lines as w needs, the first at y. */
static void
wrap_paragraph(struct pdf *p, double x, double y, double w, double size, int bold, int align,
	const char *s, size_t n, double *h)
{
	char line[KZ_LAYOUT_TEXT_MAX];
	double at = w, asc, lh; /* at: where lines break; they are set in w */
	size_t i = 0, end;

	use_font(p, bold, size, &asc, &lh);
	while (i < n && s[i] == ' ')
		i++;
	if (i == n) { /* an empty paragraph is an empty line */
		*h = lh;
		return;
	}
	if (align == KZ_TS_CENTRE)
		at = balance(p, w, s, n, i);
	for (*h = 0; i < n; i = end) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		use_font(p, bold, size, &asc, &lh); /* set_line may have shrunk it */
		end = fill_line(p, at, s, n, i);
		while (end > i && s[end - 1] == ' ')
			end--;
		memcpy(line, s + i, end - i);
		line[end - i] = '\0';
		set_line(p, x, y + *h, w, size, bold, align, line, &lh);
		*h += lh;
	}
}

static void
wrap(struct pdf *p, double x, double y, double w, double size, int bold, int align,
	const char *text, double *h)
{
	const char *s = text, *nl;
	double ph;

	for (*h = 0;; s = nl + 1) {
		nl = strchr(s, '\n');
		wrap_paragraph(p, x, y + *h, w, size, bold, align, s,
			nl != NULL ? (size_t)(nl - s) : strlen(s), &ph);
		*h += ph;
		if (nl == NULL)
			return;
	}
}

/* The QR code of k's text at (x, y) in a column w wide (points); *h gets
 * its height, the quiet zone included. */
static int
set_qr(struct pdf *p, const struct kz_layout_block *k, double x, double y, double w, double *h,
	char *err)
{
	struct kz_qr *q;
	double m = k->px * p->scale, side, left;
	int rc;

	if ((rc = kz_qr_make(k->text, &q, err)) != KZ_OK)
		return rc;
	side = (q->size + 2 * KZ_QR_QUIET) * m;
	left = k->align == KZ_TS_LEFT     ? x
		: k->align == KZ_TS_RIGHT ? x + w - side
					  : x + (w - side) / 2;
	left += KZ_QR_QUIET * m;
	for (int r = 0; p->draw && r < q->size; r++)
		for (int c = 0; c < q->size; c++)
			if (q->dark[r * q->size + c])
				cairo_rectangle(p->cr, left + c * m, y + (KZ_QR_QUIET + r) * m, m,
					m);
	if (p->draw)
		cairo_fill(p->cr);
	kz_qr_free(q);
	*h = side;
	return KZ_OK;
}

/* The layout's blocks from (p->x0, p->y0) at p->scale; *height gets how far
 * down the page they reach, the bottom margin included. */
static int
set_blocks(struct pdf *p, const struct kz_layout *l, double *height, char *err)
{
	double m = l->margin * p->scale, x = p->x0 + m, y = p->y0 + m, h;
	double w = (l->width - 2 * l->margin) * p->scale;
	cairo_status_t st;

	for (int i = 0; i < l->n; i++) {
		const struct kz_layout_block *k = &l->blocks[i];
		y += k->gap * p->scale;
		h = k->px * p->scale;
		if (k->kind == KZ_BLOCK_RULE && p->draw) {
			cairo_set_line_width(p->cr, RULE_PT);
			cairo_move_to(p->cr, x, y + h / 2);
			cairo_line_to(p->cr, x + w, y + h / 2);
			cairo_stroke(p->cr);
		} else if (k->kind == KZ_BLOCK_WRAP) {
			wrap(p, x, y, w, k->px * p->scale, k->bold, k->align, k->text, &h);
		} else if (k->kind == KZ_BLOCK_LINE) {
			set_line(p, x, y, w, k->px * p->scale, k->bold, k->align, k->text, &h);
		} else if (k->kind == KZ_BLOCK_QR) {
			int rc = set_qr(p, k, x, y, w, &h, err);
			if (rc != KZ_OK)
				return rc;
		}
		/* cairo stops at the first fault: malformed UTF-8, or memory */
		if ((st = cairo_status(p->cr)) != CAIRO_STATUS_SUCCESS)
			return kz_err(err, st == CAIRO_STATUS_NO_MEMORY ? KZ_ENOMEM : KZ_EINVAL,
				"cannot set the text '%.60s' in the PDF: %s", k->text,
				cairo_status_to_string(st));
		y += h;
	}
	*height = y + m - p->y0;
	return KZ_OK;
}

/* One page: the layout as a 120 mm column, smaller if it would run past
 * the foot of the page. */
static int
set_page(struct pdf *p, const struct kz_layout *l, char *err)
{
	double h, room = KZ_PDF_A4_H - TOP - BOTTOM;
	int rc;

	p->scale = COLUMN / l->width;
	p->x0 = p->y0 = 0;
	p->draw = 0;
	if ((rc = set_blocks(p, l, &h, err)) != KZ_OK)
		return rc;
	if (h > room)
		p->scale *= room / h;
	p->x0 = (KZ_PDF_A4_W - l->width * p->scale) / 2;
	p->y0 = TOP;
	p->draw = 1;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if ((rc = set_blocks(p, l, &h, err)) != KZ_OK)
		return rc;
	cairo_show_page(p->cr);
	return KZ_OK;
}

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct sink *s = closure;

	errno = 0;
	if (s->f != NULL ? fwrite(data, 1, n, s->f) == n : kz_bytes_add(s->bytes, data, n) == KZ_OK)
		return CAIRO_STATUS_SUCCESS;
	s->error = s->f == NULL ? ENOMEM : errno != 0 ? errno : EIO;
	return CAIRO_STATUS_WRITE_ERROR;
}

/* What a cairo failure means to the caller. */
static int
cairo_failed(cairo_status_t st, const struct sink *s, char *err)
{
	if (st == CAIRO_STATUS_NO_MEMORY || (st == CAIRO_STATUS_WRITE_ERROR && s->path == NULL))
		return kz_err(err, KZ_ENOMEM, "out of memory making a PDF");
	/* KZ_EINVAL: Kezek has no code for a failed write yet; the message
	 * names the file and the cause */
	if (st == CAIRO_STATUS_WRITE_ERROR)
		return kz_err(err, KZ_EINVAL, "cannot write the PDF '%s': %s", s->path,
			strerror(s->error));
	return kz_err(err, KZ_EINVAL, "cannot make a PDF: %s", cairo_status_to_string(st));
}

/* The first text of the first page (the office, the test page's title):
 * what a print queue shows as the job's title. */
static void
set_title(cairo_surface_t *surface, const struct kz_layout *l)
{
	for (int i = 0; i < l->n; i++)
		if (l->blocks[i].kind != KZ_BLOCK_RULE && l->blocks[i].kind != KZ_BLOCK_QR &&
			l->blocks[i].text[0]) {
			cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
				l->blocks[i].text);
			return;
		}
}

static int
write_pdf(const struct kz_layout *const *pages, int npages, cairo_font_face_t *const *faces,
	struct sink *s, char *err)
{
	cairo_surface_t *surface;
	cairo_font_options_t *fo = cairo_font_options_create();
	struct pdf p = {.face = faces};
	cairo_status_t st;
	int rc = KZ_OK;

	surface = cairo_pdf_surface_create_for_stream(sink_write, s, KZ_PDF_A4_W, KZ_PDF_A4_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kezek");
	set_title(surface, pages[0]);
	p.cr = cairo_create(surface);
	/* unhinted metrics scale with the size: a layout measured once fits at
	 * any scale, and the PDF's widths are the fonts' own */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(p.cr, fo);
	cairo_font_options_destroy(fo);
	for (int i = 0; i < npages && rc == KZ_OK; i++)
		rc = set_page(&p, pages[i], err);
	st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(surface); /* the fonts and the trailer are written here */
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (rc == KZ_OK && st != CAIRO_STATUS_SUCCESS)
		rc = cairo_failed(st, s, err);
	return rc;
}

static int
make_pdf(const struct kz_layout *const *pages, int npages, const char *font_dir, struct sink *s,
	char *err)
{
	cairo_font_face_t *faces[FACES];
	int rc;

	if ((rc = check_pages(pages, npages, err)) != KZ_OK ||
		(rc = kz_pdf_faces_open(font_dir, faces, err)) != KZ_OK)
		return rc;
	if (s->path == NULL) {
		rc = write_pdf(pages, npages, faces, s, err);
	} else if ((s->f = fopen(s->path, "wb")) == NULL) {
		rc = kz_err(err, KZ_EINVAL, "cannot write the PDF '%s': %s", s->path,
			strerror(errno));
	} else {
		rc = write_pdf(pages, npages, faces, s, err);
		if (fclose(s->f) != 0 && rc == KZ_OK)
			rc = kz_err(err, KZ_EINVAL, "cannot write the PDF '%s': %s", s->path,
				strerror(errno));
		if (rc != KZ_OK)
			remove(s->path); /* half a PDF would only fail later, at the printer */
	}
	kz_pdf_faces_close(faces);
	return rc;
}

int
kz_pdf_layout(const struct kz_layout *const *pages, int npages, const char *font_dir,
	const char *path, char *err)
{
	struct sink s = {path, NULL, NULL, 0};

	if (path == NULL || !path[0])
		return kz_err(err, KZ_EINVAL, "a PDF needs a file to go to, and none was given");
	return make_pdf(pages, npages, font_dir, &s, err);
}

int
kz_pdf_memory(const struct kz_layout *const *pages, int npages, const char *font_dir,
	struct kz_bytes *out, char *err)
{
	struct sink s = {NULL, NULL, out, 0};
	size_t start = out->len;
	int rc = make_pdf(pages, npages, font_dir, &s, err);

	if (rc != KZ_OK)
		out->len = start;
	return rc;
}
