/* test_words.c - numbers and amounts in Russian and Kazakh words, every
 * expected string written out in full; capitals; what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "queue/error.h"
#include "queue/words.h"

struct said {
	int64_t n;
	const char *ru, *kk;
};

static void
check_numbers(const struct said *t, size_t count, int amounts)
{
	char out[KZ_WORDS_LEN], err[KZ_ERR_LEN];

	for (size_t i = 0; i < count; i++) {
		int (*say)(int64_t, const char *, char *, size_t, char *) =
			amounts ? kz_words_amount : kz_words_number;

		if (say(t[i].n, "ru", out, sizeof out, err) != KZ_OK)
			fail_msg("%lld ru: %s", (long long)t[i].n, err);
		if (strcmp(out, t[i].ru) != 0)
			fail_msg("%lld ru: '%s', expected '%s'", (long long)t[i].n, out, t[i].ru);
		if (say(t[i].n, "kk", out, sizeof out, err) != KZ_OK)
			fail_msg("%lld kk: %s", (long long)t[i].n, err);
		if (strcmp(out, t[i].kk) != 0)
			fail_msg("%lld kk: '%s', expected '%s'", (long long)t[i].n, out, t[i].kk);
	}
}

static void
test_numbers(void **state)
{
	static const struct said t[] = {
		{0, "ноль", "нөл"},
		{1, "один", "бір"},
		{2, "два", "екі"},
		{11, "одиннадцать", "он бір"},
		{12, "двенадцать", "он екі"},
		{19, "девятнадцать", "он тоғыз"},
		{20, "двадцать", "жиырма"},
		{21, "двадцать один", "жиырма бір"},
		{22, "двадцать два", "жиырма екі"},
		{100, "сто", "бір жүз"},
		{101, "сто один", "бір жүз бір"},
		{111, "сто одиннадцать", "бір жүз он бір"},
		{1000, "одна тысяча", "бір мың"},
		{1001, "одна тысяча один", "бір мың бір"},
		{2000, "две тысячи", "екі мың"},
		{5000, "пять тысяч", "бес мың"},
		{21000, "двадцать одна тысяча", "жиырма бір мың"},
		{22000, "двадцать две тысячи", "жиырма екі мың"},
		{1000000, "один миллион", "бір миллион"},
		{2000000, "два миллиона", "екі миллион"},
		{5000000, "пять миллионов", "бес миллион"},
		{1000000000, "один миллиард", "бір миллиард"},
		{2147483647,
			"два миллиарда сто сорок семь миллионов четыреста восемьдесят три тысячи "
			"шестьсот сорок семь",
			"екі миллиард бір жүз қырық жеті миллион төрт жүз сексен үш мың алты жүз "
			"қырық жеті"},
		{999999999999LL,
			"девятьсот девяносто девять миллиардов девятьсот девяносто девять "
			"миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять",
			"тоғыз жүз тоқсан тоғыз миллиард тоғыз жүз тоқсан тоғыз миллион тоғыз жүз "
			"тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз"},
	};

	(void)state;
	check_numbers(t, sizeof t / sizeof t[0], 0);
}

/* The forms around them: 11-19 thousand take тысяч, 3-4 take тысячи,
 * tens and hundreds of each group, empty groups skipped. */
static void
test_forms_of_thousands_and_millions(void **state)
{
	static const struct said t[] = {
		{3000, "три тысячи", "үш мың"},
		{4000, "четыре тысячи", "төрт мың"},
		{11000, "одиннадцать тысяч", "он бір мың"},
		{12000, "двенадцать тысяч", "он екі мың"},
		{14000, "четырнадцать тысяч", "он төрт мың"},
		{20000, "двадцать тысяч", "жиырма мың"},
		{101000, "сто одна тысяча", "бір жүз бір мың"},
		{111000, "сто одиннадцать тысяч", "бір жүз он бір мың"},
		{234000, "двести тридцать четыре тысячи", "екі жүз отыз төрт мың"},
		{3000000, "три миллиона", "үш миллион"},
		{11000000, "одиннадцать миллионов", "он бір миллион"},
		{21000000, "двадцать один миллион", "жиырма бір миллион"},
		{5000000000LL, "пять миллиардов", "бес миллиард"},
		{3004000005LL, "три миллиарда четыре миллиона пять",
			"үш миллиард төрт миллион бес"},
		{2147483, "два миллиона сто сорок семь тысяч четыреста восемьдесят три",
			"екі миллион бір жүз қырық жеті мың төрт жүз сексен үш"},
		{650, "шестьсот пятьдесят", "алты жүз елу"},
		{790, "семьсот девяносто", "жеті жүз тоқсан"},
		{830, "восемьсот тридцать", "сегіз жүз отыз"},
		{40, "сорок", "қырық"},
		{60, "шестьдесят", "алпыс"},
		{70, "семьдесят", "жетпіс"},
		{80, "восемьдесят", "сексен"},
		{10, "десять", "он"},
		{13, "тринадцать", "он үш"},
		{15, "пятнадцать", "он бес"},
		{16, "шестнадцать", "он алты"},
		{17, "семнадцать", "он жеті"},
		{18, "восемнадцать", "он сегіз"},
		{8, "восемь", "сегіз"},
	};

	(void)state;
	check_numbers(t, sizeof t / sizeof t[0], 0);
}

static void
test_amounts(void **state)
{
	static const struct said t[] = {
		{0, "ноль тенге 00 тиын", "нөл теңге 00 тиын"},
		{5, "ноль тенге 05 тиын", "нөл теңге 05 тиын"},
		{100, "один тенге 00 тиын", "бір теңге 00 тиын"},
		{1250, "двенадцать тенге 50 тиын", "он екі теңге 50 тиын"},
		{214748364799LL,
			"два миллиарда сто сорок семь миллионов четыреста восемьдесят три тысячи "
			"шестьсот сорок семь тенге 99 тиын",
			"екі миллиард бір жүз қырық жеті миллион төрт жүз сексен үш мың алты жүз "
			"қырық жеті теңге 99 тиын"},
		{214748364,
			"два миллиона сто сорок семь тысяч четыреста восемьдесят три тенге 64 "
			"тиын",
			"екі миллион бір жүз қырық жеті мың төрт жүз сексен үш теңге 64 тиын"},
		{99999999999999LL,
			"девятьсот девяносто девять миллиардов девятьсот девяносто девять "
			"миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять "
			"тенге 99 тиын",
			"тоғыз жүз тоқсан тоғыз миллиард тоғыз жүз тоқсан тоғыз миллион тоғыз жүз "
			"тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз теңге 99 тиын"},
	};

	(void)state;
	check_numbers(t, sizeof t / sizeof t[0], 1);
}

static void
test_capitalize(void **state)
{
	static const char *const pairs[][2] = {
		{"два миллиона", "Два миллиона"},
		{"екі", "Екі"},
		{"ә", "Ә"},
		{"ғ", "Ғ"},
		{"қ", "Қ"},
		{"ң", "Ң"},
		{"ө", "Ө"},
		{"ұ", "Ұ"},
		{"ү", "Ү"},
		{"һ", "Һ"},
		{"і", "І"},
		{"а", "А"},
		{"п", "П"},
		{"р", "Р"},
		{"я", "Я"},
		{"ё", "Ё"},
		{"ю", "Ю"},
		{"Ә", "Ә"},
		{"Два", "Два"},
		{"1 тиын", "1 тиын"},
		{"abc", "Abc"},
		{"", ""},
	};
	char s[64];

	(void)state;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		strcpy(s, pairs[i][0]);
		kz_words_capitalize(s);
		assert_string_equal(s, pairs[i][1]);
	}
	kz_words_capitalize(NULL);
}

static void
test_refused(void **state)
{
	char out[KZ_WORDS_LEN], small[8], err[KZ_ERR_LEN];

	(void)state;
	strcpy(out, "junk");
	assert_int_equal(kz_words_number(-1, "ru", out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(out, "");
	assert_string_equal(err, "cannot write -1 in words: it is negative");
	assert_int_equal(kz_words_number(1000000000000LL, "kk", out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(err,
		"cannot write 1000000000000 in words: the largest is 999999999999");
	assert_int_equal(kz_words_amount(-5, "ru", out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(err, "cannot write -5 tiyn in words: it is negative");
	assert_int_equal(kz_words_amount(100000000000000LL, "ru", out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(err,
		"cannot write 100000000000000 tiyn in words: the largest is "
		"99999999999999 tiyn");
	assert_int_equal(kz_words_amount(INT64_MIN, "ru", out, sizeof out, err), KZ_EINVAL);

	strcpy(out, "junk");
	assert_int_equal(kz_words_number(1, "en", out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(out, "");
	assert_string_equal(err, "language 'en' is not known; use 'ru' or 'kk'");
	assert_int_equal(kz_words_number(1, "RU", out, sizeof out, err), KZ_EINVAL);
	assert_int_equal(kz_words_number(1, NULL, out, sizeof out, err), KZ_EINVAL);
	assert_string_equal(err, "language '(none)' is not known; use 'ru' or 'kk'");

	/* "одна тысяча" is 21 bytes and its NUL: a cut amount is never written */
	strcpy(small, "junk");
	assert_int_equal(kz_words_number(1000, "ru", small, sizeof small, err), KZ_EINVAL);
	assert_string_equal(small, "");
	assert_string_equal(err,
		"1000 in words needs 22 bytes but the buffer has 8; give a "
		"buffer of KZ_WORDS_LEN");
	assert_int_equal(kz_words_number(1000, "ru", out, 21, err), KZ_EINVAL);
	assert_int_equal(kz_words_number(1000, "ru", out, 22, err), KZ_OK);
	assert_string_equal(out, "одна тысяча");
	assert_int_equal(kz_words_amount(5, "kk", small, sizeof small, err), KZ_EINVAL);
	assert_string_equal(small, "");
	assert_non_null(strstr(err, "5 tiyn in words needs"));
	assert_int_equal(kz_words_number(1, "ru", NULL, 0, err), KZ_EINVAL);
	assert_int_equal(kz_words_number(1, "ru", small, 0, NULL), KZ_EINVAL);
	assert_string_equal(small, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_forms_of_thousands_and_millions),
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_capitalize),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
