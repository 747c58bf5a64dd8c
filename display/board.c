/*
 * board.c - the hall board, laid out from one description (regions) for any
 * screen size, in Kazakh and Russian together or by turns.  Start at
 * kz_board_scene.
 */
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "queue/clock.h"
#include "queue/wait.h"

const struct kz_rgb kz_board_green = {0x1b, 0x8a, 0x3a};
const struct kz_rgb kz_board_amber = {0xf2, 0xa9, 0x00};
const struct kz_rgb kz_board_red = {0xd3, 0x2f, 0x2f};
static const struct kz_rgb background = {0x0b, 0x1d, 0x33};
static const struct kz_rgb panel = {0x13, 0x2c, 0x4c};
static const struct kz_rgb white = {0xff, 0xff, 0xff};
static const struct kz_rgb grey = {0xb8, 0xc4, 0xd4};
static const struct kz_rgb dark = {0x0b, 0x1d, 0x33};
static const struct kz_rgb highlight = {0xff, 0xd5, 0x4f};

/* The one layout description: each region in fractions of the screen, for
 * a landscape and a portrait screen. */
enum region { HEADER, CALL, RECENT, SERVICES, OVERTIME, INFO, NREGIONS };

static const struct {
	float land[4], port[4]; /* x, y, w, h */
} regions[NREGIONS] = {
	[HEADER] = {{0, 0, 1, .11f}, {0, 0, 1, .08f}},
	[CALL] = {{0, .11f, .5f, .50f}, {0, .08f, 1, .30f}},
	[RECENT] = {{0, .61f, .5f, .31f}, {0, .38f, 1, .19f}},
	[SERVICES] = {{.5f, .11f, .5f, .56f}, {0, .57f, 1, .24f}},
	[OVERTIME] = {{.5f, .67f, .5f, .25f}, {0, .81f, 1, .11f}},
	[INFO] = {{0, .92f, 1, .08f}, {0, .92f, 1, .08f}},
};

/* Words of the board: English source strings, translated in po/kk.po and
 * po/ru.po like the kiosk's (N marks them for xgettext). */
#define N(msgid) (msgid)
enum word {
	W_TICKET,
	W_COUNTER,
	W_CALLS,
	W_SERVICE,
	W_WAITING,
	W_LONGEST,
	W_MIN,
	W_OVERTIME,
	W_NONE,
	W_OPEN,
	W_LUNCH,
	W_CLOSED,
	W_OPENS,
	W_LOST,
	NWORDS
};

static const char *const words[NWORDS] = {
	/* TRANSLATORS: on the hall board, above ticket numbers */
	N("Ticket"),
	/* TRANSLATORS: on the hall board, above counter numbers */
	N("Counter"), N("Earlier calls"), N("Service"), N("Waiting"), N("Longest wait"),
	/* TRANSLATORS: minutes, after a number: "12 min" */
	N("min"), N("Service past 30 minutes"), N("None"), N("Open"), N("Lunch break"), N("Closed"),
	/* TRANSLATORS: the office "opens" at a time, which follows */
	N("opens"), N("Connection lost, reconnecting")};

struct box {
	int x, y, w, h;
};

struct ctx {
	const struct kz_board_view *v;
	struct kz_scene *s;
	int portrait;
	int nlangs;   /* 2: both at once; 1: by turns */
	int langs[2]; /* 0 kk, 1 ru */
};

static const char *
word(const struct ctx *c, int lang, enum word w)
{
	return kz_i18n_get(c->v->tr, lang ? "ru" : "kk", words[w]);
}

static const char *const lang_code[2] = {"kk", "ru"};

static struct box
region(const struct ctx *c, enum region r)
{
	const float *f = c->portrait ? regions[r].port : regions[r].land;
	int W = c->s->w, H = c->s->h;

	return (struct box){(int)(f[0] * W), (int)(f[1] * H), (int)(f[2] * W), (int)(f[3] * H)};
}

/* A part of box b: fractions of its width and height. */
static struct box
part(struct box b, float x, float y, float w, float h)
{
	return (struct box){b.x + (int)(x * b.w), b.y + (int)(y * b.h), (int)(w * b.w),
		(int)(h * b.h)};
}

/* The word in each shown language, stacked in box. */
static void
say(struct ctx *c, const char *id, struct box b, enum word w, struct kz_rgb color,
	enum kz_font font, enum kz_align align)
{
	char name[KZ_ID_MAX];

	for (int i = 0; i < c->nlangs; i++) {
		/* a line is half the box either way, so a label reads the same size
		 * whether one language is shown or both (one is centred) */
		struct box l = part(b, 0, c->nlangs == 1 ? .25f : i * .5f, 1, .5f);
		snprintf(name, sizeof name, "%s.%s", id, lang_code[c->langs[i]]);
		kz_scene_text(c->s, name, l.x, l.y, l.w, l.h, color, font, align,
			lang_code[c->langs[i]], "%s", word(c, c->langs[i], w));
	}
}

struct kz_rgb
kz_board_wait_color(const struct kz_display_conf *d, int minutes)
{
	if (minutes < d->green_below)
		return kz_board_green;
	return minutes > d->red_above ? kz_board_red : kz_board_amber;
}

static void
office_state(struct ctx *c, struct box b)
{
	const struct kz_office *o = c->v->office;
	char when[32], name[KZ_ID_MAX];

	kz_clock_format(o->next_open, "%d.%m %H:%M", when, sizeof when);
	for (int i = 0; i < c->nlangs; i++) {
		int l = c->langs[i];
		struct box p = part(b, 0, c->nlangs == 1 ? .25f : i * .5f, 1, .5f);
		const char *what = o->state == KZ_OFFICE_OPEN ? word(c, l, W_OPEN)
			: o->state == KZ_OFFICE_LUNCH         ? word(c, l, W_LUNCH)
							      : word(c, l, W_CLOSED);
		const char *holiday = kz_cal_day_name(&o->day, c->v->tr, lang_code[l]);
		snprintf(name, sizeof name, "state.%s", lang_code[l]);
		if (o->state == KZ_OFFICE_OPEN)
			kz_scene_text(c->s, name, p.x, p.y, p.w, p.h, kz_board_green, KZ_FONT_BOLD,
				KZ_ALIGN_CENTER, lang_code[l], "%s", what);
		else
			kz_scene_text(c->s, name, p.x, p.y, p.w, p.h, highlight, KZ_FONT_BOLD,
				KZ_ALIGN_CENTER, lang_code[l], "%s%s%s, %s %s", what,
				holiday && o->state == KZ_OFFICE_DAY_OFF ? ": " : "",
				holiday && o->state == KZ_OFFICE_DAY_OFF ? holiday : "",
				word(c, l, W_OPENS), when);
	}
}

static void
header(struct ctx *c)
{
	const struct kz_config *cfg = c->v->cfg;
	struct box b = region(c, HEADER);
	/* a portrait screen is narrow: the office's name takes more of the width */
	struct box names = part(b, .02f, .08f, c->portrait ? .52f : .40f, .84f);
	struct box state =
		c->portrait ? part(b, .55f, .1f, .27f, .8f) : part(b, .43f, .1f, .37f, .8f);
	char hhmm[8], date[16];

	kz_scene_rect(c->s, "header", b.x, b.y, b.w, b.h, panel);
	for (int i = 0; i < c->nlangs; i++) {
		struct box l = part(names, 0, c->nlangs == 1 ? .25f : i * .5f, 1, .5f);
		kz_scene_text(c->s, i == 0 ? "office.0" : "office.1", l.x, l.y, l.w, l.h, white,
			KZ_FONT_BOLD, KZ_ALIGN_LEFT, lang_code[c->langs[i]], "%s",
			c->langs[i] == 0 ? cfg->name_kk : cfg->name_ru);
	}
	office_state(c, state);
	kz_clock_format(c->v->now, "%H:%M", hhmm, sizeof hhmm);
	kz_clock_format(c->v->now, "%d.%m.%Y", date, sizeof date);
	kz_scene_text(c->s, "clock", b.x + (int)(b.w * .83f), b.y, (int)(b.w * .15f),
		(int)(b.h * .66f), white, KZ_FONT_BOLD, KZ_ALIGN_RIGHT, "", "%s", hhmm);
	kz_scene_text(c->s, "date", b.x + (int)(b.w * .83f), b.y + (int)(b.h * .62f),
		(int)(b.w * .15f), (int)(b.h * .32f), grey, KZ_FONT_REGULAR, KZ_ALIGN_RIGHT, "",
		"%s", date);
}

static void
latest_call(struct ctx *c)
{
	const struct kz_board *bd = c->v->board;
	const struct kz_call *call = bd && bd->ncalls ? &bd->calls[0] : NULL;
	int fresh = call && c->v->now - call->at < c->v->cfg->display.highlight_seconds;
	struct box b = region(c, CALL), inner = part(b, .03f, .04f, .94f, .92f);
	struct kz_rgb fg = fresh ? dark : white;

	kz_scene_rect(c->s, "call.panel", inner.x, inner.y, inner.w, inner.h,
		fresh ? highlight : panel);
	say(c, "call.label.ticket", part(inner, .04f, .03f, .56f, .22f), W_TICKET, fg,
		KZ_FONT_REGULAR, KZ_ALIGN_LEFT);
	say(c, "call.label.counter", part(inner, .64f, .03f, .32f, .22f), W_COUNTER, fg,
		KZ_FONT_REGULAR, KZ_ALIGN_CENTER);
	if (call == NULL) {
		struct box n = part(inner, .04f, .3f, .92f, .6f);
		kz_scene_text(c->s, "call.number", n.x, n.y, n.w, n.h, grey, KZ_FONT_BOLD,
			KZ_ALIGN_CENTER, "", "—");
		return;
	}
	struct box n = part(inner, .02f, .28f, .60f, .66f), k = part(inner, .64f, .28f, .34f, .66f);
	kz_scene_text(c->s, "call.number", n.x, n.y, n.w, n.h, fg, KZ_FONT_BOLD, KZ_ALIGN_LEFT, "",
		"%s", call->number);
	kz_scene_text(c->s, "call.counter", k.x, k.y, k.w, k.h, fg, KZ_FONT_BOLD, KZ_ALIGN_CENTER,
		"", "→ %d", call->counter);
}

static void
recent_calls(struct ctx *c)
{
	const struct kz_board *bd = c->v->board;
	struct box b = region(c, RECENT), list = part(b, .05f, .22f, .9f, .76f);
	int rows = c->v->cfg->display.recent_calls, shown = 0;
	char id[KZ_ID_MAX];

	if (rows == 0)
		return;
	say(c, "recent.title", part(b, .05f, .02f, .9f, .18f), W_CALLS, grey, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT);
	for (int i = 1; bd && i < bd->ncalls && shown < rows; i++) {
		/* A recall repeats a number already listed: show each ticket once. */
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= strcmp(bd->calls[j].number, bd->calls[i].number) == 0;
		if (dup)
			continue;
		int per_col = (rows + 1) / 2, col = shown / per_col, row = shown % per_col;
		struct box r =
			part(list, col * .5f, (float)row / per_col, .48f, 1.0f / per_col * .9f);
		snprintf(id, sizeof id, "recent.%d", shown);
		kz_scene_text(c->s, id, r.x, r.y, r.w, r.h, white, KZ_FONT_BOLD, KZ_ALIGN_LEFT, "",
			"%s → %d", bd->calls[i].number, bd->calls[i].counter);
		shown++;
	}
}

static void
service_row(struct ctx *c, const struct kz_service_status *sv, struct box r, int lang)
{
	/* the wait grows with the clock between reads of the database */
	int minutes =
		sv->waiting ? (int)(kz_wait_seconds(sv->oldest_issued_at, 0, c->v->now) / 60) : 0;
	struct box name = part(r, 0, .15f, .58f, .7f), count = part(r, .59f, .1f, .13f, .8f),
		   wait = part(r, .74f, .08f, .26f, .84f);
	char id[KZ_ID_MAX];

	snprintf(id, sizeof id, "service.%s", sv->code);
	kz_scene_text(c->s, id, name.x, name.y, name.w, name.h, white, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT, lang_code[lang], "%s", lang == 0 ? sv->name_kk : sv->name_ru);
	snprintf(id, sizeof id, "waiting.%s", sv->code);
	kz_scene_text(c->s, id, count.x, count.y, count.w, count.h, white, KZ_FONT_BOLD,
		KZ_ALIGN_CENTER, "", "%d", sv->waiting);
	snprintf(id, sizeof id, "wait.%s.box", sv->code);
	kz_scene_rect(c->s, id, wait.x, wait.y, wait.w, wait.h,
		sv->waiting ? kz_board_wait_color(&c->v->cfg->display, minutes) : panel);
	snprintf(id, sizeof id, "wait.%s", sv->code);
	if (sv->waiting)
		kz_scene_text(c->s, id, wait.x, wait.y, wait.w, wait.h, white, KZ_FONT_BOLD,
			KZ_ALIGN_CENTER, lang_code[lang], "%d %s", minutes, word(c, lang, W_MIN));
	else
		kz_scene_text(c->s, id, wait.x, wait.y, wait.w, wait.h, grey, KZ_FONT_REGULAR,
			KZ_ALIGN_CENTER, "", "—");
}

static void
services(struct ctx *c)
{
	const struct kz_board *bd = c->v->board;
	struct box b = region(c, SERVICES), head = part(b, .03f, .02f, .94f, .14f);
	int n = bd ? bd->status.nservices : 0, lines = n * c->nlangs;

	kz_scene_rect(c->s, "services", b.x + b.w / 100, b.y, b.w - b.w / 50, b.h, panel);
	say(c, "services.head.service", part(head, 0, 0, .58f, 1), W_SERVICE, grey, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT);
	say(c, "services.head.waiting", part(head, .59f, 0, .13f, 1), W_WAITING, grey,
		KZ_FONT_REGULAR, KZ_ALIGN_CENTER);
	say(c, "services.head.longest", part(head, .74f, 0, .26f, 1), W_LONGEST, grey,
		KZ_FONT_REGULAR, KZ_ALIGN_CENTER);
	for (int i = 0; i < n; i++) {
		/* with both languages, a service takes two lines: Kazakh, then Russian */
		for (int j = 0; j < c->nlangs; j++) {
			float row = (float)(i * c->nlangs + j) / (lines > 6 ? lines : 6);
			struct box r = part(b, .03f, .18f + row * .8f, .94f,
				.8f / (lines > 6 ? lines : 6) * .92f);
			service_row(c, &bd->status.services[i], r, c->langs[j]);
		}
	}
}

static void
overtime(struct ctx *c)
{
	const struct kz_board *bd = c->v->board;
	int limit = c->v->cfg->service_limit_min, shown = 0;
	struct box b = region(c, OVERTIME), list = part(b, .05f, .3f, .9f, .68f);
	char id[KZ_ID_MAX];

	say(c, "overtime.title", part(b, .05f, .02f, .9f, .26f), W_OVERTIME, grey, KZ_FONT_REGULAR,
		KZ_ALIGN_LEFT);
	for (int i = 0; bd && i < bd->status.ncounters && shown < 6; i++) {
		const struct kz_counter_status *k = &bd->status.counters[i];
		int minutes = (int)(kz_service_seconds(k->ticket_since, 0, c->v->now) / 60);
		if (!k->ticket[0] || minutes <= limit)
			continue;
		struct box r = part(list, (shown % 3) / 3.0f, (shown / 3) * .5f, .32f, .46f);
		snprintf(id, sizeof id, "overtime.%d", k->number);
		kz_scene_rect(c->s, id, r.x, r.y, r.w, r.h, kz_board_red);
		snprintf(id, sizeof id, "overtime.%d.text", k->number);
		struct box t = part(r, .08f, .15f, .84f, .7f);
		kz_scene_text(c->s, id, t.x, t.y, t.w, t.h, white, KZ_FONT_BOLD, KZ_ALIGN_CENTER,
			"", "№%d · %d′", k->number, minutes);
		shown++;
	}
	if (shown == 0)
		say(c, "overtime.none", part(list, 0, 0, .4f, .5f), W_NONE, grey, KZ_FONT_REGULAR,
			KZ_ALIGN_LEFT);
}

static void
info_line(struct ctx *c)
{
	const struct kz_display_conf *d = &c->v->cfg->display;
	struct box b = region(c, INFO);
	/* one language at a time, turn by turn, whatever the mode: it is one line */
	int lang = (int)((c->v->now / d->alternate_seconds) % 2);
	const char *text = lang == 0 ? d->info_kk : d->info_ru;

	kz_scene_rect(c->s, "info.bar", b.x, b.y, b.w, b.h, panel);
	if (text[0])
		kz_scene_text(c->s, "info", b.x + b.w / 50, b.y + b.h / 5, b.w - b.w / 25,
			b.h * 3 / 5, white, KZ_FONT_REGULAR, KZ_ALIGN_CENTER, lang_code[lang], "%s",
			text);
}

static void
connection_lost(struct ctx *c)
{
	struct box b = region(c, CALL), bar = part(b, .03f, .75f, .94f, .21f);

	kz_scene_rect(c->s, "lost", bar.x, bar.y, bar.w, bar.h, kz_board_red);
	say(c, "lost", part(bar, .02f, .05f, .96f, .9f), W_LOST, white, KZ_FONT_BOLD,
		KZ_ALIGN_CENTER);
}

void
kz_board_scene(const struct kz_board_view *v, int w, int h, struct kz_scene *out)
{
	const struct kz_display_conf *d = &v->cfg->display;
	struct ctx c = {.v = v, .s = out, .portrait = h > w};

	if (d->languages == KZ_LANG_BOTH) {
		c.nlangs = 2;
		c.langs[0] = 0;
		c.langs[1] = 1;
	} else {
		c.nlangs = 1;
		c.langs[0] = (int)((v->now / d->alternate_seconds) % 2);
	}
	kz_scene_begin(out, w, h, background);
	header(&c);
	latest_call(&c);
	recent_calls(&c);
	services(&c);
	overtime(&c);
	info_line(&c);
	if (!v->connected)
		connection_lost(&c);
}
