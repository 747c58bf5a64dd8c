/* helpers.c - a fresh hall for each unit test; see helpers.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/clock.h"
#include "queue/counter.h"
#include "queue/error.h"
#include "queue/hall.h"

const char test_default_ini[] =
	"[hall]\n"
	"name_kk = Жер қатынастары бөлімі\n"
	"name_ru = Отдел земельных отношений\n"
	"[service A]\nprefix = A\nname_kk = Құжаттарды тапсыру\nname_ru = Сдача документов\n"
	"[service B]\nprefix = B\nname_kk = Нәтижені алу\nname_ru = Получение результата\n"
	"[service C]\nprefix = C\nname_kk = Кеңес беру\nname_ru = Консультация\n"
	"[counter 1]\nservices = A, B\n"
	"[counter 2]\nservices = A, B\n"
	"[counter 3]\nservices = A, B, C\n"
	"[counter 4]\nservices = C\n";

void
test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

int64_t
test_at(const char *local)
{
	int64_t t;
	char err[KZ_ERR_LEN] = "";

	if (kz_clock_parse_local(local, &t, err) != KZ_OK)
		fail_msg("bad time %s: %s", local, err);
	kz_clock_set(t);
	return t;
}

int
test_hall_setup(void **state)
{
	*state = test_hall_new(NULL);
	return 0;
}

int
test_hall_teardown(void **state)
{
	test_hall_free(*state);
	return 0;
}

struct kz_ticket
test_issue(struct test_hall *h, const char *service)
{
	struct kz_ticket t;
	char err[KZ_ERR_LEN] = "";

	if (kz_ticket_issue(h->db, h->cal, service, &t, err) != KZ_OK)
		fail_msg("issue %s: %s", service, err);
	return t;
}

struct test_hall *
test_hall_new(const char *ini)
{
	struct test_hall *h = calloc(1, sizeof *h);
	char err[KZ_ERR_LEN] = "";
	int rc;

	assert_non_null(h);
	snprintf(h->dir, sizeof h->dir, "%s/kezek-test-XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(h->dir));
	snprintf(h->config_path, sizeof h->config_path, "%s/hall.ini", h->dir);
	snprintf(h->db_path, sizeof h->db_path, "%s/hall.db", h->dir);
	test_write_file(h->config_path, ini ? ini : test_default_ini);
	rc = kz_config_load(h->config_path, &h->cfg, err);
	if (rc != KZ_OK)
		fail_msg("config: %s", err);
	assert_int_equal(kz_clock_setup("Asia/Almaty", "2026-03-20T10:00", err), KZ_OK);
	rc = kz_db_open(h->db_path, KZ_DB_CREATE, &h->db, err);
	if (rc != KZ_OK)
		fail_msg("open: %s", err);
	rc = kz_hall_sync(h->db, &h->cfg, NULL, err);
	if (rc != KZ_OK)
		fail_msg("sync: %s", err);
	rc = kz_cal_load(KZ_SOURCE_DIR "/config/holidays", &h->cfg.hours, &h->cal, err);
	if (rc != KZ_OK)
		fail_msg("calendar: %s", err);
	return h;
}

void
test_hall_free(struct test_hall *h)
{
	char cmd[600];

	if (h == NULL)
		return;
	kz_db_close(h->db);
	kz_cal_free(h->cal);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", h->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", h->dir);
	free(h);
}

void
test_open_counter(struct test_hall *h, int number)
{
	char err[KZ_ERR_LEN] = "", name[64];
	int rc;

	snprintf(name, sizeof name, "Clerk Number%d", number);
	rc = kz_counter_open(h->db, number, name, "Chief specialist", err);
	if (rc != KZ_OK)
		fail_msg("open counter %d: %s", number, err);
}
