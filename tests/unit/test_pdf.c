/* test_pdf.c - the ticket and the printer test page as A4 PDF, read back with
 * poppler-utils (text, pages, fonts, ink), and the test page on thermal paper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <cairo.h>

#include "doc_helpers.h"
#include "ink/bitmap.h"
#include "documents/test.h"
#include "documents/ticket.h"
#include "printer/escpos.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "queue/clock.h"
#include "queue/error.h"

#define FONTS   KZ_SOURCE_DIR "/assets/fonts"
#define SCREENS KZ_SCREENS_DIR
#define DPI     30 /* for ink checks: 1 pixel about 0.85 mm */

static const char kk_alphabet[] =
	"Аа Әә Бб Вв Гг Ғғ Дд Ее Ёё Жж Зз Ии Йй Кк Ққ Лл Мм Нн Ңң Оо Өө Пп Рр Сс Тт Уу Ұұ "
	"Үү Фф Хх Һһ Цц Чч Шш Щщ Ъъ Ыы Іі Ьь Ээ Юю Яя";
static const char ru_alphabet[] = "Аа Бб Вв Гг Дд Ее Ёё Жж Зз Ии Йй Кк Лл Мм Нн Оо Пп Рр Сс "
				  "Тт Уу Фф Хх Цц Чч Шш Щщ Ъъ Ыы Ьь Ээ Юю Яя";

static struct kz_typeset *ts;
static int64_t issued;

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	if (kz_clock_setup("Asia/Almaty", NULL, err) != KZ_OK ||
		kz_clock_parse_local("2026-03-20T10:15", &issued, err) != KZ_OK ||
		kz_typeset_open(FONTS, &ts, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	mkdir(SCREENS, 0777);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	kz_typeset_close(ts);
	/* cairo keeps fonts cached after a PDF: let them go, so the sanitizer
	 * sees whether pdf.c's FreeType faces are all freed with them */
	cairo_debug_reset_static_data();
	return 0;
}

static struct kz_layout
ticket(const char *lang, int width)
{
	int kk = strcmp(lang, "kk") == 0;
	struct kz_ticket_doc d = {
		.lang = lang,
		.office = kk ? "Жер қатынастары бөлімі" : "Отдел земельных отношений",
		.service = kk ? "Құжаттарды тапсыру" : "Сдача документов",
		.number = "A-017",
		.issued_at = issued,
		.ahead = 3,
	};
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	if (kz_doc_ticket_layout(&d, width, &l, err) != KZ_OK)
		fail_msg("%s", err);
	return l;
}

static struct kz_layout
test_page(const char *lang, int width)
{
	int kk = strcmp(lang, "kk") == 0;
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	if (kz_doc_test_layout(lang, "Kiosk-1 (XP-58)",
		    kk ? "Жер қатынастары бөлімі" : "Отдел земельных отношений", issued, width, &l,
		    err) != KZ_OK)
		fail_msg("%s", err);
	return l;
}

static void
write_pdf(const struct kz_layout *const *pages, int n, const char *name)
{
	char path[1024], err[KZ_ERR_LEN];

	snprintf(path, sizeof path, "%s/%s", SCREENS, name);
	if (kz_pdf_layout(pages, n, FONTS, path, err) != KZ_OK)
		fail_msg("%s", err);
}

/* The text of page (from 1) of the PDF, white space collapsed. */
static char *
page_text(const char *name, int page)
{
	char cmd[1200], *raw, *text;

	snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 -f %d -l %d '%s/%s' -", page, page,
		SCREENS, name);
	raw = test_run(cmd);
	text = test_collapse(raw);
	free(raw);
	return text;
}

/* Every text of the layout is on that page of the PDF, letter for letter. */
static void
assert_texts_on_page(const struct kz_layout *l, const char *name, int page)
{
	char *text = page_text(name, page);

	for (int i = 0; i < l->n; i++) {
		char *want;
		if (l->blocks[i].kind == KZ_BLOCK_RULE || l->blocks[i].kind == KZ_BLOCK_QR)
			continue;
		want = test_collapse(l->blocks[i].text);
		if (strstr(text, want) == NULL)
			fail_msg("%s page %d lacks '%s'; it reads: %s", name, page, want, text);
		free(want);
	}
	free(text);
}

/* An A4 ticket with the phone page's link: its QR code, drawn by cairo,
 * reads back (pdftoppm, zbarimg) as the link. */
static void
test_ticket_qr_code_on_a4(void **state)
{
	static const char link[] = "https://kezek.akmola-zher.kz/t/kZfIQ3y2a5OgLvOHMyn1vg?lang=ru";
	struct kz_ticket_doc d = {.lang = "ru",
		.office = "Отдел земельных отношений",
		.service = "Сдача документов",
		.number = "A-017",
		.issued_at = issued,
		.ahead = 3,
		.link = link};
	struct kz_layout l;
	const struct kz_layout *pages[1] = {&l};
	char err[KZ_ERR_LEN], cmd[1200], *read;

	(void)state;
	if (kz_doc_ticket_layout(&d, KZ_DOTS_58MM, &l, err) != KZ_OK)
		fail_msg("%s", err);
	write_pdf(pages, 1, "ticket-a4-phone.pdf");
	assert_texts_on_page(&l, "ticket-a4-phone.pdf", 1);
	if (system("command -v zbarimg >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1") !=
		0)
		return;
	snprintf(cmd, sizeof cmd,
		"pdftoppm -r 150 -png -singlefile '%s/ticket-a4-phone.pdf' '%s/ticket-a4-phone' && "
		"zbarimg -q --raw '%s/ticket-a4-phone.png'",
		SCREENS, SCREENS, SCREENS);
	read = test_run(cmd);
	read[strcspn(read, "\n")] = '\0';
	assert_string_equal(read, link);
	free(read);
}

static int
pages_of(const char *name)
{
	char cmd[1200], *out, *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "pdfinfo '%s/%s'", SCREENS, name);
	out = test_run(cmd);
	if ((p = strstr(out, "\nPages:")) != NULL)
		n = atoi(p + strlen("\nPages:"));
	free(out);
	return n;
}

/* Whether pdffonts lists face (a subset "XXXXXX+face") as embedded. */
static int
embeds(const char *fonts, const char *face)
{
	char line[512], *tok[16];
	const char *p = fonts;

	while (*p) {
		size_t n = strcspn(p, "\n");
		int k = 0;
		char *plus;
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
		for (char *t = strtok(line, " "); t && k < 16; t = strtok(NULL, " "))
			tok[k++] = t;
		/* name, type (words), encoding, emb, sub, uni, object ID (two) */
		if (k < 7 || (plus = strchr(tok[0], '+')) == NULL || strcmp(plus + 1, face) != 0)
			continue;
		if (strcmp(tok[k - 5], "yes") == 0)
			return 1;
	}
	return 0;
}

/* A grey picture of one page: w x h pixels, 0 black .. 255 white. */
struct grey {
	int w, h;
	unsigned char *px;
};

static struct grey
rasterise(const char *name, int page)
{
	char cmd[1400], path[1024], magic[3] = "";
	struct grey g = {0, 0, NULL};
	int max;
	FILE *f;

	snprintf(path, sizeof path, "%s/ink-%d-%s", SCREENS, page, name);
	snprintf(cmd, sizeof cmd, "pdftoppm -gray -r %d -f %d -l %d -singlefile '%s/%s' '%s'", DPI,
		page, page, SCREENS, name, path);
	free(test_run(cmd));
	strcat(path, ".pgm");
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%2s %d %d %d", magic, &g.w, &g.h, &max), 4);
	assert_string_equal(magic, "P5");
	fgetc(f);
	g.px = malloc((size_t)g.w * g.h);
	assert_non_null(g.px);
	assert_int_equal(fread(g.px, 1, (size_t)g.w * g.h, f), (size_t)g.w * g.h);
	fclose(f);
	remove(path);
	return g;
}

/* The box of pixels darker than mid-grey: left, top, right, bottom (inclusive). */
static void
ink_box(const struct grey *g, int box[4])
{
	box[0] = g->w, box[1] = g->h, box[2] = -1, box[3] = -1;
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++)
			if (g->px[(size_t)y * g->w + x] < 128) {
				box[0] = x < box[0] ? x : box[0];
				box[1] = y < box[1] ? y : box[1];
				box[2] = x > box[2] ? x : box[2];
				box[3] = y > box[3] ? y : box[3];
			}
}

static double
mm(int pixels)
{
	return pixels * 25.4 / DPI;
}

/* The page is A4 (at DPI), its ink inside the 120 mm column, from 25 mm
 * down and clear of the foot's 20 mm. */
static void
assert_tidy_page(const char *name, int page)
{
	struct grey g = rasterise(name, page);
	int box[4];

	assert_true(abs(g.w - 248) <= 1 && abs(g.h - 351) <= 1); /* 210 x 297 mm */
	ink_box(&g, box);
	if (box[2] < 0)
		fail_msg("%s page %d is blank", name, page);
	if (mm(box[0]) < 44 || mm(box[2] + 1) > 166 || mm(box[1]) < 24 || mm(box[3] + 1) > 297 - 19)
		fail_msg("%s page %d: ink from %.0f to %.0f mm across, %.0f to %.0f mm down", name,
			page, mm(box[0]), mm(box[2] + 1), mm(box[1]), mm(box[3] + 1));
	/* centred: as much white on the left as on the right, within 10 mm */
	if (abs(box[0] - (g.w - 1 - box[2])) > 12)
		fail_msg("%s page %d is off centre: %.0f mm left, %.0f mm right", name, page,
			mm(box[0]), mm(g.w - 1 - box[2]));
	free(g.px);
}

static void
test_tickets_as_pdf(void **state)
{
	struct kz_layout l[4] = {ticket("kk", KZ_DOTS_58MM), ticket("ru", KZ_DOTS_58MM),
		ticket("kk", KZ_DOTS_80MM), ticket("ru", KZ_DOTS_80MM)};
	const struct kz_layout *pages[4] = {&l[0], &l[1], &l[2], &l[3]};
	char *text;

	(void)state;
	write_pdf(pages, 4, "ticket-a4.pdf");
	assert_int_equal(pages_of("ticket-a4.pdf"), 4);
	for (int i = 0; i < 4; i++) {
		assert_texts_on_page(&l[i], "ticket-a4.pdf", i + 1);
		assert_tidy_page("ticket-a4.pdf", i + 1);
	}
	/* one language a page: the Kazakh ticket's words are not on the Russian page */
	text = page_text("ticket-a4.pdf", 2);
	assert_null(strstr(text, "Алдыңызда"));
	assert_non_null(strstr(text, "Перед вами 3 человека"));
	assert_non_null(strstr(text, "20.03.2026 10:15"));
	free(text);
	write_pdf(pages, 1, "ticket-a4-kk.pdf");
	assert_int_equal(pages_of("ticket-a4-kk.pdf"), 1);
	free(test_run("pdftoppm -png -r 60 -singlefile '" SCREENS "/ticket-a4-kk.pdf' '" SCREENS
		      "/ticket-a4-kk'"));
}

static void
test_test_page_as_pdf(void **state)
{
	struct kz_layout l[2] = {test_page("kk", KZ_DOTS_58MM), test_page("ru", KZ_DOTS_80MM)};
	const struct kz_layout *pages[2] = {&l[0], &l[1]};
	static const char *const letters[] = {"Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І", "ә", "ғ",
		"қ", "ң", "ө", "ұ", "ү", "һ", "і"};
	char *text;

	(void)state;
	write_pdf(pages, 2, "test-page-a4.pdf");
	assert_int_equal(pages_of("test-page-a4.pdf"), 2);
	for (int i = 0; i < 2; i++) {
		assert_texts_on_page(&l[i], "test-page-a4.pdf", i + 1);
		assert_tidy_page("test-page-a4.pdf", i + 1);
	}
	text = page_text("test-page-a4.pdf", 1);
	assert_non_null(strstr(text, kk_alphabet));
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
		if (strstr(text, letters[i]) == NULL)
			fail_msg("the Kazakh letter %s is not in the PDF's text", letters[i]);
	assert_non_null(strstr(text, "0123456789 № — « »"));
	assert_non_null(strstr(text, "Басып шығару дұрыс болса, принтер дайын"));
	free(text);
	text = page_text("test-page-a4.pdf", 2);
	assert_non_null(strstr(text, ru_alphabet));
	assert_non_null(strstr(text, "Если всё напечатано чётко, принтер готов"));
	free(text);
	free(test_run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile '" SCREENS
		      "/test-page-a4.pdf' '" SCREENS "/test-page-a4-kk'"));
	free(test_run("pdftoppm -png -r 60 -f 2 -l 2 -singlefile '" SCREENS
		      "/test-page-a4.pdf' '" SCREENS "/test-page-a4-ru'"));
}

static void
test_fonts_are_embedded(void **state)
{
	struct kz_layout l = ticket("kk", KZ_DOTS_58MM);
	const struct kz_layout *page = &l;
	char *fonts;

	(void)state;
	write_pdf(&page, 1, "fonts.pdf");
	fonts = test_run("pdffonts '" SCREENS "/fonts.pdf'");
	if (!embeds(fonts, "DejaVuSans") || !embeds(fonts, "DejaVuSans-Bold"))
		fail_msg("the fonts are not both embedded:\n%s", fonts);
	free(fonts);
}

/* A layout far too long for a page is set smaller, on one page, above the foot. */
static void
test_long_layout_fits_one_page(void **state)
{
	struct kz_layout l = test_page("kk", KZ_DOTS_58MM);
	const struct kz_layout *page = &l;

	(void)state;
	while (l.n < KZ_LAYOUT_BLOCKS) {
		l.blocks[l.n] = l.blocks[6]; /* the alphabet, again and again */
		l.n++;
	}
	write_pdf(&page, 1, "long.pdf");
	assert_int_equal(pages_of("long.pdf"), 1);
	assert_texts_on_page(&l, "long.pdf", 1);
	assert_tidy_page("long.pdf", 1);
}

static void
test_pdf_in_memory(void **state)
{
	struct kz_layout l[2] = {ticket("ru", KZ_DOTS_58MM), test_page("ru", KZ_DOTS_58MM)};
	const struct kz_layout *pages[2] = {&l[0], &l[1]};
	struct kz_bytes b = {0};
	char err[KZ_ERR_LEN];
	FILE *f;

	(void)state;
	assert_int_equal(kz_pdf_memory(pages, 2, FONTS, &b, err), KZ_OK);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "%PDF-", 5);
	f = fopen(SCREENS "/memory.pdf", "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
	fclose(f);
	assert_int_equal(pages_of("memory.pdf"), 2);
	assert_texts_on_page(&l[1], "memory.pdf", 2);
	/* a failure leaves what was there */
	b.len = 3;
	assert_int_equal(kz_pdf_memory(pages, 2, "/nonexistent", &b, err), KZ_ECONFIG);
	assert_int_equal(b.len, 3);
	kz_bytes_free(&b);
}

static void
test_bad_requests_are_refused(void **state)
{
	struct kz_layout l = ticket("kk", KZ_DOTS_58MM);
	const struct kz_layout *page = &l;
	char err[KZ_ERR_LEN], path[] = SCREENS "/refused.pdf";

	(void)state;
	remove(path);
	assert_int_equal(kz_pdf_layout(&page, 1, "/nonexistent/fonts", path, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "/nonexistent/fonts/DejaVuSans.ttf"));
	assert_int_equal(access(path, F_OK), -1); /* nothing written */
	assert_int_equal(kz_pdf_layout(&page, 0, FONTS, path, err), KZ_EINVAL);
	assert_non_null(strstr(err, "at least one page"));
	assert_int_equal(kz_pdf_layout(NULL, 1, FONTS, path, err), KZ_EINVAL);
	assert_int_equal(kz_pdf_layout(&page, 1, FONTS, "/nonexistent/dir/x.pdf", err), KZ_EINVAL);
	assert_non_null(strstr(err, "'/nonexistent/dir/x.pdf'"));
	assert_non_null(strstr(err, "No such file"));
	l.n = KZ_LAYOUT_BLOCKS + 1;
	assert_int_equal(kz_pdf_layout(&page, 1, FONTS, path, err), KZ_EINVAL);
	/* malformed UTF-8: refused, and no half-written file left */
	l = ticket("kk", KZ_DOTS_58MM);
	strcpy(l.blocks[0].text, "bad \xC3(");
	assert_int_equal(kz_pdf_layout(&page, 1, FONTS, path, err), KZ_EINVAL);
	assert_non_null(strstr(err, "bad"));
	assert_int_equal(access(path, F_OK), -1);
}

static void
test_test_page_layout(void **state)
{
	struct kz_layout l = test_page("kk", KZ_DOTS_58MM), r = test_page("ru", KZ_DOTS_58MM);
	static const char *const kk_texts[] = {"Принтерді тексеру", "Kiosk-1 (XP-58)",
		"Жер қатынастары бөлімі", "20.03.2026 10:15", kk_alphabet, "0123456789 № — « »",
		"Басып шығару дұрыс болса, принтер дайын"};
	char err[KZ_ERR_LEN];
	int found;

	(void)state;
	for (size_t i = 0; i < sizeof kk_texts / sizeof kk_texts[0]; i++) {
		found = 0;
		for (int k = 0; k < l.n; k++)
			found |= strcmp(l.blocks[k].text, kk_texts[i]) == 0;
		if (!found)
			fail_msg("the Kazakh test page has no block '%s'", kk_texts[i]);
	}
	assert_string_equal(r.blocks[0].text, "Проверка принтера");
	found = 0;
	for (int k = 0; k < r.n; k++)
		found |= strcmp(r.blocks[k].text, ru_alphabet) == 0;
	assert_true(found);
	assert_int_equal(kz_doc_test_layout("en", "P", "O", issued, KZ_DOTS_58MM, &l, err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "'en'"));
	assert_int_equal(kz_doc_test_layout("kk", "P", "O", issued, 400, &l, err), KZ_EINVAL);
	assert_int_equal(kz_doc_test_layout("kk", NULL, "O", issued, KZ_DOTS_58MM, &l, err),
		KZ_EINVAL);
}

/* Columns 0..3 and w-4..w-1 are the paper's edge: always white. */
static void
assert_side_margins_white(const struct kz_bitmap *b)
{
	for (int y = 0; y < b->h; y++)
		for (int x = 0; x < 4; x++)
			if (kz_bitmap_get(b, x, y) || kz_bitmap_get(b, b->w - 1 - x, y))
				fail_msg("ink at the paper's edge: row %d", y);
}

static void
test_test_page_on_thermal_paper(void **state)
{
	static const int widths[] = {KZ_DOTS_58MM, KZ_DOTS_80MM};
	static const char *const langs[] = {"kk", "ru"};
	char err[KZ_ERR_LEN];

	(void)state;
	for (int wi = 0; wi < 2; wi++)
		for (int li = 0; li < 2; li++) {
			struct kz_layout l = test_page(langs[li], widths[wi]);
			struct kz_bitmap *b = NULL;
			char name[64];
			for (int i = 0; i < l.n; i++)
				if (kz_typeset_missing(ts, l.blocks[i].text) != 0)
					fail_msg("the fonts lack letters of '%s'",
						l.blocks[i].text);
			if (kz_layout_bitmap(ts, &l, &b, err) != KZ_OK)
				fail_msg("%s", err);
			assert_int_equal(b->w, widths[wi]);
			if (b->h < 300 || b->h > 1500)
				fail_msg("the test page is %d dots long", b->h);
			assert_side_margins_white(b);
			snprintf(name, sizeof name, "test-page-%d-%s.png", widths[wi], langs[li]);
			test_save_png(b, name);
			kz_bitmap_free(b);
		}
}

/* kz_doc_ticket_bitmap is its layout through kz_layout_bitmap, dot for dot. */
static void
test_layout_bitmap_is_the_ticket(void **state)
{
	struct kz_ticket_doc d = {"ru", "Отдел земельных отношений", "Сдача документов", "A-017",
		issued, 3, 0, 0, NULL, NULL, NULL};
	struct kz_layout l;
	struct kz_bitmap *a, *b;
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_doc_ticket_bitmap(ts, &d, KZ_DOTS_58MM, &a, err), KZ_OK);
	assert_int_equal(kz_doc_ticket_layout(&d, KZ_DOTS_58MM, &l, err), KZ_OK);
	assert_int_equal(kz_layout_bitmap(ts, &l, &b, err), KZ_OK);
	assert_true(kz_bitmap_equal(a, b));
	kz_bitmap_free(a);
	kz_bitmap_free(b);
	l.width = 100;
	assert_int_equal(kz_layout_bitmap(ts, &l, &b, err), KZ_EINVAL);
	assert_null(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tickets_as_pdf),
		cmocka_unit_test(test_test_page_as_pdf),
		cmocka_unit_test(test_fonts_are_embedded),
		cmocka_unit_test(test_long_layout_fits_one_page),
		cmocka_unit_test(test_pdf_in_memory),
		cmocka_unit_test(test_bad_requests_are_refused),
		cmocka_unit_test(test_test_page_layout),
		cmocka_unit_test(test_test_page_on_thermal_paper),
		cmocka_unit_test(test_layout_bitmap_is_the_ticket),
		cmocka_unit_test(test_ticket_qr_code_on_a4),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
