/* form.c - the application form (Appendix 2), blank or as a sample, as a layout; see form.h.
 * The form is one table of lines for both languages; sizes are set for 80 mm and scaled to the
 * width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "form.h"
#include "queue/error.h"
#include "queue/i18n.h"
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
	int gap;            /* dots from the line above: room for handwriting */
	const char *text;   /* an English msgid (N), or "" */
	int blanks[2];      /* in Kazakh, in Russian */
	const char *sample; /* the sample's made-up entry for the blank, or NULL */
};

#define R    KZ_TS_RIGHT
#define L    KZ_TS_LEFT
#define C    KZ_TS_CENTRE
#define HALF 30 /* a blank line in the addressee's half of the page */
#define FULL 56 /* a blank line across the column */
#define SAME(n)                                                                                    \
	{                                                                                          \
		(n), (n)                                                                           \
	}
/* U+00A0 (no-break spaces): the paragraph's indent, which wrapping keeps */
#define INDENT "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0"

/* Appendix 2, word for word, in the English the catalogues translate
 * (Russian as the standard has it, Kazakh as its official text); its
 * interleaved "_____" become whole blank lines with the captions under
 * them, as a printed form has them.  The sample fills a blank with an
 * obviously made-up example (p.10: a filled-in form beside the blank one).
 * Both languages share the lines; only some blanks differ in length, where
 * the words before them are longer or shorter in one language. */
static const struct line form[] = {
	{KZ_BLOCK_WRAP, NOTE, 0, R, 0, N("Appendix 2 to the state service standard (its title)"),
		SAME(0), NULL},
	{KZ_BLOCK_LINE, BODY, 1, R, 50, N("To the head of the land relations office"), SAME(0),
		NULL},
	{KZ_BLOCK_LINE, BODY, 0, R, 30, "", SAME(HALF), N("sample: the head's full name")},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0, N("(surname, name, patronymic)"), SAME(0), NULL},
	{KZ_BLOCK_LINE, BODY, 0, R, 24, N("from"), {HALF - 4, HALF - 2},
		N("sample: the applicant's full name")},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", SAME(HALF), NULL},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0, N("(an individual's name or a legal entity's full name)"),
		SAME(0), NULL},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", SAME(HALF), N("sample: the identity document")},
	{KZ_BLOCK_LINE, BODY, 0, R, 26, "", SAME(HALF), N("sample: the phone and the address")},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0, N("(identity document, contact phone, address)"), SAME(0),
		NULL},
	{KZ_BLOCK_LINE, TITLE, 1, C, 80, N("Application"), SAME(0), NULL},
	{KZ_BLOCK_WRAP, BODY, 0, L, 40, N("I ask to approve the act of the plot at the address"),
		{0, 14}, NULL},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", SAME(FULL), N("sample: the land plot's address")},
	{KZ_BLOCK_WRAP, CAPTION, 0, C, 0, N("(where the land plot is)"), SAME(0), NULL},
	{KZ_BLOCK_LINE, BODY, 0, C, 34, "", SAME(FULL), NULL},
	{KZ_BLOCK_LINE, BODY, 0, L, 90, N("Date"), SAME(20), N("sample: the date")},
	{KZ_BLOCK_LINE, BODY, 0, L, 70, N("Applicant"), {FULL - 14, FULL - 10},
		N("sample: the applicant's signature")},
	{KZ_BLOCK_WRAP, CAPTION, 0, R, 0,
		N("(the applicant's or the authorised person's name, signature)"), SAME(0), NULL},
};

#define LINES(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* Append line k, its sizes scaled from 576 dots to width, so the A4 page
 * (where any width becomes the same column) looks the same. */
static int
add(struct kz_layout *l, const struct line *k, const char *lang, int sample, int width, char *err)
{
	static const char rule[] = "____________________________________________________________";
	struct kz_layout_block *b = &l->blocks[l->n];
	int n, blanks = k->blanks[strcmp(lang, "kk") != 0];

	if (blanks > (int)sizeof rule - 1)
		blanks = (int)sizeof rule - 1;
	const char *text = k->text[0] ? kz_tr(lang, k->text) : "";

	if (l->n == KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL, "the form has more than %d blocks", KZ_LAYOUT_BLOCKS);
	*b = (struct kz_layout_block){k->kind, k->size * width / KZ_DOTS_80MM, k->bold, k->align,
		k->gap * width / KZ_DOTS_80MM, ""};
	if (sample && k->sample == NULL && blanks && k->text[0] == '\0')
		return KZ_OK; /* a spare line for handwriting: the sample needs none */
	if (sample && k->sample == NULL)
		blanks = 0;
	if (sample && k->sample != NULL) /* the made-up entry, in place of the blank */
		n = snprintf(b->text, sizeof b->text, "%s%s%s", text, text[0] ? " " : "",
			kz_tr(lang, k->sample));
	else
		n = snprintf(b->text, sizeof b->text, "%s%s%.*s", text,
			text[0] && blanks ? " " : "", blanks, rule);
	if (n < 0 || (size_t)n >= sizeof b->text)
		return kz_err(err, KZ_EINVAL,
			"a text of the form is longer than %d bytes: %.40s...",
			KZ_LAYOUT_TEXT_MAX - 1, text);
	l->n++;
	return KZ_OK;
}

/* The sample's mark, at the top and the foot: no one takes it for a real
 * application or hands it in. */
static int
add_mark(struct kz_layout *l, const char *lang, int width, int gap, char *err)
{
	return kz_layout_add(l, KZ_BLOCK_WRAP, BODY * width / KZ_DOTS_80MM, 1, KZ_TS_CENTRE,
		gap * width / KZ_DOTS_80MM, err, "%s",
		kz_tr(lang,
			"SAMPLE of a filled-in application: the data are made up; "
			"fill in a blank form with your own"));
}

static int
form_layout(const char *lang, int sample, int width, struct kz_layout *out, char *err)
{
	int rc = KZ_OK;

	if (width != KZ_DOTS_58MM && width != KZ_DOTS_80MM)
		return kz_err(err, KZ_EINVAL,
			"a form is laid out %d (58 mm paper) or %d (80 mm) dots wide, not %d",
			KZ_DOTS_58MM, KZ_DOTS_80MM, width);
	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL, "a form is in Kazakh (kk) or Russian (ru), not '%s'",
			lang ? lang : "");
	if (kz_i18n_current() == NULL)
		return kz_err(err, KZ_ECONFIG,
			"a form needs the translations (po/ of the data directory), which are not "
			"loaded");
	kz_doc_start(out, width);
	if (sample)
		rc = add_mark(out, lang, width, 0, err);
	for (int i = 0; i < LINES(form) && rc == KZ_OK; i++)
		rc = add(out, &form[i], lang, sample, width, err);
	if (sample && rc == KZ_OK)
		rc = add_mark(out, lang, width, 40, err);
	return rc;
}

int
kz_doc_form_layout(const char *lang, int width, struct kz_layout *out, char *err)
{
	return form_layout(lang, 0, width, out, err);
}

int
kz_doc_form_sample_layout(const char *lang, int width, struct kz_layout *out, char *err)
{
	return form_layout(lang, 1, width, out, err);
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

int
kz_doc_form_sample_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	return kz_doc_form_sample_layout(*(const char *const *)data, width, out, err);
}
