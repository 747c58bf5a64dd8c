/*
 * bench.h - what the benchmarks share: a monotonic clock, sorting the
 * samples for their percentiles, the process's resident memory, and
 * reading the command line.
 * Header-only, for the bench/ programs alone.
 */
#ifndef KZ_BENCH_H
#define KZ_BENCH_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds of CPU this process has used: on a shared machine, what the
 * work itself cost, whatever the others took of the wall clock. */
static inline double
bench_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The machine's load average over the last minute, -1 if unknown. */
static inline double
bench_load(void)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double load = -1;

	if (f != NULL) {
		if (fscanf(f, "%lf", &load) != 1)
			load = -1;
		fclose(f);
	}
	return load;
}

static inline int
bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sort n samples in place. */
static inline void
bench_sort(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_cmp);
}

/* The process's resident memory in kB (VmRSS), -1 if unknown. */
static inline long
bench_rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Whether the library at path is a GL one: GL, EGL and GLES, Mesa's DRI
 * drivers and GL dispatch, Vulkan, or libLLVM that the drivers pull in.
 * Not libgbm: Debian's SDL2 links it for KMS, and it loads a driver only
 * when a KMS window makes a device. */
static inline int
bench_is_gl(const char *path)
{
	static const char *const names[] = {"libGL", "libEGL", "libGLX", "libGLES", "libOpenGL",
		"libglapi", "libLLVM", "libvulkan", NULL};
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (int i = 0; names[i] != NULL; i++)
		if (strncmp(base, names[i], strlen(names[i])) == 0)
			return 1;
	return strstr(base, "_dri.so") != NULL;
}

/* The shared libraries mapped into this process (/proc/self/maps): how
 * many, or -1 if unknown; the GL ones' names go into gl ("" if none). */
static inline int
bench_libraries(char *gl, size_t glsize)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[1024], last[1024] = "";
	int n = 0;

	gl[0] = '\0';
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f)) {
		char *path = strchr(line, '/');
		if (path == NULL || strstr(path, ".so") == NULL)
			continue;
		path[strcspn(path, "\n")] = '\0';
		if (strcmp(path, last) == 0) /* a library's mappings lie together */
			continue;
		snprintf(last, sizeof last, "%s", path);
		n++;
		if (bench_is_gl(path) && strlen(gl) + strlen(path) + 2 < glsize)
			strcat(strcat(gl, gl[0] ? " " : ""), strrchr(path, '/') + 1);
	}
	fclose(f);
	return n;
}

/* Print the libraries mapped; 0 if none is a GL library, 1 (said on
 * stderr) if one is: drawing in software must not load them. */
static inline int
bench_print_libraries(const char *prog)
{
	char gl[2048];
	int n = bench_libraries(gl, sizeof gl);

	if (n < 0) {
		fprintf(stderr, "%s: cannot read /proc/self/maps\n", prog);
		return 1;
	}
	printf("libraries mapped: %d; GL or LLVM among them: %s\n", n, gl[0] ? gl : "none");
	if (gl[0] == '\0')
		return 0;
	fprintf(stderr, "%s: drawing in software, yet GL libraries are mapped: %s\n", prog, gl);
	return 1;
}

/* Remove the scratch folder dir (a buffer; "" once removed or never
 * made), saying so on stderr if it cannot. */
static inline void
bench_remove_dir(const char *prog, char *dir)
{
	char cmd[600];

	if (dir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%.500s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "%s: could not remove %s\n", prog, dir);
	dir[0] = '\0';
}

#ifdef KZ_SOURCE_DIR
/* A scratch hall for a benchmark: dir (256 bytes) made as
 * TMPDIR/kezek-TAG-XXXXXX holding a copy of the source tree's config/;
 * config and db (600 bytes each) get its hall.ini's and its database's
 * paths.  0, or -1 with what failed in why (600 bytes). */
static inline int
bench_scratch_hall(const char *tag, char *dir, char *config, char *db, char *why)
{
	char cmd[600];

	snprintf(dir, 256, "%s/kezek-%s-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", tag);
	if (mkdtemp(dir) == NULL) {
		snprintf(why, 600, "mkdtemp: %s", strerror(errno));
		dir[0] = '\0';
		return -1;
	}
	snprintf(cmd, sizeof cmd, "cp -r '%s/config' '%s/'", KZ_SOURCE_DIR, dir);
	if (system(cmd) != 0) {
		snprintf(why, 600, "cannot copy %s/config into %s", KZ_SOURCE_DIR, dir);
		return -1;
	}
	snprintf(config, 600, "%s/config/hall.ini", dir);
	snprintf(db, 600, "%s/hall.db", dir);
	return 0;
}
#endif

/* An option the benchmark does not take: one line naming it and the way
 * to the usage, on stderr, and exit 1. */
static inline void
bench_bad_option(const char *prog, const char *arg)
{
	fprintf(stderr, "%s: cannot use '%s'; '%s --help' shows the usage\n", prog, arg, prog);
	exit(1);
}

/* A whole decimal number in lo..hi from text into *out; 0 if it is not. */
static inline int
bench_number(const char *text, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (end == text || *end != '\0' || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

#endif
