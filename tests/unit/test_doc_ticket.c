/* test_doc_ticket.c - the kiosk's queue ticket set into 1-bit printouts of
 * 58 and 80 mm paper, in Kazakh and in Russian; PNGs of each in screens/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "doc_helpers.h"
#include "ink/bitmap.h"
#include "documents/ticket.h"
#include "ink/typeset.h"
#include "queue/clock.h"
#include "queue/error.h"

#define MAX_BANDS 64

static struct kz_typeset *ts;

static const char *const langs[] = {"kk", "ru"};
static const int widths[] = {KZ_DOTS_58MM, KZ_DOTS_80MM};

static const char long_office_kk[] =
	"Шымкент қаласының жер қатынастары, сәулет және қала құрылысы бөлімінің "
	"халыққа қызмет көрсету секторы (Әл-Фараби, Қаратау, Абай аудандары)";

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	if (kz_clock_setup("Asia/Almaty", NULL, err) != KZ_OK ||
		kz_typeset_open(KZ_SOURCE_DIR "/assets/fonts", &ts, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	IMG_Init(IMG_INIT_PNG);
	mkdir(KZ_SCREENS_DIR, 0777);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	kz_typeset_close(ts);
	IMG_Quit();
	return 0;
}

static int64_t
local(const char *text)
{
	char err[KZ_ERR_LEN];
	int64_t t = 0;

	if (kz_clock_parse_local(text, &t, err) != KZ_OK)
		fail_msg("%s", err);
	return t;
}

/* The ticket of the brief: service A, three waiting, 10:15 on 20 March 2026. */
static struct kz_ticket_doc
doc(const char *lang)
{
	int kk = strcmp(lang, "kk") == 0;

	return (struct kz_ticket_doc){
		.lang = lang,
		.office = kk ? "Жер қатынастары бөлімі" : "Отдел земельных отношений",
		.service = kk ? "Құжаттарды тапсыру" : "Сдача документов",
		.number = "A-017",
		.issued_at = local("2026-03-20T10:15"),
		.ahead = 3,
		.check_code = "4821",
	};
}

static struct kz_bitmap *
ticket(const struct kz_ticket_doc *d, int width)
{
	struct kz_bitmap *b = NULL;
	char err[KZ_ERR_LEN];

	if (kz_doc_ticket_bitmap(ts, d, width, &b, err) != KZ_OK)
		fail_msg("%s", err);
	return b;
}

static struct kz_layout
layout(const struct kz_ticket_doc *d, int width)
{
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	if (kz_doc_ticket_layout(d, width, &l, err) != KZ_OK)
		fail_msg("%s", err);
	return l;
}

/* The block whose text has s in it, or fail. */
static const char *
text_with(const struct kz_layout *l, const char *s)
{
	for (int i = 0; i < l->n; i++)
		if (strstr(l->blocks[i].text, s) != NULL)
			return l->blocks[i].text;
	fail_msg("no text of the ticket has '%s'", s);
	return NULL;
}

static int
has_text(const struct kz_layout *l, const char *s)
{
	for (int i = 0; i < l->n; i++)
		if (strstr(l->blocks[i].text, s) != NULL)
			return 1;
	return 0;
}

static int
row_ink(const struct kz_bitmap *b, int y)
{
	int n = 0;

	for (int x = 0; x < b->w; x++)
		n += kz_bitmap_get(b, x, y);
	return n;
}

/* Runs of rows with ink: the lines of text and the rules, top to bottom. */
struct band {
	int top, h;
};

static int
bands(const struct kz_bitmap *b, struct band *out)
{
	int n = 0;

	for (int y = 0; y < b->h; y++) {
		if (row_ink(b, y) == 0)
			continue;
		if (n > 0 && out[n - 1].top + out[n - 1].h == y) {
			out[n - 1].h++;
			continue;
		}
		assert_true(n < MAX_BANDS);
		out[n++] = (struct band){y, 1};
	}
	return n;
}

static int
tallest(const struct band *bd, int n)
{
	int t = 0;

	for (int i = 1; i < n; i++)
		if (bd[i].h > bd[t].h)
			t = i;
	return t;
}

/* Columns 0..3 and w-4..w-1 are paper's edge: always white. */
static void
assert_side_margins_white(const struct kz_bitmap *b)
{
	for (int y = 0; y < b->h; y++)
		for (int x = 0; x < 4; x++)
			if (kz_bitmap_get(b, x, y) || kz_bitmap_get(b, b->w - 1 - x, y))
				fail_msg("ink at the paper's edge: column %d, row %d",
					kz_bitmap_get(b, x, y) ? x : b->w - 1 - x, y);
}

/* The first row that is a rule: black across the content width. */
static int
first_rule(const struct kz_bitmap *b)
{
	for (int y = 0; y < b->h; y++)
		if (row_ink(b, y) >= b->w - 2 * 8)
			return y;
	return -1;
}

static void
test_tickets_in_both_languages_on_both_papers(void **state)
{
	(void)state;
	for (int wi = 0; wi < 2; wi++) {
		for (int li = 0; li < 2; li++) {
			struct kz_ticket_doc d = doc(langs[li]);
			struct kz_layout l = layout(&d, widths[wi]);
			struct kz_bitmap *b = ticket(&d, widths[wi]);
			struct band bd[MAX_BANDS];
			char name[64];
			int n, big, rule;

			snprintf(name, sizeof name, "ticket-%d-%s.png", widths[wi], langs[li]);
			test_save_png(b, name);
			assert_int_equal(b->w, widths[wi]);
			if (b->h < 300 || b->h > 2000)
				fail_msg("%s is %d dots long", name, b->h);
			for (int i = 0; i < l.n; i++)
				if (kz_typeset_missing(ts, l.blocks[i].text) != 0)
					fail_msg("%s: the fonts lack letters of '%s'", name,
						l.blocks[i].text);
			assert_side_margins_white(b);
			/* the number is the tallest band by far, below the office's rule */
			n = bands(b, bd);
			big = tallest(bd, n);
			rule = first_rule(b);
			assert_true(rule > 0);
			assert_true(bd[big].top > rule);
			if (bd[big].h < (widths[wi] == KZ_DOTS_58MM ? 70 : 100))
				fail_msg("%s: the number is only %d dots tall", name, bd[big].h);
			for (int i = 0; i < n; i++)
				if (i != big && bd[i].h * 2 > bd[big].h)
					fail_msg("%s: band at %d is %d dots, the number only %d",
						name, bd[i].top, bd[i].h, bd[big].h);
			/* nothing but white after the last band's margin: cropped to content */
			assert_int_equal(b->h, bd[n - 1].top + bd[n - 1].h + 8);
			kz_bitmap_free(b);
		}
	}
}

static void
test_who_is_ahead_in_words(void **state)
{
	static const struct {
		int n;
		const char *said;
	} ru_forms[] = {{21, "Перед вами 21 человек"}, {22, "Перед вами 22 человека"},
		{11, "Перед вами 11 человек"}, {12, "Перед вами 12 человек"},
		{104, "Перед вами 104 человека"}, {111, "Перед вами 111 человек"}};
	struct kz_ticket_doc kk = doc("kk"), ru = doc("ru");
	struct kz_layout l;

	(void)state;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Перед вами"), "Перед вами 3 человека");
	ru.ahead = 1;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Перед вами"), "Перед вами 1 человек");
	ru.ahead = 5;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Перед вами"), "Перед вами 5 человек");
	/* Russian's three forms by the catalogue's plural rule: 21 as 1, 22 as
	 * 2, 11-14 as 5 */
	for (size_t i = 0; i < sizeof ru_forms / sizeof ru_forms[0]; i++) {
		ru.ahead = ru_forms[i].n;
		l = layout(&ru, KZ_DOTS_58MM);
		assert_string_equal(text_with(&l, "Перед вами"), ru_forms[i].said);
	}
	ru.ahead = 0;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Перед вами"), "Перед вами никого нет");
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Алдыңызда"), "Алдыңызда 3 адам");
	kk.ahead = 1;
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Алдыңызда"), "Алдыңызда 1 адам");
	kk.ahead = 0;
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "ешкім"), "Сізден бұрын ешкім жоқ");
	assert_non_null(text_with(&l, "20.03.2026 10:15"));
	assert_non_null(text_with(&l, "30\u00A0минуттан аспауы тиіс"));
}

/* The ballot's check code at the bottom, under the last rule and above
 * the footer, in the ticket's language; none when there is no code (a
 * past day's ticket printed again). */
static void
test_check_code_at_the_bottom(void **state)
{
	static const char *const want[2] = {"Қызметті бағалау коды: 4821",
		"Код для оценки обслуживания: 4821"};

	(void)state;
	for (int li = 0; li < 2; li++) {
		struct kz_ticket_doc d = doc(langs[li]);
		struct kz_layout l = layout(&d, KZ_DOTS_58MM);
		int code = -1, rule = -1;
		for (int i = 0; i < l.n; i++) {
			if (strcmp(l.blocks[i].text, want[li]) == 0)
				code = i;
			if (l.blocks[i].kind == KZ_BLOCK_RULE)
				rule = i;
		}
		if (code < 0)
			fail_msg("no line '%s'", want[li]);
		assert_int_equal(code, rule + 1);
		assert_int_equal(code, l.n - 2); /* the footer after it */
		d.check_code = NULL;
		l = layout(&d, KZ_DOTS_58MM);
		assert_false(has_text(&l, "4821"));
		d.check_code = "";
		l = layout(&d, KZ_DOTS_58MM);
		assert_false(has_text(&l, strchr(want[li], ':')));
	}
}

/* What zbarimg reads in the PNG name of screens/ into out ("" if it is
 * not installed or reads nothing). */
static void
read_qr(const char *name, char *out, size_t len)
{
	char cmd[1200];
	FILE *p;

	out[0] = '\0';
	snprintf(cmd, sizeof cmd, "zbarimg -q --raw '%s/%s' 2>/dev/null", KZ_SCREENS_DIR, name);
	if (system("command -v zbarimg >/dev/null 2>&1") != 0 || (p = popen(cmd, "r")) == NULL)
		return;
	if (fgets(out, (int)len, p) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

/* With a link, the ticket ends with its QR code and the line that says
 * what it is, in the ticket's language, above the footer; the code reads
 * back as the link.  Without one, neither. */
static void
test_phone_link_as_a_qr_code(void **state)
{
	static const char *const line[2] = {"Кезегіңізді телефоннан бақылаңыз",
		"Следите за очередью на телефоне"};
	static const char link[] = "https://kezek.akmola-zher.kz/t/kZfIQ3y2a5OgLvOHMyn1vg?lang=kk";

	(void)state;
	for (int wi = 0; wi < 2; wi++) {
		for (int li = 0; li < 2; li++) {
			struct kz_ticket_doc d = doc(langs[li]);
			struct kz_layout l;
			struct kz_bitmap *b, *plain;
			char name[64], read[256];
			int qr = -1;

			d.link = link;
			l = layout(&d, widths[wi]);
			for (int i = 0; i < l.n; i++)
				if (l.blocks[i].kind == KZ_BLOCK_QR)
					qr = i;
			assert_int_equal(qr, l.n - 3);
			assert_string_equal(l.blocks[qr].text, link);
			assert_string_equal(l.blocks[qr + 1].text, line[li]);
			b = ticket(&d, widths[wi]);
			snprintf(name, sizeof name, "ticket-%d-%s-phone.png", widths[wi],
				langs[li]);
			test_save_png(b, name);
			assert_int_equal(b->w, widths[wi]);
			assert_side_margins_white(b);
			d.link = NULL;
			plain = ticket(&d, widths[wi]);
			/* the code and its line: about 2.5 cm more paper, no more */
			if (b->h - plain->h < 150 || b->h - plain->h > 320)
				fail_msg("%s: the QR code adds %d dots", name, b->h - plain->h);
			read_qr(name, read, sizeof read);
			if (read[0] != '\0' || system("command -v zbarimg >/dev/null 2>&1") == 0)
				assert_string_equal(read, link);
			l = layout(&d, widths[wi]);
			assert_false(has_text(&l, line[li]));
			kz_bitmap_free(plain);
			kz_bitmap_free(b);
		}
	}
}

/* A Kazakh ticket has no Russian sentence; a Russian one no Kazakh letter. */
/* No English word (3 Latin letters or more but the queue's name) in any
 * text of the ticket: each comes from the catalogues. */
static void
assert_no_english(const struct kz_layout *l, const char *lang)
{
	for (int i = 0; i < l->n; i++) {
		const char *t = l->blocks[i].text;
		for (size_t at = 0, run = 0;; at++) {
			int latin =
				(t[at] >= 'A' && t[at] <= 'Z') || (t[at] >= 'a' && t[at] <= 'z');
			if (latin) {
				run++;
				continue;
			}
			if (run >= 3 && !(run == 5 && strncmp(t + at - 5, "Kezek", 5) == 0))
				fail_msg("the %s ticket has an English word in '%s'", lang, t);
			run = 0;
			if (t[at] == '\0')
				break;
		}
	}
}

static void
test_one_language_a_ticket(void **state)
{
	static const char *const ru_only[] = {"Перед", "Время", "Приём", "очередь", "человек"};
	static const char *const kk_letters[] = {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә",
		"Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"};
	struct kz_ticket_doc kk = doc("kk"), ru = doc("ru");
	struct kz_layout l;

	(void)state;
	kk.lunch_notice = ru.lunch_notice = 1;
	kk.resumes_at = ru.resumes_at = local("2026-03-20T14:00");
	l = layout(&kk, KZ_DOTS_80MM);
	assert_no_english(&l, "Kazakh");
	for (size_t i = 0; i < sizeof ru_only / sizeof ru_only[0]; i++)
		if (has_text(&l, ru_only[i]))
			fail_msg("the Kazakh ticket says '%s'", ru_only[i]);
	l = layout(&ru, KZ_DOTS_80MM);
	assert_no_english(&l, "Russian");
	for (size_t i = 0; i < sizeof kk_letters / sizeof kk_letters[0]; i++)
		if (has_text(&l, kk_letters[i]))
			fail_msg("the Russian ticket has the Kazakh letter '%s'", kk_letters[i]);
}

static void
test_lunch_notice_says_when_reception_resumes(void **state)
{
	struct kz_ticket_doc kk = doc("kk"), ru = doc("ru");
	struct kz_bitmap *plain, *lunch;
	struct kz_layout l;

	(void)state;
	kk.lunch_notice = ru.lunch_notice = 1;
	kk.resumes_at = ru.resumes_at = local("2026-03-20T14:00");
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Қабылдау"), "Қабылдау 14:00-де жалғасады");
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Приём"), "Приём продолжится в\u00A014:00");
	/* the Kazakh ending follows the minutes read aloud */
	kk.resumes_at = local("2026-03-20T14:30");
	l = layout(&kk, KZ_DOTS_58MM);
	assert_non_null(text_with(&l, "14:30-да жалғасады"));
	kk.resumes_at = local("2026-03-20T14:15");
	l = layout(&kk, KZ_DOTS_58MM);
	assert_non_null(text_with(&l, "14:15-те жалғасады"));
	kk.resumes_at = local("2026-03-20T14:00");
	for (int li = 0; li < 2; li++) {
		struct kz_ticket_doc d = doc(langs[li]);
		char name[64];
		plain = ticket(&d, KZ_DOTS_58MM);
		d.lunch_notice = 1;
		d.resumes_at = local("2026-03-20T14:00");
		lunch = ticket(&d, KZ_DOTS_58MM);
		snprintf(name, sizeof name, "ticket-384-%s-lunch.png", langs[li]);
		test_save_png(lunch, name);
		if (lunch->h < plain->h + 20)
			fail_msg("the lunch notice adds %d dots", lunch->h - plain->h);
		assert_side_margins_white(lunch);
		kz_bitmap_free(plain);
		kz_bitmap_free(lunch);
	}
}

/* The wait on paper is worded as the kiosk's screen words it; the norm of
 * p.7.2 ("no more than 30 minutes") is printed only where the estimate
 * keeps it. */
static void
test_wait_on_paper_and_no_promise_it_breaks(void **state)
{
	struct kz_wait_estimate e = {.waiting = 1,
		.ahead = 3,
		.known = 1,
		.low_min = 10,
		.high_min = 25,
		.lunch_end = local("2026-03-20T14:00"),
		.close_at = local("2026-03-20T18:00")};
	struct kz_ticket_doc kk = doc("kk"), ru = doc("ru");
	struct kz_layout l;

	(void)state;
	kk.est = ru.est = &e;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "ожидание"), "Примерное ожидание: 10–25 мин");
	assert_non_null(text_with(&l, "не более 30"));
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "Болжалды"), "Болжалды күту уақыты: 10–25 мин");
	assert_non_null(text_with(&l, "30 минуттан аспауы тиіс"));
	/* 40-65 minutes: the range, and no 30-minute promise */
	e.low_min = 40, e.high_min = 65;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_non_null(text_with(&l, "40–65"));
	assert_false(has_text(&l, "не более 30"));
	l = layout(&kk, KZ_DOTS_58MM);
	assert_false(has_text(&l, "аспауы тиіс"));
	/* up to 10 minutes; next */
	e.low_min = 0, e.high_min = 10;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "ожидание"), "Примерное ожидание: до 10 мин");
	e.ahead = ru.ahead = 0, e.high_min = 5;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_non_null(text_with(&l, "Вас вызовут следующим"));
	/* taken before lunch, called after it: when, and no promise */
	e.ahead = ru.ahead = 3, e.after_lunch = 1, e.call_at = local("2026-03-20T14:22");
	kk.lunch_notice = ru.lunch_notice = 1;
	kk.resumes_at = ru.resumes_at = local("2026-03-20T14:00");
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "перерыва"),
		"Вас вызовут после обеденного перерыва, примерно в 14:20");
	assert_false(has_text(&l, "не более 30"));
	l = layout(&kk, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "үзілістен"),
		"Сізді түскі үзілістен кейін, шамамен сағат 14:20 шақырады");
	for (int li = 0; li < 2; li++) {
		char name[64];
		struct kz_bitmap *b = ticket(li ? &ru : &kk, KZ_DOTS_58MM);
		snprintf(name, sizeof name, "ticket-384-%s-after-lunch.png", langs[li]);
		test_save_png(b, name);
		assert_side_margins_white(b);
		kz_bitmap_free(b);
	}
	/* maybe not before closing */
	e.after_lunch = 0, e.after_close = 1;
	kk.lunch_notice = ru.lunch_notice = 0;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_string_equal(text_with(&l, "закрытия"),
		"Очередь длинная: вас могут не успеть вызвать до закрытия в 18:00");
	assert_false(has_text(&l, "не более 30"));
	l = layout(&kk, KZ_DOTS_58MM);
	assert_non_null(text_with(&l, "(сағат 18:00)"));
	for (int li = 0; li < 2; li++) {
		char name[64];
		struct kz_bitmap *b = ticket(li ? &ru : &kk, KZ_DOTS_80MM);
		snprintf(name, sizeof name, "ticket-576-%s-closing.png", langs[li]);
		test_save_png(b, name);
		assert_side_margins_white(b);
		kz_bitmap_free(b);
	}
	/* no open counter: no figure, the norm as it stands */
	e.after_close = 0, e.known = 0;
	l = layout(&ru, KZ_DOTS_58MM);
	assert_false(has_text(&l, "ожидание:"));
	assert_non_null(text_with(&l, "не более 30"));
}

static void
test_long_office_name_wraps_within_the_paper(void **state)
{
	struct kz_ticket_doc d = doc("kk");
	struct kz_bitmap *plain, *b, *box;
	struct band bd[MAX_BANDS];
	int rule, n, lines = 0, h;

	(void)state;
	plain = ticket(&d, KZ_DOTS_58MM);
	d.office = long_office_kk;
	d.lunch_notice = 1;
	d.resumes_at = local("2026-03-20T14:00");
	b = ticket(&d, KZ_DOTS_58MM);
	test_save_png(b, "ticket-384-kk-long.png");
	assert_int_equal(kz_typeset_missing(ts, long_office_kk), 0);
	assert_side_margins_white(b);
	rule = first_rule(b);
	n = bands(b, bd);
	for (int i = 0; i < n && bd[i].top < rule; i++)
		lines++;
	if (lines < 4)
		fail_msg("the long office name took %d lines", lines);
	assert_true(b->h > plain->h + 3 * 20);
	kz_bitmap_free(plain);
	kz_bitmap_free(b);

	/* in a box of its own, wrapped text stays in the box's columns */
	box = kz_bitmap_new(384, 600);
	assert_non_null(box);
	assert_int_equal(kz_typeset_wrap(ts, box, 50, 10, 200, 24, 0, KZ_TS_LEFT, long_office_kk,
				 &h),
		KZ_OK);
	assert_true(h > 5 * 24);
	for (int y = 0; y < box->h; y++)
		for (int x = 0; x < box->w; x++)
			if (kz_bitmap_get(box, x, y) && (x < 50 || x >= 250))
				fail_msg("ink outside the box at (%d, %d)", x, y);
	kz_bitmap_free(box);
}

static void
test_a_line_too_wide_shrinks(void **state)
{
	struct kz_bitmap *b = kz_bitmap_new(384, 200);
	int h, h_fit;

	(void)state;
	assert_non_null(b);
	assert_int_equal(kz_typeset_text(ts, NULL, 0, 0, 300, 30, 1, KZ_TS_CENTRE, "A-017", &h_fit),
		KZ_OK);
	assert_int_equal(kz_typeset_text(ts, b, 100, 10, 120, 30, 0, KZ_TS_RIGHT,
				 "Жер қатынастары бөлімі", &h),
		KZ_OK);
	assert_true(h < h_fit);
	assert_true(kz_bitmap_count(b) > 0);
	for (int y = 0; y < b->h; y++)
		for (int x = 0; x < b->w; x++)
			if (kz_bitmap_get(b, x, y) && (x < 100 || x >= 220))
				fail_msg("ink outside the box at (%d, %d)", x, y);
	kz_bitmap_free(b);
}

static void
test_missing_glyphs_are_counted(void **state)
{
	(void)state;
	assert_int_equal(kz_typeset_missing(ts, "ӘҒҚҢӨҰҮҺІ әғқңөұүһі Ёё №"), 0);
	assert_int_equal(kz_typeset_missing(ts, "кезек 中文"), 2);
	assert_int_equal(kz_typeset_missing(ts, "bad \xC3("), 1);
}

static void
test_bad_requests_are_refused(void **state)
{
	struct kz_ticket_doc d = doc("ru");
	struct kz_bitmap *b = (struct kz_bitmap *)&d; /* must be reset to NULL */
	struct kz_typeset *none = (struct kz_typeset *)&d;
	char err[KZ_ERR_LEN];
	int h;

	(void)state;
	assert_int_equal(kz_doc_ticket_bitmap(ts, &d, 400, &b, err), KZ_EINVAL);
	assert_null(b);
	assert_non_null(strstr(err, "384"));
	d.lang = "en";
	assert_int_equal(kz_doc_ticket_bitmap(ts, &d, KZ_DOTS_58MM, &b, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'en'"));
	d.lang = "ru";
	d.ahead = -1;
	assert_int_equal(kz_doc_ticket_bitmap(ts, &d, KZ_DOTS_58MM, &b, err), KZ_EINVAL);
	assert_int_equal(kz_typeset_text(ts, NULL, 0, 0, 0, 20, 0, 0, "x", &h), KZ_EINVAL);
	assert_non_null(strstr(kz_typeset_error(ts), "0 dots wide"));
	assert_int_equal(kz_typeset_open("/nonexistent", &none, err), KZ_ECONFIG);
	assert_null(none);
	assert_non_null(strstr(err, "/nonexistent/DejaVuSans.ttf"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tickets_in_both_languages_on_both_papers),
		cmocka_unit_test(test_check_code_at_the_bottom),
		cmocka_unit_test(test_who_is_ahead_in_words),
		cmocka_unit_test(test_one_language_a_ticket),
		cmocka_unit_test(test_lunch_notice_says_when_reception_resumes),
		cmocka_unit_test(test_wait_on_paper_and_no_promise_it_breaks),
		cmocka_unit_test(test_long_office_name_wraps_within_the_paper),
		cmocka_unit_test(test_a_line_too_wide_shrinks),
		cmocka_unit_test(test_missing_glyphs_are_counted),
		cmocka_unit_test(test_bad_requests_are_refused),
		cmocka_unit_test(test_phone_link_as_a_qr_code),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
