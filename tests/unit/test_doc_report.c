/*
 * test_doc_report.c - the managers' report as an A4 PDF, from reports made
 * by hand with known figures: a month with data, an empty day, a year of
 * days with many clerks.  Read back with poppler-utils (text, pages, ink);
 * every page as PNG in screens/report-*.png.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <cairo.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc_helpers.h"
#include "documents/report.h"
#include "printer/a4.h"
#include "queue/error.h"
#include "queue/report.h"

#define FONTS   KZ_SOURCE_DIR "/assets/fonts"
#define SCREENS KZ_SCREENS_DIR
#define DPI     30 /* for ink checks */
#define MIN     60

static struct kz_config *cfg;

static void forget_text(void);

static const char long_service_ru[] =
	"Утверждение кадастровой (оценочной) стоимости конкретных земельных участков, "
	"продаваемых в частную собственность государством";
static const char long_service_kk[] =
	"Мемлекет жеке меншікке сататын нақты жер учаскелерінің кадастрлық (бағалау) құнын "
	"бекіту";
static const char long_clerk[] = "Абдрахманова-Кушербаева Гульнара Серикбаевна (старший специалист "
				 "отдела земельных отношений)";

static int
setup(void **state)
{
	(void)state;
	mkdir(SCREENS, 0777);
	cfg = calloc(1, sizeof *cfg);
	if (cfg == NULL)
		return -1;
	snprintf(cfg->name_ru, sizeof cfg->name_ru, "%s", "Отдел земельных отношений города Косшы");
	snprintf(cfg->name_kk, sizeof cfg->name_kk, "%s", "Қосшы қаласының жер қатынастары бөлімі");
	cfg->wait_limit_min = 30;
	cfg->service_limit_min = 30;
	cfg->hours = (struct kz_hours){540, 1080, 780, 840, 30, 30};
	cfg->targets = (struct kz_targets){{100, 95, 95, 100, 90, 100}, 100};
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	forget_text();
	free(cfg);
	cairo_debug_reset_static_data(); /* so the sanitizer sees every font let go */
	return 0;
}

static struct kz_stat
st(int n, int median, int p90, int max, int within)
{
	return (struct kz_stat){n, median, p90, max, within};
}

static void
group(struct kz_report_group *g, const char *key, const char *kk, const char *ru, int places,
	int served, int no_shows, int sent, struct kz_stat wait, struct kz_stat service)
{
	snprintf(g->key, sizeof g->key, "%s", key);
	snprintf(g->name_kk, sizeof g->name_kk, "%s", kk);
	snprintf(g->name_ru, sizeof g->name_ru, "%s", ru);
	g->places = places;
	g->served = served;
	g->no_shows = no_shows;
	g->transferred = sent;
	g->wait = wait;
	g->service = service;
}

/* Days from "Y-M-D" on, n of them, weekends off; 1 January 2025 a Wednesday. */
static void
days(struct kz_report *r, int y, int m, int d, int weekday, int n)
{
	static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	r->ndays = n;
	for (int i = 0; i < n; i++) {
		struct kz_report_day *day = &r->days[i];
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		char tmp[48];
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
		memcpy(day->day, tmp, sizeof day->day - 1);
		day->working = weekday < 5;
		if (day->working) {
			int n_wait = 10 + (i * 7) % 13;
			day->issued = n_wait;
			day->served = n_wait - 1;
			day->wait = st(n_wait, 600 + 60 * (i % 9), 1500 + 60 * (i % 11), 2400,
				n_wait - (i % 4));
		}
		weekday = (weekday + 1) % 7;
		if (++d > month_days[m - 1] + (m == 2 && leap)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
}

/* March 2026: 412 visitors; every figure below is asserted in the PDF. */
static struct kz_report *
month(void)
{
	static const int hist[KZ_REPORT_BINS] = {45, 66, 75, 63, 55, 48, 22, 12, 8, 5, 3, 2, 2};
	static const int arrivals[24] = {[9] = 38,
		[10] = 61,
		[11] = 57,
		[12] = 44,
		[13] = 6,
		[14] = 48,
		[15] = 55,
		[16] = 52,
		[17] = 51};
	struct kz_report *r = calloc(1, sizeof *r);
	static const char *const clerks[] = {"Ахметова А. Б.", "Иванов И. И.", "Сейткали Н.",
		"Жумабекова Д. С.", long_clerk};

	assert_non_null(r);
	snprintf(r->from, sizeof r->from, "2026-03-01");
	snprintf(r->to, sizeof r->to, "2026-03-31");
	r->wait_limit = 30 * MIN;
	r->service_limit = 30 * MIN;
	r->issued = 412;
	/* waits: median 12,6, p90 31,0, max 73,0 minutes, 352 of 406 within: 86,7 % */
	group(&r->total, "all", "", "", 421, 380, 17, 9, st(406, 754, 1860, 4380, 352),
		st(389, 540, 1230, 2700, 380));
	r->total.not_served = 6;
	r->nservices = 3;
	group(&r->services[0], "A", "Құжаттарды қабылдау", "Приём документов", 250, 231, 10, 9,
		st(246, 700, 1800, 4380, 215), st(240, 600, 1300, 2700, 233));
	group(&r->services[1], "B", long_service_kk, long_service_ru, 120, 110, 5, 0,
		st(118, 800, 1900, 3000, 100), st(112, 420, 1000, 2000, 110));
	group(&r->services[2], "C", "Кеңес беру", "Консультация", 51, 39, 2, 0,
		st(42, 300, 900, 1500, 37), st(37, 300, 700, 1200, 37));
	r->ncounters = 4;
	for (int i = 0; i < 4; i++) {
		char key[8];
		snprintf(key, sizeof key, "%d", i + 1);
		group(&r->counters[i], key, "", "", 100 + i, 95 - i, 4, 2,
			st(100, 600 + 120 * i, 1500 + 60 * i, 3000, 90),
			st(97, 420 + 120 * i, 1200 + 300 * i, 2400 + 120 * i, 95 - 3 * i));
	}
	r->counters[3].service.p90 = 36 * MIN; /* over the limit's line */
	r->nclerks = 5;
	for (int i = 0; i < 5; i++)
		group(&r->clerks[i], clerks[i], "", "", 80 + i, 76, 3, 1,
			st(80, 700, 1600, 2900, 75), st(78, 500 + 60 * i, 1300, 2500, 76));
	for (int h = 0; h < 24; h++) {
		snprintf(r->hours[h].key, sizeof r->hours[h].key, "%02d", h);
		r->hours[h].places = arrivals[h];
		if (arrivals[h] > 0)
			r->hours[h].wait =
				st(arrivals[h], 300 + 90 * ((h * 5) % 17), 1800, 3600, 1);
	}
	r->busiest[0] = 10;
	r->busiest[1] = 11;
	r->busiest[2] = 15;
	memcpy(r->histogram, hist, sizeof hist);
	days(r, 2026, 3, 1, 6, 31); /* 1 March 2026: a Sunday */
	r->days[7].working = 0;     /* 8 March */
	r->days[7].wait.n = 0;
	r->feedback = (struct kz_feedback_summary){50, {45, 40, 0, 49}, {50, 50, 0, 50}};
	r->apps = (struct kz_report_apps){57, 3, 50, 48, 2, 0, 1, 0, 1};
	r->complaints = (struct kz_report_complaints){2, 2, 2, 0, 0, 1};
	return r;
}

/* 20 March 2026, no one came: every figure empty. */
static struct kz_report *
empty_day(void)
{
	struct kz_report *r = calloc(1, sizeof *r);

	assert_non_null(r);
	snprintf(r->from, sizeof r->from, "2026-03-20");
	snprintf(r->to, sizeof r->to, "2026-03-20");
	r->wait_limit = r->service_limit = 30 * MIN;
	r->busiest[0] = r->busiest[1] = r->busiest[2] = -1;
	r->ndays = 1;
	snprintf(r->days[0].day, sizeof r->days[0].day, "2026-03-20");
	r->days[0].working = 1;
	return r;
}

/* 2025, every day of it, 90 clerks: their table runs on over pages. */
static struct kz_report *
year(void)
{
	struct kz_report *r = month();

	snprintf(r->from, sizeof r->from, "2025-01-01");
	snprintf(r->to, sizeof r->to, "2025-12-31");
	days(r, 2025, 1, 1, 2, 365);
	r->nclerks = 90;
	for (int i = 0; i < 90; i++) {
		char name[64];
		snprintf(name, sizeof name, "Сотрудник-%02d Т. Т.", i + 1);
		group(&r->clerks[i], name, "", "", 100 + i, 90, 5, 2, st(100, 700, 1600, 2900, 75),
			st(98, 500, 1300, 2500, 96));
	}
	return r;
}

/* The report saved as kezek report --out saves it: made in memory, then
 * written whole by the printer's side (kz_a4_save). */
static int
report_file(const struct kz_report *r, const char *lang, const char *path, char *err)
{
	struct kz_bytes pdf = {0};
	int rc = kz_doc_report_pdf(r, cfg, lang, FONTS, &pdf, err);

	if (rc == KZ_OK)
		rc = kz_a4_save(path, pdf.data, pdf.len, err);
	kz_bytes_free(&pdf);
	return rc;
}

static void
write_report(const struct kz_report *r, const char *lang, const char *name)
{
	char path[1024], err[KZ_ERR_LEN];

	snprintf(path, sizeof path, "%s/%s.pdf", SCREENS, name);
	forget_text();
	if (report_file(r, lang, path, err) != KZ_OK)
		fail_msg("%s", err);
}

/* The text of the last PDF read, a page at a time, white space collapsed:
 * one pdftotext for all its pages. */
static struct {
	char name[64];
	int n;
	char *page[32];
} text;

static void
forget_text(void)
{
	for (int i = 0; i < text.n; i++)
		free(text.page[i]);
	text.n = 0;
	text.name[0] = '\0';
}

/* The text of page (from 1) of the PDF, malloc'd. */
static char *
page_text(const char *name, int page)
{
	char cmd[1200], *raw, *at, *ff, *copy;

	if (strcmp(text.name, name) != 0) {
		forget_text();
		snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 '%s/%s.pdf' -", SCREENS,
			name);
		raw = test_run(cmd);
		for (at = raw; (ff = strchr(at, '\f')) != NULL && text.n < 32; at = ff + 1) {
			*ff = '\0';
			text.page[text.n++] = test_collapse(at);
		}
		free(raw);
		snprintf(text.name, sizeof text.name, "%s", name);
	}
	if (page < 1 || page > text.n)
		fail_msg("%s has no page %d, only %d", name, page, text.n);
	copy = strdup(text.page[page - 1]);
	assert_non_null(copy);
	return copy;
}

static int
pages_of(const char *name)
{
	char cmd[1200], *out, *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "pdfinfo '%s/%s.pdf'", SCREENS, name);
	out = test_run(cmd);
	if ((p = strstr(out, "\nPages:")) != NULL)
		n = atoi(p + strlen("\nPages:"));
	free(out);
	return n;
}

static void
has(const char *got, const char *want, const char *where)
{
	if (strstr(got, want) == NULL)
		fail_msg("%s lacks '%s'; it reads: %s", where, want, got);
}

static void
lacks(const char *got, const char *unwanted, const char *where)
{
	if (strstr(got, unwanted) != NULL)
		fail_msg("%s has '%s', of the other language or a fault; it reads: %s", where,
			unwanted, got);
}

/* The whole text, page by page, with checks every page must pass: it ends
 * with its number "i / n" (pdftotext may close up its spaces), and has no
 * NaN or infinity. */
static char *
all_text(const char *name, int n)
{
	size_t len = 0;
	char *all = calloc(1, 1);

	assert_non_null(all);
	for (int i = 1; i <= n; i++) {
		char *t = page_text(name, i), num[32], where[128], tail[64] = "";
		size_t k = 0;
		snprintf(num, sizeof num, "%d/%d", i, n);
		snprintf(where, sizeof where, "%s page %d", name, i);
		for (const char *c = t + (strlen(t) > 12 ? strlen(t) - 12 : 0); *c; c++)
			if (*c != ' ')
				tail[k++] = *c;
		tail[k] = '\0';
		if (k < strlen(num) || strcmp(tail + k - strlen(num), num) != 0)
			fail_msg("%s does not end with its number %s: ...%s", where, num, tail);
		lacks(t, "nan", where);
		lacks(t, "inf", where);
		all = realloc(all, len + strlen(t) + 2);
		assert_non_null(all);
		memcpy(all + len, t, strlen(t));
		len += strlen(t);
		all[len++] = '\n';
		all[len] = '\0';
		free(t);
	}
	return all;
}

/* Every page as PNG (screens/report-NAME-N.png), and its ink inside the
 * margins: nothing clipped at the paper's edge. */
static void
render(const char *name, int n)
{
	char cmd[1400], path[1024];

	snprintf(cmd, sizeof cmd, "pdftoppm -png -r 60 '%s/%s.pdf' '%s/%s'", SCREENS, name, SCREENS,
		name);
	free(test_run(cmd));
	for (int i = 1; i <= n; i++) {
		struct stat st;
		snprintf(path, sizeof path, "%s/%s-%d.png", SCREENS, name, i);
		if (stat(path, &st) != 0 || st.st_size < 1000)
			fail_msg("page %d of %s did not render to %s", i, name, path);
	}
	snprintf(cmd, sizeof cmd, "pdftoppm -gray -r %d '%s/%s.pdf' '%s/ink-%s'", DPI, SCREENS,
		name, SCREENS, name);
	free(test_run(cmd));
	for (int i = 1; i <= n; i++) {
		unsigned char *px;
		int w, h, max, left, right, top, bottom;
		FILE *f;
		snprintf(path, sizeof path, "%s/ink-%s-%d.pgm", SCREENS, name, i);
		assert_non_null(f = fopen(path, "rb"));
		assert_int_equal(fscanf(f, "P5 %d %d %d", &w, &h, &max), 3);
		fgetc(f);
		assert_non_null(px = malloc((size_t)w * h));
		assert_int_equal(fread(px, 1, (size_t)w * h, f), (size_t)w * h);
		fclose(f);
		remove(path);
		left = w, right = -1, top = h, bottom = -1;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (px[(size_t)y * w + x] < 200) {
					left = x < left ? x : left;
					right = x > right ? x : right;
					top = y < top ? y : top;
					bottom = y > bottom ? y : bottom;
				}
		free(px);
		/* 18 mm margins at the sides, 15 at the top, 13 at the foot */
		if (right < 0 || left * 25.4 / DPI < 16 || (w - 1 - right) * 25.4 / DPI < 16 ||
			top * 25.4 / DPI < 13 || (h - 1 - bottom) * 25.4 / DPI < 10)
			fail_msg("%s page %d: ink from %d,%d to %d,%d px of %dx%d, past the margins",
				name, i, left, top, right, bottom, w, h);
	}
}

static void
test_month_in_russian(void **state)
{
	struct kz_report *r = month();
	const char *name = "report-month-ru";
	char *t;
	int n;

	(void)state;
	write_report(r, "ru", name);
	n = pages_of(name);
	assert_int_equal(n, 3);
	render(name, n);
	t = page_text(name, 1);
	has(t, "Отдел земельных отношений города Косшы", "page 1");
	has(t, "01.03.2026 – 31.03.2026", "page 1");
	has(t, "Основные показатели", "page 1");
	has(t, "Посетители (выдано талонов) 412", "page 1");
	has(t, "Обслужено 380", "page 1");
	has(t, "Не явились по вызову 17", "page 1");
	has(t, "Направлены в другую услугу 9", "page 1");
	has(t, "Не обслужены до закрытия 6", "page 1");
	has(t, "Ожидание, мин (норма 30) 12,6 31,0 73,0 86,7 %", "page 1");
	has(t, "Обслуживание, мин (норма 30) 9,0 20,5 45,0 97,7 %", "page 1");
	has(t, "10:00–11:00 (61)", "page 1");
	has(t, "11:00–12:00 (57)", "page 1");
	has(t, "15:00–16:00 (55)", "page 1");
	has(t, "Распределение времени ожидания", "page 1");
	has(t, "30 мин", "page 1");
	has(t, "25–30", "page 1");
	has(t, "60+", "page 1");
	has(t, "Приход посетителей и ожидание по часам дня", "page 1");
	has(t, "09:00", "page 1");
	has(t, "18:00", "page 1");
	free(t);
	t = page_text(name, 2);
	has(t, "Доля посетителей, ждавших не дольше нормы, по дням", "page 2");
	has(t, "01.03", "page 2");
	has(t, "Время обслуживания по окнам", "page 2");
	has(t, "По услугам", "page 2");
	has(t, "Приём документов 250 231 10 11,7 30,0 73,0 87,4 10,0", "page 2");
	has(t, "Консультация 51 39 2 5,0 15,0 25,0 88,1 5,0", "page 2");
	has(t, "Всего 421 380 17 12,6 31,0 73,0 86,7 9,0", "page 2");
	has(t, "По окнам", "page 2");
	has(t, "По сотрудникам", "page 2");
	has(t, "Ахметова А. Б. 80 76 3 1", "page 2");
	has(t, "Абдрахманова-Кушербаева", "page 2");
	/* the long names are cut short, not run over their neighbours */
	lacks(t, "(старший специалист отдела земельных отношений)", "page 2");
	has(t, "…", "page 2");
	free(t);
	t = page_text(name, 3);
	has(t, "(приложение 4 к стандарту)", "page 3");
	has(t, "Нормативное", "page 3");
	has(t, "Целевое значение", "page 3");
	has(t, "1.1", "page 3");
	has(t, "96,0 %", "page 3");
	has(t, "48 / 50", "page 3");
	has(t, "2.1", "page 3");
	has(t, "90,0 %", "page 3");
	has(t, "45 / 50", "page 3");
	has(t, "3.1", "page 3");
	has(t, "80,0 %", "page 3");
	has(t, "3.2", "page 3");
	has(t, "100,0 %", "page 3");
	has(t, "4.1", "page 3");
	has(t, "—", "page 3");
	/* no ballot answered 4.1: n = 0, said (pdftotext may close up its spaces) */
	if (strstr(t, "0 / 0") == NULL && strstr(t, "0/0") == NULL)
		fail_msg("page 3 does not say 4.1 rests on no ballot (0 / 0)");
	has(t, "5.1", "page 3");
	has(t, "98,0 %", "page 3");
	has(t, "49 / 50", "page 3");
	has(t, "Принято с полным пакетом документов 57", "page 3");
	has(t, "Решено в срок 48", "page 3");
	has(t, "Не получено более 6 месяцев (п. 26) 1", "page 3");
	has(t, "Жалобы", "page 3");
	has(t, "Поступило 2", "page 3");
	free(t);
	t = all_text(name, n);
	lacks(t, "Негізгі", name);
	lacks(t, "Терезе", name);
	lacks(t, "Қосшы", name);
	lacks(t, "Құжаттарды қабылдау", name);
	lacks(t, "Келушілер", name);
	free(t);
	free(r);
}

static void
test_month_in_kazakh(void **state)
{
	struct kz_report *r = month();
	const char *name = "report-month-kk";
	char *t;
	int n;

	(void)state;
	write_report(r, "kk", name);
	n = pages_of(name);
	assert_int_equal(n, 3);
	render(name, n);
	t = page_text(name, 1);
	has(t, "Қосшы қаласының жер қатынастары бөлімі", "page 1");
	has(t, "01.03.2026 – 31.03.2026", "page 1");
	has(t, "Негізгі көрсеткіштер", "page 1");
	has(t, "Келушілер (берілген талондар) 412", "page 1");
	has(t, "Қызмет көрсетілді 380", "page 1");
	has(t, "Күту, мин (нормасы 30) 12,6 31,0 73,0 86,7 %", "page 1");
	has(t, "Күту уақытының бөлінуі", "page 1");
	has(t, "30 мин", "page 1");
	free(t);
	t = page_text(name, 2);
	has(t, "Терезелер бойынша қызмет көрсету уақыты", "page 2");
	has(t, "Құжаттарды қабылдау 250 231 10", "page 2");
	has(t, "Барлығы 421 380 17", "page 2");
	has(t, "Қызметкерлер бойынша", "page 2");
	free(t);
	t = page_text(name, 3);
	has(t, "(стандартқа 4-қосымша)", "page 3");
	has(t, "1.1", "page 3");
	has(t, "96,0 %", "page 3");
	has(t, "48 / 50", "page 3");
	has(t, "5.1", "page 3");
	has(t, "Персоналдың сыпайылығына", "page 3");
	has(t, "Шағымдар", "page 3");
	free(t);
	t = all_text(name, n);
	lacks(t, "Основные показатели", name);
	lacks(t, "Обслужено", name);
	lacks(t, "Окно", name);
	lacks(t, "Отдел земельных отношений", name);
	lacks(t, "Приём документов", name);
	lacks(t, "Всего", name);
	lacks(t, "Жалобы", name);
	free(t);
	free(r);
}

static void
test_empty_day(void **state)
{
	struct kz_report *r = empty_day();
	const char *langs[] = {"ru", "kk"};
	const char *no_data[] = {"Нет данных", "Деректер жоқ"};
	const char *no_apps[] = {"В реестре заявлений пока нет данных.",
		"Өтініштер тізілімінде әзірге деректер жоқ."};
	const char *no_complaints[] = {"В журнале жалоб пока нет данных.",
		"Шағымдар журналында әзірге деректер жоқ."};

	(void)state;
	for (int k = 0; k < 2; k++) {
		char name[64], *t;
		int n;
		snprintf(name, sizeof name, "report-empty-%s", langs[k]);
		write_report(r, langs[k], name);
		n = pages_of(name);
		assert_int_equal(n, 3);
		render(name, n);
		t = page_text(name, 1);
		has(t, "20.03.2026 – 20.03.2026", name);
		has(t, no_data[k], name);
		free(t);
		t = page_text(name, 2);
		has(t, no_data[k], name);
		free(t);
		t = all_text(name, n);
		has(t, no_apps[k], name);
		has(t, no_complaints[k], name);
		has(t, "—", name);
		free(t);
	}
	free(r);
}

static void
test_year(void **state)
{
	struct kz_report *r = year();
	const char *langs[] = {"ru", "kk"};
	const char *cont[] = {"По сотрудникам (продолжение)", "Қызметкерлер бойынша (жалғасы)"};

	(void)state;
	for (int k = 0; k < 2; k++) {
		char name[64], *t;
		int n;
		snprintf(name, sizeof name, "report-year-%s", langs[k]);
		write_report(r, langs[k], name);
		n = pages_of(name);
		assert_true(n >= 4);
		render(name, n);
		t = page_text(name, 2);
		has(t, "01.01.2025 – 31.12.2025", name);
		has(t, "01.2025", name);
		has(t, "06.2025", name);
		has(t, "12.2025", name);
		free(t);
		t = all_text(name, n);
		has(t, cont[k], name);
		has(t, "Сотрудник-01 Т. Т.", name);
		has(t, "Сотрудник-90 Т. Т.", name);
		free(t);
	}
	free(r);
}

/* How many files in SCREENS start with prefix. */
static int
files_like(const char *prefix)
{
	DIR *d = opendir(SCREENS);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static void
test_file_that_cannot_be_written(void **state)
{
	struct kz_report *r = empty_day();
	char err[KZ_ERR_LEN] = "";

	(void)state;
	/* a folder that is not there */
	assert_int_equal(report_file(r, "ru", SCREENS "/no-such-dir/r.pdf", err), KZ_EDEVICE);
	has(err, SCREENS "/no-such-dir/r.pdf", "the message");
	/* a name that is a folder: the PDF is made, the rename fails, and the
	 * temporary file goes with it */
	mkdir(SCREENS "/report-dir", 0777);
	err[0] = '\0';
	assert_int_equal(report_file(r, "ru", SCREENS "/report-dir", err), KZ_EDEVICE);
	has(err, "cannot write '" SCREENS "/report-dir'", "the message");
	assert_int_equal(files_like("report-dir"), 1);
	rmdir(SCREENS "/report-dir");
	/* and when it is written, only the file is there */
	remove(SCREENS "/report-ok.pdf");
	assert_int_equal(report_file(r, "kk", SCREENS "/report-ok.pdf", err), KZ_OK);
	assert_int_equal(files_like("report-ok.pdf"), 1);
	remove(SCREENS "/report-ok.pdf");
	free(r);
}

static void
test_memory_and_refusals(void **state)
{
	struct kz_report *r = empty_day();
	struct kz_bytes out = {0};
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_bytes_add(&out, "xyz", 3), KZ_OK);
	assert_int_equal(kz_doc_report_pdf(r, cfg, "ru", FONTS, &out, err), KZ_OK);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "xyz%PDF-", 8);
	out.len = 3;
	assert_int_equal(kz_doc_report_pdf(r, cfg, "en", FONTS, &out, err), KZ_EINVAL);
	has(err, "'en'", "the message");
	assert_int_equal(out.len, 3);
	assert_int_equal(kz_doc_report_pdf(r, cfg, NULL, FONTS, &out, err), KZ_EINVAL);
	assert_int_equal(kz_doc_report_pdf(r, cfg, "kk", "/no/such/fonts", &out, err), KZ_ECONFIG);
	has(err, "/no/such/fonts/DejaVuSans.ttf", "the message");
	assert_int_equal(out.len, 3);
	kz_bytes_free(&out);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_in_russian),
		cmocka_unit_test(test_month_in_kazakh),
		cmocka_unit_test(test_empty_day),
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_file_that_cannot_be_written),
		cmocka_unit_test(test_memory_and_refusals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
