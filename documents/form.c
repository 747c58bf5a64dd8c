/* form.c - the blank application form (Appendix 2) as a layout; see form.h.
 * The form is a table of lines per language; sizes are set for 80 mm and scaled to the width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "form.h"
#include "queue/error.h"
#include "queue/outbox.h"

/* Pixel sizes at 576 dots, where the A4 column is 0.59 pt a dot: body text
 * near 11 pt, as official forms are set, and captions near 8 pt. */
enum size { NOTE = 13, CAPTION = 14, BODY = 19, TITLE = 30 };

/* One line of the form: text, then blanks underscores after a space.  The
 * counts keep a line within 560 dots at its size, so it is never shrunk. */
struct line {
	enum kz_block_kind kind;
	enum size size;
	int bold;
	int align;
	int gap; /* dots from the line above: room for handwriting */
	const char *text;
	int blanks;
};

#define R    KZ_TS_RIGHT
#define L    KZ_TS_LEFT
#define C    KZ_TS_CENTRE
#define HALF 30 /* a blank line in the addressee's half of the page */
#define FULL 56 /* a blank line across the column */
/* U+00A0 (no-break spaces): the paragraph's indent, which wrapping keeps */
#define INDENT "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0"

/* Appendix 2, word for word; its interleaved "_____" become whole blank
 * lines with the captions under them, as a printed form has them. */
static const struct line ru_form[] = {
	{KZ_BLOCK_WRAP, NOTE, 0, R, 0,
		"Приложение 2\nк стандарту государственной услуги\n«Утверждение кадастровой (оценочной) "
		"стоимости\nконкретных земельных участков, продаваемых\nв частную собственность "
		"государством»",
		0},
	{KZ_BLOCK_LINE, BODY, 1, R, 50, "Начальнику ОЗО", 0},
	{KZ_BLOCK_LINE, BODY, 0, R, 30, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0, "(фамилия, имя, отчество)", 0},
	{KZ_BLOCK_LINE, BODY, 0, R, 24, "от", HALF - 2},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(фамилия, имя, отчество физического лица\nлибо полное наименование юридического лица)",
		0},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(реквизиты документа, удостоверяющего личность\nфизического или юридического лица,\n"
		"контактный телефон, адрес)",
		0},
	{KZ_BLOCK_LINE, TITLE, 1, C, 80, "Заявление", 0},
	{KZ_BLOCK_WRAP, BODY, 0, L, 40,
		INDENT "Прошу утвердить акт кадастровой (оценочной) стоимости земельного участка, "
		       "расположенного по адресу",
		14},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", FULL},
	{KZ_BLOCK_WRAP, CAPTION, 0, C, 0, "(место нахождения земельного участка)", 0},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", FULL},
	{KZ_BLOCK_LINE, BODY, 0, L, 90, "Дата", 20},
	{KZ_BLOCK_LINE, BODY, 0, L, 70, "Заявитель", FULL - 10},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(фамилия, имя, отчество физического или наименование\n"
		"юридического лица, либо уполномоченного лица, подпись)",
		0},
};

/* The same form in Kazakh, in the terms of the standard's official Kazakh text. */
static const struct line kk_form[] = {
	{KZ_BLOCK_WRAP, NOTE, 0, R, 0,
		"«Мемлекет жеке меншікке сататын нақты\nжер учаскелерінің кадастрлық (бағалау) құнын "
		"бекіту»\nмемлекеттік көрсетілетін қызмет стандартына\n2-қосымша",
		0},
	{KZ_BLOCK_LINE, BODY, 1, R, 50, "ЖҚБ бастығына", 0},
	{KZ_BLOCK_LINE, BODY, 0, R, 30, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0, "(тегі, аты, әкесінің аты)", 0},
	{KZ_BLOCK_LINE, BODY, 0, R, 24, "Кімнен", HALF - 4},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(жеке тұлғаның тегі, аты, әкесінің аты\nнемесе заңды тұлғаның толық атауы)", 0},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", HALF},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(жеке немесе заңды тұлғаның жеке басын куәландыратын\nқұжатының деректемелері, "
		"байланыс телефоны, мекенжайы)",
		0},
	{KZ_BLOCK_LINE, TITLE, 1, C, 80, "Өтініш", 0},
	{KZ_BLOCK_WRAP, BODY, 0, L, 40,
		INDENT
		"Мына мекенжай бойынша орналасқан жер учаскесінің кадастрлық (бағалау) құнының "
		"актісін бекітуді сұраймын:",
		0},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", FULL},
	{KZ_BLOCK_WRAP, CAPTION, 0, C, 0, "(жер учаскесінің орналасқан жері)", 0},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", FULL},
	{KZ_BLOCK_LINE, BODY, 0, L, 90, "Күні", 20},
	{KZ_BLOCK_LINE, BODY, 0, L, 70, "Өтініш беруші", FULL - 14},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		"(жеке тұлғаның тегі, аты, әкесінің аты немесе заңды тұлғаның атауы,\n"
		"не уәкілетті тұлғаның тегі, аты, әкесінің аты, қолы)",
		0},
};

#define LINES(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* Append line k, its sizes scaled from 576 dots to width, so the A4 page
 * (where any width becomes the same column) looks the same. */
static int
add(struct kz_layout *l, const struct line *k, int width, char *err)
{
	static const char rule[] = "____________________________________________________________";
	struct kz_layout_block *b = &l->blocks[l->n];
	int n, blanks = k->blanks < (int)sizeof rule - 1 ? k->blanks : (int)sizeof rule - 1;

	if (l->n == KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL, "the form has more than %d blocks", KZ_LAYOUT_BLOCKS);
	*b = (struct kz_layout_block){k->kind, k->size * width / KZ_DOTS_80MM, k->bold, k->align,
		k->gap * width / KZ_DOTS_80MM, ""};
	n = snprintf(b->text, sizeof b->text, "%s%s%.*s", k->text, k->text[0] && blanks ? " " : "",
		blanks, rule);
	if (n < 0 || (size_t)n >= sizeof b->text)
		return kz_err(err, KZ_EINVAL,
			"a text of the form is longer than %d bytes: %.40s...",
			KZ_LAYOUT_TEXT_MAX - 1, k->text);
	l->n++;
	return KZ_OK;
}

int
kz_doc_form_layout(const char *lang, int width, struct kz_layout *out, char *err)
{
	const struct line *form;
	int rc = KZ_OK, n;

	if (width != KZ_DOTS_58MM && width != KZ_DOTS_80MM)
		return kz_err(err, KZ_EINVAL,
			"a form is laid out %d (58 mm paper) or %d (80 mm) dots wide, not %d",
			KZ_DOTS_58MM, KZ_DOTS_80MM, width);
	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL, "a form is in Kazakh (kk) or Russian (ru), not '%s'",
			lang ? lang : "");
	form = strcmp(lang, "kk") == 0 ? kk_form : ru_form;
	n = form == kk_form ? LINES(kk_form) : LINES(ru_form);
	kz_doc_start(out, width);
	for (int i = 0; i < n && rc == KZ_OK; i++)
		rc = add(out, &form[i], width, err);
	return rc;
}

int
kz_doc_form_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data, char *err)
{
	const char **lang = malloc(sizeof *lang);

	(void)src;
	if (lang == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a form");
	*lang = job->lang;
	*data = lang;
	return KZ_OK;
}

int
kz_doc_form_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_form_layout(*(const char *const *)data, width, out, err);
}
