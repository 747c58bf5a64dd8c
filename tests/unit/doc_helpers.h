/*
 * doc_helpers.h - what the document tests share: running a command to read
 * a PDF back, comparing its words, and saving a printout as PNG.
 */
#ifndef KZ_DOC_HELPERS_H
#define KZ_DOC_HELPERS_H

struct kz_bitmap;

/* What cmd writes, malloc'd; fails the test unless it exits 0. */
char *test_run(const char *cmd);

/* s with every run of white space (U+00A0 counted) made one space,
 * trimmed, malloc'd: where pdftotext breaks or spreads a line does not
 * matter, the words do. */
char *test_collapse(const char *s);

/* The printout in KZ_SCREENS_DIR/name, as it would come out, black on white. */
void test_save_png(const struct kz_bitmap *b, const char *name);

#endif
