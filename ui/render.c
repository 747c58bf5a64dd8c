/* render.c - draws scenes (scene.h) with SDL2, SDL2_ttf and SDL2_image; see render.h.
 * Start at kz_ui_draw: each item goes onto a scene-sized texture, which is then shown. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "queue/error.h"
#include "queue/file.h"
#include "queue/utf8.h"
#include "render.h"

#define FONT_SLOTS      16  /* open TTF_Font per (face, pixel size), each with its glyph cache */
#define TEXT_SLOTS      256 /* rendered texts kept as textures */
#define TEXT_BYTES      (6 << 20) /* their pixels together: a few screens' worth at 1080p */
#define SIZE_PER_HEIGHT 0.72 /* DejaVu's line (ascent + descent) is 1.164 em: 0.84 of the box */
#define TOO_SMALL       0.6  /* below this share of the wanted size, text is unreadable */
#define MARGIN          0.02 /* inner margin on the aligned side, per box height */
#define KZ_PARA_LINES   40   /* lines of one paragraph */

static const char *const face_files[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
#define FACES 2

/* IMG_Quit is not counted like TTF_Quit and SDL_QuitSubSystem, so count here. */
static int img_users;

/* Draw through the graphics card's driver (kz_ui_use_gpu); software otherwise. */
static int use_gpu;
/* The screen to open on, by the system's name (kz_ui_use_output); "" the first. */
static char use_output[64];

struct font_slot {
	TTF_Font *font; /* NULL: free */
	int face, size;
	unsigned long used;
};

struct text_slot {
	SDL_Texture *tex; /* NULL: free */
	int w, h;
	uint32_t hash;
	int face, size;
	struct kz_rgb color;
	unsigned long used;
	char text[KZ_TEXT_MAX];
};

struct kz_ui {
	SDL_Window *win;
	SDL_Renderer *ren;
	SDL_Texture *frame; /* the scene is drawn here, at the scene's size */
	int fw, fh;
	int drawn;       /* frame holds a drawn scene */
	int dirty;       /* frame drawn since pixels was read back */
	uint8_t *pixels; /* the frame read back, RGBA32, fw * fh * 4 bytes */
	int video_up, ttf_up, img_up, cursor_hidden;
	void *face_data[FACES]; /* font files, read once; fonts of every size open from here */
	size_t face_len[FACES];
	unsigned long tick; /* LRU clock of both caches */
	size_t text_bytes;  /* pixels held by texts[], at most TEXT_BYTES */
	struct font_slot fonts[FONT_SLOTS];
	struct text_slot texts[TEXT_SLOTS];
};

/* A text item fitted to its box. */
struct fit {
	TTF_Font *font;
	int size, wanted; /* pixel size drawn, and what the box's height asks */
	int w;            /* width of the text at size */
};

/* What kz_ui_draw tells in its stats, and the worst ratio so far. */
struct tally {
	struct kz_ui_stats st;
	double worst;
};

/* The open font for (face, size), from the cache or opened into its least
 * recently used slot; NULL with err filled. */
static TTF_Font *
get_font(struct kz_ui *ui, int face, int size, char *err)
{
	struct font_slot *s = &ui->fonts[0];

	for (int i = 0; i < FONT_SLOTS; i++) {
		struct font_slot *f = &ui->fonts[i];
		if (f->font != NULL && f->face == face && f->size == size) {
			f->used = ++ui->tick;
			return f->font;
		}
		if (s->font != NULL && (f->font == NULL || f->used < s->used))
			s = f;
	}
	if (s->font != NULL)
		TTF_CloseFont(s->font);
	s->font = TTF_OpenFontRW(SDL_RWFromConstMem(ui->face_data[face], (int)ui->face_len[face]),
		1, size);
	if (s->font == NULL) {
		kz_err(err, KZ_ENOMEM, "cannot open %s at %d px: %s", face_files[face], size,
			TTF_GetError());
		return NULL;
	}
	s->face = face;
	s->size = size;
	s->used = ++ui->tick;
	return s->font;
}

static uint32_t
text_hash(const char *text, int face, int size, struct kz_rgb c)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		h = (h ^ *p) * 16777619u;
	h = (h ^ (uint32_t)face) * 16777619u;
	h = (h ^ (uint32_t)size) * 16777619u;
	return (h ^ ((uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b)) * 16777619u;
}

static struct text_slot *
find_text(struct kz_ui *ui, const struct kz_item *it, const struct fit *f, uint32_t hash)
{
	for (int i = 0; i < TEXT_SLOTS; i++) {
		struct text_slot *t = &ui->texts[i];
		if (t->tex != NULL && t->hash == hash && t->face == (int)it->font &&
			t->size == f->size && memcmp(&t->color, &it->color, sizeof t->color) == 0 &&
			strcmp(t->text, it->text) == 0)
			return t;
	}
	return NULL;
}

static struct text_slot *
lru_text(struct kz_ui *ui)
{
	struct text_slot *s = &ui->texts[0];

	for (int i = 1; i < TEXT_SLOTS && s->tex != NULL; i++)
		if (ui->texts[i].tex == NULL || ui->texts[i].used < s->used)
			s = &ui->texts[i];
	return s;
}

/* The least recently used text held, NULL if none is. */
static struct text_slot *
oldest_text(struct kz_ui *ui)
{
	struct text_slot *s = NULL;

	for (int i = 0; i < TEXT_SLOTS; i++)
		if (ui->texts[i].tex != NULL && (s == NULL || ui->texts[i].used < s->used))
			s = &ui->texts[i];
	return s;
}

static size_t
text_size(const struct text_slot *t)
{
	return (size_t)t->w * t->h * 4;
}

static void
drop_text(struct kz_ui *ui, struct text_slot *t)
{
	if (t->tex == NULL)
		return;
	SDL_DestroyTexture(t->tex);
	t->tex = NULL;
	ui->text_bytes -= text_size(t);
}

/* A free slot for a text of bytes pixels, the least recently used dropped
 * until both the slots and the bytes allow it: the cache never holds more
 * than TEXT_BYTES, however many long or large texts a day shows. */
static struct text_slot *
make_room(struct kz_ui *ui, size_t bytes)
{
	struct text_slot *t;

	while (ui->text_bytes + bytes > TEXT_BYTES && (t = oldest_text(ui)) != NULL)
		drop_text(ui, t);
	t = lru_text(ui);
	drop_text(ui, t);
	return t;
}

/* The texture of a fitted text item: rendered once, then reused while the
 * scene stays the same, so an unchanged board costs no glyph rendering. */
static struct text_slot *
text_texture(struct kz_ui *ui, const struct kz_item *it, const struct fit *f, char *err)
{
	uint32_t hash = text_hash(it->text, (int)it->font, f->size, it->color);
	struct text_slot *t = find_text(ui, it, f, hash);
	SDL_Color c = {it->color.r, it->color.g, it->color.b, 255};
	SDL_Surface *surf;

	if (t != NULL) {
		t->used = ++ui->tick;
		return t;
	}
	if ((surf = TTF_RenderUTF8_Blended(f->font, it->text, c)) == NULL) {
		kz_err(err, KZ_ENOMEM, "cannot render the text '%s': %s", it->id, TTF_GetError());
		return NULL;
	}
	t = make_room(ui, (size_t)surf->w * surf->h * 4);
	t->tex = SDL_CreateTextureFromSurface(ui->ren, surf);
	t->w = surf->w;
	t->h = surf->h;
	SDL_FreeSurface(surf);
	if (t->tex != NULL)
		ui->text_bytes += text_size(t);
	else {
		kz_err(err, KZ_ENOMEM, "cannot render the text '%s': %s", it->id, SDL_GetError());
		return NULL;
	}
	SDL_SetTextureBlendMode(t->tex, SDL_BLENDMODE_BLEND);
	t->hash = hash;
	t->face = (int)it->font;
	t->size = f->size;
	t->color = it->color;
	t->used = ++ui->tick;
	memcpy(t->text, it->text, sizeof t->text);
	return t;
}

static int
margin(const struct kz_item *it)
{
	return it->align == KZ_ALIGN_CENTER ? 0 : (int)(it->h * MARGIN + 0.5);
}

/* The size the box's height asks for: about 0.72 of it, less if the
 * font's full line (Cyrillic capitals and descenders) would not fit. */
static int
wanted_size(struct kz_ui *ui, const struct kz_item *it, TTF_Font **font, char *err)
{
	int size = (int)(it->h * SIZE_PER_HEIGHT);

	if (size < 1)
		size = 1;
	while ((*font = get_font(ui, (int)it->font, size, err)) != NULL && size > 1) {
		int line = TTF_FontHeight(*font), next = size * it->h / (line > 0 ? line : 1);
		if (line <= it->h)
			return size;
		size = next >= size ? size - 1 : next < 1 ? 1 : next;
	}
	return *font != NULL ? size : -1;
}

/* Size the text to the box: as the height asks, shrunk in proportion
 * (and re-measured, as glyphs do not scale exactly) until the width fits. */
static int
fit_text(struct kz_ui *ui, const struct kz_item *it, struct fit *f, char *err)
{
	int avail = it->w - margin(it), h;

	if ((f->wanted = wanted_size(ui, it, &f->font, err)) < 0)
		return KZ_ENOMEM;
	for (f->size = f->wanted;;) {
		int next;
		if (TTF_SizeUTF8(f->font, it->text, &f->w, &h) != 0)
			return kz_err(err, KZ_EINVAL, "cannot measure the text '%s': %s", it->id,
				TTF_GetError());
		if (f->w <= avail || f->size == 1)
			return KZ_OK;
		next = (int)((long)f->size * (avail > 0 ? avail : 0) / f->w);
		f->size = next >= f->size ? f->size - 1 : next < 1 ? 1 : next;
		if ((f->font = get_font(ui, (int)it->font, f->size, err)) == NULL)
			return KZ_ENOMEM;
	}
}

/* Characters of text the font lacks: they would show as empty boxes. */
static int
missing_glyphs(TTF_Font *font, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	int missing = 0;
	uint32_t cp;

	while (*s) {
		s += kz_utf8_next(s, &cp);
		if (cp == KZ_NOT_UNICODE || (cp > ' ' && !TTF_GlyphIsProvided32(font, cp)))
			missing++;
	}
	return missing;
}

static void
count_text(struct tally *t, const struct kz_item *it, const struct fit *f)
{
	double ratio = (double)f->size / f->wanted;

	t->st.texts++;
	t->st.cut += it->cut;
	t->st.missing_glyphs += missing_glyphs(f->font, it->text);
	if (f->size >= f->wanted)
		return;
	t->st.shrunk++;
	if (ratio < TOO_SMALL)
		t->st.too_small++;
	if (ratio < t->worst) {
		t->worst = ratio;
		snprintf(t->st.worst, sizeof t->st.worst, "%s", it->id);
	}
}

/* Where a w x h text goes in its box, cut to the box so nothing drawn
 * ever leaves it (a text at 1 px can still be too wide). */
static int
place(const struct kz_item *it, int w, int h, SDL_Rect *src, SDL_Rect *dst)
{
	SDL_Rect box = {it->x, it->y, it->w, it->h}, in;
	int x = it->x + margin(it);

	if (it->align == KZ_ALIGN_CENTER)
		x = it->x + (it->w - w) / 2;
	else if (it->align == KZ_ALIGN_RIGHT)
		x = it->x + it->w - margin(it) - w;
	*dst = (SDL_Rect){x, it->y + (it->h - h) / 2, w, h};
	if (!SDL_IntersectRect(dst, &box, &in))
		return 0;
	*src = (SDL_Rect){in.x - dst->x, in.y - dst->y, in.w, in.h};
	*dst = in;
	return 1;
}

static int
draw_text(struct kz_ui *ui, const struct kz_item *it, struct tally *t, char *err)
{
	struct text_slot *tex;
	struct fit f;
	SDL_Rect src, dst;
	int rc;

	if (it->w <= 0 || it->h <= 0) {
		t->st.texts++;
		return KZ_OK;
	}
	if ((rc = fit_text(ui, it, &f, err)) != KZ_OK)
		return rc;
	count_text(t, it, &f);
	if (f.w == 0) /* nothing visible: SDL_ttf refuses to render zero width */
		return KZ_OK;
	if ((tex = text_texture(ui, it, &f, err)) == NULL)
		return KZ_ENOMEM;
	if (place(it, tex->w, tex->h, &src, &dst))
		SDL_RenderCopy(ui->ren, tex->tex, &src, &dst);
	return KZ_OK;
}

/* Where each line of a paragraph starts in its text, and how long it is. */
struct lines {
	int n;
	int start[KZ_PARA_LINES], len[KZ_PARA_LINES];
};

/* Width of text[0..len) at font; -1 if it cannot be measured. */
static int
measure(TTF_Font *font, const char *text, int len)
{
	char buf[KZ_TEXT_MAX];
	int w, h;

	snprintf(buf, sizeof buf, "%.*s", len, text);
	return TTF_SizeUTF8(font, buf, &w, &h) == 0 ? w : -1;
}

/* Break text at spaces and newlines into lines no wider than avail.  0 if
 * it goes, -1 if a word alone is too wide or there are too many lines. */
static int
wrap(TTF_Font *font, const char *text, int avail, struct lines *out)
{
	const char *p = text;

	out->n = 0;
	while (*p) {
		int fit = 0, i = 0;
		while (*p == ' ')
			p++;
		for (;;) {
			while (p[i] && p[i] != ' ' && p[i] != '\n')
				i++;
			if (measure(font, p, i) > avail)
				break;
			fit = i;
			if (p[i] != ' ')
				break;
			i++;
		}
		if (fit == 0 && *p != '\n' && *p != '\0')
			return -1;
		if (out->n == KZ_PARA_LINES)
			return -1;
		out->start[out->n] = (int)(p - text);
		out->len[out->n++] = fit;
		p += fit;
		if (*p == '\n')
			p++;
	}
	return 0;
}

/* Size a paragraph: its line height asks for a size; smaller until every
 * line fits the width and all lines the height. */
static int
fit_para(struct kz_ui *ui, const struct kz_item *it, struct fit *f, struct lines *ln, int *pitch,
	char *err)
{
	struct kz_item line = *it;
	int avail;

	line.h = it->line;
	avail = it->w - margin(&line);
	if ((f->wanted = wanted_size(ui, &line, &f->font, err)) < 0)
		return KZ_ENOMEM;
	for (f->size = f->wanted;; f->size = f->size * 92 / 100) {
		if (f->size < 1)
			f->size = 1;
		if ((f->font = get_font(ui, (int)it->font, f->size, err)) == NULL)
			return KZ_ENOMEM;
		*pitch = (int)((long)it->line * f->size / f->wanted);
		if (*pitch < 1)
			*pitch = 1;
		if ((wrap(f->font, it->text, avail, ln) == 0 && ln->n * *pitch <= it->h) ||
			f->size == 1)
			break;
	}
	f->w = avail;
	return KZ_OK;
}

static int
draw_para(struct kz_ui *ui, const struct kz_item *it, struct tally *t, char *err)
{
	struct kz_item line = *it;
	struct lines ln = {0};
	struct fit f;
	int pitch, rc, top;

	if (it->w <= 0 || it->h <= 0 || it->text[0] == '\0') {
		t->st.texts++;
		return KZ_OK;
	}
	if ((rc = fit_para(ui, it, &f, &ln, &pitch, err)) != KZ_OK)
		return rc;
	count_text(t, it, &f);
	top = it->y;
	for (int i = 0; i < ln.n; i++) {
		struct text_slot *tex;
		SDL_Rect src, dst;
		snprintf(line.text, sizeof line.text, "%.*s", ln.len[i], it->text + ln.start[i]);
		line.kind = KZ_ITEM_TEXT;
		line.y = top + i * pitch;
		line.h = pitch;
		if (line.text[0] == '\0' || line.y + pitch > it->y + it->h)
			continue;
		if ((tex = text_texture(ui, &line, &f, err)) == NULL)
			return KZ_ENOMEM;
		if (place(&line, tex->w, tex->h, &src, &dst))
			SDL_RenderCopy(ui->ren, tex->tex, &src, &dst);
	}
	return KZ_OK;
}

static void
draw_rect(struct kz_ui *ui, const struct kz_item *it)
{
	SDL_Rect r = {it->x, it->y, it->w, it->h};

	if (it->w <= 0 || it->h <= 0)
		return;
	SDL_SetRenderDrawColor(ui->ren, it->color.r, it->color.g, it->color.b, 255);
	SDL_RenderFillRect(ui->ren, &r);
}

/* A target texture of the scene's size: drawing and reading back then work
 * the same whatever the window's size and the driver. */
static int
ensure_frame(struct kz_ui *ui, int w, int h, char *err)
{
	if (ui->frame != NULL && ui->fw == w && ui->fh == h)
		return KZ_OK;
	if (ui->frame != NULL)
		SDL_DestroyTexture(ui->frame);
	free(ui->pixels);
	ui->pixels = NULL;
	ui->drawn = 0;
	ui->frame = SDL_CreateTexture(ui->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
		w, h);
	if (ui->frame == NULL)
		return kz_err(err, KZ_ECONFIG, "cannot make a %dx%d frame to draw on: %s", w, h,
			SDL_GetError());
	ui->fw = w;
	ui->fh = h;
	SDL_SetTextureBlendMode(ui->frame, SDL_BLENDMODE_NONE);
	SDL_SetTextureScaleMode(ui->frame, SDL_ScaleModeLinear); /* smooth when sizes differ */
	return KZ_OK;
}

/* Show the frame, stretched to the window. */
static void
present(struct kz_ui *ui)
{
	SDL_SetRenderDrawColor(ui->ren, 0, 0, 0, 255);
	SDL_RenderClear(ui->ren);
	if (ui->drawn)
		SDL_RenderCopy(ui->ren, ui->frame, NULL, NULL);
	SDL_RenderPresent(ui->ren);
}

/* Draw the items in order; a failed text does not blank the whole board,
 * so the rest is drawn and the first failure returned. */
static int
draw_items(struct kz_ui *ui, const struct kz_scene *scene, struct tally *t, char *err)
{
	int first = KZ_OK, rc;

	for (int i = 0; i < scene->n; i++) {
		const struct kz_item *it = &scene->items[i];
		if (it->kind == KZ_ITEM_RECT) {
			draw_rect(ui, it);
			continue;
		}
		if (it->kind == KZ_ITEM_PARA)
			rc = draw_para(ui, it, t, first == KZ_OK ? err : NULL);
		else
			rc = draw_text(ui, it, t, first == KZ_OK ? err : NULL);
		if (first == KZ_OK)
			first = rc;
	}
	return first;
}

int
kz_ui_draw(struct kz_ui *ui, const struct kz_scene *scene, struct kz_ui_stats *stats, char *err)
{
	struct tally t = {.worst = 1.0};
	struct kz_rgb bg = scene->background;
	int rc;

	if (scene->w <= 0 || scene->h <= 0 || scene->n < 0 || scene->n > KZ_SCENE_MAX)
		return kz_err(err, KZ_EINVAL, "the scene is malformed: %dx%d with %d items",
			scene->w, scene->h, scene->n);
	if ((rc = ensure_frame(ui, scene->w, scene->h, err)) != KZ_OK)
		return rc;
	if (SDL_SetRenderTarget(ui->ren, ui->frame) != 0)
		return kz_err(err, KZ_ECONFIG, "cannot draw on the frame: %s", SDL_GetError());
	SDL_SetRenderDrawColor(ui->ren, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(ui->ren);
	rc = draw_items(ui, scene, &t, err);
	/* read back lazily: a 4K frame is 33 MB, and only tests and screenshots ask */
	ui->drawn = 1;
	ui->dirty = 1;
	SDL_SetRenderTarget(ui->ren, NULL);
	present(ui);
	if (stats != NULL)
		*stats = t.st;
	return rc;
}

/* Copy the last frame into ui->pixels, once per frame drawn. */
static int
read_back(struct kz_ui *ui, char *err)
{
	int rc = KZ_OK;

	if (!ui->drawn)
		return kz_err(err, KZ_EINVAL, "nothing has been drawn yet; call kz_ui_draw first");
	if (!ui->dirty)
		return KZ_OK;
	if (ui->pixels == NULL && (ui->pixels = malloc((size_t)ui->fw * ui->fh * 4)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory reading back a %dx%d frame", ui->fw,
			ui->fh);
	if (SDL_SetRenderTarget(ui->ren, ui->frame) != 0 ||
		SDL_RenderReadPixels(ui->ren, NULL, SDL_PIXELFORMAT_RGBA32, ui->pixels,
			ui->fw * 4) != 0)
		rc = kz_err(err, KZ_ECONFIG, "cannot read the frame back: %s", SDL_GetError());
	SDL_SetRenderTarget(ui->ren, NULL);
	if (rc == KZ_OK)
		ui->dirty = 0;
	return rc;
}

int
kz_ui_pixel(struct kz_ui *ui, int x, int y, struct kz_rgb *out, char *err)
{
	const uint8_t *p;
	int rc;

	if ((rc = read_back(ui, err)) != KZ_OK)
		return rc;
	if (x < 0 || y < 0 || x >= ui->fw || y >= ui->fh)
		return kz_err(err, KZ_EINVAL, "pixel (%d, %d) is outside the %dx%d frame", x, y,
			ui->fw, ui->fh);
	p = ui->pixels + ((size_t)y * ui->fw + x) * 4;
	*out = (struct kz_rgb){p[0], p[1], p[2]};
	return KZ_OK;
}

int
kz_ui_save_png(struct kz_ui *ui, const char *path, char *err)
{
	SDL_Surface *s;
	int rc;

	if ((rc = read_back(ui, err)) != KZ_OK)
		return rc;
	s = SDL_CreateRGBSurfaceWithFormatFrom(ui->pixels, ui->fw, ui->fh, 32, ui->fw * 4,
		SDL_PIXELFORMAT_RGBA32);
	if (s == NULL)
		return kz_err(err, KZ_ENOMEM, "cannot save '%s': %s", path, SDL_GetError());
	rc = IMG_SavePNG(s, path);
	SDL_FreeSurface(s);
	if (rc != 0)
		return kz_err(err, KZ_EINVAL, "cannot write the screenshot '%s': %s", path,
			IMG_GetError());
	return KZ_OK;
}

void
kz_ui_size(struct kz_ui *ui, int *w, int *h)
{
	if (SDL_GetRendererOutputSize(ui->ren, w, h) != 0)
		SDL_GetWindowSize(ui->win, w, h);
}

/* 1 if ev asks to close; a window uncovered or resized gets the frame again. */
static int
handle_event(struct kz_ui *ui, const SDL_Event *ev)
{
	if (ev->type == SDL_QUIT)
		return 1;
	if (ev->type != SDL_WINDOWEVENT)
		return 0; /* keys too: the board is a kiosk screen */
	if (ev->window.event == SDL_WINDOWEVENT_CLOSE)
		return 1;
	if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
		ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
		present(ui);
	return 0;
}

int
kz_ui_wait(struct kz_ui *ui, int timeout_ms)
{
	SDL_Event ev;
	int quit = 0;

	if (SDL_WaitEventTimeout(&ev, timeout_ms > 0 ? timeout_ms : 0))
		quit |= handle_event(ui, &ev);
	while (SDL_PollEvent(&ev))
		quit |= handle_event(ui, &ev);
	return quit;
}

/* A press at window point (x, y) as a tap in the frame's pixels. */
static void
tap_at(struct kz_ui *ui, float fx, float fy, struct kz_ui_event *out)
{
	out->type = KZ_UI_TAP;
	out->x = (int)(fx * ui->fw);
	out->y = (int)(fy * ui->fh);
}

/* What ev means to a person's screen; 0 if nothing. */
static int
translate(struct kz_ui *ui, const SDL_Event *ev, struct kz_ui_event *out)
{
	int ww = 1, wh = 1;

	out->ms = ev->common.timestamp;
	switch (ev->type) {
	case SDL_FINGERDOWN:
		if (!ui->drawn)
			return 0;
		tap_at(ui, ev->tfinger.x, ev->tfinger.y, out);
		return 1;
	case SDL_MOUSEBUTTONDOWN:
		/* a touch also arrives as a mouse click: one touch is one tap */
		if (!ui->drawn || ev->button.which == SDL_TOUCH_MOUSEID ||
			ev->button.button != SDL_BUTTON_LEFT)
			return 0;
		SDL_GetWindowSize(ui->win, &ww, &wh);
		tap_at(ui, (float)ev->button.x / (ww > 0 ? ww : 1),
			(float)ev->button.y / (wh > 0 ? wh : 1), out);
		return 1;
	case SDL_KEYDOWN:
		out->type = KZ_UI_KEY;
		out->key = ev->key.keysym.sym;
		return 1;
	default:
		if (handle_event(ui, ev)) {
			out->type = KZ_UI_CLOSE;
			return 1;
		}
		return 0;
	}
}

int
kz_ui_next(struct kz_ui *ui, int timeout_ms, struct kz_ui_event *out)
{
	SDL_Event ev;

	memset(out, 0, sizeof *out);
	/* twice: SDL ends a round of polling at a marker it queues, and an
	 * earlier call that returned early can leave that marker first */
	for (int round = 0; round < 2; round++)
		while (SDL_PollEvent(&ev))
			if (translate(ui, &ev, out))
				return 1;
	if (timeout_ms > 0 && SDL_WaitEventTimeout(&ev, timeout_ms) && translate(ui, &ev, out))
		return 1;
	return 0;
}

void
kz_ui_grab(struct kz_ui *ui)
{
	/* keys such as Alt+Tab then reach the kiosk, which ignores them */
	SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
	SDL_SetWindowGrab(ui->win, SDL_TRUE);
}

int
kz_ui_sleep(struct kz_ui *ui, int ms)
{
	SDL_Event ev;
	int quit = 0;

	while (SDL_PollEvent(&ev))
		quit |= handle_event(ui, &ev);
	if (!quit && ms > 0)
		SDL_Delay((Uint32)ms);
	return quit;
}

/* Read both font files once; fonts of every size then open from memory. */
static int
load_faces(struct kz_ui *ui, const char *font_dir, char *err)
{
	char path[4096];

	for (int i = 0; i < FACES; i++) {
		snprintf(path, sizeof path, "%s/%s", font_dir, face_files[i]);
		if ((ui->face_data[i] = kz_file_read(path, &ui->face_len[i])) == NULL)
			return kz_err(err, KZ_ECONFIG,
				"cannot read the font file '%s': %s; the board needs %s and %s in "
				"its font folder",
				path, strerror(errno), face_files[0], face_files[1]);
	}
	return KZ_OK;
}

static int
check_faces(struct kz_ui *ui, const char *font_dir, char *err)
{
	for (int i = 0; i < FACES; i++)
		if (get_font(ui, i, 12, NULL) == NULL)
			return kz_err(err, KZ_ECONFIG,
				"the font file '%s/%s' (%zu bytes) is not a usable TrueType "
				"font: %s",
				font_dir, face_files[i], ui->face_len[i], TTF_GetError());
	return KZ_OK;
}

/* SDL's video and SDL_ttf count their users, so a second ui, or audio
 * elsewhere in the process, is not shut down by this one's close. */
static int may_draw_unseen; /* kz_ui_may_draw_unseen */

void
kz_ui_may_draw_unseen(int yes)
{
	may_draw_unseen = yes != 0;
}

/* 1 if SDL fell back to drawing where nobody sees it (its offscreen or
 * dummy driver) without being asked to: the X server or the screen it was
 * meant for could not be reached. */
static int
unseen_without_asking(void)
{
	const char *got = SDL_GetCurrentVideoDriver(), *asked = getenv("SDL_VIDEODRIVER");

	if (may_draw_unseen || got == NULL ||
		(strcmp(got, "offscreen") != 0 && strcmp(got, "dummy") != 0))
		return 0;
	return asked == NULL || strstr(asked, got) == NULL;
}

static int
start_sdl(struct kz_ui *ui, char *err)
{
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
		return kz_err(err, KZ_ECONFIG, "cannot open the display window: %s",
			SDL_GetError());
	/* A kiosk or board started before its X server is up must fail (its
	 * supervisor starts it again), never run for months drawing into
	 * memory while the screen stays black. */
	if (unseen_without_asking()) {
		const char *display = getenv("DISPLAY");

		SDL_QuitSubSystem(SDL_INIT_VIDEO);
		return kz_err(err, KZ_EDEVICE,
			"cannot open the display window: no screen can be reached (DISPLAY=%s); "
			"start the X server first, or set SDL_VIDEODRIVER=offscreen to draw "
			"without a screen",
			display != NULL && *display != '\0' ? display : "unset");
	}
	ui->video_up = 1;
	if (TTF_Init() != 0)
		return kz_err(err, KZ_ECONFIG, "cannot start SDL_ttf: %s", TTF_GetError());
	ui->ttf_up = 1;
	/* without PNG only screenshots fail, and kz_ui_save_png says so */
	if (img_users++ == 0)
		IMG_Init(IMG_INIT_PNG);
	ui->img_up = 1;
	return KZ_OK;
}

void
kz_ui_use_gpu(int yes)
{
	use_gpu = yes != 0;
}

void
kz_ui_use_output(const char *name)
{
	snprintf(use_output, sizeof use_output, "%s", name ? name : "");
}

int
kz_ui_output_index(const char *want, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) /* as the system spells it */
		if (names[i] != NULL && strcmp(names[i], want) == 0)
			return i;
	for (int i = 0; i < n; i++) /* hdmi-1 for HDMI-1: as an administrator may type it */
		if (names[i] != NULL && strcasecmp(names[i], want) == 0)
			return i;
	return -1;
}

/* The display index of use_output, 0 if none is asked for; KZ_ECONFIG
 * naming the screens there are if it is not one of them. */
static int
find_output(int *index, char *err)
{
	const char *names[16] = {NULL};
	char known[512] = "";
	int n = SDL_GetNumVideoDisplays();

	*index = 0;
	if (use_output[0] == '\0')
		return KZ_OK;
	if (n > 16)
		n = 16;
	for (int i = 0; i < n; i++) {
		names[i] = SDL_GetDisplayName(i);
		snprintf(known + strlen(known), sizeof known - strlen(known), "%s'%s'",
			i ? ", " : "", names[i] ? names[i] : "?");
	}
	if ((*index = kz_ui_output_index(use_output, names, n < 0 ? 0 : n)) >= 0)
		return KZ_OK;
	return kz_err(err, KZ_ECONFIG,
		"no screen named '%s' here; the screens are %s: name one of them with --output "
		"or output = in hall.ini",
		use_output, n > 0 ? known : "none");
}

/* The index of SDL's software renderer, -1 if it has none. */
static int
software_driver(void)
{
	SDL_RendererInfo info;

	for (int i = 0; i < SDL_GetNumRenderDrivers(); i++)
		if (SDL_GetRenderDriverInfo(i, &info) == 0 && strcmp(info.name, "software") == 0)
			return i;
	return -1;
}

/* Without --gpu, SDL would still show a software frame through an OpenGL
 * texture and so map Mesa and libLLVM (about 60 MB): the window surface
 * is shown as it is instead.  KMS/DRM alone has no window surface: there
 * SDL2 shows every frame through GBM and EGL whatever is asked. */
static void
choose_renderer_hints(void)
{
	const char *video = SDL_GetCurrentVideoDriver();
	int kms = video != NULL && strcmp(video, "kmsdrm") == 0;

	if (!use_gpu && !kms)
		SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_OVERRIDE);
}

static int
make_renderer(struct kz_ui *ui, char *err)
{
	Uint32 target = SDL_RENDERER_TARGETTEXTURE;

	/* with --gpu and no GPU (or no Mesa) there is no GL context: software then */
	if (use_gpu)
		ui->ren = SDL_CreateRenderer(ui->win, -1, SDL_RENDERER_ACCELERATED | target);
	if (ui->ren == NULL)
		ui->ren = SDL_CreateRenderer(ui->win, software_driver(), target);
	if (ui->ren == NULL)
		return kz_err(err, KZ_ECONFIG, "cannot open the display window: %s",
			SDL_GetError());
	return KZ_OK;
}

static int
open_window(struct kz_ui *ui, const char *title, int w, int h, int fullscreen, char *err)
{
	Uint32 flags = SDL_WINDOW_SHOWN | (fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	SDL_Rect r;
	int out, x, y, rc;

	/* a kiosk board must stay up when something else takes the focus */
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	choose_renderer_hints();
	if ((rc = find_output(&out, err)) != KZ_OK)
		return rc;
	x = y = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(out);
	/* full screen is its screen's size from the start, at its corner: an
	 * unattended machine may run no window manager to resize or move it */
	if (fullscreen && SDL_GetDisplayBounds(out, &r) == 0)
		x = r.x, y = r.y, w = r.w, h = r.h;
	ui->win = SDL_CreateWindow(title ? title : "Kezek", x, y, w, h, flags);
	if (ui->win == NULL)
		return kz_err(err, KZ_ECONFIG, "cannot open the display window: %s",
			SDL_GetError());
	if ((rc = make_renderer(ui, err)) != KZ_OK)
		return rc;
	if (fullscreen && SDL_ShowCursor(SDL_DISABLE) >= 0)
		ui->cursor_hidden = 1;
	return KZ_OK;
}

int
kz_ui_open(const char *title, int w, int h, int fullscreen, const char *font_dir,
	struct kz_ui **out, char *err)
{
	struct kz_ui *ui;
	int rc;

	*out = NULL;
	if (w <= 0 || h <= 0 || font_dir == NULL)
		return kz_err(err, KZ_EINVAL,
			"the display window needs a size and a font folder, not %dx%d and %s", w, h,
			font_dir ? font_dir : "none");
	if ((ui = calloc(1, sizeof *ui)) == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory opening the display window");
	if ((rc = load_faces(ui, font_dir, err)) != KZ_OK || (rc = start_sdl(ui, err)) != KZ_OK ||
		(rc = check_faces(ui, font_dir, err)) != KZ_OK ||
		(rc = open_window(ui, title, w, h, fullscreen, err)) != KZ_OK) {
		kz_ui_close(ui);
		return rc;
	}
	*out = ui;
	return KZ_OK;
}

/* Undo whatever kz_ui_open got as far as, in reverse. */
void
kz_ui_close(struct kz_ui *ui)
{
	if (ui == NULL)
		return;
	for (int i = 0; i < TEXT_SLOTS; i++)
		if (ui->texts[i].tex != NULL)
			SDL_DestroyTexture(ui->texts[i].tex);
	for (int i = 0; i < FONT_SLOTS; i++)
		if (ui->fonts[i].font != NULL)
			TTF_CloseFont(ui->fonts[i].font);
	if (ui->frame != NULL)
		SDL_DestroyTexture(ui->frame);
	if (ui->cursor_hidden)
		SDL_ShowCursor(SDL_ENABLE);
	if (ui->ren != NULL)
		SDL_DestroyRenderer(ui->ren);
	if (ui->win != NULL)
		SDL_DestroyWindow(ui->win);
	for (int i = 0; i < FACES; i++)
		free(ui->face_data[i]);
	free(ui->pixels);
	if (ui->img_up && --img_users == 0)
		IMG_Quit();
	if (ui->ttf_up)
		TTF_Quit();
	if (ui->video_up)
		SDL_QuitSubSystem(SDL_INIT_VIDEO);
	if (ui->video_up && SDL_WasInit(SDL_INIT_EVERYTHING) == 0)
		SDL_Quit(); /* the last SDL user: free SDL's own state too */
	free(ui);
}
