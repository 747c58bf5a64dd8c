/* term.c - single keys and lines from a terminal, or lines from a file; see term.h. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term.h"

static struct termios saved;
static int raw_on, saved_ok;

int
kz_term_interactive(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

void
kz_term_restore(void)
{
	if (raw_on && saved_ok)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	raw_on = 0;
}

static void
on_signal(int sig)
{
	kz_term_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Keys one by one, no echo; or back to lines with echo (canonical). */
static void
set_mode(int raw, int echo)
{
	struct termios t = saved;

	if (!saved_ok)
		return;
	if (raw)
		t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	else if (!echo)
		t.c_lflag &= ~(tcflag_t)ECHO;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
	raw_on = 1;
}

void
kz_term_raw(void)
{
	if (!kz_term_interactive())
		return;
	if (!saved_ok) {
		if (tcgetattr(STDIN_FILENO, &saved) != 0)
			return;
		saved_ok = 1;
		atexit(kz_term_restore);
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
	}
	set_mode(1, 0);
}

/* One line from standard input into buf, without its end; the rest of a
 * long line is read and dropped.  0 or KZ_TERM_EOF. */
static int
read_line(char *buf, size_t len)
{
	size_t n = 0;
	char c;
	ssize_t r;

	for (;;) {
		r = read(STDIN_FILENO, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			buf[n < len ? n : len - 1] = '\0';
			return n > 0 ? 0 : KZ_TERM_EOF;
		}
		if (c == '\n')
			break;
		if (n + 1 < len)
			buf[n++] = c;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return 0;
}

int
kz_term_key(int timeout_ms)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	char line[256];
	unsigned char c;
	ssize_t r;

	if (!raw_on) {
		if (read_line(line, sizeof line) != 0)
			return KZ_TERM_EOF;
		for (char *s = line; *s; s++)
			if (*s != ' ' && *s != '\t')
				return (unsigned char)*s;
		return '\n';
	}
	if (poll(&p, 1, timeout_ms) == 0)
		return KZ_TERM_TIMEOUT;
	do
		r = read(STDIN_FILENO, &c, 1);
	while (r < 0 && errno == EINTR);
	if (r <= 0 || c == 4) /* Ctrl-D */
		return KZ_TERM_EOF;
	return c == '\r' ? '\n' : c;
}

int
kz_term_line(const char *prompt, char *buf, size_t len, int secret)
{
	int was_raw = raw_on, rc;

	if (kz_term_interactive()) {
		fputs(prompt, stdout);
		fflush(stdout);
		if (saved_ok || tcgetattr(STDIN_FILENO, &saved) == 0) {
			saved_ok = 1;
			set_mode(0, !secret);
		}
	}
	rc = read_line(buf, len);
	if (kz_term_interactive()) {
		if (secret)
			fputs("\n", stdout);
		if (was_raw)
			set_mode(1, 0);
		else
			kz_term_restore();
	}
	return rc;
}

void
kz_term_progress(const char *what, long done, long total)
{
	static struct timespec last;
	struct timespec now;

	if (!isatty(STDERR_FILENO))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now); /* pacing the screen, not the hall's time */
	if (done < total &&
		(now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000 < 100)
		return;
	last = now;
	if (done >= total)
		fprintf(stderr, "\r\033[K");
	else
		fprintf(stderr, "\r\033[K%s: %ld of %ld (%ld%%)", what, done, total,
			total > 0 ? done * 100 / total : 0);
	fflush(stderr);
}

int
kz_term_new_pin(const char *who, char *pin, size_t len)
{
	char again[64] = "";
	int rc = 0;

	if (kz_term_line("PIN: ", pin, len, 1) != 0) {
		fprintf(stderr,
			"kezek %s: no PIN on standard input; type it, or "
			"'read -s P && echo \"$P\" | kezek %s pin NAME'\n",
			who, who);
		return -1;
	}
	if (kz_term_interactive() &&
		(kz_term_line("PIN again: ", again, sizeof again, 1) != 0 ||
			strcmp(pin, again) != 0)) {
		fprintf(stderr, "kezek %s: the two PINs differ; nothing changed\n", who);
		rc = -1;
	}
	memset(again, 0, sizeof again);
	return rc;
}
