/* test_error.c - every message is one line, with no raw control
 * character and no letter cut in half, whatever it quotes. */
#include <string.h>

#include "helpers.h"
#include "queue/error.h"

/* s is valid UTF-8 through to its end. */
static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80             ? 1
			: (*p & 0xE0) == 0xC0 ? 2
			: (*p & 0xF0) == 0xE0 ? 3
			: (*p & 0xF8) == 0xF0 ? 4
					      : 0;
		if (n == 0)
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void
test_control_characters_are_shown_escaped(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_err(err, KZ_EINVAL, "no service '%s'", "A\nB\x1b[31m\tC\r\x7f"),
		KZ_EINVAL);
	assert_string_equal(err, "no service 'A\\nB\\x1B[31m\\tC\\r\\x7F'");
	assert_null(strchr(err, '\n'));
}

static void
test_message_may_quote_itself(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	kz_err(err, KZ_EDB, "disk full");
	kz_err(err, KZ_EDB, "cannot issue a ticket: %s", err);
	assert_string_equal(err, "cannot issue a ticket: disk full");
}

static void
test_long_message_ends_on_a_whole_letter(void **state)
{
	char err[KZ_ERR_LEN], text[3 * KZ_ERR_LEN];

	(void)state;
	/* every offset of the cut against two-byte letters and a three-byte one */
	for (int pad = 0; pad < 4; pad++) {
		size_t n = 0;
		memset(text, 'x', (size_t)pad);
		n = (size_t)pad;
		while (n + 4 < sizeof text) {
			memcpy(text + n, n % 7 ? "Қ" : "€", n % 7 ? 2 : 3);
			n += n % 7 ? 2 : 3;
		}
		text[n] = '\0';
		kz_err(err, KZ_EINVAL, "%s", text);
		assert_true(strlen(err) < KZ_ERR_LEN);
		assert_true(strlen(err) >= KZ_ERR_LEN - 4);
		assert_true(valid_utf8(err));
	}
}

static void
test_escapes_do_not_overflow(void **state)
{
	char err[KZ_ERR_LEN], text[KZ_ERR_LEN];

	(void)state;
	memset(text, '\x1b', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	kz_err(err, KZ_EINVAL, "%s", text);
	assert_true(strlen(err) < KZ_ERR_LEN);
	assert_int_equal(strlen(err) % 4, 0); /* whole escapes only */
	assert_memory_equal(err, "\\x1B\\x1B", 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control_characters_are_shown_escaped),
		cmocka_unit_test(test_message_may_quote_itself),
		cmocka_unit_test(test_long_message_ends_on_a_whole_letter),
		cmocka_unit_test(test_escapes_do_not_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
