/*
 * lf_files.c - coverage-guided fuzzing (libFuzzer) of every file Kezek
 * reads: built three times, as lf_config (hall.ini), lf_holidays (a year
 * of holidays) and lf_directory (offices.csv, akimats.csv), by KZ_LF_KIND.
 * Each input is taken or refused with KZ_ECONFIG and a one-line message
 * naming the file; anything else aborts, and the sanitizers watch the rest.
 * scripts/fuzz.sh builds and runs them; fuzz_files is the seeded twin
 * that runs in every build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/directory.h"
#include "queue/error.h"

#define KIND_CONFIG    1
#define KIND_HOLIDAYS  2
#define KIND_DIRECTORY 3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[128];

/* The file under test, written anew for each input, in a folder of its own. */
static void
put(const uint8_t *data, size_t size)
{
	FILE *f;

	if (dir[0] == '\0') {
		const char *leaf = KZ_LF_KIND == KIND_CONFIG ? "hall.ini"
			: KZ_LF_KIND == KIND_HOLIDAYS        ? "2026.ini"
							     : "offices.csv";
		snprintf(dir, sizeof dir, "%s", "/tmp/kezek-lf-XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof path, "%s/%s", dir, leaf);
	}
	if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

/* A refusal must be a configuration error naming the file, on one line. */
static void
check(int rc, const char *err)
{
	const char *leaf = strrchr(path, '/') + 1;

	if (rc == KZ_OK)
		return;
	if (rc != KZ_ECONFIG || strstr(err, leaf) == NULL || strchr(err, '\n') != NULL) {
		fprintf(stderr, "refused with code %d and message '%s'\n", rc, err);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kz_config cfg;
	char err[KZ_ERR_LEN] = "";

	put(data, size);
#if KZ_LF_KIND == KIND_CONFIG
	check(kz_config_load(path, &cfg, err), err);
#elif KZ_LF_KIND == KIND_HOLIDAYS
	struct kz_calendar *cal = NULL;
	(void)cfg;
	check(kz_cal_load(dir, NULL, &cal, err), err);
	kz_cal_free(cal);
#else
	struct kz_directory *d = NULL;
	(void)cfg;
	check(kz_dir_load(path, &d, err), err);
	kz_dir_free(d);
#endif
	return 0;
}
