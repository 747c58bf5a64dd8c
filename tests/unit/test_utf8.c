/* test_utf8.c - text is shortened only between whole characters: by bytes,
 * by characters and by terminal columns; a letter cut in half anywhere in
 * a message is dropped, never shown broken. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "queue/error.h"
#include "queue/utf8.h"

/* s is valid UTF-8 through to its end. */
static int
valid(const char *s)
{
	uint32_t cp;

	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		p += kz_utf8_next(p, &cp);
		if (cp == KZ_NOT_UNICODE)
			return 0;
	}
	return 1;
}

static void
test_copy_cuts_between_letters(void **state)
{
	const char *word = "Консультация"; /* 12 letters, 24 bytes */
	char buf[32];

	(void)state;
	for (size_t len = 1; len <= 26; len++) {
		int cut = kz_utf8_copy(buf, len, word);
		assert_true(valid(buf));
		assert_int_equal(strlen(buf) % 2, 0);
		assert_int_equal(cut, len <= 24);
		assert_true(strncmp(buf, word, strlen(buf)) == 0);
	}
	kz_utf8_copy(buf, 23, word); /* 22 bytes: 11 letters */
	assert_string_equal(buf, "Консультаци");
	kz_utf8_copy(buf, 24, word); /* 23 bytes fit: still 11 letters, not a half */
	assert_string_equal(buf, "Консультаци");
	kz_utf8_copy(buf, 25, word);
	assert_string_equal(buf, word);
	kz_utf8_copy(buf, 8, NULL);
	assert_string_equal(buf, "");
}

static void
test_whole_finds_the_cut(void **state)
{
	const char *s = "aқ€😀"; /* 1 + 2 + 3 + 4 bytes */

	(void)state;
	assert_int_equal(kz_utf8_whole(s, 1), 1);
	assert_int_equal(kz_utf8_whole(s, 2), 1);
	assert_int_equal(kz_utf8_whole(s, 3), 3);
	assert_int_equal(kz_utf8_whole(s, 5), 3);
	assert_int_equal(kz_utf8_whole(s, 6), 6);
	assert_int_equal(kz_utf8_whole(s, 9), 6);
	assert_int_equal(kz_utf8_whole(s, 10), 10);
}

static void
test_mend_drops_half_letters_anywhere(void **state)
{
	char s[64], err[KZ_ERR_LEN];

	(void)state;
	/* "%.21s" of "Консультация" leaves half of its 11th letter mid-message */
	snprintf(s, sizeof s, "'%.21s' to %s", "Консультация", "Ә");
	assert_false(valid(s));
	kz_utf8_mend(s);
	assert_true(valid(s));
	assert_string_equal(s, "'Консультац' to Ә");
	/* kz_err does the same for every message */
	kz_err(err, KZ_EINVAL, "no service '%.21s'; services are A, B", "Консультация");
	assert_true(valid(err));
	assert_string_equal(err, "no service 'Консультац'; services are A, B");
}

static void
test_columns_and_characters(void **state)
{
	(void)state;
	assert_int_equal(kz_utf8_chars("Жұмабаев"), 8);
	assert_int_equal(kz_utf8_width("Жұмабаев"), 8);
	assert_int_equal(kz_utf8_width("е\u0301"), 1); /* a combining accent takes no column */
	assert_int_equal(kz_utf8_width("日本"), 4);
	assert_int_equal(kz_utf8_fit("Серікқазы", 6), strlen("Серікқ"));
	assert_int_equal(kz_utf8_fit("日本語", 3), strlen("日"));
	assert_int_equal(kz_utf8_fit("ае\u0301б", 2), strlen("ае\u0301"));
}

static void
test_cell_cuts_and_pads_by_columns(void **state)
{
	char cell[128];

	(void)state;
	assert_false(kz_utf8_cell("Әлия", 8, 1, cell, sizeof cell));
	assert_string_equal(cell, "Әлия    ");
	assert_true(kz_utf8_cell("Серікқазы Жұмабаев", 10, 1, cell, sizeof cell));
	assert_string_equal(cell, "Серікқазы…");
	assert_int_equal(kz_utf8_width(cell), 10);
	assert_true(kz_utf8_cell("日本語日本語", 6, 1, cell, sizeof cell));
	assert_string_equal(cell, "日本… "); /* a wide letter that does not fit: a space */
	assert_int_equal(kz_utf8_width(cell), 6);
	/* every width of every cut is whole letters and exactly the columns */
	for (int cols = 1; cols < 24; cols++) {
		kz_utf8_cell("Консультация и жалобы", cols, 1, cell, sizeof cell);
		assert_true(valid(cell));
		assert_int_equal(kz_utf8_width(cell), cols);
	}
	/* a buffer too short for the cell still ends on a whole letter */
	kz_utf8_cell("Консультация", 12, 1, cell, 8);
	assert_true(valid(cell));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy_cuts_between_letters),
		cmocka_unit_test(test_whole_finds_the_cut),
		cmocka_unit_test(test_mend_drops_half_letters_anywhere),
		cmocka_unit_test(test_columns_and_characters),
		cmocka_unit_test(test_cell_cuts_and_pads_by_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
