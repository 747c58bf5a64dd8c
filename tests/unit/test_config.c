/* test_config.c - hall.ini is taken whole or refused with file, line and reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/config.h"
#include "queue/error.h"

static char dir[256];
static char path[512];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kezek-config-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/hall.ini", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

/* Load ini; expect KZ_ECONFIG with a message holding "hall.ini:LINE:" and want. */
static void
expect_refused(const char *ini, int line, const char *want)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "", where[600];

	assert_non_null(cfg);
	test_write_file(path, ini);
	int rc = kz_config_load(path, cfg, err);

	free(cfg);
	assert_int_equal(rc, KZ_ECONFIG);
	snprintf(where, sizeof where, "%s:%d: ", path, line);
	if (strstr(err, where) == NULL || strstr(err, want) == NULL)
		fail_msg("expected '%s...%s', got '%s'", where, want, err);
}

#define HALL  "[hall]\nname_kk = Бөлім\nname_ru = Отдел\n"
#define SVC_A "[service A]\nname_kk = Тапсыру\nname_ru = Сдача\n"

static void
test_shipped_configuration_loads(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";
	const struct kz_counter_conf *c3;

	(void)state;
	assert_non_null(cfg);
	if (kz_config_load(KZ_SOURCE_DIR "/config/hall.ini", cfg, err) != KZ_OK)
		fail_msg("%s", err);
	assert_string_equal(cfg->timezone, "Asia/Almaty");
	assert_int_equal(cfg->wait_limit_min, 30);
	assert_int_equal(cfg->service_limit_min, 30);
	assert_int_equal(cfg->nservices, 3);
	assert_string_equal(kz_config_service(cfg, "B")->name_ru, "Получение результата");
	c3 = kz_config_counter(cfg, 3);
	assert_non_null(c3);
	assert_int_equal(c3->nservices, 3);
	assert_null(kz_config_counter(cfg, 9));
	free(cfg);
}

static void
test_defaults_and_prefix(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	test_write_file(path,
		HALL "[service doc]\nprefix = Д\nname_kk = Қ\nname_ru = Д\n"
		     "[counter 7]\nservices = doc\n");
	assert_int_equal(kz_config_load(path, cfg, err), KZ_OK);
	/* relative paths are taken from the file's folder */
	assert_true(strncmp(cfg->database, dir, strlen(dir)) == 0);
	assert_non_null(strstr(cfg->database, "/../var/hall.db"));
	assert_string_equal(kz_config_service(cfg, "doc")->prefix, "Д");
	/* a service is found by its prefix too */
	assert_string_equal(kz_config_service(cfg, "Д")->code, "doc");
	free(cfg);
}

/* How the board's voice says a prefix: spoken_letter for both languages, a
 * language's own key over it in either order; Latin letters refused (the
 * voice would read them in English), Kazakh letters only for Kazakh. */
static void
test_spoken_letter(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";
	const struct kz_service_conf *s;

	(void)state;
	assert_non_null(cfg);
	test_write_file(path,
		HALL "[service A]\nname_kk = x\nname_ru = y\nspoken_letter = бэ\n"
		     "[service W]\nname_kk = x\nname_ru = y\n"
		     "spoken_letter_kk = қа\nspoken_letter = ка\n"
		     "[service B]\nname_kk = x\nname_ru = y\n"
		     "[counter 1]\nservices = A, W, B\n");
	if (kz_config_load(path, cfg, err) != KZ_OK)
		fail_msg("%s", err);
	s = kz_config_service(cfg, "A");
	assert_string_equal(s->spoken_kk, "бэ");
	assert_string_equal(s->spoken_ru, "бэ");
	s = kz_config_service(cfg, "W");
	assert_string_equal(s->spoken_kk, "қа");
	assert_string_equal(s->spoken_ru, "ка");
	s = kz_config_service(cfg, "B");
	assert_string_equal(s->spoken_kk, "");
	assert_string_equal(s->spoken_ru, "");
	free(cfg);
	expect_refused(HALL SVC_A "spoken_letter = bee\n", 7, "spoken_letter of [service A]");
	expect_refused(HALL SVC_A "spoken_letter = қа\n", 7, "spoken_letter_kk");
	expect_refused(HALL SVC_A "spoken_letter_ru = ә\n", 7, "Russian letters");
	expect_refused(HALL SVC_A "spoken_letter = \n", 7, "spoken_letter");
	expect_refused(HALL SVC_A "spoken_letter_en = би\n", 7, "'spoken_letter_en'");
}

static void
test_unknown_key_names_line_and_known_keys(void **state)
{
	(void)state;
	expect_refused(HALL SVC_A "prefx = A\n[counter 1]\nservices = A\n", 7, "'prefx'");
	expect_refused(HALL SVC_A "prefx = A\n[counter 1]\nservices = A\n", 7, "prefix, name_kk");
}

static void
test_unknown_section(void **state)
{
	(void)state;
	expect_refused(HALL SVC_A "[scanner x]\nuri = y\n[counter 1]\nservices = A\n", 8,
		"unknown section [scanner x]");
}

static void
test_counter_serving_an_undefined_service(void **state)
{
	(void)state;
	expect_refused(HALL SVC_A "\n[counter 2]\nservices = A, Z\n", 8, "'Z'");
}

static void
test_duplicate_prefix(void **state)
{
	(void)state;
	expect_refused(HALL SVC_A "[service B]\nprefix = A\nname_kk = x\nname_ru = y\n"
				  "[counter 1]\nservices = A\n",
		7, "prefix 'A'");
}

static void
test_missing_name_in_one_language(void **state)
{
	(void)state;
	expect_refused(HALL "[service A]\nname_ru = Сдача\n[counter 1]\nservices = A\n", 4,
		"name_kk and name_ru");
	expect_refused("[hall]\nname_ru = Отдел\n" SVC_A "[counter 1]\nservices = A\n", 1,
		"name_kk and name_ru");
}

static void
test_bad_values(void **state)
{
	(void)state;
	expect_refused(HALL "wait_limit_minutes = half an hour\n", 4, "wait_limit_minutes");
	expect_refused(HALL SVC_A "[counter one]\nservices = A\n", 8, "counter");
	expect_refused(HALL SVC_A "[counter 1]\nservices = \n", 8, "serves no service");
	expect_refused(HALL "[service A-1]\nname_kk = x\n", 5, "Latin letters or digits");
	expect_refused(HALL SVC_A "[counter 1]\nservices = A, A\n", 8, "twice");
	expect_refused(HALL "[service A]\nname_kk = \xD2\n", 5, "UTF-8");
}

static void
test_office_hours(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_non_null(cfg);
	test_write_file(path,
		HALL "[hours]\nopen = 08:30\nclose = 17:30\nlunch_start = 12:30\n"
		     "lunch_end = 13:30\nlast_ticket_minutes = 20\n" SVC_A
		     "[counter 1]\nservices = A\n");
	assert_int_equal(kz_config_load(path, cfg, err), KZ_OK);
	assert_int_equal(cfg->hours.open, 8 * 60 + 30);
	assert_int_equal(cfg->hours.lunch_end, 13 * 60 + 30);
	assert_int_equal(cfg->hours.last_ticket, 20);
	assert_int_equal(cfg->hours.lunch_notice, 30);
	free(cfg);
	expect_refused(HALL "[hours]\nopen = 9am\n", 5, "write it as 09:00");
	expect_refused(HALL "[hours]\nclose = 24:00\n", 5, "close");
	expect_refused(HALL "[hours]\nlunch_start = 19:00\nlunch_end = 20:00\n" SVC_A
			    "[counter 1]\nservices = A\n",
		4, "open < lunch_start");
	expect_refused(HALL "[hours]\nlast_ticket_minutes = -5\n", 5, "last_ticket_minutes");
}

static void
test_printers(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_non_null(cfg);
	test_write_file(path,
		HALL SVC_A "[counter 1]\nservices = A\n"
			   "[printer kiosk-1]\nrole = tickets\ntransport = usb\naddress = auto\n");
	assert_int_equal(kz_config_load(path, cfg, err), KZ_OK);
	assert_int_equal(cfg->nprinters, 1);
	assert_int_equal(kz_config_printer(cfg, "kiosk-1")->paper, 80); /* thermal default */
	/* a CUPS job may wait and print for minutes, not the I/O's seconds */
	assert_int_equal(kz_config_printer(cfg, "kiosk-1")->job_timeout_s, 600);
	free(cfg);
	expect_refused(HALL "[printer p]\nrole = labels\n", 5, "tickets, receipts or a4");
	expect_refused(HALL "[printer p]\ntransport = bluetooth\n", 5,
		"tcp, device, usb, cups, cups-raw or folder");
	expect_refused(HALL "[printer p]\njob_timeout_seconds = 5\n", 5, "10 to 86400");
	expect_refused(HALL "[printer p]\npaper = 70\n", 5, "58 or 80");
	expect_refused(HALL "[printer p q]\nrole = a4\n", 5, "Latin letters, digits and '-'");
	expect_refused(HALL SVC_A "[counter 1]\nservices = A\n[printer p]\nrole = tickets\n", 9,
		"needs role, transport and address");
	expect_refused(HALL SVC_A "[counter 1]\nservices = A\n[printer p]\nrole = a4\n"
				  "transport = tcp\naddress = x:9100\n",
		9, "transport = cups");
	expect_refused(HALL SVC_A "[counter 1]\nservices = A\n[printer p]\nrole = tickets\n"
				  "transport = folder\naddress = out\n",
		9, "a tickets printer needs tcp, device, usb or cups-raw");
}

/* hall.ini's words for roles and transports, each way; unknown is NONE. */
static void
test_role_and_transport_words(void **state)
{
	static const char *const roles[] = {"tickets", "receipts", "a4"};
	static const char *const transports[] = {"tcp", "device", "usb", "cups", "folder"};

	(void)state;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(kz_config_role_of(roles[i]), i + 1);
		assert_string_equal(kz_config_role_name((enum kz_printer_role)(i + 1)), roles[i]);
	}
	for (int i = 0; i < 5; i++) {
		assert_int_equal(kz_config_transport_of(transports[i]), i + 1);
		assert_string_equal(kz_config_transport_name((enum kz_transport_kind)(i + 1)),
			transports[i]);
	}
	assert_int_equal(KZ_TRANSPORT_COUNT, 7);
	assert_int_equal(kz_config_transport_of("cups-raw"), KZ_TRANSPORT_CUPS_RAW);
	assert_int_equal(kz_config_role_of("Tickets"), KZ_ROLE_NONE);
	assert_int_equal(kz_config_role_of(""), KZ_ROLE_NONE);
	assert_int_equal(kz_config_role_of(NULL), KZ_ROLE_NONE);
	assert_int_equal(kz_config_transport_of("TCP"), KZ_TRANSPORT_NONE);
	assert_int_equal(kz_config_transport_of(NULL), KZ_TRANSPORT_NONE);
	assert_string_equal(kz_config_role_name(KZ_ROLE_NONE), "");
	assert_string_equal(kz_config_transport_name(KZ_TRANSPORT_COUNT), "");
}

#define KIOSK_HALL                                                                                 \
	HALL SVC_A "[counter 1]\nservices = A\n"                                                   \
		   "[printer t]\nrole = tickets\ntransport = device\naddress = t.prn\n"            \
		   "[printer f]\nrole = a4\ntransport = folder\naddress = forms\n"

/* A kiosk names its printers, and they must be of the right kind. */
static void
test_kiosks(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";
	const struct kz_kiosk_conf *k;

	(void)state;
	assert_non_null(cfg);
	test_write_file(path,
		KIOSK_HALL "[kiosk k1]\nprinter = t\nforms_printer = f\nlanguage = ru\n"
			   "screen_mm = 268x477\nadmin_gesture = 4321\n");
	assert_int_equal(kz_config_load(path, cfg, err), KZ_OK);
	k = kz_config_kiosk(cfg, NULL);
	assert_non_null(k);
	assert_string_equal(k->name, "k1");
	assert_string_equal(k->lang, "ru");
	assert_int_equal(k->screen_w_mm, 268);
	assert_int_equal(k->idle_seconds, 60);
	assert_ptr_equal(kz_config_kiosk(cfg, "k1"), k);
	assert_null(kz_config_kiosk(cfg, "k2"));
	/* roles and transports read once, as enums */
	assert_int_equal(kz_config_printer(cfg, "t")->role, KZ_ROLE_TICKETS);
	assert_int_equal(kz_config_printer(cfg, "t")->transport, KZ_TRANSPORT_DEVICE);
	assert_int_equal(kz_config_printer(cfg, "f")->role, KZ_ROLE_A4);
	assert_int_equal(kz_config_printer(cfg, "f")->transport, KZ_TRANSPORT_FOLDER);
	free(cfg);
	expect_refused(KIOSK_HALL "[kiosk k1]\nforms_printer = f\n", 17, "needs printer =");
	expect_refused(KIOSK_HALL "[kiosk k1]\nprinter = f\n", 17, "role tickets, not 'f'");
	expect_refused(KIOSK_HALL "[kiosk k1]\nprinter = t\nforms_printer = t\n", 17,
		"must be a [printer] with role a4");
	expect_refused(KIOSK_HALL "[kiosk k1]\nadmin_gesture = 15\n", 18, "3 to 8 corners");
	/* no secret in hall.ini: an old admin_pin line says where the PIN went */
	expect_refused(KIOSK_HALL "[kiosk k1]\nadmin_pin = 1234\n", 18,
		"delete this line and set the PIN with 'kezek kiosk pin k1'");
	expect_refused(KIOSK_HALL
		"[kiosk k1]\nadmin_pin = $y$j9T$7xRxlRO0jBBeVzda0RW79/$BJOLtgDps\n",
		18, "admin_pin is no longer read from hall.ini");
	expect_refused(KIOSK_HALL "[kiosk k1]\nscreen_mm = 20\n", 18,
		"WIDTHxHEIGHT in millimetres");
	expect_refused(KIOSK_HALL "[office]\ncolour = red\n", 18,
		"unknown key 'colour' in [office]");
}

static void
test_syntax_errors(void **state)
{
	char line[400];

	(void)state;
	expect_refused(HALL "this line has no equals sign\n", 4, "not 'key = value'");
	memset(line, 'x', sizeof line);
	memcpy(line, "name_ru = ", 10);
	line[sizeof line - 2] = '\n';
	line[sizeof line - 1] = '\0';
	{
		char ini[600];
		snprintf(ini, sizeof ini, "[hall]\nname_kk = a\n%s", line);
		expect_refused(ini, 3, "longer than");
	}
}

static void
test_empty_file_has_no_services(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	test_write_file(path, HALL);
	assert_int_equal(kz_config_load(path, cfg, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "no services"));
	free(cfg);
}

static void
test_missing_file(void **state)
{
	struct kz_config *cfg = malloc(sizeof *cfg);
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_config_load("/nonexistent/hall.ini", cfg, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "/nonexistent/hall.ini"));
	assert_non_null(strstr(err, "No such file"));
	free(cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_and_transport_words),
		cmocka_unit_test(test_shipped_configuration_loads),
		cmocka_unit_test_setup_teardown(test_defaults_and_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spoken_letter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key_names_line_and_known_keys, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_unknown_section, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counter_serving_an_undefined_service, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_name_in_one_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_office_hours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_printers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kiosks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file_has_no_services, setup, teardown),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
