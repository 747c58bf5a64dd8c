/* typeset.c - text into 1-bit printouts with SDL2_ttf; see typeset.h.
 * Fonts open per (face, size) from files read once; glyph coverage is cut at 50%. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "queue/error.h"
#include "queue/file.h"
#include "queue/utf8.h"
#include "typeset.h"

#define FONT_SLOTS 32  /* open TTF_Font per (face, pixel size) */
#define INK        128 /* coverage (alpha) from which a dot is black: 50% */
#define PROBE_SIZE 12  /* size at which fonts are checked and glyphs looked up */

static const char *const face_files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
#define FACES 2

struct font_slot {
	TTF_Font *font; /* NULL: free */
	int face, size;
	unsigned long used;
};

struct kz_typeset {
	void *face_data[FACES]; /* font files, read once; every size opens from here */
	size_t face_len[FACES];
	int ttf_up;
	unsigned long tick; /* LRU clock of the font cache */
	struct font_slot fonts[FONT_SLOTS];
	char err[KZ_ERR_LEN];
};

/* A line fitted to its width. */
struct fit {
	TTF_Font *font;
	int w; /* width of the text at the size fitted */
};

/* The open font for (face, size), from the cache or opened into its least
 * recently used slot; NULL with t->err filled. */
static TTF_Font *
get_font(struct kz_typeset *t, int face, int size)
{
	struct font_slot *s = &t->fonts[0];

	for (int i = 0; i < FONT_SLOTS; i++) {
		struct font_slot *f = &t->fonts[i];
		if (f->font != NULL && f->face == face && f->size == size) {
			f->used = ++t->tick;
			return f->font;
		}
		if (s->font != NULL && (f->font == NULL || f->used < s->used))
			s = f;
	}
	if (s->font != NULL)
		TTF_CloseFont(s->font);
	s->font = TTF_OpenFontRW(SDL_RWFromConstMem(t->face_data[face], (int)t->face_len[face]), 1,
		size);
	if (s->font == NULL) {
		kz_err(t->err, KZ_ENOMEM, "cannot open %s at %d px: %s", face_files[face], size,
			TTF_GetError());
		return NULL;
	}
	s->face = face;
	s->size = size;
	s->used = ++t->tick;
	return s->font;
}

static int
load_faces(struct kz_typeset *t, const char *font_dir, char *err)
{
	char path[4096];

	for (int i = 0; i < FACES; i++) {
		snprintf(path, sizeof path, "%s/%s", font_dir, face_files[i]);
		if ((t->face_data[i] = kz_file_read(path, &t->face_len[i])) == NULL)
			return kz_err(err, KZ_ECONFIG,
				"cannot read the font file '%s': %s; printouts need %s and %s in "
				"the font folder",
				path, strerror(errno), face_files[0], face_files[1]);
	}
	if (TTF_Init() != 0)
		return kz_err(err, KZ_ECONFIG, "cannot start SDL_ttf: %s", TTF_GetError());
	t->ttf_up = 1;
	for (int i = 0; i < FACES; i++)
		if (get_font(t, i, PROBE_SIZE) == NULL)
			return kz_err(err, KZ_ECONFIG,
				"the font file '%s/%s' (%zu bytes) is not a usable TrueType "
				"font: %s",
				font_dir, face_files[i], t->face_len[i], TTF_GetError());
	return KZ_OK;
}

int
kz_typeset_open(const char *font_dir, struct kz_typeset **out, char *err)
{
	struct kz_typeset *t;
	int rc;

	*out = NULL;
	if (font_dir == NULL)
		return kz_err(err, KZ_EINVAL, "printouts need a font folder, and none was given");
	if ((t = calloc(1, sizeof *t)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the printout fonts");
	if ((rc = load_faces(t, font_dir, err)) != KZ_OK) {
		kz_typeset_close(t);
		return rc;
	}
	*out = t;
	return KZ_OK;
}

void
kz_typeset_close(struct kz_typeset *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < FONT_SLOTS; i++)
		if (t->fonts[i].font != NULL)
			TTF_CloseFont(t->fonts[i].font);
	for (int i = 0; i < FACES; i++)
		free(t->face_data[i]);
	/* SDL_ttf counts its users, so a board in the same process keeps it */
	if (t->ttf_up)
		TTF_Quit();
	free(t);
}

const char *
kz_typeset_error(const struct kz_typeset *t)
{
	return t != NULL ? t->err : "";
}

static int
check_args(struct kz_typeset *t, int w, int px, int align, const char *utf8)
{
	if (w <= 0 || px <= 0 || align < KZ_TS_LEFT || align > KZ_TS_RIGHT || utf8 == NULL)
		return kz_err(t->err, KZ_EINVAL,
			"cannot set text %d dots wide at %d px, aligned %d%s", w, px, align,
			utf8 == NULL ? ", and no text was given" : "");
	return KZ_OK;
}

/* Size text to width w: px, shrunk in proportion (and re-measured, as
 * glyphs do not scale exactly) until it fits or is down to 1 px. */
static int
fit_line(struct kz_typeset *t, int face, int px, int w, const char *text, struct fit *f)
{
	for (int size = px, h;;) {
		int next;
		if ((f->font = get_font(t, face, size)) == NULL)
			return KZ_ENOMEM;
		if (TTF_SizeUTF8(f->font, text, &f->w, &h) != 0)
			return kz_err(t->err, KZ_EINVAL, "cannot measure the text '%s': %s", text,
				TTF_GetError());
		if (f->w <= w || size == 1)
			return KZ_OK;
		next = (int)((long)size * w / f->w);
		size = next >= size ? size - 1 : next < 1 ? 1 : next;
	}
}

/* Blacken the dots the glyphs cover at least half, inside the box's columns. */
static void
stamp(struct kz_bitmap *b, const SDL_Surface *s, int left, int y, int x0, int x1)
{
	const SDL_PixelFormat *pf = s->format;

	for (int j = 0; j < s->h; j++) {
		const Uint32 *row =
			(const Uint32 *)((const Uint8 *)s->pixels + (size_t)j * s->pitch);
		for (int i = 0; i < s->w; i++) {
			Uint32 a = (row[i] & pf->Amask) >> pf->Ashift;
			int x = left + i;
			if (a >= INK && x >= x0 && x < x1)
				kz_bitmap_set(b, x, y + j, 1);
		}
	}
}

static int
draw_line(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int align,
	const char *text, const struct fit *f)
{
	SDL_Color black = {0, 0, 0, 255};
	SDL_Surface *s;
	int left = x;

	if (b == NULL || f->w == 0) /* nothing visible: SDL_ttf refuses zero width */
		return KZ_OK;
	s = TTF_RenderUTF8_Blended(f->font, text, black);
	if (s == NULL)
		return kz_err(t->err, KZ_ENOMEM, "cannot render the text '%s': %s", text,
			TTF_GetError());
	if (s->format->BytesPerPixel != 4 || SDL_LockSurface(s) != 0) {
		SDL_FreeSurface(s);
		return kz_err(t->err, KZ_ENOMEM, "cannot read the rendered text '%s'", text);
	}
	if (align == KZ_TS_CENTRE)
		left = x + (w - s->w) / 2;
	else if (align == KZ_TS_RIGHT)
		left = x + w - s->w;
	stamp(b, s, left, y, x, x + w);
	SDL_UnlockSurface(s);
	SDL_FreeSurface(s);
	return KZ_OK;
}

int
kz_typeset_text(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int px, int bold,
	int align, const char *utf8, int *height_out)
{
	struct fit f;
	int rc;

	*height_out = 0;
	if ((rc = check_args(t, w, px, align, utf8)) != KZ_OK ||
		(rc = fit_line(t, bold ? 1 : 0, px, w, utf8, &f)) != KZ_OK ||
		(rc = draw_line(t, b, x, y, w, align, utf8, &f)) != KZ_OK)
		return rc;
	*height_out = TTF_FontHeight(f.font);
	return KZ_OK;
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

/* The longest run of whole words from s[i] that fits w at font (at least
 * one word); its end.  line is scratch of n + 1 bytes. */
static int
fill_line(struct kz_typeset *t, TTF_Font *font, int w, const char *s, size_t n, size_t i,
	char *line, size_t *end)
{
	int tw, th;

	*end = word_end(s, n, i);
	for (size_t e; *end < n && (e = word_end(s, n, *end)) > *end; *end = e) {
		memcpy(line, s + i, e - i);
		line[e - i] = '\0';
		if (TTF_SizeUTF8(font, line, &tw, &th) != 0)
			return kz_err(t->err, KZ_EINVAL, "cannot measure the text '%s': %s", line,
				TTF_GetError());
		if (tw > w)
			break;
	}
	return KZ_OK;
}

/* Lines the paragraph s[i..n) takes when broken at width w. */
static int
count_lines(struct kz_typeset *t, TTF_Font *font, int w, const char *s, size_t n, size_t i,
	char *line, int *lines)
{
	size_t end;
	int rc;

	for (*lines = 0;; i = end) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			return KZ_OK;
		if ((rc = fill_line(t, font, w, s, n, i, line, &end)) != KZ_OK)
			return rc;
		++*lines;
	}
}

/* The narrowest width that breaks the paragraph into no more lines than w
 * does: a centred block then comes out as even as its words allow, not a
 * full line over a lone last word. */
static int
balance(struct kz_typeset *t, TTF_Font *font, int w, const char *s, size_t n, size_t i, char *line,
	int *narrow)
{
	int lines, k, lo = 1, rc;

	*narrow = w;
	if ((rc = count_lines(t, font, w, s, n, i, line, &lines)) != KZ_OK || lines < 2)
		return rc;
	while (lo < *narrow) { /* fewer lines the wider: halve the range */
		int mid = lo + (*narrow - lo) / 2;
		if ((rc = count_lines(t, font, mid, s, n, i, line, &k)) != KZ_OK)
			return rc;
		if (k <= lines)
			*narrow = mid;
		else
			lo = mid + 1;
	}
	return KZ_OK;
}

/* One paragraph (no '\n'): as many lines as w needs, the first at y. */
static int
wrap_paragraph(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int px, int bold,
	int align, const char *s, size_t n, char *line, int *h)
{
	TTF_Font *font = get_font(t, bold ? 1 : 0, px);
	size_t i = 0, end;
	int rc, lh, at = w; /* where lines break; they are drawn in w */

	if (font == NULL)
		return KZ_ENOMEM;
	while (i < n && s[i] == ' ')
		i++;
	if (i == n) /* an empty paragraph is an empty line, as in a text editor */
		return kz_typeset_text(t, NULL, x, y, w, px, bold, align, "", h);
	if (align == KZ_TS_CENTRE && (rc = balance(t, font, w, s, n, i, line, &at)) != KZ_OK)
		return rc;
	for (*h = 0; i < n; i = end) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		if ((rc = fill_line(t, font, at, s, n, i, line, &end)) != KZ_OK)
			return rc;
		while (end > i &&
			s[end - 1] == ' ') /* trailing spaces would pull a centred line left */
			end--;
		memcpy(line, s + i, end - i);
		line[end - i] = '\0';
		if ((rc = kz_typeset_text(t, b, x, y + *h, w, px, bold, align, line, &lh)) != KZ_OK)
			return rc;
		*h += lh;
		/* the font may have left the cache while a long word was shrunk */
		if ((font = get_font(t, bold ? 1 : 0, px)) == NULL)
			return KZ_ENOMEM;
	}
	return KZ_OK;
}

int
kz_typeset_wrap(struct kz_typeset *t, struct kz_bitmap *b, int x, int y, int w, int px, int bold,
	int align, const char *utf8, int *height_out)
{
	const char *p, *nl;
	char *line;
	int rc, h;

	*height_out = 0;
	if ((rc = check_args(t, w, px, align, utf8)) != KZ_OK)
		return rc;
	if ((line = malloc(strlen(utf8) + 1)) == NULL)
		return kz_err(t->err, KZ_ENOMEM, "out of memory setting a text of %zu bytes",
			strlen(utf8));
	for (p = utf8; rc == KZ_OK; p = nl + 1) {
		nl = strchr(p, '\n');
		rc = wrap_paragraph(t, b, x, y + *height_out, w, px, bold, align, p,
			nl != NULL ? (size_t)(nl - p) : strlen(p), line, &h);
		if (rc == KZ_OK)
			*height_out += h;
		if (nl == NULL)
			break;
	}
	free(line);
	return rc;
}

int
kz_typeset_missing(struct kz_typeset *t, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	TTF_Font *font[FACES];
	int missing = 0;
	uint32_t cp;

	if (utf8 == NULL)
		return 0;
	while (*s) {
		s += kz_utf8_next(s, &cp);
		if (cp == KZ_NOT_UNICODE) {
			missing++;
			continue;
		}
		if (cp <= ' ')
			continue;
		/* fetched each time: a cache slot can be reused between characters */
		for (int i = 0; i < FACES; i++)
			if ((font[i] = get_font(t, i, PROBE_SIZE)) == NULL)
				return KZ_ENOMEM;
		if (!TTF_GlyphIsProvided32(font[0], cp) || !TTF_GlyphIsProvided32(font[1], cp))
			missing++;
	}
	return missing;
}
