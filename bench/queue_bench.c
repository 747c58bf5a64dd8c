/*
 * queue_bench.c - figures, never a pass or fail: how long issuing and calling
 * a ticket take with 1, 4 and 16 processes, against a bare one-row insert.
 *
 *   queue_bench [--quick] [--ops N] [--dir PATH] [--pause MS] [--where]
 *   (300 operations; --quick: 10; a random pause of 1 ms on average)
 *
 * Each process stands for a kiosk or a clerk: between two operations it
 * pauses, as a visitor or a clerk does, for a random time (exponential,
 * as arrivals come) averaging --pause ms.  1 ms is a thousand times a busy
 * hall's pace, yet enough that a process which has just committed does not
 * take the lock straight back before the others wake (--pause 0 measures
 * that back-to-back loop, which no hall can make).
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "queue/calendar.h"
#include "queue/clock.h"
#include "queue/config.h"
#include "queue/counter.h"
#include "queue/db.h"
#include "queue/error.h"
#include "queue/hall.h"
#include "queue/ticket.h"

#include "bench.h"

#define MAX_PROCS 16
#define MAX_OPS   100000
#define NCOUNTERS 16
#define PATH_LEN  (KZ_PATH_LEN + 32)
#define START_AT  "2026-03-20T10:00" /* a working-day morning (a Friday) */

enum op { OP_FLOOR, OP_ISSUE, OP_NEXT };

static const char *const op_name[] = {"floor insert", "issue ticket", "call next"};
static const int procs_list[] = {1, 4, 16};
static const char *const service_code[] = {"A", "B", "C"};

/* One child's report, written into the shared map before it exits. */
struct slot {
	int64_t end_ns;            /* monotonic time after its last operation */
	int done;                  /* operations measured */
	int empty;                 /* next found no one waiting */
	int busy;                  /* gave up waiting for the lock: nothing changed */
	char busy_msg[KZ_ERR_LEN]; /* the first such message */
	int ntiming;               /* statements timed under the write lock */
	struct kz_db_timing timing[KZ_DB_TIMING_ROWS];
};

/* Mapped before fork, so the parent sees what every child writes. */
struct shared {
	int abort; /* the phase could not start all children: do nothing */
	struct slot slot[MAX_PROCS];
	int64_t lat[]; /* ns; child i writes from lat[i * ops] */
};

struct result {
	double p50, p99, max; /* ms */
	double ops_s;
	long n;
	long waiting; /* at the phase's start */
	long busy;
};

struct bench {
	int ops;
	int where;                  /* --where: the issue's statements under the lock */
	int pause_us;               /* --pause: each process's mean pause between operations */
	struct result floor, issue; /* at the last level run */
	int keep;                   /* --dir given: leave the files for a look */
	char dir[KZ_PATH_LEN];
	char db[PATH_LEN];
	struct kz_calendar *cal; /* issue asks it whether the office is open */
	struct shared *sh;
	size_t shlen;
	long waiting; /* tickets issued and not yet called */
	long issued;
	long empty; /* calls that found no one waiting */
	long busy;  /* operations that gave up waiting for the lock */
	char busy_msg[KZ_ERR_LEN];
};

/* One phase: an operation run by procs children released together. */
struct phase {
	enum op op;
	int procs;
	int started; /* children forked */
	int ready[2];
	int go[2];
	pid_t pid[MAX_PROCS];
};

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
usage(void)
{
	printf("usage: queue_bench [--quick] [--ops N] [--dir PATH] [--where] [--pause MS]\n"
	       "Times issuing a ticket and calling the next one against a bare one-row\n"
	       "insert (the floor), with 1, 4 and 16 processes at once on one database:\n"
	       "p50, p99, max, operations a second and the ratios to the floor (p50, p99\n"
	       "and ops/s, each against the floor's own in the same run).\n"
	       "  --ops N     operations per process per phase, 1 to %d (default 300)\n"
	       "  --quick     10 operations per process per phase (unless --ops is given):\n"
	       "              a few seconds; exits 1 if any operation fails\n"
	       "  --dir PATH  folder for the database, kept afterwards (default: a new\n"
	       "              folder under $TMPDIR or /tmp, removed afterwards)\n"
	       "  --pause MS  each process pauses after each operation, as a kiosk or a\n"
	       "              clerk does, a random time (exponential, as arrivals come)\n"
	       "              of MS ms on average, 0 to 100 (default 1); 0: none, so a\n"
	       "              process that has just committed takes the lock again\n"
	       "              before the others wake, which no hall can do\n"
	       "  --where     after each issue row, the time of each statement the issue\n"
	       "              runs under the write lock, per ticket, and its share\n"
	       "  -h, --help  this text\n",
		MAX_OPS);
}

static int
parse_args(int argc, char **argv, struct bench *b)
{
	int i, quick = 0, ops_given = 0;

	for (i = 1; i < argc; i++) {
		long v;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			exit(0);
		}
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
		} else if (strcmp(argv[i], "--where") == 0) {
			b->where = 1;
		} else if (strcmp(argv[i], "--pause") == 0 && i + 1 < argc) {
			char *end;
			double ms = strtod(argv[++i], &end);
			if (end == argv[i] || *end != '\0' || !(ms >= 0 && ms <= 100))
				goto bad;
			b->pause_us = (int)(ms * 1000);
		} else if (strcmp(argv[i], "--ops") == 0 && i + 1 < argc) {
			if (!bench_number(argv[++i], 1, MAX_OPS, &v))
				goto bad;
			b->ops = (int)v;
			ops_given = 1;
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			if (snprintf(b->dir, sizeof b->dir, "%s", argv[++i]) >= (int)sizeof b->dir)
				goto bad;
			b->keep = 1;
		} else {
			goto bad;
		}
	}
	if (quick && !ops_given)
		b->ops = 10;
	return 0;
bad:
	bench_bad_option("queue_bench", argv[i]);
	return -1;
}

/* The folder: --dir as given (made if missing, refused if it holds a
 * database: figures need a fresh one), else a new temporary one. */
static int
make_dir(struct bench *b)
{
	const char *tmp = getenv("TMPDIR");
	struct stat st;

	if (!b->keep) {
		snprintf(b->dir, sizeof b->dir, "%s/kezek-bench-XXXXXX",
			tmp && *tmp ? tmp : "/tmp");
		if (mkdtemp(b->dir) == NULL)
			goto fail;
	} else if (mkdir(b->dir, 0700) < 0 && errno != EEXIST) {
		goto fail;
	}
	snprintf(b->db, sizeof b->db, "%s/hall.db", b->dir);
	if (b->keep && stat(b->db, &st) == 0) {
		fprintf(stderr, "queue_bench: '%s' already exists; give --dir an empty folder\n",
			b->db);
		return -1;
	}
	return 0;
fail:
	fprintf(stderr, "queue_bench: cannot make folder '%s': %s\n", b->dir, strerror(errno));
	return -1;
}

static void
remove_dir(struct bench *b)
{
	static const char *const names[] = {"hall.ini", "hall.db", "hall.db-wal", "hall.db-shm"};
	char path[PATH_LEN];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", b->dir, names[i]);
		unlink(path);
	}
	if (rmdir(b->dir) < 0)
		fprintf(stderr, "queue_bench: cannot remove '%s': %s\n", b->dir, strerror(errno));
}

/* The results map is file-backed: MAP_ANONYMOUS is not in POSIX 2008. */
static int
map_shared(struct bench *b)
{
	char path[PATH_LEN];
	int fd;

	b->shlen = sizeof *b->sh + sizeof b->sh->lat[0] * MAX_PROCS * (size_t)b->ops;
	snprintf(path, sizeof path, "%s/results", b->dir);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || ftruncate(fd, (off_t)b->shlen) < 0) {
		fprintf(stderr, "queue_bench: cannot make '%s': %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	b->sh = mmap(NULL, b->shlen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unlink(path);
	close(fd);
	if (b->sh == MAP_FAILED) {
		perror("queue_bench: mmap");
		return -1;
	}
	return 0;
}

static int
write_ini(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return -1;
	fprintf(f,
		"; Written by queue_bench; it opens hall.db next to this file itself.\n"
		"[hall]\nname_kk = Бенчмарк залы\nname_ru = Зал бенчмарка\n\n");
	for (int i = 0; i < 3; i++)
		fprintf(f,
			"[service %s]\nprefix = %s\nname_kk = Қызмет %s\nname_ru = Услуга %s\n\n",
			service_code[i], service_code[i], service_code[i], service_code[i]);
	for (int i = 1; i <= NCOUNTERS; i++)
		fprintf(f, "[counter %d]\nservices = A, B, C\n\n", i);
	return fclose(f) == 0 ? 0 : -1;
}

/* hall.ini, the clock, the calendar and a fresh database, closed again
 * before any fork.  The calendar is the rules alone (no holiday files):
 * 20 March 2026 is a working day by them, and the bench needs no data. */
static int
setup_hall(struct bench *b, char *err)
{
	char ini[PATH_LEN];
	struct kz_config *cfg = malloc(sizeof *cfg); /* large: keep it off the stack */
	struct kz_db *db = NULL;
	int rc = KZ_ENOMEM;

	snprintf(ini, sizeof ini, "%s/hall.ini", b->dir);
	if (cfg == NULL)
		return kz_err(err, rc, "out of memory");
	if (write_ini(ini) < 0)
		rc = kz_err(err, KZ_ECONFIG, "cannot write '%s': %s", ini, strerror(errno));
	else if ((rc = kz_config_load(ini, cfg, err)) == KZ_OK &&
		(rc = kz_clock_setup("Asia/Almaty", START_AT, err)) == KZ_OK &&
		(rc = kz_cal_load(NULL, &cfg->hours, &b->cal, err)) == KZ_OK &&
		(rc = kz_db_open(b->db, KZ_DB_CREATE, &db, err)) == KZ_OK)
		rc = kz_hall_sync(db, cfg, NULL, err);
	kz_db_close(db);
	free(cfg);
	return rc;
}

/* Issue tickets (unmeasured) until at least need are waiting. */
static int
top_up(struct bench *b, long need, char *err)
{
	struct kz_ticket t;
	struct kz_db *db;
	int rc;

	if (b->waiting >= need)
		return KZ_OK;
	if ((rc = kz_db_open(b->db, 0, &db, err)) != KZ_OK)
		return rc;
	while (rc == KZ_OK && b->waiting < need) {
		rc = kz_ticket_issue(db, b->cal, service_code[b->issued % 3], &t, err);
		if (rc == KZ_OK) {
			b->waiting++;
			b->issued++;
		}
	}
	kz_db_close(db);
	return rc;
}

/* --- the children --- */

static void
clerk_name(int idx, char *out, size_t len)
{
	snprintf(out, len, "Bench Clerk %02d", idx + 1);
}

/* Prefix err with the step that failed: a child's only report is a line. */
static int
at_step(int rc, const char *step, char *err)
{
	char msg[KZ_ERR_LEN];

	if (rc == KZ_OK)
		return rc;
	snprintf(msg, sizeof msg, "%s", err);
	return kz_err(err, rc, "%s: %s", step, msg);
}

static int
child_setup(struct bench *b, const struct phase *ph, int idx, struct kz_db **db, char *err)
{
	char clerk[64];
	int rc = at_step(kz_db_open(b->db, 0, db, err), "open database", err);

	clerk_name(idx, clerk, sizeof clerk);
	if (rc == KZ_OK && ph->op == OP_NEXT)
		rc = at_step(kz_counter_open(*db, idx + 1, clerk, "Specialist", err),
			"open counter", err);
	return rc;
}

static int
one_op(struct bench *b, struct kz_db *db, enum op op, int idx, int j, struct kz_ticket *t,
	char *err)
{
	switch (op) {
	case OP_FLOOR:
		return kz_db_floor_insert(db, err);
	case OP_ISSUE:
		return kz_ticket_issue(db, b->cal, service_code[(idx + j) % 3], t, err);
	default:
		return kz_ticket_next(db, idx + 1, t, err);
	}
}

/* A lock wait that ran out changed nothing, so the child goes on: the
 * figures still come, and the run ends non-zero with the message. */
static void
note_busy(struct slot *s, const char *err)
{
	if (s->busy++ == 0)
		snprintf(s->busy_msg, sizeof s->busy_msg, "%s", err);
}

/* Free the counter after a call, unmeasured; a timed-out finish is tried
 * again, a few times, since the counter must be free for the next call. */
static int
finish_call(struct kz_db *db, int counter, struct slot *s, char *err)
{
	struct kz_ticket t;
	int rc, tries = 0;

	while ((rc = kz_ticket_finish(db, counter, KZ_SERVED, NULL, NULL, &t, err)) == KZ_EBUSY &&
		++tries < 3)
		note_busy(s, err);
	return at_step(rc, "finish", err);
}

/* A random pause, exponential with a mean of mean_us, as between one
 * arrival and the next (at most ten times the mean). */
static void
pause_a_while(int mean_us, uint64_t *seed)
{
	double u, us;

	if (mean_us <= 0)
		return;
	*seed ^= *seed << 13; /* xorshift64 */
	*seed ^= *seed >> 7;
	*seed ^= *seed << 17;
	u = ((double)(*seed >> 11) + 1) / 9007199254740993.0; /* (0, 1] */
	us = -log(u) * mean_us;
	if (us > 10.0 * mean_us)
		us = 10.0 * mean_us;
	nanosleep(&(struct timespec){(time_t)(us / 1e6), (long)fmod(us, 1e6) * 1000}, NULL);
}

static int
child_loop(struct bench *b, struct kz_db *db, enum op op, int idx, char *err)
{
	uint64_t seed = 0x9e3779b97f4a7c15u * (uint64_t)(idx + 1) + (uint64_t)op;
	struct slot *s = &b->sh->slot[idx];
	int64_t *lat = b->sh->lat + (size_t)idx * (size_t)b->ops;
	struct kz_ticket t;

	for (int j = 0; j < b->ops; j++) {
		int64_t t0 = now_ns();
		int rc = one_op(b, db, op, idx, j, &t, err);
		int64_t t1 = now_ns();
		if (rc == KZ_EEMPTY && op == OP_NEXT) {
			s->empty++;
			continue;
		}
		if (rc == KZ_EBUSY) {
			note_busy(s, err);
			continue;
		}
		if (rc != KZ_OK)
			return at_step(rc, op_name[op], err);
		lat[s->done++] = t1 - t0;
		if (op == OP_NEXT && (rc = finish_call(db, idx + 1, s, err)) != KZ_OK)
			return rc;
		pause_a_while(b->pause_us, &seed);
	}
	s->end_ns = now_ns();
	return KZ_OK;
}

/* Block until the parent closes the go pipe's write end. */
static void
wait_go(int fd)
{
	char c;

	while (read(fd, &c, 1) < 0 && errno == EINTR)
		;
}

static void
child_main(struct bench *b, const struct phase *ph, int idx)
{
	char err[KZ_ERR_LEN] = "", c = 1;
	struct kz_db *db = NULL;
	int rc = child_setup(b, ph, idx, &db, err);

	/* Say ready even after a failure, so the parent never waits for us. */
	if (write(ph->ready[1], &c, 1) != 1)
		rc = kz_err(err, KZ_EINVAL, "cannot signal ready: %s", strerror(errno));
	if (rc == KZ_OK && ph->op == OP_ISSUE)
		kz_db_time_lock(db, 1);
	wait_go(ph->go[0]);
	if (rc == KZ_OK && !b->sh->abort)
		rc = child_loop(b, db, ph->op, idx, err);
	if (db != NULL && ph->op == OP_ISSUE)
		b->sh->slot[idx].ntiming = kz_db_lock_times(db, b->sh->slot[idx].timing);
	if (rc == KZ_OK && ph->op == OP_NEXT && !b->sh->abort)
		rc = at_step(kz_counter_close(db, idx + 1, NULL, NULL, err), "close counter", err);
	kz_db_close(db);
	if (rc != KZ_OK)
		fprintf(stderr, "queue_bench: %s phase, process %d: %s (%s)\n", op_name[ph->op],
			idx, err, kz_err_name(rc));
	_exit(rc == KZ_OK ? 0 : 1);
}

/* --- the parent --- */

static int
spawn(struct bench *b, struct phase *ph)
{
	if (pipe(ph->ready) < 0 || pipe(ph->go) < 0) {
		perror("queue_bench: pipe");
		return -1; /* nothing forked: the caller must not touch the pipes */
	}
	fflush(NULL); /* else children would inherit unwritten output */
	for (ph->started = 0; ph->started < ph->procs; ph->started++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("queue_bench: fork");
			b->sh->abort = 1;
			break;
		}
		if (pid == 0) {
			close(ph->ready[0]);
			close(ph->go[1]);
			child_main(b, ph, ph->started);
		}
		ph->pid[ph->started] = pid;
	}
	close(ph->ready[1]);
	close(ph->go[0]);
	return b->sh->abort ? -1 : 0;
}

/* Wait for every child's ready byte (or all of them gone). */
static void
wait_ready(struct phase *ph)
{
	char buf[MAX_PROCS];
	int got = 0;

	while (got < ph->started) {
		ssize_t n = read(ph->ready[0], buf, (size_t)(ph->started - got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (int)n;
	}
	close(ph->ready[0]);
}

static int
reap(struct phase *ph)
{
	int bad = 0;

	for (int i = 0; i < ph->started; i++) {
		int status = 0;
		pid_t r;
		while ((r = waitpid(ph->pid[i], &status, 0)) < 0 && errno == EINTR)
			;
		if (r < 0) {
			perror("queue_bench: waitpid");
			bad = 1;
		} else if (WIFSIGNALED(status)) {
			fprintf(stderr, "queue_bench: %s, process %d died of signal %d\n",
				op_name[ph->op], i, WTERMSIG(status));
			bad = 1;
		} else if (WEXITSTATUS(status) != 0) {
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Nearest rank: the smallest sample with at least p of them at or below. */
static double
percentile_ms(const int64_t *sorted, long n, double p)
{
	long k = (long)ceil(p * (double)n);

	return (double)sorted[k < 1 ? 0 : k - 1] / 1e6;
}

/* Pool the children's samples; wall time from release to the last done. */
static int
summarize(struct bench *b, const struct phase *ph, int64_t start, struct result *r)
{
	int64_t *all = malloc(sizeof *all * (size_t)ph->procs * (size_t)b->ops);
	int64_t end = start;
	long n = 0;

	if (all == NULL)
		return -1;
	for (int i = 0; i < ph->procs; i++) {
		const struct slot *s = &b->sh->slot[i];
		memcpy(all + n, b->sh->lat + (size_t)i * (size_t)b->ops,
			sizeof *all * (size_t)s->done);
		n += s->done;
		b->empty += s->empty;
		r->busy += s->busy;
		if (s->busy && b->busy_msg[0] == '\0')
			snprintf(b->busy_msg, sizeof b->busy_msg, "%s", s->busy_msg);
		end = s->end_ns > end ? s->end_ns : end;
	}
	qsort(all, (size_t)n, sizeof *all, cmp_i64);
	r->n = n;
	r->p50 = n ? percentile_ms(all, n, 0.50) : 0;
	r->p99 = n ? percentile_ms(all, n, 0.99) : 0;
	r->max = n ? (double)all[n - 1] / 1e6 : 0;
	r->ops_s = end > start ? (double)n / ((double)(end - start) / 1e9) : 0;
	free(all);
	return 0;
}

static int
run_phase(struct bench *b, enum op op, int procs, struct result *r)
{
	struct phase ph = {.op = op, .procs = procs};
	int64_t start;
	int failed;

	memset(b->sh, 0, sizeof *b->sh);
	*r = (struct result){.waiting = b->waiting};
	failed = spawn(b, &ph) < 0;
	if (failed && ph.started == 0)
		return -1;
	wait_ready(&ph);
	start = now_ns();
	close(ph.go[1]); /* the barrier: every child's read returns now */
	failed |= reap(&ph) < 0;
	if (failed || summarize(b, &ph, start, r) < 0)
		return -1;
	b->busy += r->busy;
	if (op == OP_ISSUE) {
		b->waiting += r->n;
		b->issued += r->n;
	} else if (op == OP_NEXT) {
		b->waiting -= r->n;
	}
	return 0;
}

/* Where the issue's transaction holds the write lock: each statement's
 * mean time per ticket, pooled over the phase's processes, the whole
 * hold ("(lock held)") last. */
static void
print_lock_times(const struct bench *b, int procs)
{
	struct kz_db_timing all[KZ_DB_TIMING_ROWS];
	double held = 0;
	long tickets = 0;
	int n = 0;

	for (int i = 0; i < procs; i++) {
		const struct slot *s = &b->sh->slot[i];
		tickets += s->done;
		for (int j = 0; j < s->ntiming; j++) {
			int k = 0;
			while (k < n && strcmp(all[k].sql, s->timing[j].sql) != 0)
				k++;
			if (k == n) {
				if (n == KZ_DB_TIMING_ROWS)
					continue;
				all[n++] = (struct kz_db_timing){.ms = 0, .n = 0};
				snprintf(all[k].sql, sizeof all[k].sql, "%s", s->timing[j].sql);
			}
			all[k].ms += s->timing[j].ms;
			all[k].n += s->timing[j].n;
		}
	}
	if (tickets == 0)
		return;
	for (int k = 0; k < n; k++)
		if (strcmp(all[k].sql, "(lock held)") == 0)
			held = all[k].ms;
	printf("  under the write lock, issue at %d processes (mean ms a ticket, share of the hold):\n",
		procs);
	for (int pass = 0; pass < 2; pass++)
		for (int k = 0; k < n; k++)
			if ((strcmp(all[k].sql, "(lock held)") == 0) == pass)
				printf("  %8.4f %5.1f%%  %.60s\n", all[k].ms / (double)tickets,
					held > 0 ? all[k].ms / held * 100 : 0, all[k].sql);
}

static void
print_header(const struct bench *b)
{
	printf("kezek queue_bench: %d ops per process, WAL, synchronous=FULL, busy_timeout %d ms, "
	       "%ld cores, load average %.1f\n",
		b->ops, KZ_DB_BUSY_MS, sysconf(_SC_NPROCESSORS_ONLN), bench_load());
	if (b->pause_us > 0)
		printf("each process pauses a random %.2f ms on average after each operation, as "
		       "between arrivals\n",
			b->pause_us / 1000.0);
	else
		printf("no pause between operations (--pause 0)\n");
	printf("database %s\n\n", b->db);
	printf("%-13s %5s %8s %8s %8s %8s %10s %10s %14s %8s %5s\n", "operation", "procs", "p50 ms",
		"p99 ms", "max ms", "ops/s", "p50/floor", "p99/floor", "ops/s vs floor", "waiting",
		"busy");
}

static void
print_row(enum op op, int procs, const struct result *r, const struct result *floor)
{
	printf("%-13s %5d %8.3f %8.3f %8.3f %8.0f %10.2f %10.2f %14.2f %8ld %5ld\n", op_name[op],
		procs, r->p50, r->p99, r->max, r->ops_s, floor->p50 > 0 ? r->p50 / floor->p50 : 0,
		floor->p99 > 0 ? r->p99 / floor->p99 : 0,
		floor->ops_s > 0 ? r->ops_s / floor->ops_s : 0, r->waiting, r->busy);
	fflush(stdout);
}

/* Floor, issue, then call at one concurrency; the calls need as many
 * tickets waiting as they will make. */
static int
run_level(struct bench *b, int procs, char *err)
{
	struct result floor, r;
	int rc;

	if (run_phase(b, OP_FLOOR, procs, &floor) < 0)
		return -1;
	print_row(OP_FLOOR, procs, &floor, &floor);
	if (run_phase(b, OP_ISSUE, procs, &r) < 0)
		return -1;
	print_row(OP_ISSUE, procs, &r, &floor);
	if (b->where)
		print_lock_times(b, procs);
	b->floor = floor;
	b->issue = r;
	if ((rc = top_up(b, (long)procs * b->ops, err)) != KZ_OK) {
		fprintf(stderr, "queue_bench: issuing tickets to call: %s: %s\n", kz_err_name(rc),
			err);
		return -1;
	}
	if (run_phase(b, OP_NEXT, procs, &r) < 0)
		return -1;
	print_row(OP_NEXT, procs, &r, &floor);
	return 0;
}

static void
print_footer(const struct bench *b, double seconds)
{
	struct stat st;

	printf("\ncall next: each call is followed by an unmeasured finish (served), so its\n"
	       "ops/s counts call+finish cycles; it found no one waiting %ld times.\n"
	       "waiting: tickets waiting when the phase began.\n"
	       "busy: operations (for call next, also the finishes) that gave up after\n"
	       "busy_timeout; left out of the figures, and they make the run fail.\n",
		b->empty);
	if (stat(b->db, &st) == 0)
		printf("database file %s: %lld bytes (%.1f MiB) after %ld tickets\n", b->db,
			(long long)st.st_size, (double)st.st_size / (1024.0 * 1024.0), b->issued);
	printf("run took %.1f s%s; load average %.1f\n", seconds,
		b->keep ? "" : "; temporary folder removed", bench_load());
}

static int
run(struct bench *b)
{
	char err[KZ_ERR_LEN] = "";
	int64_t t0 = now_ns();
	int rc;

	if ((rc = setup_hall(b, err)) != KZ_OK) {
		fprintf(stderr, "queue_bench: setting up the hall: %s: %s\n", kz_err_name(rc), err);
		return -1;
	}
	if (map_shared(b) < 0)
		return -1;
	print_header(b);
	for (size_t i = 0; i < sizeof procs_list / sizeof procs_list[0]; i++) {
		if (i > 0)
			printf("\n");
		if (run_level(b, procs_list[i], err) < 0)
			return -1;
	}
	printf("\nat %d processes, issue against the bare insert: p50 %.2fx (goal 3x), p99 %.2fx "
	       "(goal 1.5x)\n",
		procs_list[sizeof procs_list / sizeof procs_list[0] - 1],
		b->floor.p50 > 0 ? b->issue.p50 / b->floor.p50 : 0,
		b->floor.p99 > 0 ? b->issue.p99 / b->floor.p99 : 0);
	print_footer(b, (double)(now_ns() - t0) / 1e9);
	if (b->busy > 0) {
		fprintf(stderr,
			"queue_bench: %ld operations gave up waiting for the lock; the "
			"first said: %s\n",
			b->busy, b->busy_msg);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct bench b = {.ops = 300, .pause_us = 1000};
	int rc;

	if (parse_args(argc, argv, &b) < 0 || make_dir(&b) < 0)
		return 2;
	rc = run(&b);
	if (b.sh != NULL && b.sh != MAP_FAILED)
		munmap(b.sh, b.shlen);
	kz_cal_free(b.cal);
	if (!b.keep)
		remove_dir(&b);
	return rc < 0 ? 1 : 0;
}
