/* test_i18n.c - the compiled catalogues as the build makes them: every
 * string found in both languages, a count in the form its language gives
 * it (Russian's three forms), a damaged catalogue refused by name, and the
 * library's marked messages in the staff's language, never a slip's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/error.h"
#include "queue/i18n.h"
#include "queue/plural.h"

#define AHEAD_ONE  "%d person is ahead of you"
#define AHEAD_MANY "%d people are ahead of you"

static void
test_plain_strings_from_the_compiled_catalogues(void **state)
{
	struct kz_i18n *cat;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_i18n_load(KZ_LOCALE_DIR, &cat, err), KZ_OK);
	assert_string_equal(kz_i18n_get(cat, "ru", "Back"), "Назад");
	assert_string_equal(kz_i18n_get(cat, "kk", "Back"), "Артқа");
	assert_int_equal(kz_i18n_missed(cat), 0);
	/* English is the source: asked for, it comes back, and counts as missed */
	assert_string_equal(kz_i18n_get(cat, "en", "Back"), "Back");
	assert_string_equal(kz_i18n_get(cat, "ru", "No such string"), "No such string");
	assert_int_equal(kz_i18n_missed(cat), 2);
	assert_int_equal(kz_i18n_count(cat, "kk"), kz_i18n_count(cat, "ru"));
	kz_i18n_free(cat);
}

static void
test_a_count_takes_its_languages_form(void **state)
{
	static const struct {
		unsigned long n;
		const char *ru;
	} cases[] = {
		{1, "Перед вами %d человек"},
		{2, "Перед вами %d человека"},
		{4, "Перед вами %d человека"},
		{5, "Перед вами %d человек"},
		{11, "Перед вами %d человек"},
		{12, "Перед вами %d человек"},
		{21, "Перед вами %d человек"},
		{22, "Перед вами %d человека"},
		{111, "Перед вами %d человек"},
		{104, "Перед вами %d человека"},
	};
	struct kz_i18n *cat;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_i18n_load(KZ_LOCALE_DIR, &cat, err), KZ_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(kz_i18n_nget(cat, "ru", AHEAD_ONE, AHEAD_MANY, cases[i].n),
			cases[i].ru);
	/* Kazakh: the noun after a number stays singular */
	assert_string_equal(kz_i18n_nget(cat, "kk", AHEAD_ONE, AHEAD_MANY, 1), "Алдыңызда %d адам");
	assert_string_equal(kz_i18n_nget(cat, "kk", AHEAD_ONE, AHEAD_MANY, 5), "Алдыңызда %d адам");
	/* no translation: English's own two forms */
	assert_string_equal(kz_i18n_nget(cat, "en", AHEAD_ONE, AHEAD_MANY, 1), AHEAD_ONE);
	assert_string_equal(kz_i18n_nget(cat, "en", AHEAD_ONE, AHEAD_MANY, 2), AHEAD_MANY);
	kz_i18n_free(cat);
}

static void
test_plural_rules(void **state)
{
	struct kz_plural p;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_plural_parse("Language: ru\nPlural-Forms: nplurals=3; plural=(n%10==1 "
					 "&& n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 "
					 "|| n%100>=20) ? 1 : 2);\n",
				 &p, err),
		KZ_OK);
	assert_int_equal(p.nplurals, 3);
	assert_int_equal(kz_plural_form(&p, 0), 2);
	assert_int_equal(kz_plural_form(&p, 1), 0);
	assert_int_equal(kz_plural_form(&p, 3), 1);
	assert_int_equal(kz_plural_form(&p, 14), 2);
	assert_int_equal(kz_plural_form(&p, 101), 0);
	/* no line: English */
	assert_int_equal(kz_plural_parse("Language: kk\n", &p, err), KZ_OK);
	assert_int_equal(kz_plural_form(&p, 1), 0);
	assert_int_equal(kz_plural_form(&p, 7), 1);
	/* one form (Japanese-like) */
	assert_int_equal(kz_plural_parse("Plural-Forms: nplurals=1; plural=0;\n", &p, err), KZ_OK);
	assert_int_equal(kz_plural_form(&p, 7), 0);
	/* a rule that names a form that does not exist, and one that cannot be read */
	assert_int_equal(kz_plural_parse("Plural-Forms: nplurals=2; plural=n;\n", &p, err),
		KZ_ECONFIG);
	assert_non_null(strstr(err, "names a form past nplurals"));
	assert_int_equal(kz_plural_parse("Plural-Forms: nplurals=2; plural=(n != 1;\n", &p, err),
		KZ_ECONFIG);
	assert_non_null(strstr(err, "cannot be read"));
	assert_int_equal(kz_plural_parse("Plural-Forms: nplurals=2; plural=n % 0;\n", &p, err),
		KZ_ECONFIG);
	assert_int_equal(kz_plural_parse("Plural-Forms: plural=n != 1;\n", &p, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "nplurals="));
}

/* A folder holding kk's real catalogue and, for ru, the bytes given. */
static void
broken_ru(const char *dir, const void *bytes, size_t len)
{
	char cmd[1024], path[512];
	FILE *f;

	snprintf(cmd, sizeof cmd,
		"mkdir -p %s/kk/LC_MESSAGES %s/ru/LC_MESSAGES && cp %s/kk/LC_MESSAGES/kezek.mo "
		"%s/kk/LC_MESSAGES/",
		dir, dir, KZ_LOCALE_DIR, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "%s/ru/LC_MESSAGES/kezek.mo", dir);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

static void
test_a_damaged_catalogue_is_refused(void **state)
{
	char dir[] = "/tmp/kezek-i18n-XXXXXX", err[KZ_ERR_LEN] = "", cmd[600];
	/* the magic, then a string table that points past the file's end */
	static const unsigned char past_end[28] = {0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 1, 0, 0, 0,
		28, 0, 0, 0, 36, 0, 0, 0};
	struct kz_i18n *cat = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(kz_i18n_load(dir, &cat, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "kk/LC_MESSAGES/kezek.mo"));
	broken_ru(dir, "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n", 35);
	assert_int_equal(kz_i18n_load(dir, &cat, err), KZ_ECONFIG);
	assert_null(cat);
	assert_non_null(strstr(err, "ru/LC_MESSAGES/kezek.mo: not a compiled gettext catalogue"));
	broken_ru(dir, past_end, sizeof past_end);
	assert_int_equal(kz_i18n_load(dir, &cat, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "outside the file"));
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* A folder holding kk's real catalogue and, for ru, one compiled from po
 * (no format check: a translator's slip the program itself must catch). */
static void
ru_from_po(const char *dir, const char *po)
{
	char cmd[1024], path[512];
	FILE *f;

	broken_ru(dir, "", 0);
	snprintf(path, sizeof path, "%s/ru.po", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(po, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "msgfmt -o %s/ru/LC_MESSAGES/kezek.mo %s", dir, path);
	assert_int_equal(system(cmd), 0);
}

static void
test_marked_errors_in_the_staffs_language(void **state)
{
	char dir[] = "/tmp/kezek-i18n-XXXXXX", err[KZ_ERR_LEN] = "", cmd[600];
	struct kz_i18n *cat = NULL, *before = kz_i18n_current();

	(void)state;
	assert_non_null(mkdtemp(dir));
	ru_from_po(dir,
		"msgid \"\"\nmsgstr \"\"\n"
		"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
		"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n\n"
		"msgid \"%s:%d: unknown key '%s'\"\nmsgstr \"%s:%d: неизвестный ключ '%s'\"\n\n"
		/* a slip: the line number's %d lost, the key read as a number */
		"msgid \"line %d: bad value '%s'\"\nmsgstr \"строка %s: плохое значение %d\"\n");
	assert_int_equal(kz_i18n_load(dir, &cat, err), KZ_OK);
	kz_i18n_use(cat);
	/* the services' logs: the source words, whatever the catalogue holds */
	kz_err(err, KZ_ECONFIG, "%s:%d: unknown key '%s'", "hall.ini", 7, "foo");
	assert_string_equal(err, "hall.ini:7: unknown key 'foo'");
	/* the person at the terminal: their language */
	kz_i18n_errors_in("ru");
	kz_err(err, KZ_ECONFIG, "%s:%d: unknown key '%s'", "hall.ini", 7, "foo");
	assert_string_equal(err, "hall.ini:7: неизвестный ключ 'foo'");
	/* a translation that takes other arguments is never used: English */
	kz_err(err, KZ_ECONFIG, "line %d: bad value '%s'", 3, "x");
	assert_string_equal(err, "line 3: bad value 'x'");
	/* a message nobody translated stays English and is no missed string */
	kz_err(err, KZ_EDB, "the database is locked");
	assert_string_equal(err, "the database is locked");
	assert_int_equal(kz_i18n_missed(cat), 0);
	kz_i18n_errors_in("en");
	kz_err(err, KZ_ECONFIG, "%s:%d: unknown key '%s'", "hall.ini", 7, "foo");
	assert_string_equal(err, "hall.ini:7: unknown key 'foo'");
	kz_i18n_errors_in(NULL);
	kz_i18n_use(before);
	kz_i18n_free(cat);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_strings_from_the_compiled_catalogues),
		cmocka_unit_test(test_a_count_takes_its_languages_form),
		cmocka_unit_test(test_plural_rules),
		cmocka_unit_test(test_a_damaged_catalogue_is_refused),
		cmocka_unit_test(test_marked_errors_in_the_staffs_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
