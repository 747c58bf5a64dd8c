/* test_form.c - the blank application form (Appendix 2) as one A4 page in each
 * language, read back with poppler-utils, and set on 80 mm thermal paper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <cairo.h>

#include "doc_helpers.h"
#include "ink/bitmap.h"
#include "documents/form.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "queue/error.h"

#define FONTS   KZ_SOURCE_DIR "/assets/fonts"
#define SCREENS KZ_SCREENS_DIR

/* The title and every label of the form, as the PDF's text must give them back. */
static const char *const ru_labels[] = {
	"Приложение 2 к стандарту государственной услуги",
	"«Утверждение кадастровой (оценочной) стоимости конкретных земельных участков, "
	"продаваемых в частную собственность государством»",
	"Начальнику ОЗО",
	"(фамилия, имя, отчество)",
	"от ____",
	"(фамилия, имя, отчество физического лица либо полное наименование юридического лица)",
	"(реквизиты документа, удостоверяющего личность физического или юридического лица, "
	"контактный телефон, адрес)",
	"Заявление",
	"Прошу утвердить акт кадастровой (оценочной) стоимости земельного участка, "
	"расположенного по адресу ____",
	"(место нахождения земельного участка)",
	"Дата ____",
	"Заявитель ____",
	"(фамилия, имя, отчество физического или наименование юридического лица, либо "
	"уполномоченного лица, подпись)",
};

static const char *const kk_labels[] = {
	"«Мемлекет жеке меншікке сататын нақты жер учаскелерінің кадастрлық (бағалау) құнын "
	"бекіту» мемлекеттік көрсетілетін қызмет стандартына 2-қосымша",
	"ЖҚБ бастығына",
	"(тегі, аты, әкесінің аты)",
	"Кімнен ____",
	"(жеке тұлғаның тегі, аты, әкесінің аты немесе заңды тұлғаның толық атауы)",
	"(жеке немесе заңды тұлғаның жеке басын куәландыратын құжатының деректемелері, "
	"байланыс телефоны, мекенжайы)",
	"Өтініш",
	"Мына мекенжай бойынша орналасқан жер учаскесінің кадастрлық (бағалау) құнының актісін "
	"бекітуді сұраймын:",
	"(жер учаскесінің орналасқан жері)",
	"Күні ____",
	"Өтініш беруші ____",
	"(жеке тұлғаның тегі, аты, әкесінің аты немесе заңды тұлғаның атауы, не уәкілетті "
	"тұлғаның тегі, аты, әкесінің аты, қолы)",
};

/* Runs of underscores on the form: the Kazakh request ends before the
 * address, the Russian one runs on into it. */
#define RU_BLANK_LINES 10
#define KK_BLANK_LINES 9

static struct kz_typeset *ts;

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	if (kz_typeset_open(FONTS, &ts, err) != KZ_OK) {
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
	cairo_debug_reset_static_data(); /* so the sanitizer sees pdf.c's fonts freed */
	return 0;
}

static struct kz_layout
form(const char *lang)
{
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	if (kz_doc_form_layout(lang, KZ_DOTS_80MM, &l, err) != KZ_OK)
		fail_msg("%s", err);
	return l;
}

/* Runs of at least 10 underscores in s: the blank lines a visitor fills in. */
static int
blank_lines(const char *s)
{
	int runs = 0, n = 0;

	for (; *s; s++) {
		n = *s == '_' ? n + 1 : 0;
		runs += n == 10;
	}
	return runs;
}

static void
assert_form_pdf(const char *lang, const char *const *labels, size_t nlabels, int blanks)
{
	struct kz_layout l = form(lang);
	const struct kz_layout *page = &l;
	char path[1024], cmd[2400], err[KZ_ERR_LEN], *out, *text, *pages;

	snprintf(path, sizeof path, "%s/form-%s.pdf", SCREENS, lang);
	if (kz_pdf_layout(&page, 1, FONTS, path, err) != KZ_OK)
		fail_msg("%s", err);
	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
	out = test_run(cmd);
	pages = strstr(out, "\nPages:");
	if (pages == NULL || atoi(pages + strlen("\nPages:")) != 1)
		fail_msg("the %s form is not one A4 page:\n%s", lang, out);
	free(out);
	snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 '%s' -", path);
	out = test_run(cmd);
	text = test_collapse(out);
	free(out);
	for (size_t i = 0; i < nlabels; i++)
		if (strstr(text, labels[i]) == NULL)
			fail_msg("the %s form lacks '%s'; it reads: %s", lang, labels[i], text);
	if (blank_lines(text) != blanks)
		fail_msg("the %s form has %d blank lines, not %d: %s", lang, blank_lines(text),
			blanks, text);
	free(text);
	/* to look at: the page as it prints */
	snprintf(cmd, sizeof cmd, "pdftoppm -png -r 60 -singlefile '%s' '%s/form-%s'", path,
		SCREENS, lang);
	free(test_run(cmd));
}

static void
test_russian_form_as_pdf(void **state)
{
	(void)state;
	assert_form_pdf("ru", ru_labels, sizeof ru_labels / sizeof ru_labels[0], RU_BLANK_LINES);
}

static void
test_kazakh_form_as_pdf(void **state)
{
	(void)state;
	assert_form_pdf("kk", kk_labels, sizeof kk_labels / sizeof kk_labels[0], KK_BLANK_LINES);
}

/* One language a form: no Kazakh title on the Russian one, and back. */
static void
test_one_language_a_form(void **state)
{
	struct kz_layout ru = form("ru"), kk = form("kk");

	(void)state;
	for (int i = 0; i < ru.n; i++)
		assert_null(strstr(ru.blocks[i].text, "Өтініш"));
	for (int i = 0; i < kk.n; i++)
		assert_null(strstr(kk.blocks[i].text, "Заявление"));
}

static void
test_form_on_thermal_paper(void **state)
{
	static const char *const langs[] = {"kk", "ru"};
	char err[KZ_ERR_LEN], name[64];

	(void)state;
	for (int li = 0; li < 2; li++) {
		struct kz_layout l = form(langs[li]);
		struct kz_bitmap *b = NULL;
		for (int i = 0; i < l.n; i++)
			if (kz_typeset_missing(ts, l.blocks[i].text) != 0)
				fail_msg("the fonts lack letters of '%s'", l.blocks[i].text);
		if (kz_layout_bitmap(ts, &l, &b, err) != KZ_OK)
			fail_msg("%s", err);
		assert_int_equal(b->w, KZ_DOTS_80MM);
		snprintf(name, sizeof name, "form-%d-%s.png", KZ_DOTS_80MM, langs[li]);
		test_save_png(b, name);
		kz_bitmap_free(b);
	}
}

static void
test_bad_requests_are_refused(void **state)
{
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_doc_form_layout("en", KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	assert_non_null(strstr(err, "'en'"));
	assert_int_equal(kz_doc_form_layout(NULL, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	assert_int_equal(kz_doc_form_layout("ru", 500, &l, err), KZ_EINVAL);
	assert_int_equal(kz_doc_form_layout("kk", KZ_DOTS_58MM, &l, err), KZ_OK);
}

/* The sample of p.10: every blank filled with made-up data, marked as a
 * sample at its top and foot, in one language. */
static void
test_sample_filled_in_and_marked(void **state)
{
	static const struct {
		const char *lang, *mark, *name, *title;
	} cases[] = {
		{"ru", "ОБРАЗЕЦ заполнения", "Примерова Примера Примеровича", "Заявление"},
		{"kk", "толтыру ҮЛГІСІ", "Мысалов Мысал Мысалұлы", "Өтініш"},
	};
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
	for (int c = 0; c < 2; c++) {
		int marks = 0, name = 0, title = 0, rules = 0;
		assert_int_equal(kz_doc_form_sample_layout(cases[c].lang, KZ_DOTS_80MM, &l, err),
			KZ_OK);
		for (int i = 0; i < l.n; i++) {
			marks += strstr(l.blocks[i].text, cases[c].mark) != NULL;
			name += strstr(l.blocks[i].text, cases[c].name) != NULL;
			title += strcmp(l.blocks[i].text, cases[c].title) == 0;
			rules += strstr(l.blocks[i].text, "_____") != NULL;
		}
		assert_int_equal(marks, 2); /* at the top and at the foot */
		assert_int_equal(name, 1);
		assert_int_equal(title, 1);
		assert_true(rules <= 1); /* at most the plot's second line stays to write on */
	}
	assert_int_equal(kz_doc_form_sample_layout("en", KZ_DOTS_80MM, &l, err), KZ_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_russian_form_as_pdf),
		cmocka_unit_test(test_kazakh_form_as_pdf),
		cmocka_unit_test(test_one_language_a_form),
		cmocka_unit_test(test_form_on_thermal_paper),
		cmocka_unit_test(test_sample_filled_in_and_marked),
		cmocka_unit_test(test_bad_requests_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
