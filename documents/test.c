/* test.c - the printer test page as a layout; see test.h.
 * The same sizes as the ticket's, in quarters of the 58 mm ones, so both look alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "doc.h"
#include "queue/outbox.h"

struct words {
	const char *title;
	const char *alphabet; /* every letter, capital and small */
	const char *closing;
};

/* The signs tickets and notices use: a number sign, a dash and quotes. */
static const char digits[] = "0123456789 № — « »";

static const struct words english = {
	N("Printer test"),
	N("every letter of the alphabet, capital and small"),
	N("If everything is printed clearly, the printer is ready"),
};

/* Append a centred block; KZ_EINVAL if its text does not fit a block. */
static int
add(struct kz_layout *l, enum kz_block_kind kind, int px, int bold, int gap, const char *text,
	char *err)
{
	struct kz_layout_block *b = &l->blocks[l->n];

	if (l->n == KZ_LAYOUT_BLOCKS)
		return kz_err(err, KZ_EINVAL, "the test page has more than %d blocks",
			KZ_LAYOUT_BLOCKS);
	if (strlen(text) >= sizeof b->text)
		return kz_err(err, KZ_EINVAL,
			"a text of the test page is longer than %d bytes: %.40s...",
			KZ_LAYOUT_TEXT_MAX - 1, text);
	*b = (struct kz_layout_block){kind, px, bold, KZ_TS_CENTRE, gap, ""};
	strcpy(b->text, text);
	l->n++;
	return KZ_OK;
}

static int
check(const char *lang, const char *printer_name, const char *office, int width, char *err)
{
	if (width != KZ_DOTS_58MM && width != KZ_DOTS_80MM)
		return kz_err(err, KZ_EINVAL,
			"a test page is %d (58 mm paper) or %d (80 mm) dots wide, not %d",
			KZ_DOTS_58MM, KZ_DOTS_80MM, width);
	if (lang == NULL || (strcmp(lang, "kk") != 0 && strcmp(lang, "ru") != 0))
		return kz_err(err, KZ_EINVAL,
			"a test page is in Kazakh (kk) or Russian (ru), not '%s'",
			lang ? lang : "");
	if (printer_name == NULL || !printer_name[0] || office == NULL)
		return kz_err(err, KZ_EINVAL, "the test page needs a printer name and an office");
	return KZ_OK;
}

int
kz_doc_test_layout(const char *lang, const char *printer_name, const char *office, int64_t now,
	int width, struct kz_layout *out, char *err)
{
	const struct words *w;
	struct words tr;
	char when[32];
	int rc, s;

	if ((rc = check(lang, printer_name, office, width, err)) != KZ_OK)
		return rc;
	KZ_DOC_WORDS(lang, &english, &tr);
	w = &tr;
	kz_clock_format(now, "%d.%m.%Y %H:%M", when, sizeof when);
	s = kz_doc_start(out, width);
	/* the alphabet at body size, not shrunk: a letter too small to read
	 * would hide the very fault the page is for */
	if ((rc = add(out, KZ_BLOCK_WRAP, 28 * s / 4, 1, 0, w->title, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_RULE, 2, 0, 8, "", err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_WRAP, 24 * s / 4, 1, 8, printer_name, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_WRAP, 22 * s / 4, 0, 4, office, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_LINE, 22 * s / 4, 0, 4, when, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_RULE, 2, 0, 10, "", err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_WRAP, 24 * s / 4, 0, 10, w->alphabet, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_LINE, 24 * s / 4, 1, 8, digits, err)) != KZ_OK ||
		(rc = add(out, KZ_BLOCK_RULE, 2, 0, 10, "", err)) != KZ_OK)
		return rc;
	return add(out, KZ_BLOCK_WRAP, 20 * s / 4, 0, 8, w->closing, err);
}

struct test_data {
	const char *lang, *printer, *office;
	int64_t now;
};

int
kz_doc_test_load(struct kz_doc_source *src, const struct kz_print_job *job, void **data, char *err)
{
	struct test_data *d = malloc(sizeof *d);

	if (d == NULL)
		return kz_err(err, KZ_ENOMEM, "out of memory making a test page");
	*d = (struct test_data){job->lang, src->printer,
		strcmp(job->lang, "kk") == 0 ? src->cfg->name_kk : src->cfg->name_ru,
		kz_clock_now()};
	*data = d;
	return KZ_OK;
}

int
kz_doc_test_lay_out(const void *data, int width, struct kz_layout *out, char *err)
{
	const struct test_data *d = data;

	return kz_doc_test_layout(d->lang, d->printer, d->office, d->now, width, out, err);
}
