/*
 * person.c - the personal data a command takes (an applicant, a
 * complainant, a proxy), read as "key: value" lines on standard input or
 * from a file only its owner can read, never from the arguments: a
 * process's arguments are in /proc/PID/cmdline for every user to read.
 *
 * The input: UTF-8 text, at most KZ_PERSON_MAX bytes, one "key: value" a
 * line; spaces around the key and the value are dropped; a line that
 * starts with a space or a tab continues the value above it on a new line
 * (its leading blanks dropped): a name refuses that, a complaint's text
 * keeps it; blank lines and lines starting with '#' are skipped; each
 * key at most once.  Messages never show a value: only line numbers and
 * keys.  Start reading at kz_person_read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kezek.h"
#include "queue/utf8.h"

/* Say "kezek CMD: where[, line N]: message" on stderr, in one line. */
static int say(const struct kz_cli *cli, const char *where, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
say(const struct kz_cli *cli, const char *where, int line, const char *fmt, ...)
{
	char raw[KZ_ERR_LEN], said[KZ_ERR_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	kz_err(said, 0, "%s", raw); /* one line, control characters escaped */
	if (line > 0)
		fprintf(stderr, "kezek %s: %s, line %d: %s\n", cli->cmd->name, where, line, said);
	else
		fprintf(stderr, "kezek %s: %s: %s\n", cli->cmd->name, where, said);
	return KZ_EXIT_USAGE;
}

/* "name, iin, bin, ..." into out. */
static void
key_list(const struct kz_cmd_key *keys, char *out, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; keys[i].name != NULL && n < len; i++)
		n += (size_t)snprintf(out + n, len - n, "%s%s", i ? ", " : "", keys[i].name);
}

static int
key_index(const struct kz_cmd_key *keys, const char *name, size_t len)
{
	for (int i = 0; keys[i].name != NULL && i < KZ_PERSON_KEYS; i++)
		if (strlen(keys[i].name) == len && strncmp(keys[i].name, name, len) == 0)
			return i;
	return -1;
}

/* Text only: UTF-8, no control characters but tab, CR and LF (a NUL is
 * one); in[n] is NUL.  The line of the first fault, 0 if none. */
static int
check_text(const char *in, size_t n, int *bad_utf8)
{
	const unsigned char *s = (const unsigned char *)in;
	int line = 1;
	uint32_t cp;

	*bad_utf8 = 0;
	for (size_t i = 0, len; i < n; i += len) {
		if (s[i] == '\0')
			return line;
		len = (size_t)kz_utf8_next(s + i, &cp);
		*bad_utf8 = cp == KZ_NOT_UNICODE;
		if (*bad_utf8 || (cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n') ||
			cp == 0x7f)
			return line;
		line += cp == '\n';
	}
	return 0;
}

static void
trim(const char **b, const char **e)
{
	while (*b < *e && (**b == ' ' || **b == '\t'))
		(*b)++;
	while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
		(*e)--;
}

/* Append [b, e) to *value, after a line break if it holds something. */
static int
append(char **value, const char *b, const char *e)
{
	size_t had = *value ? strlen(*value) : 0, add = (size_t)(e - b);
	char *v = realloc(*value, had + (had > 0) + add + 1);

	if (v == NULL)
		return -1;
	if (had > 0)
		v[had++] = '\n';
	memcpy(v + had, b, add);
	v[had + add] = '\0';
	*value = v;
	return 0;
}

/* Parse the n bytes of in (from where) into p. */
static int
parse(const struct kz_cli *cli, const char *where, const char *in, size_t n, struct kz_person *p)
{
	const struct kz_cmd_key *keys = cli->cmd->keys;
	const char *end = in + n, *eol;
	char known[256];
	int line = 0, last = -1, bad_utf8 = 0, at;

	key_list(keys, known, sizeof known);
	if ((at = check_text(in, n, &bad_utf8)) > 0)
		return say(cli, where, at, "%s",
			bad_utf8 ? "not UTF-8 text; save it as UTF-8"
				 : "a control character; give plain 'key: value' lines");
	for (const char *s = in; s < end; s = eol + (eol < end)) {
		const char *b = s, *e, *colon;
		int k;

		line++;
		eol = memchr(s, '\n', (size_t)(end - s));
		eol = eol ? eol : end;
		e = eol;
		if ((*s == ' ' || *s == '\t') && (trim(&b, &e), b < e)) {
			if (last < 0)
				return say(cli, where, line,
					"an indented line continues the value above it, but "
					"there is none; start the line with a key");
			if (append(&p->value[last], b, e) != 0)
				return say(cli, where, line, "out of memory");
			continue;
		}
		trim(&b, &e);
		last = -1;
		if (b == e || *b == '#')
			continue;
		if ((colon = memchr(b, ':', (size_t)(e - b))) == NULL)
			return say(cli, where, line,
				"no ':' after a key; write 'key: value' (keys: %s)", known);
		e = colon;
		trim(&b, &e);
		if ((k = key_index(keys, b, (size_t)(e - b))) < 0) {
			if ((size_t)(e - b) > 24 ||
				strspn(b, "abcdefghijklmnopqrstuvwxyz-") < (size_t)(e - b))
				return say(cli, where, line, "the key is not one of kezek %s's: %s",
					cli->cmd->name, known);
			return say(cli, where, line, "'%.*s' is not a key of kezek %s: %s",
				(int)(e - b), b, cli->cmd->name, known);
		}
		if (p->value[k] != NULL)
			return say(cli, where, line,
				"'%s' was given on line %d already; give it once", keys[k].name,
				p->line[k]);
		b = colon + 1;
		e = eol;
		trim(&b, &e);
		if (b == e)
			return say(cli, where, line,
				"'%s' has no value; give one or leave the line out", keys[k].name);
		if (append(&p->value[k], b, e) != 0)
			return say(cli, where, line, "out of memory");
		p->line[k] = line;
		last = k;
	}
	return KZ_EXIT_OK;
}

/* Read all of fd, at most KZ_PERSON_MAX bytes, into a new buffer. */
static int
slurp(const struct kz_cli *cli, const char *where, int fd, char **out, size_t *n)
{
	char *buf = malloc(KZ_PERSON_MAX + 1);
	size_t have = 0;
	ssize_t got;

	if (buf == NULL)
		return say(cli, where, 0, "out of memory");
	/* One byte more than allowed tells an input too long from a full one. */
	while (have <= KZ_PERSON_MAX) {
		got = read(fd, buf + have, KZ_PERSON_MAX + 1 - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return say(cli, where, 0, "cannot read it: %s", strerror(errno));
		}
		if (got == 0)
			break;
		have += (size_t)got;
	}
	if (have > KZ_PERSON_MAX) {
		free(buf);
		return say(cli, where, 0,
			"more than %d KiB; personal data is a few lines of 'key: value'",
			KZ_PERSON_MAX / 1024);
	}
	buf[have] = '\0';
	*out = buf;
	*n = have;
	return KZ_EXIT_OK;
}

/* Open path for reading if it is a regular file only its owner can read. */
static int
open_private(const struct kz_cli *cli, const char *path, int *fd)
{
	struct stat st;

	/* O_NONBLOCK: a FIFO named here must not block before it is refused. */
	if ((*fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return say(cli, path, 0, "cannot open it: %s", strerror(errno));
	if (fstat(*fd, &st) != 0) {
		close(*fd);
		return say(cli, path, 0, "cannot read it: %s", strerror(errno));
	}
	if (!S_ISREG(st.st_mode) || (st.st_mode & 077) != 0 || st.st_size > KZ_PERSON_MAX) {
		close(*fd);
		if (!S_ISREG(st.st_mode))
			return say(cli, path, 0,
				"not a regular file; write the data to a file of mode 0600, or "
				"give it on standard input");
		if ((st.st_mode & 077) != 0)
			return say(cli, path, 0,
				"other users can read it (mode %04o); run 'chmod 600 %s' and "
				"try again",
				(unsigned)(st.st_mode & 07777), path);
		return say(cli, path, 0,
			"more than %d KiB; personal data is a few lines of 'key: value'",
			KZ_PERSON_MAX / 1024);
	}
	if (fcntl(*fd, F_SETFL, 0) != 0) { /* a regular file: blocking reads again */
		close(*fd);
		return say(cli, path, 0, "cannot read it: %s", strerror(errno));
	}
	return KZ_EXIT_OK;
}

int
kz_person_read(struct kz_cli *cli, struct kz_person *p)
{
	const char *path = kz_cli_opt(cli, "from");
	const char *where = path ? path : "standard input";
	char *buf = NULL, known[256];
	size_t n = 0;
	int fd = 0, rc;

	memset(p, 0, sizeof *p);
	p->keys = cli->cmd->keys;
	if (path != NULL && (rc = open_private(cli, path, &fd)) != KZ_EXIT_OK)
		return rc;
	if (path == NULL && isatty(0)) {
		key_list(p->keys, known, sizeof known);
		fprintf(stderr,
			"kezek %s: type the personal data as 'key: value' lines (%s), then "
			"Ctrl-D\n",
			cli->cmd->name, known);
	}
	rc = slurp(cli, where, fd, &buf, &n);
	if (path != NULL)
		close(fd);
	if (rc == KZ_EXIT_OK)
		rc = parse(cli, where, buf, n, p);
	free(buf);
	if (rc != KZ_EXIT_OK)
		kz_person_free(p);
	return rc;
}

const char *
kz_person_get(const struct kz_person *p, const char *key)
{
	int k = p->keys ? key_index(p->keys, key, strlen(key)) : -1;

	return k < 0 ? NULL : p->value[k];
}

int
kz_person_line(const struct kz_person *p, const char *key)
{
	int k = p->keys ? key_index(p->keys, key, strlen(key)) : -1;

	return k < 0 ? 0 : p->line[k];
}

void
kz_person_free(struct kz_person *p)
{
	for (int i = 0; i < KZ_PERSON_KEYS; i++) {
		free(p->value[i]);
		p->value[i] = NULL;
	}
}

int
kz_person_refuse(const struct kz_cli *cli, const char *option)
{
	const char *name = cli->cmd->name, *id = NULL;

	for (const struct kz_cmd_key *k = cli->cmd->keys; k && k->name; k++)
		if (strcmp(k->name, "iin") == 0 || strcmp(k->name, "bin") == 0)
			id = id ? "iin: ...' or 'bin" : k->name;
	if (option != NULL)
		fprintf(stderr,
			"kezek %s: --%s puts personal data where every user of this machine can "
			"read it; give it on standard input as '%s: ...' (see 'kezek %s --help')\n",
			name, option, option, name);
	else if (cli->cmd->keys != NULL)
		fprintf(stderr,
			"kezek %s: an argument of 12 digits looks like an IIN or BIN, which every "
			"user of this machine could read; give it on standard input as '%s: ...' "
			"(see 'kezek %s --help')\n",
			name, id ? id : "key", name);
	else
		fprintf(stderr,
			"kezek %s: an argument of 12 digits looks like an IIN or BIN, which every "
			"user of this machine could read; no command takes one as an argument: "
			"intake reads it on standard input (see 'kezek accept --help')\n",
			name);
	return KZ_EXIT_USAGE;
}
