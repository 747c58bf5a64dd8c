/* kiosk_helpers.c - see kiosk_helpers.h. */
#include <SDL.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_helpers.h"
#include "queue/adminpin.h"
#include "queue/clock.h"
#include "queue/feedback.h"

#define SRC KZ_SOURCE_DIR

static const char ini_fmt[] =
	"[hall]\n"
	"name_kk = Жер қатынастары бөлімі\n"
	"name_ru = Отдел земельных отношений\n"
	"holidays = " SRC "/config/holidays\n"
	"offices = " SRC "/config/offices.csv\n"
	"akimats = " SRC "/config/akimats.csv\n"
	"office = akmola-kokshetau-city\n"
	"[service A]\nprefix = A\nname_kk = Құжаттарды тапсыру\nname_ru = Сдача документов\n"
	"%s"
	"[counter 1]\nservices = %s\n"
	"[counter 2]\nservices = %s\n"
	"[printer kiosk-1]\nrole = tickets\ntransport = device\naddress = kiosk-1.prn\n"
	"[printer a4-1]\nrole = a4\ntransport = folder\naddress = forms\n"
	"[kiosk kiosk-1]\nprinter = kiosk-1\nforms_printer = a4-1\nlanguage = kk\n"
	"ticket_pause_seconds = 5\nidle_seconds = 60\nscreen_mm = %s\n"
	"[office]\n"
	"name_kk = Көкшетау қаласының жер қатынастары бөлімі\n"
	"address_kk = Көкшетау қаласы, Абай көшесі, 89\n"
	"official_kk = Бөлім басшысы\n"
	"akimat_name_kk = Көкшетау қаласы әкімінің аппараты\n"
	"akimat_address_kk = Көкшетау қаласы, Әуезов көшесі, 141\n"
	"akimat_official_kk = Әкімнің орынбасары\n";

static const char more_services[] =
	"[service B]\nprefix = B\nname_kk = Нәтижені алу\nname_ru = Получение результата\n"
	"[service C]\nprefix = C\nname_kk = Кеңес беру және шағымдар\n"
	"name_ru = Консультация и жалобы\n";

struct kt *
kt_new(int w, int h, int one_service, int tap_guard_ms)
{
	struct kt *t = calloc(1, sizeof *t);
	char ini[4096], err[KZ_ERR_LEN] = "";
	/* 21.5" 16:9 landscape or portrait; 18.5" for the small screen */
	const char *mm = w == 1366 ? "409x230" : w > h ? "477x268" : "268x477";

	assert_non_null(t);
	snprintf(ini, sizeof ini, ini_fmt, one_service ? "" : more_services,
		one_service ? "A" : "A, B", one_service ? "A" : "A, B, C", mm);
	t->hall = test_hall_new(ini);
	t->w = w;
	t->h = h;
	t->tap_guard_ms = tap_guard_ms;
	if (kz_admin_pin_set(t->hall->db, "kiosk-1", KT_ADMIN_PIN, err) != KZ_OK)
		fail_msg("admin PIN: %s", err);
	kt_reopen(t);
	return t;
}

void
kt_reopen(struct kt *t)
{
	struct kz_kiosk_options o;
	char err[KZ_ERR_LEN] = "";
	int w = t->w, h = t->h, tap_guard_ms = t->tap_guard_ms;

	if (t->k != NULL)
		kz_kiosk_close(t->k);
	t->k = NULL;
	o = (struct kz_kiosk_options){.cfg = &t->hall->cfg,
		.conf = kz_config_kiosk(&t->hall->cfg, NULL),
		.db_path = t->hall->db_path,
		.font_dir = SRC "/assets/fonts",
		.locale_dir = KZ_LOCALE_DIR,
		.w = w,
		.h = h,
		.tap_guard_ms = tap_guard_ms};
	if (kz_kiosk_open(&o, &t->k, err) != KZ_OK)
		fail_msg("kiosk: %s", err);
	kt_step(t);
}

void
kt_free(struct kt *t)
{
	kz_kiosk_close(t->k);
	test_hall_free(t->hall);
	free(t);
}

void
kt_step(struct kt *t)
{
	char err[KZ_ERR_LEN] = "";

	if (kz_kiosk_step(t->k, 0, err) != KZ_OK)
		fail_msg("kiosk step: %s", err);
}

static void
push_touch(struct kt *t, int x, int y)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = SDL_FINGERDOWN;
	ev.tfinger.touchId = 1;
	ev.tfinger.fingerId = 1;
	ev.tfinger.x = (x + 0.5f) / t->w;
	ev.tfinger.y = (y + 0.5f) / t->h;
	ev.tfinger.pressure = 1;
	assert_int_equal(SDL_PushEvent(&ev), 1);
	t->pushed_ms = ev.common.timestamp; /* SDL_PushEvent stamps it */
}

void
kt_guard_over(struct kt *t)
{
	int guard = t->tap_guard_ms != 0 ? t->tap_guard_ms
					 : kz_config_kiosk(&t->hall->cfg, NULL)->double_tap_ms;
	Uint32 until = t->pushed_ms + (Uint32)(guard > 0 ? guard : 0) + 1;

	while (!SDL_TICKS_PASSED(SDL_GetTicks(), until))
		SDL_Delay(until - SDL_GetTicks());
}

void
kt_touch(struct kt *t, int x, int y)
{
	push_touch(t, x, y);
	kt_step(t);
}

void
kt_click(struct kt *t, int x, int y)
{
	SDL_Event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = SDL_MOUSEBUTTONDOWN;
	ev.button.which = 0;
	ev.button.button = SDL_BUTTON_LEFT;
	ev.button.state = SDL_PRESSED;
	ev.button.clicks = 1;
	ev.button.x = x;
	ev.button.y = y;
	assert_int_equal(SDL_PushEvent(&ev), 1);
	kt_step(t);
}

static const struct kz_item *
button(struct kt *t, const char *name)
{
	const struct kz_scene *s = kz_kiosk_scene(t->k);
	char id[KZ_ID_MAX], shown[1024] = "";
	const struct kz_item *it;

	assert_non_null(s);
	snprintf(id, sizeof id, "btn.%s", name);
	if ((it = kz_scene_find(s, id)) != NULL)
		return it;
	for (int i = 0; i < s->n; i++)
		if (strncmp(s->items[i].id, "btn.", 4) == 0 &&
			strlen(shown) + strlen(s->items[i].id) + 2 < sizeof shown)
			strcat(strcat(shown, s->items[i].id), " ");
	fail_msg("no button '%s' on the %s screen; shown: %s", name, kz_kiosk_screen(t->k), shown);
	return NULL;
}

void
kt_push_tap(struct kt *t, const char *name)
{
	const struct kz_item *b = button(t, name);

	push_touch(t, b->x + b->w / 2, b->y + b->h / 2);
}

void
kt_tap(struct kt *t, const char *name)
{
	kt_push_tap(t, name);
	kt_step(t);
}

const char *
kt_text(struct kt *t, const char *id)
{
	const struct kz_item *it = kz_scene_find(kz_kiosk_scene(t->k), id);

	return it ? it->text : "";
}

int
kt_shows(struct kt *t, const char *needle)
{
	const struct kz_scene *s = kz_kiosk_scene(t->k);

	for (int i = 0; i < s->n; i++)
		if (s->items[i].kind != KZ_ITEM_RECT && strstr(s->items[i].text, needle) != NULL)
			return 1;
	return 0;
}

void
kt_code_of(struct kt *t, const char *number, char code[5])
{
	char err[KZ_ERR_LEN] = "", day[11];

	kz_clock_day(kz_clock_now(), day);
	if (kz_ballot_code(t->hall->db, day, number, code, err) != KZ_OK || strlen(code) != 4)
		fail_msg("the check code of %s: %s", number, err);
}

void
kt_type_code(struct kt *t, const char *number)
{
	char code[KZ_BALLOT_CODE_LEN], key[16];

	kt_code_of(t, number, code);
	for (const char *d = code; *d != '\0'; d++) {
		snprintf(key, sizeof key, "key.%c", *d);
		kt_tap(t, key);
	}
	kt_tap(t, "key.ok");
}

int
kt_count(struct kt *t, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_open_v2(t->hall->db_path, &db, SQLITE_OPEN_READONLY, NULL),
		SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}
