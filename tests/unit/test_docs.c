/* test_docs.c - the receipt (p.14), the complaint talon (p.25) and the notice (p.16) in
 * both languages, on 58 and 80 mm paper and as A4 PDF read back; PNGs in screens/. */
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
#include <cairo.h>

#include "doc_helpers.h"
#include "ink/bitmap.h"
#include "documents/documents.h"
#include "documents/notice.h"
#include "documents/receipt.h"
#include "documents/refusal.h"
#include "documents/talon.h"
#include "documents/ticket.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "queue/clock.h"
#include "queue/error.h"

#define FONTS   KZ_SOURCE_DIR "/assets/fonts"
#define SCREENS KZ_SCREENS_DIR

static struct kz_typeset *ts;
static int64_t accepted; /* 20 March 2026, 10:15 in Almaty */

static const char *const langs[] = {"kk", "ru"};
static const int widths[] = {KZ_DOTS_58MM, KZ_DOTS_80MM};

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	if (kz_clock_setup("Asia/Almaty", NULL, err) != KZ_OK ||
		kz_clock_parse_local("2026-03-20T10:15", &accepted, err) != KZ_OK ||
		kz_typeset_open(FONTS, &ts, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	IMG_Init(IMG_INIT_PNG);
	mkdir(SCREENS, 0777);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	kz_typeset_close(ts);
	IMG_Quit();
	cairo_debug_reset_static_data(); /* so the sanitizer sees pdf.c's fonts freed */
	return 0;
}

static int
is_kk(const char *lang)
{
	return strcmp(lang, "kk") == 0;
}

static struct kz_receipt_doc
receipt(const char *lang)
{
	int kk = is_kk(lang);

	return (struct kz_receipt_doc){
		.lang = lang,
		.office = kk ? "Шымкент қаласының жер қатынастары бөлімі"
			     : "Отдел земельных отношений города Шымкент",
		.office_address = kk ? "Шымкент қ., Тәуке хан даңғылы, 5"
				     : "г. Шымкент, проспект Тауке хана, 5",
		.office_phone = "8 (7252) 53-00-00",
		.number = "2026-0001",
		.accepted_at = accepted,
		.service = NULL, /* the standard's name */
		.ndocs = 3,
		.docs = {kk ? "Өтініш" : "Заявление",
			kk ? "Жеке басын куәландыратын құжаттың көшірмесі"
			   : "Копия документа, удостоверяющего личность",
			kk ? "Жер учаскесінің бағалау құнын анықтау актісі"
			   : "Акт определения оценочной стоимости земельного участка"},
		.due = {2026, 4, 3},
		.due_from = 10 * 60,
		.result_place = kk ? "105-кабинет" : "кабинет 105",
		.clerk_name = kk ? "Сейтқали Айгерім Бақытқызы" : "Иванова Мария Петровна",
		.clerk_position = kk ? "бас маман" : "главный специалист",
	};
}

static struct kz_talon_doc
talon(const char *lang)
{
	int kk = is_kk(lang);

	return (struct kz_talon_doc){
		.lang = lang,
		.office = kk ? "Шымкент қаласы әкімінің аппараты" : "Аппарат акима города Шымкент",
		.number = "Ж-0012",
		.registered_at = accepted,
		.taker_name = kk ? "Сейтқали Айгерім Бақытқызы" : "Иванова Мария Петровна",
		.due = {2026, 4, 20}, /* 30 calendar days on, 19 April a Sunday */
		.days = 30,
		.answer_place = kk ? "Шымкент қ., Тәуке хан даңғылы, 5, кеңсе"
				   : "г. Шымкент, проспект Тауке хана, 5, канцелярия",
		.official_name = kk ? "Әбдірахманов Серік" : "Абдрахманов Серик",
		.official_position = kk ? "әкімнің орынбасары" : "заместитель акима",
		.official_phone = "8 (7252) 53-11-11",
		.body_name = kk ? "Оңтүстік Қазақстан облысы әкімінің аппараты"
				: "Аппарат акима Южно-Казахстанской области",
		.body_phone = "8-7252-54-00-00",
		.body_email = "akimat@ontustik.gov.kz",
	};
}

static struct kz_notice_doc
notice(const char *lang)
{
	int kk = is_kk(lang);

	return (struct kz_notice_doc){
		.lang = lang,
		.office = kk ? "Шымкент қаласының жер қатынастары бөлімі"
			     : "Отдел земельных отношений города Шымкент",
		.office_address = kk ? "Шымкент қ., Тәуке хан даңғылы, 5"
				     : "г. Шымкент, проспект Тауке хана, 5",
		.office_phone = "8 (7252) 53-00-00",
		.applicant = kk ? "Жұмабаев Ерлан Серікұлы" : "Петров Пётр Петрович",
		.number = "2026-0001",
		.out_number = "2026-O-0007",
		.out_day = {2026, 3, 20},
		.received_at = accepted,
		.nmissing = 2,
		.missing = {kk ? "Жер учаскесінің бағалау құнын анықтау актісі"
			       : "Акт определения оценочной стоимости земельного участка",
			kk ? "Комиссияның оң қорытындысының көшірмесі"
			   : "Копия положительного заключения комиссии"},
		.until = {2026, 3, 27},
		.clerk_name = kk ? "Сейтқали Айгерім Бақытқызы" : "Иванова Мария Петровна",
		.clerk_position = kk ? "бас маман" : "главный специалист",
	};
}

/* The thermal printout: every letter in the fonts, the paper's edges white. */
static void
check_thermal(const struct kz_layout *l, const char *name)
{
	struct kz_bitmap *b = NULL;
	char err[KZ_ERR_LEN];

	for (int i = 0; i < l->n; i++)
		if (kz_typeset_missing(ts, l->blocks[i].text) != 0)
			fail_msg("%s: the fonts lack letters of '%s'", name, l->blocks[i].text);
	if (kz_layout_bitmap(ts, l, &b, err) != KZ_OK)
		fail_msg("%s: %s", name, err);
	assert_int_equal(b->w, l->width);
	if (b->h < 400 || b->h > 4000)
		fail_msg("%s is %d dots long", name, b->h);
	for (int y = 0; y < b->h; y++)
		for (int x = 0; x < 4; x++)
			if (kz_bitmap_get(b, x, y) || kz_bitmap_get(b, b->w - 1 - x, y))
				fail_msg("%s: ink at the paper's edge, row %d", name, y);
	{
		char png[256];
		snprintf(png, sizeof png, "%s.png", name);
		test_save_png(b, png);
	}
	kz_bitmap_free(b);
}

/* The layout as one A4 page, a PNG of it, and its text read back, collapsed. */
static char *
check_pdf(const struct kz_layout *l, const char *name)
{
	char path[1024], cmd[3200], err[KZ_ERR_LEN], *raw, *text;

	snprintf(path, sizeof path, "%s/%s.pdf", SCREENS, name);
	if (kz_pdf_layout(&l, 1, FONTS, path, err) != KZ_OK)
		fail_msg("%s: %s", name, err);
	snprintf(cmd, sizeof cmd, "pdfinfo '%s' | grep -q '^Pages: *1$'", path);
	free(test_run(cmd));
	snprintf(cmd, sizeof cmd, "pdftoppm -png -r 50 -singlefile '%s' '%s/%s-a4'", path, SCREENS,
		name);
	free(test_run(cmd));
	snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 '%s' -", path);
	raw = test_run(cmd);
	text = test_collapse(raw);
	free(raw);
	return text;
}

/* The page says want (spaces of any kind and line breaks aside). */
static void
assert_says(const char *text, const char *want, const char *name)
{
	char *w = test_collapse(want);

	if (strstr(text, w) == NULL)
		fail_msg("%s does not say '%s'; it reads: %s", name, w, text);
	free(w);
}

/* A Kazakh printout has no Russian-only word; a Russian one no Kazakh letter. */
static void
assert_one_language(const char *text, const char *lang, const char *name)
{
	static const char *const ru_only[] = {"Дата", "Телефон", "заявлени", "документы", "жалоб",
		"Срок", "Место", "подпись"};
	static const char *const kk_letters[] = {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә",
		"Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"};
	const char *const *bad = is_kk(lang) ? ru_only : kk_letters;
	size_t n = is_kk(lang) ? sizeof ru_only / sizeof *ru_only
			       : sizeof kk_letters / sizeof *kk_letters;

	for (size_t i = 0; i < n; i++)
		if (strstr(text, bad[i]) != NULL)
			fail_msg("%s (%s) has '%s': %s", name, lang, bad[i], text);
}

static void
test_receipt_says_what_p14_requires(void **state)
{
	(void)state;
	for (int wi = 0; wi < 2; wi++) {
		for (int li = 0; li < 2; li++) {
			const char *lang = langs[li];
			struct kz_receipt_doc d = receipt(lang);
			struct kz_layout l;
			char err[KZ_ERR_LEN], name[64], *text;

			if (kz_doc_receipt_layout(&d, widths[wi], &l, err) != KZ_OK)
				fail_msg("%s", err);
			snprintf(name, sizeof name, "receipt-%s-%d", lang, widths[wi]);
			check_thermal(&l, name);
			snprintf(name, sizeof name, "receipt-%s%s", lang, wi ? "-80" : "");
			text = check_pdf(&l, name);
			assert_says(text,
				is_kk(lang) ? "Құжаттарды қабылдау туралы қолхат"
					    : "Расписка о приёме документов",
				name);
			/* 1) number and date of the request */
			assert_says(text,
				is_kk(lang) ? "№ 2026-0001, 20.03.2026 ж."
					    : "№ 2026-0001 от 20.03.2026",
				name);
			/* 2) the service, by the standard's name */
			assert_says(text,
				is_kk(lang)
					? "Жер учаскелерінің кадастрлық (бағалау) құнын бекіту"
					: "Утверждение кадастровой (оценочной) стоимости "
					  "конкретных земельных участков, продаваемых в частную "
					  "собственность государством",
				name);
			/* 3) how many documents, and each by name */
			assert_says(text,
				is_kk(lang) ? "Қабылданған құжаттар саны: 3"
					    : "Принято документов: 3",
				name);
			for (int i = 0; i < d.ndocs; i++) {
				char item[256];
				snprintf(item, sizeof item, "%d. %s", i + 1, d.docs[i]);
				assert_says(text, item, name);
			}
			/* 4) the date, time and place of issue */
			assert_says(text,
				is_kk(lang) ? "03.04.2026 ж., сағат 10:00" : "03.04.2026, в 10:00",
				name);
			assert_says(text, d.office_address, name);
			assert_says(text, d.result_place, name);
			/* 5) who accepted: full name and position */
			assert_says(text, d.clerk_name, name);
			assert_says(text, d.clerk_position, name);
			assert_says(text, "8 (7252) 53-00-00", name);
			assert_one_language(text, lang, name);
			free(text);
		}
	}
}

static void
test_receipt_with_office_hours_and_own_service(void **state)
{
	struct kz_receipt_doc ru = receipt("ru"), kk = receipt("kk");
	struct kz_layout l;
	char err[KZ_ERR_LEN], *text;

	(void)state;
	ru.due_from = 9 * 60, ru.due_to = 18 * 60 + 30;
	ru.service = "Сдача документов";
	ru.ndocs = KZ_DOC_MAX_DOCS;
	for (int i = 3; i < KZ_DOC_MAX_DOCS; i++)
		ru.docs[i] = "Копия доверенности";
	assert_int_equal(kz_doc_receipt_layout(&ru, KZ_DOTS_58MM, &l, err), KZ_OK);
	check_thermal(&l, "receipt-ru-10docs");
	text = check_pdf(&l, "receipt-ru-10docs");
	assert_says(text, "03.04.2026, с 9:00 до 18:30", "receipt-ru-10docs");
	assert_says(text, "Сдача документов", "receipt-ru-10docs");
	assert_says(text, "Принято документов: 10", "receipt-ru-10docs");
	assert_says(text, "10. Копия доверенности", "receipt-ru-10docs");
	free(text);
	kk.due_from = 9 * 60, kk.due_to = 18 * 60;
	assert_int_equal(kz_doc_receipt_layout(&kk, KZ_DOTS_58MM, &l, err), KZ_OK);
	text = check_pdf(&l, "receipt-kk-hours");
	assert_says(text, "03.04.2026 ж., сағат 9:00–18:00", "receipt-kk-hours");
	free(text);
}

static void
test_talon_says_what_p25_requires(void **state)
{
	(void)state;
	for (int wi = 0; wi < 2; wi++) {
		for (int li = 0; li < 2; li++) {
			const char *lang = langs[li];
			struct kz_talon_doc d = talon(lang);
			struct kz_layout l;
			char err[KZ_ERR_LEN], name[64], *text;

			if (kz_doc_talon_layout(&d, widths[wi], &l, err) != KZ_OK)
				fail_msg("%s", err);
			snprintf(name, sizeof name, "talon-%s-%d", lang, widths[wi]);
			check_thermal(&l, name);
			snprintf(name, sizeof name, "talon-%s%s", lang, wi ? "-80" : "");
			text = check_pdf(&l, name);
			assert_says(text, "Талон", name);
			assert_says(text, "№ Ж-0012", name);
			/* the date and time it was registered */
			assert_says(text, "20.03.2026 10:15", name);
			/* the surname and initials of who took it, not the full name */
			assert_says(text,
				is_kk(lang) ? "Шағымды қабылдаған: Сейтқали А. Б."
					    : "Жалобу принял(а): Иванова М. П.",
				name);
			if (strstr(text, is_kk(lang) ? "Айгерім" : "Мария") != NULL)
				fail_msg("%s prints the full name: %s", name, text);
			/* when and where the answer comes */
			assert_says(text,
				is_kk(lang) ? "20.04.2026 ж. дейін (30 күнтізбелік күн)"
					    : "до 20.04.2026 (30 календарных дней)",
				name);
			assert_says(text, d.answer_place, name);
			/* whom to ask: the official, then the Appendix 5 body */
			assert_says(text, d.official_name, name);
			assert_says(text, d.official_position, name);
			assert_says(text, "8 (7252) 53-11-11", name);
			assert_says(text, d.body_name, name);
			assert_says(text, "8-7252-54-00-00", name);
			assert_says(text, "akimat@ontustik.gov.kz", name);
			assert_one_language(text, lang, name);
			free(text);
		}
	}
}

static void
test_notice_says_what_p16_requires(void **state)
{
	(void)state;
	for (int wi = 0; wi < 2; wi++) {
		for (int li = 0; li < 2; li++) {
			const char *lang = langs[li];
			struct kz_notice_doc d = notice(lang);
			struct kz_layout l;
			char err[KZ_ERR_LEN], name[64], *text;

			if (kz_doc_notice_layout(&d, widths[wi], &l, err) != KZ_OK)
				fail_msg("%s", err);
			snprintf(name, sizeof name, "notice-%s-%d", lang, widths[wi]);
			check_thermal(&l, name);
			snprintf(name, sizeof name, "notice-%s%s", lang, wi ? "-80" : "");
			text = check_pdf(&l, name);
			assert_says(text, is_kk(lang) ? "Хабарлама" : "Уведомление", name);
			assert_says(text, d.applicant, name);
			assert_says(text,
				is_kk(lang) ? "20.03.2026 ж. № 2026-0001 өтініш бойынша"
					    : "По заявлению № 2026-0001 от 20.03.2026",
				name);
			/* its own date and outgoing number */
			assert_says(text,
				is_kk(lang) ? "20.03.2026 ж. шығыс № 2026-O-0007"
					    : "Исх. № 2026-O-0007 от 20.03.2026",
				name);
			/* which documents are missing */
			for (int i = 0; i < d.nmissing; i++) {
				char item[256];
				snprintf(item, sizeof item, "%d. %s", i + 1, d.missing[i]);
				assert_says(text, item, name);
			}
			/* the term of the suspension */
			assert_says(text,
				is_kk(lang) ? "Тоқтата тұру мерзімі: 27.03.2026 ж. дейін"
					    : "Срок приостановления: до 27.03.2026",
				name);
			/* what to do next, and where */
			assert_says(text,
				is_kk(lang) ? "жетіспейтін құжаттарды"
					    : "представьте недостающие документы",
				name);
			assert_says(text, d.office_address, name);
			assert_says(text, "8 (7252) 53-00-00", name);
			/* who wrote it */
			assert_says(text, d.clerk_name, name);
			assert_says(text, d.clerk_position, name);
			assert_one_language(text, lang, name);
			free(text);
		}
	}
}

static struct kz_refusal_doc
refusal(const char *lang, int lapsed)
{
	int kk = is_kk(lang);
	struct kz_refusal_doc d = {
		.lang = lang,
		.office = kk ? "Шымкент қаласының жер қатынастары бөлімі"
			     : "Отдел земельных отношений города Шымкент",
		.office_address = kk ? "Шымкент қ., Тәуке хан даңғылы, 5"
				     : "г. Шымкент, проспект Тауке хана, 5",
		.office_phone = "8 (7252) 53-00-00",
		.office_official =
			kk ? "бөлім басшысының орынбасары" : "заместитель начальника отдела",
		.out_number = "2026-O-0012",
		.out_day = {2026, 3, 27},
		.applicant = kk ? "Жұмабаев Ерлан Серікұлы" : "Петров Пётр Петрович",
		.number = "2026-0001",
		.received_at = accepted,
		.body_official = kk ? "әкімнің орынбасары" : "заместитель акима",
		.body_name =
			kk ? "Шымкент қаласы әкімінің аппараты" : "Аппарат акима города Шымкент",
		.body_address =
			kk ? "Шымкент қ., Әйтеке би к-сі, 17" : "г. Шымкент, ул. Айтеке би, 17",
		.body_phone = "8-7252-54-00-00",
		.body_email = "akimat@shymkent.gov.kz",
		.clerk_name = kk ? "Сейтқали Айгерім Бақытқызы" : "Иванова Мария Петровна",
		.clerk_position = kk ? "бас маман" : "главный специалист",
	};

	if (lapsed) {
		d.nmissing = 1;
		d.missing[0] = kk ? "Комиссияның оң қорытындысының көшірмесі"
				  : "Копия положительного заключения комиссии";
		d.until = (struct kz_date){2026, 3, 26};
	} else {
		d.reason = kk ? "Актідегі түзету коэффициенті учаске аймағына сәйкес келмейді.\n"
				"Актідегі алаң сәйкестендіру құжатымен сәйкес келмейді."
			      : "Поправочный коэффициент в акте не соответствует зоне участка.\n"
				"Площадь в акте расходится с идентификационным документом.";
	}
	return d;
}

/* The motivated refusal (p.5): number and date, the grounds, the appeal of
 * p.20-25, read back from the A4 page field by field, in both languages. */
static void
test_refusal_says_what_p5_and_p20_25_require(void **state)
{
	(void)state;
	for (int lapsed = 0; lapsed < 2; lapsed++) {
		for (int li = 0; li < 2; li++) {
			const char *lang = langs[li];
			int kk = is_kk(lang);
			struct kz_refusal_doc d = refusal(lang, lapsed);
			struct kz_layout l;
			char err[KZ_ERR_LEN], name[64], *text;

			if (kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err) != KZ_OK)
				fail_msg("%s", err);
			snprintf(name, sizeof name, "refusal-%s%s", lang, lapsed ? "-lapsed" : "");
			text = check_pdf(&l, name);
			assert_says(text, d.office, name);
			assert_says(text,
				kk ? "27.03.2026 ж. шығыс № 2026-O-0012"
				   : "Исх. № 2026-O-0012 от 27.03.2026",
				name);
			assert_says(text,
				kk ? "Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап"
				   : "Мотивированный ответ об отказе в оказании государственной "
				     "услуги",
				name);
			assert_says(text, d.applicant, name);
			assert_says(text,
				kk ? "20.03.2026 ж. № 2026-0001 өтініш бойынша"
				   : "По заявлению № 2026-0001 от 20.03.2026",
				name);
			/* the grounds */
			if (lapsed) {
				assert_says(text,
					kk ? "тоқтата тұру мерзімінде (26.03.2026 ж. дейін) "
					     "ұсынылмады"
					   : "В срок приостановления (до 26.03.2026) не "
					     "представлены документы",
					name);
				assert_says(text, d.missing[0], name);
			} else {
				assert_says(text,
					kk ? "Актідегі түзету коэффициенті учаске аймағына "
					     "сәйкес келмейді."
					   : "Поправочный коэффициент в акте не соответствует "
					     "зоне участка.",
					name);
				assert_says(text,
					kk ? "Актідегі алаң сәйкестендіру құжатымен"
					   : "Площадь в акте расходится",
					name);
			}
			/* p.20: who explains the appeal */
			assert_says(text, d.office_official, name);
			assert_says(text, "8 (7252) 53-00-00 (", name);
			/* p.21, p.22: where complaints go, with the contacts of App. 5 */
			assert_says(text,
				kk ? "жауапты лауазымды адамның атына"
				   : "на имя ответственного должностного лица",
				name);
			assert_says(text, d.body_official, name);
			assert_says(text, d.body_address, name);
			assert_says(text, "8-7252-54-00-00", name);
			assert_says(text,
				kk ? "аппаратының басшысының атына"
				   : "на имя руководителя аппарата",
				name);
			/* p.24, p.25: how it is filed and its terms */
			assert_says(text, "akimat@shymkent.gov.kz", name);
			assert_says(text,
				kk ? "30 күнтізбелік күн, ал қосымша ақпарат алуды және "
				     "зерделеуді талап етпейтін шағымды — 15 күнтізбелік күн"
				   : "30 календарных дней, а не требующей получения "
				     "дополнительной информации и изучения — 15 календарных дней",
				name);
			/* p.23: the court */
			assert_says(text, kk ? "сотқа жүгінуге" : "обратиться в суд", name);
			assert_says(text, d.clerk_name, name);
			assert_says(text, d.clerk_position, name);
			assert_one_language(text, lang, name);
			free(text);
		}
	}
}

static void
test_refusal_refuses_missing_fields(void **state)
{
	struct kz_refusal_doc d = refusal("ru", 0);
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
	d.out_number = NULL;
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	d = refusal("ru", 0);
	d.reason = NULL; /* no grounds at all */
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	assert_non_null(strstr(err, "grounds"));
	d = refusal("ru", 1);
	d.reason = "и то и другое";
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	d = refusal("ru", 0);
	d.body_official = "";
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	d = refusal("en", 0);
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_EINVAL);
	d = refusal("kk", 0);
	assert_int_equal(kz_doc_refusal_layout(&d, KZ_DOTS_80MM, &l, err), KZ_OK);
}

static void
assert_initials(const char *full, const char *want)
{
	char out[128];

	if (kz_doc_initials(full, out, sizeof out) != KZ_OK)
		fail_msg("no initials of '%s'", full);
	if (strcmp(out, want) != 0)
		fail_msg("'%s' gives '%s', not '%s'", full, out, want);
}

static void
test_initials(void **state)
{
	char small[8];

	(void)state;
	assert_initials("Иванова Мария Петровна", "Иванова М. П.");
	assert_initials("Сейтқали Айгерім Бақытқызы", "Сейтқали А. Б.");
	assert_initials("Әбдірахманов Өмірзақ Ұланұлы", "Әбдірахманов Ө. Ұ.");
	assert_initials("Нұрланов Ерлан Бақыт ұлы", "Нұрланов Е. Б.");
	assert_initials("Ким Анна-Мария", "Ким А.-М.");
	assert_initials("Сейтқали", "Сейтқали");
	assert_initials("   Петров    Пётр \t Петрович  ", "Петров П. П.");
	assert_int_equal(kz_doc_initials("", small, sizeof small), KZ_EINVAL);
	assert_int_equal(kz_doc_initials("   ", small, sizeof small), KZ_EINVAL);
	assert_int_equal(kz_doc_initials(NULL, small, sizeof small), KZ_EINVAL);
	assert_int_equal(kz_doc_initials("Иванова Мария", small, sizeof small), KZ_EINVAL);
}

static void
test_receipt_refuses_missing_fields(void **state)
{
	struct kz_receipt_doc d;
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
#define REFUSED(...)                                                                               \
	do {                                                                                       \
		d = receipt("ru");                                                                 \
		__VA_ARGS__;                                                                       \
		if (kz_doc_receipt_layout(&d, KZ_DOTS_58MM, &l, err) != KZ_EINVAL)                 \
			fail_msg("a receipt with %s is not refused", #__VA_ARGS__);                \
	} while (0)
	REFUSED(d.office = NULL);
	REFUSED(d.office_address = "");
	REFUSED(d.office_phone = NULL);
	REFUSED(d.number = "");
	REFUSED(d.service = "");
	REFUSED(d.ndocs = 0);
	REFUSED(d.ndocs = KZ_DOC_MAX_DOCS + 1);
	REFUSED(d.docs[1] = NULL);
	REFUSED(d.due = (struct kz_date){2026, 2, 30});
	REFUSED(d.due = (struct kz_date){0, 0, 0});
	REFUSED(d.due_from = 0);
	REFUSED(d.due_to = 9 * 60);
	REFUSED(d.clerk_name = NULL);
	REFUSED(d.clerk_position = "");
	REFUSED(d.lang = "en");
	REFUSED(d.lang = NULL);
#undef REFUSED
	d = receipt("kk");
	assert_int_equal(kz_doc_receipt_layout(&d, 500, &l, err), KZ_EINVAL);
	assert_non_null(strstr(err, "500"));
}

static void
test_talon_refuses_missing_fields(void **state)
{
	struct kz_talon_doc d;
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
#define REFUSED(...)                                                                               \
	do {                                                                                       \
		d = talon("kk");                                                                   \
		__VA_ARGS__;                                                                       \
		if (kz_doc_talon_layout(&d, KZ_DOTS_80MM, &l, err) != KZ_EINVAL)                   \
			fail_msg("a talon with %s is not refused", #__VA_ARGS__);                  \
	} while (0)
	REFUSED(d.office = NULL);
	REFUSED(d.number = NULL);
	REFUSED(d.taker_name = "   ");
	REFUSED(d.answer_place = NULL);
	REFUSED(d.official_name = "");
	REFUSED(d.official_position = NULL);
	REFUSED(d.official_phone = NULL);
	REFUSED(d.body_name = NULL);
	REFUSED(d.body_phone = "");
	REFUSED(d.body_email = NULL);
	REFUSED(d.days = 20);
	REFUSED(d.due = (struct kz_date){2026, 4, 1}); /* before 30 days are out */
	REFUSED(d.due = (struct kz_date){2026, 4, 31});
	REFUSED(d.lang = "kz");
#undef REFUSED
	d = talon("ru");
	d.days = 15;
	d.due = (struct kz_date){2026, 4, 6}; /* 4 April a Saturday: moved on */
	assert_int_equal(kz_doc_talon_layout(&d, KZ_DOTS_58MM, &l, err), KZ_OK);
	assert_int_equal(kz_doc_talon_layout(&d, 0, &l, err), KZ_EINVAL);
}

static void
test_notice_refuses_missing_fields(void **state)
{
	struct kz_notice_doc d;
	struct kz_layout l;
	char err[KZ_ERR_LEN];

	(void)state;
#define REFUSED(...)                                                                               \
	do {                                                                                       \
		d = notice("ru");                                                                  \
		__VA_ARGS__;                                                                       \
		if (kz_doc_notice_layout(&d, KZ_DOTS_58MM, &l, err) != KZ_EINVAL)                  \
			fail_msg("a notice with %s is not refused", #__VA_ARGS__);                 \
	} while (0)
	REFUSED(d.office = NULL);
	REFUSED(d.office_address = NULL);
	REFUSED(d.office_phone = "");
	REFUSED(d.applicant = NULL);
	REFUSED(d.number = "");
	REFUSED(d.nmissing = 0);
	REFUSED(d.missing[0] = "");
	REFUSED(d.until = (struct kz_date){2026, 3, 19}); /* before the request */
	REFUSED(d.until = (struct kz_date){2026, 13, 1});
	REFUSED(d.until = (struct kz_date){2026, 3, 32});
	REFUSED(d.clerk_name = NULL);
	REFUSED(d.clerk_position = NULL);
	REFUSED(d.lang = "");
#undef REFUSED
	d = notice("kk");
	assert_int_equal(kz_doc_notice_layout(&d, 383, &l, err), KZ_EINVAL);
}

/* The table of documents: a row for every kind, each where it may go. */
static void
test_every_kind_has_its_row(void **state)
{
	(void)state;
	assert_null(kz_document(KZ_DOC_NONE));
	assert_null(kz_document(KZ_DOC_COUNT));
	for (int k = KZ_DOC_NONE + 1; k < KZ_DOC_COUNT; k++) {
		const struct kz_document *d = kz_document((enum kz_doc_kind)k);
		assert_non_null(d);
		assert_int_equal(d->kind, k);
		assert_non_null(d->what);
		assert_int_not_equal(d->papers, 0);
		/* made from a print job with both, or by its own command with neither */
		assert_int_equal(d->load == NULL, d->lay_out == NULL);
	}
	assert_int_equal(kz_document(KZ_DOC_FORM)->papers, KZ_PAPER_A4);
	assert_int_equal(kz_document(KZ_DOC_REPORT)->papers, KZ_PAPER_A4);
	assert_int_equal(kz_document(KZ_DOC_REFUSAL)->papers, KZ_PAPER_A4); /* a letter */
	assert_int_equal(kz_document(KZ_DOC_TICKET)->papers, KZ_PAPER_ANY);
}

/* The message err holds says want. */
static void
has(const char *err, const char *want, const char *name)
{
	if (strstr(err, want) == NULL)
		fail_msg("%s: '%s' lacks '%s'", name, err, want);
}

/* An A4-only document on a thermal roll is refused saying what, where and
 * what to do; on A4, and anything else anywhere, it is taken. */
static void
test_a4_only_documents_are_refused_on_rolls(void **state)
{
	static struct kz_config cfg = {.path = "/etc/kezek/hall.ini"};
	struct kz_printer_conf roll = {.name = "kiosk-1",
		.role = KZ_ROLE_TICKETS,
		.transport = KZ_TRANSPORT_USB,
		.paper = 80};
	struct kz_printer_conf a4 = {.name = "office",
		.role = KZ_ROLE_A4,
		.transport = KZ_TRANSPORT_CUPS};
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_document_paper(&roll), KZ_PAPER_80MM);
	assert_int_equal(kz_document_paper(&a4), KZ_PAPER_A4);
	roll.paper = 58;
	assert_int_equal(kz_document_paper(&roll), KZ_PAPER_58MM);
	assert_int_equal(kz_document_check_paper(KZ_DOC_FORM, &cfg, &roll, err), KZ_EINVAL);
	has(err, "cannot print a blank application form (App. 2) on 'kiosk-1'", "what, where");
	has(err, "A4 paper only", "why");
	has(err, "58 mm", "the roll");
	has(err, "role a4 of /etc/kezek/hall.ini", "what to do");
	assert_int_equal(kz_document_check_paper(KZ_DOC_REPORT, &cfg, &roll, err), KZ_EINVAL);
	has(err, "managers' report", "the report too");
	assert_int_equal(kz_document_check_paper(KZ_DOC_FORM, &cfg, &a4, err), KZ_OK);
	assert_int_equal(kz_document_check_paper(KZ_DOC_REPORT, &cfg, &a4, err), KZ_OK);
	/* the sample filled-in form is an A4 page as the blank one */
	assert_int_equal(kz_document_check_paper(KZ_DOC_FORM_SAMPLE, &cfg, &roll, err), KZ_EINVAL);
	has(err, "A4 paper only", "the sample too");
	assert_int_equal(kz_document_check_paper(KZ_DOC_FORM_SAMPLE, &cfg, &a4, err), KZ_OK);
	for (int k = KZ_DOC_TICKET; k < KZ_DOC_COUNT; k++)
		if (k != KZ_DOC_FORM && k != KZ_DOC_FORM_SAMPLE && k != KZ_DOC_REPORT &&
			k != KZ_DOC_REFUSAL) {
			assert_int_equal(kz_document_check_paper((enum kz_doc_kind)k, &cfg, &roll,
						 err),
				KZ_OK);
			assert_int_equal(kz_document_check_paper((enum kz_doc_kind)k, &cfg, &a4,
						 err),
				KZ_OK);
		}
	assert_int_equal(kz_document_check_paper(KZ_DOC_NONE, &cfg, &roll, err), KZ_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_has_its_row),
		cmocka_unit_test(test_a4_only_documents_are_refused_on_rolls),
		cmocka_unit_test(test_receipt_says_what_p14_requires),
		cmocka_unit_test(test_receipt_with_office_hours_and_own_service),
		cmocka_unit_test(test_talon_says_what_p25_requires),
		cmocka_unit_test(test_notice_says_what_p16_requires),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_receipt_refuses_missing_fields),
		cmocka_unit_test(test_talon_refuses_missing_fields),
		cmocka_unit_test(test_notice_refuses_missing_fields),
		cmocka_unit_test(test_refusal_says_what_p5_and_p20_25_require),
		cmocka_unit_test(test_refusal_refuses_missing_fields),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
