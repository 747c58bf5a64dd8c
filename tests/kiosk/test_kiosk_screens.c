/*
 * test_kiosk_screens.c - every kiosk screen, in both languages, at the
 * three sizes: written to screens/kiosk-SCREEN-LANG-WxH.png for people to
 * look at, and checked for what people would notice: text cut, squeezed
 * or overlapping, letters missing from the fonts, languages mixed, low
 * contrast, buttons smaller than a fingertip (15 mm), key words missing.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <sqlite3.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kiosk/screens.h"
#include "kiosk_helpers.h"
#include "queue/adminpin.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/outbox.h"
#include "queue/utf8.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

struct expect {
	const char *screen, *kk, *ru; /* a string each language's screen must show */
};

/* The words each screen must show; every screen of kiosk/screen-list.h
 * needs its row (test_every_screen fails without one). */
static const struct expect screens[] = {
	{"home", "Талон алу", "Взять талон"},
	{"services", "Қызметті таңдаңыз", "Выберите услугу"},
	{"confirm", "Сізден бұрын", "Перед вами"},
	{"issued", "A-001", "A-002"},
	{"forms", "Қажетті құжаттар", "Необходимые документы"},
	{"about", "Қызмет тегін көрсетіледі", "Услуга оказывается бесплатно"},
	{"complain", "15 күнтізбелік күн", "15 календарных дней"},
	{"ballot", "нөмірін", "Наберите"},
	{"feedback", "сапасына", "качеством"},
	{"thanks", "Рахмет", "Спасибо"},
	{"closed", "Қазір талон берілмейді", "Сейчас талоны не выдаются"},
	{"pin", "Әкімші коды", "Код администратора"},
	{"admin", "Киоскіні басқару", "Управление киоском"},
	{"unavailable", "уақытша", "временно"},
};

static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1366, 768}};

/* Added to the pictures' names for a screen in a state of its own. */
static const char *variant = "";

static int
is_cyrillic(uint32_t c)
{
	return c >= 0x400 && c <= 0x4FF;
}

/* Kazakh letters Russian has not: a Russian screen showing one mixes languages. */
static int
is_kazakh_only(uint32_t c)
{
	static const uint32_t kk[] = {0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4E8,
		0x4E9, 0x4B0, 0x4B1, 0x4AE, 0x4AF, 0x4BA, 0x4BB, 0x406, 0x456};

	for (size_t i = 0; i < sizeof kk / sizeof kk[0]; i++)
		if (c == kk[i])
			return 1;
	return 0;
}

/* Each text in the language of the screen; "" texts (times, numbers) in none. */
static void
check_languages(const struct kz_scene *s, const char *lang, const char *where)
{
	for (int i = 0; i < s->n; i++) {
		const struct kz_item *it = &s->items[i];
		const unsigned char *p = (const unsigned char *)it->text;
		uint32_t c;
		if (it->kind == KZ_ITEM_RECT || strncmp(it->id, "lbl.lang.", 9) == 0)
			continue; /* the switch names each language in itself */
		if (it->lang[0] != '\0' && strcmp(it->lang, lang) != 0)
			fail_msg("%s: '%s' is in %s on the %s screen", where, it->id, it->lang,
				lang);
		while (*p) {
			p += kz_utf8_next(p, &c);
			if (it->lang[0] == '\0' && is_cyrillic(c))
				fail_msg("%s: '%s' has words but no language: %s", where, it->id,
					it->text);
			if (strcmp(lang, "ru") == 0 && is_kazakh_only(c))
				fail_msg("%s: Kazakh letter in the Russian '%s': %s", where, it->id,
					it->text);
		}
	}
}

/* The fill a text sits on: the last box drawn under its middle. */
static struct kz_rgb
under(const struct kz_scene *s, int upto)
{
	const struct kz_item *t = &s->items[upto];
	int x = t->x + t->w / 2, y = t->y + t->h / 2;

	for (int i = upto - 1; i >= 0; i--) {
		const struct kz_item *r = &s->items[i];
		if (r->kind == KZ_ITEM_RECT && x >= r->x && x < r->x + r->w && y >= r->y &&
			y < r->y + r->h)
			return r->color;
	}
	return s->background;
}

static int
overlap(const struct kz_item *a, const struct kz_item *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Boxes on the screen and apart, contrast of 7:1, buttons of 15 mm. */
static void
check_layout(const struct kz_scene *s, double px_per_mm, const char *where)
{
	for (int i = 0; i < s->n; i++) {
		const struct kz_item *a = &s->items[i];
		if (a->x < 0 || a->y < 0 || a->x + a->w > s->w || a->y + a->h > s->h)
			fail_msg("%s: '%s' leaves the screen", where, a->id);
		if (a->kind == KZ_ITEM_RECT) {
			if (strncmp(a->id, "btn.", 4) == 0 &&
				(a->w < 15 * px_per_mm || a->h < 15 * px_per_mm))
				fail_msg("%s: button '%s' is %.1f x %.1f mm; a finger needs 15",
					where, a->id, a->w / px_per_mm, a->h / px_per_mm);
			continue;
		}
		if (kz_contrast(a->color, under(s, i)) < 7.0)
			fail_msg("%s: '%s' has contrast %.1f:1, below 7:1", where, a->id,
				kz_contrast(a->color, under(s, i)));
		for (int j = i + 1; j < s->n; j++)
			if (s->items[j].kind != KZ_ITEM_RECT && a->text[0] && s->items[j].text[0] &&
				overlap(a, &s->items[j]))
				fail_msg("%s: texts '%s' and '%s' overlap", where, a->id,
					s->items[j].id);
	}
}

static void
check_screen(struct kt *t, const struct expect *e, const char *lang, double px_per_mm)
{
	const struct kz_ui_stats *st = kz_kiosk_stats(t->k);
	const struct kz_scene *s = kz_kiosk_scene(t->k);
	char where[128], path[600], err[KZ_ERR_LEN] = "";

	snprintf(where, sizeof where, "%s %s %dx%d", e->screen, lang, t->w, t->h);
	snprintf(path, sizeof path, "%s/kiosk-%s%s-%s-%dx%d.png", KZ_SCREENS_DIR, e->screen,
		variant, lang, t->w, t->h);
	if (kz_ui_save_png(kz_kiosk_ui(t->k), path, err) != KZ_OK)
		fail_msg("%s: %s", where, err);
	assert_string_equal(kz_kiosk_screen(t->k), e->screen);
	if (st->too_small || st->missing_glyphs || st->cut)
		fail_msg("%s: text squeezed below 60%% ('%s'), %d missing letters, %d cut", where,
			st->worst, st->missing_glyphs, st->cut);
	if (!kt_shows(t, strcmp(lang, "kk") == 0 ? e->kk : e->ru))
		fail_msg("%s: does not show '%s'", where, strcmp(lang, "kk") == 0 ? e->kk : e->ru);
	check_languages(s, lang, where);
	check_layout(s, px_per_mm, where);
}

/* The row of screens[] for a screen of the registry. */
static const struct expect *
expected(const char *screen)
{
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
		if (strcmp(screens[i].screen, screen) == 0)
			return &screens[i];
	fail_msg("the screen '%s' has no row in this test's screens[]: add the words it "
		 "must show in Kazakh and Russian",
		screen);
	return NULL;
}

/* The registry is whole: one row of kiosk/screen-list.h per screen file
 * and no row without one; each entry is the one its row names, and says
 * when it is shown; the words table names only screens that exist. */
static void
test_registry(void **state)
{
	static const char *const whens[] = {"open", "closed", "after", "staff", "fault"};
	char name[64];
	struct dirent *e;
	DIR *dir;
	int files = 0, n = 0;

	(void)state;
	for (n = 0; kz_kiosk_screens[n] != NULL; n++) {
		const char *when = kz_kiosk_screen_when(n);
		int known = 0;
		assert_true(n < KZ_SCR_COUNT);
		assert_string_equal(kz_screen_defs[n]->name, kz_kiosk_screens[n]);
		assert_non_null(kz_screen_defs[n]->build);
		assert_non_null(kz_screen_defs[n]->tap);
		assert_non_null(when);
		for (size_t w = 0; w < sizeof whens / sizeof whens[0]; w++)
			known |= strcmp(when, whens[w]) == 0;
		if (!known)
			fail_msg("the screen '%s' is shown '%s': one of open, closed, after, "
				 "staff, fault",
				kz_kiosk_screens[n], when);
		for (int j = 0; j < n; j++)
			if (strcmp(kz_kiosk_screens[j], kz_kiosk_screens[n]) == 0)
				fail_msg("the screen '%s' is listed twice", kz_kiosk_screens[n]);
	}
	assert_int_equal(n, KZ_SCR_COUNT);
	assert_null(kz_kiosk_screen_when(n));
	assert_non_null(dir = opendir(KZ_SOURCE_DIR "/kiosk"));
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		int listed = 0;
		if (strncmp(e->d_name, "screen-", 7) != 0 || len < 10 ||
			strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(len - 9), e->d_name + 7);
		for (int i = 0; i < n; i++)
			listed |= strcmp(kz_kiosk_screens[i], name) == 0;
		if (!listed)
			fail_msg("kiosk/%s has no row in kiosk/screen-list.h", e->d_name);
		files++;
	}
	closedir(dir);
	assert_int_equal(files, n);
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		int listed = 0;
		for (int j = 0; j < n; j++)
			listed |= strcmp(kz_kiosk_screens[j], screens[i].screen) == 0;
		if (!listed)
			fail_msg("screens[] names '%s', which is no screen", screens[i].screen);
	}
}

/* Issue a ticket of A, serve the longest waiting at counter 2 (A, B, C)
 * and cast its ballot in lang through the ballot screen's keypad and the
 * four questions; the number that voted (an A ticket). */
static struct kz_ticket
cast_ballot(struct kt *t, const char *lang)
{
	char err[KZ_ERR_LEN] = "", key[16];
	struct kz_ticket tk, called;
	int rc = kz_counter_open(t->hall->db, 2, "Clerk Number2", "Chief specialist", err);

	test_issue(t->hall, "A");
	if ((rc != KZ_OK && rc != KZ_EREJECT) ||
		kz_ticket_next(t->hall->db, 2, &called, err) != KZ_OK ||
		kz_ticket_start(t->hall->db, 2, &called, err) != KZ_OK ||
		kz_ticket_finish(t->hall->db, 2, KZ_SERVED, NULL, called.number, &tk, err) != KZ_OK)
		fail_msg("serving at counter 2: %s", err);
	assert_int_equal(kz_kiosk_show(t->k, "ballot", lang, err), KZ_OK);
	kt_tap(t, "key.p.0");
	for (const char *d = strchr(tk.number, '-') + 1; *d != '\0'; d++) {
		snprintf(key, sizeof key, "key.%c", *d);
		kt_tap(t, key);
	}
	kt_tap(t, "key.ok");
	kt_type_code(t, tk.number);
	if (strcmp(kz_kiosk_screen(t->k), "feedback") != 0)
		fail_msg("ticket %s was not taken for a ballot: %s shows '%s' '%s'", tk.number,
			kz_kiosk_screen(t->k), kt_text(t, "field"), kt_text(t, "refusal"));
	for (int i = 0; i < 4; i++)
		kt_tap(t, "yes");
	return tk;
}

/* The screens that follow an action are reached by doing it. */
static void
reach(struct kt *t, int id, const char *lang)
{
	const char *screen = kz_kiosk_screens[id], *when = kz_kiosk_screen_when(id);
	char err[KZ_ERR_LEN] = "";

	if (strcmp(screen, "issued") == 0) {
		assert_int_equal(kz_kiosk_show(t->k, "confirm", lang, err), KZ_OK);
		kz_clock_set(kz_clock_now() + 10); /* past the pause between tickets */
		kt_tap(t, "take");
	} else if (strcmp(screen, "thanks") == 0) {
		/* a ticket served now casts its ballot */
		cast_ballot(t, lang);
	} else if (strcmp(when, "after") == 0) {
		fail_msg("%s follows an action: teach reach() to do it", screen);
	} else if (strcmp(when, "closed") == 0) {
		test_at("2026-03-21T10:00"); /* Nauryz */
		assert_int_equal(kz_kiosk_show(t->k, screen, lang, err), KZ_OK);
	} else if (kz_kiosk_show(t->k, screen, lang, err) != KZ_OK) {
		fail_msg("%s: %s", screen, err);
	}
}

static void
test_every_screen(void **state)
{
	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		const struct kz_kiosk_conf *kc = kz_config_kiosk(&t->hall->cfg, NULL);
		double px_per_mm = (double)t->w / kc->screen_w_mm;
		int64_t base = test_at("2026-03-20T10:00"), turn = 0;
		/* every screen of the registry, in its order */
		for (int i = 0; kz_kiosk_screens[i] != NULL; i++)
			for (int l = 0; l < 2; l++) {
				const char *lang = l ? "ru" : "kk";
				/* time moves on: tickets keep their pause */
				kz_clock_set(base + 20 * turn++);
				reach(t, i, lang);
				check_screen(t, expected(kz_kiosk_screens[i]), lang, px_per_mm);
			}
		assert_int_equal(kz_kiosk_missed_translations(t->k), 0);
		kt_free(t);
	}
}

/* The confirmation and the ticket taken at moment at (with waiting A's
 * issued before it) in both languages, checked and kept as pictures
 * kiosk-SCREEN-NAME-LANG-WxH.png. */
static void
show_wait(struct kt *t, const char *name, const struct expect *confirm, const struct expect *issued)
{
	double px_per_mm = (double)t->w / kz_config_kiosk(&t->hall->cfg, NULL)->screen_w_mm;
	char err[KZ_ERR_LEN] = "";

	variant = name;
	for (int l = 0; l < 2; l++) {
		const char *lang = l ? "ru" : "kk";
		kz_clock_set(kz_clock_now() + 10); /* past the pause between tickets */
		assert_int_equal(kz_kiosk_show(t->k, "home", lang, err), KZ_OK);
		kt_tap(t, "ticket");
		kt_tap(t, "service.A"); /* the estimate is made as a visitor chooses */
		check_screen(t, confirm, lang, px_per_mm);
		kt_tap(t, "take");
		check_screen(t, issued, lang, px_per_mm);
	}
	variant = "";
}

/* The longest things the wait says: a call after lunch (with the lunch
 * notice on the ticket taken) and, warned before the ticket is taken, that
 * closing may come first.  Nothing cut, in either language, at any size. */
static void
test_wait_across_lunch_and_closing(void **state)
{
	static const struct expect lunch_confirm = {"confirm", "түскі үзілістен кейін",
					   "после обеденного перерыва"},
				   lunch_issued = {"issued", "түскі үзілістен кейін",
					   "после обеденного перерыва"},
				   closing_confirm = {"confirm", "Талонды бәрібір алуға болады",
					   "Талон всё равно можно взять"},
				   closing_issued = {"issued", "жабылғанға дейін", "до закрытия"};

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		test_at("2026-03-20T12:40");
		test_open_counter(t->hall, 1);
		for (int i = 0; i < 3; i++)
			test_issue(t->hall, "A");
		show_wait(t, "-lunch", &lunch_confirm, &lunch_issued);
		test_at("2026-03-20T17:00"); /* five wait, two more come: 17:00 + 7 x 10 min */
		test_issue(t->hall, "A");
		test_issue(t->hall, "A");
		show_wait(t, "-closing", &closing_confirm, &closing_issued);
		kt_free(t);
	}
}

/* Change the hall's database behind the kiosk's back, as the kezek command would. */
static void
hall_sql(struct kt *t, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(t->hall->db_path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The administrator's screens when the PIN is the README's sample (a
 * warning on the admin page) and when none is set (the PIN screen says how
 * to set one), in both languages at every size. */
static void
test_admin_pin_states(void **state)
{
	static const struct expect sample = {"admin", "Код үлгідегідей", "Код из образца"},
				   unset = {"pin", "орнатылмаған", "не задан"};
	char err[KZ_ERR_LEN] = "";

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		double px_per_mm = (double)t->w / kz_config_kiosk(&t->hall->cfg, NULL)->screen_w_mm;
		for (int l = 0; l < 2; l++) {
			hall_sql(t, "UPDATE admin_pins SET sample = 1");
			assert_int_equal(kz_kiosk_show(t->k, "admin", l ? "ru" : "kk", err), KZ_OK);
			check_screen(t, &sample, l ? "ru" : "kk", px_per_mm);
			hall_sql(t, "DELETE FROM admin_pins");
			assert_int_equal(kz_kiosk_show(t->k, "pin", l ? "ru" : "kk", err), KZ_OK);
			check_screen(t, &unset, l ? "ru" : "kk", px_per_mm);
			assert_null(kz_scene_find(kz_kiosk_scene(t->k), "btn.key.1"));
			assert_int_equal(kz_admin_pin_set(t->hall->db, "kiosk-1", KT_ADMIN_PIN,
						 err),
				KZ_OK);
		}
		kt_free(t);
	}
}

/* The hall out of reach as a visitor takes their ticket: "one moment"
 * while the kiosk tries again, then, after its bounded time, that a ticket
 * cannot be issued now, and none is; in both languages at every size. */
static void
test_hall_out_of_reach_at_the_ticket(void **state)
{
	static const struct expect moment = {"confirm", "Сәл күте тұрыңыз", "Минуту, пожалуйста"},
				   cannot = {"confirm", "талон беру мүмкін емес",
					   "талон выдать нельзя"};
	char err[KZ_ERR_LEN] = "", moved[600];

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		double px_per_mm = (double)t->w / kz_config_kiosk(&t->hall->cfg, NULL)->screen_w_mm;
		snprintf(moved, sizeof moved, "%s.away", t->hall->db_path);
		for (int l = 0; l < 2; l++) {
			const char *lang = l ? "ru" : "kk";
			assert_int_equal(kz_kiosk_show(t->k, "home", lang, err), KZ_OK);
			kt_tap(t, "ticket");
			kt_tap(t, "service.A");
			assert_int_equal(rename(t->hall->db_path, moved), 0);
			kt_step(t); /* the kiosk sees the database go; the visitor stays */
			assert_string_equal(kz_kiosk_screen(t->k), "confirm");
			kt_tap(t, "take");
			check_screen(t, &moment, lang, px_per_mm);
			kz_clock_set(kz_clock_now() + 21);
			kt_step(t);
			check_screen(t, &cannot, lang, px_per_mm);
			assert_int_equal(rename(moved, t->hall->db_path), 0);
			assert_int_equal(kt_count(t, "SELECT count(*) FROM tickets"), 0);
			kz_clock_set(kz_clock_now() + 3);
			kt_step(t);
		}
		kt_free(t);
	}
}

/* The ballot screen saying why a number may not rate (nothing typed,
 * never issued, not served yet), asking a served number for its check
 * code, refusing a wrong code, and saying a ticket has rated already, in
 * both languages at every size; each also kept as
 * kiosk-ballot-WHY-LANG-WxH.png. */
static void
test_ballot_refusals(void **state)
{
	static const struct expect why[] = {
		{"incomplete", "мысалы,", "например"},
		{"unknown", "берілген", "выдавали"},
		{"waiting", "көрсетілген", "обслужен."},
		{"rated", "бағаланып", "оценено."},
		{"code", "бағалау кодын теріңіз", "наберите код для оценки"},
		{"wrong-code", "бағалау коды емес", "Это не код для оценки"},
	};
	char err[KZ_ERR_LEN] = "", path[600], digits[8];

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		double px_per_mm = (double)t->w / kz_config_kiosk(&t->hall->cfg, NULL)->screen_w_mm;
		test_at("2026-03-20T10:00");
		for (int l = 0; l < 2; l++) {
			const char *lang = l ? "ru" : "kk";
			for (size_t w = 0; w < sizeof why / sizeof why[0]; w++) {
				struct expect e = {"ballot", why[w].kk, why[w].ru};
				struct kz_ticket tk = {.number = "A-099"};
				if (w == 2) /* issued, waiting */
					tk = test_issue(t->hall, "A");
				else if (w >= 3) /* served, rated, and typed again */
					tk = cast_ballot(t, lang);
				snprintf(digits, sizeof digits, "%s",
					w == 0 ? "" : strchr(tk.number, '-') + 1);
				assert_int_equal(kz_kiosk_show(t->k, "home", lang, err), KZ_OK);
				kt_tap(t, "feedback");
				if (w > 0)
					kt_tap(t, "key.p.0");
				for (const char *d = digits; *d != '\0'; d++) {
					char key[16];
					snprintf(key, sizeof key, "key.%c", *d);
					kt_tap(t, key);
				}
				kt_tap(t, "key.ok");
				if (w == 3) /* with its code: rated already */
					kt_type_code(t, tk.number);
				if (w == 5) { /* a code that is not the ticket's */
					char code[KZ_BALLOT_CODE_LEN], key[16];
					kt_code_of(t, tk.number, code);
					for (int d = 0; d < 4; d++) {
						snprintf(key, sizeof key, "key.%c",
							code[d] == '9' ? '0' : code[d] + 1);
						kt_tap(t, key);
					}
					kt_tap(t, "key.ok");
				}
				check_screen(t, &e, lang, px_per_mm);
				snprintf(path, sizeof path, "%s/kiosk-ballot-%s-%s-%dx%d.png",
					KZ_SCREENS_DIR, why[w].screen, lang, t->w, t->h);
				if (kz_ui_save_png(kz_kiosk_ui(t->k), path, err) != KZ_OK)
					fail_msg("%s: %s", path, err);
			}
		}
		assert_int_equal(kz_kiosk_missed_translations(t->k), 0);
		kt_free(t);
	}
}

/* After a print fault the issued screen says what became true of this
 * ticket: printed after all, or never printed ("remember your number"),
 * in both languages at every size; kept as kiosk-issued-late-* and
 * kiosk-issued-never-*.png. */
static void
test_after_a_print_fault(void **state)
{
	static const struct expect late = {"issued", "басылып шықты", "всё-таки напечатан"},
				   never = {"issued", "басып шығару мүмкін болмады",
					   "не удалось напечатать"};
	char err[KZ_ERR_LEN] = "";

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct kt *t = kt_new(sizes[z][0], sizes[z][1], 0, -1);
		double px_per_mm = (double)t->w / kz_config_kiosk(&t->hall->cfg, NULL)->screen_w_mm;
		test_at("2026-03-20T10:00");
		for (int l = 0; l < 4; l++) {
			const char *lang = l % 2 ? "ru" : "kk";
			struct kz_print_job j;
			assert_int_equal(kz_kiosk_show(t->k, "confirm", lang, err), KZ_OK);
			kz_clock_set(kz_clock_now() + 10); /* past the pause between tickets */
			kt_tap(t, "take");
			kz_clock_set(kz_clock_now() + 9); /* nobody prints it: a fault */
			kt_step(t);
			assert_true(kt_shows(t, l % 2 ? "Запомните" : "есте сақтаңыз"));
			/* then the print service takes it: printed late, or given up */
			assert_int_equal(kz_outbox_claim(t->hall->db, "kiosk-1", &j, err), KZ_OK);
			if (l < 2)
				assert_int_equal(kz_outbox_done(t->hall->db, j.id, err), KZ_OK);
			else
				assert_int_equal(kz_outbox_fail(t->hall->db, j.id, "printer gone",
							 err),
					KZ_OK);
			kt_step(t);
			variant = l < 2 ? "-late" : "-never";
			check_screen(t, l < 2 ? &late : &never, lang, px_per_mm);
			variant = "";
		}
		assert_int_equal(kz_kiosk_missed_translations(t->k), 0);
		kt_free(t);
	}
}

/* Every character of every translation, and of the office's own texts,
 * is drawn by both shipped fonts: no box in place of a letter. */
static void
test_fonts_have_every_letter(void **state)
{
	static const char *const faces[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
	struct kz_i18n *cat;
	char err[KZ_ERR_LEN] = "", path[512];
	struct kt *t = kt_new(1920, 1080, 0, -1); /* its config: the office's texts */
	const struct kz_office_kk *o = &t->hall->cfg.office_kk;
	const char *extra[] = {o->name, o->address, o->official, o->akimat_name, o->akimat_address,
		o->akimat_official, "Қазақша", "Русский", "● ↓ … – —"};
	int checked = 0;

	(void)state;
	assert_int_equal(kz_i18n_load(KZ_LOCALE_DIR, &cat, err), KZ_OK);
	assert_int_equal(TTF_Init(), 0);
	for (int f = 0; f < 2; f++) {
		TTF_Font *font;
		snprintf(path, sizeof path, "%s/assets/fonts/%s", KZ_SOURCE_DIR, faces[f]);
		assert_non_null(font = TTF_OpenFont(path, 24));
		for (int l = 0; l < 2; l++) {
			const char *lang = l ? "ru" : "kk";
			int n = kz_i18n_count(cat, lang);
			for (int i = 0; i < n + (int)(sizeof extra / sizeof extra[0]); i++) {
				const char *id, *str;
				const unsigned char *p;
				uint32_t c;
				if (i < n)
					kz_i18n_entry(cat, lang, i, &id, &str);
				else
					str = extra[i - n];
				for (p = (const unsigned char *)str; *p;) {
					p += kz_utf8_next(p, &c);
					if (c > ' ' && !TTF_GlyphIsProvided32(font, c))
						fail_msg("%s lacks U+%04X of '%s'", faces[f], c,
							str);
					checked++;
				}
			}
		}
		TTF_CloseFont(font);
	}
	assert_true(checked > 10000);
	TTF_Quit();
	kz_i18n_free(cat);
	kt_free(t);
}

/* Both catalogues are complete and speak their own language: no string
 * untranslated or fuzzy, no Kazakh letter in Russian, no English left. */
/* A word the staff type or read as it is, not a word to translate: the
 * codes the console asks for, its single keys, the command and a file's
 * name; *p is past it when it is one. */
static int
typed_code(const char *str, const unsigned char **p)
{
	static const char *const codes[] = {"in_person", "post", "email", "individual", "legal",
		"result", "service", "application", "id_copy", "act", "conclusion",
		"power_of_attorney", "proxy_id", "registration", "authority", "kezek counter close",
		"kezek close-day", "Kezek", "config/holidays/", ".ini", "kk", "ru",
		"kezek-printd --printer", "[printer", "kezek device code NAME", "kezek device code",
		"kezek device add NAME --role ROLE", "kezek device add", "kezek-hall",
		"--server URL --enrol", "Idempotency-Key", "--help", "kezek doctor",
		"kezek clerk pin", "Enter", "kezek region settle", "kezek region status",
		"kezek-sync", "--yes", "[hall]", "office", "region", "report", "status", "settle",
		"USB", "CUPS", "kezek",
		NULL}; /* the first that fits is taken: "kezek" alone last */
	const unsigned char *s = *p;
	size_t n;

	for (int i = 0; codes[i]; i++) {
		n = strlen(codes[i]);
		if (strncmp((const char *)s, codes[i], n) == 0 && !isalpha(s[n]) && s[n] != '_') {
			*p = s + n;
			return 1;
		}
	}
	/* a key: one Latin letter alone ("n", "q", "f, x or t") */
	if (isalpha(*s) && *s < 0x80 && !isalpha(s[1]) && (s[1] < 0x80) &&
		((const char *)s == str || s[-1] == ' ' || s[-1] == '(')) {
		*p = s + 1;
		return 1;
	}
	return 0;
}

/* The staff's command-line text: its msgid names an option, the command, a
 * section, a key or a path, or it tells what an option means to one
 * subcommand ("add: ..."); the words it copies (a state, a role, an
 * option's value) are typed as they are.  A visitor's text has none. */
static int
command_text(const char *id)
{
	static const char *const marks[] = {"--", "kezek", "[", "=", "_", "/", "'", NULL};

	size_t head =
		islower((unsigned char)id[0]) ? strspn(id, "abcdefghijklmnopqrstuvwxyz -") : 0;

	for (int i = 0; marks[i]; i++)
		if (strstr(id, marks[i]) != NULL)
			return 1;
	/* a typed word: "no-show", "act,conclusion", "hall.ini", "a4" */
	for (const unsigned char *c = (const unsigned char *)id; c[0] && c[1]; c++)
		if (c[0] < 0x80 && isalpha(c[0]) &&
			(isdigit(c[1]) || (strchr("-_,.=", c[1]) && c[2] < 0x80 && isalpha(c[2]))))
			return 1;
	/* "add: ...", "with proxy: ...": what an option means to one subcommand */
	return head > 0 && strncmp(id + head, ": ", 2) == 0;
}

/* A Latin token copied from the msgid as it is: in a command-line text any
 * (a name, option, value, path or placeholder), elsewhere only a capital
 * abbreviation or placeholder (CSV, UTF-8, DATE); *p is past it when it is. */
static int
copied_token(const char *id, const unsigned char **p, int command)
{
	const unsigned char *s = *p, *e = s;
	size_t n;

	while (*e && *e < 0x80 && (isalnum(*e) || strchr("_-=./[]|<>+", *e)))
		e++;
	while (e > s && strchr(".-", e[-1])) /* "PIN-код", a sentence's stop */
		e--;
	n = (size_t)(e - s);
	if (n == 0 || (!isalpha(*s) && *s != '-' && *s != '[' && *s != '/'))
		return 0;
	for (const unsigned char *c = s; !command && c < e; c++)
		if (islower(*c) || (c == s && !isupper(*c)) || n < 2)
			return 0;
	for (const char *at = id; *at; at++)
		if (strncmp(at, (const char *)s, n) == 0) {
			*p = e;
			return 1;
		}
	return 0;
}

/* Four Latin words in a row, one space between each, outside quotes (a
 * command to type) and not a command line ("kezek ..."): English left
 * over. */
static int
english_run(const char *str)
{
	const unsigned char *p = (const unsigned char *)str;
	int words = 0;

	while (*p) {
		const unsigned char *w = p;

		if ((*p == '\'' || *p == '`') && strchr((const char *)p + 1, *p) != NULL) {
			p = (const unsigned char *)strchr((const char *)p + 1, *p) + 1;
			words = 0;
			continue;
		}

		while (*p && *p < 0x80 && isalpha(*p))
			p++;
		if (p == w) {
			p++;
			words = 0;
			continue;
		}
		if (p - w == 5 && strncmp((const char *)w, "kezek", 5) == 0)
			words = -100; /* a command line, written out */
		if (++words >= 4)
			return 1;
		if (*p == ' ' && p[1] < 0x80 && isalpha(p[1]))
			p++; /* the next word goes on the run */
		else
			words = 0;
	}
	return 0;
}

/* One fault of a catalogue, said; 1 (every fault is listed, not only the
 * first). */
static int
say_bad(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

static void
test_translations_complete(void **state)
{
	struct kz_i18n *cat;
	char err[KZ_ERR_LEN] = "";
	int bad = 0;

	(void)state;
	assert_int_equal(kz_i18n_load(KZ_LOCALE_DIR, &cat, err), KZ_OK);
	assert_int_equal(kz_i18n_count(cat, "kk"), kz_i18n_count(cat, "ru"));
	assert_true(kz_i18n_count(cat, "kk") > 90);
	for (int l = 0; l < 2; l++) {
		const char *lang = l ? "ru" : "kk";
		for (int i = 0; i < kz_i18n_count(cat, lang); i++) {
			const char *id, *str;
			const unsigned char *p;
			uint32_t c;
			int letters = 0, command, latin = 0, kazakh = 0;
			kz_i18n_entry(cat, lang, i, &id, &str);
			if (str[0] == '\0')
				bad += say_bad("%s.po: \"%s\" is not translated", lang, id);
			command = command_text(id);
			if (command && english_run(str))
				bad += say_bad("%s.po: English words in \"%s\"", lang, str);
			for (p = (const unsigned char *)str; *p;) {
				if (*p == '%') { /* a printf directive is not a word */
					p++;
					while (*p && strchr("0123456789$-.l", *p)) /* l: %lld */
						p++;
					if (*p)
						p++;
					continue;
				}
				if (typed_code(str, &p) || copied_token(id, &p, command))
					continue;
				p += kz_utf8_next(p, &c);
				letters += is_cyrillic(c);
				if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && !latin++)
					bad += say_bad("%s.po: Latin letters in \"%s\"", lang, str);
				if (l == 1 && is_kazakh_only(c) && !kazakh++)
					bad += say_bad("ru.po: Kazakh letter in \"%s\"", str);
			}
			if (letters == 0 && strncmp(id, "sample: the date", 16) != 0)
				bad += say_bad("%s.po: \"%s\" has no words", lang, str);
		}
	}
	kz_i18n_free(cat);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_wait_across_lunch_and_closing),
		cmocka_unit_test(test_translations_complete),
		cmocka_unit_test(test_fonts_have_every_letter),
		cmocka_unit_test(test_every_screen),
		cmocka_unit_test(test_admin_pin_states),
		cmocka_unit_test(test_hall_out_of_reach_at_the_ticket),
		cmocka_unit_test(test_ballot_refusals),
		cmocka_unit_test(test_after_a_print_fault),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
