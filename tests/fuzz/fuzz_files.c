/*
 * fuzz_files.c - every file Kezek reads, mangled: hall.ini, a year of
 * holidays, the office directory.  Each mangled file must be taken or
 * refused with a message naming the file; never a crash, never a silent
 * half-read (the sanitizers watch the rest).  Deterministic: a fixed seed.
 *
 *   fuzz_files [ITERATIONS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queue/calendar.h"
#include "queue/config.h"
#include "queue/directory.h"
#include "queue/error.h"

static unsigned long long seed = 0x4b657a656bULL;

static unsigned
next(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fprintf(stderr, "fuzz_files: cannot read %s\n", path);
		exit(2);
	}
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(2);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* A mangled copy of src: bytes flipped, dropped, doubled, lines swapped in. */
static size_t
mangle(const char *src, size_t len, char *out, size_t cap)
{
	static const char *const junk[] = {"[", "]", "=", "\n", ";", "\"", ",", "\xD2", "\xff\xfe",
		"\r\n", "[service ", "[counter 0]", "\n[hours]\nopen = 25:00\n",
		"date = 2026-02-30\n", "\t\t\t", "0000000000000000000000000000"};
	size_t n = 0, edits = 1 + next() % 6;

	for (size_t i = 0; i < len && n + 64 < cap; i++) {
		unsigned r = next() % 1000;
		if (edits && r < 4) { /* drop */
			edits--;
			continue;
		}
		out[n++] = src[i];
		if (edits && r >= 4 && r < 8) { /* flip */
			out[n - 1] = (char)(out[n - 1] ^ (1 << (next() % 8)));
			edits--;
		} else if (edits && r >= 8 && r < 12) { /* insert */
			const char *j = junk[next() % (sizeof junk / sizeof junk[0])];
			size_t jl = strlen(j);
			memcpy(out + n, j, jl);
			n += jl;
			edits--;
		}
	}
	if (next() % 8 == 0)
		n = next() % (n + 1); /* cut short */
	return n;
}

static void
put(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		exit(2);
}

/* The message of a refusal must name the file. */
static int
check(int rc, const char *err, const char *name, int *taken)
{
	if (rc == KZ_OK) {
		(*taken)++;
		return 0;
	}
	if (rc != KZ_ECONFIG || strstr(err, name) == NULL) {
		fprintf(stderr, "fuzz_files: %s refused with code %d and message '%s'\n", name, rc,
			err);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int iterations = argc > 1 ? atoi(argv[1]) : 2000, bad = 0, taken[3] = {0};
	char dir[] = "/tmp/kezek-fuzz-XXXXXX", path[3][128], err[KZ_ERR_LEN];
	const char *srcs[3] = {KZ_SOURCE_DIR "/config/hall.ini",
		KZ_SOURCE_DIR "/config/holidays/2025.ini", KZ_SOURCE_DIR "/config/akimats.csv"};
	static struct kz_config cfg;
	size_t len[3];
	char *orig[3], *buf = malloc(1 << 20);

	if (buf == NULL || mkdtemp(dir) == NULL)
		return 2;
	snprintf(path[0], sizeof path[0], "%s/hall.ini", dir);
	snprintf(path[1], sizeof path[1], "%s/2025.ini", dir);
	snprintf(path[2], sizeof path[2], "%s/akimats.csv", dir);
	for (int i = 0; i < 3; i++)
		orig[i] = slurp(srcs[i], &len[i]);
	for (int it = 0; it < iterations; it++) {
		int k = it % 3;
		size_t n = mangle(orig[k], len[k], buf, 1 << 20);
		put(path[k], buf, n);
		err[0] = '\0';
		if (k == 0) {
			bad += check(kz_config_load(path[0], &cfg, err), err, "hall.ini",
				&taken[0]);
		} else if (k == 1) {
			struct kz_calendar *cal = NULL;
			bad += check(kz_cal_load(dir, NULL, &cal, err), err, "2025.ini", &taken[1]);
			kz_cal_free(cal);
			unlink(path[1]);
		} else {
			struct kz_directory *d = NULL;
			bad += check(kz_dir_load(path[2], &d, err), err, "akimats.csv", &taken[2]);
			kz_dir_free(d);
		}
	}
	printf("fuzz_files: %d mangled files; taken: hall.ini %d, 2025.ini %d, akimats.csv %d; "
	       "refused with a message naming the file: the rest; %d wrong\n",
		iterations, taken[0], taken[1], taken[2], bad);
	for (int i = 0; i < 3; i++) {
		unlink(path[i]);
		free(orig[i]);
	}
	rmdir(dir);
	free(buf);
	return bad ? 1 : 0;
}
