/*
 * test_intake.c - the intake form checked one field at a time: what each
 * field refuses and says (in Kazakh, Russian and the English source), and
 * that no message quotes what was typed.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "queue/error.h"
#include "queue/i18n.h"
#include "queue/intake.h"

static const struct kz_intake_form person = {.kind = KZ_APP_INDIVIDUAL};
static const struct kz_intake_form entity = {.kind = KZ_APP_LEGAL};

static int
check(const struct kz_intake_form *form, enum kz_intake_field f, const char *value, char *err)
{
	return kz_intake_check_field(form, f, value, "en", NULL, err);
}

static void
test_iin_and_bin_as_typed(void **state)
{
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(check(&person, KZ_INTAKE_IDNUM, "870412300416", err), KZ_OK);
	assert_int_equal(check(&person, KZ_INTAKE_IDNUM, "870412300417", err), KZ_EINVAL);
	assert_non_null(strstr(err, "control digit"));
	assert_null(strstr(err, "870412300417"));
	assert_int_equal(check(&person, KZ_INTAKE_IDNUM, "87041230041", err), KZ_EINVAL);
	assert_string_equal(err, "IIN has 12 digits; 11 typed");
	assert_int_equal(check(&person, KZ_INTAKE_IDNUM, "8704 12300416", err), KZ_EINVAL);
	assert_non_null(strstr(err, "position 5"));
	assert_int_equal(check(&person, KZ_INTAKE_IDNUM, "", err), KZ_EINVAL);
	assert_string_equal(err, "IIN is required; type it");
	/* a BIN for a legal entity: an IIN's shape is not enough */
	assert_int_equal(check(&entity, KZ_INTAKE_IDNUM, "870412300416", err), KZ_EINVAL);
	assert_true(strncmp(err, "BIN", 3) == 0);
}

static void
test_text_fields_required_by_kind(void **state)
{
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(check(&person, KZ_INTAKE_PHONE, "", err), KZ_EINVAL);
	assert_int_equal(check(&entity, KZ_INTAKE_PHONE, "", err), KZ_OK);
	assert_int_equal(check(&person, KZ_INTAKE_PROXY, "", err), KZ_OK);
	assert_int_equal(check(&entity, KZ_INTAKE_REPRESENTATIVE, "", err), KZ_EINVAL);
	assert_int_equal(check(&person, KZ_INTAKE_NAME, "Иванов\tИван", err), KZ_EINVAL);
	assert_int_equal(check(&person, KZ_INTAKE_PHONE, "+7 701 111 22 33", err), KZ_OK);
	assert_int_equal(check(&person, KZ_INTAKE_PHONE, "8 701 111 22", err), KZ_EINVAL);
	assert_int_equal(check(&person, KZ_INTAKE_PHONE, "8 701 ONE", err), KZ_EINVAL);
	assert_int_equal(check(&person, KZ_INTAKE_KIND, "legal", err), KZ_OK);
	assert_int_equal(check(&person, KZ_INTAKE_KIND, "company", err), KZ_EINVAL);
}

static void
test_documents_of_this_applicant(void **state)
{
	struct kz_intake_value v;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_intake_check_field(&person, KZ_INTAKE_DOCS, "application, id_copy, act",
				 "en", &v, err),
		KZ_OK);
	assert_int_equal(v.docs,
		(1u << KZ_APPDOC_APPLICATION) | (1u << KZ_APPDOC_ID_COPY) | (1u << KZ_APPDOC_ACT));
	assert_int_equal(check(&person, KZ_INTAKE_DOCS, "application,registration", err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "not one of p.11"));
	assert_int_equal(check(&person, KZ_INTAKE_DOCS, "application,passport", err), KZ_EINVAL);
	assert_non_null(strstr(err, "not known"));
}

/* Each row against itself as it is typed, the total against the rows. */
static void
test_act_rows_and_total(void **state)
{
	struct kz_act_row rows[2];
	struct kz_intake_form form = {.kind = KZ_APP_INDIVIDUAL, .rows = rows};
	struct kz_intake_value v;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_intake_check_field(&form, KZ_INTAKE_ACT_ROW,
				 "Зона 1;0,1500;1 200 000;1,2;216 000,00", "en", &v, err),
		KZ_OK);
	assert_int_equal(v.row.value, 21600000);
	rows[form.nrows++] = v.row;
	assert_int_equal(check(&form, KZ_INTAKE_ACT_ROW, "Зона 2;0,1;1 000 000;1;90 000", err),
		KZ_EINVAL);
	assert_string_equal(err,
		"row 2: area x rate x coefficient is 100 000,00 tenge, the row "
		"says 90 000,00; check the act");
	assert_int_equal(check(&form, KZ_INTAKE_ACT_ROW, "Зона 2;0,1;1 000 000", err), KZ_EINVAL);
	assert_int_equal(check(&form, KZ_INTAKE_ACT_TOTAL, "200 000", err), KZ_EINVAL);
	assert_string_equal(err,
		"the rows add up to 216 000,00 tenge, the total says 200 000,00; check the act");
	assert_int_equal(kz_intake_check_field(&form, KZ_INTAKE_ACT_TOTAL, "216 000,00", "en", &v,
				 err),
		KZ_OK);
	assert_int_equal(v.total, 21600000);
	assert_int_equal(check(&form, KZ_INTAKE_ACT_TOTAL, "", err), KZ_EINVAL);
}

/* The same check says it in the clerk's language. */
static void
test_messages_in_kazakh_and_russian(void **state)
{
	struct kz_i18n *cat = NULL, *before = kz_i18n_current();
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_i18n_load(KZ_LOCALE_DIR, &cat, err), KZ_OK);
	kz_i18n_use(cat);
	assert_int_equal(kz_intake_check_field(&person, KZ_INTAKE_IDNUM, "870412300417", "kk", NULL,
				 err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "ЖСН: бақылау цифры"));
	assert_int_equal(kz_intake_check_field(&person, KZ_INTAKE_IDNUM, "870412300417", "ru", NULL,
				 err),
		KZ_EINVAL);
	assert_non_null(strstr(err, "ИИН: контрольная цифра"));
	assert_string_equal(kz_intake_label(KZ_INTAKE_IDNUM, KZ_APP_LEGAL, "ru"), "БИН");
	assert_int_equal(kz_i18n_missed(cat), 0);
	kz_i18n_use(before);
	kz_i18n_free(cat);
}

static void
test_field_names_for_the_page(void **state)
{
	enum kz_intake_field f;

	(void)state;
	for (int i = 0; i < KZ_INTAKE_NFIELDS; i++) {
		assert_int_equal(kz_intake_field_parse(kz_intake_field_name(i), &f), KZ_OK);
		assert_int_equal(f, i);
	}
	assert_int_equal(kz_intake_field_parse("iin", &f), KZ_EINVAL);
	assert_string_equal(kz_intake_field_name(KZ_INTAKE_ACT_TOTAL), "act_total");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iin_and_bin_as_typed),
		cmocka_unit_test(test_text_fields_required_by_kind),
		cmocka_unit_test(test_documents_of_this_applicant),
		cmocka_unit_test(test_act_rows_and_total),
		cmocka_unit_test(test_messages_in_kazakh_and_russian),
		cmocka_unit_test(test_field_names_for_the_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
