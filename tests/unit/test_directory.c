/* test_directory.c - App. 1 and App. 5 keep every row of the standard's
 * tables, with valid e-mails, and are searched ignoring case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "queue/directory.h"
#include "queue/error.h"

#define SEED        KZ_SOURCE_DIR "/tests/data/service-standard-ru.txt"
#define MAX_REGIONS 32

struct counts {
	int n;
	char region[MAX_REGIONS][128];
	int rows[MAX_REGIONS];
};

static void
add(struct counts *c, const char *region)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->region[i], region) == 0) {
			c->rows[i]++;
			return;
		}
	assert_true(c->n < MAX_REGIONS);
	snprintf(c->region[c->n], sizeof c->region[0], "%s", region);
	c->rows[c->n++] = 1;
}

/* Count the seed's rows per region, independently of how the CSV was made:
 * a region heading is a line of one cell and four empty ones; every table
 * row, split across lines or not, has exactly one line whose fourth cell
 * (the phone) starts with "8-". */
static void
count_seed(const char *from, const char *to, struct counts *out)
{
	FILE *f = fopen(SEED, "r");
	char line[4096], region[128] = "";
	int inside = 0;

	assert_non_null(f);
	memset(out, 0, sizeof *out);
	while (fgets(line, sizeof line, f)) {
		char *cells[8] = {0}, *save = NULL, *p;
		int n = 0;
		if (strncmp(line, from, strlen(from)) == 0)
			inside = 1;
		else if (strncmp(line, to, strlen(to)) == 0)
			inside = 0;
		if (!inside)
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		if (strstr(line, "\t\t\t\t") && line[0] != '\t' &&
			strchr(line, '\t') == strstr(line, "\t\t\t\t")) {
			snprintf(region, sizeof region, "%.*s", (int)(strchr(line, '\t') - line),
				line);
			continue;
		}
		for (p = strtok_r(line, "\t", &save); p && n < 8; p = strtok_r(NULL, "\t", &save))
			cells[n++] = p;
		if (n >= 4 && strncmp(cells[3], "8-", 2) == 0)
			add(out, region);
	}
	fclose(f);
}

static void
count_csv(const char *path, struct counts *out, int *total)
{
	struct kz_directory *dir = NULL;
	char err[KZ_ERR_LEN] = "";

	if (kz_dir_load(path, &dir, err) != KZ_OK)
		fail_msg("%s", err);
	memset(out, 0, sizeof *out);
	*total = kz_dir_count(dir);
	for (int i = 0; i < *total; i++)
		add(out, kz_dir_entry(dir, i)->region);
	kz_dir_free(dir);
}

static void
compare(const char *path, const char *from, const char *to)
{
	struct counts seed, csv;
	int total, seed_total = 0;

	count_seed(from, to, &seed);
	count_csv(path, &csv, &total);
	assert_int_equal(seed.n, 16); /* 14 regions and the two cities */
	assert_int_equal(csv.n, seed.n);
	for (int i = 0; i < seed.n; i++) {
		int found = 0;
		seed_total += seed.rows[i];
		for (int j = 0; j < csv.n; j++)
			if (strcmp(seed.region[i], csv.region[j]) == 0) {
				found = 1;
				if (seed.rows[i] != csv.rows[j])
					fail_msg("%s: %s has %d rows, the seed %d", path,
						seed.region[i], csv.rows[j], seed.rows[i]);
			}
		if (!found)
			fail_msg("%s: region %s is missing", path, seed.region[i]);
	}
	assert_int_equal(total, seed_total);
}

static void
test_app1_keeps_every_row_of_every_region(void **state)
{
	(void)state;
	compare(KZ_SOURCE_DIR "/config/offices.csv", "Приложение 1", "Приложение 2");
}

static void
test_app5_keeps_every_row_of_every_region(void **state)
{
	(void)state;
	/* App. 5 runs to the end of the text: "\f" never occurs */
	compare(KZ_SOURCE_DIR "/config/akimats.csv", "Приложение 5", "\f");
}

/* local@domain.tld, with no spaces and one '@'. */
static int
valid_email(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len), *dot;

	if (at == NULL || at == s || memchr(at + 1, '@', len - (size_t)(at - s) - 1))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!(s[i] == '.' || s[i] == '-' || s[i] == '_' || s[i] == '@' || s[i] == '+' ||
			    (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			    (s[i] >= '0' && s[i] <= '9')))
			return 0;
	dot = memchr(at, '.', len - (size_t)(at - s));
	return dot && dot > at + 1 && s[len - 1] != '.' && s[len - 2] != '.' && at[-1] != '.';
}

static void
check_emails(const char *path)
{
	struct kz_directory *dir = NULL;
	char err[KZ_ERR_LEN] = "";

	assert_int_equal(kz_dir_load(path, &dir, err), KZ_OK);
	for (int i = 0; i < kz_dir_count(dir); i++) {
		const struct kz_office_entry *e = kz_dir_entry(dir, i);
		const char *p = e->emails;
		if (*p == '\0') {
			if (!strstr(e->notes, "unrecoverable") && !strstr(e->notes, "no e-mail") &&
				!strstr(e->notes, "web site"))
				fail_msg("%s: %s has no e-mail and no note saying why", path,
					e->key);
			continue;
		}
		while (*p) {
			size_t len = strcspn(p, ";");
			if (!valid_email(p, len))
				fail_msg("%s: %s: '%.*s' is not an e-mail", path, e->key, (int)len,
					p);
			p += len;
			while (*p == ';' || *p == ' ')
				p++;
		}
	}
	kz_dir_free(dir);
}

static void
test_every_email_is_valid_or_marked(void **state)
{
	(void)state;
	check_emails(KZ_SOURCE_DIR "/config/offices.csv");
	check_emails(KZ_SOURCE_DIR "/config/akimats.csv");
}

static void
test_every_office_has_its_complaints_body(void **state)
{
	struct kz_directory *offices = NULL, *akimats = NULL;
	char err[KZ_ERR_LEN] = "";

	(void)state;
	assert_int_equal(kz_dir_load(KZ_SOURCE_DIR "/config/offices.csv", &offices, err), KZ_OK);
	assert_int_equal(kz_dir_load(KZ_SOURCE_DIR "/config/akimats.csv", &akimats, err), KZ_OK);
	for (int i = 0; i < kz_dir_count(offices); i++)
		if (kz_dir_find(akimats, kz_dir_entry(offices, i)->key) == NULL)
			fail_msg("no App. 5 body for %s", kz_dir_entry(offices, i)->key);
	assert_string_equal(kz_dir_find(akimats, "akmola-zerendin-district")->name,
		"Аппарат акима Зерендинского района");
	/* a row split across two lines of the seed, joined, its e-mail mended */
	assert_string_equal(kz_dir_find(akimats, "akmola-zerendin-district")->emails,
		"akim_zer@kokshetau.online.kz");
	kz_dir_free(offices);
	kz_dir_free(akimats);
}

static void
test_search_ignores_case_in_cyrillic(void **state)
{
	struct kz_directory *dir = NULL;
	char err[KZ_ERR_LEN] = "";
	int upper = 0, lower = 0;

	(void)state;
	assert_int_equal(kz_dir_load(KZ_SOURCE_DIR "/config/akimats.csv", &dir, err), KZ_OK);
	for (int i = 0; i < kz_dir_count(dir); i++) {
		upper += kz_dir_matches(kz_dir_entry(dir, i), "ЗЕРЕНДИНСК");
		lower += kz_dir_matches(kz_dir_entry(dir, i), "зерендинск");
	}
	assert_int_equal(upper, 1);
	assert_int_equal(lower, 1);
	assert_false(kz_dir_matches(kz_dir_entry(dir, 0), "несуществующий"));
	kz_dir_free(dir);
}

static void
test_malformed_csv_is_refused(void **state)
{
	char path[] = "/tmp/kezek-dir-XXXXXX", err[KZ_ERR_LEN] = "";
	struct kz_directory *dir = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	test_write_file(path,
		"key,region,name,address,official,phones,emails,notes\n"
		"a,R,N,\"unclosed,x,y,z,w\n");
	assert_int_equal(kz_dir_load(path, &dir, err), KZ_ECONFIG);
	assert_null(dir);
	test_write_file(path,
		"key,region,name,address,official,phones,emails,notes\n"
		"a,R,N,A,O,P,E,\na,R,N2,A,O,P,E,\n");
	assert_int_equal(kz_dir_load(path, &dir, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "row 3"));
	assert_non_null(strstr(err, "twice"));
	test_write_file(path, "key,name\na,b\n");
	assert_int_equal(kz_dir_load(path, &dir, err), KZ_ECONFIG);
	assert_non_null(strstr(err, "8 columns"));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_app1_keeps_every_row_of_every_region),
		cmocka_unit_test(test_app5_keeps_every_row_of_every_region),
		cmocka_unit_test(test_every_email_is_valid_or_marked),
		cmocka_unit_test(test_every_office_has_its_complaints_body),
		cmocka_unit_test(test_search_ignores_case_in_cyrillic),
		cmocka_unit_test(test_malformed_csv_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
