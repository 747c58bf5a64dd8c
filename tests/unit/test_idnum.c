/* test_idnum.c - IIN and BIN: the control digit worked out by hand, both
 * passes, the numbers never issued, and what each wrong input is told. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "queue/error.h"
#include "queue/idnum.h"

/* p11 and its control digit into out; fails when there is none. */
static const char *
make(const char *p11, char out[KZ_IDNUM_LEN + 1])
{
	int c = kz_idnum_control(p11);

	if (c < 0)
		fail_msg("%s has no control digit", p11);
	snprintf(out, KZ_IDNUM_LEN + 1, "%.11s%d", p11, c);
	return out;
}

static void
assert_refused(int rc, const char *err, const char *expect)
{
	assert_int_equal(rc, KZ_EINVAL);
	if (strstr(err, expect) == NULL)
		fail_msg("message '%s' lacks '%s'", err, expect);
}

static void
test_control_digit_by_hand(void **state)
{
	(void)state;
	/* 9 0 0 1 0 1 3 0 0 1 2 x 1..11:
	 * 9 + 0 + 0 + 4 + 0 + 6 + 21 + 0 + 0 + 10 + 22 = 72; 72 mod 11 = 6 */
	assert_int_equal(kz_idnum_control("90010130012"), 6);
	/* 8 5 0 7 1 5 4 0 0 1 2 x 1..11:
	 * 8 + 10 + 0 + 28 + 5 + 30 + 28 + 0 + 0 + 10 + 22 = 141; 141 mod 11 = 9 */
	assert_int_equal(kz_idnum_control("85071540012"), 9);
	/* 0 0 0 2 2 9 5 0 0 1 2 x 1..11:
	 * 0 + 0 + 0 + 8 + 10 + 54 + 35 + 0 + 0 + 10 + 22 = 139; 139 mod 11 = 7 */
	assert_int_equal(kz_idnum_control("00022950012"), 7);
	/* BIN 0 5 0 3 4 0 0 0 1 2 3 x 1..11:
	 * 0 + 10 + 0 + 12 + 20 + 0 + 0 + 0 + 9 + 20 + 33 = 104; 104 mod 11 = 5 */
	assert_int_equal(kz_idnum_control("05034000123"), 5);
	/* second pass: 8 0 0 1 0 1 3 0 0 7 1 x 1..11:
	 * 8 + 0 + 0 + 4 + 0 + 6 + 21 + 0 + 0 + 70 + 11 = 120; 120 mod 11 = 10, so
	 * x 3,4,5,6,7,8,9,10,11,1,2:
	 * 24 + 0 + 0 + 6 + 0 + 8 + 27 + 0 + 0 + 7 + 2 = 74; 74 mod 11 = 8 */
	assert_int_equal(kz_idnum_control("80010130071"), 8);
	/* BIN, second pass: 9 9 0 5 4 0 0 0 0 2 0 x 1..11:
	 * 9 + 18 + 0 + 20 + 20 + 0 + 0 + 0 + 0 + 20 + 0 = 87; 87 mod 11 = 10, so
	 * x 3,4,5,6,7,8,9,10,11,1,2:
	 * 27 + 36 + 0 + 30 + 28 + 0 + 0 + 0 + 0 + 2 + 0 = 123; 123 mod 11 = 2 */
	assert_int_equal(kz_idnum_control("99054000020"), 2);
	/* both passes 10: 8 0 0 1 0 1 3 0 0 7 2 x 1..11:
	 * 8 + 0 + 0 + 4 + 0 + 6 + 21 + 0 + 0 + 70 + 22 = 131; 131 mod 11 = 10;
	 * x 3,4,5,6,7,8,9,10,11,1,2:
	 * 24 + 0 + 0 + 6 + 0 + 8 + 27 + 0 + 0 + 7 + 4 = 76; 76 mod 11 = 10 */
	assert_int_equal(kz_idnum_control("80010130072"), -1);
	/* only 11 digits count; fewer, or a non-digit, give none */
	assert_int_equal(kz_idnum_control("900101300126"), 6);
	assert_int_equal(kz_idnum_control("9001013001"), -1);
	assert_int_equal(kz_idnum_control("9001013001x"), -1);
	assert_int_equal(kz_idnum_control(NULL), -1);
}

static void
test_valid_iins(void **state)
{
	char err[KZ_ERR_LEN], iin[KZ_IDNUM_LEN + 1];

	(void)state;
	assert_int_equal(kz_iin_check("900101300126", err), KZ_OK);
	assert_int_equal(kz_iin_check("850715400129", err), KZ_OK);
	assert_int_equal(kz_iin_check("000229500127", err), KZ_OK); /* 29.02.2000 */
	assert_int_equal(kz_iin_check("800101300718", err), KZ_OK); /* second pass */
	assert_int_equal(kz_iin_check("900101300126", NULL), KZ_OK);
	/* every century and sex, ends of months, leap days where they exist */
	static const char *const dates[] = {"000101", "991231", "840229", "960229", "010228",
		"750430", "750531", "750630", "750731", "750831", "750930", "751031", "751130",
		"751231"};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		for (char c = '1'; c <= '6'; c++)
			for (int serial = 0; serial < 40; serial++) {
				char p[12];
				snprintf(p, sizeof p, "%s%c%04d", dates[i], c, serial);
				if (kz_idnum_control(p) < 0)
					continue;
				if (kz_iin_check(make(p, iin), err) != KZ_OK)
					fail_msg("%s refused: %s", iin, err);
				/* each other control digit is refused */
				for (char d = '0', right = iin[11]; d <= '9'; d++) {
					iin[11] = d;
					if (d != right)
						assert_refused(kz_iin_check(iin, err), err,
							"control digit");
				}
			}
}

static void
test_valid_bins(void **state)
{
	char err[KZ_ERR_LEN], bin[KZ_IDNUM_LEN + 1];

	(void)state;
	assert_int_equal(kz_bin_check("050340001235", err), KZ_OK);
	assert_int_equal(kz_bin_check("990540000202", err), KZ_OK); /* second pass */
	for (int m = 1; m <= 12; m++)
		for (char type = '4'; type <= '6'; type++)
			for (char attr = '0'; attr <= '3'; attr++) {
				char p[12];
				snprintf(p, sizeof p, "24%02d%c%c00017", m, type, attr);
				if (kz_idnum_control(p) < 0)
					continue;
				if (kz_bin_check(make(p, bin), err) != KZ_OK)
					fail_msg("%s refused: %s", bin, err);
			}
}

static void
test_never_issued_numbers_are_refused(void **state)
{
	char err[KZ_ERR_LEN], n[KZ_IDNUM_LEN + 1];

	(void)state;
	/* 80010130072: both passes give 10 (worked out above), whatever the 12th */
	for (char d = '0'; d <= '9'; d++) {
		snprintf(n, sizeof n, "80010130072%c", d);
		assert_refused(kz_iin_check(n, err), err, "both passes give 10");
		assert_refused(kz_iin_check(n, err), err, "no such IIN is issued");
	}
	assert_string_equal(err,
		"IIN 800101300729: its first 11 digits have no control digit (both passes "
		"give 10), so no such IIN is issued; check the number against the ID card");
}

static void
test_wrong_length_and_characters(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_iin_check("12345", err), KZ_EINVAL);
	assert_string_equal(err, "IIN '12345' has 5 digits; an IIN has 12");
	assert_int_equal(kz_iin_check("9001013001260", err), KZ_EINVAL);
	assert_string_equal(err, "IIN '9001013001260' has 13 digits; an IIN has 12");
	assert_int_equal(kz_bin_check("5", err), KZ_EINVAL);
	assert_string_equal(err, "BIN '5' has 1 digit; a BIN has 12");
	assert_refused(kz_iin_check("", err), err, "no IIN given");
	assert_refused(kz_iin_check(NULL, err), err, "no IIN given");
	assert_refused(kz_bin_check(NULL, err), err, "no BIN given");

	/* spaces anywhere, at the ends too */
	assert_int_equal(kz_iin_check(" 900101300126", err), KZ_EINVAL);
	assert_string_equal(err,
		"IIN ' 900101300126': a space at position 1; type the 12 "
		"digits only, without spaces");
	assert_refused(kz_iin_check("900101300126 ", err), err, "a space at position 13");
	assert_refused(kz_iin_check("900101 300126", err), err, "a space at position 7");
	assert_refused(kz_iin_check("900101300126\t", err), err, "a space at position 13");
	assert_refused(kz_bin_check(" 050340001235", err), err, "a space at position 1");

	/* a Latin O, then a Cyrillic О: positions count characters */
	assert_int_equal(kz_iin_check("9001013O0126", err), KZ_EINVAL);
	assert_string_equal(err,
		"IIN '9001013O0126': 'O' at position 8 is not a digit; type "
		"the 12 digits only");
	assert_refused(kz_iin_check("90010130\xD0\x9E"
				    "126",
			       err),
		err, "'\xD0\x9E' at position 9 is not a digit");
	assert_refused(kz_iin_check("\xD0\x9E\xD0\x9E"
				    "5",
			       err),
		err, "at position 1");
	assert_refused(kz_iin_check("9001\xFF", err), err, "byte 0xFF at position 5");
	assert_refused(kz_iin_check("900-101-300126", err), err, "'-' at position 4");
	/* a long paste is quoted cut */
	assert_refused(kz_iin_check("90010130012690010130012690010130012690010130012690", err), err,
		"'9001013001269001013001269001013001269001...' has 50 digits");
}

static void
test_wrong_birth_date_and_century(void **state)
{
	char err[KZ_ERR_LEN], n[KZ_IDNUM_LEN + 1];

	(void)state;
	assert_int_equal(kz_iin_check(make("90130130012", n), err), KZ_EINVAL);
	assert_string_equal(err,
		"IIN 901301300126: its digits 1-6 are no birth date "
		"(1990-13-01); check the number against the ID card");
	assert_refused(kz_iin_check(make("90000130012", n), err), err, "(1990-00-01)");
	assert_refused(kz_iin_check(make("90010030012", n), err), err, "(1990-01-00)");
	assert_refused(kz_iin_check(make("90043130012", n), err), err, "(1990-04-31)");
	assert_refused(kz_iin_check(make("90013230012", n), err), err, "(1990-01-32)");
	/* 29 February: 2000 was a leap year, 1900 and 1800 were not */
	assert_int_equal(kz_iin_check(make("00022950012", n), err), KZ_OK);
	assert_int_equal(kz_iin_check(make("00022960012", n), err), KZ_OK);
	assert_refused(kz_iin_check(make("00022930012", n), err), err, "(1900-02-29)");
	assert_refused(kz_iin_check(make("00022940012", n), err), err, "(1900-02-29)");
	assert_refused(kz_iin_check(make("00022910012", n), err), err, "(1800-02-29)");
	assert_int_equal(kz_iin_check(make("96022930012", n), err), KZ_OK);
	assert_refused(kz_iin_check(make("97022930012", n), err), err, "(1997-02-29)");
	/* a BIN given as an IIN */
	assert_refused(kz_iin_check("990540000202", err), err, "it looks like a BIN");

	/* digit 7: 1-6 only (0, 7, 8, 9 refused) */
	assert_int_equal(kz_iin_check(make("90010170012", n), err), KZ_EINVAL);
	assert_string_equal(err,
		"IIN 900101700121: its 7th digit is 7 but must be 1-6 "
		"(century of birth and sex); check the number against the ID card");
	assert_refused(kz_iin_check(make("90010100012", n), err), err, "7th digit is 0");
	assert_refused(kz_iin_check(make("90010190012", n), err), err, "7th digit is 9");
}

static void
test_wrong_control_digit(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_iin_check("900101300125", err), KZ_EINVAL);
	assert_string_equal(err,
		"IIN 900101300125: its control digit is 5 but should be 6; "
		"check the number against the ID card");
	/* two digits swapped */
	assert_refused(kz_iin_check("900101300216", err), err, "should be");
	assert_int_equal(kz_bin_check("050340001234", err), KZ_EINVAL);
	assert_string_equal(err,
		"BIN 050340001234: its control digit is 4 but should be 5; "
		"check the number against the registration certificate");
	assert_refused(kz_bin_check("990540000201", err), err,
		"its control digit is 1 but should be 2");
	/* NULL err: the answer without the words */
	assert_int_equal(kz_iin_check("900101300125", NULL), KZ_EINVAL);
}

static void
test_wrong_bin_fields(void **state)
{
	char err[KZ_ERR_LEN], n[KZ_IDNUM_LEN + 1];

	(void)state;
	assert_int_equal(kz_bin_check(make("05134000123", n), err), KZ_EINVAL);
	assert_string_equal(err,
		"BIN 051340001238: its digits 3-4 are month 13 of "
		"registration, which does not exist; check the number against the "
		"registration certificate");
	assert_refused(kz_bin_check(make("05004000123", n), err), err, "month 00");
	assert_refused(kz_bin_check(make("05037000123", n), err), err,
		"5th digit is 7 but must be 4 (resident legal entity), 5 (non-resident) or 6");
	/* an IIN given as a BIN */
	assert_refused(kz_bin_check("900101300126", err), err, "it looks like an IIN");
	assert_refused(kz_bin_check(make("05034400123", n), err), err,
		"6th digit is 4 but must be 0-3");
	assert_refused(kz_bin_check("0503400012", err), err, "has 10 digits; a BIN has 12");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control_digit_by_hand),
		cmocka_unit_test(test_valid_iins),
		cmocka_unit_test(test_valid_bins),
		cmocka_unit_test(test_never_issued_numbers_are_refused),
		cmocka_unit_test(test_wrong_length_and_characters),
		cmocka_unit_test(test_wrong_birth_date_and_century),
		cmocka_unit_test(test_wrong_control_digit),
		cmocka_unit_test(test_wrong_bin_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
