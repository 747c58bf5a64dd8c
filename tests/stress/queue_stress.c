/*
 * queue_stress.c - many processes on one hall database, with and without
 * SIGKILL at random moments; then nothing may be lost, doubled or skipped.
 *
 * 8 issuers take tickets and 8 clerks (one per counter) call, start,
 * recall, transfer and finish them until --ops operations have committed.
 * --mode kill also kills a random process every few milliseconds and starts
 * another in its place.  Afterwards: the database's integrity, the audit
 * (the event log rebuilds every ticket row; nobody called twice or at two
 * counters; numbers 1..N per service with no gap or repeat), and every
 * ticket an issuer saw committed is in the database.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
#include "queue/history.h"
#include "queue/ticket.h"

#define ISSUERS 8
#define CALLERS 8
#define PROCS   (ISSUERS + CALLERS)

struct shared {
	atomic_long ops;   /* committed operations, all processes */
	atomic_long busy;  /* operations retried after busy_timeout */
	atomic_long empty; /* next with no one waiting */
};

static struct shared *sh;
static struct kz_calendar *cal; /* rules only: the load runs on a Friday morning */
static long target = 24000;
static char dir[256], db_path[512];
static const char *const services[] = {"A", "B", "C"};

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "queue_stress [%d]: %s: %s\n", (int)getpid(), what, err);
	_exit(1);
}

static void
write_config(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		die("write config", strerror(errno));
	fprintf(f, "[hall]\nname_kk = Сынақ\nname_ru = Тест\ndatabase = %s\n", db_path);
	for (int i = 0; i < 3; i++)
		fprintf(f, "[service %s]\nname_kk = %s\nname_ru = %s\n", services[i], services[i],
			services[i]);
	for (int c = 1; c <= CALLERS; c++)
		fprintf(f, "[counter %d]\nservices = A, B, C\n", c);
	fclose(f);
}

/* Count a committed operation; returns nonzero while work remains. */
static int
count(int rc)
{
	if (rc == KZ_OK)
		atomic_fetch_add(&sh->ops, 1);
	else if (rc == KZ_EBUSY)
		atomic_fetch_add(&sh->busy, 1);
	return atomic_load(&sh->ops) < target;
}

static void
issuer(int id)
{
	char err[KZ_ERR_LEN], log_path[600];
	struct kz_db *db;
	struct kz_ticket t;
	int fd, rc;

	srand((unsigned)getpid());
	if (kz_db_open(db_path, 0, &db, err) != KZ_OK)
		die("open", err);
	snprintf(log_path, sizeof log_path, "%s/issued-%d.log", dir, id);
	fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd < 0)
		die("open log", strerror(errno));
	do {
		rc = kz_ticket_issue(db, cal, services[rand() % 3], &t, err);
		if (rc != KZ_OK && rc != KZ_EBUSY)
			die("issue", err);
		if (rc == KZ_OK) {
			char line[40];
			int n = snprintf(line, sizeof line, "%s\n", t.number);
			if (write(fd, line, (size_t)n) != n)
				die("write log", strerror(errno));
		}
	} while (count(rc));
	close(fd);
	kz_db_close(db);
	_exit(0);
}

/* One visit at counter: the shapes a real day has. */
static int
serve(struct kz_db *db, int counter, char *err)
{
	struct kz_ticket t;
	int r = rand() % 20, rc;

	if (r < 2)
		return kz_ticket_finish(db, counter, KZ_NO_SHOW, NULL, NULL, &t, err);
	if (r < 3)
		return kz_ticket_finish(db, counter, KZ_CANCELLED, NULL, NULL, &t, err);
	if (r < 5 && !count(kz_ticket_recall(db, counter, &t, err)))
		return KZ_OK;
	if ((rc = kz_ticket_start(db, counter, &t, err)) != KZ_OK && rc != KZ_EREJECT)
		return rc;
	if (rc == KZ_OK && !count(rc))
		return KZ_OK;
	if (r < 6) {
		const char *to = strcmp(t.service, "C") == 0 ? "A" : "C";
		return kz_ticket_finish(db, counter, KZ_TRANSFERRED, to, NULL, &t, err);
	}
	return kz_ticket_finish(db, counter, KZ_SERVED, NULL, NULL, &t, err);
}

static void
caller(int counter)
{
	char err[KZ_ERR_LEN], name[64];
	struct kz_db *db;
	struct kz_ticket t;
	int rc;

	srand((unsigned)getpid());
	if (kz_db_open(db_path, 0, &db, err) != KZ_OK)
		die("open", err);
	snprintf(name, sizeof name, "Clerk %d", counter);
	rc = kz_counter_open(db, counter, name, "Specialist", err);
	if (rc != KZ_OK && rc != KZ_EREJECT) /* REJECT: open since a killed predecessor */
		die("open counter", err);
	do {
		rc = kz_ticket_next(db, counter, &t, err);
		if (rc == KZ_EEMPTY) {
			atomic_fetch_add(&sh->empty, 1);
			usleep(500);
			continue;
		}
		if (rc == KZ_EREJECT) /* a predecessor's visitor is still here */
			rc = kz_ticket_finish(db, counter, KZ_SERVED, NULL, NULL, &t, err);
		else if (rc == KZ_OK && count(rc))
			rc = serve(db, counter, err);
		if (rc != KZ_OK && rc != KZ_EBUSY && rc != KZ_EREJECT)
			die("serve", err);
	} while (count(rc == KZ_EREJECT ? KZ_EINVAL : rc));
	kz_db_close(db);
	_exit(0);
}

static pid_t
spawn(int role)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork", strerror(errno));
	if (pid == 0) {
		if (role < ISSUERS)
			issuer(role);
		caller(role - ISSUERS + 1);
	}
	return pid;
}

static int
role_of(pid_t *pids, pid_t pid)
{
	for (int i = 0; i < PROCS; i++)
		if (pids[i] == pid)
			return i;
	return -1;
}

/* Run the load; in kill mode, kill and replace a random process now and then. */
static int
run(int killing, long *kills)
{
	pid_t pids[PROCS];
	int status, failed = 0, left = PROCS;

	for (int i = 0; i < PROCS; i++)
		pids[i] = spawn(i);
	while (killing && atomic_load(&sh->ops) < target) {
		int victim = rand() % PROCS;
		usleep(2000 + (useconds_t)(rand() % 20000));
		if (kill(pids[victim], SIGKILL) == 0 && waitpid(pids[victim], &status, 0) > 0) {
			(*kills)++;
			if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
				failed = 1;
			pids[victim] = spawn(victim);
		}
	}
	while (left > 0) {
		pid_t pid = wait(&status);
		if (pid < 0)
			break;
		if (role_of(pids, pid) < 0)
			continue;
		left--;
		if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
			failed = 1;
		if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
			failed = 1;
	}
	return failed;
}

/* Every number an issuer wrote to its log is a ticket in the database. */
static long
check_logs(struct kz_db *db, long *missing)
{
	char path[600], line[64], err[KZ_ERR_LEN];
	struct kz_ticket t;
	long seen = 0;

	for (int i = 0; i < ISSUERS; i++) {
		FILE *f;
		snprintf(path, sizeof path, "%s/issued-%d.log", dir, i);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\n")] = '\0';
			seen++;
			if (kz_ticket_find(db, line, NULL, &t, err) != KZ_OK) {
				fprintf(stderr, "queue_stress: %s was issued but is lost: %s\n",
					line, err);
				(*missing)++;
			}
		}
		fclose(f);
	}
	return seen;
}

static int
verify(long kills)
{
	char err[KZ_ERR_LEN];
	struct kz_db *db;
	int64_t tickets = 0;
	long missing = 0, logged;
	int ok = 1;

	if (kz_db_open(db_path, 0, &db, err) != KZ_OK)
		die("reopen", err);
	if (kz_db_integrity(db, err) != KZ_OK) {
		fprintf(stderr, "queue_stress: integrity: %s\n", err);
		ok = 0;
	}
	if (kz_history_audit(db, &tickets, err) != KZ_OK) {
		fprintf(stderr, "queue_stress: audit: %s\n", err);
		ok = 0;
	}
	logged = check_logs(db, &missing);
	if (missing > 0 || logged == 0)
		ok = 0;
	if (atomic_load(&sh->ops) < 20000) {
		fprintf(stderr, "queue_stress: only %ld operations committed\n",
			(long)atomic_load(&sh->ops));
		ok = 0;
	}
	printf("queue_stress: %ld operations by %d processes, %ld kills; %lld ticket rows "
	       "audited against the event log, %ld issued tickets all found, %ld retries after "
	       "busy, %ld calls to an empty queue: %s\n",
		(long)atomic_load(&sh->ops), PROCS, kills, (long long)tickets, logged,
		(long)atomic_load(&sh->busy), (long)atomic_load(&sh->empty), ok ? "ok" : "FAILED");
	kz_db_close(db);
	return ok;
}

static int
setup(void)
{
	char err[KZ_ERR_LEN], ini[600];
	struct kz_config *cfg = malloc(sizeof *cfg);
	struct kz_db *db;

	snprintf(dir, sizeof dir, "%s/kezek-stress-XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (cfg == NULL || mkdtemp(dir) == NULL)
		die("mkdtemp", strerror(errno));
	snprintf(db_path, sizeof db_path, "%s/hall.db", dir);
	snprintf(ini, sizeof ini, "%s/hall.ini", dir);
	write_config(ini);
	if (kz_config_load(ini, cfg, err) != KZ_OK)
		die("config", err);
	if (kz_clock_setup("Asia/Almaty", "2026-03-20T10:00", err) != KZ_OK)
		die("clock", err);
	if (kz_cal_load(NULL, NULL, &cal, err) != KZ_OK)
		die("calendar", err);
	if (kz_db_open(db_path, KZ_DB_CREATE, &db, err) != KZ_OK ||
		kz_hall_sync(db, cfg, NULL, err) != KZ_OK)
		die("create", err);
	kz_db_close(db);
	free(cfg);
	return 0;
}

int
main(int argc, char **argv)
{
	int killing = 0, ok;
	long kills = 0;
	char cmd[600];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc)
			killing = strcmp(argv[++i], "kill") == 0;
		else if (strcmp(argv[i], "--ops") == 0 && i + 1 < argc)
			target = atol(argv[++i]);
		else {
			fprintf(stderr, "usage: queue_stress [--mode load|kill] [--ops N]\n");
			return 1;
		}
	}
	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		die("mmap", strerror(errno));
	srand((unsigned)time(NULL));
	setup();
	alarm(1200); /* a hang is a failure, not a wait forever */
	ok = run(killing, &kills) == 0;
	ok = verify(kills) && ok;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (ok && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	if (!ok)
		fprintf(stderr, "queue_stress: the database is kept in %s\n", dir);
	kz_cal_free(cal);
	return ok ? 0 : 1;
}
