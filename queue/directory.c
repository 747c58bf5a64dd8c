/*
 * directory.c - App. 1 and App. 5 read with libcsv; case-insensitive
 * search through the C.UTF-8 locale's case mapping.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <csv.h>

#include "directory.h"
#include "error.h"
#include "file.h"

#define NCOLUMNS 8

static const char *const columns[NCOLUMNS] = {"key", "region", "name", "address", "official",
	"phones", "emails", "notes"};

struct kz_directory {
	int n, cap;
	struct kz_office_entry *entries;
	char **fields; /* every field of every row, owned */
	int nfields, fields_cap;
};

struct reader {
	struct kz_directory *dir;
	char *row[NCOLUMNS]; /* fields of the row being read */
	int ncols;
	int line; /* data rows, counted from the header as 1 */
	char err[KZ_ERR_LEN];
	int failed;
	const char *path;
};

static void
reader_fail(struct reader *r, const char *what)
{
	if (!r->failed)
		snprintf(r->err, sizeof r->err, "%s: row %d: %s", r->path, r->line, what);
	r->failed = 1;
}

static void
on_field(void *s, size_t len, void *arg)
{
	struct reader *r = arg;
	char *copy;

	if (r->failed)
		return;
	if (r->ncols == NCOLUMNS) {
		reader_fail(r, "more than 8 columns");
		return;
	}
	copy = malloc(len + 1);
	if (copy == NULL) {
		reader_fail(r, "out of memory");
		return;
	}
	memcpy(copy, s ? s : "", len);
	copy[len] = '\0';
	r->row[r->ncols++] = copy;
}

static int
keep_row(struct reader *r)
{
	struct kz_directory *d = r->dir;
	struct kz_office_entry *e;

	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 256;
		struct kz_office_entry *grown = realloc(d->entries, sizeof *grown * (size_t)cap);
		if (grown == NULL)
			return -1;
		d->entries = grown;
		d->cap = cap;
	}
	if (d->nfields + NCOLUMNS > d->fields_cap) {
		int cap = d->fields_cap ? d->fields_cap * 2 : 2048;
		char **grown = realloc(d->fields, sizeof *grown * (size_t)cap);
		if (grown == NULL)
			return -1;
		d->fields = grown;
		d->fields_cap = cap;
	}
	e = &d->entries[d->n++];
	for (int i = 0; i < NCOLUMNS; i++)
		d->fields[d->nfields++] = r->row[i];
	*e = (struct kz_office_entry){r->row[0], r->row[1], r->row[2], r->row[3], r->row[4],
		r->row[5], r->row[6], r->row[7]};
	return 0;
}

static void
on_row(int end, void *arg)
{
	struct reader *r = arg;
	int keep = 0;

	(void)end;
	r->line++;
	if (!r->failed && r->ncols != NCOLUMNS)
		reader_fail(r,
			"needs 8 columns: key, region, name, address, official, phones, "
			"emails, notes");
	else if (!r->failed && r->line == 1) {
		for (int i = 0; i < NCOLUMNS; i++)
			if (strcmp(r->row[i], columns[i]) != 0)
				reader_fail(r,
					"the header must be key,region,name,address,official,"
					"phones,emails,notes");
	} else if (!r->failed && (r->row[0][0] == '\0' || r->row[2][0] == '\0'))
		reader_fail(r, "a row needs a key and a name");
	else if (!r->failed && kz_dir_find(r->dir, r->row[0]) != NULL)
		reader_fail(r, "the key is used twice");
	else if (!r->failed) {
		if (keep_row(r) < 0)
			reader_fail(r, "out of memory");
		else
			keep = 1;
	}
	if (!keep)
		for (int i = 0; i < r->ncols; i++)
			free(r->row[i]);
	r->ncols = 0;
}

int
kz_dir_load(const char *path, struct kz_directory **out, char *err)
{
	struct reader r = {.path = path};
	struct csv_parser p;
	char buf[8192];
	size_t n;
	FILE *f;

	*out = NULL;
	if ((f = kz_file_open(path, KZ_FILE_MAX_DIRECTORY, N_("office directory"), err)) == NULL)
		return KZ_ECONFIG;
	if ((r.dir = calloc(1, sizeof *r.dir)) == NULL ||
		csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fclose(f);
		free(r.dir);
		return kz_err(err, KZ_ENOMEM, "out of memory reading '%s'", path);
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && !r.failed)
		if (csv_parse(&p, buf, n, on_field, on_row, &r) != n)
			reader_fail(&r, csv_strerror(csv_error(&p)));
	if (!r.failed && csv_fini(&p, on_field, on_row, &r) != 0)
		reader_fail(&r, csv_strerror(csv_error(&p)));
	for (int i = 0; i < r.ncols; i++)
		free(r.row[i]);
	csv_free(&p);
	fclose(f);
	if (!r.failed && r.line == 0)
		reader_fail(&r, "the file is empty");
	if (r.failed) {
		kz_dir_free(r.dir);
		return kz_err(err, KZ_ECONFIG, "%s; mend the file and try again", r.err);
	}
	*out = r.dir;
	return KZ_OK;
}

void
kz_dir_free(struct kz_directory *dir)
{
	if (dir == NULL)
		return;
	for (int i = 0; i < dir->nfields; i++)
		free(dir->fields[i]);
	free(dir->fields);
	free(dir->entries);
	free(dir);
}

int
kz_dir_count(const struct kz_directory *dir)
{
	return dir->n;
}

const struct kz_office_entry *
kz_dir_entry(const struct kz_directory *dir, int i)
{
	return i >= 0 && i < dir->n ? &dir->entries[i] : NULL;
}

const struct kz_office_entry *
kz_dir_find(const struct kz_directory *dir, const char *key)
{
	for (int i = 0; i < dir->n; i++)
		if (strcmp(dir->entries[i].key, key) == 0)
			return &dir->entries[i];
	return NULL;
}

/* Decode UTF-8 into lowercase code points; returns the count, -1 if invalid. */
static int
fold(const char *s, wchar_t *out, int cap)
{
	static locale_t utf8;
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;

	if (utf8 == (locale_t)0)
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	while (*p && n < cap) {
		unsigned c = *p,
			 len = c < 0x80      ? 1
			: (c & 0xE0) == 0xC0 ? 2
			: (c & 0xF0) == 0xE0 ? 3
					     : 4;
		wchar_t wc = (wchar_t)(len == 1 ? c : c & (0x3F >> (len - 1)));
		for (unsigned i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return -1;
			wc = (wc << 6) | (p[i] & 0x3F);
		}
		out[n++] = utf8 ? (wchar_t)towlower_l((wint_t)wc, utf8)
				: (wchar_t)towlower((wint_t)wc);
		p += len;
	}
	return n;
}

static int
contains(const char *hay, const wchar_t *needle, int nlen)
{
	wchar_t h[1024];
	int hlen = fold(hay, h, 1024);

	for (int i = 0; i + nlen <= hlen; i++)
		if (memcmp(h + i, needle, sizeof *needle * (size_t)nlen) == 0)
			return 1;
	return 0;
}

int
kz_dir_matches(const struct kz_office_entry *e, const char *text)
{
	const char *cols[] = {e->key, e->region, e->name, e->address, e->official, e->phones,
		e->emails};
	wchar_t needle[256];
	int n = fold(text, needle, 256);

	if (n <= 0)
		return 0;
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (contains(cols[i], needle, n))
			return 1;
	return 0;
}
