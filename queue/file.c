/* file.c - reading a file whole; see file.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "file.h"

void *
kz_file_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	void *data = NULL;
	long n = -1;
	int e;

	if (f == NULL)
		return NULL;
	errno = 0;
	if (fseek(f, 0, SEEK_END) == 0)
		n = ftell(f);
	if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1)) != NULL &&
		fread(data, 1, (size_t)n, f) != (size_t)n) {
		free(data);
		data = NULL;
	}
	e = data == NULL && errno == 0 ? EIO : errno;
	fclose(f);
	*len = n > 0 ? (size_t)n : 0;
	errno = e;
	return data;
}
