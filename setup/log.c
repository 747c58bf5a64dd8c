/* log.c - leveled lines on stderr; see log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

static const char *program = "kezek";
static int journal = -1; /* not yet known */

void
kz_log_init(const char *name)
{
	program = name;
	journal = -1;
}

/* systemd sets JOURNAL_STREAM=DEVICE:INODE for a service whose stderr is
 * the journal; a child whose stderr was redirected elsewhere must not
 * believe it, so the descriptor itself is compared. */
int
kz_log_to_journal(void)
{
	const char *env = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (journal >= 0)
		return journal;
	journal = env != NULL && sscanf(env, "%llu:%llu", &dev, &ino) == 2 &&
		fstat(STDERR_FILENO, &st) == 0 && (unsigned long long)st.st_dev == dev &&
		(unsigned long long)st.st_ino == ino;
	return journal;
}

void
kz_log(enum kz_log_level level, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (kz_log_to_journal())
		fprintf(stderr, "<%d>%s\n", (int)level, line);
	else
		fprintf(stderr, "%s: %s\n", program, line);
}
