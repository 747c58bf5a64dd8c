/* file.c - opening and reading the files Kezek is given; see file.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "file.h"

const char *
kz_file_kind(mode_t mode)
{
	return kz_err_format(S_ISDIR(mode)               ? N_("a folder")
			: S_ISFIFO(mode)                 ? N_("a pipe")
			: S_ISCHR(mode) || S_ISBLK(mode) ? N_("a device")
							 : N_("a special file"));
}

FILE *
kz_file_open(const char *path, long max, const char *what, char *err)
{
	struct stat st;
	FILE *f;
	int fd;

	/* the caller's name for its file in the words err is said in, when
	 * the catalogue has it (N_("holiday file")) */
	what = kz_err_format(what);
	/* O_NONBLOCK: opening a FIFO must not wait for its writer */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0) {
		kz_err(err, KZ_ECONFIG,
			N_("cannot read the %s '%s': %s; check the path and its "
			   "permissions"),
			what, path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		kz_err(err, KZ_ECONFIG, N_("the %s '%s' is not a regular file (%s); name a file"),
			what, path, kz_file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if (st.st_size > max) {
		kz_err(err, KZ_ECONFIG,
			N_("the %s '%s' is %lld bytes, more than the %ld a %s may have; is it the "
			   "right file?"),
			what, path, (long long)st.st_size, max, what);
		close(fd);
		return NULL;
	}
	if (fcntl(fd, F_SETFL, 0) < 0 || (f = fdopen(fd, "rb")) == NULL) {
		kz_err(err, KZ_ECONFIG, N_("cannot read the %s '%s': %s"), what, path,
			strerror(errno));
		close(fd);
		return NULL;
	}
	return f;
}

void *
kz_file_load(const char *path, long max, const char *what, size_t *len, char *err)
{
	FILE *f = kz_file_open(path, max, what, err);
	struct stat st;
	char *data;
	size_t n;

	*len = 0;
	if (f == NULL)
		return NULL;
	/* size from the open file: it may have been replaced since the path was checked */
	if (fstat(fileno(f), &st) < 0 || st.st_size > max ||
		(data = malloc((size_t)st.st_size + 1)) == NULL) {
		kz_err(err, KZ_ENOMEM, N_("cannot read the %s '%s': out of memory"), what, path);
		fclose(f);
		return NULL;
	}
	n = fread(data, 1, (size_t)st.st_size, f);
	if (n != (size_t)st.st_size || ferror(f)) {
		if (ferror(f))
			kz_err(err, KZ_ECONFIG, N_("cannot read the %s '%s': %s"), what, path,
				strerror(errno));
		else
			kz_err(err, KZ_ECONFIG,
				N_("cannot read the %s '%s': it changed while being read"), what,
				path);
		free(data);
		fclose(f);
		return NULL;
	}
	fclose(f);
	data[n] = '\0';
	*len = n;
	return data;
}

void *
kz_file_read(const char *path, size_t *len)
{
	char err[KZ_ERR_LEN];
	struct stat st;
	int e;
	void *data;

	*len = 0;
	if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || st.st_size > KZ_FILE_MAX_FONT)) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		return NULL;
	}
	errno = 0;
	data = kz_file_load(path, KZ_FILE_MAX_FONT, N_("font"), len, err);
	e = errno ? errno : EIO;
	if (data == NULL)
		errno = e;
	return data;
}
