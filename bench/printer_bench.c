/*
 * printer_bench.c - figures, never a pass or fail: how long a queue ticket
 * takes from data to the ESC/POS bytes a thermal printer takes, on 58 mm
 * and 80 mm paper, in Kazakh and Russian; the bytes are decoded back to
 * check they carry the same picture.
 *
 *   printer_bench [--quick] [RUNS]  (200; --quick: 10)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ink/bitmap.h"
#include "documents/ticket.h"
#include "documents/receipt.h"
#include "documents/test.h"
#include "printer/escpos.h"
#include "ink/pdf.h"
#include "ink/typeset.h"
#include "queue/clock.h"
#include "queue/error.h"
#include "queue/i18n.h"

#include "bench.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One ticket to bytes; returns the milliseconds it took, -1 on error. */
static double
one(struct kz_typeset *t, const struct kz_ticket_doc *d, int width, struct kz_bytes *out,
	struct kz_bitmap **bm, char *err)
{
	double start = now_ms();

	out->len = 0;
	if (kz_doc_ticket_bitmap(t, d, width, bm, err) != KZ_OK ||
		kz_escpos_print(*bm, 3, 1, out) != KZ_OK)
		return -1;
	return now_ms() - start;
}

/* The same documents as A4 PDF, as they go to a CUPS queue; -1 if one
 * could not be made (said on stderr). */
static int
pdf_figures(int runs, int64_t issued)
{
	struct kz_ticket_doc d = {"kk", "Жер қатынастары бөлімі", "Құжаттарды тапсыру", "A-017",
		issued, 3, 0, 0, NULL, NULL, NULL};
	struct kz_layout *l = malloc(sizeof *l);
	const struct kz_layout *pages[1] = {l};
	char err[KZ_ERR_LEN];
	const char *names[] = {"ticket", "test page", "receipt"};
	struct kz_receipt_doc r = {"ru", "Отдел земельных отношений", "г. Кокшетау, ул. Абая, 89",
		"8 (7162) 25-35-56", "2026-0001", issued, NULL, 3,
		{"Заявление", "Копия документа, удостоверяющего личность",
			"Акт кадастровой (оценочной) стоимости"},
		{2026, 3, 25}, 600, 0, "каб. 105", "Иванова Мария Петровна", "Ведущий специалист",
		"www.auzr.kz"};

	if (runs > 50)
		runs = 50; /* a PDF takes milliseconds: fewer runs tell as much */
	printf("\nA4 PDF with the fonts embedded, %d runs each\n", runs);
	printf("document     bytes   first ms   p50 ms\n");
	if (l == NULL) {
		fprintf(stderr, "printer_bench: out of memory\n");
		return -1;
	}
	for (int k = 0; k < 3; k++) {
		double ms[64], first = 0;
		struct kz_bytes pdf = {0};
		int rc = k == 0  ? kz_doc_ticket_layout(&d, KZ_DOTS_58MM, l, err)
			: k == 1 ? kz_doc_test_layout("kk", "kiosk-1", d.office, issued,
					   KZ_DOTS_80MM, l, err)
				 : kz_doc_receipt_layout(&r, KZ_DOTS_80MM, l, err);
		for (int i = 0; i <= runs && rc == KZ_OK; i++) {
			double start = now_ms();
			pdf.len = 0;
			rc = kz_pdf_memory(pages, 1, KZ_SOURCE_DIR "/assets/fonts", &pdf, err);
			if (i == 0)
				first = now_ms() - start;
			else
				ms[i - 1] = now_ms() - start;
		}
		if (rc != KZ_OK) {
			fprintf(stderr, "printer_bench: %s: %s\n", names[k], err);
			kz_bytes_free(&pdf);
			free(l);
			return -1;
		}
		qsort(ms, (size_t)runs, sizeof ms[0], cmp);
		printf("%-10s %7zu %10.2f %8.2f\n", names[k], pdf.len, first, ms[runs / 2]);
		kz_bytes_free(&pdf);
	}
	free(l);
	return 0;
}

static void
usage(void)
{
	printf("usage: printer_bench [--quick] [RUNS]\n"
	       "Times a queue ticket from data to ESC/POS raster bytes (58 and 80 mm paper,\n"
	       "Kazakh and Russian; the bytes decoded back and compared with the picture),\n"
	       "and the ticket, test page and receipt to A4 PDF: RUNS runs each (1 to\n"
	       "100000, default 200; at most 50 for PDF), the first run and p50/p99 printed.\n"
	       "  --quick     10 runs each (unless RUNS is given): under a few seconds; exits\n"
	       "              1 if a document cannot be made or decodes differently\n"
	       "  -h, --help  this text\n");
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *lang, *office, *service;
	} texts[] = {
		{"kk", "Жер қатынастары бөлімі", "Құжаттарды тапсыру"},
		{"ru", "Отдел земельных отношений", "Сдача документов"},
	};
	int runs = 200, widths[] = {KZ_DOTS_58MM, KZ_DOTS_80MM}, quick = 0, given = 0;
	char err[KZ_ERR_LEN] = "";
	struct kz_typeset *t;
	struct kz_bytes out = {0};
	struct kz_i18n *tr = NULL; /* the documents' words */
	int64_t issued;

	for (int i = 1; i < argc; i++) {
		long v;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else if (!given && bench_number(argv[i], 1, 100000, &v))
			runs = (int)v, given = 1;
		else
			bench_bad_option("printer_bench", argv[i]);
	}
	if (quick && !given)
		runs = 10;
	if (kz_i18n_load(KZ_LOCALE_DIR, &tr, err) != KZ_OK ||
		(kz_i18n_use(tr), kz_clock_setup("Asia/Almaty", NULL, err)) != KZ_OK ||
		kz_clock_parse_local("2026-03-20T10:15", &issued, err) != KZ_OK ||
		kz_typeset_open(KZ_SOURCE_DIR "/assets/fonts", &t, err) != KZ_OK) {
		fprintf(stderr, "printer_bench: %s\n", err);
		return 1;
	}
	printf("kezek printer_bench: queue ticket to ESC/POS raster bytes, %d runs each\n", runs);
	printf("paper  lang  dots       bytes  first ms   p50 ms   p99 ms\n");
	for (int w = 0; w < 2; w++)
		for (int l = 0; l < 2; l++) {
			struct kz_ticket_doc d = {texts[l].lang, texts[l].office, texts[l].service,
				"A-017", issued, 3, 0, 0, NULL, NULL, NULL};
			double *ms = malloc(sizeof *ms * (size_t)runs), first;
			struct kz_bitmap *bm = NULL, *back = NULL;
			struct kz_escpos_summary sum;
			first = ms == NULL ? -1 : one(t, &d, widths[w], &out, &bm, err);
			for (int i = 0; i < runs && first >= 0; i++) {
				kz_bitmap_free(bm);
				bm = NULL;
				if ((ms[i] = one(t, &d, widths[w], &out, &bm, err)) < 0)
					first = -1; /* a run failed: no figures from it */
			}
			if (first < 0 || ms == NULL ||
				kz_escpos_decode(out.data, out.len, &back, &sum, err) != KZ_OK ||
				!kz_bitmap_equal(bm, back)) {
				fprintf(stderr, "printer_bench: %s\n",
					err[0] ? err : "decoded != drawn");
				return 1;
			}
			qsort(ms, (size_t)runs, sizeof *ms, cmp);
			printf("%2d mm  %s    %dx%-4d  %6zu  %8.2f %8.3f %8.3f\n", w ? 80 : 58,
				texts[l].lang, bm->w, bm->h, out.len, first, ms[runs / 2],
				ms[(runs * 99) / 100 < runs ? (runs * 99) / 100 : runs - 1]);
			kz_bitmap_free(bm);
			kz_bitmap_free(back);
			free(ms);
		}
	int rc = pdf_figures(runs, issued);
	kz_bytes_free(&out);
	kz_typeset_close(t);
	return rc == 0 ? 0 : 1;
}
